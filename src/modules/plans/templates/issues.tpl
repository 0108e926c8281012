{{%AUTOESCAPE context="HTML"}}
<section class="mb-4" id="issues">
  <h2 class="h5">Vấn đề bức xúc, nổi cộm, hạn chế yếu kém năm {{YEAR}} ({{RESOLVED}}/{{COUNT}} đã giải quyết)</h2>
  <ul class="list-group mb-2">
  {{#ISSUE}}
  <li class="list-group-item">
    <div class="fw-semibold">{{TITLE}}</div>
    {{#DESCRIPTION}}<div class="small">{{TEXT}}</div>{{/DESCRIPTION}}
    <div class="small text-muted">{{STATUS_LABEL}}{{#RESOLVED_ON}} ngày {{TEXT}}{{/RESOLVED_ON}}{{#NOTE}} · {{TEXT}}{{/NOTE}}</div>
    {{#EDIT}}
    <form method="post" action="/issues/{{ID}}" class="row g-1 mt-1 align-items-end">
      <input type="hidden" name="_csrf" value="{{CSRF}}">
      <div class="col-5 col-sm-3"><select class="form-select form-select-sm" name="status" aria-label="Trạng thái">{{#OPT}}<option value="{{VALUE}}" {{#SELECTED}}selected{{/SELECTED}}>{{LABEL}}</option>{{/OPT}}</select></div>
      <div class="col-7 col-sm-6"><input class="form-control form-control-sm" name="note" value="{{NOTE_VALUE}}" placeholder="Ghi chú kết quả" aria-label="Ghi chú"></div>
      <div class="col-auto"><button class="btn btn-sm btn-outline-primary" type="submit">Cập nhật</button></div>
    </form>
    {{/EDIT}}
  </li>
  {{/ISSUE}}
  </ul>
  {{#ADD}}
  <form method="post" action="/units/{{UNIT_ID}}/issues" class="row g-2" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="year" value="{{YEAR}}">
    <div class="col-sm-8"><input class="form-control" name="title" placeholder="Vấn đề cần tập trung giải quyết" aria-label="Vấn đề" maxlength="500">
      {{#ERR_TITLE}}<div class="field-error">{{MSG}}</div>{{/ERR_TITLE}}</div>
    <div class="col-sm-4"><button class="btn btn-outline-primary w-100" type="submit">Đăng ký vấn đề</button></div>
  </form>
  {{/ADD}}
</section>
