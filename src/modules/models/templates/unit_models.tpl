{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small"><li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}">{{UNIT_NAME}}</a></li><li class="breadcrumb-item active" aria-current="page">Mô hình áp dụng</li></ol></nav>
<h1 class="h3">Mô hình, cách làm sáng tạo</h1>
<p class="text-muted">{{UNIT_NAME}}</p>
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
{{#ADOPTION}}
<section class="border rounded p-3 mb-3 adoption">
  <h2 class="h6"><a href="/models/{{MODEL_ID}}">{{MODEL_NAME}}</a>{{#INACTIVE}} <span class="badge text-bg-light">đã dừng</span>{{/INACTIVE}}</h2>
  <p class="small text-muted mb-1">Áp dụng từ {{SINCE}}{{#LEAD}} · phụ trách: {{TEXT}}{{/LEAD}}{{#NOTE}} · {{TEXT}}{{/NOTE}}</p>
  <ul class="small mb-2">{{#FIG}}<li>{{LABEL}}: <b class="figure-value">{{VALUE}}</b> {{UNIT}}{{#AS_OF}} (đến {{TEXT}}){{/AS_OF}}</li>{{/FIG}}</ul>
  {{#RECORD}}
  <form method="post" action="/model-adoptions/{{ID}}/outcomes" class="row g-2 align-items-end outcomes-form" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <div class="col-sm-3"><label class="form-label small" for="as_of{{ID}}">Số liệu đến ngày</label><input class="form-control form-control-sm" type="date" id="as_of{{ID}}" name="as_of" value="{{TODAY}}"></div>
    {{#IN}}<div class="col-sm-3"><label class="form-label small" for="m{{METRIC_ID}}_{{ID}}">{{LABEL}} ({{UNIT}})</label><input class="form-control form-control-sm" id="m{{METRIC_ID}}_{{ID}}" name="m{{METRIC_ID}}" inputmode="numeric" value="{{VALUE}}"></div>{{/IN}}
    <div class="col-sm-3"><button class="btn btn-sm btn-outline-primary" type="submit">Cập nhật kết quả</button></div>
    {{#ERR_AS_OF}}<div class="field-error">{{MSG}}</div>{{/ERR_AS_OF}}{{#ERR_VALUES}}<div class="field-error">{{MSG}}</div>{{/ERR_VALUES}}
  </form>
  {{/RECORD}}
</section>
{{/ADOPTION}}
{{#NONE}}<p>Đơn vị chưa đăng ký áp dụng mô hình nào.</p>{{/NONE}}
{{#ADD}}
<form method="post" action="/units/{{UNIT_ID}}/models" class="border rounded p-3" novalidate>
  <h2 class="h6">Đăng ký áp dụng mô hình</h2>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="row g-2">
    <div class="col-sm-4"><label class="form-label small" for="model_id">Mô hình</label><select class="form-select form-select-sm" id="model_id" name="model_id"><option value="">— Chọn —</option>{{#OPT}}<option value="{{ID}}" {{#SELECTED}}selected{{/SELECTED}}>{{NAME}}</option>{{/OPT}}</select>{{#ERR_MODEL_ID}}<div class="field-error">{{MSG}}</div>{{/ERR_MODEL_ID}}</div>
    <div class="col-sm-3"><label class="form-label small" for="since">Áp dụng từ</label><input class="form-control form-control-sm" type="date" id="since" name="since" value="{{SINCE}}">{{#ERR_SINCE}}<div class="field-error">{{MSG}}</div>{{/ERR_SINCE}}</div>
    <div class="col-sm-5"><label class="form-label small" for="lead">Người phụ trách</label><input class="form-control form-control-sm" id="lead" name="lead" value="{{LEAD}}" maxlength="200"></div>
    <div class="col-12"><label class="form-label small" for="note">Cách làm</label><input class="form-control form-control-sm" id="note" name="note" value="{{NOTE}}" maxlength="2000"></div>
  </div>
  <button class="btn btn-sm btn-primary mt-2" type="submit">Đăng ký</button>
</form>
{{/ADD}}
