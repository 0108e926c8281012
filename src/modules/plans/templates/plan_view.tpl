{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small">
<li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}">{{UNIT_NAME}}</a></li>
{{#PERSON}}<li class="breadcrumb-item"><a href="/people/{{ID}}">{{NAME}}</a></li>{{/PERSON}}
<li class="breadcrumb-item active" aria-current="page">{{KIND_LABEL}} năm {{YEAR}}</li>
</ol></nav>
{{#FLASH}}<div class="alert alert-success" role="status">{{MESSAGE}}</div>{{/FLASH}}
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
<h1 class="h3 mb-1">{{TITLE}}</h1>
<p class="mb-2"><span class="badge status-{{STATUS}}">{{STATUS_LABEL}}</span>{{#THEME}} · <span class="text-muted">Nội dung đột phá năm {{YEAR}}: {{TEXT}}</span>{{/THEME}}</p>
{{#LOCKED}}<div class="alert alert-secondary py-2">Năm đã khóa sau kiểm điểm cuối năm ({{AT}}); cần cấp trên mở lại trước khi sửa.</div>{{/LOCKED}}
{{#EVALUATION}}<p><a class="btn btn-sm btn-outline-primary" href="/plans/{{ID}}/evaluation">Đánh giá, xếp loại</a></p>{{/EVALUATION}}
{{#COMMENT}}<div class="alert alert-warning"><b>Ý kiến của cấp duyệt:</b> {{TEXT}}</div>{{/COMMENT}}
<section class="mb-3">
  <h2 class="h5">Nội dung, việc làm ({{ITEM_COUNT}})</h2>
  {{#NO_ITEMS}}<p class="text-muted">Chưa có nội dung nào.</p>{{/NO_ITEMS}}
  <ol class="list-group list-group-numbered">
  {{#ITEM}}
  <li class="list-group-item">
    <div class="fw-semibold d-inline">{{CONTENT}}</div>
    <div class="small text-muted">{{#RESPONSIBLE}}Người thực hiện: {{TEXT}} · {{/RESPONSIBLE}}{{#DUE}}Thời hạn: {{TEXT}} · {{/DUE}}Trạng thái: {{STATUS_LABEL}}</div>
    {{#EVIDENCE}}<div class="small">Minh chứng: {{TEXT}}</div>{{/EVIDENCE}}
    {{#PROGRESS}}
    <form method="post" action="/plans/{{PLAN_ID}}/items/{{ITEM_ID}}" class="row g-1 mt-1 align-items-end">
      <input type="hidden" name="_csrf" value="{{CSRF}}">
      <div class="col-5 col-sm-3"><select class="form-select form-select-sm" name="status" aria-label="Trạng thái">{{#OPT}}<option value="{{VALUE}}" {{#SELECTED}}selected{{/SELECTED}}>{{LABEL}}</option>{{/OPT}}</select></div>
      <div class="col-7 col-sm-6"><input class="form-control form-control-sm" name="evidence" value="{{EVIDENCE_VALUE}}" placeholder="Minh chứng" aria-label="Minh chứng"></div>
      <div class="col-auto"><button class="btn btn-sm btn-outline-primary" type="submit">Cập nhật</button></div>
    </form>
    {{/PROGRESS}}
    {{#REMOVE}}<form method="post" action="/plans/{{PLAN_ID}}/items/{{ITEM_ID}}/delete" class="d-inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><button class="btn btn-sm btn-link text-danger p-0" type="submit">Xóa</button></form>{{/REMOVE}}
  </li>
  {{/ITEM}}
  </ol>
</section>
{{#ADD}}
<section class="mb-3">
  <h2 class="h6">Thêm nội dung</h2>
  <form method="post" action="/plans/{{PLAN_ID}}/items" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <div class="mb-2"><label class="form-label" for="content">Nội dung việc làm</label>
      <textarea class="form-control" id="content" name="content" rows="2" maxlength="2000" placeholder="{{PLACEHOLDER}}">{{CONTENT:pre_escape}}</textarea>
      {{#ERR_CONTENT}}<div class="field-error">{{MSG}}</div>{{/ERR_CONTENT}}</div>
    <div class="row">
      <div class="mb-2 col-sm-6"><label class="form-label" for="responsible">Người thực hiện</label>
        <input class="form-control" id="responsible" name="responsible" value="{{RESPONSIBLE}}" maxlength="200"></div>
      <div class="mb-2 col-sm-6"><label class="form-label" for="due_date">Thời hạn</label>
        <input class="form-control" type="date" id="due_date" name="due_date" value="{{DUE_DATE}}">
        {{#ERR_DUE_DATE}}<div class="field-error">{{MSG}}</div>{{/ERR_DUE_DATE}}</div>
    </div>
    <button class="btn btn-outline-primary" type="submit">Thêm</button>
  </form>
</section>
{{/ADD}}
{{#ERR_ITEMS}}<div class="field-error mb-2">{{MSG}}</div>{{/ERR_ITEMS}}
{{#SUBMIT}}
<form method="post" action="/plans/{{PLAN_ID}}/transition" class="mb-3">
  <input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="action" value="submit">
  <button class="btn btn-primary" type="submit">Gửi cấp trên duyệt</button>
</form>
{{/SUBMIT}}
{{#REVIEW}}
<section class="mb-3 p-3 border rounded">
  <h2 class="h6">Duyệt {{KIND_LOWER}}</h2>
  <form method="post" action="/plans/{{PLAN_ID}}/transition">
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <label class="form-label" for="comment">Ý kiến (bắt buộc khi trả lại)</label>
    <textarea class="form-control mb-2" id="comment" name="comment" rows="2" maxlength="2000"></textarea>
    {{#ERR_COMMENT}}<div class="field-error mb-2">{{MSG}}</div>{{/ERR_COMMENT}}
    <button class="btn btn-success" type="submit" name="action" value="accept">Chấp thuận</button>
    <button class="btn btn-outline-danger" type="submit" name="action" value="return">Trả lại để sửa</button>
  </form>
</section>
{{/REVIEW}}
{{#HAS_EVENTS}}
<section class="mb-3">
  <h2 class="h6">Quá trình</h2>
  <ul class="small list-unstyled">{{#EVENT}}<li>{{AT}} · {{ACTOR}}: {{ACTION}}{{#COMMENT}} — “{{TEXT}}”{{/COMMENT}}</li>{{/EVENT}}</ul>
</section>
{{/HAS_EVENTS}}
