#pragma once
// CSV files as users make them (Excel "CSV UTF-8", LibreOffice, Google Sheets, a text editor): RFC 4180 quoting,
// CRLF, LF or CR line ends, with or without a UTF-8 BOM, comma, semicolon or tab between fields. Pure parsing,
// no I/O, nothing specific to one import: a file becomes rows of cell strings, each with the line it started on,
// so an import can say "dòng 7" the way the user's editor numbers it.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kernel/error.hpp"

namespace ct05::csv {

//! One record of the file.
struct Row {
  std::size_t line = 0;            //!< 1-based line of the file where the record starts
  std::vector<std::string> cells;  //!< as written, quotes removed ("" inside quotes → "); never trimmed
};

//! What separates fields.
enum class Delimiter { kAuto, kComma, kSemicolon, kTab };

//! How to read.
struct ReadOptions {
  //! kAuto takes whichever of ',', ';' and tab occurs most often outside quotes in the first record (',' on a tie):
  //! Excel writes ';' where the list separator of the system is ';'.
  Delimiter delimiter = Delimiter::kAuto;
  //! Records whose cells are all empty (",,,", or a blank line) are left out.
  bool skip_blank_rows = true;
  //! Refuse a file larger than this (bytes).
  std::size_t max_bytes = 16 * 1024 * 1024;
  //! Refuse a file with more records than this.
  std::size_t max_rows = 100000;
};

//! Parses a whole file. Refusals are Error::invalid with a Vietnamese message (field "file"): not UTF-8 (with
//! the line of the first bad byte), a quote left open (with the line it opened on), a stray character after a
//! closing quote, too large. An empty file (or one with only a BOM and blank lines) gives no rows, not an error:
//! the caller decides what an empty import means.
Result<std::vector<Row>> read(std::string_view bytes, const ReadOptions& options = {});

//! Strips a leading UTF-8 byte order mark, if any.
std::string_view strip_bom(std::string_view bytes);

//! One line of CSV: each cell quoted when it holds the delimiter, a quote, CR or LF (for templates and reports).
std::string format_row(const std::vector<std::string>& cells, char delimiter = ',');

//! A cell without the spaces around it: ASCII whitespace and the no-break space (U+00A0) spreadsheets leave.
std::string trim_cell(std::string_view s);
//! A whole number written with digits only (at most 9, and the ".0" a spreadsheet may leave), or nothing.
std::optional<int> whole_number(std::string_view s);

}  // namespace ct05::csv
