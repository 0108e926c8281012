#include "modules/ethics/domain/standard.hpp"

#include "kernel/text.hpp"

namespace ct05::ethics {

namespace {

bool blank(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

// The text's lines without their ends and without trailing spaces or tabs.
std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> out;
  std::string line;
  auto flush = [&] {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
    out.push_back(std::move(line));
    line.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (ch == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      flush();
    } else if (ch == '\n') {
      flush();
    } else {
      line += ch;
    }
  }
  flush();
  return out;
}

}  // namespace

std::size_t char_count(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char ch : s)
    if ((ch & 0xC0) != 0x80) ++n;
  return n;
}

std::string normalize_body(std::string_view body) {
  auto lines = lines_of(body);
  std::size_t first = 0, last = lines.size();
  while (first < last && blank(lines[first])) ++first;
  while (last > first && blank(lines[last - 1])) --last;
  std::string out;
  for (std::size_t i = first; i < last; ++i) {
    if (i > first) out += '\n';
    out += blank(lines[i]) ? std::string() : lines[i];
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

std::vector<std::vector<std::string>> paragraphs(std::string_view body) {
  std::vector<std::vector<std::string>> out;
  bool open = false;
  for (auto& line : lines_of(body)) {
    if (blank(line)) {
      open = false;
      continue;
    }
    if (!open) out.emplace_back();
    open = true;
    out.back().push_back(std::move(line));
  }
  return out;
}

}  // namespace ct05::ethics
