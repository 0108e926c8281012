{{%AUTOESCAPE context="HTML"}}
<h1 class="h3">Mẫu báo cáo</h1>
<p class="small">Mỗi loại báo cáo có một mẫu gồm trích yếu, nội dung và nơi nhận, trong đó các số liệu được ghi bằng tên trong dấu ngoặc nhọn, ví dụ <code>{ty_le_ke_hoach}</code>. Khi sửa, ct05 lưu thành phiên bản mới; các phiên bản cũ được giữ lại.</p>
{{#MSG_SAVED}}<div class="alert alert-success" role="status">Đã lưu phiên bản mới của mẫu.</div>{{/MSG_SAVED}}
<div class="table-responsive"><table class="table table-sm">
<thead><tr><th scope="col">Loại báo cáo</th><th scope="col">Phiên bản đang dùng</th><th scope="col">Ngày lưu</th><th scope="col">Người lưu</th></tr></thead>
<tbody>{{#KIND}}<tr><td><a href="/report-templates/{{CODE}}">{{LABEL}}</a></td><td>{{VERSION}}</td><td>{{DATE}}</td><td>{{BY}}</td></tr>{{/KIND}}</tbody>
</table></div>
