{{%AUTOESCAPE context="HTML"}}
<h1 class="h4">{{HEADING}}</h1>
<div class="alert alert-warning">Mã chỉ hiện <strong>một lần</strong> trên trang này; ct05 chỉ lưu dấu băm của mã. Hãy chép hoặc in phiếu và trao tận tay người dùng.</div>
<div class="card card-body mb-3 slip">
  <div>Họ tên: <strong>{{NAME}}</strong></div>
  <div>Tên đăng nhập: <strong class="font-monospace">{{LOGIN}}</strong></div>
  <div>Mã {{PURPOSE}}: <strong class="font-monospace fs-5" id="code">{{CODE}}</strong></div>
  <div class="small">Hạn dùng: {{EXPIRES}}</div>
  <div class="small text-muted mt-2">Cách dùng: mở {{ACTIVATE_URL}}, nhập tên đăng nhập và mã (hoặc gõ mã vào ô mật khẩu ở trang đăng nhập), rồi tự chọn mật khẩu.</div>
</div>
<a class="btn btn-outline-primary" href="/admin/accounts/{{ID}}">Về trang tài khoản</a>
