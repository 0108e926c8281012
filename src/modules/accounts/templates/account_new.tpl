{{%AUTOESCAPE context="HTML"}}
<h1 class="h4">Tạo tài khoản</h1>
<p class="small text-muted">Người có hồ sơ trong Nhân sự: nhập mã hồ sơ (số ở cuối địa chỉ trang người đó, hoặc chọn “Tạo tài khoản” trên trang người đó). Cán bộ chuyên trách không có hồ sơ: để trống và nhập họ tên. Tài khoản mới nhận một mã kích hoạt dùng một lần trong 14 ngày; người dùng tự đặt mật khẩu khi đăng nhập lần đầu.</p>
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
<form method="post" action="/admin/accounts" class="card card-body">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  {{#PERSON}}<p class="mb-2">Người: <strong>{{PERSON_NAME}}</strong> · {{PERSON_UNIT}}</p><input type="hidden" name="person" value="{{PERSON_ID}}">{{/PERSON}}
  {{#NO_PERSON}}<div class="mb-2"><label class="form-label" for="person">Mã hồ sơ trong Nhân sự (nếu có)</label>
  <input class="form-control" id="person" name="person" value="{{PERSON_ID}}" inputmode="numeric">{{#ERR_PERSON}}<div class="text-danger small">{{MSG}}</div>{{/ERR_PERSON}}</div>{{/NO_PERSON}}
  <div class="mb-2"><label class="form-label" for="display_name">Họ tên hiển thị</label>
  <input class="form-control" id="display_name" name="display_name" value="{{DISPLAY_NAME}}" maxlength="200">{{#ERR_DISPLAY_NAME}}<div class="text-danger small">{{MSG}}</div>{{/ERR_DISPLAY_NAME}}</div>
  <div class="mb-2"><label class="form-label" for="login">Tên đăng nhập</label>
  <input class="form-control" id="login" name="login" value="{{LOGIN}}" maxlength="64" autocapitalize="none" autocomplete="off" placeholder="để trống: đề xuất từ họ tên">
  <div class="form-text">Gợi ý: {{PROPOSED}}</div>{{#ERR_LOGIN}}<div class="text-danger small">{{MSG}}</div>{{/ERR_LOGIN}}</div>
  <div class="row g-2 mb-2">
    <div class="col-6"><label class="form-label" for="role">Vai trò</label>
      <select class="form-select" id="role" name="role">{{#ROLE_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ROLE_OPT}}</select>{{#ERR_ROLE}}<div class="text-danger small">{{MSG}}</div>{{/ERR_ROLE}}</div>
    <div class="col-6"><label class="form-label" for="unit">Trên đơn vị (mã)</label>
      <input class="form-control" id="unit" name="unit" value="{{UNIT_CODE}}" placeholder="vd. CB-KHUOICUONG" autocapitalize="characters">{{#ERR_UNIT}}<div class="text-danger small">{{MSG}}</div>{{/ERR_UNIT}}</div>
  </div>
  <div class="mb-3"><label class="form-label" for="email">Thư điện tử (không bắt buộc)</label>
  <input class="form-control" id="email" name="email" type="email" value="{{EMAIL}}">{{#ERR_EMAIL}}<div class="text-danger small">{{MSG}}</div>{{/ERR_EMAIL}}</div>
  <button class="btn btn-primary" type="submit">Tạo tài khoản và cấp mã kích hoạt</button>
</form>
