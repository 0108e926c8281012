{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small"><li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}">{{UNIT_NAME}}</a></li><li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}/meetings?year={{YEAR}}">Sinh hoạt năm {{YEAR}}</a></li><li class="breadcrumb-item active" aria-current="page">{{DATE}}</li></ol></nav>
{{#FLASH}}<div class="alert alert-success" role="status">{{MESSAGE}}</div>{{/FLASH}}
<h1 class="h3 mb-1">{{TOPIC}}</h1>
<p class="text-muted">{{KIND}} · {{DATE}} · {{UNIT_NAME}}</p>
<dl class="row small">
  <dt class="col-sm-3">Có mặt</dt><dd class="col-sm-9 attendance-count">{{PRESENT}}/{{TOTAL}} người</dd>
  {{#ABSENT}}<dt class="col-sm-3">Vắng</dt><dd class="col-sm-9"><ul class="mb-0 ps-3">{{#A}}<li>{{NAME}}{{#REASON}}: {{TEXT}}{{/REASON}}</li>{{/A}}</ul></dd>{{/ABSENT}}
  <dt class="col-sm-3">Kể chuyện về Bác</dt><dd class="col-sm-9">{{#STORY}}“{{TITLE}}”{{#TELLER}}, người kể: {{TEXT}}{{/TELLER}}{{/STORY}}{{#NO_STORY}}Không{{/NO_STORY}}</dd>
  <dt class="col-sm-3">Hái hoa dân chủ</dt><dd class="col-sm-9">{{#QUIZ}}Có{{#NOTE}} — {{TEXT}}{{/NOTE}}{{/QUIZ}}{{#NO_QUIZ}}Không{{/NO_QUIZ}}</dd>
  <dt class="col-sm-3">Người ghi</dt><dd class="col-sm-9">{{CREATED_BY}}</dd>
</dl>
{{#MINUTES}}<h2 class="h6">Biên bản, kết luận</h2><div class="border rounded p-2 mb-3 minutes">{{#P}}<p class="mb-1">{{#LINE}}{{#BR}}<br>{{/BR}}{{TEXT}}{{/LINE}}</p>{{/P}}</div>{{/MINUTES}}
<div class="d-flex flex-wrap gap-2">
  {{#CAN_EDIT}}<a class="btn btn-sm btn-outline-primary" href="/meetings/{{ID}}/edit">Sửa biên bản, điểm danh</a>{{/CAN_EDIT}}
  <a class="btn btn-sm btn-primary" href="/units/{{UNIT_ID}}/evaluations?year={{EVAL_YEAR}}&amp;meeting={{ID}}">Đánh giá, xếp loại trong buổi này</a>
</div>
