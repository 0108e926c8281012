{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small"><li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}">{{UNIT_NAME}}</a></li><li class="breadcrumb-item active" aria-current="page">Báo cáo định kỳ</li></ol></nav>
<h1 class="h3 mb-1">Báo cáo định kỳ</h1>
<p class="text-muted">{{UNIT_NAME}} · số liệu lấy từ toàn bộ các đơn vị trực thuộc</p>
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
<form method="get" action="/units/{{UNIT_ID}}/reports" class="row g-2 align-items-end mb-4" novalidate>
  <div class="col-12 col-sm-4"><label class="form-label" for="kind">Loại báo cáo</label>
    <select class="form-select" id="kind" name="kind">{{#KIND}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND}}</select>{{#ERR_KIND}}<div class="field-error">{{MSG}}</div>{{/ERR_KIND}}</div>
  <div class="col-6 col-sm-3"><label class="form-label" for="period">Kỳ báo cáo</label>
    <input class="form-control" id="period" name="period" value="{{PERIOD}}" maxlength="9" aria-describedby="period-help">{{#ERR_PERIOD}}<div class="field-error">{{MSG}}</div>{{/ERR_PERIOD}}</div>
  <div class="col-6 col-sm-3"><label class="form-label" for="date">Ngày báo cáo</label>
    <input class="form-control" id="date" name="date" type="date" value="{{DATE}}">{{#ERR_DATE}}<div class="field-error">{{MSG}}</div>{{/ERR_DATE}}</div>
  <div class="col-12 col-sm-2"><button class="btn btn-primary w-100" type="submit">Xem trước</button></div>
  <div class="form-text" id="period-help">6 tháng: 2020-H1 · năm: 2020 · 5 năm: 2016-2020 · 10 năm: 2016-2025</div>
  <details class="col-12 small"{{#CONTINUITY}} open{{/CONTINUITY}}><summary>Cây tổ chức khi đã sắp xếp, sáp nhập</summary>
    <div class="row g-2 mt-1 align-items-end">
      <div class="col-6 col-sm-3"><label class="form-label" for="as_of">Tính theo cây tổ chức ngày</label>
        <input class="form-control" id="as_of" name="as_of" type="date" value="{{AS_OF}}" aria-describedby="as-of-help">{{#ERR_AS_OF}}<div class="field-error">{{MSG}}</div>{{/ERR_AS_OF}}</div>
      <div class="col-6 col-sm-5"><div class="form-check"><input class="form-check-input" type="checkbox" id="continuity" name="continuity" value="1"{{#CONTINUITY}} checked{{/CONTINUITY}}><label class="form-check-label" for="continuity">Nối tiếp số liệu của các đơn vị tiền thân (đã sáp nhập, chia tách)</label></div></div>
      <div class="form-text" id="as-of-help">Để trống: cây tổ chức hiện nay. Chọn một ngày trước khi sắp xếp để báo cáo theo các đơn vị, tên gọi và số liệu lúc đó.</div>
    </div>
  </details>
</form>
{{#PREVIEW}}
<div class="d-flex flex-wrap gap-2 mb-3">
  <a class="btn btn-success" href="{{FILE_HREF}}&amp;format=docx" download>Tải DOCX (sửa được trong Word)</a>
  <a class="btn btn-outline-success" href="{{FILE_HREF}}&amp;format=pdf" download>Tải PDF</a>
</div>
<p class="small text-muted">Theo mẫu "{{KIND_LABEL}}" phiên bản {{TEMPLATE_VERSION}}{{#TEMPLATE_NOTE}} — {{NOTE}}{{/TEMPLATE_NOTE}}.</p>
{{#TREE}}<p class="small fw-bold" id="report-tree">{{TEXT}}</p>{{/TREE}}
<article class="report-preview border rounded p-3 bg-white" aria-label="Xem trước báo cáo">
  <div class="row text-center small mb-3">
    <div class="col-5">{{#SUPERIOR}}<div>{{TEXT}}</div>{{/SUPERIOR}}<div class="fw-bold">{{ISSUER}}</div><div>*</div><div>{{NUMBER}}</div></div>
    <div class="col-7"><div class="fw-bold text-decoration-underline">ĐẢNG CỘNG SẢN VIỆT NAM</div><div class="fst-italic text-end mt-2">{{PLACE_DATE}}</div></div>
  </div>
  <h2 class="h5 text-center fw-bold mb-0">{{TITLE}}</h2>
  <p class="text-center fw-bold">{{SUBJECT}}</p>
  {{#BLOCK}}
  {{#HEADING}}<h3 class="h6 fw-bold mt-3">{{TEXT}}</h3>{{/HEADING}}
  {{#SUBHEADING}}<h4 class="h6 fw-bold fst-italic">{{TEXT}}</h4>{{/SUBHEADING}}
  {{#PARAGRAPH}}<p class="report-para">{{TEXT}}</p>{{/PARAGRAPH}}
  {{#TABLE}}<div class="table-responsive"><table class="table table-bordered table-sm small"><thead><tr>{{#TH}}<th scope="col">{{TEXT}}</th>{{/TH}}</tr></thead><tbody>{{#TR}}<tr>{{#TD}}<td>{{TEXT}}</td>{{/TD}}</tr>{{/TR}}</tbody></table></div>{{/TABLE}}
  {{/BLOCK}}
  <div class="row small mt-4">
    <div class="col-6"><div class="fw-bold fst-italic text-decoration-underline">Nơi nhận:</div>{{#RECIPIENT}}<div>{{TEXT}}</div>{{/RECIPIENT}}</div>
    <div class="col-6 text-center fw-bold"><div>{{ON_BEHALF}}</div><div>{{POSITION}}</div><div class="py-4"></div><div>{{SIGNER}}</div></div>
  </div>
</article>
{{/PREVIEW}}
{{#CAN_MANAGE}}<p class="mt-3 small"><a href="/report-templates">Sửa mẫu báo cáo</a></p>{{/CAN_MANAGE}}
