{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small">
<li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}">{{UNIT_NAME}}</a></li>
<li class="breadcrumb-item active" aria-current="page">Nhập từ tệp</li>
</ol></nav>
<h1 class="h3">Nhập từ tệp Excel hoặc CSV</h1>
<p>Tải tệp lên để xem trước: ct05 kiểm tra từng dòng và liệt kê mọi dòng có lỗi. <b>Chưa có gì được ghi</b> cho đến khi bạn bấm nhập ở trang xem trước.</p>
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
<form method="post" action="/units/{{UNIT_ID}}/imports" enctype="multipart/form-data" class="border rounded p-3 import-upload" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <label class="form-label" for="kind">Loại dữ liệu</label>
  <select class="form-select" id="kind" name="kind">{{#KIND_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPT}}</select>{{#ERR_KIND}}<div class="field-error">{{MSG}}</div>{{/ERR_KIND}}
  <label class="form-label mt-2" for="file">Tệp (.xlsx hoặc .csv, tối đa 100.000 dòng)</label>
  <input class="form-control" type="file" id="file" name="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">{{#ERR_FILE}}<div class="field-error">{{MSG}}</div>{{/ERR_FILE}}{{#ERR_UNIT}}<div class="field-error">{{MSG}}</div>{{/ERR_UNIT}}
  <button class="btn btn-primary mt-3" type="submit">Kiểm tra tệp</button>
</form>
<section class="mt-4">
  <h2 class="h5">Tệp mẫu</h2>
  <ul class="small">{{#TEMPLATE}}<li>{{LABEL}}: <a href="/imports/templates/{{KIND}}.xlsx">Excel (.xlsx, có trang Hướng dẫn)</a> · <a href="/imports/templates/{{KIND}}.csv">CSV</a> · <a href="/units/{{UNIT_ID}}/imports?kind={{KIND}}">cách ghi các cột</a></li>{{/TEMPLATE}}</ul>
  <h2 class="h5">Cách ghi các cột: {{KIND_TITLE}}</h2>
  {{#FOR_UNITS}}<p class="small">Các đơn vị mới trực thuộc {{UNIT_NAME}} ({{UNIT_CODE}}) hoặc một đơn vị trong cây của nó; đơn vị cấp trên có thể là một dòng khác của tệp.</p>{{/FOR_UNITS}}
  {{#FOR_PEOPLE}}<p class="small">Mỗi người sinh hoạt tại {{UNIT_NAME}} hoặc một đơn vị trực thuộc (cột Mã đơn vị). Các cột dữ liệu nhạy cảm chỉ được ghi khi bạn có quyền xem chúng.</p>{{/FOR_PEOPLE}}
  {{#FOR_HOUSEHOLDS}}<p class="small">Mỗi hộ một dòng; mã hộ không trùng trong thôn.</p>{{/FOR_HOUSEHOLDS}}
  <p class="small">Mỗi dòng một bản ghi, không gộp ô, không dùng công thức; dòng tiêu đề có thể có dòng tên bảng phía trên. Lưu dưới dạng .xlsx hoặc "CSV UTF-8".</p>
  <table class="table table-sm small">
    <thead><tr><th>Cột</th><th>Cách ghi</th></tr></thead>
    <tbody>{{#COLUMN}}<tr><td>{{HEADER}}{{#REQUIRED}} <span class="text-danger">*</span>{{/REQUIRED}}</td><td>{{HELP}}</td></tr>{{/COLUMN}}</tbody>
  </table>
</section>
