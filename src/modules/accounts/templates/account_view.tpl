{{%AUTOESCAPE context="HTML"}}
<nav class="small mb-2"><a href="/admin/accounts">Tài khoản</a></nav>
<div class="d-flex flex-wrap justify-content-between align-items-center gap-2">
  <h1 class="h4 mb-0">{{NAME}}</h1>
  <span class="badge {{STATE_CLASS}}">{{STATE}}</span>
</div>
<p class="small text-muted mb-3">Tên đăng nhập <span class="font-monospace">{{LOGIN}}</span>{{#PERSON}} · <a href="/people/{{PERSON_ID}}">hồ sơ {{PERSON_NAME}}</a>{{/PERSON}} · tạo {{CREATED}}{{#CREATED_BY}} bởi {{BY}}{{/CREATED_BY}} · đăng nhập lần cuối: {{LAST_LOGIN}}{{#DISABLED}} · vô hiệu hóa từ {{AT}}{{/DISABLED}}</p>
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
{{#NOTICE}}<div class="alert alert-success">{{MESSAGE}}</div>{{/NOTICE}}

<section class="mb-4">
  <h2 class="h5">Quyền được giao</h2>
  {{#NO_GRANTS}}<p class="text-muted">Chưa có quyền nào.</p>{{/NO_GRANTS}}
  <ul class="list-group mb-2">
  {{#GRANT}}<li class="list-group-item d-flex justify-content-between align-items-center flex-wrap gap-2">
    <div><strong>{{ROLE}}</strong> · <a href="/units/{{UNIT_ID}}">{{UNIT}}</a> <span class="small text-muted">({{UNIT_CODE}}){{#CLOSED}} · đơn vị đã kết thúc{{/CLOSED}}</span>
      <div class="small text-muted">Giao ngày {{AT}}{{#BY}} bởi {{NAME}}{{/BY}}</div></div>
    {{#CAN_REVOKE}}<form method="post" action="/admin/grants/{{GRANT_ID}}/revoke"><input type="hidden" name="_csrf" value="{{CSRF}}"><button class="btn btn-sm btn-outline-danger" type="submit">Thu hồi</button></form>{{/CAN_REVOKE}}
  </li>{{/GRANT}}
  </ul>
  {{#CAN_MANAGE}}
  <form method="post" action="/admin/accounts/{{ID}}/grants" class="row g-2 align-items-end">
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <div class="col-6 col-md-3"><label class="form-label small" for="grole">Vai trò</label><select class="form-select form-select-sm" id="grole" name="role">{{#ROLE_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ROLE_OPT}}</select></div>
    <div class="col-6 col-md-3"><label class="form-label small" for="gunit">Trên đơn vị (mã)</label><input class="form-control form-control-sm" id="gunit" name="unit" value="{{GRANT_UNIT}}" placeholder="vd. CB-KHUOICUONG" autocapitalize="characters">{{#ERR_UNIT}}<div class="text-danger small">{{MSG}}</div>{{/ERR_UNIT}}</div>
    <div class="col-12 col-md-3"><button class="btn btn-sm btn-primary" type="submit">Giao quyền</button></div>
  </form>
  {{/CAN_MANAGE}}
</section>

{{#CAN_MANAGE}}
<section class="mb-4">
  <h2 class="h5">Thông tin</h2>
  <form method="post" action="/admin/accounts/{{ID}}" class="row g-2">
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <div class="col-12 col-md-5"><label class="form-label small" for="display_name">Họ tên hiển thị</label><input class="form-control form-control-sm" id="display_name" name="display_name" value="{{NAME}}" maxlength="200">{{#ERR_DISPLAY_NAME}}<div class="text-danger small">{{MSG}}</div>{{/ERR_DISPLAY_NAME}}</div>
    <div class="col-12 col-md-5"><label class="form-label small" for="email">Thư điện tử</label><input class="form-control form-control-sm" id="email" name="email" type="email" value="{{EMAIL}}">{{#ERR_EMAIL}}<div class="text-danger small">{{MSG}}</div>{{/ERR_EMAIL}}</div>
    <div class="col-12 col-md-2 d-flex align-items-end"><button class="btn btn-sm btn-outline-primary w-100" type="submit">Lưu</button></div>
  </form>
</section>
<section class="mb-4 d-flex flex-wrap gap-2">
  {{#ACTIVE}}
  <form method="post" action="/admin/accounts/{{ID}}/reset"><input type="hidden" name="_csrf" value="{{CSRF}}"><button class="btn btn-outline-primary" type="submit">{{#PENDING}}Cấp lại mã kích hoạt{{/PENDING}}{{#HAS_PASSWORD}}Đặt lại mật khẩu (cấp mã mới){{/HAS_PASSWORD}}</button></form>
  {{#NOT_SELF}}<form method="post" action="/admin/accounts/{{ID}}/disable"><input type="hidden" name="_csrf" value="{{CSRF}}"><button class="btn btn-outline-danger" type="submit">Vô hiệu hóa</button></form>{{/NOT_SELF}}
  {{/ACTIVE}}
  {{#INACTIVE}}<form method="post" action="/admin/accounts/{{ID}}/enable"><input type="hidden" name="_csrf" value="{{CSRF}}"><button class="btn btn-outline-success" type="submit">Kích hoạt lại</button></form>{{/INACTIVE}}
</section>
<p class="small text-muted">Vô hiệu hóa chấm dứt ngay mọi phiên đăng nhập và mã truy cập API của tài khoản. Đặt lại mật khẩu xóa mật khẩu cũ và cấp một mã dùng một lần; không ai xem hay gõ hộ mật khẩu của người khác.</p>
{{/CAN_MANAGE}}
