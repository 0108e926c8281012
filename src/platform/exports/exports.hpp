#pragma once
// Downloads of a list: the same xlsx::Table as XLSX (typed cells, frozen header) or as CSV (UTF-8 with a BOM so
// Excel opens it right, CRLF, quoted where needed). Every list's export builds one Table from the rows the page
// shows (its filters and the user's scope) and answers with download().
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/http/http.hpp"
#include "platform/xlsx/xlsx_writer.hpp"

namespace ct05::exports {

enum class Format { kXlsx, kCsv };

//! "xlsx" or "csv" (any case); anything else is nullopt.
std::optional<Format> format_of(std::string_view name);

//! The table as CSV: BOM, the header row, then the rows; numbers written plainly, decimals with a dot.
//! A text cell that starts with = + - @ gets a leading apostrophe, so a spreadsheet never runs it as a formula.
std::string csv(const xlsx::Table& table);

//! The file name without extension, made safe for Content-Disposition (ASCII, diacritics folded, '-' for the rest).
std::string file_stem(std::string_view name);

//! An attachment response: XLSX of every table, or CSV of the first. `stem` goes through file_stem().
http::Response download(const std::vector<xlsx::Table>& tables, std::string_view stem, Format format);

}  // namespace ct05::exports
