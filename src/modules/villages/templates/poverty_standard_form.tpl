{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small"><li class="breadcrumb-item"><a href="/poverty-standards">Chuẩn nghèo</a></li><li class="breadcrumb-item active" aria-current="page">{{HEADING}}</li></ol></nav>
<h1 class="h3">{{HEADING}}</h1>
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="row g-2">
    <div class="col-sm-4"><label class="form-label" for="code">Mã</label><input class="form-control" id="code" name="code" value="{{CODE}}" maxlength="40">{{#ERR_CODE}}<div class="field-error">{{MSG}}</div>{{/ERR_CODE}}</div>
    <div class="col-sm-8"><label class="form-label" for="name">Tên</label><input class="form-control" id="name" name="name" value="{{NAME}}" maxlength="300">{{#ERR_NAME}}<div class="field-error">{{MSG}}</div>{{/ERR_NAME}}</div>
    <div class="col-12"><label class="form-label" for="legal_basis">Văn bản quy định</label><input class="form-control" id="legal_basis" name="legal_basis" value="{{LEGAL_BASIS}}" maxlength="500">{{#ERR_LEGAL_BASIS}}<div class="field-error">{{MSG}}</div>{{/ERR_LEGAL_BASIS}}</div>
    <div class="col-6 col-sm-3"><label class="form-label" for="from_year">Từ năm</label><input class="form-control" id="from_year" name="from_year" value="{{FROM_YEAR}}" inputmode="numeric"></div>
    <div class="col-6 col-sm-3"><label class="form-label" for="to_year">Đến năm</label><input class="form-control" id="to_year" name="to_year" value="{{TO_YEAR}}" inputmode="numeric"></div>
    <div class="col-12">{{#ERR_YEARS}}<div class="field-error">{{MSG}}</div>{{/ERR_YEARS}}</div>
    <div class="col-6 col-sm-3"><label class="form-label" for="rural_line">Chuẩn nông thôn (đồng)</label><input class="form-control" id="rural_line" name="rural_line" value="{{RURAL}}" inputmode="numeric"></div>
    <div class="col-6 col-sm-3"><label class="form-label" for="urban_line">Chuẩn thành thị (đồng)</label><input class="form-control" id="urban_line" name="urban_line" value="{{URBAN}}" inputmode="numeric"></div>
    <div class="col-sm-6"><label class="form-label" for="min_lacking">Hộ nghèo khi thiếu hụt từ (chỉ số)</label><input class="form-control" id="min_lacking" name="min_lacking" value="{{MIN}}" inputmode="numeric">{{#ERR_MIN_LACKING}}<div class="field-error">{{MSG}}</div>{{/ERR_MIN_LACKING}}</div>
    <div class="col-12">{{#ERR_LINES}}<div class="field-error">{{MSG}}</div>{{/ERR_LINES}}</div>
    <div class="col-12"><label class="form-label" for="note">Ghi chú</label><textarea class="form-control" id="note" name="note" rows="2">{{NOTE:pre_escape}}</textarea></div>
    <div class="col-12"><label class="form-label" for="indicators">Chỉ số, mỗi dòng: mã | dịch vụ | tên chỉ số | ngưỡng thiếu hụt</label><textarea class="form-control font-monospace small" id="indicators" name="indicators" rows="14">{{INDICATORS:pre_escape}}</textarea>{{#ERR_INDICATORS}}<div class="field-error">{{MSG}}</div>{{/ERR_INDICATORS}}</div>
  </div>
  <button class="btn btn-primary mt-3" type="submit">Lưu chuẩn nghèo</button>
</form>
