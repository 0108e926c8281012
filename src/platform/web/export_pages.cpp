// Downloads of every list: /exports/{kind} for the pages' "Tải Excel" / "Tải CSV" links and /api/v1/exports/{kind}
// for API tokens, both over exports::produce() (the kind's own permission check, the cap, the audit entry); and the
// audit log's own export.
#include <nlohmann/json.hpp>

#include "kernel/clock.hpp"
#include "platform/audit/audit.hpp"
#include "platform/exports/export_kinds.hpp"
#include "platform/search/search.hpp"
#include "platform/web/platform_pages.hpp"

namespace ct05::platform_web {

namespace {

http::Response export_h(http::Context& ctx) {
  const auto& q = ctx.req.query();
  auto format = exports::format_of(q.get("format"));
  if (!format)
    return ctx.error(Error::invalid({{"format", "Định dạng phải là xlsx hoặc csv."}},
                                    "Hãy chọn định dạng tải về: format=xlsx (Excel) hoặc format=csv."));
  exports::Ask ask;
  std::string unit = q.get("unit");
  if (!unit.empty()) {
    auto id = http::parse_id(unit);
    if (!id) return ctx.error(Error::invalid({{"unit", "Mã số đơn vị không hợp lệ."}}, "Mã số đơn vị \"" + unit + "\" không hợp lệ."));
    ask.unit_id = *id;
  }
  for (const auto& [name, value] : q.items())
    if (name != "unit" && name != "format") ask.filters.add(name, value);
  auto file = exports::produce(ctx.db(), ctx.principal, ctx.params["kind"], ask, *format,
                               ctx.api ? exports::Channel::kApi : exports::Channel::kWeb);
  if (!file) return ctx.error(file.error());
  auto r = http::Response::text(std::move(file->bytes), 200, file->content_type);
  r.header("Content-Disposition", "attachment; filename=\"" + file->name + "\"");
  r.header("Cache-Control", "no-store");
  return r;
}

std::string json_text(const std::string& s) {
  if (s.empty()) return "";
  auto v = nlohmann::json::parse(s, nullptr, false);
  if (v.is_discarded() || v.is_null()) return "";
  return v.dump();
}

// The audit log of the principal's scope, or of one unit's subtree within it; the page's action filter.
Result<exports::Listing> audit_export(db::Connection& c, const auth::Principal& who, const exports::Ask& ask) {
  std::vector<std::string> scope;
  std::string where = "/";
  std::string name = "Nhật ký thay đổi";
  if (ask.unit_id > 0) {
    auto path = c.query_one("SELECT path, name FROM units WHERE id = $1", {ask.unit_id});
    if (!path) return fail(Error::not_found("Không tìm thấy đơn vị."));
    if (auto ok = auth::authorize(who, auth::Action::kViewAudit, {path->str(0)}); !ok) return fail(ok.error());
    scope.push_back(path->str(0));
    where = path->str(0);
    name += " — " + path->str(1);
  } else {
    scope = who.scope_paths(auth::Action::kViewAudit);
    if (scope.empty()) return fail(Error::forbidden("Chỉ quản trị và người phụ trách đơn vị được xem nhật ký thay đổi."));
    if (scope.size() == 1) where = scope.front();
  }
  std::string action = ask.filters.trimmed("action");
  bool known = action.empty();
  for (const auto& [k, v] : audit_actions()) known = known || k == action;
  if (!known) return fail(Error::invalid({{"action", "Loại thao tác không có trong danh sách."}},
                                         "Không có loại thao tác \"" + action + "\" trong nhật ký."));
  auto entries = audit::list(c, scope, action, exports::fetch_limit(), 0);
  if (entries.size() > exports::max_rows()) return fail(exports::too_many_rows());
  xlsx::Table t{"Nhật ký thay đổi",
                {{"Số", 8}, {"Ngày", 12}, {"Giờ", 8}, {"Người thực hiện", 24}, {"Thao tác", 28}, {"Đối tượng", 14},
                 {"Mã số đối tượng", 10}, {"Trước", 50}, {"Sau", 50}},
                {}};
  for (const auto& e : entries)
    t.rows.push_back({e.id, xlsx::date_cell(e.at), e.at.size() >= 16 ? e.at.substr(11, 5) : std::string(), e.actor,
                      action_label(e.action), std::string(search::kind_label(e.entity)), e.entity_id, json_text(e.before),
                      json_text(e.after)});
  return exports::Listing{{std::move(t)}, name, where, true};
}

}  // namespace

void declare_exports() {
  exports::add_kind({"audit", "Nhật ký thay đổi", {{"action", "loại thao tác (như trang Nhật ký: person.read, export., …)"}},
                     false, audit_export});
}

void wire_exports(http::App& app) {
  app.route("GET", "/exports/{kind}", export_h);
  app.route("GET", "/api/v1/exports/{kind}", export_h);
}

}  // namespace ct05::platform_web
