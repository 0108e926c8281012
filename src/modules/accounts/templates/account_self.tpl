{{%AUTOESCAPE context="HTML"}}
<h1 class="h4">Tài khoản của tôi</h1>
<p class="small text-muted">{{NAME}} · <span class="font-monospace">{{LOGIN}}</span>{{#GRANT}} · {{ROLE}} · {{UNIT}}{{/GRANT}}</p>
{{#NOTICE}}<div class="alert alert-success">{{MESSAGE}}</div>{{/NOTICE}}
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
{{#NEW_TOKEN}}<div class="alert alert-warning">Mã truy cập API “{{LABEL}}” (chỉ hiện một lần, hãy chép ngay):<br><code class="text-break" id="new-token">{{TOKEN}}</code></div>{{/NEW_TOKEN}}

<section class="mb-4" id="profile">
  <h2 class="h5">Thông tin và thông báo</h2>
  <form method="post" action="/account" class="row g-2">
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <div class="col-12 col-md-6"><label class="form-label small" for="display_name">Họ tên hiển thị</label><input class="form-control" id="display_name" name="display_name" value="{{NAME}}" maxlength="200">{{#ERR_DISPLAY_NAME}}<div class="text-danger small">{{MSG}}</div>{{/ERR_DISPLAY_NAME}}</div>
    <div class="col-12 col-md-6"><label class="form-label small" for="email">Thư điện tử</label><input class="form-control" id="email" name="email" type="email" value="{{EMAIL}}">{{#ERR_EMAIL}}<div class="text-danger small">{{MSG}}</div>{{/ERR_EMAIL}}</div>
    <div class="col-12"><div class="form-check"><input class="form-check-input" type="checkbox" id="email_notify" name="email_notify" value="1"{{#EMAIL_NOTIFY}} checked{{/EMAIL_NOTIFY}}><label class="form-check-label" for="email_notify">Nhận thông báo qua thư điện tử</label></div></div>
    <div class="col-12"><button class="btn btn-outline-primary" type="submit">Lưu</button></div>
  </form>
</section>

<section class="mb-4" id="password">
  <h2 class="h5">Đổi mật khẩu</h2>
  <form method="post" action="/account/password" class="row g-2">
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <input type="hidden" name="login" value="{{LOGIN}}" autocomplete="username">
    <div class="col-12 col-md-4"><label class="form-label small" for="current">Mật khẩu hiện tại</label><input class="form-control" id="current" name="current" type="password" autocomplete="current-password" required>{{#ERR_CURRENT}}<div class="text-danger small">{{MSG}}</div>{{/ERR_CURRENT}}</div>
    <div class="col-12 col-md-4"><label class="form-label small" for="new_password">Mật khẩu mới (ít nhất 8 ký tự)</label><input class="form-control" id="new_password" name="password" type="password" autocomplete="new-password" minlength="8" required>{{#ERR_PASSWORD}}<div class="text-danger small">{{MSG}}</div>{{/ERR_PASSWORD}}</div>
    <div class="col-12 col-md-4"><label class="form-label small" for="password2">Nhập lại mật khẩu mới</label><input class="form-control" id="password2" name="password2" type="password" autocomplete="new-password" required>{{#ERR_PASSWORD2}}<div class="text-danger small">{{MSG}}</div>{{/ERR_PASSWORD2}}</div>
    <div class="col-12"><button class="btn btn-primary" type="submit">Đổi mật khẩu</button> <span class="small text-muted">Các thiết bị khác sẽ bị đăng xuất và mã truy cập API bị thu hồi.</span></div>
  </form>
</section>

<section class="mb-4" id="sessions">
  <h2 class="h5">Phiên đăng nhập</h2>
  <ul class="list-group mb-2">
  {{#SESSION}}<li class="list-group-item d-flex justify-content-between align-items-center flex-wrap gap-2">
    <div><span class="small">{{AGENT}}</span>{{#CURRENT}} <span class="badge text-bg-success">thiết bị này</span>{{/CURRENT}}
      <div class="small text-muted">Đăng nhập {{CREATED}} · lần cuối {{SEEN}} · từ {{IP}}</div></div>
    {{#OTHER}}<form method="post" action="/account/sessions/end"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="key" value="{{KEY}}"><button class="btn btn-sm btn-outline-danger" type="submit">Đăng xuất</button></form>{{/OTHER}}
  </li>{{/SESSION}}
  </ul>
  <form method="post" action="/account/sessions/end"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="key" value="all"><button class="btn btn-sm btn-outline-danger" type="submit">Đăng xuất khỏi mọi thiết bị</button></form>
</section>

<section class="mb-4" id="tokens">
  <h2 class="h5">Mã truy cập API</h2>
  {{#NO_TOKENS}}<p class="text-muted small">Chưa có mã nào. Mã truy cập cho phép một chương trình gọi /api/v1 thay bạn (Authorization: Bearer …).</p>{{/NO_TOKENS}}
  <ul class="list-group mb-2">
  {{#TOKEN}}<li class="list-group-item d-flex justify-content-between align-items-center flex-wrap gap-2">
    <div><strong>{{LABEL}}</strong>{{#REVOKED}} <span class="badge text-bg-secondary">đã thu hồi {{AT}}</span>{{/REVOKED}}
      <div class="small text-muted">Tạo {{CREATED}} · dùng lần cuối {{USED}}{{#IP}} từ {{ADDR}}{{/IP}}</div></div>
    {{#LIVE}}<form method="post" action="/account/tokens/revoke"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="key" value="{{KEY}}"><button class="btn btn-sm btn-outline-danger" type="submit">Thu hồi</button></form>{{/LIVE}}
  </li>{{/TOKEN}}
  </ul>
  <form method="post" action="/account/tokens" class="row g-2">
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <div class="col-8"><input class="form-control form-control-sm" name="label" placeholder="Dùng để làm gì (vd. Báo cáo tự động)" aria-label="Tên mã truy cập" maxlength="100">{{#ERR_LABEL}}<div class="text-danger small">{{MSG}}</div>{{/ERR_LABEL}}</div>
    <div class="col-4"><button class="btn btn-sm btn-outline-primary w-100" type="submit">Tạo mã</button></div>
  </form>
</section>
