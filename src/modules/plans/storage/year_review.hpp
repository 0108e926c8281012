#pragma once
// The year-end review that locks a unit's year: its plan, its members' commitments and the ratings of both.
// Every command that changes one of those asks check_open() first; the unit above reopens.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "kernel/error.hpp"
#include "platform/auth/principal.hpp"
#include "platform/db/db.hpp"

namespace ct05::plans {

struct YearReview {
  std::int64_t unit_id = 0;
  int year = 0;
  bool locked = false;
  std::int64_t meeting_id = 0;  //!< the meeting that held the review, 0 when not recorded
  std::string locked_at, locked_by, reopened_at, reopened_by, reopen_reason;
};

//! The review of a unit's year, if one was ever held.
std::optional<YearReview> find_year_review(db::Connection& c, std::int64_t unit_id, int year);
//! Ok while the unit's year is open; a Conflict in Vietnamese once the year-end review has locked it.
Result<void> check_open(db::Connection& c, std::int64_t unit_id, int year);
//! The unit's officers hold the year-end review (kEvaluate on the unit): the year locks.
Result<YearReview> lock_year(db::Connection& c, const auth::Principal& who, std::int64_t unit_id, int year,
                             std::int64_t meeting_id);
//! The unit above reopens a locked year (kReopenYear on the parent), with a reason (required).
Result<YearReview> reopen_year(db::Connection& c, const auth::Principal& who, std::int64_t unit_id, int year,
                               const std::string& reason);
//! May this principal reopen the unit's year (an officer of the unit above, or quản trị for a root)?
bool can_reopen(const auth::Principal& who, const std::string& unit_path, const std::string& parent_path);

nlohmann::json to_json(const YearReview& r);

}  // namespace ct05::plans
