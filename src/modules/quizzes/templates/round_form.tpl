{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small"><li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}/quizzes">Hái hoa dân chủ — {{UNIT_NAME}}</a></li><li class="breadcrumb-item active" aria-current="page">Mở đợt thi</li></ol></nav>
<h1 class="h3">Mở đợt thi trực tuyến</h1>
<p class="text-muted">Dành cho cán bộ, đảng viên của {{UNIT_NAME}} và các đơn vị trực thuộc. Mỗi người làm một lần; câu hỏi được rút riêng cho từng người; máy chủ tính giờ.</p>
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
<form method="post" action="/units/{{UNIT_ID}}/quiz-rounds" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <label class="form-label" for="title">Tên đợt thi</label><input class="form-control" id="title" name="title" value="{{TITLE}}" maxlength="300">{{#ERR_TITLE}}<div class="field-error">{{MSG}}</div>{{/ERR_TITLE}}
  <fieldset class="mt-2"><legend class="form-label fs-6">Chủ đề câu hỏi (không chọn: mọi chủ đề)</legend>
  {{#CAT}}<div class="form-check"><input class="form-check-input" type="checkbox" name="categories" id="c_{{CODE}}" value="{{CODE}}" {{#CHECKED}}checked{{/CHECKED}}><label class="form-check-label" for="c_{{CODE}}">{{LABEL}}</label></div>{{/CAT}}
  {{#ERR_CATEGORIES}}<div class="field-error">{{MSG}}</div>{{/ERR_CATEGORIES}}</fieldset>
  <div class="row g-2 mt-1">
    <div class="col-sm-6"><label class="form-label" for="questions_per_person">Số câu mỗi người</label><input class="form-control" id="questions_per_person" name="questions_per_person" value="{{PER}}" inputmode="numeric">{{#ERR_QUESTIONS_PER_PERSON}}<div class="field-error">{{MSG}}</div>{{/ERR_QUESTIONS_PER_PERSON}}</div>
    <div class="col-sm-6"><label class="form-label" for="time_limit_minutes">Thời gian làm bài (phút)</label><input class="form-control" id="time_limit_minutes" name="time_limit_minutes" value="{{MINUTES}}" inputmode="numeric">{{#ERR_TIME_LIMIT_MINUTES}}<div class="field-error">{{MSG}}</div>{{/ERR_TIME_LIMIT_MINUTES}}</div>
    <div class="col-sm-6"><label class="form-label" for="opens_at">Mở lúc</label><input class="form-control" type="datetime-local" id="opens_at" name="opens_at" value="{{OPENS}}">{{#ERR_OPENS_AT}}<div class="field-error">{{MSG}}</div>{{/ERR_OPENS_AT}}</div>
    <div class="col-sm-6"><label class="form-label" for="closes_at">Đóng lúc</label><input class="form-control" type="datetime-local" id="closes_at" name="closes_at" value="{{CLOSES}}">{{#ERR_CLOSES_AT}}<div class="field-error">{{MSG}}</div>{{/ERR_CLOSES_AT}}</div>
  </div>
  <div class="form-check mt-2"><input class="form-check-input" type="checkbox" id="public" name="public" value="1" {{#PUBLIC}}checked{{/PUBLIC}}><label class="form-check-label" for="public">Cho phép công dân tham gia (chỉ nhập họ tên và xã, phường)</label></div>
  <button class="btn btn-primary mt-3" type="submit">Mở đợt thi</button>
</form>
