{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small"><li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}/questions">Bộ câu hỏi — {{UNIT_NAME}}</a></li><li class="breadcrumb-item active" aria-current="page">{{HEADING}}</li></ol></nav>
<h1 class="h3">{{HEADING}}</h1>
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="row g-2">
    <div class="col-sm-4"><label class="form-label" for="kind">Loại câu hỏi</label><select class="form-select" id="kind" name="kind">{{#KIND}}<option value="{{VALUE}}" {{#SELECTED}}selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND}}</select>{{#ERR_KIND}}<div class="field-error">{{MSG}}</div>{{/ERR_KIND}}</div>
    <div class="col-sm-5"><label class="form-label" for="category">Chủ đề</label><select class="form-select" id="category" name="category"><option value="">— Chọn —</option>{{#CAT}}<option value="{{CODE}}" {{#SELECTED}}selected{{/SELECTED}}>{{LABEL}}</option>{{/CAT}}</select>{{#ERR_CATEGORY}}<div class="field-error">{{MSG}}</div>{{/ERR_CATEGORY}}</div>
    <div class="col-sm-3"><label class="form-label" for="difficulty">Độ khó</label><select class="form-select" id="difficulty" name="difficulty">{{#DIFF}}<option value="{{VALUE}}" {{#SELECTED}}selected{{/SELECTED}}>{{LABEL}}</option>{{/DIFF}}</select>{{#ERR_DIFFICULTY}}<div class="field-error">{{MSG}}</div>{{/ERR_DIFFICULTY}}</div>
    <div class="col-12"><label class="form-label" for="question">Câu hỏi</label><textarea class="form-control" id="question" name="question" rows="3" maxlength="1000">{{QUESTION:pre_escape}}</textarea>{{#ERR_QUESTION}}<div class="field-error">{{MSG}}</div>{{/ERR_QUESTION}}</div>
    <div class="col-12"><label class="form-label" for="options">Các phương án (mỗi dòng một phương án; để trống với câu trả lời tự do)</label><textarea class="form-control" id="options" name="options" rows="5">{{OPTIONS:pre_escape}}</textarea>{{#ERR_OPTIONS}}<div class="field-error">{{MSG}}</div>{{/ERR_OPTIONS}}</div>
    <div class="col-sm-6"><label class="form-label" for="answer">Phương án đúng (số thứ tự, ví dụ 2 hoặc 1, 3)</label><input class="form-control" id="answer" name="answer" value="{{ANSWER}}" inputmode="numeric">{{#ERR_ANSWER}}<div class="field-error">{{MSG}}</div>{{/ERR_ANSWER}}</div>
    <div class="col-12"><label class="form-label" for="explanation">Giải thích (câu tự do: đáp án mong đợi)</label><textarea class="form-control" id="explanation" name="explanation" rows="3" maxlength="2000">{{EXPLANATION:pre_escape}}</textarea>{{#ERR_EXPLANATION}}<div class="field-error">{{MSG}}</div>{{/ERR_EXPLANATION}}</div>
    <div class="col-12"><label class="form-label" for="source">Nguồn</label><input class="form-control" id="source" name="source" value="{{SOURCE}}" maxlength="500">{{#ERR_SOURCE}}<div class="field-error">{{MSG}}</div>{{/ERR_SOURCE}}</div>
    {{#EDITING}}<div class="col-12 form-check ms-2"><input class="form-check-input" type="checkbox" id="active" name="active" value="1" {{#ACTIVE}}checked{{/ACTIVE}}><label class="form-check-label" for="active">Đang dùng</label></div>{{/EDITING}}
  </div>
  <button class="btn btn-primary mt-3" type="submit">Lưu câu hỏi</button>
</form>
