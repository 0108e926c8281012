{{%AUTOESCAPE context="HTML"}}
<h1 class="h3">{{HEADING}}</h1>
<p class="text-muted">Ghi danh người tốt, việc tốt phải <b>đúng người, đúng việc, trung thực, khách quan</b>. Đơn vị sẽ xác minh trước khi cấp ủy phê duyệt và công bố.</p>
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
<form method="post" action="{{ACTION}}" enctype="multipart/form-data" novalidate class="mb-4">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="mb-3">
    <label class="form-label" for="unit_id">Đơn vị, địa bàn có việc tốt</label>
    <select class="form-select" id="unit_id" name="unit_id" required>
      <option value="">— Chọn đơn vị —</option>
      {{#UNIT}}<option value="{{ID}}" {{#SELECTED}}selected{{/SELECTED}}>{{NAME}}</option>{{/UNIT}}
    </select>
    {{#ERR_UNIT_ID}}<div class="field-error">{{MSG}}</div>{{/ERR_UNIT_ID}}
  </div>
  <fieldset class="mb-3">
    <legend class="form-label fs-6">Người được ghi danh là</legend>
    {{#KIND}}<div class="form-check form-check-inline"><input class="form-check-input" type="radio" name="subject_kind" id="kind_{{VALUE}}" value="{{VALUE}}" {{#CHECKED}}checked{{/CHECKED}}><label class="form-check-label" for="kind_{{VALUE}}">{{LABEL}}</label></div>{{/KIND}}
    {{#ERR_SUBJECT_KIND}}<div class="field-error">{{MSG}}</div>{{/ERR_SUBJECT_KIND}}
  </fieldset>
  <div class="mb-3">
    <label class="form-label" for="subject_name">Họ tên người hoặc tên tập thể</label>
    <input class="form-control" id="subject_name" name="subject_name" value="{{SUBJECT_NAME}}" maxlength="200" required>
    {{#ERR_SUBJECT_NAME}}<div class="field-error">{{MSG}}</div>{{/ERR_SUBJECT_NAME}}
  </div>
  <div class="mb-3">
    <label class="form-label" for="deed">Việc tốt</label>
    <textarea class="form-control" id="deed" name="deed" rows="4" maxlength="4000" required>{{DEED:pre_escape}}</textarea>
    {{#ERR_DEED}}<div class="field-error">{{MSG}}</div>{{/ERR_DEED}}
  </div>
  <div class="row g-2 mb-3">
    <div class="col-sm-4">
      <label class="form-label" for="deed_date">Thời gian</label>
      <input class="form-control" type="date" id="deed_date" name="deed_date" value="{{DEED_DATE}}" required>
      {{#ERR_DEED_DATE}}<div class="field-error">{{MSG}}</div>{{/ERR_DEED_DATE}}
    </div>
    <div class="col-sm-8">
      <label class="form-label" for="place">Địa điểm</label>
      <input class="form-control" id="place" name="place" value="{{PLACE}}" maxlength="300">
      {{#ERR_PLACE}}<div class="field-error">{{MSG}}</div>{{/ERR_PLACE}}
    </div>
  </div>
  <div class="mb-3">
    <label class="form-label" for="category_id">Lĩnh vực</label>
    <select class="form-select" id="category_id" name="category_id" required>
      <option value="">— Chọn lĩnh vực —</option>
      {{#CATEGORY}}<option value="{{ID}}" {{#SELECTED}}selected{{/SELECTED}}>{{NAME}}</option>{{/CATEGORY}}
    </select>
    {{#ERR_CATEGORY_ID}}<div class="field-error">{{MSG}}</div>{{/ERR_CATEGORY_ID}}
  </div>
  <div class="mb-3">
    <label class="form-label" for="files">Ảnh, tài liệu minh chứng (JPEG, PNG, WebP, PDF; tối đa 5 tệp, mỗi tệp 8 MB)</label>
    <input class="form-control" type="file" id="files" name="files" multiple accept="image/jpeg,image/png,image/webp,application/pdf">
    <div class="form-text">Ảnh được thu nhỏ và xóa thông tin vị trí (GPS) trước khi lưu.{{#RESEND}} Vui lòng chọn lại tệp: tệp không được giữ khi biểu mẫu có lỗi.{{/RESEND}}</div>
    {{#ERR_FILES}}<div class="field-error">{{MSG}}</div>{{/ERR_FILES}}
  </div>
  {{#PUBLIC}}
  <div class="row g-2 mb-3">
    <div class="col-sm-6">
      <label class="form-label" for="nominator_name">Họ tên người đề nghị</label>
      <input class="form-control" id="nominator_name" name="nominator_name" value="{{NOMINATOR_NAME}}" maxlength="200" required>
      {{#ERR_NOMINATOR_NAME}}<div class="field-error">{{MSG}}</div>{{/ERR_NOMINATOR_NAME}}
    </div>
    <div class="col-sm-6">
      <label class="form-label" for="nominator_contact">Số điện thoại hoặc địa chỉ liên hệ</label>
      <input class="form-control" id="nominator_contact" name="nominator_contact" value="{{NOMINATOR_CONTACT}}" maxlength="200" required>
      <div class="form-text">Chỉ đơn vị xác minh được xem, không công bố.</div>
      {{#ERR_NOMINATOR_CONTACT}}<div class="field-error">{{MSG}}</div>{{/ERR_NOMINATOR_CONTACT}}
    </div>
  </div>
  <div class="d-none" aria-hidden="true"><label for="website">Để trống ô này</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
  <div class="mb-3">
    <label class="form-label" for="answer">Câu hỏi kiểm tra: <span id="challenge-question">{{QUESTION}}</span> (trả lời bằng số)</label>
    <input class="form-control" id="answer" name="answer" inputmode="numeric" maxlength="3" required autocomplete="off">
    <input type="hidden" name="challenge" value="{{CHALLENGE}}">
    {{#ERR_ANSWER}}<div class="field-error">{{MSG}}</div>{{/ERR_ANSWER}}
  </div>
  {{/PUBLIC}}
  <div class="form-check mb-3">
    <input class="form-check-input" type="checkbox" id="consent" name="consent" value="1" {{#CONSENT}}checked{{/CONSENT}}>
    <label class="form-check-label" for="consent">Người (tập thể) được ghi danh đã đồng ý để tên và việc tốt được công bố công khai{{#PUBLIC}} (đơn vị sẽ hỏi lại trước khi công bố){{/PUBLIC}}</label>
  </div>
  <button class="btn btn-primary" type="submit">Gửi đề nghị ghi danh</button>
</form>
