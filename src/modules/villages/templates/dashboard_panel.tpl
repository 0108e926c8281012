{{%AUTOESCAPE context="HTML"}}
<section class="mb-4" id="villages">
  <h2 class="h5">Thôn, hộ nghèo và nông thôn mới</h2>
  <div class="row g-3">
    <div class="col-sm-4"><div class="border rounded p-3 h-100">
      <div class="small text-muted">Thôn đạt chuẩn nông thôn mới</div>
      <div class="fs-3 fw-bold figure" data-key="recognised">{{RECOGNISED}}</div>
      <div class="small">trên {{VILLAGES}} thôn, tổ dân phố</div>
    </div></div>
    <div class="col-sm-4"><div class="border rounded p-3 h-100">
      <div class="small text-muted">Hộ nghèo</div>
      <div class="fs-3 fw-bold figure" data-key="poor">{{POOR}}</div>
      <div class="small">{{POOR_RATE}} trên {{HOUSEHOLDS}} hộ</div>
    </div></div>
    <div class="col-sm-4"><div class="border rounded p-3 h-100">
      <div class="small text-muted">Hộ cận nghèo</div>
      <div class="fs-3 fw-bold figure" data-key="near_poor">{{NEAR_POOR}}</div>
      <div class="small">{{NEAR_POOR_RATE}} trên {{HOUSEHOLDS}} hộ</div>
    </div></div>
  </div>
  <p class="mt-2"><a href="/units/{{UNIT_ID}}/villages?year={{YEAR}}">Chi tiết theo thôn</a></p>
</section>
