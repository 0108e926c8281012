// The villages module's exportable list: a village's households (the households page, with its year, words and
// status filters), only for those who may see households (D19). Like the page, it carries no ethnicity and no
// members' names; it is personal data all the same, so the export is audited as such.
#include "modules/org/storage/unit_store.hpp"
#include "modules/plans/storage/plan_store.hpp"
#include "modules/villages/module.hpp"
#include "modules/villages/storage/household_store.hpp"
#include "platform/exports/export_kinds.hpp"

namespace ct05::villages {

namespace {

Result<exports::Listing> households_export(db::Connection& c, const auth::Principal& who, const exports::Ask& ask) {
  auto u = org::get_unit(c, who, ask.unit_id, auth::Action::kViewHouseholds);
  if (!u) return fail(u.error());
  if (!is_village(*u)) return fail(Error::not_found("Chỉ thôn, tổ dân phố có danh sách hộ gia đình."));
  HouseholdFilter f;
  auto year = exports::year_filter(ask.filters, plans::default_year(c));
  if (!year) return fail(year.error());
  f.year = *year;
  f.query = ask.filters.trimmed("q");
  std::string status = ask.filters.trimmed("status");
  if (!status.empty()) {
    f.status = parse_status(status);
    if (!f.status)
      return fail(Error::invalid({{"status", "Tình trạng nghèo không hợp lệ."}},
                                 "Không có tình trạng \"" + status + "\" (ngheo, can_ngheo, thoat_ngheo, khong)."));
  }
  auto list = list_households(c, u->id, f, exports::fetch_limit(), 0);
  if (list.size() > exports::max_rows()) return fail(exports::too_many_rows());
  xlsx::Table t{"Hộ gia đình " + std::to_string(f.year),
                {{"Mã hộ", 12}, {"Chủ hộ", 28}, {"Địa chỉ", 32}, {"Số nhân khẩu", 10},
                 {"Tình trạng năm " + std::to_string(f.year), 16}, {"Đã thôi đăng ký", 12}},
                {}};
  for (const auto& h : list)
    t.rows.push_back({h.code, h.head_name, h.address, std::int64_t{h.size},
                      h.status ? std::string(status_label(*h.status)) : std::string("Chưa ghi"),
                      std::string(h.ended ? "có" : "")});
  return exports::Listing{{std::move(t)}, "Hộ gia đình " + std::to_string(f.year) + " — " + u->name, u->path, true};
}

}  // namespace

void declare_exports() {
  exports::add_kind({"households",
                     "Hộ gia đình của thôn",
                     {{"year", "năm (mặc định: năm hiện hành)"},
                      {"q", "mã hộ, tên chủ hộ hoặc thành viên (không cần dấu)"},
                      {"status", "ngheo, can_ngheo, thoat_ngheo, khong"}},
                     true,
                     households_export});
}

}  // namespace ct05::villages
