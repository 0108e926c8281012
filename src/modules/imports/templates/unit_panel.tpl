{{%AUTOESCAPE context="HTML"}}
<p class="small mb-4" id="imports"><a class="btn btn-sm btn-outline-secondary" href="/units/{{UNIT_ID}}/imports">Nhập {{WHAT}} từ tệp Excel, CSV</a></p>
