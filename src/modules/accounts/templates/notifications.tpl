{{%AUTOESCAPE context="HTML"}}
<div class="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-2">
  <h1 class="h4 mb-0">Thông báo</h1>
  {{#ANY_UNREAD}}<form method="post" action="/notifications/read"><input type="hidden" name="_csrf" value="{{CSRF}}"><button class="btn btn-sm btn-outline-primary" type="submit">Đánh dấu đã đọc tất cả</button></form>{{/ANY_UNREAD}}
</div>
{{#EMPTY}}<p class="text-muted">Chưa có thông báo nào.</p>{{/EMPTY}}
<ul class="list-group mb-3">
{{#NOTE}}<li class="list-group-item{{#UNREAD}} list-group-item-primary{{/UNREAD}}">
  <a href="/notifications/{{ID}}">{{SUBJECT}}</a>{{#UNREAD}} <span class="badge text-bg-primary">mới</span>{{/UNREAD}}
  {{#BODY}}<div class="small">{{TEXT}}</div>{{/BODY}}
  <div class="small text-muted">{{AT}}</div>
</li>{{/NOTE}}
</ul>
{{>PAGER}}
