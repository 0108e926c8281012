{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small">
<li class="breadcrumb-item"><a href="/units/{{VILLAGE_ID}}">{{VILLAGE_NAME}}</a></li>
<li class="breadcrumb-item"><a href="/units/{{VILLAGE_ID}}/households">Hộ gia đình</a></li>
<li class="breadcrumb-item active" aria-current="page">{{CODE}}</li>
</ol></nav>
{{#FLASH}}<div class="alert alert-success" role="status">{{MESSAGE}}</div>{{/FLASH}}
<h1 class="h3 mb-1">Hộ {{HEAD}}</h1>
<p class="text-muted">Mã hộ <code>{{CODE}}</code> · {{AREA}}{{#ENDED}} · <span class="badge text-bg-secondary">Chuyển đi, giải thể từ {{DATE}}</span>{{/ENDED}}</p>
<div class="sensitive mb-3">
  <p class="small mb-2"><b>Dữ liệu cá nhân</b> — chỉ người phụ trách được xem; lần xem này đã được ghi vào nhật ký.</p>
  <dl class="facts mb-0">
    <dt>Chủ hộ</dt><dd>{{HEAD}}{{#HEAD_DETAILS}} ({{TEXT}}){{/HEAD_DETAILS}}</dd>
    <dt>Dân tộc</dt><dd>{{ETHNICITY}}</dd>
    <dt>Địa chỉ</dt><dd>{{ADDRESS}}</dd>
    <dt>Ngày đăng ký hộ</dt><dd>{{REGISTERED}}</dd>
    {{#ENDED}}<dt>Lý do chuyển đi</dt><dd>{{REASON}}</dd>{{/ENDED}}
    {{#NOTE}}<dt>Ghi chú</dt><dd>{{TEXT}}</dd>{{/NOTE}}
  </dl>
  <h2 class="h6 mt-3">Thành viên khác ({{MEMBER_COUNT}})</h2>
  {{#NO_MEMBERS}}<p class="small mb-0">Hộ một người.</p>{{/NO_MEMBERS}}
  <ul class="mb-0">{{#MEMBER}}<li>{{NAME}}{{#DETAILS}} <span class="text-muted">({{TEXT}})</span>{{/DETAILS}}</li>{{/MEMBER}}</ul>
</div>
{{#CAN_EDIT}}<div class="d-flex flex-wrap gap-2 mb-3"><a class="btn btn-sm btn-outline-primary" href="/households/{{ID}}/edit">Sửa thông tin hộ</a><a class="btn btn-sm btn-primary" href="/households/{{ID}}/status?year={{YEAR}}">Ghi tình trạng năm {{YEAR}}</a></div>{{/CAN_EDIT}}
<section class="mb-4">
  <h2 class="h5">Tình trạng nghèo qua các năm</h2>
  {{#NO_STATUS}}<p class="text-muted">Chưa ghi tình trạng năm nào.</p>{{/NO_STATUS}}
  <table class="table table-sm align-middle statuses">
    <tbody>{{#S}}<tr><th scope="row">{{YEAR}}</th><td><span class="badge status-{{CODE}}">{{LABEL}}</span>
      {{#DECIDED}}<div class="small">Xã quyết định: {{LABEL}}{{#NOTE}} — {{TEXT}}{{/NOTE}} <span class="text-muted">({{BY}}, {{AT}})</span></div>{{/DECIDED}}
      {{#COMPUTED}}<div class="small">ct05 phân loại: {{REASON}} <span class="text-muted">({{BY}}, {{AT}})</span></div>{{/COMPUTED}}</td>
      <td class="text-end">{{#CAN_EDIT}}<a class="small" href="/households/{{ID}}/status?year={{YEAR}}">Sửa</a>{{/CAN_EDIT}}</td></tr>{{/S}}</tbody>
  </table>
</section>
