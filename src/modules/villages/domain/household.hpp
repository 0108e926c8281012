#pragma once
// Households: what an officer submits (by form, API or a spreadsheet row) and its validation, and the planning of
// an import: from rows of cells (a CSV file or a sheet of an .xlsx) to validated households and a row-by-row report
// in Vietnamese. Pure: the storage layer passes what it knows (the codes already in the village).
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kernel/error.hpp"
#include "modules/villages/domain/poverty.hpp"

namespace ct05::villages {

//! A member of a household other than its head.
struct Member {
  std::string full_name;
  std::string relation;  //!< "Vợ", "Con", … as the officer writes it
  int birth_year = 0;    //!< 0: unknown
  std::string gender;    //!< "nam", "nu" or ""
};

//! What is submitted to create or change a household; absent fields are left as they were on update.
struct HouseholdInput {
  std::optional<std::int64_t> village_id;
  std::optional<std::string> code, head_name, head_gender, ethnicity, address, area, registered_on, ended_on,
      ended_reason, note;
  std::optional<int> head_birth_year;          //!< 0 clears it
  bool head_birth_year_invalid = false;        //!< what was typed is not a year
  std::optional<std::vector<Member>> members;  //!< present: replaces every member
  //! Members as typed in a form, before parsing (for re-rendering); parse errors are in member_errors.
  std::vector<FieldError> member_errors;
};

//! Field errors of the present fields; `creating` requires the village, the code, the head's name and the area.
std::vector<FieldError> validate(const HouseholdInput& in, bool creating, int current_year);

//! Trims every text field (codes are also upper-cased, so "kc-01" and "KC-01" are one household).
HouseholdInput normalized(HouseholdInput in);

//! "Nam"/"nữ"/"nam"/"nu" → "nam"/"nu"; "" stays ""; nothing for anything else.
std::optional<std::string> gender_from_words(std::string_view text);
//! "Nam", "Nữ" or "".
std::string_view gender_label(std::string_view code);

//! Members written in one cell, separated by ';' or new lines: "Hà Thị Lan (vợ, 1980); Hà Văn Nam (con, 2005, nam)".
//! Each is a name, optionally followed by a bracket with the relation, a birth year and a gender in any order.
//! Errors name the member by position.
Result<std::vector<Member>> parse_members(std::string_view text, int current_year);
//! The inverse of parse_members (for the CSV template's example and the API).
std::string format_members(const std::vector<Member>& members);

//! A date as people write it: "2020-03-15", "15/03/2020", "15-3-2020", "15.03.2020" → "2020-03-15".
std::optional<std::string> parse_date_vn(std::string_view text);

// ---- import

//! The columns of the import file: a key, the header the template writes and other headers accepted.
struct ImportColumn {
  std::string key;     //!< "code", "head_name", …
  std::string header;  //!< "Mã hộ"
  bool required = false;
  std::vector<std::string> aliases;  //!< other headers (compared folded: diacritics and case ignored)
  std::string help;                  //!< what to write, for the import page
};
//! Every column, in the template's order.
const std::vector<ImportColumn>& import_columns();
//! The template's header row.
std::vector<std::string> template_header();

//! One row of the file, whatever its format.
struct SourceRow {
  std::size_t line = 0;  //!< the line (CSV) or row number (XLSX) the user sees
  std::vector<std::string> cells;
};
//! Something the reader already found wrong with a row or the file (a refused cell, a merged range); line 0: the file.
struct SourceIssue {
  std::size_t line = 0;
  std::string message;
};

//! A household the import will create, and the status decided by a review when the row gives one.
struct ImportRow {
  std::size_t line = 0;
  HouseholdInput household;
  std::optional<int> status_year;
  std::optional<PovertyStatus> status;
};

//! A problem, with the line and the column it is in ("" for the whole row or file).
struct ImportIssue {
  std::size_t line = 0;  //!< 0: the file as a whole (nothing can be imported)
  std::string column;    //!< the column's header as in the file
  std::string message;   //!< Vietnamese
};

//! The import as planned: the valid rows and every issue found.
struct ImportPlan {
  std::vector<ImportRow> rows;  //!< valid rows only
  std::vector<ImportIssue> issues;
  std::size_t data_rows = 0;                 //!< rows below the header that hold anything
  std::size_t invalid_rows = 0;              //!< rows with at least one issue
  std::vector<std::string> ignored_columns;  //!< headers not recognised (reported, not an error)
  //! True when the file as a whole cannot be imported (an issue at line 0).
  bool file_error() const {
    for (const auto& i : issues)
      if (i.line == 0) return true;
    return false;
  }
};

//! Rows covered by a merged range of cells ("A5:A6" covers rows 5 and 6).
struct MergedSpan {
  std::string ref;
  std::size_t first_row = 0, last_row = 0;
};

//! What the import needs to know about the village.
struct ImportContext {
  std::int64_t village_id = 0;
  Area default_area = Area::kRural;
  int current_year = 2026;
  std::map<std::string, std::string> existing_codes;  //!< code → head's name of the households already there
};

//! Finds the header row (the first of the first 10 rows with a "Mã hộ" cell; title rows above it are ignored),
//! maps the columns, and validates every row below it: required cells, types, dates, known words, duplicates
//! inside the file and with the village. Merged ranges that touch the header or a data row are issues (one
//! household per row); other source issues are added as given.
ImportPlan plan_import(const std::vector<SourceRow>& rows, const std::vector<SourceIssue>& source_issues,
                       const std::vector<MergedSpan>& merged, const ImportContext& ctx);

//! At most this many households in one file (the imports module's cap for every kind).
inline constexpr std::size_t kMaxImportRows = 100000;

}  // namespace ct05::villages
