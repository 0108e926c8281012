{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small"><li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}">{{UNIT_NAME}}</a></li><li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}/meetings/dashboard?year={{YEAR}}">Theo dõi sinh hoạt</a></li><li class="breadcrumb-item active" aria-current="page">Lịch tháng {{MONTH}}/{{YEAR}}</li></ol></nav>
<h1 class="h3 mb-1">Lịch sinh hoạt tháng {{MONTH}}/{{YEAR}}</h1>
<p class="text-muted">{{UNIT_NAME}} và toàn bộ đơn vị trực thuộc · {{COUNT}} buổi</p>
<nav class="d-flex flex-wrap gap-1 mb-3" aria-label="Tháng">{{#MONTHS}}<a class="btn btn-sm {{#CURRENT}}btn-primary{{/CURRENT}}{{#OTHER}}btn-outline-secondary{{/OTHER}}" href="{{HREF}}">{{M}}</a>{{/MONTHS}}</nav>
{{#NONE}}<p>Chưa có buổi sinh hoạt nào được ghi trong tháng.</p>{{/NONE}}
{{#DAY}}<h2 class="h6 mt-3">{{DATE}}</h2>
<ul class="list-group">{{#M}}<li class="list-group-item"><a href="/meetings/{{ID}}">{{UNIT_NAME}}</a> <span class="small text-muted">· {{KIND}} · có mặt {{PRESENT}}/{{TOTAL}}</span><div class="small">{{TOPIC}}</div></li>{{/M}}</ul>{{/DAY}}
{{>PAGER}}
