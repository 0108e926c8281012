{{%AUTOESCAPE context="HTML"}}
<section class="mb-4" id="ethics">
  <h2 class="h5">Chuẩn mực đạo đức công vụ</h2>
  {{#CURRENT}}
  <p class="mb-1"><a href="/units/{{UNIT_ID}}/ethics">{{TITLE}}</a> <span class="small text-muted">(phiên bản {{VERSION}}, {{DATE}})</span></p>
  {{#COUNT}}
  <p class="small mb-1">Đã xác nhận {{ACKNOWLEDGED}} / {{REQUIRED}} người.</p>
  {{/COUNT}}
  {{#TODO}}
  <p class="small mb-1 text-danger">Bạn chưa xác nhận phiên bản này.</p>
  {{/TODO}}
  {{#DONE}}
  <p class="small mb-1 text-success">Bạn đã xác nhận ngày {{DATE}}.</p>
  {{/DONE}}
  {{/CURRENT}}
  {{#NONE}}
  <p class="mb-1">Đơn vị chưa công bố chuẩn mực.{{#CAN_PUBLISH}} <a href="/units/{{UNIT_ID}}/ethics/new">Công bố chuẩn mực</a>{{/CAN_PUBLISH}}</p>
  {{/NONE}}
</section>
