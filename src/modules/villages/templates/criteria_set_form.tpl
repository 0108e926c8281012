{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small"><li class="breadcrumb-item"><a href="/criteria-sets">Bộ tiêu chí</a></li><li class="breadcrumb-item active" aria-current="page">{{HEADING}}</li></ol></nav>
<h1 class="h3">{{HEADING}}</h1>
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
<form method="post" action="/criteria-sets" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="row g-2">
    <div class="col-sm-4"><label class="form-label" for="code">Mã bộ tiêu chí</label><input class="form-control" id="code" name="code" value="{{CODE}}" maxlength="40">{{#ERR_CODE}}<div class="field-error">{{MSG}}</div>{{/ERR_CODE}}<div class="form-text">Cùng mã: phiên bản tiếp theo.</div></div>
    <div class="col-sm-8"><label class="form-label" for="name">Tên</label><input class="form-control" id="name" name="name" value="{{NAME}}" maxlength="300">{{#ERR_NAME}}<div class="field-error">{{MSG}}</div>{{/ERR_NAME}}</div>
    <div class="col-12"><label class="form-label" for="legal_basis">Văn bản ban hành</label><input class="form-control" id="legal_basis" name="legal_basis" value="{{LEGAL_BASIS}}" maxlength="500">{{#ERR_LEGAL_BASIS}}<div class="field-error">{{MSG}}</div>{{/ERR_LEGAL_BASIS}}</div>
    <div class="col-6 col-sm-3"><label class="form-label" for="from_year">Áp dụng từ năm</label><input class="form-control" id="from_year" name="from_year" value="{{FROM_YEAR}}" inputmode="numeric">{{#ERR_FROM_YEAR}}<div class="field-error">{{MSG}}</div>{{/ERR_FROM_YEAR}}</div>
    <div class="col-6 col-sm-3"><label class="form-label" for="to_year">Đến năm</label><input class="form-control" id="to_year" name="to_year" value="{{TO_YEAR}}" inputmode="numeric">{{#ERR_TO_YEAR}}<div class="field-error">{{MSG}}</div>{{/ERR_TO_YEAR}}</div>
    <div class="col-12"><label class="form-label" for="note">Ghi chú</label><input class="form-control" id="note" name="note" value="{{NOTE}}" maxlength="2000"></div>
  </div>
  <fieldset class="mt-3"><legend class="h5">Tiêu chí</legend>
  {{#ERR_CRITERIA}}<div class="field-error">{{MSG}}</div>{{/ERR_CRITERIA}}
  {{#C}}<div class="border rounded p-2 mb-2 criterion-row">
    <div class="row g-2">
      <div class="col-sm-5"><label class="form-label small" for="group_{{N}}">Nhóm</label><input class="form-control form-control-sm" id="group_{{N}}" name="group" value="{{GROUP}}"></div>
      <div class="col-3 col-sm-1"><label class="form-label small" for="number_{{N}}">Số</label><input class="form-control form-control-sm" id="number_{{N}}" name="number" value="{{NUMBER}}"></div>
      <div class="col-9 col-sm-6"><label class="form-label small" for="cname_{{N}}">Tên tiêu chí</label><input class="form-control form-control-sm" id="cname_{{N}}" name="criterion" value="{{NAME}}"></div>
      <div class="col-12"><label class="form-label small" for="req_{{N}}">Yêu cầu để đạt</label><textarea class="form-control form-control-sm" id="req_{{N}}" name="requirement" rows="2">{{REQUIREMENT:pre_escape}}</textarea></div>
      <div class="col-sm-6"><label class="form-label small" for="flabel_{{N}}">Số liệu cần ghi (nếu có)</label><input class="form-control form-control-sm" id="flabel_{{N}}" name="figure_label" value="{{FIGURE_LABEL}}"></div>
      <div class="col-sm-6"><label class="form-label small" for="fsource_{{N}}">ct05 tự điền</label><select class="form-select form-select-sm" id="fsource_{{N}}" name="figure_source"><option value="">Không</option>{{#SRC}}<option value="{{VALUE}}" {{#SELECTED}}selected{{/SELECTED}}>{{LABEL}}</option>{{/SRC}}</select></div>
    </div></div>{{/C}}
  <p class="form-text">Dòng để trống được bỏ qua.</p>
  </fieldset>
  <button class="btn btn-primary" type="submit">Tạo bộ tiêu chí</button>
</form>
