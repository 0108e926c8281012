{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small"><li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}">{{UNIT_NAME}}</a></li><li class="breadcrumb-item active" aria-current="page">Sinh hoạt năm {{YEAR}}</li></ol></nav>
<h1 class="h3 mb-1">Sinh hoạt và đánh giá</h1>
<p class="text-muted">{{UNIT_NAME}} · năm {{#YEARS}}<a class="{{#CURRENT}}fw-bold{{/CURRENT}} me-1" href="{{HREF}}">{{Y}}</a>{{/YEARS}}</p>
{{#FLASH}}<div class="alert alert-success" role="status">{{MESSAGE}}</div>{{/FLASH}}
{{#EXPECTED}}<p>Sinh hoạt định kỳ: <b class="held-figure">{{HELD}}/{{DUE}}</b> {{CADENCE}} đã qua có họp{{#BEHIND}} · <span class="text-danger">còn {{N}} {{CADENCE}} chưa họp</span>{{/BEHIND}}.</p>{{/EXPECTED}}
{{#LOCK}}<p class="alert alert-secondary py-2">Năm {{YEAR}} đã khóa sau kiểm điểm cuối năm ({{AT}}, {{BY}}).</p>{{/LOCK}}
<div class="d-flex flex-wrap gap-2 mb-3">
  {{#CAN_RECORD}}<a class="btn btn-sm btn-primary" href="/units/{{UNIT_ID}}/meetings/new">Ghi buổi sinh hoạt</a>{{/CAN_RECORD}}
  <a class="btn btn-sm btn-outline-primary" href="/units/{{UNIT_ID}}/evaluations?year={{YEAR}}">Đánh giá, xếp loại năm {{YEAR}}</a>
  <a class="btn btn-sm btn-outline-primary" href="/units/{{UNIT_ID}}/meetings/dashboard?year={{YEAR}}">Bảng theo dõi sinh hoạt</a>
</div>
<h2 class="h5">Lịch sinh hoạt năm {{YEAR}}</h2>
<ol class="calendar list-unstyled row row-cols-3 row-cols-sm-4 row-cols-lg-6 g-2 mb-4">
  {{#MONTH}}<li class="col"><div class="border rounded p-2 h-100 {{#MISSED}}border-danger{{/MISSED}}">
    <div class="small fw-bold">Tháng {{M}}</div>
    {{#DAY}}<a class="d-block small" href="/meetings/{{ID}}" title="{{TOPIC}}">{{DATE}}{{#THEMATIC}} · chuyên đề{{/THEMATIC}}</a>{{/DAY}}
    {{#MISSED}}<div class="small text-danger">chưa họp</div>{{/MISSED}}
  </div></li>{{/MONTH}}
</ol>
<h2 class="h5">Các buổi sinh hoạt ({{COUNT}})</h2>
{{>EXPORT}}
{{#NONE}}<p>Chưa ghi buổi sinh hoạt nào trong năm {{YEAR}}.</p>{{/NONE}}
<ul class="list-group mb-3">
  {{#MEETING}}<li class="list-group-item"><a class="meeting-link" href="/meetings/{{ID}}">{{DATE}} — {{TOPIC}}</a>
    <div class="small text-muted">{{KIND}} · có mặt {{PRESENT}}/{{TOTAL}}{{#STORY}} · kể chuyện về Bác{{/STORY}}{{#QUIZ}} · hái hoa dân chủ{{/QUIZ}}</div></li>{{/MEETING}}
</ul>
