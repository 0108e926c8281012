{{%AUTOESCAPE context="HTML"}}
<h1 class="h3">Nhật ký thay đổi</h1>
<p class="text-muted">Mọi thay đổi và mọi lần xem hồ sơ đầy đủ đều được ghi lại, nối chuỗi bằng mã băm (kiểm tra bằng lệnh <code>ct05 audit verify</code>).</p>
<form class="row g-2 mb-3" method="get" action="/audit">
  <div class="col-auto">
    <select class="form-select form-select-sm" name="action" aria-label="Loại thao tác">
      <option value="">Tất cả thao tác</option>
      {{#ACTION_OPT}}<option value="{{VALUE}}" {{#SELECTED}}selected{{/SELECTED}}>{{LABEL}}</option>{{/ACTION_OPT}}
    </select>
  </div>
  <div class="col-auto"><button class="btn btn-sm btn-outline-primary" type="submit">Lọc</button></div>
</form>
{{>EXPORT}}
<div class="table-responsive">
<table class="table table-sm align-top audit-table">
<thead><tr><th>#</th><th>Thời gian</th><th>Người thực hiện</th><th>Thao tác</th><th>Đối tượng</th><th>Trước → sau</th></tr></thead>
<tbody>
{{#ENTRY}}
<tr>
  <td>{{ID}}</td><td class="text-nowrap">{{AT}}</td><td>{{ACTOR}}</td><td>{{ACTION}}</td>
  <td>{{#LINK}}<a href="{{HREF}}">{{ENTITY}} #{{ENTITY_ID}}</a>{{/LINK}}{{#NOLINK}}{{ENTITY}} #{{ENTITY_ID}}{{/NOLINK}}</td>
  <td>{{#CHANGE}}<div class="small"><b>{{FIELD}}</b>: <span class="text-danger">{{BEFORE}}</span> → <span class="text-success">{{AFTER}}</span></div>{{/CHANGE}}</td>
</tr>
{{/ENTRY}}
</tbody>
</table>
</div>
{{#EMPTY}}<p>Chưa có thay đổi nào trong phạm vi của bạn.</p>{{/EMPTY}}
{{>PAGER}}
