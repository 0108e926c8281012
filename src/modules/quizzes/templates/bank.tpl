{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small"><li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}">{{UNIT_NAME}}</a></li><li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}/quizzes">Hái hoa dân chủ</a></li><li class="breadcrumb-item active" aria-current="page">Bộ câu hỏi</li></ol></nav>
<h1 class="h3 mb-1">Bộ câu hỏi</h1>
<p class="text-muted">{{UNIT_NAME}} · {{TOTAL}} câu{{#SHARED}} · các buổi của đơn vị dùng thêm {{N}} câu của cấp trên{{/SHARED}}</p>
{{#FLASH}}<div class="alert alert-success" role="status">{{MESSAGE}}</div>{{/FLASH}}
<div class="d-flex flex-wrap gap-2 mb-3"><a class="btn btn-sm btn-primary" href="/units/{{UNIT_ID}}/questions/new">Thêm câu hỏi</a><a class="btn btn-sm btn-outline-secondary" href="/units/{{UNIT_ID}}/questions.xlsx">Tải về (XLSX)</a><a class="btn btn-sm btn-outline-secondary" href="/units/{{UNIT_ID}}/questions/import">Nhập từ tệp</a></div>
<form method="get" action="/units/{{UNIT_ID}}/questions" class="row g-2 mb-3">
  <div class="col-sm-5"><label class="visually-hidden" for="category">Chủ đề</label><select class="form-select form-select-sm" id="category" name="category"><option value="">Mọi chủ đề</option>{{#CAT}}<option value="{{CODE}}" {{#SELECTED}}selected{{/SELECTED}}>{{LABEL}}</option>{{/CAT}}</select></div>
  <div class="col-sm-5"><label class="visually-hidden" for="q">Tìm</label><input class="form-control form-control-sm" id="q" name="q" value="{{Q}}" placeholder="Tìm (gõ không dấu được)"></div>
  <div class="col-sm-2"><button class="btn btn-sm btn-outline-primary w-100" type="submit">Lọc</button></div>
</form>
{{#NONE}}<p>Chưa có câu hỏi nào.</p>{{/NONE}}
<ol class="list-group list-group-numbered mb-3">{{#QUESTION}}<li class="list-group-item"><a href="/questions/{{ID}}/edit">{{TEXT}}</a>{{#INACTIVE}} <span class="badge text-bg-light">không dùng</span>{{/INACTIVE}}
  <div class="small text-muted">{{CATEGORY}} · {{KIND}} · độ khó {{DIFFICULTY}}{{#SOURCE}} · {{TEXT}}{{/SOURCE}}</div></li>{{/QUESTION}}</ol>
{{>PAGER}}
