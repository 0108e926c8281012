{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small"><li class="breadcrumb-item"><a href="/models">Mô hình</a></li><li class="breadcrumb-item active" aria-current="page">{{NAME}}</li></ol></nav>
<h1 class="h3">{{NAME}}</h1>
<p class="register-deed">{{DESCRIPTION}}</p>
{{#CAN_MANAGE}}<p><a class="btn btn-sm btn-outline-secondary" href="/models/{{ID}}/edit">Sửa mô hình</a></p>{{/CAN_MANAGE}}
<h2 class="h5">Lan tỏa trong {{SCOPE_NAME}}: {{UNITS}} đơn vị áp dụng</h2>
<div class="row g-3 mb-3">
  <div class="col-md-6"><table class="table table-sm chart-table"><thead><tr><th>Loại đơn vị</th><th class="w-50"></th><th class="text-end">Số đơn vị</th></tr></thead><tbody>{{#KIND}}<tr><td>{{LABEL}}</td><td><div class="bar"><span class="bar-{{PERCENT}}"></span></div></td><td class="text-end">{{N}}</td></tr>{{/KIND}}</tbody></table></div>
  <div class="col-md-6"><table class="table table-sm" id="model-totals"><thead><tr><th>Kết quả cộng dồn</th><th class="text-end">Tổng</th><th class="text-end">Đơn vị báo cáo</th></tr></thead><tbody>{{#TOTAL}}<tr><td>{{LABEL}}</td><td class="text-end total-value">{{SUM}} {{UNIT}}</td><td class="text-end">{{REPORTING}}</td></tr>{{/TOTAL}}</tbody></table>
  <p class="small text-muted">Mỗi đơn vị được tính theo số liệu mới nhất đã báo cáo.</p></div>
</div>
<h2 class="h6">Đơn vị áp dụng</h2>
<ul class="list-group mb-2">{{#ADOPTION}}<li class="list-group-item"><a href="/units/{{UNIT_ID}}/models">{{UNIT_NAME}}</a> <span class="small text-muted">từ {{SINCE}}{{#LEAD}} · phụ trách: {{TEXT}}{{/LEAD}}</span><div class="small">{{#FIG}}{{LABEL}}: <b>{{VALUE}}</b> {{UNIT}}{{#AS_OF}} ({{TEXT}}){{/AS_OF}}; {{/FIG}}</div></li>{{/ADOPTION}}</ul>
{{#NONE}}<p>Chưa có đơn vị nào trong phạm vi này áp dụng.</p>{{/NONE}}
{{>PAGER}}
