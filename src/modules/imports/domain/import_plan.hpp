#pragma once
// Imports of units, people and households: the kinds, reading a file (CSV or .xlsx, told apart by its bytes) into
// rows, finding the header row, and planning units and people from rows (households are planned by the villages
// module). Pure: the storage layer passes what the database knows (codes, ID numbers already there).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "modules/org/domain/unit.hpp"
#include "modules/people/domain/person.hpp"
#include "modules/villages/domain/household.hpp"

namespace ct05::imports {

using villages::ImportColumn;
using villages::ImportIssue;
using villages::MergedSpan;
using villages::SourceIssue;
using villages::SourceRow;

//! What a file creates.
enum class Kind { kUnits, kPeople, kHouseholds };

//! "units", "people", "households" ↔ Kind.
std::optional<Kind> kind_from_code(std::string_view code);
std::string_view kind_code(Kind k);
//! "đơn vị", "người", "hộ gia đình": what a row is, in a sentence.
std::string_view kind_noun(Kind k);
//! "Đơn vị", "Nhân sự", "Hộ gia đình": a title.
std::string_view kind_title(Kind k);

//! At most this many data rows in one file (a province's members of one unit fit; split larger files).
inline constexpr std::size_t kMaxRows = 100000;
//! At most this many bytes in one file.
inline constexpr std::size_t kMaxBytes = 20u * 1024u * 1024u;

//! A file read into rows, or the reason it cannot be read.
struct Table {
  std::string format;  //!< "xlsx" or "csv"
  std::vector<SourceRow> rows;
  std::vector<SourceIssue> issues;  //!< refused cells (formulas without results, error values)
  std::vector<MergedSpan> merged;
  bool date1904 = false;
  std::optional<std::string> error;  //!< the file as a whole is unreadable (Vietnamese)
};
//! Reads CSV or .xlsx by content (a name can say anything). Over kMaxBytes or far over kMaxRows is an error.
Table read_table(std::string_view bytes);

//! The columns of each kind, in the template's order.
const std::vector<ImportColumn>& unit_columns();
const std::vector<ImportColumn>& person_columns();
const std::vector<ImportColumn>& columns_of(Kind k);
//! An example row for the template, one cell per column.
std::vector<std::string> example_row(Kind k);

//! What every plan reports.
struct Outcome {
  std::vector<ImportIssue> issues;
  std::size_t data_rows = 0;     //!< rows below the header that hold anything
  std::size_t invalid_rows = 0;  //!< rows with at least one issue
  std::vector<std::string> ignored_columns;
  bool file_error() const {
    for (const auto& i : issues)
      if (i.line == 0) return true;
    return false;
  }
};

//! A unit the import knows by its code: one in the database (id > 0).
struct KnownUnit {
  std::int64_t id = 0;
  std::string code, name, kind, path;
  bool active = true;
};

// ---- units

//! A unit to create; rows are in creation order (a parent before its children).
struct UnitRow {
  std::size_t line = 0;
  org::UnitInput input;     //!< parent_id unset: the parent is parent_code
  std::string parent_code;  //!< the import's unit, a unit of its subtree, or an earlier row
};
struct UnitsPlan : Outcome {
  std::vector<UnitRow> rows;
};
//! What planning units needs to know.
struct UnitsContext {
  KnownUnit root;  //!< the import's unit: the parent of rows without a parent code; new units go under it
  std::map<std::string, KnownUnit> known;  //!< units of the database named by the file's codes (any code column)
};
UnitsPlan plan_units(const Table& t, const UnitsContext& ctx);
//! Codes in the file's code columns (code, parent code, territory), upper-cased, to look up before planning.
std::set<std::string> unit_codes_in(const Table& t, Kind k);

// ---- people

struct PersonRow {
  std::size_t line = 0;
  people::PersonInput input;  //!< unit_id set from the unit code
  std::string unit_path, unit_name;
};
struct PeoplePlan : Outcome {
  std::vector<PersonRow> rows;
};
struct PeopleContext {
  KnownUnit root;                          //!< people go into this unit or a unit of its subtree
  std::map<std::string, KnownUnit> known;  //!< units named by the file's unit codes
  int current_year = 2026;
  std::string today;  //!< ISO
  //! May the uploader write the sensitive fields (party membership, card, join date, ethnicity, phone, ID number)?
  bool sensitive_allowed = false;
  std::set<std::string> existing_id_numbers, existing_party_cards;  //!< already in the database
};
PeoplePlan plan_people(const Table& t, const PeopleContext& ctx);
//! ID numbers and party card numbers written in the file, to look up before planning.
std::set<std::string> person_numbers_in(const Table& t, const std::string& column_key);

}  // namespace ct05::imports
