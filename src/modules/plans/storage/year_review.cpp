#include "modules/plans/storage/year_review.hpp"

#include "kernel/clock.hpp"
#include "kernel/text.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/plans/domain/plan.hpp"
#include "platform/audit/audit.hpp"

namespace ct05::plans {

namespace {

constexpr const char* kSelectReview =
    "SELECT unit_id, year, locked, COALESCE(meeting_id, 0), locked_at, locked_by, COALESCE(reopened_at, ''), reopened_by, "
    "reopen_reason FROM year_reviews WHERE unit_id = $1 AND year = $2";
constexpr const char* kInsertReview =
    "INSERT INTO year_reviews (unit_id, year, locked, meeting_id, locked_at, locked_by) VALUES ($1, $2, 1, $3, $4, $5)";
constexpr const char* kRelock =
    "UPDATE year_reviews SET locked = 1, meeting_id = $1, locked_at = $2, locked_by = $3 WHERE unit_id = $4 AND year = $5";
constexpr const char* kReopen =
    "UPDATE year_reviews SET locked = 0, reopened_at = $1, reopened_by = $2, reopen_reason = $3 WHERE unit_id = $4 AND year = $5";

}  // namespace

std::optional<YearReview> find_year_review(db::Connection& c, std::int64_t unit_id, int year) {
  auto r = c.query_one(kSelectReview, {unit_id, std::int64_t{year}});
  if (!r) return std::nullopt;
  return YearReview{r->i64(0), static_cast<int>(r->i64(1)), r->i64(2) == 1, r->i64(3), r->str(4), r->str(5),
                    r->str(6), r->str(7), r->str(8)};
}

Result<void> check_open(db::Connection& c, std::int64_t unit_id, int year) {
  auto r = find_year_review(c, unit_id, year);
  if (!r || !r->locked) return {};
  return fail(Error::conflict("Năm " + std::to_string(year) + " của đơn vị đã khóa sau kiểm điểm cuối năm (" +
                              kernel::date_vn(r->locked_at.substr(0, 10)) +
                              "); cần cấp trên mở lại trước khi sửa kế hoạch, cam kết hoặc xếp loại."));
}

bool can_reopen(const auth::Principal& who, const std::string& unit_path, const std::string& parent_path) {
  // A root has no unit above: only quản trị, whose grant covers it, reopens it.
  if (parent_path.empty()) return auth::allowed(who, auth::Action::kManageYears, {unit_path});
  return auth::allowed(who, auth::Action::kReopenYear, {parent_path});
}

Result<YearReview> lock_year(db::Connection& c, const auth::Principal& who, std::int64_t unit_id, int year,
                             std::int64_t meeting_id) {
  auto u = org::get_unit(c, who, unit_id, auth::Action::kEvaluate);
  if (!u) return fail(u.error());
  if (!valid_year(year)) return fail(Error::invalid({{"year", "Năm phải trong khoảng 2016–2100."}}));
  auto already = [&] { return Error::conflict("Năm " + std::to_string(year) + " của đơn vị đã khóa."); };
  try {
    return db::in_transaction(c, [&]() -> Result<YearReview> {
      // Read inside the transaction, so two officers locking at once cannot both succeed.
      auto before = find_year_review(c, unit_id, year);
      if (before && before->locked) return fail(already());
      std::string now = kernel::now_iso();
      db::Value meeting = meeting_id > 0 ? db::Value{meeting_id} : db::Value{};
      if (before) c.exec(kRelock, {meeting, now, who.actor(), unit_id, std::int64_t{year}});
      else c.exec(kInsertReview, {unit_id, std::int64_t{year}, meeting, now, who.actor()});
      auto r = *find_year_review(c, unit_id, year);
      audit::record(c, who, {"year.lock", "unit", unit_id, u->path, before ? to_json(*before) : nullptr, to_json(r)});
      return r;
    });
  } catch (const db::DbError& e) {
    if (e.unique_violation()) return fail(already());  // the other officer's lock committed first
    throw;
  }
}

Result<YearReview> reopen_year(db::Connection& c, const auth::Principal& who, std::int64_t unit_id, int year,
                               const std::string& reason) {
  auto u = org::find_unit(c, unit_id);
  if (!u) return fail(Error::not_found("Không tìm thấy đơn vị."));
  std::string parent_path;
  if (u->parent_id)
    if (auto p = org::find_unit(c, u->parent_id)) parent_path = p->path;
  if (!can_reopen(who, u->path, parent_path)) {
    if (auto ok = auth::authorize(who, auth::Action::kViewPlan, {u->path}); !ok) return fail(ok.error());
    return fail(Error::forbidden("Chỉ cấp ủy cấp trên mới mở lại được năm đã khóa của đơn vị."));
  }
  auto before = find_year_review(c, unit_id, year);
  if (!before || !before->locked) return fail(Error::conflict("Năm " + std::to_string(year) + " của đơn vị chưa khóa."));
  if (reason.empty()) return fail(Error::invalid({{"reason", "Vui lòng ghi lý do mở lại."}}));
  if (kernel::char_count(reason) > 2000) return fail(Error::invalid({{"reason", "Lý do quá dài (tối đa 2000 ký tự)."}}));
  return db::in_transaction(c, [&]() -> Result<YearReview> {
    c.exec(kReopen, {kernel::now_iso(), who.actor(), reason, unit_id, std::int64_t{year}});
    auto r = *find_year_review(c, unit_id, year);
    audit::record(c, who, {"year.reopen", "unit", unit_id, u->path, to_json(*before), to_json(r)});
    return r;
  });
}

nlohmann::json to_json(const YearReview& r) {
  nlohmann::json j{{"unit_id", r.unit_id}, {"year", r.year}, {"locked", r.locked}, {"locked_at", r.locked_at},
                   {"locked_by", r.locked_by}};
  j["meeting_id"] = r.meeting_id ? nlohmann::json(r.meeting_id) : nlohmann::json(nullptr);
  if (!r.reopened_at.empty()) {
    j["reopened_at"] = r.reopened_at;
    j["reopened_by"] = r.reopened_by;
    j["reopen_reason"] = r.reopen_reason;
  }
  return j;
}

}  // namespace ct05::plans
