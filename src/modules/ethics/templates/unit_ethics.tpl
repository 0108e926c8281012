{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small">{{#UNIT_LINK}}<li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}">{{UNIT_NAME}}</a></li>{{/UNIT_LINK}}<li class="breadcrumb-item active" aria-current="page">Chuẩn mực đạo đức công vụ</li></ol></nav>
<h1 class="h3 mb-1">Chuẩn mực đạo đức công vụ</h1>
<p class="text-muted">{{UNIT_NAME}}</p>
{{#FLASH}}
<div class="alert alert-success" role="status">{{MESSAGE}}</div>
{{/FLASH}}
{{#ERRORS}}
<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>
{{/ERRORS}}
{{#AWAITING}}
<div class="alert alert-warning" role="status">
  <p class="mb-1">Bạn còn cần đọc và xác nhận:</p>
  <ul class="mb-0">
  {{#ITEM}}
  <li><a href="/units/{{UNIT_ID}}/ethics">{{TITLE}}</a> <span class="small">({{UNIT_NAME}}, phiên bản {{VERSION}})</span></li>
  {{/ITEM}}
  </ul>
</div>
{{/AWAITING}}
{{#CAN_PUBLISH}}
<p><a class="btn btn-sm btn-primary" href="/units/{{UNIT_ID}}/ethics/new">{{LABEL}}</a></p>
{{/CAN_PUBLISH}}
{{#NONE}}
<p>Đơn vị chưa công bố chuẩn mực đạo đức công vụ.</p>
{{/NONE}}
{{#WHO_SUMMARY}}
<p class="small">Đã xác nhận {{ACKNOWLEDGED}} / {{REQUIRED}} người · <a href="#acknowledgements">Ai chưa xác nhận</a></p>
{{/WHO_SUMMARY}}
{{>STANDARD}}
{{#WHO}}
<section class="mb-4" id="acknowledgements">
  <h2 class="h5">Xác nhận của cán bộ, đảng viên</h2>
  <p class="mb-1">Đã xác nhận <b class="ack-count">{{ACKNOWLEDGED}}</b> / <span class="ack-required">{{REQUIRED}}</span> người ({{PERCENT}}%), tính những người đang sinh hoạt tại đơn vị và các đơn vị trực thuộc.</p>
  <div class="bar mb-3"><span class="bar-{{PERCENT}}"></span></div>
  <h3 class="h6">Chưa xác nhận phiên bản {{VERSION}} ({{PENDING}} người)</h3>
  {{#ALL_DONE}}
  <p class="text-muted">Mọi người đã xác nhận.</p>
  {{/ALL_DONE}}
  <ul class="list-group" id="pending">
  {{#P}}
  <li class="list-group-item"><a href="/people/{{ID}}">{{NAME}}</a><div class="small text-muted">{{#POSITION}}{{TEXT}} · {{/POSITION}}{{UNIT}}</div></li>
  {{/P}}
  </ul>
  {{>PAGER}}
</section>
{{/WHO}}
{{#HAS_HISTORY}}
<section class="mb-4" id="versions">
  <h2 class="h6">Các phiên bản đã công bố</h2>
  <ul class="list-group">
  {{#V}}
  <li class="list-group-item"><a href="/ethics-standards/{{ID}}">Phiên bản {{VERSION}}: {{TITLE}}</a><div class="small text-muted">công bố ngày {{DATE}}{{#IS_CURRENT}} · đang áp dụng{{/IS_CURRENT}}</div></li>
  {{/V}}
  </ul>
</section>
{{/HAS_HISTORY}}
