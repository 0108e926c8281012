{{%AUTOESCAPE context="HTML"}}
{{#PAGES}}
<nav class="my-2" aria-label="Phân trang">
  <ul class="pagination pagination-sm flex-wrap">
    {{#PREV}}<li class="page-item"><a class="page-link" href="{{HREF}}" rel="prev">« Trước</a></li>{{/PREV}}
    <li class="page-item disabled"><span class="page-link">Trang {{PAGE}}/{{PAGES_TOTAL}} · {{TOTAL}} mục</span></li>
    {{#NEXT}}<li class="page-item"><a class="page-link" href="{{HREF}}" rel="next">Sau »</a></li>{{/NEXT}}
  </ul>
</nav>
{{/PAGES}}
