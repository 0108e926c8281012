{{%AUTOESCAPE context="HTML"}}
<div class="row justify-content-center">
<div class="col-sm-10 col-md-6 col-lg-5">
  <h1 class="h3 mb-2">Kích hoạt tài khoản</h1>
  <p class="text-muted">Nhập tên đăng nhập và mã trên phiếu người phụ trách đưa, rồi chọn mật khẩu của riêng bạn (ít nhất 8 ký tự, không phải mật khẩu phổ biến). Mã chỉ dùng được một lần.</p>
  {{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
  <form method="post" action="/activate">
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <div class="mb-3"><label class="form-label" for="login">Tên đăng nhập</label>
      <input class="form-control" id="login" name="login" value="{{LOGIN}}" autocomplete="username" autocapitalize="none" required></div>
    <div class="mb-3"><label class="form-label" for="code">Mã kích hoạt</label>
      <input class="form-control font-monospace" id="code" name="code" value="{{CODE}}" autocomplete="one-time-code" autocapitalize="characters" placeholder="XXXX-XXXX-XXXX" required>{{#ERR_CODE}}<div class="text-danger small">{{MSG}}</div>{{/ERR_CODE}}</div>
    <div class="mb-3"><label class="form-label" for="password">Mật khẩu mới</label>
      <input class="form-control" id="password" name="password" type="password" autocomplete="new-password" minlength="8" required>{{#ERR_PASSWORD}}<div class="text-danger small">{{MSG}}</div>{{/ERR_PASSWORD}}</div>
    <div class="mb-3"><label class="form-label" for="password2">Nhập lại mật khẩu mới</label>
      <input class="form-control" id="password2" name="password2" type="password" autocomplete="new-password" required>{{#ERR_PASSWORD2}}<div class="text-danger small">{{MSG}}</div>{{/ERR_PASSWORD2}}</div>
    <button class="btn btn-primary w-100" type="submit">Đặt mật khẩu và đăng nhập</button>
  </form>
</div>
</div>
