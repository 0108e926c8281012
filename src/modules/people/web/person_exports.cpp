// The people module's exportable list: the current members of a unit (the unit page's "Thành viên"), with the
// sensitive columns only for those who may see them (D4).
#include "kernel/text.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/people/module.hpp"
#include "modules/people/storage/person_store.hpp"
#include "platform/exports/export_kinds.hpp"

namespace ct05::people {

namespace {

Result<exports::Listing> members_export(db::Connection& c, const auth::Principal& who, const exports::Ask& ask) {
  auto u = org::get_unit(c, who, ask.unit_id, auth::Action::kViewPerson);
  if (!u) return fail(u.error());
  std::string status = ask.filters.trimmed("cadre_status");
  if (!status.empty() && cadre_status_label(status).empty())
    return fail(Error::invalid({{"cadre_status", "Không có diện cán bộ này."}},
                               "Không có diện \"" + status + "\" (can_bo, cong_chuc, vien_chuc, nguoi_lao_dong, nhan_dan)."));
  std::string q = kernel::fold(ask.filters.trimmed("q"));
  auto list = members(c, u->id, exports::fetch_limit(), 0);
  if (list.size() > exports::max_rows()) return fail(exports::too_many_rows());
  const bool sensitive = auth::allowed(who, auth::Action::kViewPersonSensitive, {u->path});
  xlsx::Table t{"Đảng viên và cán bộ",
                {{"Họ và tên", 28}, {"Giới tính", 9}, {"Năm sinh", 9}, {"Chức vụ", 28}, {"Diện", 16}, {"Sinh hoạt từ", 12}},
                {}};
  if (sensitive)
    for (const char* h : {"Dân tộc", "Điện thoại", "Số định danh", "Đảng viên", "Số thẻ đảng viên", "Ngày vào Đảng"})
      t.columns.push_back({h, std::string_view(h) == "Số định danh" ? 16.0 : 13.0});
  for (const auto& p : list) {
    if (!status.empty() && p.cadre_status != status) continue;
    if (!q.empty() && kernel::fold(p.full_name).find(q) == std::string::npos) continue;
    std::vector<xlsx::Cell> row{p.full_name, std::string(gender_label(p.gender)),
                                p.birth_year ? xlsx::Cell{std::int64_t{p.birth_year}} : xlsx::Cell{}, p.position,
                                std::string(cadre_status_label(p.cadre_status)), xlsx::date_cell(p.member_since)};
    if (sensitive) {
      row.insert(row.end(), {p.ethnicity, p.phone, p.id_number, std::string(p.is_party_member ? "có" : "không"),
                             p.party_card_no, xlsx::date_cell(p.party_join_date)});
    }
    t.rows.push_back(std::move(row));
  }
  return exports::Listing{{std::move(t)}, "Thành viên — " + u->name, u->path, sensitive};
}

}  // namespace

void declare_exports() {
  exports::add_kind({"members",
                     "Thành viên của đơn vị",
                     {{"q", "tên (không cần dấu)"}, {"cadre_status", "diện: can_bo, cong_chuc, vien_chuc, nguoi_lao_dong, nhan_dan"}},
                     true,
                     members_export});
}

}  // namespace ct05::people
