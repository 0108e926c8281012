{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small">
<li class="breadcrumb-item"><a href="/units/{{VILLAGE_ID}}/households">Hộ gia đình</a></li>
<li class="breadcrumb-item"><a href="/households/{{ID}}">{{CODE}}</a></li>
<li class="breadcrumb-item active" aria-current="page">Tình trạng năm {{YEAR}}</li>
</ol></nav>
<h1 class="h3 mb-1">Tình trạng nghèo năm {{YEAR}}</h1>
<p class="text-muted">Hộ {{HEAD}} · mã {{CODE}} · {{AREA}} · năm {{#YEARS}}<a class="{{#CURRENT}}fw-bold{{/CURRENT}} me-1" href="{{HREF}}">{{Y}}</a>{{/YEARS}}</p>
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
{{#IN_FORCE}}<p>Đang áp dụng: <span class="badge status-{{CODE}}">{{LABEL}}</span> {{#FROM_DECISION}}(theo quyết định của xã){{/FROM_DECISION}}{{#FROM_CLASSIFICATION}}(ct05 phân loại){{/FROM_CLASSIFICATION}}</p>{{/IN_FORCE}}
<section class="border rounded p-3 mb-3">
  <h2 class="h5">Phân loại theo chuẩn nghèo đa chiều</h2>
  {{#NO_STANDARD}}<p class="mb-0 no-standard">{{MESSAGE}}</p>{{/NO_STANDARD}}
  {{#STANDARD}}
  <p class="small">{{NAME}} ({{LEGAL_BASIS}}): hộ có thu nhập bình quân đầu người/tháng từ {{LINE}} trở xuống ({{AREA}}) là hộ nghèo khi thiếu hụt từ {{MIN}} chỉ số trở lên, hộ cận nghèo khi thiếu hụt dưới {{MIN}} chỉ số.</p>
  {{#COMPUTED}}<p class="small computed">Lần phân loại gần nhất: <b>{{LABEL}}</b> — {{REASON}}</p>{{/COMPUTED}}
  <form method="post" action="/households/{{ID}}/status" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <input type="hidden" name="year" value="{{YEAR}}">
    <input type="hidden" name="action" value="classify">
    <label class="form-label" for="income">Thu nhập bình quân đầu người một tháng (đồng)</label>
    <input class="form-control" id="income" name="income" inputmode="numeric" value="{{INCOME}}">{{#ERR_INCOME}}<div class="field-error">{{MSG}}</div>{{/ERR_INCOME}}
    <fieldset class="mt-3"><legend class="h6">Chỉ số hộ thiếu hụt</legend>{{#ERR_LACKING}}<div class="field-error">{{MSG}}</div>{{/ERR_LACKING}}
    {{#DIM}}<p class="small fw-bold mb-1 mt-2">{{NAME}}</p>{{#I}}<div class="form-check"><input class="form-check-input" type="checkbox" id="lack_{{CODE}}" name="lacking" value="{{CODE}}" {{#CHECKED}}checked{{/CHECKED}}><label class="form-check-label" for="lack_{{CODE}}">{{NAME}} <span class="small text-muted d-block">{{THRESHOLD}}</span></label></div>{{/I}}{{/DIM}}
    </fieldset>
    <button class="btn btn-primary mt-3" type="submit">Phân loại</button>
  </form>
  {{/STANDARD}}
</section>
<section class="border rounded p-3 mb-3">
  <h2 class="h5">Kết quả rà soát đã được xã phê duyệt</h2>
  <p class="small text-muted">Khi có quyết định của xã, kết quả này được áp dụng; kết quả phân loại (nếu có) vẫn được giữ.</p>
  <form method="post" action="/households/{{ID}}/status" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <input type="hidden" name="year" value="{{YEAR}}">
    <input type="hidden" name="action" value="decide">
    <label class="form-label" for="decided_status">Kết quả</label>
    <select class="form-select" id="decided_status" name="decided_status"><option value="">— Chưa có quyết định —</option>{{#OPT}}<option value="{{VALUE}}" {{#SELECTED}}selected{{/SELECTED}}>{{LABEL}}</option>{{/OPT}}</select>{{#ERR_DECIDED_STATUS}}<div class="field-error">{{MSG}}</div>{{/ERR_DECIDED_STATUS}}
    <label class="form-label mt-2" for="decision_note">Căn cứ (số quyết định, ngày)</label>
    <input class="form-control" id="decision_note" name="decision_note" value="{{DECISION_NOTE}}" maxlength="1000">{{#ERR_DECISION_NOTE}}<div class="field-error">{{MSG}}</div>{{/ERR_DECISION_NOTE}}
    {{#ERR_YEAR}}<div class="field-error">{{MSG}}</div>{{/ERR_YEAR}}
    <button class="btn btn-outline-primary mt-3" type="submit">Lưu kết quả rà soát</button>
  </form>
</section>
