// The org module's exportable list: the units of a subtree (the unit page's "Đơn vị trực thuộc", all levels).
#include "modules/org/module.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "platform/exports/export_kinds.hpp"

namespace ct05::org {

namespace {

constexpr const char* kSubtreeUnits =
    "SELECT u.code, u.name, u.kind, COALESCE(p.name, ''), u.depth, u.valid_from, COALESCE(u.valid_to, ''), u.active, "
    "u.note FROM units u LEFT JOIN units p ON p.id = u.parent_id "
    "WHERE u.path >= $1 AND u.path < $2 AND ($3 = '' OR u.kind = $3) AND ($4 = '' OR CAST(u.active AS TEXT) = $4) "
    "ORDER BY u.depth, u.sort_name, u.id LIMIT $5";

// The same rows counted no further than $5, so a country's 130,000 units are not sorted only to be refused.
constexpr const char* kCountSubtreeUnits =
    "SELECT COUNT(*) FROM (SELECT 1 FROM units u WHERE u.path >= $1 AND u.path < $2 AND ($3 = '' OR u.kind = $3) "
    "AND ($4 = '' OR CAST(u.active AS TEXT) = $4) LIMIT $5) n";

Result<exports::Listing> units_export(db::Connection& c, const auth::Principal& who, const exports::Ask& ask) {
  auto u = get_unit(c, who, ask.unit_id, auth::Action::kViewUnit);
  if (!u) return fail(u.error());
  std::string kind = ask.filters.trimmed("kind");
  if (!kind.empty() && kind_label(kind).empty())
    return fail(Error::invalid({{"kind", "Loại đơn vị không có trong danh mục."}}, "Không có loại đơn vị \"" + kind + "\"."));
  std::string active = ask.filters.trimmed("active");
  if (!active.empty() && active != "0" && active != "1")
    return fail(Error::invalid({{"active", "Chỉ nhận 1 (đang hoạt động) hoặc 0 (đã ngừng)."}},
                               "Bộ lọc active chỉ nhận 1 (đang hoạt động) hoặc 0 (đã ngừng hoạt động)."));
  db::Params params{u->path, db::subtree_end(u->path), kind, active, std::int64_t{exports::fetch_limit()}};
  if (static_cast<std::size_t>(c.scalar(kCountSubtreeUnits, params)) > exports::max_rows()) return fail(exports::too_many_rows());
  auto rows = c.query(kSubtreeUnits, params);
  if (rows.size() > exports::max_rows()) return fail(exports::too_many_rows());
  xlsx::Table t{"Đơn vị",
                {{"Mã", 18}, {"Tên đơn vị", 36}, {"Loại", 20}, {"Đơn vị cấp trên", 32}, {"Cấp dưới thứ", 10},
                 {"Hiệu lực từ", 12}, {"Hiệu lực đến", 12}, {"Trạng thái", 16}, {"Ghi chú", 30}},
                {}};
  for (const auto& r : rows)
    t.rows.push_back({r.str(0), r.str(1), std::string(kind_label(r.str(2))), r.str(3), r.i64(4) - u->depth,
                      xlsx::date_cell(r.str(5)), xlsx::date_cell(r.str(6)),
                      std::string(r.i64(7) ? "đang hoạt động" : "ngừng hoạt động"), r.str(8)});
  return exports::Listing{{std::move(t)}, "Đơn vị — " + u->name, u->path, false};
}

}  // namespace

void declare_exports() {
  exports::add_kind({"units",
                     "Đơn vị",
                     {{"kind", "loại đơn vị (chi_bo, thon, …)"}, {"active", "1 đang hoạt động, 0 đã ngừng"}},
                     true,
                     units_export});
}

}  // namespace ct05::org
