{{%AUTOESCAPE context="HTML"}}
<div class="error-page py-4">
  <h1 class="h3">{{HEADING}}</h1>
  <p class="lead">{{MESSAGE}}</p>
  {{#FIELD}}<p class="text-danger mb-1">{{MESSAGE}}</p>{{/FIELD}}
  <p class="text-muted small">Mã lỗi {{STATUS}}.</p>
  <p>{{#LOGIN}}<a class="btn btn-primary" href="/login">Đăng nhập</a> {{/LOGIN}}<a class="btn btn-outline-secondary" href="/">Về trang chính</a></p>
</div>
