{{%AUTOESCAPE context="HTML"}}
<h1 class="h3">{{HEADING}}</h1>
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="mb-3"><label class="form-label" for="name">Tên mô hình</label><input class="form-control" id="name" name="name" value="{{NAME}}" maxlength="200" required>{{#ERR_NAME}}<div class="field-error">{{MSG}}</div>{{/ERR_NAME}}</div>
  <div class="mb-3"><label class="form-label" for="description">Mô tả</label><textarea class="form-control" id="description" name="description" rows="4" maxlength="4000">{{DESCRIPTION:pre_escape}}</textarea>{{#ERR_DESCRIPTION}}<div class="field-error">{{MSG}}</div>{{/ERR_DESCRIPTION}}</div>
  <div class="mb-3"><label class="form-label" for="metrics">Chỉ số kết quả, mỗi dòng một chỉ số dạng “Tên chỉ số (đơn vị)”</label><textarea class="form-control" id="metrics" name="metrics" rows="4">{{METRICS:pre_escape}}</textarea>
    <div class="form-text">Ví dụ: Số tiền tiết kiệm (đồng). Đổi tên một dòng giữ nguyên số liệu đã báo cáo.</div>{{#ERR_METRICS}}<div class="field-error">{{MSG}}</div>{{/ERR_METRICS}}</div>
  {{#EDITING}}<div class="form-check mb-3"><input class="form-check-input" type="checkbox" id="active" name="active" value="1" {{#ACTIVE}}checked{{/ACTIVE}}><label class="form-check-label" for="active">Đang theo dõi (bỏ chọn để ẩn khỏi danh sách đăng ký)</label></div>{{/EDITING}}
  <button class="btn btn-primary" type="submit">Lưu</button>
</form>
