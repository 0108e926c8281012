#pragma once
// XLSX out (libxlsxwriter): a workbook of typed cells with a bold, frozen header row and set column widths,
// returned as bytes for a download.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace ct05::xlsx {

//! A cell: empty, text, a whole number or a decimal number (numbers stay numbers in Excel).
using Cell = std::variant<std::monostate, std::string, std::int64_t, double>;

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
