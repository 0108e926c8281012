{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small"><li class="breadcrumb-item"><a href="/register">Sổ ghi danh</a></li><li class="breadcrumb-item active" aria-current="page">{{SUBJECT_NAME}}</li></ol></nav>
<article>
  <h1 class="h3">{{SUBJECT_NAME}}</h1>
  <p class="text-muted small">{{SUBJECT_KIND}} · {{CATEGORY}} · {{UNIT_NAME}} · {{DATE}}{{#PLACE}} · {{TEXT}}{{/PLACE}}</p>
  <p class="register-deed">{{DEED}}</p>
  {{#COMMENDATION}}<p><span class="badge text-bg-success">{{LABEL}}</span>{{#DECISION}} <span class="small">Quyết định số {{NO}}{{#DATE}} ngày {{TEXT}}{{/DATE}}</span>{{/DECISION}}</p>{{/COMMENDATION}}
  {{#HAS_FILES}}<div class="d-flex flex-wrap gap-2 mb-3">{{#FILE}}{{#IMAGE}}<a href="/register/files/{{ID}}"><img class="register-thumb" src="/register/files/{{ID}}/thumb" alt="Ảnh minh chứng {{N}}" width="160" height="120" loading="lazy"></a>{{/IMAGE}}{{#PDF}}<a class="btn btn-sm btn-outline-secondary" href="/register/files/{{ID}}">Tài liệu PDF {{N}}</a>{{/PDF}}{{/FILE}}</div>{{/HAS_FILES}}
  {{#HAS_REPLICATIONS}}
  <h2 class="h5">Được nhân rộng</h2>
  <ul>{{#REPLICATION}}<li><b>{{UNIT}}</b> ({{DATE}}): {{WHAT}}</li>{{/REPLICATION}}</ul>
  {{/HAS_REPLICATIONS}}
  <p class="small">Đường dẫn chia sẻ: <a href="/r/{{CODE}}">/r/{{CODE}}</a></p>
  {{#INTERNAL}}<p class="small"><a href="/register/entries/{{ID}}">Xem trong hệ thống (quy trình, nhân rộng)</a></p>{{/INTERNAL}}
</article>
