#include "platform/xlsx/xlsx_writer.hpp"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <xlsxwriter.h>

#include "kernel/text.hpp"

namespace ct05::xlsx {

namespace {

// Excel refuses these in sheet names.
std::string sheet_name(const std::string& name, std::size_t index) {
  std::string out;
  for (char ch : name) out += std::string("[]:*?/\\").find(ch) == std::string::npos ? ch : '-';
  // 31 characters, not bytes: cut at a code point boundary by counting.
  std::string cut;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < out.size() && chars < 31;) {
    std::size_t len = 1;
    unsigned char c = static_cast<unsigned char>(out[i]);
    if (c >= 0xF0) len = 4;
    else if (c >= 0xE0) len = 3;
    else if (c >= 0xC0) len = 2;
    cut += out.substr(i, len);
    i += len;
    ++chars;
  }
  return cut.empty() ? "Sheet" + std::to_string(index + 1) : cut;
}

bool digits(std::string_view s) {
  for (char ch : s)
    if (ch < '0' || ch > '9') return false;
  return !s.empty();
}

}  // namespace

Cell date_cell(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return {};
  if (!digits(iso.substr(0, 4)) || !digits(iso.substr(5, 2)) || !digits(iso.substr(8, 2))) return {};
  Date d{std::stoi(std::string(iso.substr(0, 4))), std::stoi(std::string(iso.substr(5, 2))),
         std::stoi(std::string(iso.substr(8, 2)))};
  if (d.year < 1900 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return {};
  return d;
}

std::string date_text(const Date& d) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
  return buf;
}

std::string write(const std::vector<Table>& sheets) {
  // libxlsxwriter 1.1 writes to a file only: a private temporary one, read back and removed.
  char path[] = "/tmp/ct05-xlsx-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) throw std::runtime_error("xlsx: cannot create a temporary file");
  close(fd);
  lxw_workbook* wb = workbook_new(path);
  if (!wb) {
    std::remove(path);
    throw std::runtime_error("xlsx: cannot start a workbook");
  }
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  format_set_bg_color(bold, 0xE8EEF4);
  format_set_text_wrap(bold);
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "dd/mm/yyyy");
  format_set_align(date, LXW_ALIGN_LEFT);
  for (std::size_t s = 0; s < sheets.size(); ++s) {
    const auto& sheet = sheets[s];
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name(sheet.name, s).c_str());
    for (std::size_t col = 0; col < sheet.columns.size(); ++col) {
      auto c = static_cast<lxw_col_t>(col);
      worksheet_set_column(ws, c, c, sheet.columns[col].width, sheet.columns[col].width > 30 ? wrap : nullptr);
      worksheet_write_string(ws, 0, c, sheet.columns[col].header.c_str(), bold);
    }
    worksheet_freeze_panes(ws, 1, 0);
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
      auto row = static_cast<lxw_row_t>(r + 1);
      for (std::size_t col = 0; col < sheet.rows[r].size(); ++col) {
        auto c = static_cast<lxw_col_t>(col);
        const auto& cell = sheet.rows[r][col];
        if (const auto* t = std::get_if<std::string>(&cell)) {
          // Text is written as text: "=SUM(…)" typed by a user never becomes a formula.
          if (!t->empty()) worksheet_write_string(ws, row, c, t->c_str(), nullptr);
        } else if (const auto* i = std::get_if<std::int64_t>(&cell)) {
          worksheet_write_number(ws, row, c, static_cast<double>(*i), nullptr);
        } else if (const auto* d = std::get_if<double>(&cell)) {
          worksheet_write_number(ws, row, c, *d, nullptr);
        } else if (const auto* day = std::get_if<Date>(&cell)) {
          lxw_datetime dt{day->year, day->month, day->day, 0, 0, 0.0};
          worksheet_write_datetime(ws, row, c, &dt, date);
        }
      }
    }
  }
  lxw_error err = workbook_close(wb);
  std::string bytes;
  if (err == LXW_NO_ERROR) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    bytes = ss.str();
  }
  std::remove(path);
  if (err != LXW_NO_ERROR) throw std::runtime_error(std::string("xlsx: ") + lxw_strerror(err));
  return bytes;
}

}  // namespace ct05::xlsx
