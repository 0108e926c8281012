{{%AUTOESCAPE context="HTML"}}
<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} — Hái hoa dân chủ</title>
<link rel="stylesheet" href="/static/bootstrap.min.css?v={{V}}"><link rel="stylesheet" href="/static/app.css?v={{V}}"></head>
<body class="draw-stage">
<header class="d-flex flex-wrap justify-content-between align-items-center gap-2 px-3 py-2"><a class="text-white" href="/units/{{UNIT_ID}}/quizzes">← {{UNIT_NAME}}</a><span class="small">{{PICKED}}/{{FLOWERS}} bông · {{RIGHT}} đúng{{#MEETING}} · sinh hoạt {{DATE}}{{/MEETING}}</span></header>
<main class="container-fluid px-3 pb-4">
<h1 class="h4 text-center my-2">{{TITLE}}</h1>
{{#ERRORS}}<div class="alert alert-warning" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
{{#CLOSED}}<p class="text-center">Buổi hái hoa đã kết thúc: {{PICKED}} câu hỏi, {{RIGHT}} câu trả lời đúng.</p>{{/CLOSED}}
{{#OPENED}}<section class="draw-question mx-auto mb-3" aria-live="polite">
  <div class="small">Bông hoa số {{POSITION}} · {{CATEGORY}}</div>
  <p class="fs-4 fw-bold my-2 question-text">{{QUESTION}}</p>
  {{#OPTIONS}}<ol class="fs-5 draw-options" type="A">{{#O}}<li>{{TEXT}}</li>{{/O}}</ol>{{/OPTIONS}}
  <details class="mb-2"><summary>Đáp án (người dẫn)</summary><p class="mb-1 draw-answer">{{ANSWER}}</p>{{#EXPLANATION}}<p class="small mb-1">{{TEXT}}</p>{{/EXPLANATION}}{{#SOURCE}}<p class="small mb-0">Nguồn: {{TEXT}}</p>{{/SOURCE}}</details>
  {{#JUDGE}}<form method="post" action="/draws/{{DRAW_ID}}/picks/{{PICK_ID}}" class="row g-2" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <div class="col-sm-4"><label class="form-label small" for="participant">Người trả lời</label><input class="form-control" id="participant" name="participant" value="{{PARTICIPANT}}" maxlength="200"></div>
    <div class="col-sm-3"><label class="form-label small" for="team">Đội</label><input class="form-control" id="team" name="team" value="{{TEAM}}" maxlength="100"></div>
    <div class="col-sm-2"><label class="form-label small" for="points">Điểm</label><input class="form-control" id="points" name="points" value="{{POINTS}}" inputmode="numeric"></div>
    <div class="col-sm-3 d-flex align-items-end gap-2"><button class="btn btn-success" type="submit" name="correct" value="1">Đúng</button><button class="btn btn-outline-danger" type="submit" name="correct" value="0">Sai</button></div>
    {{#ERR_POINTS}}<div class="field-error">{{MSG}}</div>{{/ERR_POINTS}}
  </form>{{/JUDGE}}
</section>{{/OPENED}}
<ol class="flower-tree list-unstyled" aria-label="Cây hoa dân chủ">
{{#FLOWER}}<li>{{#FRESH}}<form method="post" action="/draws/{{DRAW_ID}}/picks"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="position" value="{{N}}"><button class="flower" type="submit" aria-label="Hái bông hoa số {{N}}">{{N}}</button></form>{{/FRESH}}{{#TAKEN}}<a class="flower picked {{#RIGHT}}right{{/RIGHT}}{{#WRONG}}wrong{{/WRONG}}" href="/draws/{{DRAW_ID}}?pick={{PICK_ID}}" aria-label="Bông hoa số {{N}} đã hái">{{N}}{{#WHO}}<span class="who">{{TEXT}}</span>{{/WHO}}</a>{{/TAKEN}}{{#VIEW}}<span class="flower">{{N}}</span>{{/VIEW}}</li>
{{/FLOWER}}</ol>
{{#CAN_CLOSE}}<form method="post" action="/draws/{{DRAW_ID}}/close" class="text-center"><input type="hidden" name="_csrf" value="{{CSRF}}"><button class="btn btn-light" type="submit">Kết thúc và lưu kết quả</button></form>{{/CAN_CLOSE}}
{{#RESULTS}}<table class="table table-sm table-dark mt-3 draw-results"><thead><tr><th>Bông</th><th>Người trả lời</th><th>Đội</th><th>Kết quả</th><th class="text-end">Điểm</th></tr></thead>
<tbody>{{#ROW}}<tr><td>{{N}}</td><td>{{WHO}}</td><td>{{TEAM}}</td><td>{{RESULT}}</td><td class="text-end">{{POINTS}}</td></tr>{{/ROW}}</tbody></table>{{/RESULTS}}
</main>
</body></html>
