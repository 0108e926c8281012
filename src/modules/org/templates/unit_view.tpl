{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small">
{{#CRUMB}}<li class="breadcrumb-item"><a href="/units/{{ID}}">{{NAME}}</a></li>{{/CRUMB}}
<li class="breadcrumb-item active" aria-current="page">{{NAME}}</li>
</ol></nav>
{{#FLASH}}<div class="alert alert-success" role="status">{{MESSAGE}}</div>{{/FLASH}}
<h1 class="h3 mb-1">{{NAME}}</h1>
<p class="text-muted mb-2">{{KIND_LABEL}} · Mã <code>{{CODE}}</code>
{{#INACTIVE}} · <span class="badge text-bg-secondary">Ngừng hoạt động từ {{VALID_TO}}</span>{{/INACTIVE}}</p>
<dl class="facts mb-3">
  <dt>Hiệu lực</dt><dd>từ {{VALID_FROM}}{{#HAS_END}} đến {{VALID_TO}}{{/HAS_END}}</dd>
  {{#TERRITORY}}<dt>Địa bàn</dt><dd><a href="/units/{{ID}}">{{NAME}}</a></dd>{{/TERRITORY}}
  {{#NOTE}}<dt>Ghi chú</dt><dd>{{TEXT}}</dd>{{/NOTE}}
  <dt>Toàn bộ cây</dt><dd>{{SUBTREE}} đơn vị (kể cả đơn vị này)</dd>
</dl>
<div class="d-flex flex-wrap gap-2 mb-4">
  {{#CAN_EDIT}}<a class="btn btn-sm btn-outline-primary" href="/units/{{ID}}/edit">Sửa thông tin</a>{{/CAN_EDIT}}
  {{#CAN_CREATE}}<a class="btn btn-sm btn-outline-primary" href="/units/new?parent={{ID}}">Thêm đơn vị trực thuộc</a>{{/CAN_CREATE}}
</div>
<section class="mb-4">
  <h2 class="h5">Đơn vị trực thuộc ({{CHILD_COUNT}})</h2>
  {{#NO_CHILD}}<p class="text-muted">Không có đơn vị trực thuộc.</p>{{/NO_CHILD}}
  <ul class="list-group">
  {{#CHILD}}<li class="list-group-item d-flex justify-content-between align-items-center{{#OFF}} text-muted{{/OFF}}"><a href="/units/{{ID}}">{{NAME}}</a><small class="text-muted text-end">{{KIND}}{{#OFF}} · ngừng hoạt động{{/OFF}}</small></li>{{/CHILD}}
  </ul>
  {{>PAGER}}
  {{>EXPORT}}
</section>
{{#PANEL}}{{HTML:none}}{{/PANEL}}
{{#CAN_DEACTIVATE}}
<details class="mt-4">
  <summary class="text-danger">Ngừng hoạt động đơn vị này</summary>
  <form method="post" action="/units/{{ID}}/deactivate" class="mt-2 row g-2 align-items-end">
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <div class="col-auto"><label class="form-label" for="valid_to">Từ ngày</label><input class="form-control" type="date" id="valid_to" name="valid_to" value="{{TODAY}}"></div>
    <div class="col-auto"><button class="btn btn-outline-danger" type="submit">Xác nhận ngừng hoạt động</button></div>
    <p class="form-text">Lịch sử của đơn vị được giữ nguyên; đơn vị chỉ không còn hiệu lực từ ngày này.</p>
  </form>
</details>
{{/CAN_DEACTIVATE}}
