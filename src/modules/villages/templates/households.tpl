{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small">
<li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}">{{UNIT_NAME}}</a></li>
<li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}/village?year={{YEAR}}">Thôn và nông thôn mới</a></li>
<li class="breadcrumb-item active" aria-current="page">Hộ gia đình</li>
</ol></nav>
{{#FLASH}}<div class="alert alert-success" role="status">{{MESSAGE}}</div>{{/FLASH}}
<h1 class="h3 mb-1">Hộ gia đình — {{UNIT_NAME}}</h1>
<p class="text-muted mb-2">Tình trạng năm {{#YEARS}}<a class="{{#CURRENT}}fw-bold{{/CURRENT}} me-1" href="{{HREF}}">{{Y}}</a>{{/YEARS}}</p>
<form method="get" action="/units/{{UNIT_ID}}/households" class="row g-2 align-items-end mb-3" role="search">
  <input type="hidden" name="year" value="{{YEAR}}">
  <div class="col-sm-5"><label class="form-label small" for="q">Tìm theo mã hộ, họ tên</label><input class="form-control form-control-sm" id="q" name="q" value="{{Q}}" placeholder="ví dụ: hoang van"></div>
  <div class="col-sm-4"><label class="form-label small" for="status">Tình trạng năm {{YEAR}}</label><select class="form-select form-select-sm" id="status" name="status"><option value="">Tất cả</option>{{#STATUS_OPT}}<option value="{{VALUE}}" {{#SELECTED}}selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPT}}</select></div>
  <div class="col-sm-3"><button class="btn btn-sm btn-outline-primary w-100" type="submit">Lọc</button></div>
</form>
{{>EXPORT}}
{{#CAN_EDIT}}<div class="d-flex flex-wrap gap-2 mb-3"><a class="btn btn-sm btn-primary" href="/units/{{UNIT_ID}}/households/new">Thêm hộ</a><a class="btn btn-sm btn-outline-primary" href="/units/{{UNIT_ID}}/households/import">Nhập từ tệp</a></div>{{/CAN_EDIT}}
<p class="small">{{TOTAL}} hộ{{#FILTERED}} phù hợp{{/FILTERED}}</p>
{{#NONE}}<p class="text-muted">Không có hộ nào.</p>{{/NONE}}
<ul class="list-group households">
{{#H}}<li class="list-group-item d-flex justify-content-between align-items-start{{#ENDED}} text-muted{{/ENDED}}"><div><a href="/households/{{ID}}">{{CODE}} · {{HEAD}}</a><div class="small text-muted">{{SIZE}} người{{#ADDRESS}} · {{TEXT}}{{/ADDRESS}}{{#ENDED}} · đã chuyển đi{{/ENDED}}</div></div><span class="badge status-{{STATUS_CODE}} text-nowrap ms-2">{{STATUS}}</span></li>{{/H}}
</ul>
{{>PAGER}}
