{{%AUTOESCAPE context="HTML"}}
<p class="export-links d-flex flex-wrap gap-2 align-items-center small mb-2"><span class="text-muted">{{LABEL}}</span>
<a class="btn btn-sm btn-outline-secondary" href="{{XLSX}}" rel="nofollow">Tải Excel</a>
<a class="btn btn-sm btn-outline-secondary" href="{{CSV}}" rel="nofollow">Tải CSV</a></p>
