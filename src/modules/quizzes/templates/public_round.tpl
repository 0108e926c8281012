{{%AUTOESCAPE context="HTML"}}
<h1 class="h3 mb-1">{{TITLE}}</h1>
<p class="text-muted">Cuộc thi tìm hiểu do {{UNIT_NAME}} tổ chức · <span class="round-state">{{STATE}}</span> · đóng lúc {{CLOSES}} · {{PER}} câu, {{MINUTES}} phút</p>
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
{{#FORM}}<form method="post" action="/quiz/{{ID}}" class="border rounded p-3" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <label class="form-label" for="name">Họ và tên</label><input class="form-control" id="name" name="name" value="{{NAME}}" maxlength="100" autocomplete="name">{{#ERR_NAME}}<div class="field-error">{{MSG}}</div>{{/ERR_NAME}}
  <label class="form-label mt-2" for="commune">Xã, phường nơi ở</label><input class="form-control" id="commune" name="commune" value="{{COMMUNE}}" maxlength="100">{{#ERR_COMMUNE}}<div class="field-error">{{MSG}}</div>{{/ERR_COMMUNE}}
  <p class="small text-muted mt-2 mb-2">Chỉ họ tên và xã, phường được ghi lại, để xếp hạng; ct05 không lưu thông tin nào khác về người dự thi.</p>
  <button class="btn btn-primary" type="submit">Bắt đầu làm bài</button>
</form>{{/FORM}}
