{{%AUTOESCAPE context="HTML"}}
<h1 class="h3">Sổ ghi danh người tốt, việc tốt</h1>
<p class="text-muted">Những tấm gương được đơn vị xác minh, cấp ủy phê duyệt và đồng ý công bố. <a href="/register/nominate">Đề nghị ghi danh một người tốt, việc tốt</a></p>
{{#MINE}}<p class="small mb-1">Sổ ghi danh của đơn vị (mọi trạng thái): <a href="/units/{{ID}}/register">{{NAME}}</a></p>{{/MINE}}
<form method="get" action="/register" class="row g-2 mb-3" role="search">
  <div class="col-12 col-md-4"><input class="form-control" name="q" value="{{Q}}" placeholder="Tìm tên, việc tốt (gõ không dấu cũng được)" aria-label="Tìm"></div>
  <div class="col-6 col-md-3"><select class="form-select" name="unit" aria-label="Đơn vị"><option value="">Mọi đơn vị</option>{{#UNIT}}<option value="{{ID}}" {{#SELECTED}}selected{{/SELECTED}}>{{NAME}}</option>{{/UNIT}}</select></div>
  <div class="col-6 col-md-2"><select class="form-select" name="category" aria-label="Lĩnh vực"><option value="">Mọi lĩnh vực</option>{{#CATEGORY}}<option value="{{ID}}" {{#SELECTED}}selected{{/SELECTED}}>{{NAME}}</option>{{/CATEGORY}}</select></div>
  <div class="col-6 col-md-2"><select class="form-select" name="year" aria-label="Năm"><option value="">Mọi năm</option>{{#YEAR}}<option value="{{Y}}" {{#SELECTED}}selected{{/SELECTED}}>{{Y}}</option>{{/YEAR}}</select></div>
  <div class="col-6 col-md-1"><button class="btn btn-outline-primary w-100" type="submit">Lọc</button></div>
</form>
<p class="small text-muted">{{COUNT}} mục</p>
{{#NONE}}<p>Chưa có mục nào phù hợp.</p>{{/NONE}}
<ul class="list-unstyled register-list">
{{#ENTRY}}
<li class="d-flex gap-3 border-bottom py-2 register-entry">
  {{#THUMB}}<img class="register-thumb" src="/register/files/{{FILE_ID}}/thumb" alt="Ảnh minh chứng" width="96" height="72" loading="lazy">{{/THUMB}}
  <div>
    <a class="fw-semibold" href="/r/{{CODE}}">{{SUBJECT_NAME}}</a>
    <div class="small">{{DEED}}</div>
    <div class="small text-muted">{{CATEGORY}} · {{UNIT_NAME}} · {{DATE}}{{#COMMENDATION}} · {{TEXT}}{{/COMMENDATION}}</div>
  </div>
</li>
{{/ENTRY}}
</ul>
{{>PAGER}}
