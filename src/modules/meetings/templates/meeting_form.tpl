{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small"><li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}">{{UNIT_NAME}}</a></li><li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}/meetings">Sinh hoạt</a></li><li class="breadcrumb-item active" aria-current="page">{{HEADING}}</li></ol></nav>
<h1 class="h3">{{HEADING}}</h1>
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="row g-2">
    <div class="col-sm-4"><label class="form-label" for="held_on">Ngày sinh hoạt</label><input class="form-control" type="date" id="held_on" name="held_on" value="{{HELD_ON}}" required>{{#ERR_HELD_ON}}<div class="field-error">{{MSG}}</div>{{/ERR_HELD_ON}}</div>
    <div class="col-sm-4"><label class="form-label" for="kind">Hình thức</label><select class="form-select" id="kind" name="kind">{{#KIND}}<option value="{{VALUE}}" {{#SELECTED}}selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND}}</select>{{#ERR_KIND}}<div class="field-error">{{MSG}}</div>{{/ERR_KIND}}</div>
    <div class="col-12"><label class="form-label" for="topic">Nội dung, chủ đề</label><input class="form-control" id="topic" name="topic" value="{{TOPIC}}" maxlength="300" required>{{#ERR_TOPIC}}<div class="field-error">{{MSG}}</div>{{/ERR_TOPIC}}</div>
    <div class="col-12"><label class="form-label" for="minutes">Biên bản, kết luận</label><textarea class="form-control" id="minutes" name="minutes" rows="5" maxlength="20000">{{MINUTES:pre_escape}}</textarea>{{#ERR_MINUTES}}<div class="field-error">{{MSG}}</div>{{/ERR_MINUTES}}</div>
  </div>
  <fieldset class="border rounded p-2 mt-3">
    <legend class="h6 float-none w-auto px-1">Kể chuyện về Bác</legend>
    <div class="form-check"><input class="form-check-input" type="checkbox" id="story_told" name="story_told" value="1" {{#STORY_TOLD}}checked{{/STORY_TOLD}}><label class="form-check-label" for="story_told">Có kể chuyện về Bác trong buổi sinh hoạt</label></div>
    <div class="row g-2 mt-1">
      <div class="col-sm-7"><label class="form-label small" for="story_title">Tên câu chuyện</label><input class="form-control form-control-sm" id="story_title" name="story_title" value="{{STORY_TITLE}}" maxlength="300">{{#ERR_STORY_TITLE}}<div class="field-error">{{MSG}}</div>{{/ERR_STORY_TITLE}}</div>
      <div class="col-sm-5"><label class="form-label small" for="story_teller">Người kể</label><input class="form-control form-control-sm" id="story_teller" name="story_teller" value="{{STORY_TELLER}}" maxlength="200"></div>
    </div>
  </fieldset>
  <fieldset class="border rounded p-2 mt-3">
    <legend class="h6 float-none w-auto px-1">Hái hoa dân chủ</legend>
    <div class="form-check"><input class="form-check-input" type="checkbox" id="quiz_held" name="quiz_held" value="1" {{#QUIZ_HELD}}checked{{/QUIZ_HELD}}><label class="form-check-label" for="quiz_held">Có tổ chức hái hoa dân chủ</label></div>
    <label class="form-label small mt-1" for="quiz_note">Ghi chú (chủ đề câu hỏi, số người tham gia)</label><input class="form-control form-control-sm" id="quiz_note" name="quiz_note" value="{{QUIZ_NOTE}}" maxlength="1000">
  </fieldset>
  <fieldset class="border rounded p-2 mt-3">
    <legend class="h6 float-none w-auto px-1">Điểm danh ({{MEMBER_COUNT}} người)</legend>
    {{#ERR_ATTENDANCE}}<div class="field-error">{{MSG}}</div>{{/ERR_ATTENDANCE}}
    {{#NO_MEMBERS}}<p class="small text-muted mb-0">Đơn vị chưa có thành viên vào ngày này.</p>{{/NO_MEMBERS}}
    <table class="table table-sm align-middle mb-0 attendance">
      <tbody>{{#MEMBER}}<tr><td><input type="hidden" name="member" value="{{ID}}"><div class="form-check"><input class="form-check-input" type="checkbox" id="present_{{ID}}" name="present_{{ID}}" value="1" {{#PRESENT}}checked{{/PRESENT}}><label class="form-check-label" for="present_{{ID}}">{{NAME}}</label></div></td>
        <td><input class="form-control form-control-sm" name="reason_{{ID}}" value="{{REASON}}" maxlength="300" placeholder="Lý do vắng" aria-label="Lý do vắng của {{NAME}}"></td></tr>{{/MEMBER}}</tbody>
    </table>
  </fieldset>
  <button class="btn btn-primary mt-3" type="submit">Lưu buổi sinh hoạt</button>
</form>
