{{%AUTOESCAPE context="HTML"}}
<section class="mb-4" id="villages">
  <h2 class="h5">Thôn và nông thôn mới năm {{YEAR}}</h2>
  <p class="small mb-2">{{HOUSEHOLDS}} hộ · {{POOR}} hộ nghèo ({{POOR_RATE}}) · {{NEAR_POOR}} hộ cận nghèo ({{NEAR_POOR_RATE}}){{#VILLAGES}} · {{RECOGNISED}}/{{N}} thôn đạt chuẩn nông thôn mới{{/VILLAGES}}{{#RECOGNISED_SINCE}} · <b>đạt chuẩn nông thôn mới</b> từ {{DATE}}{{/RECOGNISED_SINCE}}</p>
  <div class="d-flex flex-wrap gap-2">
    {{#VILLAGE}}<a class="btn btn-sm btn-outline-primary" href="/units/{{UNIT_ID}}/village?year={{YEAR}}">Thôn và nông thôn mới</a>{{#OFFICER}}<a class="btn btn-sm btn-outline-primary" href="/units/{{UNIT_ID}}/households?year={{YEAR}}">Danh sách hộ</a>{{/OFFICER}}{{/VILLAGE}}
    {{#AREA}}<a class="btn btn-sm btn-outline-primary" href="/units/{{UNIT_ID}}/villages?year={{YEAR}}">Theo dõi thôn, hộ nghèo</a>{{/AREA}}
  </div>
</section>
