{{%AUTOESCAPE context="HTML"}}
{{#SAVED}}Đã lưu{{/SAVED}}{{#ERROR}}<span class="text-danger">{{MESSAGE}}</span>{{/ERROR}}
