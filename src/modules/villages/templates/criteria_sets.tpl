{{%AUTOESCAPE context="HTML"}}
<h1 class="h3">Bộ tiêu chí thôn nông thôn mới</h1>
{{#FLASH}}<div class="alert alert-success" role="status">{{MESSAGE}}</div>{{/FLASH}}
<p class="text-muted">Mỗi bộ tiêu chí có các phiên bản; phiên bản đã tạo không sửa, muốn thay đổi thì tạo phiên bản mới.</p>
{{#CAN_MANAGE}}<p><a class="btn btn-sm btn-primary" href="/criteria-sets/new">Tạo bộ tiêu chí mới</a></p>{{/CAN_MANAGE}}
{{#NONE}}<p class="text-muted">Chưa có bộ tiêu chí nào.</p>{{/NONE}}
<ul class="list-group">
{{#SET}}<li class="list-group-item"><a href="/criteria-sets/{{ID}}">{{NAME}}</a> <span class="small text-muted">· {{CODE}} phiên bản {{VERSION}}{{#LATEST}} (mới nhất){{/LATEST}} · áp dụng từ {{FROM}}{{#TO}} đến {{Y}}{{/TO}} · {{ASSESSMENTS}} bản đánh giá</span><div class="small">{{LEGAL_BASIS}}</div></li>{{/SET}}
</ul>
