{{%AUTOESCAPE context="HTML"}}
<section class="mb-4" id="accounts">
  <h2 class="h5">Tài khoản</h2>
  {{#OPEN}}<p class="mb-2 small">{{WITHOUT}} đảng viên, cán bộ của đơn vị và các đơn vị trực thuộc chưa có tài khoản.</p>
  <div class="d-flex flex-wrap gap-2">
    {{#SOME}}<a class="btn btn-sm btn-primary" href="/units/{{UNIT_ID}}/accounts/bulk">Tạo tài khoản cho cán bộ chưa có</a>{{/SOME}}
    <a class="btn btn-sm btn-outline-primary" href="/admin/accounts?unit={{UNIT_CODE}}">Tài khoản của đơn vị</a>
  </div>{{/OPEN}}
  {{#CLOSED}}
  <p class="small">Đơn vị đã kết thúc hoạt động; {{N}} quyền vẫn được giao trên đơn vị này:</p>
  <ul class="small">{{#GRANT}}<li><a href="/admin/accounts/{{USER_ID}}">{{NAME}}</a> ({{LOGIN}}) · {{ROLE}}</li>{{/GRANT}}</ul>
  {{#SUCCESSOR}}<form method="post" action="/units/{{UNIT_ID}}/grants/move"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="to" value="{{TO_ID}}"><button class="btn btn-sm btn-primary" type="submit">Chuyển các quyền này sang {{TO_NAME}}</button></form>{{/SUCCESSOR}}
  {{/CLOSED}}
</section>
