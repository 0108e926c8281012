{{%AUTOESCAPE context="HTML"}}
<nav class="small mb-2"><a href="/units/{{UNIT_ID}}">{{UNIT_NAME}}</a></nav>
<h1 class="h4">Tạo tài khoản cho cán bộ chưa có</h1>
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
{{#NONE}}<p>Mọi đảng viên, cán bộ, công chức, viên chức của {{UNIT_NAME}} và các đơn vị trực thuộc đều đã có tài khoản.</p>{{/NONE}}
{{#SOME}}
<p><strong>{{COUNT}}</strong> người của {{UNIT_NAME}} và các đơn vị trực thuộc chưa có tài khoản. Mỗi người sẽ có một tài khoản “Đảng viên / cán bộ” trên đơn vị mình sinh hoạt và một mã kích hoạt dùng một lần, có giá trị 14 ngày.</p>
<ul class="small">{{#PERSON}}<li>{{NAME}} · {{UNIT}}</li>{{/PERSON}}{{#MORE}}<li>… và {{N}} người nữa</li>{{/MORE}}</ul>
<form method="post" action="/units/{{UNIT_ID}}/accounts/bulk"><input type="hidden" name="_csrf" value="{{CSRF}}">
  <button class="btn btn-primary" type="submit">Tạo {{COUNT}} tài khoản</button></form>
{{/SOME}}
