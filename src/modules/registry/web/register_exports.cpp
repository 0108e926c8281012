// The register's exportable list: a unit's register of good deeds over its subtree (the unit's register page, not
// the public one), with the page's filters (status, field, words). Nominators' contacts are never exported.
#include "modules/org/storage/unit_store.hpp"
#include "modules/registry/module.hpp"
#include "modules/registry/storage/entry_store.hpp"
#include "platform/exports/export_kinds.hpp"

namespace ct05::registry {

namespace {

Result<exports::Listing> entries_export(db::Connection& c, const auth::Principal& who, const exports::Ask& ask) {
  auto u = org::get_unit(c, who, ask.unit_id, auth::Action::kViewRegister);
  if (!u) return fail(u.error());
  ListQuery lq;
  lq.status = ask.filters.trimmed("status");
  if (!lq.status.empty() && !parse_status(lq.status))
    return fail(Error::invalid({{"status", "Trạng thái không hợp lệ."}}, "Không có trạng thái \"" + lq.status + "\" trong sổ ghi danh."));
  std::string category = ask.filters.trimmed("category");
  if (!category.empty()) {
    auto id = http::parse_id(category);
    if (!id) return fail(Error::invalid({{"category", "Lĩnh vực không hợp lệ."}}, "Mã lĩnh vực \"" + category + "\" không hợp lệ."));
    lq.category_id = *id;
  }
  lq.q = ask.filters.trimmed("q");
  auto list = list_entries(c, u->path, lq, exports::fetch_limit(), 0);
  if (list.size() > exports::max_rows()) return fail(exports::too_many_rows());
  xlsx::Table t{"Sổ ghi danh",
                {{"Mã", 10}, {"Người, tập thể", 28}, {"Cá nhân / tập thể", 12}, {"Việc tốt", 50}, {"Ngày", 12}, {"Nơi", 22},
                 {"Lĩnh vực", 20}, {"Đơn vị", 30}, {"Trạng thái", 16}, {"Hình thức khen", 16}, {"Số quyết định", 16},
                 {"Ngày quyết định", 12}, {"Đồng ý công khai", 10}, {"Lý do từ chối", 30}},
                {}};
  for (const auto& e : list)
    t.rows.push_back({e.code, e.subject_name, std::string(subject_kind_label(e.subject_kind)), e.deed, xlsx::date_cell(e.deed_date),
                      e.place, e.category_name, e.unit_name, std::string(status_label(e.status)),
                      std::string(commendation_label(e.commendation)), e.decision_no, xlsx::date_cell(e.decision_date),
                      std::string(e.consent ? "có" : "không"), e.reject_reason});
  return exports::Listing{{std::move(t)}, "Sổ ghi danh — " + u->name, u->path, false};
}

}  // namespace

void declare_exports() {
  exports::add_kind({"register-entries",
                     "Sổ ghi danh người tốt, việc tốt",
                     {{"status", "submitted, verified, approved, commended, published, unpublished, rejected"},
                      {"category", "mã số lĩnh vực"},
                      {"q", "từ khóa (không cần dấu)"}},
                     true,
                     entries_export});
}

}  // namespace ct05::registry
