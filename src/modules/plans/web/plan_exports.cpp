// The plans module's exportable lists: the collective plans and the personal commitments of a year over a unit's
// subtree (the unit page's "Làm theo Bác" section), with their status, review and number of items.
#include "modules/org/storage/unit_store.hpp"
#include "modules/plans/module.hpp"
#include "modules/plans/storage/plan_store.hpp"
#include "platform/exports/export_kinds.hpp"

namespace ct05::plans {

namespace {

constexpr const char* kSubtreePlans =
    "SELECT u.code, u.name, pl.status, pl.submitted_at, pl.reviewed_at, pl.reviewed_by, "
    "(SELECT COUNT(*) FROM plan_items i WHERE i.plan_id = pl.id), pl.comment "
    "FROM plans pl JOIN units u ON u.id = pl.unit_id "
    "WHERE pl.owner_kind = 'unit' AND pl.year = $3 AND u.path >= $1 AND u.path < $2 AND ($4 = '' OR pl.status = $4) "
    "ORDER BY u.depth, u.sort_name, pl.id LIMIT $5";

constexpr const char* kSubtreeCommitments =
    "SELECT p.full_name, p.position, u.name, pl.status, pl.submitted_at, pl.reviewed_at, pl.reviewed_by, "
    "(SELECT COUNT(*) FROM plan_items i WHERE i.plan_id = pl.id), pl.comment "
    "FROM plans pl JOIN units u ON u.id = pl.unit_id JOIN persons p ON p.id = pl.person_id "
    "WHERE pl.owner_kind = 'person' AND pl.year = $3 AND u.path >= $1 AND u.path < $2 AND ($4 = '' OR pl.status = $4) "
    "ORDER BY u.depth, u.sort_name, p.full_name, pl.id LIMIT $5";

// How many rows the lists would have, counted no further than $5: at the country's root a year has 5.6 million
// commitments, and the ordered query must not sort them all only to be refused.
constexpr const char* kCountPlans =
    "SELECT COUNT(*) FROM (SELECT 1 FROM plans pl JOIN units u ON u.id = pl.unit_id "
    "WHERE pl.owner_kind = $6 AND pl.year = $3 AND u.path >= $1 AND u.path < $2 AND ($4 = '' OR pl.status = $4) LIMIT $5) n";

struct Asked {
  org::Unit unit;
  int year = 0;
  std::string status;
};

Result<Asked> read_ask(db::Connection& c, const auth::Principal& who, const exports::Ask& ask, auth::Action action) {
  auto u = org::get_unit(c, who, ask.unit_id, action);
  if (!u) return fail(u.error());
  auto year = exports::year_filter(ask.filters, default_year(c));
  if (!year) return fail(year.error());
  std::string status = ask.filters.trimmed("status");
  if (!status.empty() && !parse_status(status))
    return fail(Error::invalid({{"status", "Trạng thái không hợp lệ."}},
                               "Không có trạng thái \"" + status + "\" (draft, submitted, accepted, returned)."));
  return Asked{*u, *year, status};
}

bool too_many(db::Connection& c, db::Params params, const char* owner_kind) {
  params.emplace_back(std::string(owner_kind));
  return static_cast<std::size_t>(c.scalar(kCountPlans, params)) > exports::max_rows();
}

std::string status_text(const std::string& code) {
  auto s = parse_status(code);
  return s ? std::string(status_label(*s)) : code;
}

Result<exports::Listing> plans_export(db::Connection& c, const auth::Principal& who, const exports::Ask& ask) {
  auto a = read_ask(c, who, ask, auth::Action::kViewPlan);
  if (!a) return fail(a.error());
  db::Params params{a->unit.path, db::subtree_end(a->unit.path), std::int64_t{a->year}, a->status,
                    std::int64_t{exports::fetch_limit()}};
  if (too_many(c, params, "unit")) return fail(exports::too_many_rows());
  auto rows = c.query(kSubtreePlans, params);
  if (rows.size() > exports::max_rows()) return fail(exports::too_many_rows());
  xlsx::Table t{"Kế hoạch " + std::to_string(a->year),
                {{"Mã đơn vị", 18}, {"Đơn vị", 36}, {"Trạng thái", 16}, {"Ngày gửi", 12}, {"Ngày xem xét", 12},
                 {"Người xem xét", 22}, {"Số việc làm", 10}, {"Ý kiến", 36}},
                {}};
  for (const auto& r : rows)
    t.rows.push_back({r.str(0), r.str(1), status_text(r.str(2)), xlsx::date_cell(r.str(3)), xlsx::date_cell(r.str(4)),
                      r.str(5), r.i64(6), r.str(7)});
  return exports::Listing{{std::move(t)}, "Kế hoạch " + std::to_string(a->year) + " — " + a->unit.name, a->unit.path, false};
}

Result<exports::Listing> commitments_export(db::Connection& c, const auth::Principal& who, const exports::Ask& ask) {
  auto a = read_ask(c, who, ask, auth::Action::kViewPerson);
  if (!a) return fail(a.error());
  if (auto ok = auth::authorize(who, auth::Action::kViewPlan, {a->unit.path}); !ok) return fail(ok.error());
  db::Params params{a->unit.path, db::subtree_end(a->unit.path), std::int64_t{a->year}, a->status,
                    std::int64_t{exports::fetch_limit()}};
  if (too_many(c, params, "person")) return fail(exports::too_many_rows());
  auto rows = c.query(kSubtreeCommitments, params);
  if (rows.size() > exports::max_rows()) return fail(exports::too_many_rows());
  xlsx::Table t{"Cam kết " + std::to_string(a->year),
                {{"Họ và tên", 28}, {"Chức vụ", 26}, {"Đơn vị", 32}, {"Trạng thái", 16}, {"Ngày gửi", 12},
                 {"Ngày xem xét", 12}, {"Người xem xét", 22}, {"Số việc làm", 10}, {"Ý kiến", 36}},
                {}};
  for (const auto& r : rows)
    t.rows.push_back({r.str(0), r.str(1), r.str(2), status_text(r.str(3)), xlsx::date_cell(r.str(4)),
                      xlsx::date_cell(r.str(5)), r.str(6), r.i64(7), r.str(8)});
  return exports::Listing{{std::move(t)}, "Cam kết " + std::to_string(a->year) + " — " + a->unit.name, a->unit.path, false};
}

}  // namespace

void declare_exports() {
  const std::vector<exports::Filter> filters = {{"year", "năm (mặc định: năm hiện hành)"},
                                                {"status", "draft, submitted, accepted, returned"}};
  exports::add_kind({"plans", "Kế hoạch làm theo Bác của các đơn vị", filters, true, plans_export});
  exports::add_kind({"commitments", "Cam kết của cán bộ, đảng viên", filters, true, commitments_export});
}

}  // namespace ct05::plans
