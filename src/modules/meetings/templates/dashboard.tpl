{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small"><li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}">{{UNIT_NAME}}</a></li><li class="breadcrumb-item active" aria-current="page">Sinh hoạt, đánh giá năm {{YEAR}}</li></ol></nav>
<h1 class="h3 mb-1">Theo dõi sinh hoạt và đánh giá</h1>
<p class="text-muted">{{UNIT_NAME}} và toàn bộ đơn vị trực thuộc · tính đến {{UNTIL}} · năm {{#YEARS}}<a class="{{#CURRENT}}fw-bold{{/CURRENT}} me-1" href="{{HREF}}">{{Y}}</a>{{/YEARS}}</p>
<p><a class="btn btn-sm btn-outline-primary" href="/units/{{UNIT_ID}}/meetings/calendar?month={{YEAR}}-{{LAST_MONTH}}">Lịch sinh hoạt của các đơn vị theo tháng</a></p>
<div class="row g-3 mb-4">
  <div class="col-sm-4"><div class="border rounded p-3 h-100">
    <div class="small text-muted">Sinh hoạt định kỳ đã tổ chức / phải tổ chức</div>
    <div class="fs-3 fw-bold figure" data-key="meetings">{{PERCENT}}%</div>
    <div class="small">{{HELD}} / {{EXPECTED}} kỳ · {{UNITS}} đơn vị</div>
    <div class="bar" role="img" aria-label="{{PERCENT}}%"><span class="bar-{{PERCENT}}"></span></div>
  </div></div>
  <div class="col-sm-4"><div class="border rounded p-3 h-100">
    <div class="small text-muted">Buổi sinh hoạt đã ghi trong năm</div>
    <div class="fs-3 fw-bold">{{MEETINGS}}</div>
    <div class="small">{{THEMATIC}} chuyên đề · {{STORIES}} buổi kể chuyện về Bác · {{QUIZZES}} buổi hái hoa dân chủ</div>
  </div></div>
  <div class="col-sm-4"><div class="border rounded p-3 h-100">
    <div class="small text-muted">Đơn vị chưa sinh hoạt đủ kỳ</div>
    <div class="fs-3 fw-bold text-danger">{{BEHIND}}</div>
    <div class="small">trên {{UNITS}} đơn vị phải sinh hoạt định kỳ</div>
  </div></div>
</div>
{{#HAS_CHILDREN}}<section class="mb-4" id="children"><h2 class="h5">Theo đơn vị trực thuộc</h2>
  {{>CHILD_CHART}}
</section>{{/HAS_CHILDREN}}
<section class="mb-4"><h2 class="h5">Xếp loại năm {{YEAR}}</h2>
  <table class="table table-sm align-middle chart-table"><thead><tr><th class="w-25">Mức</th><th>Kế hoạch của tập thể</th><th>Cam kết của cá nhân</th></tr></thead>
  <tbody>{{#RATING}}<tr><td>{{LABEL}}</td><td><div class="bar"><span class="bar-{{PLAN_PERCENT}}"></span></div><span class="small">{{PLANS}}</span></td><td><div class="bar"><span class="bar-{{C_PERCENT}}"></span></div><span class="small">{{COMMITMENTS}}</span></td></tr>{{/RATING}}
  <tr class="small text-muted"><td>Chưa xếp loại</td><td>{{PLANS_UNRATED}} / {{PLANS_ACCEPTED}} đã chấp thuận</td><td>{{C_UNRATED}} / {{C_ACCEPTED}} đã chấp thuận</td></tr></tbody></table>
</section>
<section class="mb-4" id="over-time"><h2 class="h5">Qua các năm</h2>
  {{>YEAR_CHART}}
</section>
<section class="mb-4"><h2 class="h5">Đơn vị chưa sinh hoạt đủ kỳ ({{BEHIND}})</h2>
  {{#NO_BEHIND}}<p class="text-success">Tất cả đơn vị đã sinh hoạt đủ các kỳ đã qua.</p>{{/NO_BEHIND}}
  <ul class="list-group">{{#LATE}}<li class="list-group-item d-flex justify-content-between"><a class="behind-unit" href="/units/{{ID}}/meetings?year={{YEAR}}">{{NAME}}</a><span class="small text-muted">{{HELD}}/{{EXPECTED}} {{CADENCE}}</span></li>{{/LATE}}</ul>
  {{>PAGER}}
</section>
