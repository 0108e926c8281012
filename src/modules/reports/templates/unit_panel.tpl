{{%AUTOESCAPE context="HTML"}}
<section class="mb-4" id="reports">
  <h2 class="h5">Báo cáo định kỳ</h2>
  <p class="mb-1"><a href="/units/{{UNIT_ID}}/reports">Lập báo cáo sơ kết, tổng kết</a> <span class="small text-muted">(DOCX, PDF theo Hướng dẫn 36-HD/VPTW)</span></p>
</section>
