{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small"><li class="breadcrumb-item"><a href="/restructurings">Sắp xếp tổ chức</a></li><li class="breadcrumb-item active" aria-current="page">{{KIND_LABEL}} {{EFFECTIVE}}</li></ol></nav>
{{#FLASH}}<div class="alert alert-success" role="status">Đã ghi nhận sắp xếp. Mọi thay đổi dưới đây đã được thực hiện trong một lần và ghi vào nhật ký.</div>{{/FLASH}}
<h1 class="h3">{{KIND_LABEL}} · có hiệu lực từ {{EFFECTIVE}}</h1>
<p>Căn cứ: {{LEGAL_BASIS}}</p>
{{#HAS_NOTE}}<p class="small">{{TEXT}}</p>{{/HAS_NOTE}}
<h2 class="h5">Những gì đã thay đổi</h2>
<ol>{{#LINE}}<li>{{TEXT}}</li>{{/LINE}}</ol>
{{#NOTE_LINE}}<p class="small text-muted">{{TEXT}}</p>{{/NOTE_LINE}}
<h2 class="h5">Các đơn vị liên quan</h2>
<ul>{{#UNIT}}<li><a href="/units/{{ID}}">{{NAME}}</a>{{#CLOSED}} <span class="badge text-bg-secondary">đã kết thúc</span>{{/CLOSED}}</li>{{/UNIT}}</ul>
<p class="small text-muted">Ghi bởi {{BY}} lúc {{AT}}.</p>
