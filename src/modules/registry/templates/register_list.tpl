{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small"><li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}">{{UNIT_NAME}}</a></li><li class="breadcrumb-item active" aria-current="page">Sổ ghi danh</li></ol></nav>
<h1 class="h3">Sổ ghi danh người tốt, việc tốt</h1>
<p class="text-muted">{{UNIT_NAME}} và các đơn vị trực thuộc · {{TOTAL}} mục{{#CLOSED}} · Sổ ghi danh chưa triển khai ở đơn vị này{{/CLOSED}}</p>
{{#CAN_NOMINATE}}<p><a class="btn btn-primary btn-sm" href="/register/entries/new?unit={{UNIT_ID}}">Đề nghị ghi danh</a></p>{{/CAN_NOMINATE}}
<div class="row g-3 mb-3">
  {{#CHART}}<div class="col-md-6">{{>CHART}}</div>{{/CHART}}
</div>
<form method="get" action="/units/{{UNIT_ID}}/register" class="row g-2 mb-2" role="search">
  <div class="col-12 col-sm-5"><input class="form-control form-control-sm" name="q" value="{{Q}}" placeholder="Tìm tên, việc tốt" aria-label="Tìm"></div>
  <div class="col-6 col-sm-3"><select class="form-select form-select-sm" name="status" aria-label="Trạng thái"><option value="">Mọi trạng thái</option>{{#STATUS_OPT}}<option value="{{VALUE}}" {{#SELECTED}}selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPT}}</select></div>
  <div class="col-6 col-sm-3"><select class="form-select form-select-sm" name="category" aria-label="Lĩnh vực"><option value="">Mọi lĩnh vực</option>{{#CATEGORY_OPT}}<option value="{{ID}}" {{#SELECTED}}selected{{/SELECTED}}>{{NAME}}</option>{{/CATEGORY_OPT}}</select></div>
  <div class="col-12 col-sm-1"><button class="btn btn-sm btn-outline-primary w-100" type="submit">Lọc</button></div>
</form>
{{>EXPORT}}
<ul class="list-group mb-2">
{{#ENTRY}}<li class="list-group-item d-flex justify-content-between gap-2"><div><a href="/register/entries/{{ID}}">{{SUBJECT_NAME}}</a><div class="small text-muted">{{DEED}}</div><div class="small text-muted">{{UNIT_NAME}} · {{DATE}}</div></div><span class="small text-nowrap">{{STATUS_LABEL}}</span></li>{{/ENTRY}}
</ul>
{{#NONE}}<p>Chưa có mục nào.</p>{{/NONE}}
{{>PAGER}}
