{{%AUTOESCAPE context="HTML"}}
<section class="mb-4" id="register">
  <h2 class="h5">Sổ ghi danh người tốt, việc tốt</h2>
  <p class="mb-1">{{TOTAL}} mục, {{PUBLISHED}} đã công bố. <a href="/units/{{UNIT_ID}}/register">Xem sổ ghi danh</a>{{#CAN_NOMINATE}} · <a href="/register/entries/new?unit={{UNIT_ID}}">Đề nghị ghi danh</a>{{/CAN_NOMINATE}}</p>
</section>
