{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small">{{#UNIT_LINK}}<li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}">{{UNIT_NAME}}</a></li>{{/UNIT_LINK}}<li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}/ethics">Chuẩn mực đạo đức công vụ</a></li><li class="breadcrumb-item active" aria-current="page">Phiên bản {{VERSION}}</li></ol></nav>
<p class="text-muted mb-2">{{UNIT_NAME}}</p>
{{>STANDARD}}
