{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small"><li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}/quizzes">Hái hoa dân chủ — {{UNIT_NAME}}</a></li><li class="breadcrumb-item active" aria-current="page">Đợt thi</li></ol></nav>
<h1 class="h3 mb-1">{{TITLE}}</h1>
<p class="text-muted">{{UNIT_NAME}} · <span class="round-state">{{STATE}}</span> · {{OPENS}} – {{CLOSES}} · {{PER}} câu, {{MINUTES}} phút{{#PUBLIC}} · công khai: <a href="/quiz/{{ID}}">/quiz/{{ID}}</a>{{/PUBLIC}}</p>
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
{{#START}}<form method="post" action="/quiz-rounds/{{ID}}/start" class="mb-3"><input type="hidden" name="_csrf" value="{{CSRF}}"><button class="btn btn-lg btn-primary" type="submit">{{LABEL}}</button></form>{{/START}}
{{#MY_RESULT}}<div class="alert alert-info my-result">Đồng chí đạt <b>{{SCORE}}/{{MAX}}</b> điểm. <a href="/quiz-attempts/{{ATTEMPT}}">Xem bài làm</a></div>{{/MY_RESULT}}
{{#RESULTS}}
<h2 class="h5">Kết quả</h2>
{{>EXPORT}}
<p>Tham gia: <b class="participation">{{PARTICIPANTS}}/{{MEMBERS}}</b> người ({{PERCENT}}%) · điểm trung bình {{AVERAGE}}{{#CITIZENS}} · {{N}} công dân{{/CITIZENS}}</p>
{{#HAS_CHILDREN}}{{>CHILD_CHART}}{{/HAS_CHILDREN}}
<h3 class="h6">Xếp hạng</h3>
{{#NO_RANKING}}<p class="text-muted">Chưa có bài nộp.</p>{{/NO_RANKING}}
<ol class="list-group list-group-numbered mb-2" start="{{START_AT}}">{{#RANK}}<li class="list-group-item d-flex justify-content-between align-items-start"><div class="ms-2 me-auto">{{NAME}} <span class="small text-muted">· {{WHERE}}{{#CITIZEN}} (công dân){{/CITIZEN}}</span></div><div class="text-end"><b>{{SCORE}}/{{MAX}}</b> <span class="small text-muted d-block">{{TIME}}</span></div></li>{{/RANK}}</ol>
{{>PAGER}}
{{/RESULTS}}
