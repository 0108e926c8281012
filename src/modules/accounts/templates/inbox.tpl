{{%AUTOESCAPE context="HTML"}}
{{#WELCOME}}<div class="alert alert-success">Tài khoản đã được kích hoạt. Chào mừng bạn! Dưới đây là những việc đang chờ bạn; đổi mật khẩu, thư điện tử tại <a href="/account">Tài khoản của tôi</a>.</div>{{/WELCOME}}
<h1 class="h4">Việc cần làm{{#ANY}} ({{TOTAL}}){{/ANY}}</h1>
{{#NONE}}<p class="text-muted">Không có việc nào đang chờ bạn. </p>{{/NONE}}
{{#GROUP}}
<section class="mb-3">
  <h2 class="h6 mb-1">{{LABEL}} <span class="badge text-bg-secondary">{{COUNT}}</span></h2>
  <ul class="list-group">
  {{#ITEM}}<li class="list-group-item"><a href="{{HREF}}">{{TITLE}}</a>
    <div class="small text-muted">{{UNIT}}{{#AGE}} · {{TEXT}}{{/AGE}}</div></li>{{/ITEM}}
  </ul>
  {{#MORE}}<p class="small text-muted mt-1">… và {{N}} việc nữa cùng loại.</p>{{/MORE}}
</section>
{{/GROUP}}
<p class="small"><a href="/notifications">Thông báo{{#UNREAD}} ({{N}} chưa đọc){{/UNREAD}}</a> · <a href="/account">Tài khoản của tôi</a></p>
