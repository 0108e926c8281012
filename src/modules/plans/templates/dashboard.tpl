{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small">
<li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}">{{UNIT_NAME}}</a></li>
<li class="breadcrumb-item active" aria-current="page">Bảng theo dõi năm {{YEAR}}</li>
</ol></nav>
<h1 class="h3 mb-1">Bảng theo dõi làm theo Bác</h1>
<p class="text-muted">{{UNIT_NAME}} và toàn bộ đơn vị trực thuộc · năm
  {{#YEARS}}<a class="{{#CURRENT}}fw-bold{{/CURRENT}} me-1" href="{{HREF}}">{{Y}}</a>{{/YEARS}}</p>
{{#THEME}}<p>Nội dung đột phá: <b>{{TEXT}}</b></p>{{/THEME}}
<form method="get" action="/units/{{UNIT_ID}}/dashboard" class="row g-2 align-items-end mb-3 small" novalidate>
  <input type="hidden" name="year" value="{{YEAR}}">
  <div class="col-6 col-sm-3"><label class="form-label" for="as_of">Theo cây tổ chức ngày</label><input class="form-control form-control-sm" type="date" id="as_of" name="as_of" value="{{AS_OF}}"></div>
  <div class="col-6 col-sm-5"><div class="form-check"><input class="form-check-input" type="checkbox" id="continuity" name="continuity" value="1"{{#CONTINUITY}} checked{{/CONTINUITY}}><label class="form-check-label" for="continuity">Nối tiếp số liệu đơn vị tiền thân</label></div></div>
  <div class="col-12 col-sm-2"><button class="btn btn-sm btn-outline-primary w-100" type="submit">Xem</button></div>
</form>
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
{{#TREE}}
<p class="fw-bold" id="dashboard-tree">{{TEXT}}. <a href="/units/{{UNIT_ID}}/dashboard?year={{YEAR}}">Xem theo cây hiện nay</a></p>
<table class="table table-sm"><caption>Đơn vị trực thuộc lúc đó</caption><thead><tr><th scope="col">Đơn vị</th><th scope="col" class="text-end">Kế hoạch được duyệt / phải có</th><th scope="col" class="text-end">Cam kết được duyệt / cán bộ</th></tr></thead>
<tbody>{{#CHILD}}<tr><td><a href="/units/{{ID}}/dashboard?year={{YEAR}}&amp;as_of={{AS_OF}}">{{NAME}}</a></td><td class="text-end">{{PLANS}}</td><td class="text-end">{{COMMITMENTS}}</td></tr>{{/CHILD}}</tbody></table>
{{#CARRIED}}<p class="small mb-0">Nối tiếp số liệu của <a href="/units/{{ID}}">{{NAME}}</a></p>{{/CARRIED}}
{{/TREE}}
{{#CURRENT_TREE}}
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
{{/CURRENT_TREE}}
