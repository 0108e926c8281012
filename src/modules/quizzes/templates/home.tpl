{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small"><li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}">{{UNIT_NAME}}</a></li><li class="breadcrumb-item active" aria-current="page">Hái hoa dân chủ</li></ol></nav>
<h1 class="h3">Hái hoa dân chủ</h1>
<p class="text-muted">{{UNIT_NAME}}</p>
<div class="d-flex flex-wrap gap-2 mb-3">
  {{#CAN_RUN}}<a class="btn btn-sm btn-primary" href="/units/{{UNIT_ID}}/draws/new">Mở buổi hái hoa</a>
  <a class="btn btn-sm btn-primary" href="/units/{{UNIT_ID}}/quiz-rounds/new">Mở đợt thi trực tuyến</a>{{/CAN_RUN}}
  {{#CAN_BANK}}<a class="btn btn-sm btn-outline-primary" href="/units/{{UNIT_ID}}/questions">Bộ câu hỏi của đơn vị ({{BANK}})</a>{{/CAN_BANK}}
</div>
{{#MINE}}<section class="mb-4"><h2 class="h5">Đợt thi dành cho đồng chí</h2>
<ul class="list-group">{{#R}}<li class="list-group-item d-flex justify-content-between flex-wrap"><a class="round-link" href="/quiz-rounds/{{ID}}">{{TITLE}}</a><span class="small text-muted">{{UNIT}} · {{STATE}}</span></li>{{/R}}</ul></section>{{/MINE}}
<section class="mb-4"><h2 class="h5">Các đợt thi trong đơn vị</h2>
{{#NO_ROUNDS}}<p class="text-muted">Chưa có đợt thi nào.</p>{{/NO_ROUNDS}}
<ul class="list-group">{{#ROUND}}<li class="list-group-item"><a href="/quiz-rounds/{{ID}}">{{TITLE}}</a><div class="small text-muted">{{UNIT}} · {{STATE}} · {{OPENS}} – {{CLOSES}}{{#PUBLIC}} · công khai{{/PUBLIC}}</div></li>{{/ROUND}}</ul>
{{>PAGER}}</section>
<section class="mb-4"><h2 class="h5">Các buổi hái hoa gần đây</h2>
{{#NO_DRAWS}}<p class="text-muted">Chưa có buổi hái hoa nào.</p>{{/NO_DRAWS}}
<ul class="list-group">{{#DRAW}}<li class="list-group-item"><a href="/draws/{{ID}}">{{TITLE}}</a><div class="small text-muted">{{PICKS}}/{{FLOWERS}} bông đã hái · {{RIGHT}} câu đúng{{#MEETING}} · sinh hoạt {{DATE}}{{/MEETING}}{{#CLOSED}} · đã kết thúc{{/CLOSED}}</div></li>{{/DRAW}}</ul></section>
