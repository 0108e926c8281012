#include "modules/ethics/domain/standard.hpp"

#include "kernel/text.hpp"

namespace ct05::ethics {

using kernel::blank_line;
using kernel::char_count;
using kernel::lines_of;

std::string normalize_body(std::string_view body) {
  auto lines = lines_of(body);
  std::size_t first = 0, last = lines.size();
  while (first < last && blank_line(lines[first])) ++first;
  while (last > first && blank_line(lines[last - 1])) --last;
  std::string out;
  for (std::size_t i = first; i < last; ++i) {
    if (i > first) out += '\n';
    out += blank_line(lines[i]) ? std::string() : lines[i];
  }
  return out;
}

StandardInput normalized(StandardInput in) {
  auto trim = [](std::optional<std::string>& s) {
    if (!s) return;
    auto b = s->find_first_not_of(" \t\r\n"), e = s->find_last_not_of(" \t\r\n");
    *s = b == std::string::npos ? std::string() : s->substr(b, e - b + 1);
  };
  trim(in.title);
  trim(in.note);
  if (in.body) in.body = normalize_body(*in.body);
  return in;
}

std::vector<FieldError> validate(const StandardInput& in) {
  std::vector<FieldError> e;
  const std::string title = in.title.value_or(""), body = in.body.value_or(""), note = in.note.value_or("");
  if (title.empty())
    e.push_back({"title", "Vui lòng nhập tên bộ chuẩn mực."});
  else if (!kernel::valid_utf8(title))
    e.push_back({"title", "Tên bộ chuẩn mực có ký tự không hợp lệ."});
  else if (char_count(title) > kMaxTitle)
    e.push_back({"title", "Tên bộ chuẩn mực quá dài (tối đa 300 ký tự)."});
  if (body.empty())
    e.push_back({"body", "Vui lòng nhập nội dung các chuẩn mực."});
  else if (!kernel::valid_utf8(body))
    e.push_back({"body", "Nội dung có ký tự không hợp lệ."});
  else if (char_count(body) > kMaxBody)
    e.push_back({"body", "Nội dung quá dài (tối đa 20.000 ký tự)."});
  if (!kernel::valid_utf8(note))
    e.push_back({"note", "Ghi chú có ký tự không hợp lệ."});
  else if (char_count(note) > kMaxNote)
    e.push_back({"note", "Ghi chú về thay đổi quá dài (tối đa 2.000 ký tự)."});
  return e;
}

}  // namespace ct05::ethics
