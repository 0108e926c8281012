{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small"><li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}">{{UNIT_NAME}}</a></li><li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}/ethics">Chuẩn mực đạo đức công vụ</a></li><li class="breadcrumb-item active" aria-current="page">Công bố phiên bản mới</li></ol></nav>
<h1 class="h3 mb-1">Công bố chuẩn mực đạo đức công vụ</h1>
<p class="text-muted">{{UNIT_NAME}} · phiên bản {{NEXT_VERSION}}{{#REPLACES}}, thay cho phiên bản {{VERSION}} ngày {{DATE}}{{/REPLACES}}</p>
<p class="small">Phiên bản đã công bố không sửa được. Khi công bố phiên bản mới, mọi người đang sinh hoạt tại đơn vị và các đơn vị trực thuộc cần đọc và xác nhận lại.</p>
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
{{#ERR_UNIT_ID}}<div class="alert alert-danger" role="alert">{{MSG}}</div>{{/ERR_UNIT_ID}}
<form method="post" action="/units/{{UNIT_ID}}/ethics" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="mb-3"><label class="form-label" for="title">Tên bộ chuẩn mực</label><input class="form-control" id="title" name="title" value="{{TITLE}}" maxlength="300" required>{{#ERR_TITLE}}<div class="field-error">{{MSG}}</div>{{/ERR_TITLE}}</div>
  <div class="mb-3"><label class="form-label" for="body">Nội dung</label><textarea class="form-control" id="body" name="body" rows="14" maxlength="20000" required>{{BODY:pre_escape}}</textarea>
    <div class="form-text">Mỗi chuẩn mực một đoạn; để một dòng trống giữa các đoạn.</div>{{#ERR_BODY}}<div class="field-error">{{MSG}}</div>{{/ERR_BODY}}</div>
  <div class="mb-3"><label class="form-label" for="note">Điểm thay đổi so với phiên bản trước (không bắt buộc)</label><textarea class="form-control" id="note" name="note" rows="2" maxlength="2000">{{NOTE:pre_escape}}</textarea>{{#ERR_NOTE}}<div class="field-error">{{MSG}}</div>{{/ERR_NOTE}}</div>
  <button class="btn btn-primary" type="submit">Công bố</button> <a class="btn btn-link" href="/units/{{UNIT_ID}}/ethics">Hủy</a>
</form>
