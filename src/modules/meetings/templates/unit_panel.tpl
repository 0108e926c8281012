{{%AUTOESCAPE context="HTML"}}
<section class="mb-4" id="meetings">
  <h2 class="h5">Sinh hoạt và đánh giá năm {{YEAR}}</h2>
  <p class="small mb-2">{{COUNT}} buổi sinh hoạt đã ghi{{#EXPECTED}} · định kỳ {{HELD}}/{{DUE}} {{CADENCE}} đã qua{{/EXPECTED}}{{#LOCKED}} · <b>năm đã khóa</b>{{/LOCKED}}{{#LAST}} · gần nhất {{DATE}}{{/LAST}}</p>
  <div class="d-flex flex-wrap gap-2">
    <a class="btn btn-sm btn-outline-primary" href="/units/{{UNIT_ID}}/meetings?year={{YEAR}}">Sinh hoạt</a>
    <a class="btn btn-sm btn-outline-primary" href="/units/{{UNIT_ID}}/evaluations?year={{YEAR}}">Đánh giá, xếp loại</a>
    <a class="btn btn-sm btn-outline-primary" href="/units/{{UNIT_ID}}/meetings/dashboard?year={{YEAR}}">Theo dõi sinh hoạt</a>
  </div>
</section>
