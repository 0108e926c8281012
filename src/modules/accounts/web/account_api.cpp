// The JSON API of accounts, grants, the inbox and notifications: the same store commands and permission checks
// as the pages.
#include "modules/accounts/storage/account_store.hpp"
#include "modules/accounts/web/account_web.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "platform/http/json_input.hpp"
#include "platform/inbox/inbox.hpp"
#include "platform/notify/notify.hpp"

namespace ct05::accounts {

namespace {

http::Response json(const nlohmann::json& j, int status = 200) { return http::Response::json(j.dump(), status); }

// unit_id or unit_code of a body → the unit's id; 0 with an error when neither names a unit.
Result<std::int64_t> unit_of(db::Connection& c, http::JsonFields& f) {
  auto id = f.integer("unit_id");
  auto code = f.text("unit_code");
  if (id) return *id;
  if (code) {
    auto u = org::find_unit_by_code(c, *code);
    if (!u) return fail(Error::invalid({{"unit_code", "Không có đơn vị mã \"" + *code + "\"."}}));
    return u->id;
  }
  return std::int64_t{0};
}

http::Response inbox_api(http::Context& ctx) {
  nlohmann::json groups = nlohmann::json::array();
  std::int64_t total = 0;
  for (const auto& g : inbox::gather(ctx.db(), ctx.principal, 100)) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& i : g.items)
      items.push_back({{"title", i.title}, {"unit", i.unit_name}, {"since", i.since}, {"href", i.href}});
    groups.push_back({{"source", g.code}, {"label", g.label}, {"count", g.count}, {"items", items}});
    total += g.count;
  }
  return json({{"count", total}, {"groups", groups}});
}

http::Response notifications_api(http::Context& ctx) {
  auto page = html::page_request(ctx.req.query().get("page"), 50);
  auto& c = ctx.db();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& n : notify::list(c, ctx.principal.user_id, page.per_page, page.offset()))
    items.push_back({{"id", n.id}, {"kind", n.kind}, {"subject", n.subject}, {"body", n.body}, {"href", n.href},
                     {"created_at", n.created_at}, {"read", n.read()}});
  return json({{"items", items}, {"total", notify::count(c, ctx.principal.user_id)},
               {"unread", notify::count_unread(c, ctx.principal.user_id)}, {"page", page.page}});
}

http::Response notification_read_api(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id || !notify::find(ctx.db(), ctx.principal.user_id, *id)) return ctx.error(Error::not_found("Không tìm thấy thông báo."));
  notify::mark_read(ctx.db(), ctx.principal.user_id, *id);
  return json({{"id", *id}, {"read", true}});
}

http::Response notifications_read_all_api(http::Context& ctx) {
  return json({{"marked", notify::mark_read(ctx.db(), ctx.principal.user_id, 0)}});
}

http::Response accounts_api(http::Context& ctx) {
  if (ctx.principal.scope_paths(auth::Action::kManageUsers).empty())
    return ctx.error(Error::forbidden("Chỉ quản trị và người phụ trách đơn vị được quản lý tài khoản."));
  const auto& q = ctx.req.query();
  AccountFilter f;
  f.q = q.trimmed("q");
  f.role = q.get("role");
  f.state = q.get("state");
  if (!q.get("unit").empty()) {
    auto u = org::find_unit_by_code(ctx.db(), q.get("unit"));
    if (!u) return ctx.error(Error::invalid({{"unit", "Không có đơn vị mã \"" + q.get("unit") + "\"."}}));
    f.unit_id = u->id;
  }
  auto page = html::page_request(q.get("page"));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : list_accounts(ctx.db(), ctx.principal, f, page.per_page, page.offset())) items.push_back(to_json(a));
  return json({{"items", items}, {"total", count_accounts(ctx.db(), ctx.principal, f)}, {"page", page.page}});
}

http::Response issued_json(const Issued& i, int status) {
  auto r = json({{"account", to_json(i.account)}, {"code", i.code}, {"code_expires_at", i.expires_at}}, status);
  r.secret = true;  // the code is shown once: a retry's replay does not keep it (D32)
  return r;
}

http::Response account_create_api(http::Context& ctx) {
  auto body = http::json_object(ctx.req);
  if (!body) return ctx.error(body.error());
  http::JsonFields f(*body);
  NewAccount in;
  in.login = f.text("login").value_or("");
  in.display_name = f.text("display_name").value_or("");
  in.person_id = f.integer("person_id").value_or(0);
  in.role = f.text("role").value_or("dang_vien");
  in.email = f.text("email").value_or("");
  auto unit = unit_of(ctx.db(), f);
  if (!f.errors().empty()) return ctx.error(Error::invalid(f.errors()));
  if (!unit) return ctx.error(unit.error());
  in.unit_id = *unit;
  auto r = create_account(ctx.db(), ctx.principal, in);
  if (!r) return ctx.error(r.error());
  return issued_json(*r, 201);
}

http::Response account_get_api(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy tài khoản."));
  auto a = get_account(ctx.db(), ctx.principal, *id);
  if (!a) return ctx.error(a.error());
  return json(to_json(*a));
}

http::Response account_patch_api(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy tài khoản."));
  auto body = http::json_object(ctx.req);
  if (!body) return ctx.error(body.error());
  http::JsonFields f(*body);
  AccountEdit e;
  e.display_name = f.text("display_name");
  e.email = f.text("email");
  e.email_notify = f.boolean("email_notify");
  if (!f.errors().empty()) return ctx.error(Error::invalid(f.errors()));
  auto r = update_account(ctx.db(), ctx.principal, *id, e);
  if (!r) return ctx.error(r.error());
  return json(to_json(*r));
}

http::Response account_active_api(http::Context& ctx, bool active) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy tài khoản."));
  auto r = set_active(ctx.db(), ctx.principal, *id, active);
  if (!r) return ctx.error(r.error());
  return json(to_json(*r));
}

http::Response account_reset_api(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy tài khoản."));
  auto a = find_account(ctx.db(), *id);
  auto r = issue_code(ctx.db(), ctx.principal, *id, a && a->has_password ? "reset" : "activation");
  if (!r) return ctx.error(r.error());
  return issued_json(*r, 201);
}

http::Response grants_api(http::Context& ctx) {
  auto uid = ctx.req.query().id("user_id");
  if (!uid) return ctx.error(Error::invalid({{"user_id", "Cần tham số user_id (mã tài khoản)."}}));
  auto a = get_account(ctx.db(), ctx.principal, *uid);
  if (!a) return ctx.error(a.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& g : a->grants) items.push_back(to_json(g, a->id));
  return json({{"items", items}});
}

http::Response grant_create_api(http::Context& ctx) {
  auto body = http::json_object(ctx.req);
  if (!body) return ctx.error(body.error());
  http::JsonFields f(*body);
  auto uid = f.integer("user_id");
  auto role = f.text("role");
  auto unit = unit_of(ctx.db(), f);
  if (!f.errors().empty()) return ctx.error(Error::invalid(f.errors()));
  if (!unit) return ctx.error(unit.error());
  std::vector<FieldError> errs;
  if (!uid) errs.push_back({"user_id", "Cần user_id."});
  if (!role) errs.push_back({"role", "Cần role (quan_tri, phu_trach, lanh_dao, dang_vien)."});
  if (!*unit) errs.push_back({"unit_id", "Cần unit_id hoặc unit_code."});
  if (!errs.empty()) return ctx.error(Error::invalid(std::move(errs)));
  auto g = grant(ctx.db(), ctx.principal, *uid, *role, *unit);
  if (!g) return ctx.error(g.error());
  return json(to_json(*g, *uid), 201);
}

http::Response grant_delete_api(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy quyền này."));
  auto r = revoke(ctx.db(), ctx.principal, *id);
  if (!r) return ctx.error(r.error());
  http::Response resp;
  resp.status = 204;
  return resp;
}

}  // namespace

void wire_api(http::App& app) {
  app.route("GET", "/api/v1/inbox", inbox_api);
  app.route("GET", "/api/v1/notifications", notifications_api);
  app.route("POST", "/api/v1/notifications/read", notifications_read_all_api);
  app.route("POST", "/api/v1/notifications/{id}/read", notification_read_api);
  app.route("GET", "/api/v1/accounts", accounts_api);
  app.route("POST", "/api/v1/accounts", account_create_api);
  app.route("GET", "/api/v1/accounts/{id}", account_get_api);
  app.route("PATCH", "/api/v1/accounts/{id}", account_patch_api);
  app.route("POST", "/api/v1/accounts/{id}/disable", [](http::Context& ctx) { return account_active_api(ctx, false); });
  app.route("POST", "/api/v1/accounts/{id}/enable", [](http::Context& ctx) { return account_active_api(ctx, true); });
  app.route("POST", "/api/v1/accounts/{id}/reset", account_reset_api);
  app.route("GET", "/api/v1/grants", grants_api);
  app.route("POST", "/api/v1/grants", grant_create_api);
  app.route("DELETE", "/api/v1/grants/{id}", grant_delete_api);
}

}  // namespace ct05::accounts
