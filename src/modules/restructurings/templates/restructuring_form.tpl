{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small"><li class="breadcrumb-item"><a href="/restructurings">Sắp xếp tổ chức</a></li><li class="breadcrumb-item active" aria-current="page">Ghi nhận sắp xếp</li></ol></nav>
<h1 class="h3">Ghi nhận sắp xếp: {{KIND_LABEL}}</h1>
<ul class="nav nav-pills small mb-3">{{#KIND_TAB}}<li class="nav-item"><a class="nav-link{{#ACTIVE}} active{{/ACTIVE}}" href="/restructurings/new?kind={{CODE}}"{{#ACTIVE}} aria-current="page"{{/ACTIVE}}>{{LABEL}}</a></li>{{/KIND_TAB}}</ul>
<p class="small">Đơn vị được nhập bằng mã (xem trên trang đơn vị). Bấm “Xem trước” để thấy mọi thay đổi; chưa có gì được ghi cho đến khi bạn xác nhận.</p>
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
{{#ERR_KIND}}<div class="alert alert-danger" role="alert">{{MSG}}</div>{{/ERR_KIND}}
<form method="post" action="/restructurings/preview" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <input type="hidden" name="kind" value="{{KIND}}">
  <div class="row g-3">
    <div class="col-sm-4"><label class="form-label" for="effective_on">Ngày có hiệu lực</label><input class="form-control" type="date" id="effective_on" name="effective_on" value="{{F_EFFECTIVE_ON}}" required>{{#ERR_EFFECTIVE_ON}}<div class="field-error">{{MSG}}</div>{{/ERR_EFFECTIVE_ON}}</div>
    <div class="col-sm-8"><label class="form-label" for="legal_basis">Căn cứ pháp lý</label><input class="form-control" id="legal_basis" name="legal_basis" value="{{F_LEGAL_BASIS}}" maxlength="500" placeholder="Nghị quyết số …/NQ-UBTVQH15 ngày …" required>{{#ERR_LEGAL_BASIS}}<div class="field-error">{{MSG}}</div>{{/ERR_LEGAL_BASIS}}</div>
  </div>
  {{#KIND_MERGE}}
  <div class="mt-3"><label class="form-label" for="sources">Mã các đơn vị được sáp nhập</label><textarea class="form-control" id="sources" name="sources" rows="3" required>{{F_SOURCES:pre_escape}}</textarea><div class="form-text">Mỗi dòng một mã, hoặc cách nhau bằng dấu phẩy.</div>{{#ERR_SOURCES}}<div class="field-error">{{MSG}}</div>{{/ERR_SOURCES}}</div>
  <fieldset class="mt-3"><legend class="h6">Đơn vị sau sáp nhập</legend>
    <div class="row g-3">
      <div class="col-sm-4"><label class="form-label" for="target_code">Mã</label><input class="form-control" id="target_code" name="target_code" value="{{F_TARGET_CODE}}" required></div>
      <div class="col-sm-8"><label class="form-label" for="target_name">Tên (chỉ nhập khi lập đơn vị mới)</label><input class="form-control" id="target_name" name="target_name" value="{{F_TARGET_NAME}}"></div>
      <div class="col-sm-6"><label class="form-label" for="target_kind">Loại đơn vị mới</label><select class="form-select" id="target_kind" name="target_kind"><option value="">—</option>{{#UNIT_KIND}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/UNIT_KIND}}</select></div>
      <div class="col-sm-6"><label class="form-label" for="target_parent">Mã đơn vị cấp trên của đơn vị mới</label><input class="form-control" id="target_parent" name="target_parent" value="{{F_TARGET_PARENT}}"><div class="form-text">Để trống: cấp trên của đơn vị đầu tiên.</div></div>
    </div>
    {{#ERR_TARGET}}<div class="field-error">{{MSG}}</div>{{/ERR_TARGET}}
  </fieldset>
  {{/KIND_MERGE}}
  {{#KIND_UNIT}}
  <div class="mt-3"><label class="form-label" for="unit">Mã đơn vị</label><input class="form-control" id="unit" name="unit" value="{{F_UNIT}}" required>{{#ERR_UNIT}}<div class="field-error">{{MSG}}</div>{{/ERR_UNIT}}</div>
  {{/KIND_UNIT}}
  {{#KIND_SPLIT}}
  <div class="mt-3"><label class="form-label" for="successors">Các đơn vị kế thừa</label><textarea class="form-control" id="successors" name="successors" rows="3" required>{{F_SUCCESSORS:pre_escape}}</textarea><div class="form-text">Mỗi dòng một đơn vị: “MÃ” nếu đã có, hoặc “MÃ | Tên | loại” để lập mới (loại: chi_bo, thon, xa_phuong, …).</div>{{#ERR_SUCCESSORS}}<div class="field-error">{{MSG}}</div>{{/ERR_SUCCESSORS}}</div>
  <div class="mt-3"><label class="form-label" for="assign">Giao đơn vị, người, hộ cho đơn vị kế thừa</label><textarea class="form-control" id="assign" name="assign" rows="4">{{F_ASSIGN:pre_escape}}</textarea><div class="form-text">Mỗi dòng “mã đơn vị con = MÃ KẾ THỪA”, “nguoi:mã số người = …” hoặc “ho:mã hộ = …”.</div>{{#ERR_ASSIGN}}<div class="field-error">{{MSG}}</div>{{/ERR_ASSIGN}}</div>
  <div class="mt-3"><label class="form-label" for="default_successor">Những gì không giao riêng thì về (mã)</label><input class="form-control" id="default_successor" name="default_successor" value="{{F_DEFAULT_SUCCESSOR}}">{{#ERR_DEFAULT_SUCCESSOR}}<div class="field-error">{{MSG}}</div>{{/ERR_DEFAULT_SUCCESSOR}}</div>
  {{/KIND_SPLIT}}
  {{#KIND_MOVE}}
  <div class="mt-3"><label class="form-label" for="parent">Mã đơn vị cấp trên mới</label><input class="form-control" id="parent" name="parent" value="{{F_PARENT}}" required>{{#ERR_PARENT}}<div class="field-error">{{MSG}}</div>{{/ERR_PARENT}}</div>
  {{/KIND_MOVE}}
  {{#KIND_RENAME}}
  <div class="row g-3 mt-1">
    <div class="col-sm-8"><label class="form-label" for="new_name">Tên mới</label><input class="form-control" id="new_name" name="new_name" value="{{F_NEW_NAME}}" maxlength="200">{{#ERR_NEW_NAME}}<div class="field-error">{{MSG}}</div>{{/ERR_NEW_NAME}}</div>
    <div class="col-sm-4"><label class="form-label" for="new_code">Mã mới (không bắt buộc)</label><input class="form-control" id="new_code" name="new_code" value="{{F_NEW_CODE}}">{{#ERR_NEW_CODE}}<div class="field-error">{{MSG}}</div>{{/ERR_NEW_CODE}}</div>
  </div>
  {{/KIND_RENAME}}
  {{#KIND_DISSOLVE}}<p class="small mt-3">Đơn vị giải thể phải không còn đơn vị trực thuộc, người sinh hoạt hay hộ gia đình; nếu còn, hãy chọn “Sáp nhập” hoặc “Chia tách”.</p>{{/KIND_DISSOLVE}}
  <div class="mt-3"><label class="form-label" for="note">Ghi chú (không bắt buộc)</label><textarea class="form-control" id="note" name="note" rows="2" maxlength="2000">{{F_NOTE:pre_escape}}</textarea>{{#ERR_NOTE}}<div class="field-error">{{MSG}}</div>{{/ERR_NOTE}}</div>
  <button class="btn btn-primary mt-3" type="submit">Xem trước</button> <a class="btn btn-link mt-3" href="/restructurings">Hủy</a>
</form>
