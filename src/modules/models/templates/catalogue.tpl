{{%AUTOESCAPE context="HTML"}}
<h1 class="h3">Mô hình, cách làm sáng tạo</h1>
<p class="text-muted">Các mô hình học tập và làm theo Bác; số đơn vị áp dụng tính trong {{SCOPE_NAME}}.</p>
{{#CAN_MANAGE}}<p><a class="btn btn-primary btn-sm" href="/models/new">Thêm mô hình</a></p>{{/CAN_MANAGE}}
<ul class="list-group">
{{#MODEL}}<li class="list-group-item"><div class="d-flex justify-content-between gap-2"><a class="fw-semibold model-link" href="/models/{{ID}}?unit={{SCOPE_ID}}">{{NAME}}</a><span class="small text-nowrap">{{COUNT}} đơn vị</span></div>
<div class="small text-muted">{{DESCRIPTION}}</div>{{#INACTIVE}}<span class="badge text-bg-light">ngừng theo dõi</span>{{/INACTIVE}}</li>{{/MODEL}}
</ul>
{{#NONE}}<p>Chưa có mô hình nào.</p>{{/NONE}}
