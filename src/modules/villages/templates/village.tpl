{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small">
{{#PARENT}}<li class="breadcrumb-item"><a href="/units/{{ID}}/villages?year={{YEAR}}">{{NAME}}</a></li>{{/PARENT}}
<li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}">{{UNIT_NAME}}</a></li>
<li class="breadcrumb-item active" aria-current="page">Thôn và nông thôn mới</li>
</ol></nav>
{{#FLASH}}<div class="alert alert-success" role="status">{{MESSAGE}}</div>{{/FLASH}}
<h1 class="h3 mb-1">{{UNIT_NAME}}</h1>
<p class="text-muted mb-2">Hộ gia đình, hộ nghèo theo chuẩn nghèo đa chiều và tiêu chí nông thôn mới · năm
  {{#YEARS}}<a class="{{#CURRENT}}fw-bold{{/CURRENT}} me-1" href="{{HREF}}">{{Y}}</a>{{/YEARS}}</p>
{{#RECOGNISED}}<div class="alert alert-success recognised" role="status"><b>Đạt chuẩn thôn nông thôn mới</b> từ ngày {{DATE}} — Quyết định số {{DECISION_NO}} của {{ISSUER}}{{#FILE}} · <a href="/recognitions/{{ID}}/file">bản quyết định</a>{{/FILE}}.</div>{{/RECOGNISED}}
{{#NOT_RECOGNISED}}<p class="not-recognised">Chưa có quyết định công nhận đạt chuẩn thôn nông thôn mới (tính đến hết năm {{YEAR}}).</p>{{/NOT_RECOGNISED}}
{{#NO_REVIEW}}<p class="small text-warning-emphasis no-review">Chưa có kết quả rà soát hộ nghèo năm {{YEAR}} trong ct05: số hộ nghèo, cận nghèo dưới đây chưa phản ánh năm này.</p>{{/NO_REVIEW}}
<div class="row g-3 mb-4">
  <div class="col-6 col-sm-3"><div class="border rounded p-3 h-100">
    <div class="small text-muted">Số hộ</div>
    <div class="fs-3 fw-bold figure" data-key="households">{{HOUSEHOLDS}}</div>
  </div></div>
  <div class="col-6 col-sm-3"><div class="border rounded p-3 h-100">
    <div class="small text-muted">Hộ nghèo</div>
    <div class="fs-3 fw-bold figure" data-key="poor">{{POOR}}</div>
    <div class="small">{{POOR_RATE}}</div>
  </div></div>
  <div class="col-6 col-sm-3"><div class="border rounded p-3 h-100">
    <div class="small text-muted">Hộ cận nghèo</div>
    <div class="fs-3 fw-bold figure" data-key="near_poor">{{NEAR_POOR}}</div>
    <div class="small">{{NEAR_POOR_RATE}}</div>
  </div></div>
  <div class="col-6 col-sm-3"><div class="border rounded p-3 h-100">
    <div class="small text-muted">Thoát nghèo trong năm</div>
    <div class="fs-3 fw-bold figure" data-key="left_poverty">{{LEFT}}</div>
  </div></div>
</div>
{{#HAS_YEARS}}
<section class="mb-4">
  <h2 class="h5">Tỷ lệ hộ nghèo, cận nghèo qua các năm</h2>
  <table class="table table-sm align-middle chart-table poverty-chart">
    <thead><tr><th>Năm</th><th class="text-end">Số hộ</th><th class="w-50">Hộ nghèo · hộ cận nghèo</th></tr></thead>
    <tbody>{{#ROW}}<tr><td><a href="/units/{{UNIT_ID}}/village?year={{Y}}">{{Y}}</a></td><td class="text-end">{{HOUSEHOLDS}}</td>
      <td><div class="bar" role="img" aria-label="Hộ nghèo {{POOR_RATE}}"><span class="bar-poor bar-{{POOR_BAR}}"></span></div><div class="small">Nghèo {{POOR}} ({{POOR_RATE}}){{#LEFT}} · thoát nghèo {{N}}{{/LEFT}}</div>
      <div class="bar" role="img" aria-label="Hộ cận nghèo {{NEAR_RATE}}"><span class="bar-near bar-{{NEAR_BAR}}"></span></div><div class="small">Cận nghèo {{NEAR}} ({{NEAR_RATE}})</div></td></tr>{{/ROW}}</tbody>
  </table>
  <p class="small text-muted">Độ dài thanh tính trên thang 0–{{SCALE}}%. Số liệu năm trước 2022 là kết quả rà soát đã được xã phê duyệt; từ năm 2022 có thể do ct05 phân loại theo chuẩn nghèo đa chiều.</p>
</section>
{{/HAS_YEARS}}
{{#OFFICER}}
<section class="mb-4" id="households">
  <h2 class="h5">Danh sách hộ gia đình</h2>
  <p class="small text-muted">Họ tên, thành viên, dân tộc và tình trạng nghèo của từng hộ là dữ liệu cá nhân: chỉ người phụ trách được xem, mỗi lần xem hồ sơ được ghi vào nhật ký.</p>
  <div class="d-flex flex-wrap gap-2">
    <a class="btn btn-sm btn-outline-primary" href="/units/{{UNIT_ID}}/households?year={{YEAR}}">Danh sách hộ ({{HOUSEHOLDS}})</a>
    {{#CAN_EDIT}}<a class="btn btn-sm btn-outline-primary" href="/units/{{UNIT_ID}}/households/new">Thêm hộ</a>
    <a class="btn btn-sm btn-outline-primary" href="/units/{{UNIT_ID}}/households/import">Nhập từ tệp Excel, CSV</a>{{/CAN_EDIT}}
  </div>
</section>
{{/OFFICER}}
<section class="mb-4" id="assessments">
  <h2 class="h5">Đánh giá tiêu chí thôn nông thôn mới</h2>
  {{#NO_ASSESSMENT}}<p class="text-muted">Chưa có bản đánh giá nào.</p>{{/NO_ASSESSMENT}}
  <ul class="list-group mb-2">{{#ASSESSMENT}}<li class="list-group-item d-flex justify-content-between align-items-center"><a href="/village-assessments/{{ID}}">Năm {{YEAR}} · {{SET_NAME}}</a><span class="small text-nowrap ms-2">đạt {{MET}}/{{TOTAL}}</span></li>{{/ASSESSMENT}}</ul>
  {{#CAN_ASSESS}}
  <form method="post" action="/units/{{UNIT_ID}}/assessments" class="row g-2 align-items-end">
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <div class="col-sm-6"><label class="form-label small" for="set_id">Bộ tiêu chí</label><select class="form-select form-select-sm" id="set_id" name="set_id">{{#SET}}<option value="{{ID}}" {{#SELECTED}}selected{{/SELECTED}}>{{NAME}} (phiên bản {{VERSION}}, từ {{FROM}})</option>{{/SET}}</select>{{#ERR_SET_ID}}<div class="field-error">{{MSG}}</div>{{/ERR_SET_ID}}</div>
    <div class="col-6 col-sm-3"><label class="form-label small" for="assess_year">Năm đánh giá</label><input class="form-control form-control-sm" id="assess_year" name="year" inputmode="numeric" value="{{ASSESS_YEAR}}">{{#ERR_YEAR}}<div class="field-error">{{MSG}}</div>{{/ERR_YEAR}}</div>
    <div class="col-6 col-sm-3"><button class="btn btn-sm btn-primary w-100" type="submit">Đánh giá theo bộ tiêu chí</button></div>
  </form>
  {{/CAN_ASSESS}}
</section>
<section class="mb-4" id="recognitions">
  <h2 class="h5">Quyết định công nhận</h2>
  {{#NO_RECOGNITION}}<p class="text-muted">Chưa có quyết định công nhận.</p>{{/NO_RECOGNITION}}
  <ul class="list-group mb-2">{{#RECOGNITION}}<li class="list-group-item">Năm {{YEAR}}: Quyết định số {{DECISION_NO}} ngày {{DATE}} của {{ISSUER}}{{#FILE}} · <a href="/recognitions/{{ID}}/file">tệp</a>{{/FILE}}</li>{{/RECOGNITION}}</ul>
  {{#CAN_RECOGNISE}}<a class="btn btn-sm btn-outline-primary" href="/units/{{UNIT_ID}}/recognitions/new?year={{YEAR}}">Ghi quyết định công nhận</a>{{/CAN_RECOGNISE}}
</section>
<p class="small"><a href="/criteria-sets">Các bộ tiêu chí</a> · <a href="/poverty-standards">Chuẩn nghèo đa chiều</a></p>
