{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small">
<li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}">{{UNIT_NAME}}</a></li>
<li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}/imports?kind={{KIND}}">Nhập từ tệp</a></li>
<li class="breadcrumb-item active" aria-current="page">Xem trước</li>
</ol></nav>
<h1 class="h3">{{KIND_TITLE}}: xem trước tệp {{FILE_NAME}}</h1>
{{#FLASH}}<div class="alert alert-success" role="status">{{MESSAGE}}</div>{{/FLASH}}
{{#ERRORS}}<div class="alert alert-danger import-refused" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
<dl class="row small import-counts">
  <dt class="col-6 col-sm-3">Tệp</dt><dd class="col-6 col-sm-9">{{FORMAT}}, tải lên lúc {{CREATED}}</dd>
  <dt class="col-6 col-sm-3">Dòng dữ liệu</dt><dd class="col-6 col-sm-9" id="data-rows">{{DATA_ROWS}}</dd>
  <dt class="col-6 col-sm-3">Hợp lệ</dt><dd class="col-6 col-sm-9" id="valid-rows">{{VALID_ROWS}}</dd>
  <dt class="col-6 col-sm-3">Có lỗi</dt><dd class="col-6 col-sm-9" id="invalid-rows">{{INVALID_ROWS}}</dd>
</dl>
{{#COMMITTED}}<div class="alert alert-success import-committed" role="status">Đã nhập {{IMPORTED}} {{NOUN}} lúc {{AT}}.{{#SKIPPED}} {{INVALID_ROWS}} dòng có lỗi đã được bỏ qua.{{/SKIPPED}} <a href="/units/{{UNIT_ID}}">Về đơn vị</a></div>{{/COMMITTED}}
{{#FILE_ERROR}}<div class="alert alert-danger import-file-error" role="alert"><b>Tệp không nhập được.</b> Sửa theo các lỗi dưới đây rồi <a href="/units/{{UNIT_ID}}/imports?kind={{KIND}}">tải lên lại</a>.</div>{{/FILE_ERROR}}
{{#PENDING}}
<div class="alert alert-info small" role="status">Chưa có gì được ghi vào danh sách. {{#NOTHING_VALID}}Tệp không có dòng hợp lệ nào; sửa tệp rồi <a href="/units/{{UNIT_ID}}/imports?kind={{KIND}}">tải lên lại</a>.{{/NOTHING_VALID}}</div>
{{#COMMIT}}
<form method="post" action="/imports/{{ID}}/commit" class="border rounded p-3 mb-3 import-commit" id="import-commit-form" hx-post="/imports/{{ID}}/commit" hx-target="body">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  {{#HAS_INVALID}}<p class="mb-2">{{INVALID_ROWS}} dòng có lỗi. Theo mặc định, khi còn dòng lỗi thì không nhập dòng nào: sửa tệp rồi tải lên lại, hoặc chọn chỉ nhập các dòng hợp lệ.</p>
  <div class="form-check mb-2"><input class="form-check-input" type="checkbox" id="valid_only" name="valid_only" value="1"><label class="form-check-label" for="valid_only">Chỉ nhập các dòng hợp lệ (bỏ qua {{INVALID_ROWS}} dòng có lỗi)</label></div>{{/HAS_INVALID}}
  {{#ALL_VALID}}<p class="mb-2">Mọi dòng đều hợp lệ.</p>{{/ALL_VALID}}
  <button class="btn btn-primary" type="submit">Nhập {{VALID_ROWS}} dòng hợp lệ</button>
</form>
{{! With JavaScript the form posts through htmx, and while it runs this asks for the commit's progress, then polls. }}
<div id="import-progress" hx-get="/imports/{{ID}}/progress" hx-trigger="htmx:beforeRequest from:#import-commit-form delay:500ms" hx-swap="outerHTML"></div>
{{/COMMIT}}
{{/PENDING}}
{{#IGNORED}}<p class="small text-muted">Các cột không dùng: {{TEXT}}.</p>{{/IGNORED}}
{{#HAS_ISSUES}}
<h2 class="h5">Các lỗi ({{ISSUE_COUNT}})</h2>
<table class="table table-sm align-middle import-issues">
  <thead><tr><th>Dòng</th><th>Cột</th><th>Lỗi</th></tr></thead>
  <tbody>{{#ISSUE}}<tr><td>{{LINE}}</td><td>{{COLUMN}}</td><td>{{MESSAGE}}</td></tr>{{/ISSUE}}</tbody>
</table>
{{/HAS_ISSUES}}
{{>PAGER}}
