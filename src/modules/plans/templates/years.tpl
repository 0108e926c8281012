{{%AUTOESCAPE context="HTML"}}
<h1 class="h3">Năm và nội dung đột phá</h1>
{{#FLASH}}<div class="alert alert-success" role="status">{{MESSAGE}}</div>{{/FLASH}}
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
<table class="table table-sm">
  <thead><tr><th>Năm</th><th>Nội dung đột phá</th><th>Chuyên đề học tập</th></tr></thead>
  <tbody>{{#Y}}<tr><td>{{YEAR}}</td><td>{{THEME}}</td><td>{{TOPIC}}</td></tr>{{/Y}}</tbody>
</table>
{{#CAN_EDIT}}
<h2 class="h5">Đặt nội dung cho một năm</h2>
<form method="post" action="/years" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="mb-2"><label class="form-label" for="year">Năm</label><input class="form-control" id="year" name="year" value="{{YEAR}}" inputmode="numeric" maxlength="4">
    {{#ERR_YEAR}}<div class="field-error">{{MSG}}</div>{{/ERR_YEAR}}</div>
  <div class="mb-2"><label class="form-label" for="theme">Nội dung đột phá</label><textarea class="form-control" id="theme" name="theme" rows="2">{{THEME:pre_escape}}</textarea>
    {{#ERR_THEME}}<div class="field-error">{{MSG}}</div>{{/ERR_THEME}}</div>
  <div class="mb-2"><label class="form-label" for="study_topic">Chuyên đề học tập</label><textarea class="form-control" id="study_topic" name="study_topic" rows="2">{{TOPIC:pre_escape}}</textarea></div>
  <button class="btn btn-primary" type="submit">Lưu</button>
</form>
{{/CAN_EDIT}}
