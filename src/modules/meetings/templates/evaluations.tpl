{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small"><li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}">{{UNIT_NAME}}</a></li><li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}/meetings?year={{YEAR}}">Sinh hoạt</a></li><li class="breadcrumb-item active" aria-current="page">Đánh giá năm {{YEAR}}</li></ol></nav>
<h1 class="h3 mb-1">Đánh giá, xếp loại năm {{YEAR}}</h1>
<p class="text-muted">{{UNIT_NAME}} · năm {{#YEARS}}<a class="{{#CURRENT}}fw-bold{{/CURRENT}} me-1" href="{{HREF}}">{{Y}}</a>{{/YEARS}}</p>
{{#FLASH}}<div class="alert alert-success" role="status">{{MESSAGE}}</div>{{/FLASH}}
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
{{#LOCKED}}<div class="alert alert-secondary year-locked" role="status">Năm {{YEAR}} đã khóa sau kiểm điểm cuối năm ({{AT}}, {{BY}}). Kế hoạch, cam kết và xếp loại không sửa được nữa{{#CAN_REOPEN}}; là cấp trên, đồng chí có thể mở lại{{/CAN_REOPEN}}.
  {{#REOPEN}}<form method="post" action="/units/{{UNIT_ID}}/year-review/reopen" class="row g-2 mt-1" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="year" value="{{YEAR}}">
    <div class="col-sm-8"><label class="visually-hidden" for="reason">Lý do mở lại</label><input class="form-control form-control-sm" id="reason" name="reason" placeholder="Lý do mở lại" maxlength="2000">{{#ERR_REASON}}<div class="field-error">{{MSG}}</div>{{/ERR_REASON}}</div>
    <div class="col-sm-4"><button class="btn btn-sm btn-outline-danger" type="submit">Mở lại năm {{YEAR}}</button></div>
  </form>{{/REOPEN}}
</div>{{/LOCKED}}
{{#REOPENED}}<p class="small text-muted">Năm đã được mở lại ({{AT}}, {{BY}}): {{REASON}}</p>{{/REOPENED}}
{{#NO_MEETING}}<p class="alert alert-warning py-2">Đơn vị chưa ghi buổi sinh hoạt nào trong năm {{YEAR}} hoặc đầu năm sau; cần ghi buổi sinh hoạt trước khi xếp loại.</p>{{/NO_MEETING}}
{{#NONE}}<p>Chưa có kế hoạch, cam kết nào của năm {{YEAR}}.</p>{{/NONE}}
<ul class="list-group mb-3">
{{#E}}<li class="list-group-item evaluation" data-plan="{{PLAN_ID}}">
  <div class="d-flex justify-content-between flex-wrap"><a class="fw-bold" href="/plans/{{PLAN_ID}}">{{SUBJECT}}</a><span class="small text-muted">{{KIND}} · {{STATUS}}</span></div>
  {{#SELF}}<div class="small">Tự đánh giá: <b>{{LABEL}}</b>{{#COMMENT}} — {{TEXT}}{{/COMMENT}}</div>{{/SELF}}
  {{#NO_SELF}}<div class="small text-muted">Chưa tự đánh giá{{#SELF_LINK}} · <a href="/plans/{{PLAN_ID}}/evaluation">ghi tự đánh giá</a>{{/SELF_LINK}}</div>{{/NO_SELF}}
  {{#RATED}}<div class="small">Xếp loại: <b class="rating">{{LABEL}}</b>{{#COMMENT}} — {{TEXT}}{{/COMMENT}} <span class="text-muted">(sinh hoạt {{MEETING_DATE}}, {{BY}})</span></div>{{/RATED}}
  {{#RATE}}<form method="post" action="/plans/{{PLAN_ID}}/rating" class="row g-2 mt-1 rate-form" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <div class="col-sm-4"><label class="visually-hidden" for="rating{{PLAN_ID}}">Xếp loại</label><select class="form-select form-select-sm" id="rating{{PLAN_ID}}" name="rating"><option value="">— Xếp loại —</option>{{#OPT}}<option value="{{VALUE}}" {{#SELECTED}}selected{{/SELECTED}}>{{LABEL}}</option>{{/OPT}}</select></div>
    <div class="col-sm-4"><label class="visually-hidden" for="comment{{PLAN_ID}}">Nhận xét</label><input class="form-control form-control-sm" id="comment{{PLAN_ID}}" name="comment" value="{{COMMENT}}" placeholder="Nhận xét" maxlength="2000"></div>
    <div class="col-sm-2"><label class="visually-hidden" for="meeting{{PLAN_ID}}">Buổi sinh hoạt</label><select class="form-select form-select-sm" id="meeting{{PLAN_ID}}" name="meeting_id">{{#M}}<option value="{{ID}}" {{#SELECTED}}selected{{/SELECTED}}>{{DATE}}</option>{{/M}}</select></div>
    <div class="col-sm-2"><button class="btn btn-sm btn-outline-primary w-100" type="submit">Lưu</button></div>
    {{#ERR_RATING}}<div class="field-error">{{MSG}}</div>{{/ERR_RATING}}{{#ERR_COMMENT}}<div class="field-error">{{MSG}}</div>{{/ERR_COMMENT}}{{#ERR_MEETING_ID}}<div class="field-error">{{MSG}}</div>{{/ERR_MEETING_ID}}{{#ERR_ANY}}<div class="field-error">{{MSG}}</div>{{/ERR_ANY}}
  </form>{{/RATE}}
</li>{{/E}}
</ul>
<section class="mb-3"><h2 class="h6">Kết quả xếp loại</h2>
  <table class="table table-sm w-auto"><thead><tr><th></th>{{#HEAD}}<th class="text-end">{{LABEL}}</th>{{/HEAD}}</tr></thead>
  <tbody>{{#DIST}}<tr><th>{{LABEL}}</th>{{#N}}<td class="text-end">{{V}}</td>{{/N}}</tr>{{/DIST}}</tbody></table>
</section>
{{#CAN_LOCK}}<form method="post" action="/units/{{UNIT_ID}}/year-review" class="border rounded p-3" novalidate>
  <h2 class="h6">Kiểm điểm cuối năm</h2>
  <p class="small mb-2">Khóa năm {{YEAR}}: kế hoạch, cam kết và xếp loại của đơn vị không sửa được nữa, trừ khi cấp trên mở lại.{{#UNRATED}} <span class="text-danger">Còn {{N}} kế hoạch, cam kết đã chấp thuận chưa được xếp loại.</span>{{/UNRATED}}</p>
  <input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="year" value="{{YEAR}}">
  <div class="row g-2"><div class="col-sm-6"><label class="form-label small" for="lock_meeting">Trong buổi sinh hoạt</label><select class="form-select form-select-sm" id="lock_meeting" name="meeting_id">{{#M}}<option value="{{ID}}" {{#SELECTED}}selected{{/SELECTED}}>{{DATE}} — {{TOPIC}}</option>{{/M}}</select></div>
  <div class="col-sm-6 d-flex align-items-end"><button class="btn btn-sm btn-danger" type="submit">Kiểm điểm và khóa năm {{YEAR}}</button></div></div>
</form>{{/CAN_LOCK}}
