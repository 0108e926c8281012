{{%AUTOESCAPE context="HTML"}}
<h1 class="h3">Cài đặt Sổ ghi danh</h1>
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
{{#SAVED}}<div class="alert alert-success" role="status">Đã lưu.</div>{{/SAVED}}
<form method="post" action="/register/settings" class="border rounded p-3 mb-4">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <h2 class="h6">Nơi triển khai</h2>
  <div class="form-check mb-2"><input class="form-check-input" type="checkbox" id="everyone" name="everyone" value="1" {{#EVERYONE}}checked{{/EVERYONE}}><label class="form-check-label" for="everyone">Triển khai cho toàn bộ đơn vị</label></div>
  <p class="small text-muted mb-1">Hoặc chỉ các nhóm đơn vị (và mọi đơn vị trực thuộc của họ):</p>
  {{#GROUP}}<div class="form-check"><input class="form-check-input" type="checkbox" id="g{{ID}}" name="group" value="{{ID}}" {{#CHECKED}}checked{{/CHECKED}}><label class="form-check-label" for="g{{ID}}">{{NAME}} ({{UNITS}} đơn vị)</label></div>{{/GROUP}}
  {{#NO_GROUPS}}<p class="small">Chưa có nhóm đơn vị nào.</p>{{/NO_GROUPS}}
  <button class="btn btn-primary btn-sm mt-2" type="submit">Lưu nơi triển khai</button>
</form>
<h2 class="h5">Danh mục lĩnh vực</h2>
<ul class="list-group mb-2">
{{#CATEGORY}}<li class="list-group-item d-flex justify-content-between align-items-center"><span>{{NAME}}{{#INACTIVE}} <span class="badge text-bg-light">đã ẩn</span>{{/INACTIVE}}</span>
<form method="post" action="/register/categories/{{ID}}"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="active" value="{{TOGGLE}}"><button class="btn btn-sm btn-link" type="submit">{{TOGGLE_LABEL}}</button></form></li>{{/CATEGORY}}
</ul>
<form method="post" action="/register/categories" class="row g-2" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="col-sm-8"><input class="form-control" name="name" placeholder="Tên lĩnh vực mới" aria-label="Tên lĩnh vực" maxlength="120" value="{{NEW_NAME}}">{{#ERR_NAME}}<div class="field-error">{{MSG}}</div>{{/ERR_NAME}}</div>
  <div class="col-sm-4"><button class="btn btn-outline-primary w-100" type="submit">Thêm lĩnh vực</button></div>
</form>
