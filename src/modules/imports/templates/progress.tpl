{{%AUTOESCAPE context="HTML"}}
<div id="import-progress" class="alert alert-info import-progress" role="status" aria-live="polite"{{#POLL}} hx-get="/imports/{{ID}}/progress" hx-trigger="load delay:1s" hx-swap="outerHTML"{{/POLL}}>
{{#RUNNING}}<div class="fw-bold">Bước {{STEP}}/{{STEPS}}: {{STAGE}}…</div><progress class="w-100" max="{{STEPS}}" value="{{STEP}}">{{STEP}}/{{STEPS}}</progress><div class="small">Đã chạy {{SECONDS}} giây. Vui lòng không đóng trang.</div>{{/RUNNING}}
{{#WAITING}}Đang xử lý…{{/WAITING}}
{{#DONE}}Đã nhập xong.{{/DONE}}
</div>
