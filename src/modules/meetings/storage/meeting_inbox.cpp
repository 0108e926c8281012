#include "modules/meetings/storage/meeting_inbox.hpp"

#include <algorithm>

#include "kernel/clock.hpp"
#include "modules/meetings/domain/meeting.hpp"
#include "platform/inbox/inbox.hpp"

namespace ct05::meetings {

namespace {

// One query over the subtrees (the index range of units_path; meetings_unit for each unit's NOT EXISTS): the units
// still active, in force throughout the last full period of their cadence (as due_periods() counts it) and without
// a periodic meeting in it. $1–$2 the last month, $3–$4 the last quarter; the kinds and subtrees are appended.
constexpr const char* kMissedColumns = "SELECT u.id, u.name, u.kind ";
constexpr const char* kMissedFrom = "FROM units u WHERE u.active = 1 AND (";
constexpr const char* kMissedIn =
    " AND u.valid_from <= {first} AND (u.valid_to IS NULL OR u.valid_to >= {last}) AND NOT EXISTS "
    "(SELECT 1 FROM meetings m WHERE m.unit_id = u.id AND m.kind = 'dinh_ky' AND m.held_on >= {first} "
    "AND m.held_on <= {last})";

struct Query {
  std::string from;
  db::Params params;
  std::string quarterly_kinds;  //!< the IN list of quarterly kinds, for the order
  Period month, quarter;
};

std::string replaced(std::string s, const std::string& first, const std::string& last) {
  for (auto [key, value] : {std::pair<std::string, std::string>{"{first}", first}, {"{last}", last}})
    for (auto at = s.find(key); at != std::string::npos; at = s.find(key, at + value.size()))
      s.replace(at, key.size(), value);
  return s;
}

// The subtrees the principal records meetings in, none inside another (a unit is counted once).
std::vector<std::string> subtrees(const auth::Principal& who) {
  auto paths = who.scope_paths(auth::Action::kRecordMeeting);
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> out;
  for (const auto& p : paths)
    if (out.empty() || !auth::in_subtree(p, out.back())) out.push_back(p);
  return out;
}

std::optional<Query> missed(const auth::Principal& who) {
  auto roots = subtrees(who);
  if (roots.empty()) return std::nullopt;
  Query q;
  const std::string today = kernel::today_iso();
  q.month = last_full_period(Cadence::kMonthly, today);
  q.quarter = last_full_period(Cadence::kQuarterly, today);
  q.params = {q.month.first, q.month.last, q.quarter.first, q.quarter.last};
  auto kinds = [&](Cadence c) {
    const auto& k = kinds_of(c);
    std::string in = db::placeholders(k.size(), q.params.size() + 1);
    for (auto kind : k) q.params.emplace_back(std::string(kind));
    return in;
  };
  std::string monthly = kinds(Cadence::kMonthly);
  q.quarterly_kinds = kinds(Cadence::kQuarterly);
  q.from = std::string(kMissedFrom) + "(u.kind IN " + monthly + replaced(kMissedIn, "$1", "$2") + ") OR (u.kind IN " +
           q.quarterly_kinds + replaced(kMissedIn, "$3", "$4") + ")) AND (";
  for (std::size_t i = 0; i < roots.size(); ++i) {
    q.params.emplace_back(roots[i]);
    q.params.emplace_back(db::subtree_end(roots[i]));
    q.from += (i ? " OR " : "") + std::string("(u.path >= $") + std::to_string(q.params.size() - 1) +
              " AND u.path < $" + std::to_string(q.params.size()) + ")";
  }
  q.from += ")";
  return q;
}

// A period always ends on a month's last day; it has waited since the next day.
std::string day_after(const Period& p) {
  int year = std::stoi(p.last.substr(0, 4)), month = std::stoi(p.last.substr(5, 2));
  if (month == 12) return std::to_string(year + 1) + "-01-01";
  return p.last.substr(0, 4) + (month < 9 ? "-0" : "-") + std::to_string(month + 1) + "-01";
}

std::int64_t count_missed(db::Connection& c, const auth::Principal& who) {
  auto q = missed(who);
  return q ? c.scalar("SELECT COUNT(*) " + q->from, q->params) : 0;
}

std::vector<inbox::Item> list_missed(db::Connection& c, const auth::Principal& who, int limit) {
  std::vector<inbox::Item> out;
  auto q = missed(who);
  if (!q) return out;
  q->params.emplace_back(std::int64_t{limit});
  // Oldest first: a quarter ended no later than the month.
  std::string sql = kMissedColumns + q->from + " ORDER BY CASE WHEN u.kind IN " + q->quarterly_kinds +
                    " THEN $4 ELSE $2 END, u.sort_name, u.id LIMIT $" + std::to_string(q->params.size());
  for (const auto& r : c.query(sql, q->params)) {
    auto cadence = cadence_for(r.str(2));
    const Period& p = cadence == Cadence::kQuarterly ? q->quarter : q->month;
    out.push_back(inbox::Item{"Chưa sinh hoạt định kỳ " + period_label(cadence, p), r.str(1), day_after(p),
                              "/units/" + std::to_string(r.i64(0)) + "/meetings/new"});
  }
  return out;
}

}  // namespace

void declare_inbox() {
  inbox::add_source(inbox::Source{"meetings.missed", "Đơn vị chưa sinh hoạt định kỳ", count_missed, list_missed});
}

}  // namespace ct05::meetings
