{{%AUTOESCAPE context="HTML"}}
<section class="mb-4" id="models">
  <h2 class="h5">Mô hình, cách làm sáng tạo</h2>
  <p class="mb-1">{{#NAMES}}{{NAME}}; {{/NAMES}}{{#NONE}}Chưa đăng ký mô hình nào. {{/NONE}}<a href="/units/{{UNIT_ID}}/models">Xem và cập nhật</a></p>
</section>
