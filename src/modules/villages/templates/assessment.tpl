{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small">
<li class="breadcrumb-item"><a href="/units/{{VILLAGE_ID}}/village?year={{YEAR}}">{{VILLAGE_NAME}}</a></li>
<li class="breadcrumb-item active" aria-current="page">Đánh giá năm {{YEAR}}</li>
</ol></nav>
{{#FLASH}}<div class="alert alert-success" role="status">{{MESSAGE}}</div>{{/FLASH}}
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
<h1 class="h3 mb-1">Đánh giá {{VILLAGE_NAME}} năm {{YEAR}}</h1>
<p class="text-muted mb-1"><a href="/criteria-sets/{{SET_ID}}">{{SET_NAME}}</a> (phiên bản {{SET_VERSION}}) · {{SET_LEGAL_BASIS}}</p>
<p class="assessment-summary"><b class="met-count">Đạt {{MET}}/{{TOTAL}} tiêu chí</b> · chưa đạt {{NOT_MET}} · chưa đánh giá {{PENDING}}{{#ALL_MET}} · <span class="text-success">đủ điều kiện đề nghị công nhận</span>{{/ALL_MET}}</p>
<p class="small text-muted">Cập nhật lần cuối {{UPDATED_AT}} bởi {{UPDATED_BY}}.</p>
{{#CAN_RECOGNISE}}<p><a class="btn btn-sm btn-outline-success" href="/units/{{VILLAGE_ID}}/recognitions/new?year={{YEAR}}&amp;assessment={{ID}}">Ghi quyết định công nhận</a></p>{{/CAN_RECOGNISE}}
{{#GROUP}}<h2 class="h5 mt-4">{{NAME}}</h2>
{{#C}}<div class="border rounded p-2 mb-2 criterion" id="criterion-{{ID}}" data-criterion="{{ID}}">
  <div class="d-flex justify-content-between align-items-start"><b>{{NUMBER}}. {{NAME}}</b><span class="badge result-{{RESULT_CODE}} ms-2 text-nowrap">{{RESULT}}</span></div>
  {{#REQ}}<div class="small text-muted">{{TEXT}}</div>{{/REQ}}
  {{#ERR}}<div class="field-error">{{MSG}}</div>{{/ERR}}
  {{#EDIT}}
  <div class="mt-1" role="radiogroup" aria-label="Kết quả tiêu chí {{NUMBER}}">
    <div class="form-check form-check-inline"><input class="form-check-input" type="radio" form="results" name="met_{{ID}}" id="met_{{ID}}_1" value="1" {{#MET}}checked{{/MET}}><label class="form-check-label" for="met_{{ID}}_1">Đạt</label></div>
    <div class="form-check form-check-inline"><input class="form-check-input" type="radio" form="results" name="met_{{ID}}" id="met_{{ID}}_0" value="0" {{#NOT_MET}}checked{{/NOT_MET}}><label class="form-check-label" for="met_{{ID}}_0">Chưa đạt</label></div>
    <div class="form-check form-check-inline"><input class="form-check-input" type="radio" form="results" name="met_{{ID}}" id="met_{{ID}}_" value="" {{#PENDING}}checked{{/PENDING}}><label class="form-check-label" for="met_{{ID}}_">Chưa đánh giá</label></div>
  </div>
  <input type="hidden" form="results" name="criterion" value="{{ID}}">
  <div class="row g-2 mt-1">
    {{#FIGURE_INPUT}}<div class="col-sm-5"><label class="form-label small" for="figure_{{ID}}">{{FIGURE_LABEL}}</label><input class="form-control form-control-sm" form="results" id="figure_{{ID}}" name="figure_{{ID}}" value="{{FIGURE}}" maxlength="200">{{#KNOWN}}<div class="form-text">ct05: {{TEXT}}</div>{{/KNOWN}}</div>{{/FIGURE_INPUT}}
    <div class="col"><label class="form-label small" for="note_{{ID}}">Nhận xét</label><input class="form-control form-control-sm" form="results" id="note_{{ID}}" name="note_{{ID}}" value="{{NOTE}}" maxlength="2000"></div>
  </div>
  {{/EDIT}}
  {{#SHOW}}{{#FIGURE_TEXT}}<div class="small">{{LABEL}}: {{TEXT}}</div>{{/FIGURE_TEXT}}{{#NOTE_TEXT}}<div class="small">Nhận xét: {{TEXT}}</div>{{/NOTE_TEXT}}{{/SHOW}}
  {{#FILES}}<ul class="small mb-0 mt-1 evidence">{{#F}}<li><a href="/village-files/{{ID}}">{{NAME}}</a> <span class="text-muted">({{SIZE}})</span></li>{{/F}}</ul>{{/FILES}}
  {{#UPLOAD}}<details class="mt-1"><summary class="small">Thêm minh chứng (ảnh, PDF)</summary><form method="post" action="/village-assessments/{{AID}}/files" enctype="multipart/form-data" class="d-flex flex-wrap gap-2 mt-1 align-items-center evidence-form">
    <input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="criterion_id" value="{{ID}}">
    <input class="form-control form-control-sm w-auto flex-grow-1" type="file" name="files" accept="image/jpeg,image/png,image/webp,application/pdf" aria-label="Minh chứng cho tiêu chí {{NUMBER}}">
    <button class="btn btn-sm btn-outline-secondary" type="submit">Tải lên</button></form></details>{{/UPLOAD}}
</div>{{/C}}{{/GROUP}}
{{#EDIT_FORM}}
<form method="post" action="/village-assessments/{{ID}}" id="results" class="mt-3" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <label class="form-label" for="note">Nhận xét chung</label>
  <textarea class="form-control" id="note" name="note" rows="2" maxlength="4000">{{NOTE:pre_escape}}</textarea>{{#ERR_NOTE}}<div class="field-error">{{MSG}}</div>{{/ERR_NOTE}}
  <button class="btn btn-primary mt-2" type="submit">Lưu kết quả đánh giá</button>
</form>
{{/EDIT_FORM}}
{{#NOTE_VIEW}}<p class="mt-3">Nhận xét chung: {{TEXT}}</p>{{/NOTE_VIEW}}
