{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small"><li class="breadcrumb-item"><a href="/criteria-sets">Bộ tiêu chí</a></li><li class="breadcrumb-item active" aria-current="page">{{CODE}} phiên bản {{VERSION}}</li></ol></nav>
{{#FLASH}}<div class="alert alert-success" role="status">{{MESSAGE}}</div>{{/FLASH}}
<h1 class="h3 mb-1">{{NAME}}</h1>
<p class="text-muted">{{LEGAL_BASIS}} · phiên bản {{VERSION}}{{#LATEST}} (mới nhất){{/LATEST}} · áp dụng từ năm {{FROM}}{{#TO}} đến năm {{Y}}{{/TO}} · {{COUNT}} tiêu chí · tạo bởi {{BY}}</p>
{{#NOTE}}<p>{{TEXT}}</p>{{/NOTE}}
{{#CAN_MANAGE}}<p><a class="btn btn-sm btn-outline-primary" href="/criteria-sets/new?from={{ID}}">Tạo phiên bản mới từ phiên bản này</a></p>{{/CAN_MANAGE}}
{{#GROUP}}<h2 class="h5 mt-3">{{NAME}}</h2>
<ol class="list-group">{{#C}}<li class="list-group-item"><b>{{NUMBER}}. {{NAME}}</b>{{#REQ}}<div class="small">{{TEXT}}</div>{{/REQ}}{{#FIGURE}}<div class="small text-muted">Số liệu: {{LABEL}}{{#SOURCE}} — {{TEXT}}{{/SOURCE}}</div>{{/FIGURE}}</li>{{/C}}</ol>{{/GROUP}}
