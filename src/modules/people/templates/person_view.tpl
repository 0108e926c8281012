{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small">
{{#UNIT}}<li class="breadcrumb-item"><a href="/units/{{ID}}">{{NAME}}</a></li>{{/UNIT}}
<li class="breadcrumb-item active" aria-current="page">{{NAME}}</li>
</ol></nav>
{{#FLASH}}<div class="alert alert-success" role="status">{{MESSAGE}}</div>{{/FLASH}}
<h1 class="h3 mb-1">{{NAME}}</h1>
<p class="text-muted">{{POSITION}}{{#INACTIVE}} · <span class="badge text-bg-secondary">Đã thôi sinh hoạt</span>{{/INACTIVE}}</p>
<dl class="facts mb-3">
  <dt>Đơn vị sinh hoạt</dt><dd>{{#UNIT}}<a href="/units/{{ID}}">{{NAME}}</a> (từ {{SINCE}}){{/UNIT}}</dd>
  <dt>Giới tính</dt><dd>{{GENDER}}</dd>
  <dt>Năm sinh</dt><dd>{{BIRTH_YEAR}}</dd>
  <dt>Đối tượng</dt><dd>{{CADRE_STATUS}}</dd>
</dl>
{{#SENSITIVE}}
<div class="sensitive mb-3">
  <p class="small mb-2"><b>Thông tin cá nhân nhạy cảm</b> — chỉ người có thẩm quyền được xem; lần xem này đã được ghi vào nhật ký.</p>
  <dl class="facts mb-0">
    <dt>Dân tộc</dt><dd>{{ETHNICITY}}</dd>
    <dt>Điện thoại</dt><dd>{{PHONE}}</dd>
    <dt>Số CCCD</dt><dd>{{ID_NUMBER}}</dd>
    <dt>Đảng viên</dt><dd>{{#MEMBER}}Có{{#JOIN}} · vào Đảng ngày {{JOIN}}{{/JOIN}}{{#CARD}} · thẻ số {{CARD}}{{/CARD}}{{/MEMBER}}{{#NOT_MEMBER}}Không{{/NOT_MEMBER}}</dd>
    {{#NOTE}}<dt>Ghi chú</dt><dd>{{TEXT}}</dd>{{/NOTE}}
  </dl>
</div>
{{/SENSITIVE}}
{{#NOT_SENSITIVE}}<p class="small text-muted">Thông tin nhạy cảm (dân tộc, điện thoại, số CCCD, đảng tịch) chỉ hiển thị cho người phụ trách đơn vị.</p>{{/NOT_SENSITIVE}}
{{#CAN_EDIT}}
<div class="d-flex flex-wrap gap-2">
  <a class="btn btn-sm btn-outline-primary" href="/people/{{ID}}/edit">Sửa thông tin</a>
  {{#CAN_CREATE_ACCOUNT}}<a class="btn btn-sm btn-outline-primary" href="/admin/accounts/new?person={{ID}}">Tạo tài khoản</a>{{/CAN_CREATE_ACCOUNT}}
</div>
<details class="mt-3">
  <summary class="text-danger">Ghi nhận thôi sinh hoạt</summary>
  <form method="post" action="/people/{{ID}}/deactivate" class="mt-2">
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <p class="form-text">Sinh hoạt tại đơn vị kết thúc hôm nay; hồ sơ và lịch sử được giữ lại.</p>
    <button class="btn btn-sm btn-outline-danger" type="submit">Xác nhận thôi sinh hoạt</button>
  </form>
</details>
{{/CAN_EDIT}}
