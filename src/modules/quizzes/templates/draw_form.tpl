{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small"><li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}/quizzes">Hái hoa dân chủ — {{UNIT_NAME}}</a></li><li class="breadcrumb-item active" aria-current="page">Mở buổi hái hoa</li></ol></nav>
<h1 class="h3">Mở buổi hái hoa dân chủ</h1>
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
<form method="post" action="/units/{{UNIT_ID}}/draws" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <label class="form-label" for="title">Tên buổi</label><input class="form-control" id="title" name="title" value="{{TITLE}}" maxlength="300">{{#ERR_TITLE}}<div class="field-error">{{MSG}}</div>{{/ERR_TITLE}}
  <label class="form-label mt-2" for="meeting_id">Trong buổi sinh hoạt</label><select class="form-select" id="meeting_id" name="meeting_id"><option value="">— Không gắn với buổi sinh hoạt —</option>{{#M}}<option value="{{ID}}" {{#SELECTED}}selected{{/SELECTED}}>{{DATE}} — {{TOPIC}}</option>{{/M}}</select>{{#ERR_MEETING_ID}}<div class="field-error">{{MSG}}</div>{{/ERR_MEETING_ID}}
  <fieldset class="mt-2"><legend class="form-label fs-6">Chủ đề câu hỏi (không chọn: mọi chủ đề)</legend>
  {{#CAT}}<div class="form-check"><input class="form-check-input" type="checkbox" name="categories" id="c_{{CODE}}" value="{{CODE}}" {{#CHECKED}}checked{{/CHECKED}}><label class="form-check-label" for="c_{{CODE}}">{{LABEL}}</label></div>{{/CAT}}
  {{#ERR_CATEGORIES}}<div class="field-error">{{MSG}}</div>{{/ERR_CATEGORIES}}</fieldset>
  <label class="form-label mt-2" for="flowers">Số bông hoa trên cây</label><input class="form-control" id="flowers" name="flowers" value="{{FLOWERS}}" inputmode="numeric">{{#ERR_FLOWERS}}<div class="field-error">{{MSG}}</div>{{/ERR_FLOWERS}}
  <button class="btn btn-primary mt-3" type="submit">Mở cây hoa</button>
</form>
