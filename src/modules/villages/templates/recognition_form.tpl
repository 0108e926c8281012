{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small">
<li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}/village">{{UNIT_NAME}}</a></li>
<li class="breadcrumb-item active" aria-current="page">Quyết định công nhận</li>
</ol></nav>
<h1 class="h3">Ghi quyết định công nhận thôn đạt chuẩn nông thôn mới</h1>
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
<form method="post" action="/units/{{UNIT_ID}}/recognitions" enctype="multipart/form-data" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="row g-2">
    <div class="col-6 col-sm-3"><label class="form-label" for="year">Năm công nhận</label><input class="form-control" id="year" name="year" value="{{YEAR}}" inputmode="numeric">{{#ERR_YEAR}}<div class="field-error">{{MSG}}</div>{{/ERR_YEAR}}</div>
    <div class="col-6 col-sm-4"><label class="form-label" for="decided_on">Ngày ký</label><input class="form-control" type="date" id="decided_on" name="decided_on" value="{{DECIDED_ON}}">{{#ERR_DECIDED_ON}}<div class="field-error">{{MSG}}</div>{{/ERR_DECIDED_ON}}</div>
    <div class="col-sm-5"><label class="form-label" for="decision_no">Số quyết định</label><input class="form-control" id="decision_no" name="decision_no" value="{{DECISION_NO}}" maxlength="100" placeholder="ví dụ 1234/QĐ-UBND">{{#ERR_DECISION_NO}}<div class="field-error">{{MSG}}</div>{{/ERR_DECISION_NO}}</div>
    <div class="col-12"><label class="form-label" for="issuer">Cơ quan ban hành</label><input class="form-control" id="issuer" name="issuer" value="{{ISSUER}}" maxlength="200">{{#ERR_ISSUER}}<div class="field-error">{{MSG}}</div>{{/ERR_ISSUER}}</div>
    <div class="col-12"><label class="form-label" for="assessment_id">Căn cứ bản đánh giá</label><select class="form-select" id="assessment_id" name="assessment_id"><option value="">— Không chọn —</option>{{#A}}<option value="{{ID}}" {{#SELECTED}}selected{{/SELECTED}}>Năm {{YEAR}} · {{SET}} · đạt {{MET}}/{{TOTAL}}</option>{{/A}}</select>{{#ERR_ASSESSMENT_ID}}<div class="field-error">{{MSG}}</div>{{/ERR_ASSESSMENT_ID}}</div>
    <div class="col-12"><label class="form-label" for="file">Bản quyết định (PDF hoặc ảnh chụp, không bắt buộc)</label><input class="form-control" type="file" id="file" name="file" accept="application/pdf,image/jpeg,image/png,image/webp">{{#ERR_FILE}}<div class="field-error">{{MSG}}</div>{{/ERR_FILE}}</div>
    <div class="col-12"><label class="form-label" for="note">Ghi chú</label><input class="form-control" id="note" name="note" value="{{NOTE}}" maxlength="2000"></div>
  </div>
  <button class="btn btn-primary mt-3" type="submit">Lưu quyết định công nhận</button>
</form>
