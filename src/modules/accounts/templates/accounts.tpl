{{%AUTOESCAPE context="HTML"}}
<div class="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-2">
  <h1 class="h4 mb-0">Tài khoản ({{TOTAL}})</h1>
  <a class="btn btn-sm btn-primary" href="/admin/accounts/new">Tạo tài khoản</a>
</div>
<p class="small text-muted">Tài khoản của những người có quyền hoặc sinh hoạt trong phạm vi của bạn. Để tạo tài khoản cho cả đơn vị một lần, mở trang đơn vị, mục “Tài khoản”.</p>
<form class="row g-2 mb-3" method="get" action="/admin/accounts">
  <div class="col-12 col-md-4"><input class="form-control form-control-sm" type="search" name="q" value="{{Q}}" placeholder="Tên đăng nhập, họ tên (gõ không dấu được)" aria-label="Tìm tài khoản"></div>
  <div class="col-6 col-md-2"><input class="form-control form-control-sm" name="unit" value="{{UNIT_CODE}}" placeholder="Mã đơn vị" aria-label="Mã đơn vị"></div>
  <div class="col-6 col-md-2"><select class="form-select form-select-sm" name="role" aria-label="Vai trò"><option value="">Mọi vai trò</option>{{#ROLE_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ROLE_OPT}}</select></div>
  <div class="col-6 col-md-2"><select class="form-select form-select-sm" name="state" aria-label="Trạng thái"><option value="">Mọi trạng thái</option>{{#STATE_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATE_OPT}}</select></div>
  <div class="col-6 col-md-2"><button class="btn btn-sm btn-outline-primary w-100" type="submit">Lọc</button></div>
</form>
{{#UNIT_ERROR}}<div class="alert alert-warning">{{MESSAGE}}</div>{{/UNIT_ERROR}}
{{#EMPTY}}<p class="text-muted">Không có tài khoản nào khớp bộ lọc.</p>{{/EMPTY}}
<ul class="list-group mb-3">
{{#ACCOUNT}}<li class="list-group-item">
  <div class="d-flex justify-content-between flex-wrap gap-1">
    <a class="fw-semibold" href="/admin/accounts/{{ID}}">{{NAME}}</a>
    <span class="badge {{STATE_CLASS}}">{{STATE}}</span>
  </div>
  <div class="small text-muted">{{LOGIN}}{{#GRANT}} · {{ROLE}} · {{UNIT}}{{/GRANT}}</div>
  <div class="small text-muted">Đăng nhập lần cuối: {{LAST_LOGIN}}</div>
</li>{{/ACCOUNT}}
</ul>
{{>PAGER}}
