{{%AUTOESCAPE context="HTML"}}
<article class="border rounded p-3 mb-3 ethics-standard" id="standard-{{ID}}">
  <h2 class="h5 mb-1">{{TITLE}}</h2>
  <p class="small text-muted mb-2">Phiên bản {{VERSION}} · công bố ngày {{DATE}}{{#BY}} · {{TEXT}}{{/BY}}{{#IS_CURRENT}} · <span class="badge text-bg-success">đang áp dụng</span>{{/IS_CURRENT}}</p>
  {{#OLD}}
  <div class="alert alert-warning small" role="status">Đây là phiên bản cũ, đã được thay thế. <a href="/units/{{UNIT_ID}}/ethics">Xem phiên bản đang áp dụng</a></div>
  {{/OLD}}
  {{#CHANGE}}
  <p class="small border-start border-3 ps-2"><b>Điểm thay đổi:</b> {{#LINE}}{{TEXT}}{{#LINE_separator}}<br>{{/LINE_separator}}{{/LINE}}</p>
  {{/CHANGE}}
  <div class="ethics-body">
  {{#PARA}}
  <p>{{#LINE}}{{TEXT}}{{#LINE_separator}}<br>{{/LINE_separator}}{{/LINE}}</p>
  {{/PARA}}
  </div>
  {{#ACK_FORM}}
  <form method="post" action="/ethics-standards/{{ID}}/acknowledge" class="mt-3 d-grid d-sm-block">
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <button class="btn btn-success" type="submit">Tôi đã đọc và cam kết thực hiện</button>
  </form>
  {{/ACK_FORM}}
  {{#ACKED}}
  <p class="alert alert-success mb-0 mt-3" role="status">Bạn đã xác nhận ngày {{DATE}}.</p>
  {{/ACKED}}
</article>
