{{%AUTOESCAPE context="HTML"}}
<h1 class="h4 mb-1">{{TITLE}}</h1>
<p class="text-muted mb-2">{{NAME}}{{#WHERE}} · {{TEXT}}{{/WHERE}}</p>
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
{{#OPEN}}
<p class="alert alert-warning py-2 deadline">Hạn nộp: <b>{{DEADLINE}}</b> (còn khoảng {{LEFT}} phút). Câu trả lời được lưu ngay khi chọn; máy chủ không nhận câu trả lời sau thời hạn.</p>
<form method="post" action="{{ACTION}}/submit" class="attempt-form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  {{#Q}}<fieldset class="border rounded p-2 mb-3 question" hx-post="{{ACTION}}/answers" hx-trigger="change" hx-target="#saved-{{POS}}" hx-swap="innerHTML">
    <legend class="fs-6 fw-bold float-none w-auto px-1">Câu {{POS}}. {{TEXT}}</legend><input type="hidden" name="pos" value="{{POS}}">
    <p class="small text-muted mb-1">{{KIND}}</p>
    {{#O}}<div class="form-check"><input class="form-check-input" type="{{TYPE}}" name="q{{POS}}" id="q{{POS}}_{{I}}" value="{{I}}" {{#CHECKED}}checked{{/CHECKED}}><label class="form-check-label" for="q{{POS}}_{{I}}">{{TEXT}}</label></div>{{/O}}
    <div class="small text-success" id="saved-{{POS}}" role="status">{{#SAVED}}Đã lưu{{/SAVED}}</div>
  </fieldset>{{/Q}}
  <button class="btn btn-primary btn-lg" type="submit">Nộp bài</button>
</form>
{{/OPEN}}
{{#DONE}}
<div class="alert alert-success attempt-score">Kết quả: <b>{{SCORE}}/{{MAX}}</b> câu đúng.</div>
<ol class="list-group mb-3">{{#Q}}<li class="list-group-item {{#RIGHT}}list-group-item-success{{/RIGHT}}{{#WRONG}}list-group-item-danger{{/WRONG}}">
  <div class="fw-bold">Câu {{POS}}. {{TEXT}}</div>
  <div class="small">Đồng chí chọn: {{GIVEN}} · Đáp án: {{ANSWER}}</div>
  {{#EXPLANATION}}<div class="small text-muted">{{TEXT}}</div>{{/EXPLANATION}}</li>{{/Q}}</ol>
{{#BACK}}<a href="{{HREF}}">← Quay lại đợt thi</a>{{/BACK}}
{{/DONE}}
