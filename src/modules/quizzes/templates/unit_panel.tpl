{{%AUTOESCAPE context="HTML"}}
<section class="mb-4" id="quizzes">
  <h2 class="h5">Hái hoa dân chủ</h2>
  <p class="small mb-2">{{ROUNDS}} đợt thi do đơn vị tổ chức · {{DRAWS}} buổi hái hoa{{#OPEN}} · <b>{{N}} đợt thi đang mở cho đơn vị</b>{{/OPEN}}</p>
  <a class="btn btn-sm btn-outline-primary" href="/units/{{UNIT_ID}}/quizzes">Hái hoa dân chủ</a>
</section>
