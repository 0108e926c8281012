{{%AUTOESCAPE context="HTML"}}
<nav class="small mb-2"><a href="/units/{{UNIT_ID}}">{{UNIT_NAME}}</a></nav>
<h1 class="h4">Đã tạo {{COUNT}} tài khoản</h1>
<div class="alert alert-warning">Các mã kích hoạt chỉ hiện <strong>một lần</strong> trên trang này (ct05 chỉ lưu dấu băm). Hãy tải tệp Excel hoặc in phiếu ngay, trước khi rời trang; mã có giá trị đến {{EXPIRES}}.</div>
<div class="d-flex flex-wrap gap-2 mb-3">
  <form method="post" action="/units/{{UNIT_ID}}/accounts/slips" data-once="off"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="format" value="xlsx"><textarea class="d-none" name="pairs" aria-hidden="true">{{PAIRS:pre_escape}}</textarea><button class="btn btn-primary" type="submit">Tải Excel danh sách mã</button></form>
  <form method="post" action="/units/{{UNIT_ID}}/accounts/slips" data-once="off"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="format" value="pdf"><textarea class="d-none" name="pairs" aria-hidden="true">{{PAIRS:pre_escape}}</textarea><button class="btn btn-outline-primary" type="submit">In phiếu (PDF, mỗi người một phiếu)</button></form>
</div>
<div class="table-responsive"><table class="table table-sm">
<thead><tr><th>Họ và tên</th><th>Đơn vị</th><th>Tên đăng nhập</th><th>Mã kích hoạt</th></tr></thead>
<tbody>{{#SLIP}}<tr><td>{{NAME}}</td><td>{{UNIT}}</td><td class="font-monospace">{{LOGIN}}</td><td class="font-monospace">{{CODE}}</td></tr>{{/SLIP}}</tbody>
</table></div>
