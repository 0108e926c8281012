{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small">
<li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}">{{UNIT_NAME}}</a></li>
<li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}/households">Hộ gia đình</a></li>
<li class="breadcrumb-item active" aria-current="page">Nhập từ tệp</li>
</ol></nav>
<h1 class="h3">Nhập danh sách hộ từ tệp Excel hoặc CSV</h1>
{{#REPORT}}
<div class="alert {{#NOTHING}}alert-danger{{/NOTHING}}{{#SOME}}alert-warning{{/SOME}} import-report" role="alert">
  {{#NOTHING}}<b>Chưa nhập hộ nào.</b> {{/NOTHING}}{{SUMMARY}}
</div>
{{#HAS_ISSUES}}
<table class="table table-sm align-middle import-issues">
  <thead><tr><th>Dòng</th><th>Cột</th><th>Lỗi</th></tr></thead>
  <tbody>{{#ISSUE}}<tr><td>{{LINE}}</td><td>{{COLUMN}}</td><td>{{MESSAGE}}</td></tr>{{/ISSUE}}</tbody>
</table>
{{#MORE}}<p class="small">… và {{N}} lỗi khác.</p>{{/MORE}}
{{/HAS_ISSUES}}
{{#IGNORED}}<p class="small text-muted">Các cột không dùng: {{TEXT}}.</p>{{/IGNORED}}
{{#RETRY}}<p class="small">Sửa tệp rồi tải lên lại, hoặc chọn lại tệp và đánh dấu "Chỉ nhập các dòng hợp lệ" để nhập {{VALID}} dòng không có lỗi.</p>{{/RETRY}}
{{/REPORT}}
<p>Tải tệp lên để xem trước: mọi dòng có lỗi được liệt kê kèm lý do, và chưa có hộ nào được ghi cho đến khi bạn bấm nhập ở trang xem trước.</p>
<form method="post" action="/units/{{UNIT_ID}}/imports" enctype="multipart/form-data" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <input type="hidden" name="kind" value="households">
  <label class="form-label" for="file">Tệp danh sách hộ (.xlsx hoặc .csv)</label>
  <input class="form-control" type="file" id="file" name="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">{{#ERR_FILE}}<div class="field-error">{{MSG}}</div>{{/ERR_FILE}}
  <button class="btn btn-primary mt-2" type="submit">Kiểm tra tệp</button>
</form>
<section class="mt-4">
  <h2 class="h5">Cách chuẩn bị tệp</h2>
  <p class="small">Tải tệp mẫu <a href="/imports/templates/households.xlsx">Excel (có trang Hướng dẫn)</a> hoặc <a href="/households/template.csv">CSV</a>, mở bằng Excel, mỗi hộ một dòng, không gộp ô; dòng tiêu đề có cột "Mã hộ" (có thể có dòng tên bảng phía trên). Lưu dưới dạng .xlsx hoặc "CSV UTF-8".</p>
  <table class="table table-sm small">
    <thead><tr><th>Cột</th><th>Cách ghi</th></tr></thead>
    <tbody>{{#COLUMN}}<tr><td>{{HEADER}}{{#REQUIRED}} <span class="text-danger">*</span>{{/REQUIRED}}</td><td>{{HELP}}</td></tr>{{/COLUMN}}</tbody>
  </table>
</section>
