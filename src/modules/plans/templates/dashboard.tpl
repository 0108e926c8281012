{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small">
<li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}">{{UNIT_NAME}}</a></li>
<li class="breadcrumb-item active" aria-current="page">Bảng theo dõi năm {{YEAR}}</li>
</ol></nav>
<h1 class="h3 mb-1">Bảng theo dõi làm theo Bác</h1>
<p class="text-muted">{{UNIT_NAME}} và toàn bộ đơn vị trực thuộc · năm
  {{#YEARS}}<a class="{{#CURRENT}}fw-bold{{/CURRENT}} me-1" href="{{HREF}}">{{Y}}</a>{{/YEARS}}</p>
{{#THEME}}<p>Nội dung đột phá: <b>{{TEXT}}</b></p>{{/THEME}}
<div class="row g-3 mb-4">
  {{#FIGURE}}
  <div class="col-sm-4"><div class="border rounded p-3 h-100">
    <div class="small text-muted">{{LABEL}}</div>
    <div class="fs-3 fw-bold figure" data-key="{{KEY}}">{{PERCENT}}%</div>
    <div class="small">{{DONE}} / {{TOTAL}} {{UNIT}}</div>
    <div class="bar" role="img" aria-label="{{PERCENT}}%"><span class="bar-{{PERCENT}}"></span></div>
  </div></div>
  {{/FIGURE}}
</div>
<section class="mb-4" id="over-time">
  <h2 class="h5">Qua các năm</h2>
  {{>YEAR_CHART}}
</section>
{{#HAS_CHILDREN}}
<section class="mb-4" id="children">
  <h2 class="h5">Theo đơn vị trực thuộc</h2>
  {{>CHILD_CHART}}
</section>
{{/HAS_CHILDREN}}
<section class="mb-4">
  <h2 class="h5">Đơn vị chưa có kế hoạch được chấp thuận ({{MISSING_COUNT}})</h2>
  {{#NO_MISSING}}<p class="text-success">Tất cả đơn vị đã có kế hoạch được chấp thuận.</p>{{/NO_MISSING}}
  <ul class="list-group">{{#MISSING}}<li class="list-group-item d-flex justify-content-between"><a class="missing-unit" href="/units/{{ID}}/plan?year={{YEAR}}">{{NAME}}</a><span class="small text-muted">{{STATUS}}</span></li>{{/MISSING}}</ul>
  {{>PAGER}}
</section>
