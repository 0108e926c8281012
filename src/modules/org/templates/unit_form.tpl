{{%AUTOESCAPE context="HTML"}}
<h1 class="h3">{{HEADING}}</h1>
{{#PARENT}}<p class="text-muted">Trực thuộc: <a href="/units/{{ID}}">{{NAME}}</a></p>{{/PARENT}}
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  {{#PARENT}}<input type="hidden" name="parent_id" value="{{ID}}">{{/PARENT}}
  <div class="mb-3">
    <label class="form-label" for="name">Tên đơn vị</label>
    <input class="form-control" id="name" name="name" value="{{NAME}}" maxlength="200" required>
    {{#ERR_NAME}}<div class="field-error">{{MSG}}</div>{{/ERR_NAME}}
  </div>
  <div class="row">
  <div class="mb-3 col-sm-6">
    <label class="form-label" for="code">Mã đơn vị</label>
    <input class="form-control" id="code" name="code" value="{{CODE}}" maxlength="40" required placeholder="VD: CB-KHUOICUONG">
    {{#ERR_CODE}}<div class="field-error">{{MSG}}</div>{{/ERR_CODE}}
  </div>
  <div class="mb-3 col-sm-6">
    <label class="form-label" for="kind">Loại đơn vị</label>
    <select class="form-select" id="kind" name="kind">
      <option value="">— chọn —</option>
      {{#KIND}}<option value="{{VALUE}}" {{#SELECTED}}selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND}}
    </select>
    {{#ERR_KIND}}<div class="field-error">{{MSG}}</div>{{/ERR_KIND}}
  </div>
  </div>
  <div class="row">
  <div class="mb-3 col-sm-6">
    <label class="form-label" for="valid_from">Hiệu lực từ ngày</label>
    <input class="form-control" type="date" id="valid_from" name="valid_from" value="{{VALID_FROM}}">
    {{#ERR_VALID_FROM}}<div class="field-error">{{MSG}}</div>{{/ERR_VALID_FROM}}
  </div>
  <div class="mb-3 col-sm-6">
    <label class="form-label" for="territory_code">Địa bàn (mã thôn hoặc xã, nếu có)</label>
    <input class="form-control" id="territory_code" name="territory_code" value="{{TERRITORY_CODE}}" placeholder="VD: THON-KHUOICUONG">
    {{#ERR_TERRITORY_CODE}}<div class="field-error">{{MSG}}</div>{{/ERR_TERRITORY_CODE}}
  </div>
  </div>
  <div class="mb-3">
    <label class="form-label" for="note">Ghi chú</label>
    <textarea class="form-control" id="note" name="note" rows="2" maxlength="2000">{{NOTE:pre_escape}}</textarea>
    {{#ERR_NOTE}}<div class="field-error">{{MSG}}</div>{{/ERR_NOTE}}
  </div>
  {{#ERR_PARENT_ID}}<div class="field-error mb-2">{{MSG}}</div>{{/ERR_PARENT_ID}}
  {{#ERR_VALID_TO}}<div class="field-error mb-2">{{MSG}}</div>{{/ERR_VALID_TO}}
  <button class="btn btn-primary" type="submit">Lưu</button>
  <a class="btn btn-link" href="{{CANCEL}}">Hủy</a>
</form>
