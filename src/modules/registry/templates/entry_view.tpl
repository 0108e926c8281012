{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small">
<li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}/register">Sổ ghi danh — {{UNIT_NAME}}</a></li>
<li class="breadcrumb-item active" aria-current="page">{{SUBJECT_NAME}}</li></ol></nav>
<h1 class="h3">{{SUBJECT_NAME}}</h1>
<p><span class="badge text-bg-secondary status-badge" data-status="{{STATUS}}">{{STATUS_LABEL}}</span>
  {{#PUBLIC_LINK}}<a class="small ms-2" href="/r/{{CODE}}">Trang công khai /r/{{CODE}}</a>{{/PUBLIC_LINK}}</p>
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
<dl class="row small">
  <dt class="col-sm-3">Đối tượng</dt><dd class="col-sm-9">{{SUBJECT_KIND}}</dd>
  <dt class="col-sm-3">Việc tốt</dt><dd class="col-sm-9 register-deed">{{DEED}}</dd>
  <dt class="col-sm-3">Thời gian, địa điểm</dt><dd class="col-sm-9">{{DATE}}{{#PLACE}} · {{TEXT}}{{/PLACE}}</dd>
  <dt class="col-sm-3">Lĩnh vực</dt><dd class="col-sm-9">{{CATEGORY}}</dd>
  <dt class="col-sm-3">Đơn vị</dt><dd class="col-sm-9"><a href="/units/{{UNIT_ID}}">{{UNIT_NAME}}</a></dd>
  <dt class="col-sm-3">Người đề nghị</dt><dd class="col-sm-9">{{NOMINATOR}}{{#CONTACT}} · {{TEXT}}{{/CONTACT}}{{#FROM_PUBLIC}} <span class="badge text-bg-light">biểu mẫu công khai</span>{{/FROM_PUBLIC}}</dd>
  <dt class="col-sm-3">Đồng ý công bố</dt><dd class="col-sm-9" id="consent-state">{{#CONSENT_YES}}Có — ghi nhận bởi {{BY}}, {{AT}}{{/CONSENT_YES}}{{#CONSENT_NO}}Chưa có{{#BY}} (rút lại bởi {{TEXT}}){{/BY}}{{/CONSENT_NO}}</dd>
  {{#COMMENDATION}}<dt class="col-sm-3">Khen thưởng</dt><dd class="col-sm-9">{{LABEL}}{{#DECISION}}, quyết định số {{NO}}{{#DATE}} ngày {{TEXT}}{{/DATE}}{{/DECISION}}</dd>{{/COMMENDATION}}
  {{#REJECTED}}<dt class="col-sm-3">Lý do không công nhận</dt><dd class="col-sm-9">{{TEXT}}</dd>{{/REJECTED}}
</dl>
{{#HAS_FILES}}<div class="d-flex flex-wrap gap-2 mb-3">{{#FILE}}{{#IMAGE}}<a href="/register/files/{{ID}}"><img class="register-thumb" src="/register/files/{{ID}}/thumb" alt="Ảnh minh chứng {{N}}" width="160" height="120" loading="lazy"></a>{{/IMAGE}}{{#PDF}}<a class="btn btn-sm btn-outline-secondary" href="/register/files/{{ID}}">Tài liệu PDF {{N}}</a>{{/PDF}}{{/FILE}}</div>{{/HAS_FILES}}

{{#STEPS}}
<section class="border rounded p-3 mb-3">
  <h2 class="h6">Bước tiếp theo</h2>
  {{#STEP}}
  <form method="post" action="/register/entries/{{ID}}/step" class="mb-2 step-form" data-step="{{CODE}}">
    <input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="step" value="{{CODE}}">
    {{#COMMEND}}
    <div class="row g-2 mb-2">
      <div class="col-sm-4"><select class="form-select form-select-sm" name="commendation" aria-label="Hình thức">{{#OPT}}<option value="{{VALUE}}">{{LABEL}}</option>{{/OPT}}</select>{{#ERR_COMMENDATION}}<div class="field-error">{{MSG}}</div>{{/ERR_COMMENDATION}}</div>
      <div class="col-sm-4"><input class="form-control form-control-sm" name="decision_no" placeholder="Số quyết định" aria-label="Số quyết định" maxlength="100">{{#ERR_DECISION_NO}}<div class="field-error">{{MSG}}</div>{{/ERR_DECISION_NO}}</div>
      <div class="col-sm-4"><input class="form-control form-control-sm" type="date" name="decision_date" aria-label="Ngày quyết định">{{#ERR_DECISION_DATE}}<div class="field-error">{{MSG}}</div>{{/ERR_DECISION_DATE}}</div>
    </div>
    {{/COMMEND}}
    <div class="input-group input-group-sm">
      <input class="form-control" name="comment" placeholder="{{PLACEHOLDER}}" aria-label="Ý kiến" maxlength="2000">
      <button class="btn {{BTN}}" type="submit">{{LABEL}}</button>
    </div>
    {{#ERR_COMMENT}}<div class="field-error">{{MSG}}</div>{{/ERR_COMMENT}}
  </form>
  {{/STEP}}
</section>
{{/STEPS}}
{{#CONSENT_FORM}}
<h2 class="h6 mt-3">Sự đồng ý công bố của người được ghi danh</h2>
<p class="small text-muted mb-1">Chỉ ghi nhận khi chính người (tập thể) được ghi danh đồng ý; rút lại thì mục được gỡ khỏi trang công khai ngay.</p>
<form method="post" action="/register/entries/{{ID}}/consent" class="mb-3 row g-2 align-items-center">
  <input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="given" value="{{GIVE}}">
  <div class="col-sm-6"><input class="form-control form-control-sm" name="note" placeholder="Ghi chú (ví dụ: đồng ý bằng lời ngày …)" aria-label="Ghi chú" maxlength="500"></div>
  <div class="col-sm-6"><button class="btn btn-sm btn-outline-secondary" type="submit">{{LABEL}}</button></div>
</form>
{{/CONSENT_FORM}}
{{#HAS_REPLICATIONS}}
<h2 class="h5">Được nhân rộng</h2>
<ul>{{#REPLICATION}}<li><b>{{UNIT}}</b> ({{DATE}}): {{WHAT}}</li>{{/REPLICATION}}</ul>
{{/HAS_REPLICATIONS}}
{{#REPLICATE}}
<form method="post" action="/register/entries/{{ID}}/replications" class="border rounded p-3 mb-3" novalidate>
  <h2 class="h6">Đơn vị tôi nhân rộng điển hình này</h2>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="row g-2">
    <div class="col-sm-4"><select class="form-select form-select-sm" name="unit_id" aria-label="Đơn vị nhân rộng">{{#UNIT}}<option value="{{ID}}">{{NAME}}</option>{{/UNIT}}</select>{{#ERR_UNIT_ID}}<div class="field-error">{{MSG}}</div>{{/ERR_UNIT_ID}}</div>
    <div class="col-sm-3"><input class="form-control form-control-sm" type="date" name="on_date" aria-label="Ngày">{{#ERR_ON_DATE}}<div class="field-error">{{MSG}}</div>{{/ERR_ON_DATE}}</div>
    <div class="col-sm-5"><input class="form-control form-control-sm" name="what" placeholder="Đơn vị đã làm gì" aria-label="Nội dung nhân rộng" maxlength="2000">{{#ERR_WHAT}}<div class="field-error">{{MSG}}</div>{{/ERR_WHAT}}</div>
  </div>
  <button class="btn btn-sm btn-outline-primary mt-2" type="submit">Ghi nhận nhân rộng</button>
</form>
{{/REPLICATE}}
<h2 class="h5">Quá trình xử lý</h2>
<ol class="list-group list-group-numbered timeline">
{{#EVENT}}<li class="list-group-item small"><b>{{ACTION}}</b> — {{ACTOR}}, {{AT}}{{#COMMENT}}: <i>{{TEXT}}</i>{{/COMMENT}}</li>{{/EVENT}}
</ol>
