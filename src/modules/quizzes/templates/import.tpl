{{%AUTOESCAPE context="HTML"}}
<nav aria-label="Đường dẫn"><ol class="breadcrumb small"><li class="breadcrumb-item"><a href="/units/{{UNIT_ID}}/questions">Bộ câu hỏi — {{UNIT_NAME}}</a></li><li class="breadcrumb-item active" aria-current="page">Nhập từ tệp</li></ol></nav>
<h1 class="h3">Nhập câu hỏi từ tệp</h1>
<p>Tệp XLSX hoặc CSV có dòng đầu là tên cột như tệp tải về: Chủ đề, Loại, Độ khó, Câu hỏi, Phương án A–F, Đáp án (chữ cái, ví dụ <b>B</b> hoặc <b>A,C</b>), Giải thích, Nguồn. <a href="/units/{{UNIT_ID}}/questions.xlsx">Tải tệp mẫu (bộ câu hỏi hiện có)</a>.</p>
{{#ERRORS}}<div class="alert alert-danger" role="alert">{{MESSAGE}}</div>{{/ERRORS}}
{{#DONE}}<div class="alert alert-success import-done" role="status">Đã nhập {{IMPORTED}} câu hỏi.</div>{{/DONE}}
{{#NOTHING}}<div class="alert alert-warning import-nothing" role="status">Chưa nhập câu nào: {{BAD}} trong {{ROWS}} dòng có lỗi. Sửa các dòng dưới đây rồi tải lên lại, hoặc chọn “chỉ nhập các dòng hợp lệ”.</div>{{/NOTHING}}
{{#REPORT}}<table class="table table-sm import-errors"><thead><tr><th>Dòng</th><th>Lỗi</th></tr></thead><tbody>{{#ROW}}<tr><td>{{N}}</td><td>{{MESSAGE}}</td></tr>{{/ROW}}</tbody></table>{{/REPORT}}
<form method="post" action="/units/{{UNIT_ID}}/questions/import" enctype="multipart/form-data" class="border rounded p-3" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <label class="form-label" for="file">Tệp câu hỏi</label><input class="form-control" type="file" id="file" name="file" accept=".xlsx,.csv">{{#ERR_FILE}}<div class="field-error">{{MSG}}</div>{{/ERR_FILE}}
  <div class="form-check mt-2"><input class="form-check-input" type="checkbox" id="valid_only" name="valid_only" value="1" {{#VALID_ONLY}}checked{{/VALID_ONLY}}><label class="form-check-label" for="valid_only">Chỉ nhập các dòng hợp lệ (bỏ qua các dòng có lỗi)</label></div>
  <button class="btn btn-primary mt-2" type="submit">Nhập</button>
</form>
