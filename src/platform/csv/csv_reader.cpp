#include "platform/csv/csv_reader.hpp"

#include <algorithm>
#include <cctype>

#include "kernel/text.hpp"

namespace ct05::csv {

namespace {

Error invalid(std::string message) { return Error::invalid({{"file", message}}, std::move(message)); }

// The first record's most frequent separator outside quotes; ',' wins ties (and a one-column file).
char detect(std::string_view s) {
  std::size_t comma = 0, semi = 0, tab = 0;
  bool quoted = false;
  for (char ch : s) {
    if (ch == '"') quoted = !quoted;
    if (quoted) continue;
    if (ch == '\n' || ch == '\r') break;
    if (ch == ',') ++comma;
    if (ch == ';') ++semi;
    if (ch == '\t') ++tab;
  }
  if (semi > comma && semi >= tab) return ';';
  if (tab > comma && tab > semi) return '\t';
  return ',';
}

char delimiter_char(Delimiter d, std::string_view s) {
  switch (d) {
    case Delimiter::kComma:
      return ',';
    case Delimiter::kSemicolon:
      return ';';
    case Delimiter::kTab:
      return '\t';
    case Delimiter::kAuto:
      break;
  }
  return detect(s);
}

// The 1-based line of byte offset `at` (CRLF, LF and CR each end a line).
std::size_t line_of(std::string_view s, std::size_t at) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < at && i < s.size(); ++i) {
    if (s[i] == '\n')
      ++line;
    else if (s[i] == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n'))
      ++line;
  }
  return line;
}

bool blank(const std::vector<std::string>& cells) {
  for (const auto& c : cells)
    if (!c.empty()) return false;
  return true;
}

}  // namespace

std::string_view strip_bom(std::string_view bytes) {
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  return bytes;
}

Result<std::vector<Row>> read(std::string_view bytes, const ReadOptions& options) {
  if (bytes.size() > options.max_bytes)
    return fail(invalid("Tệp CSV quá lớn (tối đa " + std::to_string(options.max_bytes / (1024 * 1024)) + " MB)."));
  std::string_view s = strip_bom(bytes);
  if (!kernel::valid_utf8(s)) {
    // Find the first bad byte to say where: valid_utf8 on growing prefixes would be quadratic, so step by code point.
    std::size_t i = 0;
    while (i < s.size()) {
      auto lead = static_cast<unsigned char>(s[i]);
      std::size_t n = lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : (lead >> 3) == 30 ? 4 : 0;
      if (n == 0 || i + n > s.size() || !kernel::valid_utf8(s.substr(i, n))) break;
      i += n;
    }
    return fail(invalid("Tệp không phải văn bản UTF-8 (lỗi ở dòng " + std::to_string(line_of(s, i)) +
                        "). Trong Excel hãy chọn Lưu thành › \"CSV UTF-8 (phân cách bằng dấu phẩy)\"."));
  }
  const char delim = delimiter_char(options.delimiter, s);
  std::vector<Row> rows;
  Row row;
  std::string cell;
  std::size_t line = 1, i = 0;
  row.line = 1;
  bool at_record_start = true;
  auto end_record = [&]() -> Result<void> {
    row.cells.push_back(std::move(cell));
    cell.clear();
    if (!(options.skip_blank_rows && blank(row.cells))) {
      if (rows.size() >= options.max_rows)
        return fail(invalid("Tệp có quá nhiều dòng (tối đa " + std::to_string(options.max_rows) + ")."));
      rows.push_back(std::move(row));
    }
    row = Row{};
    at_record_start = true;
    return {};
  };
  while (i < s.size()) {
    if (at_record_start) {
      row.line = line;
      at_record_start = false;
    }
    char ch = s[i];
    if (ch == '"' && cell.empty()) {
      // A quoted field: runs to the closing quote, "" is a quote, line ends inside are kept as written.
      const std::size_t opened = line;
      ++i;
      bool closed = false;
      while (i < s.size()) {
        char q = s[i];
        if (q == '"') {
          if (i + 1 < s.size() && s[i + 1] == '"') {
            cell += '"';
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        if (q == '\n' || (q == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n'))) ++line;
        cell += q;
        ++i;
      }
      if (!closed) return fail(invalid("Dấu ngoặc kép mở ở dòng " + std::to_string(opened) + " không được đóng."));
      // Only a separator or a line end may follow the closing quote.
      if (i < s.size() && s[i] != delim && s[i] != '\n' && s[i] != '\r')
        return fail(invalid("Dòng " + std::to_string(line) + ": có ký tự sau dấu ngoặc kép đóng của một ô."));
      continue;
    }
    if (ch == delim) {
      row.cells.push_back(std::move(cell));
      cell.clear();
      ++i;
      continue;
    }
    if (ch == '\r' || ch == '\n') {
      i += (ch == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
      if (auto r = end_record(); !r) return fail(r.error());
      ++line;
      continue;
    }
    cell += ch;
    ++i;
  }
  // The last record, when the file does not end with a line end.
  if (!at_record_start)
    if (auto r = end_record(); !r) return fail(r.error());
  return rows;
}

std::string format_row(const std::vector<std::string>& cells, char delimiter) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += delimiter;
    const auto& c = cells[i];
    if (c.find_first_of(std::string("\"\r\n") + delimiter) == std::string::npos) {
      out += c;
      continue;
    }
    out += '"';
    for (char ch : c) {
      if (ch == '"') out += '"';
      out += ch;
    }
    out += '"';
  }
  return out;
}

std::string trim_cell(std::string_view s) {
  std::size_t a = 0, b = s.size();
  auto space_at = [&](std::size_t i) { return std::isspace(static_cast<unsigned char>(s[i])) != 0; };
  while (true) {
    if (a < b && space_at(a))
      ++a;
    else if (a + 1 < b && s.substr(a, 2) == "\xC2\xA0")
      a += 2;
    else
      break;
  }
  while (true) {
    if (b > a && space_at(b - 1))
      --b;
    else if (b >= a + 2 && s.substr(b - 2, 2) == "\xC2\xA0")
      b -= 2;
    else
      break;
  }
  return std::string(s.substr(a, b - a));
}

std::optional<int> whole_number(std::string_view s) {
  std::string t = trim_cell(s);
  if (t.size() > 2 && t.substr(t.size() - 2) == ".0") t = t.substr(0, t.size() - 2);
  if (t.empty() || t.size() > 9 || !std::all_of(t.begin(), t.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
    return std::nullopt;
  return std::stoi(t);
}

}  // namespace ct05::csv
