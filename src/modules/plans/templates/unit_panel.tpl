{{%AUTOESCAPE context="HTML"}}
<section class="mb-4" id="plans">
  <h2 class="h5">Làm theo Bác năm {{YEAR}}</h2>
  {{#THEME}}<p class="small text-muted mb-2">Nội dung đột phá: {{TEXT}}</p>{{/THEME}}
  <div class="d-flex flex-wrap gap-2 mb-2">
    {{#PLAN}}<a class="btn btn-sm btn-outline-primary" href="/units/{{UNIT_ID}}/plan?year={{YEAR}}">Kế hoạch của đơn vị: {{STATUS}}</a>{{/PLAN}}
    <a class="btn btn-sm btn-outline-primary" href="/units/{{UNIT_ID}}/dashboard?year={{YEAR}}">Bảng theo dõi</a>
  </div>
  {{#HAS_COMMITMENTS}}
  <details>
    <summary>Cam kết của cán bộ, đảng viên ({{ACCEPTED}}/{{TOTAL}} đã được chấp thuận)</summary>
    <ul class="list-group mt-2">{{#C}}<li class="list-group-item d-flex justify-content-between"><a href="/people/{{ID}}/commitment?year={{YEAR}}">{{NAME}}</a><span class="small text-muted">{{STATUS}}</span></li>{{/C}}</ul>
  </details>
  {{/HAS_COMMITMENTS}}
  <details class="mt-2">
    <summary class="small">Tải danh sách năm {{YEAR}} của đơn vị và các đơn vị trực thuộc</summary>
    <div class="mt-2">{{>PLANS_EXPORT}}{{>COMMITMENTS_EXPORT}}</div>
  </details>
</section>
