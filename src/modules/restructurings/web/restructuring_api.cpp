// /api/v1/restructurings: the same run as the pages. POST …/preview returns what would change and keeps nothing;
// POST /api/v1/restructurings commits (201); GET lists the events of the caller's scope, GET …/{id} one of them.
#include "modules/org/storage/unit_store.hpp"
#include "modules/restructurings/module.hpp"
#include "modules/restructurings/storage/restructuring_store.hpp"
#include "platform/http/json_input.hpp"

namespace ct05::restructurings {

namespace {

http::Response run_h(http::Context& ctx, bool commit) {
  auto j = http::json_object(ctx.req);
  if (!j) return ctx.error(j.error());
  auto r = from_json(*j);
  if (!r) return ctx.error(r.error());
  auto o = run(ctx.db(), ctx.principal, *r, commit);
  if (!o) return ctx.error(o.error());
  auto res = http::Response::json(to_json(*o, commit).dump());
  if (commit) res.status = 201;
  return res;
}

http::Response preview_h(http::Context& ctx) { return run_h(ctx, false); }
http::Response commit_h(http::Context& ctx) { return run_h(ctx, true); }

http::Response list_h(http::Context& ctx) {
  auto page = html::page_request(ctx.req.query().get("page"), 50);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& s : list(ctx.db(), ctx.principal, page.per_page, page.offset())) items.push_back(to_json(s));
  nlohmann::json out{{"items", items}, {"total", count(ctx.db(), ctx.principal)}, {"page", page.page}, {"per_page", page.per_page}};
  return http::Response::json(out.dump());
}

http::Response get_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto s = id ? find(ctx.db(), *id) : std::nullopt;
  bool visible = false;
  if (s)
    for (const auto& uid : s->summary.value("units", std::vector<std::int64_t>{}))
      if (auto u = org::find_unit(ctx.db(), uid); u && auth::allowed(ctx.principal, auth::Action::kViewUnit, {u->path})) visible = true;
  if (!visible) return ctx.error(Error::not_found("Không tìm thấy sự kiện sắp xếp này."));
  auto j = to_json(*s);
  j["notes"] = s->summary.value("notes", nlohmann::json::array());
  j["units"] = s->summary.value("units", nlohmann::json::array());
  return http::Response::json(j.dump());
}

}  // namespace

void wire_api(http::App& app) {
  app.route("GET", "/api/v1/restructurings", list_h);
  app.route("POST", "/api/v1/restructurings/preview", preview_h);
  app.route("POST", "/api/v1/restructurings", commit_h);
  app.route("GET", "/api/v1/restructurings/{id}", get_h);
}

}  // namespace ct05::restructurings
