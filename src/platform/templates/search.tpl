{{%AUTOESCAPE context="HTML"}}
<h1 class="h3">Tìm kiếm</h1>
<form class="mb-3" action="/search" method="get" role="search">
  <div class="input-group">
    <input class="form-control" type="search" name="q" value="{{Q}}" placeholder="Ví dụ: khuoi cuong, luong thi thoi" aria-label="Từ khóa">
    <button class="btn btn-primary" type="submit">Tìm</button>
  </div>
  <div class="form-text">Gõ có dấu hay không dấu đều được; chỉ hiện kết quả trong phạm vi bạn được giao.</div>
</form>
{{#HAS_QUERY}}
<p class="text-muted">{{COUNT}} kết quả cho “{{Q}}”.</p>
<ul class="list-group">
{{#HIT}}<li class="list-group-item d-flex justify-content-between align-items-center"><a class="search-result" href="{{URL}}">{{TITLE}}</a><span class="badge text-bg-light">{{KIND}}</span></li>{{/HIT}}
</ul>
{{#NONE}}<p>Không tìm thấy kết quả nào. Hãy thử ít từ hơn.</p>{{/NONE}}
{{/HAS_QUERY}}
