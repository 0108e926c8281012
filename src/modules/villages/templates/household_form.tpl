{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small">
<li class="breadcrumb-item"><a href="/units/{{VILLAGE_ID}}">{{VILLAGE_NAME}}</a></li>
<li class="breadcrumb-item"><a href="/units/{{VILLAGE_ID}}/households">Hộ gia đình</a></li>
<li class="breadcrumb-item active" aria-current="page">{{HEADING}}</li>
</ol></nav>
<h1 class="h3">{{HEADING}}</h1>
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="row g-2">
    <div class="col-sm-4"><label class="form-label" for="code">Mã hộ</label><input class="form-control" id="code" name="code" value="{{CODE}}" maxlength="30" required>{{#ERR_CODE}}<div class="field-error">{{MSG}}</div>{{/ERR_CODE}}</div>
    <div class="col-sm-8"><label class="form-label" for="head_name">Họ và tên chủ hộ</label><input class="form-control" id="head_name" name="head_name" value="{{HEAD_NAME}}" maxlength="120" required>{{#ERR_HEAD_NAME}}<div class="field-error">{{MSG}}</div>{{/ERR_HEAD_NAME}}</div>
    <div class="col-6 col-sm-3"><label class="form-label" for="head_birth_year">Năm sinh chủ hộ</label><input class="form-control" id="head_birth_year" name="head_birth_year" inputmode="numeric" value="{{HEAD_BIRTH_YEAR}}">{{#ERR_HEAD_BIRTH_YEAR}}<div class="field-error">{{MSG}}</div>{{/ERR_HEAD_BIRTH_YEAR}}</div>
    <div class="col-6 col-sm-3"><label class="form-label" for="head_gender">Giới tính</label><select class="form-select" id="head_gender" name="head_gender">{{#GENDER}}<option value="{{VALUE}}" {{#SELECTED}}selected{{/SELECTED}}>{{LABEL}}</option>{{/GENDER}}</select>{{#ERR_HEAD_GENDER}}<div class="field-error">{{MSG}}</div>{{/ERR_HEAD_GENDER}}</div>
    <div class="col-6 col-sm-3"><label class="form-label" for="ethnicity">Dân tộc</label><input class="form-control" id="ethnicity" name="ethnicity" value="{{ETHNICITY}}" maxlength="50" list="ethnicities">{{#ERR_ETHNICITY}}<div class="field-error">{{MSG}}</div>{{/ERR_ETHNICITY}}
      <datalist id="ethnicities">{{#ETHNIC}}<option value="{{V}}">{{/ETHNIC}}</datalist></div>
    <div class="col-6 col-sm-3"><label class="form-label" for="area">Khu vực</label><select class="form-select" id="area" name="area">{{#AREA}}<option value="{{VALUE}}" {{#SELECTED}}selected{{/SELECTED}}>{{LABEL}}</option>{{/AREA}}</select>{{#ERR_AREA}}<div class="field-error">{{MSG}}</div>{{/ERR_AREA}}</div>
    <div class="col-12"><label class="form-label" for="address">Địa chỉ</label><input class="form-control" id="address" name="address" value="{{ADDRESS}}" maxlength="300">{{#ERR_ADDRESS}}<div class="field-error">{{MSG}}</div>{{/ERR_ADDRESS}}</div>
    <div class="col-sm-4"><label class="form-label" for="registered_on">Ngày đăng ký hộ</label><input class="form-control" type="date" id="registered_on" name="registered_on" value="{{REGISTERED_ON}}">{{#ERR_REGISTERED_ON}}<div class="field-error">{{MSG}}</div>{{/ERR_REGISTERED_ON}}</div>
    <div class="col-sm-4"><label class="form-label" for="ended_on">Ngày chuyển đi, giải thể</label><input class="form-control" type="date" id="ended_on" name="ended_on" value="{{ENDED_ON}}">{{#ERR_ENDED_ON}}<div class="field-error">{{MSG}}</div>{{/ERR_ENDED_ON}}</div>
    <div class="col-sm-4"><label class="form-label" for="ended_reason">Lý do</label><input class="form-control" id="ended_reason" name="ended_reason" value="{{ENDED_REASON}}" maxlength="300" placeholder="tách hộ, chuyển đi…"></div>
  </div>
  <fieldset class="border rounded p-2 mt-3">
    <legend class="h6 float-none w-auto px-1">Thành viên khác của hộ</legend>
    {{#ERR_MEMBERS}}<div class="field-error">{{MSG}}</div>{{/ERR_MEMBERS}}
    {{#M}}<div class="row g-1 mb-2 pb-2 border-bottom member">
      <div class="col-12 col-sm-5"><label class="form-label small mb-0" for="member_name_{{N}}">Thành viên {{N}}: họ và tên</label><input class="form-control form-control-sm" id="member_name_{{N}}" name="member_name" value="{{NAME}}" maxlength="120"></div>
      <div class="col-5 col-sm-3"><label class="form-label small mb-0" for="member_relation_{{N}}">Quan hệ với chủ hộ</label><input class="form-control form-control-sm" id="member_relation_{{N}}" name="member_relation" value="{{RELATION}}" maxlength="50" list="relations"></div>
      <div class="col-4 col-sm-2"><label class="form-label small mb-0" for="member_birth_year_{{N}}">Năm sinh</label><input class="form-control form-control-sm" id="member_birth_year_{{N}}" name="member_birth_year" value="{{BIRTH_YEAR}}" inputmode="numeric"></div>
      <div class="col-3 col-sm-2"><label class="form-label small mb-0" for="member_gender_{{N}}">Giới tính</label><select class="form-select form-select-sm" id="member_gender_{{N}}" name="member_gender">{{#G}}<option value="{{VALUE}}" {{#SELECTED}}selected{{/SELECTED}}>{{LABEL}}</option>{{/G}}</select></div>
    </div>{{/M}}
    <datalist id="relations"><option value="Vợ"><option value="Chồng"><option value="Con"><option value="Bố"><option value="Mẹ"><option value="Cháu"><option value="Anh, chị, em"></datalist>
    <p class="form-text mb-0">Để trống các dòng thừa. Cần thêm dòng thì lưu rồi sửa lại.</p>
  </fieldset>
  <div class="mt-3"><label class="form-label" for="note">Ghi chú</label><textarea class="form-control" id="note" name="note" rows="2" maxlength="2000">{{NOTE:pre_escape}}</textarea>{{#ERR_NOTE}}<div class="field-error">{{MSG}}</div>{{/ERR_NOTE}}</div>
  <button class="btn btn-primary mt-3" type="submit">Lưu hộ gia đình</button>
</form>
