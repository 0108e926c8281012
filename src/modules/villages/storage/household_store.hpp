#pragma once
// Households, their members and their poverty status per year in the database; the poverty standards; the figures
// over a subtree (households, poor, near-poor, left poverty, recognised villages); the import of a file. Commands
// check permission first, then the input, and write the change with its audit entry in one transaction.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "kernel/error.hpp"
#include "modules/org/domain/unit.hpp"
#include "modules/org/storage/scope.hpp"
#include "modules/villages/domain/household.hpp"
#include "modules/villages/domain/poverty.hpp"
#include "platform/auth/principal.hpp"
#include "platform/db/db.hpp"

namespace ct05::villages {

// ---- poverty standards

//! Every standard with its indicators, by first year.
std::vector<PovertyStandard> list_standards(db::Connection& c);
//! One standard with its indicators.
std::optional<PovertyStandard> find_standard(db::Connection& c, std::int64_t id);
//! True when a household status was classified by the standard (it is then never changed).
bool standard_in_use(db::Connection& c, std::int64_t id);
//! Creates a standard (id 0) or replaces an unused one (kManageCriteria). Periods may not overlap: one standard is in
//! force in a year. A standard already used to classify is a Conflict: make a new one instead.
Result<PovertyStandard> save_standard(db::Connection& c, const auth::Principal& who, const PovertyStandard& s);
//! Loads national_standards() into a database that has none (start-up; audited as the system).
void ensure_national_standards(db::Connection& c);

// ---- households

//! A household's full record: personal data (members, ethnicity); only for kViewHouseholds.
struct Household {
  std::int64_t id = 0;
  std::int64_t village_id = 0;
  std::string village_name, village_path;
  std::string code, head_name;
  int head_birth_year = 0;
  std::string head_gender, ethnicity, address;
  Area area = Area::kRural;
  std::string registered_on, ended_on, ended_reason, note;
  std::string created_at, updated_at;
  std::vector<Member> members;
};

//! A line of the village's list: no ethnicity, no members' names (PDPL: lists carry no sensitive field).
struct HouseholdRow {
  std::int64_t id = 0;
  std::string code, head_name, address;
  int size = 1;                         //!< people, the head included
  std::optional<PovertyStatus> status;  //!< in the year asked; nothing when none was recorded
  bool ended = false;                   //!< had ended by the end of the year asked
};

//! A village is a unit of kind "thon" (thôn, tổ dân phố).
bool is_village(const org::Unit& u);
//! The area a village's households are in by default: urban under a phường or thị trấn, rural otherwise.
Area default_area(db::Connection& c, const org::Unit& village);

//! A household with its members, without a permission check.
std::optional<Household> find_household(db::Connection& c, std::int64_t id);
//! The full record if the principal may see households of its village (kViewHouseholds); NotFound or Forbidden.
//! The caller writes the display to the audit log with log_full_read().
Result<Household> get_household(db::Connection& c, const auth::Principal& who, std::int64_t id);
//! Writes `household.read` (each display of a full record, page or API).
void log_full_read(db::Connection& c, const auth::Principal& who, const Household& h, const std::string& via);

//! What a list shows.
struct HouseholdFilter {
  int year = 0;
  std::string query;                    //!< words of the code, the head's or a member's name, diacritics ignored
  std::optional<PovertyStatus> status;  //!< only households with this status in the year
};
//! The village's households, by code.
std::vector<HouseholdRow> list_households(db::Connection& c, std::int64_t village_id, const HouseholdFilter& f,
                                          int limit, int offset);
//! How many households list_households would list over every page.
std::int64_t count_households(db::Connection& c, std::int64_t village_id, const HouseholdFilter& f);
//! Codes and heads of the village's households (to find duplicates in an import).
std::map<std::string, std::string> household_codes(db::Connection& c, std::int64_t village_id);

//! Creates a household in a village (kEditHouseholds on the village).
Result<Household> create_household(db::Connection& c, const auth::Principal& who, const HouseholdInput& in);
//! Changes the present fields (kEditHouseholds); members, when given, replace the old ones.
Result<Household> update_household(db::Connection& c, const auth::Principal& who, std::int64_t id,
                                   const HouseholdInput& in);

// ---- statuses

//! A household's status in a year: what ct05 classified, what the review decided, and the one in force.
struct StatusRecord {
  std::int64_t household_id = 0;
  int year = 0;
  PovertyStatus status = PovertyStatus::kNone;  //!< in force: decided when there is a decision, else computed
  // classified by ct05
  std::int64_t standard_id = 0;  //!< 0: never classified
  std::string standard_name;
  std::optional<std::int64_t> income;
  std::vector<std::string> lacking;
  std::optional<PovertyStatus> computed;
  std::string computed_reason, classified_at, classified_by;
  // decided by the commune's review
  std::optional<PovertyStatus> decided;
  std::string decision_note, decided_at, decided_by;
};

//! A household's status in a year, if one was recorded.
std::optional<StatusRecord> status_of(db::Connection& c, std::int64_t household_id, int year);
//! Every year recorded for a household, newest first.
std::vector<StatusRecord> statuses_of(db::Connection& c, std::int64_t household_id);
//! The statuses of a village's households in a year (for the API), by household code.
std::vector<StatusRecord> village_statuses(db::Connection& c, std::int64_t village_id, int year, int limit, int offset);

//! Classifies the household's answers by the standard in force in the year (kEditHouseholds). Refused with a clear
//! message when no standard covers the year. A decision already recorded stays in force; the classification is kept
//! beside it. The next year's computed status follows ("thoát nghèo" depends on this year).
Result<StatusRecord> classify_household(db::Connection& c, const auth::Principal& who, std::int64_t household_id,
                                        int year, const Answers& answers);
//! Records the status the commune's review decided (nothing: withdraws the decision; the classification, if any,
//! is then in force) with a note (the decision's number, the review). Any year, covered by a standard or not.
Result<StatusRecord> decide_status(db::Connection& c, const auth::Principal& who, std::int64_t household_id, int year,
                                   std::optional<PovertyStatus> decided, const std::string& note);

// ---- figures over a subtree

//! Counts over a subtree for a year, as at the year's end (a household counts when registered by then and not yet
//! ended; a village counts as recognised when its decision is dated by then).
struct Figures {
  std::int64_t households = 0, poor = 0, near_poor = 0, left_poverty = 0;
  std::int64_t recorded = 0;  //!< households with a status recorded that year (0: no review of that year in ct05)
  std::int64_t villages = 0;  //!< villages in force at the year's end (only when asked: it reads the unit tree)
  std::int64_t recognised = 0;
};
//! Households and statuses over [path, subtree_end(path)); with_villages also counts the villages in force.
Figures subtree_figures(db::Connection& c, const std::string& path, int year, bool with_villages);
//! The same over a scope: under the tree of its date, its carried predecessors included (org/storage/scope.hpp).
Figures subtree_figures(db::Connection& c, const org::Scope& s, int year, bool with_villages);
//! Years with any status recorded in the subtree, newest first.
std::vector<int> status_years(db::Connection& c, const std::string& path);

// ---- import

enum class ImportMode {
  kAllOrNothing,   //!< nothing is written when any row is invalid
  kValidRowsOnly,  //!< the valid rows are written, the others reported
};

//! What an import did.
struct ImportReport {
  std::string format;  //!< "xlsx" or "csv"
  ImportPlan plan;
  std::size_t imported = 0;
  ImportMode mode = ImportMode::kAllOrNothing;
};

//! Reads a CSV or .xlsx file (told apart by its first bytes, not its name), plans it (domain/household.cpp) and,
//! when every row is valid or the caller asked for the valid rows only, creates the households (and the decided
//! statuses the rows give) in one transaction with their audit entries. Forbidden and NotFound are errors; a bad
//! file or bad rows are in the report (imported = 0).
Result<ImportReport> import_households(db::Connection& c, const auth::Principal& who, std::int64_t village_id,
                                       std::string_view bytes, ImportMode mode);
//! The first half of import_households: permission (kEditHouseholds on the village), reading the file and planning
//! it against the village's households, without writing anything.
Result<ImportReport> plan_households(db::Connection& c, const auth::Principal& who, std::int64_t village_id,
                                     std::string_view bytes);
//! Writes a plan's valid rows (households, members, decided statuses) in the caller's transaction with prepared
//! statements and no audit entry per row (the imports module audits the import as a whole); returns the new ids.
std::vector<std::int64_t> write_planned_households(db::Connection& c, const auth::Principal& who,
                                                   const org::Unit& village, const ImportPlan& plan);
//! The template: the header row (UTF-8 with a BOM, so Excel opens it with the right accents).
std::string template_csv();

// ---- JSON

//! The API representations (a full record carries ethnicity and members: for kViewHouseholds only).
nlohmann::json to_json(const Household& h);
nlohmann::json to_json(const HouseholdRow& r);
nlohmann::json to_json(const StatusRecord& s);
nlohmann::json to_json(const PovertyStandard& s);
nlohmann::json to_json(const ImportReport& r);

}  // namespace ct05::villages
