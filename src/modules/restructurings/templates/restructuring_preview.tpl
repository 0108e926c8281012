{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small"><li class="breadcrumb-item"><a href="/restructurings">Sắp xếp tổ chức</a></li><li class="breadcrumb-item active" aria-current="page">Xem trước</li></ol></nav>
<h1 class="h3">Xem trước: {{KIND_LABEL}} từ {{EFFECTIVE}}</h1>
<p>Căn cứ: {{LEGAL_BASIS}}</p>
<div class="alert alert-warning" role="status">Chưa có gì được ghi. Hãy đọc kỹ những thay đổi dưới đây rồi bấm “Xác nhận sắp xếp”.</div>
<h2 class="h5">Những gì sẽ thay đổi</h2>
<ol id="preview-lines">{{#LINE}}<li>{{TEXT}}</li>{{/LINE}}</ol>
{{#NOTE_LINE}}<p class="small text-muted">{{TEXT}}</p>{{/NOTE_LINE}}
<table class="table table-sm w-auto"><caption class="visually-hidden">Tóm tắt</caption><tbody>
<tr><th scope="row">Đơn vị lập mới</th><td class="text-end">{{C_CREATED}}</td></tr>
<tr><th scope="row">Đơn vị chuyển (cả cấp dưới)</th><td class="text-end">{{C_MOVED}}</td></tr>
<tr><th scope="row">Đơn vị kết thúc hoạt động</th><td class="text-end">{{C_CLOSED}}</td></tr>
<tr><th scope="row">Đơn vị đổi tên</th><td class="text-end">{{C_RENAMED}}</td></tr>
<tr><th scope="row">Người chuyển sinh hoạt</th><td class="text-end">{{C_PEOPLE}}</td></tr>
<tr><th scope="row">Hộ gia đình chuyển</th><td class="text-end">{{C_HOUSEHOLDS}}</td></tr>
</tbody></table>
<form method="post" action="/restructurings" class="d-inline">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  {{#HIDDEN}}<textarea name="{{NAME}}" hidden aria-hidden="true">{{VALUE:pre_escape}}</textarea>{{/HIDDEN}}
  <button class="btn btn-primary" type="submit">Xác nhận sắp xếp</button>
</form>
<a class="btn btn-link" href="/restructurings/new">Làm lại</a>
