{{%AUTOESCAPE context="HTML"}}
<h1 class="h3">Sắp xếp tổ chức</h1>
<p class="small">Mỗi lần sáp nhập, chia tách, chuyển trực thuộc, đổi tên hay giải thể là một sự kiện có ngày hiệu lực và căn cứ pháp lý. Lịch sử không bị ghi đè: báo cáo “tính đến” một ngày trước sự kiện vẫn hiện các đơn vị cũ với số liệu của chúng.</p>
{{#CAN_ADD}}<p><a class="btn btn-primary" href="/restructurings/new">Ghi nhận sắp xếp</a></p>{{/CAN_ADD}}
{{#NONE}}<p class="text-muted">Chưa có sự kiện sắp xếp nào trong phạm vi của bạn.</p>{{/NONE}}
<ul class="list-unstyled">
{{#E}}<li class="mb-3"><a href="/restructurings/{{ID}}"><strong>{{KIND_LABEL}}</strong> · {{EFFECTIVE}}</a>
  <div class="small">{{FIRST}}</div><div class="small text-muted">Căn cứ: {{LEGAL_BASIS}}</div></li>{{/E}}
</ul>
{{>PAGER}}
