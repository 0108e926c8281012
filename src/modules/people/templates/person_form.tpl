{{%AUTOESCAPE context="HTML"}}
<h1 class="h3">{{HEADING}}</h1>
{{#UNIT}}<p class="text-muted">Đơn vị: <a href="/units/{{ID}}">{{NAME}}</a></p>{{/UNIT}}
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  {{#UNIT}}<input type="hidden" name="unit_id" value="{{ID}}">{{/UNIT}}
  {{#ERR_UNIT_ID}}<div class="field-error mb-2">{{MSG}}</div>{{/ERR_UNIT_ID}}
  <div class="mb-3">
    <label class="form-label" for="full_name">Họ và tên</label>
    <input class="form-control" id="full_name" name="full_name" value="{{FULL_NAME}}" maxlength="120" required>
    {{#ERR_FULL_NAME}}<div class="field-error">{{MSG}}</div>{{/ERR_FULL_NAME}}
  </div>
  <div class="row">
    <div class="mb-3 col-6 col-sm-4">
      <label class="form-label" for="gender">Giới tính</label>
      <select class="form-select" id="gender" name="gender">
        <option value="">—</option>
        <option value="nam" {{#NAM}}selected{{/NAM}}>Nam</option>
        <option value="nu" {{#NU}}selected{{/NU}}>Nữ</option>
      </select>
      {{#ERR_GENDER}}<div class="field-error">{{MSG}}</div>{{/ERR_GENDER}}
    </div>
    <div class="mb-3 col-6 col-sm-4">
      <label class="form-label" for="birth_year">Năm sinh</label>
      <input class="form-control" id="birth_year" name="birth_year" value="{{BIRTH_YEAR}}" inputmode="numeric" maxlength="4">
      {{#ERR_BIRTH_YEAR}}<div class="field-error">{{MSG}}</div>{{/ERR_BIRTH_YEAR}}
    </div>
    <div class="mb-3 col-sm-4">
      <label class="form-label" for="cadre_status">Đối tượng</label>
      <select class="form-select" id="cadre_status" name="cadre_status">
        <option value="">—</option>
        {{#STATUS}}<option value="{{VALUE}}" {{#SELECTED}}selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS}}
      </select>
      {{#ERR_CADRE_STATUS}}<div class="field-error">{{MSG}}</div>{{/ERR_CADRE_STATUS}}
    </div>
  </div>
  <div class="mb-3">
    <label class="form-label" for="position">Chức vụ</label>
    <input class="form-control" id="position" name="position" value="{{POSITION}}" maxlength="200" placeholder="VD: Bí thư chi bộ, Đảng viên">
    {{#ERR_POSITION}}<div class="field-error">{{MSG}}</div>{{/ERR_POSITION}}
  </div>
  {{#MOVE}}
  <div class="mb-3">
    <label class="form-label" for="unit_id">Đơn vị sinh hoạt</label>
    <select class="form-select" id="unit_id" name="unit_id">
      {{#OPT}}<option value="{{VALUE}}" {{#SELECTED}}selected{{/SELECTED}}>{{LABEL}}</option>{{/OPT}}
    </select>
    <div class="form-text">Chọn đơn vị khác để chuyển sinh hoạt; lịch sử sinh hoạt được giữ lại.</div>
  </div>
  {{/MOVE}}
  <fieldset class="sensitive mb-3">
    <legend class="h6">Thông tin nhạy cảm (chỉ người có thẩm quyền được xem)</legend>
    <div class="row">
      <div class="mb-3 col-sm-6">
        <label class="form-label" for="ethnicity">Dân tộc</label>
        <input class="form-control" id="ethnicity" name="ethnicity" value="{{ETHNICITY}}" list="ethnicities" maxlength="40">
        <datalist id="ethnicities">{{#ETHNIC}}<option value="{{NAME}}">{{/ETHNIC}}</datalist>
        {{#ERR_ETHNICITY}}<div class="field-error">{{MSG}}</div>{{/ERR_ETHNICITY}}
      </div>
      <div class="mb-3 col-sm-6">
        <label class="form-label" for="phone">Điện thoại</label>
        <input class="form-control" id="phone" name="phone" value="{{PHONE}}" inputmode="tel" maxlength="20">
        {{#ERR_PHONE}}<div class="field-error">{{MSG}}</div>{{/ERR_PHONE}}
      </div>
      <div class="mb-3 col-sm-6">
        <label class="form-label" for="id_number">Số CCCD</label>
        <input class="form-control" id="id_number" name="id_number" value="{{ID_NUMBER}}" inputmode="numeric" maxlength="12">
        {{#ERR_ID_NUMBER}}<div class="field-error">{{MSG}}</div>{{/ERR_ID_NUMBER}}
      </div>
      <div class="mb-3 col-sm-6 d-flex align-items-end">
        <div class="form-check">
          <input class="form-check-input" type="checkbox" id="is_party_member" name="is_party_member" value="1" {{#MEMBER}}checked{{/MEMBER}}>
          <label class="form-check-label" for="is_party_member">Là đảng viên</label>
        </div>
      </div>
      <div class="mb-3 col-sm-6">
        <label class="form-label" for="party_card_no">Số thẻ đảng viên</label>
        <input class="form-control" id="party_card_no" name="party_card_no" value="{{PARTY_CARD_NO}}" inputmode="numeric" maxlength="20">
        {{#ERR_PARTY_CARD_NO}}<div class="field-error">{{MSG}}</div>{{/ERR_PARTY_CARD_NO}}
      </div>
      <div class="mb-3 col-sm-6">
        <label class="form-label" for="party_join_date">Ngày vào Đảng</label>
        <input class="form-control" type="date" id="party_join_date" name="party_join_date" value="{{PARTY_JOIN_DATE}}">
        {{#ERR_PARTY_JOIN_DATE}}<div class="field-error">{{MSG}}</div>{{/ERR_PARTY_JOIN_DATE}}
      </div>
    </div>
  </fieldset>
  <div class="mb-3">
    <label class="form-label" for="note">Ghi chú</label>
    <textarea class="form-control" id="note" name="note" rows="2" maxlength="2000">{{NOTE:pre_escape}}</textarea>
    {{#ERR_NOTE}}<div class="field-error">{{MSG}}</div>{{/ERR_NOTE}}
  </div>
  <button class="btn btn-primary" type="submit">Lưu</button>
  <a class="btn btn-link" href="{{CANCEL}}">Hủy</a>
</form>
