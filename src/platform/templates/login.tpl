{{%AUTOESCAPE context="HTML"}}
<div class="row justify-content-center">
<div class="col-sm-10 col-md-6 col-lg-4">
  <h1 class="h3 mb-3">Đăng nhập</h1>
  {{#ERROR}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERROR}}
  {{#LOGGED_OUT}}<div class="alert alert-info">Bạn đã đăng xuất.</div>{{/LOGGED_OUT}}
  <form method="post" action="/login">
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <input type="hidden" name="next" value="{{NEXT}}">
    <div class="mb-3">
      <label class="form-label" for="login">Tên đăng nhập</label>
      <input class="form-control" id="login" name="login" value="{{LOGIN}}" autocomplete="username" required autofocus>
    </div>
    <div class="mb-3">
      <label class="form-label" for="password">Mật khẩu</label>
      <input class="form-control" id="password" name="password" type="password" autocomplete="current-password" required>
    </div>
    <button class="btn btn-primary w-100" type="submit">Đăng nhập</button>
  </form>
</div>
</div>
