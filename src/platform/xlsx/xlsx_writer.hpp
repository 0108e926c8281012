#pragma once
// XLSX out (libxlsxwriter): a workbook of typed cells with a bold, frozen header row and set column widths,
// returned as bytes for a download.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ct05::xlsx {

//! A calendar date: written as a real Excel date shown dd/mm/yyyy (and as dd/mm/yyyy in CSV).
struct Date {
  int year = 0, month = 0, day = 0;
  bool operator==(const Date&) const = default;
};

//! A cell: empty, text, a whole number, a decimal number or a date (numbers and dates stay typed in Excel).
using Cell = std::variant<std::monostate, std::string, std::int64_t, double, Date>;

//! The date cell of an ISO "YYYY-MM-DD…" text (a timestamp's date part), or an empty cell when it is not one.
Cell date_cell(std::string_view iso);
//! "dd/mm/yyyy".
std::string date_text(const Date& d);

struct Column {
  std::string header;
  double width = 15;  //!< in Excel's character units
};

//! One worksheet to write (named Table, not Sheet: xlsx_reader.hpp's Sheet is what a read gives).
struct Table {
  std::string name;  //!< Vietnamese names are fine; cut to 31 characters, Excel's limit
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
};

//! The workbook's bytes. Throws std::runtime_error when libxlsxwriter fails (disk full, …).
std::string write(const std::vector<Table>& sheets);

//! The Content-Type of an XLSX download.
constexpr const char* kContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace ct05::xlsx
