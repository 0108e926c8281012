{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small"><li class="breadcrumb-item"><a href="/plans/{{PLAN_ID}}">Cam kết năm {{YEAR}}</a></li><li class="breadcrumb-item active" aria-current="page">Đánh giá</li></ol></nav>
<h1 class="h3 mb-1">Đánh giá cam kết năm {{YEAR}}</h1>
<p class="text-muted">{{SUBJECT}} · {{UNIT_NAME}}</p>
{{#FLASH}}<div class="alert alert-success" role="status">{{MESSAGE}}</div>{{/FLASH}}
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
{{#SELF}}<p>Tự đánh giá: <b>{{LABEL}}</b>{{#COMMENT}} — {{TEXT}}{{/COMMENT}} <span class="small text-muted">({{BY}})</span></p>{{/SELF}}
{{#RATED}}<p>Đơn vị xếp loại: <b>{{LABEL}}</b>{{#COMMENT}} — {{TEXT}}{{/COMMENT}} <span class="small text-muted">(sinh hoạt {{MEETING_DATE}})</span></p>{{/RATED}}
{{#NOT_ACCEPTED}}<p class="text-muted">Cam kết chưa được chấp thuận nên chưa đánh giá được.</p>{{/NOT_ACCEPTED}}
{{#FORM}}<form method="post" action="/plans/{{PLAN_ID}}/self-assessment" class="border rounded p-3" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <fieldset><legend class="h6">Tự đánh giá mức độ thực hiện cam kết</legend>
  {{#OPT}}<div class="form-check"><input class="form-check-input" type="radio" name="rating" id="r_{{VALUE}}" value="{{VALUE}}" {{#SELECTED}}checked{{/SELECTED}}><label class="form-check-label" for="r_{{VALUE}}">{{LABEL}}</label></div>{{/OPT}}
  {{#ERR_RATING}}<div class="field-error">{{MSG}}</div>{{/ERR_RATING}}</fieldset>
  <label class="form-label mt-2" for="comment">Những việc đã làm được, hạn chế</label><textarea class="form-control" id="comment" name="comment" rows="3" maxlength="2000">{{COMMENT:pre_escape}}</textarea>{{#ERR_COMMENT}}<div class="field-error">{{MSG}}</div>{{/ERR_COMMENT}}
  <button class="btn btn-primary mt-2" type="submit">Lưu tự đánh giá</button>
</form>{{/FORM}}
