{{%AUTOESCAPE context="HTML"}}
<figure class="chart mb-4" id="chart-{{ID}}">
  <figcaption class="h6">{{TITLE}}</figcaption>
  <div class="chart-table table-responsive">
  <table class="table table-sm align-middle" data-chart="{{KIND}}">
    <thead><tr><th scope="col">{{LABEL_HEADER}}</th>{{#SERIES}}<th scope="col" class="text-end" data-measure="{{MEASURE}}"{{#TABLE_ONLY}} data-plot="no"{{/TABLE_ONLY}}>{{NAME}}</th>{{/SERIES}}</tr></thead>
    <tbody>{{#ROW}}<tr><th scope="row" class="fw-normal">{{#LINK}}<a href="{{HREF}}">{{LABEL}}</a>{{/LINK}}{{#PLAIN}}{{LABEL}}{{/PLAIN}}</th>{{#CELL}}<td class="text-end" data-value="{{VALUE}}">{{TEXT}}{{#BAR}}<div class="bar"><span class="bar-{{PERCENT}}"></span></div>{{/BAR}}</td>{{/CELL}}</tr>{{/ROW}}</tbody>
  </table>
  </div>
  <p class="small chart-export mb-0"><a href="{{EXPORT}}format=xlsx">Tải Excel</a> · <a href="{{EXPORT}}format=csv">Tải CSV</a></p>
</figure>
