#include "platform/exports/exports.hpp"

#include <cctype>
#include <cstdio>
#include <variant>

#include "kernel/text.hpp"

namespace ct05::exports {

namespace {

std::string csv_field(const xlsx::Cell& cell) {
  if (std::holds_alternative<std::monostate>(cell)) return "";
  if (const auto* n = std::get_if<std::int64_t>(&cell)) return std::to_string(*n);
  if (const auto* d = std::get_if<double>(&cell)) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.15g", *d);
    return buf;
  }
  if (const auto* day = std::get_if<xlsx::Date>(&cell)) return xlsx::date_text(*day);
  std::string s = std::get<std::string>(cell);
  if (!s.empty() && std::string_view("=+-@").find(s[0]) != std::string_view::npos) s = "'" + s;
  if (s.find_first_of(",;\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + '"';
}

}  // namespace

std::optional<Format> format_of(std::string_view name) {
  std::string lower;
  for (char ch : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (lower == "xlsx") return Format::kXlsx;
  if (lower == "csv") return Format::kCsv;
  return std::nullopt;
}

std::string csv(const xlsx::Table& table) {
  std::string out = "\xEF\xBB\xBF";
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    if (i) out += ',';
    out += csv_field(xlsx::Cell{table.columns[i].header});
  }
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      out += csv_field(row[i]);
    }
    out += "\r\n";
  }
  return out;
}

std::string file_stem(std::string_view name) {
  std::string out;
  for (char ch : kernel::fold(name)) {
    bool ok = std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '_';
    if (ok) out += ch;
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && (out.back() == '-' || out.back() == '.')) out.pop_back();
  return out.empty() ? "ct05" : out;
}

http::Response download(const std::vector<xlsx::Table>& tables, std::string_view stem, Format format) {
  std::string name = file_stem(stem);
  if (format == Format::kCsv) {
    static const xlsx::Table kEmpty{};
    auto r = http::Response::text(csv(tables.empty() ? kEmpty : tables.front()), 200, "text/csv; charset=utf-8");
    r.header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
    return r;
  }
  auto r = http::Response::text(xlsx::write(tables), 200, xlsx::kContentType);
  r.header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"");
  return r;
}

}  // namespace ct05::exports
