{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small">
<li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}">{{UNIT_NAME}}</a></li>
<li class="breadcrumb-item active" aria-current="page">Thôn và nông thôn mới năm {{YEAR}}</li>
</ol></nav>
<h1 class="h3 mb-1">Thôn, hộ nghèo và nông thôn mới</h1>
<p class="text-muted">{{UNIT_NAME}} và toàn bộ đơn vị trực thuộc · tính đến hết năm {{YEAR}} · năm
  {{#YEARS}}<a class="{{#CURRENT}}fw-bold{{/CURRENT}} me-1" href="{{HREF}}">{{Y}}</a>{{/YEARS}}</p>
<div class="row g-3 mb-4">
  <div class="col-sm-4"><div class="border rounded p-3 h-100">
    <div class="small text-muted">Thôn đạt chuẩn nông thôn mới</div>
    <div class="fs-3 fw-bold figure" data-key="recognised">{{RECOGNISED}}</div>
    <div class="small">trên {{VILLAGES}} thôn, tổ dân phố ({{RECOGNISED_PERCENT}}%)</div>
    <div class="bar" role="img" aria-label="{{RECOGNISED_PERCENT}}%"><span class="bar-{{RECOGNISED_PERCENT}}"></span></div>
  </div></div>
  <div class="col-sm-4"><div class="border rounded p-3 h-100">
    <div class="small text-muted">Hộ nghèo</div>
    <div class="fs-3 fw-bold figure" data-key="poor">{{POOR}}</div>
    <div class="small">{{POOR_RATE}} trên {{HOUSEHOLDS}} hộ · thoát nghèo trong năm {{LEFT}}</div>
  </div></div>
  <div class="col-sm-4"><div class="border rounded p-3 h-100">
    <div class="small text-muted">Hộ cận nghèo</div>
    <div class="fs-3 fw-bold figure" data-key="near_poor">{{NEAR_POOR}}</div>
    <div class="small">{{NEAR_POOR_RATE}} trên {{HOUSEHOLDS}} hộ</div>
  </div></div>
</div>
{{#HAS_CHILDREN}}
<section class="mb-4">
  <h2 class="h5">Theo đơn vị trực thuộc</h2>
  <table class="table table-sm align-middle chart-table">
    <thead><tr><th>Đơn vị</th><th class="text-end">Hộ</th><th class="w-25">Hộ nghèo</th><th class="w-25">Hộ cận nghèo</th><th class="text-end">Đạt chuẩn</th></tr></thead>
    <tbody>{{#CHILD}}<tr><td><a href="{{HREF}}">{{NAME}}</a></td><td class="text-end">{{HOUSEHOLDS}}</td>
      <td><div class="bar"><span class="bar-poor bar-{{POOR_BAR}}"></span></div><span class="small">{{POOR}} ({{POOR_RATE}})</span></td>
      <td><div class="bar"><span class="bar-near bar-{{NEAR_BAR}}"></span></div><span class="small">{{NEAR}} ({{NEAR_RATE}})</span></td>
      <td class="text-end">{{RECOGNISED}}{{#VILLAGES}}/{{N}}{{/VILLAGES}}</td></tr>{{/CHILD}}</tbody>
  </table>
  <p class="small text-muted">Độ dài thanh tính trên thang 0–{{SCALE}}%.</p>
  {{>PAGER}}
</section>
{{/HAS_CHILDREN}}
<section class="mb-4">
  <h2 class="h5">Thôn được công nhận năm {{YEAR}} ({{RECOGNISED_IN_YEAR}})</h2>
  {{#NONE_IN_YEAR}}<p class="text-muted">Chưa có quyết định công nhận nào trong năm.</p>{{/NONE_IN_YEAR}}
  <ul class="list-group">{{#RECOGNITION}}<li class="list-group-item"><a href="/units/{{VILLAGE_ID}}/village?year={{YEAR}}">{{VILLAGE}}</a> <span class="small text-muted">· Quyết định số {{DECISION_NO}} ngày {{DATE}}</span></li>{{/RECOGNITION}}</ul>
  {{>RECOGNITION_PAGER}}
</section>
<section class="mb-4">
  <h2 class="h5">Bản đánh giá tiêu chí năm {{YEAR}} ({{ASSESSMENTS}})</h2>
  {{#NO_ASSESSMENT}}<p class="text-muted">Chưa có bản đánh giá nào trong năm.</p>{{/NO_ASSESSMENT}}
  <ul class="list-group">{{#ASSESSMENT}}<li class="list-group-item d-flex justify-content-between"><a href="/village-assessments/{{ID}}">{{VILLAGE}}</a><span class="small text-muted">đạt {{MET}}/{{TOTAL}}</span></li>{{/ASSESSMENT}}</ul>
  {{>ASSESSMENT_PAGER}}
</section>
<p class="small"><a href="/criteria-sets">Các bộ tiêu chí</a> · <a href="/poverty-standards">Chuẩn nghèo đa chiều</a></p>
