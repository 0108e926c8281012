#pragma once
// Reading one sheet of an Excel workbook (.xlsx, Office Open XML) as rows of cell strings, for imports. Only what
// an import needs: shared and inline strings, numbers, booleans, cached results of formulas, dates (as serials,
// converted to ISO when the cell's format is a date or the caller says the column holds dates), merged ranges.
// Nothing is evaluated and nothing is written. Poco::Zip opens the package and Poco::XML (SAX) reads its parts.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kernel/error.hpp"

namespace ct05::xlsx {

//! One row of the sheet.
struct Row {
  std::size_t number = 0;          //!< the row number Excel shows (1-based)
  std::vector<std::string> cells;  //!< column A first; missing cells are ""; never trimmed
};

//! A range of merged cells ("A1:D1"), 1-based rows and 0-based columns, inclusive.
struct MergedRange {
  std::string ref;
  std::size_t first_row = 0, last_row = 0;
  std::size_t first_column = 0, last_column = 0;
  //! True when the range covers any cell of the given row.
  bool covers_row(std::size_t row) const { return row >= first_row && row <= last_row; }
};

//! A cell whose value the reader will not make up: a formula saved without its result (the file was written by a
//! program that does not calculate) or an error value (#N/A, #DIV/0!). Its cell in `rows` is "".
struct RefusedCell {
  std::size_t row = 0;     //!< 1-based
  std::size_t column = 0;  //!< 0-based
  std::string ref;         //!< "C5"
  std::string message;     //!< Vietnamese, names the cell
};

//! The sheet read.
struct Sheet {
  std::string name;
  std::vector<Row> rows;  //!< in sheet order
  std::vector<MergedRange> merged;
  std::vector<RefusedCell> refused;
  bool date1904 = false;  //!< the workbook counts dates from 1904 (old Mac Excel)
};

//! How to read.
struct ReadOptions {
  //! The sheet to read by name; "" reads the first sheet of the workbook.
  std::string sheet;
  //! 0-based columns that hold dates: a number there is a date serial and becomes "YYYY-MM-DD" even when the
  //! cell's format does not say so (users often type dates into General cells of a template). Text is kept as is.
  std::vector<std::size_t> date_columns;
  //! Rows whose cells are all "" (and that hold no refused cell) are left out.
  bool skip_blank_rows = true;
  //! Refuse a file larger than this (bytes, as uploaded).
  std::size_t max_bytes = 16 * 1024 * 1024;
  //! Refuse a part of the package that unpacks to more than this (bytes): a defence against zip bombs.
  std::size_t max_part_bytes = 64 * 1024 * 1024;
  //! Refuse a sheet with more rows than this.
  std::size_t max_rows = 100000;
  //! Refuse a sheet whose rows hold more cells than this, counting the empty cells before a row's last one (a row
  //! is as wide as its last cell): one value in column XFD of each row would otherwise ask for 16,384 cells a row.
  //! 100,000 rows of 40 columns fit.
  std::size_t max_cells = 4000000;
};

//! Reads one sheet. Refusals are Error::invalid (field "file") with a Vietnamese message: not an .xlsx file (a
//! legacy .xls, a CSV renamed, a damaged or encrypted package), no such sheet, too large (bytes, unpacked parts,
//! rows, cells), a part that is not well-formed XML, that declares a DTD or entities, that nests deeper than any
//! workbook does, or that is in an encoding other than UTF-8 and UTF-16 (each part's BOM, first bytes and
//! declaration are read; a DTD is refused whatever the encoding). Formulas without a cached value and error values are
//! listed in Sheet::refused instead, so the caller can name the row.
Result<Sheet> read(std::string_view bytes, const ReadOptions& options = {});

//! The names of the workbook's sheets, in workbook order.
Result<std::vector<std::string>> sheet_names(std::string_view bytes);

//! An Excel date serial as "YYYY-MM-DD", or "YYYY-MM-DD HH:MM:SS" when it has a time of day. The 1900 system
//! keeps Excel's fictitious 29/02/1900 (serial 60), so serials from 61 on are the dates Excel shows; nothing
//! is returned for serial 60, negative serials and serials past 9999-12-31.
std::optional<std::string> serial_to_iso(double serial, bool date1904 = false);

//! "A" for column 0, "Z" for 25, "AA" for 26, …
std::string column_name(std::size_t column);
//! "C5" → {5, 2} (1-based row, 0-based column); nothing when the reference is not of that shape.
std::optional<std::pair<std::size_t, std::size_t>> parse_ref(std::string_view ref);

//! True when an Excel number format shows a date or a time: the built-in ids 14–22, 45–47, or a format code with
//! day, month, year, hour or second placeholders outside quotes, brackets and escapes ("dd/mm/yyyy", "[$-42A]d/m/yy").
bool is_date_format(int num_fmt_id, std::string_view format_code);

}  // namespace ct05::xlsx
