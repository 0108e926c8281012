{{%AUTOESCAPE context="HTML"}}
<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="htmx-config" content='{"includeIndicatorStyles":false,"responseHandling":[{"code":"204","swap":false},{"code":"[23]..","swap":true},{"code":"409|422","swap":true,"error":true},{"code":"[45]..","swap":false,"error":true}]}'>
<title>{{TITLE}} · ct05</title>
<link rel="stylesheet" href="/static/bootstrap.min.css?v={{V}}">
<link rel="stylesheet" href="/static/app.css?v={{V}}">
<script src="/static/htmx.min.js?v={{V}}" defer></script>{{#USER}}
<script src="/static/forms.js?v={{V}}" defer></script>{{/USER}}{{#CHARTS}}
<script src="/static/chart.umd.min.js?v={{V}}" defer></script>
<script src="/static/charts.js?v={{V}}" defer></script>{{/CHARTS}}
</head>
<body hx-headers='{"X-CSRF-Token": "{{CSRF}}"}'>
<header class="navbar navbar-dark bg-ct05 mb-3">
  <div class="container-lg">
    <a class="navbar-brand fw-bold" href="/">ct05 <span class="brand-sub">Học tập và làm theo Bác</span></a>
    {{#USER}}
    <form class="d-flex flex-grow-1 search-box" role="search" action="/search" method="get">
      <input class="form-control form-control-sm" type="search" name="q" value="{{Q}}" placeholder="Tìm đơn vị, người… (gõ không dấu được)" aria-label="Tìm kiếm">
    </form>
    {{/USER}}
  </div>
</header>
{{#USER}}
<nav class="container-lg mb-3 d-flex flex-wrap gap-2 align-items-center main-nav">
  <a class="btn btn-sm {{#INBOX_ACTIVE}}btn-primary{{/INBOX_ACTIVE}}{{#INBOX_INACTIVE}}btn-outline-primary{{/INBOX_INACTIVE}}" href="/inbox" id="inbox-link">Việc cần làm{{#INBOX_COUNT}} <span class="badge rounded-pill text-bg-danger" id="inbox-count">{{N}}</span>{{/INBOX_COUNT}}</a>
  {{#NAV}}<a class="btn btn-sm {{#ACTIVE}}btn-primary{{/ACTIVE}}{{#INACTIVE}}btn-outline-primary{{/INACTIVE}}" href="{{HREF}}">{{LABEL}}</a>{{/NAV}}
  <span class="ms-auto small text-muted"><a href="/account" class="text-muted">{{NAME}}</a>{{#ROLE_INFO}} · {{ROLE}} · {{UNIT}}{{/ROLE_INFO}}</span>
  <a class="small" href="/notifications">Thông báo{{#UNREAD}} <span class="badge rounded-pill text-bg-primary" id="unread-count">{{N}}</span>{{/UNREAD}}</a>
  <form method="post" action="/logout" class="d-inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><button class="btn btn-sm btn-link" type="submit">Đăng xuất</button></form>
</nav>
{{/USER}}
<main class="container-lg pb-5">
{{BODY_HTML:none}}
</main>
<footer class="container-lg small text-muted py-3 border-top">ct05 · Thực hiện Chỉ thị 05-CT/TW và Kết luận 01-KL/TW</footer>
</body>
</html>
