{{%AUTOESCAPE context="HTML"}}
<section class="mb-4" id="lineage">
  <h2 class="h5">Lịch sử sắp xếp</h2>
  <ol class="list-unstyled mb-1">
  {{#E}}<li class="mb-2"><strong>{{DATE}}</strong> · <a href="/restructurings/{{ID}}">{{ROLE}}</a>
    {{#BEFORE}}<div class="small">{{TEXT}}</div>{{/BEFORE}}
    {{#PRED}}<div class="small">Kế thừa từ <a href="/units/{{ID}}">{{NAME}}</a></div>{{/PRED}}
    {{#SUCC}}<div class="small">Đơn vị kế thừa: <a href="/units/{{ID}}">{{NAME}}</a></div>{{/SUCC}}
    <div class="small text-muted">Căn cứ: {{LEGAL_BASIS}}</div></li>{{/E}}
  </ol>
</section>
