{{%AUTOESCAPE context="HTML"}}
<section class="mb-4" id="members">
  <div class="d-flex flex-wrap justify-content-between align-items-center gap-2">
    <h2 class="h5 mb-0">Người sinh hoạt tại đơn vị ({{COUNT}})</h2>
    {{#CAN_ADD}}<a class="btn btn-sm btn-primary" href="/people/new?unit={{UNIT_ID}}">Thêm người</a>{{/CAN_ADD}}
  </div>
  {{#NONE}}<p class="text-muted mt-2">Chưa có ai trong danh sách.</p>{{/NONE}}
  {{#ANY}}
  <div class="table-responsive mt-2">
  <table class="table table-sm align-middle">
    <thead><tr><th>Họ và tên</th><th>Giới tính</th><th>Năm sinh</th><th>Chức vụ</th>{{#SENSITIVE}}<th>Đảng viên</th>{{/SENSITIVE}}</tr></thead>
    <tbody>
    {{#ROW}}<tr><td><a href="/people/{{ID}}">{{NAME}}</a></td><td>{{GENDER}}</td><td>{{BIRTH_YEAR}}</td><td>{{POSITION}}</td>{{#SENSITIVE}}<td>{{#MEMBER}}✓{{/MEMBER}}</td>{{/SENSITIVE}}</tr>{{/ROW}}
    </tbody>
  </table>
  </div>
  {{/ANY}}
  {{>MEMBER_PAGER}}
  {{>EXPORT}}
</section>
