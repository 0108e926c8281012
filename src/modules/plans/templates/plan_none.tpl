{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small">
<li class="breadcrumb-item"><a href="{{BACK}}">{{BACK_NAME}}</a></li>
<li class="breadcrumb-item active" aria-current="page">{{KIND_LABEL}} năm {{YEAR}}</li>
</ol></nav>
<h1 class="h3">{{TITLE}}</h1>
{{#THEME}}<p class="text-muted">Nội dung đột phá năm {{YEAR}}: {{TEXT}}</p>{{/THEME}}
<p>Chưa có {{KIND_LOWER}} năm {{YEAR}}.</p>
{{#CAN_CREATE}}
<form method="post" action="{{ACTION}}">
  <input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="year" value="{{YEAR}}">
  <button class="btn btn-primary" type="submit">Lập {{KIND_LOWER}} năm {{YEAR}}</button>
</form>
{{/CAN_CREATE}}
<p class="mt-3 small">{{#YEARS}}<a class="me-2" href="{{HREF}}">{{Y}}</a>{{/YEARS}}</p>
