{{%AUTOESCAPE context="HTML"}}
<h1 class="h3">Chuẩn nghèo đa chiều</h1>
{{#FLASH}}<div class="alert alert-success" role="status">{{MESSAGE}}</div>{{/FLASH}}
<p class="text-muted">ct05 phân loại hộ theo chuẩn áp dụng cho năm: thu nhập bình quân đầu người/tháng từ chuẩn trở xuống và thiếu hụt từ số chỉ số quy định trở lên là hộ nghèo, ít hơn là hộ cận nghèo; thu nhập cao hơn chuẩn là không nghèo. Năm không có chuẩn nào thì ghi kết quả rà soát của xã.</p>
{{#CAN_MANAGE}}<p><a class="btn btn-sm btn-primary" href="/poverty-standards/new">Thêm chuẩn nghèo</a></p>{{/CAN_MANAGE}}
{{#S}}<section class="border rounded p-3 mb-3 standard">
  <h2 class="h5 mb-1">{{NAME}} <span class="small text-muted">({{FROM}}–{{TO}})</span></h2>
  <p class="small mb-1">{{LEGAL_BASIS}} · mã {{CODE}}</p>
  <p class="mb-1">Chuẩn thu nhập: nông thôn {{RURAL}}, thành thị {{URBAN}} mỗi người mỗi tháng · hộ nghèo khi thiếu hụt từ {{MIN}} chỉ số trở lên.</p>
  {{#NOTE}}<p class="small text-muted">{{TEXT}}</p>{{/NOTE}}
  <details><summary>{{COUNT}} chỉ số đo lường mức độ thiếu hụt</summary>
  {{#DIM}}<p class="small fw-bold mb-1 mt-2">{{NAME}}</p><ul class="small mb-1">{{#I}}<li>{{NAME}}: {{THRESHOLD}}</li>{{/I}}</ul>{{/DIM}}
  </details>
  {{#EDIT}}<p class="mt-2 mb-0"><a class="btn btn-sm btn-outline-primary" href="/poverty-standards/{{ID}}/edit">Sửa</a></p>{{/EDIT}}
  {{#USED}}<p class="small text-muted mt-2 mb-0">Đã dùng để phân loại hộ nên không sửa được.</p>{{/USED}}
</section>{{/S}}
