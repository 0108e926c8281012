#pragma once
// Years, plans, commitments and pressing issues in the database, the commands on them (each checks
// permission and writes the audit log in one transaction) and the coverage indicators over a subtree.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kernel/error.hpp"
#include "modules/plans/domain/plan.hpp"
#include "platform/auth/principal.hpp"
#include "modules/org/storage/scope.hpp"
#include "platform/db/db.hpp"

namespace ct05::plans {

// ---- years
struct Year {
  int year = 0;
  std::string theme;        //!< nội dung đột phá
  std::string study_topic;  //!< chuyên đề học tập
};
std::optional<Year> find_year(db::Connection& c, int year);
std::vector<Year> list_years(db::Connection& c);
//! The year pages open on: the latest year with a theme, else the current year.
int default_year(db::Connection& c);
Result<Year> set_year(db::Connection& c, const auth::Principal& who, const Year& y);

// ---- plans and commitments
//! Unit kinds that must keep a yearly plan (the collectives: party organizations, agencies, mass organizations, schools).
bool requires_plan(std::string_view unit_kind);

std::optional<Plan> find_plan(db::Connection& c, std::int64_t id);
std::optional<Plan> find_unit_plan(db::Connection& c, std::int64_t unit_id, int year);
std::optional<Plan> find_commitment(db::Connection& c, std::int64_t person_id, int year);

Result<Plan> get_plan(db::Connection& c, const auth::Principal& who, std::int64_t id);
//! The unit's plan for the year, created as an empty draft when absent.
Result<Plan> open_unit_plan(db::Connection& c, const auth::Principal& who, std::int64_t unit_id, int year);
//! The person's commitment for the year (in their current unit), created as an empty draft when absent.
Result<Plan> open_commitment(db::Connection& c, const auth::Principal& who, std::int64_t person_id, int year);
Result<Plan> add_item(db::Connection& c, const auth::Principal& who, std::int64_t plan_id, const ItemInput& in);
Result<Plan> update_item(db::Connection& c, const auth::Principal& who, std::int64_t plan_id, std::int64_t item_id,
                         const ItemInput& in);
Result<Plan> remove_item(db::Connection& c, const auth::Principal& who, std::int64_t plan_id, std::int64_t item_id);
//! Replaces every item of an editable plan in one transaction (the API's PATCH).
Result<Plan> replace_items(db::Connection& c, const auth::Principal& who, std::int64_t plan_id,
                           const std::vector<ItemInput>& items);
//! Submit (the writer), accept or return (the reviewer, with a comment when returning).
Result<Plan> transition(db::Connection& c, const auth::Principal& who, std::int64_t plan_id, Transition t,
                        const std::string& comment);

bool can_edit(const auth::Principal& who, const Plan& p);
bool can_review(const auth::Principal& who, const Plan& p);

struct Event {
  std::string action, from, to, actor, comment, at;
};
std::vector<Event> events(db::Connection& c, std::int64_t plan_id);

// ---- pressing issues
struct Issue {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::string unit_path;
  int year = 0;
  std::string title, description, status, resolved_on, note;
};
struct IssueInput {
  std::optional<std::string> title, description, status, resolved_on, note;
  std::optional<std::int64_t> unit_id;
  std::optional<int> year;
};
std::string_view issue_status_label(std::string_view code);
const std::vector<std::pair<std::string_view, std::string_view>>& issue_statuses();
std::vector<Issue> issues(db::Connection& c, std::int64_t unit_id, int year);
Result<Issue> get_issue(db::Connection& c, const auth::Principal& who, std::int64_t id);
Result<Issue> create_issue(db::Connection& c, const auth::Principal& who, const IssueInput& in);
Result<Issue> update_issue(db::Connection& c, const auth::Principal& who, std::int64_t id, const IssueInput& in);

// ---- indicators
struct Indicators {
  std::int64_t units = 0, plans_accepted = 0;
  std::int64_t cadres = 0, commitments_accepted = 0;
  std::int64_t issues_registered = 0, issues_resolved = 0;
};
//! Coverage over a unit's subtree for a year, read from the unit's tallies (storage/tallies.hpp).
Indicators indicators(db::Connection& c, std::int64_t unit_id, int year);
//! The same over a scope (org/storage/scope.hpp): from the tallies for the current tree, else counted from the rows
//! under the tree of the scope's date: units that must have a plan and were in force that day, their accepted plans of
//! the year, the cadres who were members that day (each person once) and their accepted commitments of the year, and
//! the year's pressing issues. Carried units count as they were on their last day, or on the scope's day when they
//! were still in force then.
Indicators indicators(db::Connection& c, const org::Scope& s, int year);
struct Missing {
  std::int64_t unit_id = 0;
  std::string name, code, status;  //!< status "" when no plan was started
};
//! Units of the subtree that must have a plan and have none accepted.
std::vector<Missing> missing_plans(db::Connection& c, const std::string& path, int year, int limit, int offset);
//! Plan coverage of each active direct child's subtree, in one query: (child, units that must have a plan, accepted).
struct ChildCoverage {
  std::int64_t unit_id = 0;
  std::string name;
  std::int64_t units = 0, accepted = 0;
};
std::vector<ChildCoverage> plan_coverage_by_child(db::Connection& c, std::int64_t parent_id, int year);
//! Commitments of the members of one unit: (person id, name, status or "").
std::vector<std::tuple<std::int64_t, std::string, std::string>> unit_commitments(db::Connection& c, std::int64_t unit_id,
                                                                                 int year);

nlohmann::json to_json(const Plan& p);
nlohmann::json to_json(const Issue& i);
nlohmann::json to_json(const Indicators& i, std::int64_t unit_id, int year);

}  // namespace ct05::plans
