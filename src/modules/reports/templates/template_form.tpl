{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small"><li class="breadcrumb-item"><a href="/report-templates">Mẫu báo cáo</a></li><li class="breadcrumb-item active" aria-current="page">{{KIND_LABEL}}</li></ol></nav>
<h1 class="h3 mb-1">Mẫu "{{KIND_LABEL}}"</h1>
<p class="text-muted">Đang dùng phiên bản {{VERSION}}. Lưu sẽ tạo phiên bản {{NEXT_VERSION}}.</p>
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
<form method="post" action="/report-templates/{{CODE}}" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="mb-3"><label class="form-label" for="title">Trích yếu (dòng dưới chữ "BÁO CÁO")</label><input class="form-control" id="title" name="title" value="{{TITLE}}" maxlength="500">{{#ERR_TITLE}}<div class="field-error">{{MSG}}</div>{{/ERR_TITLE}}</div>
  <div class="mb-3"><label class="form-label" for="body">Nội dung</label><textarea class="form-control font-monospace" id="body" name="body" rows="22">{{BODY:pre_escape}}</textarea>
    <div class="form-text">Mỗi dòng một đoạn. Dòng bắt đầu bằng "# " là đề mục lớn, "## " là đề mục nhỏ, "- " là một gạch đầu dòng; dòng <code>[bang:ten_bang]</code> chèn một bảng số liệu.</div>{{#ERR_BODY}}<div class="field-error">{{MSG}}</div>{{/ERR_BODY}}</div>
  <div class="mb-3"><label class="form-label" for="recipients">Nơi nhận (mỗi dòng một nơi)</label><textarea class="form-control" id="recipients" name="recipients" rows="4">{{RECIPIENTS:pre_escape}}</textarea>{{#ERR_RECIPIENTS}}<div class="field-error">{{MSG}}</div>{{/ERR_RECIPIENTS}}</div>
  <div class="mb-3"><label class="form-label" for="note">Lý do sửa, văn bản hướng dẫn áp dụng</label><input class="form-control" id="note" name="note" value="{{NOTE}}" maxlength="1000">{{#ERR_NOTE}}<div class="field-error">{{MSG}}</div>{{/ERR_NOTE}}</div>
  <button class="btn btn-primary" type="submit">Lưu phiên bản mới</button> <a class="btn btn-link" href="/report-templates">Hủy</a>
</form>
<h2 class="h5 mt-4">Số liệu dùng được</h2>
<div class="table-responsive"><table class="table table-sm small"><tbody>
{{#PLACEHOLDER}}<tr><td><code>{{NAME}}</code></td><td>{{DESCRIPTION}}</td></tr>{{/PLACEHOLDER}}
{{#TABLE}}<tr><td><code>{{NAME}}</code></td><td>{{DESCRIPTION}}</td></tr>{{/TABLE}}
</tbody></table></div>
<h2 class="h5 mt-4">Các phiên bản</h2>
<ul class="small">{{#HISTORY}}<li>Phiên bản {{VERSION}} · {{DATE}} · {{BY}}{{#HAS_NOTE}} — {{NOTE}}{{/HAS_NOTE}}</li>{{/HISTORY}}</ul>
