// /api/v1/ethics-standards: the same commands and permission rule as the pages.
#include "modules/ethics/module.hpp"
#include "modules/ethics/storage/standard_store.hpp"
#include "platform/http/json_input.hpp"

namespace ct05::ethics {

namespace {

// ?unit= → every version newest first, the one in force, and (for officers) how many have acknowledged it.
http::Response list_h(http::Context& ctx) {
  auto& c = ctx.db();
  auto unit = ctx.req.query().id("unit");
  if (!unit) return ctx.error(Error::invalid({{"unit", "Cần tham số unit là mã số đơn vị."}}));
  auto u = readable_unit(c, ctx.principal, *unit);
  if (!u) return ctx.error(u.error());
  nlohmann::json items = nlohmann::json::array();
  auto versions = history(c, u->id);
  for (const auto& s : versions) items.push_back(to_json(s));
  nlohmann::json out{
      {"items", items}, {"current", nullptr}, {"acknowledged", nullptr}, {"required", nullptr}, {"mine", nullptr}};
  if (versions.empty()) return http::Response::json(out.dump());
  const auto& current = versions.front();
  out["current"] = to_json(current);
  // Counts are the officers' view, like the names behind them; everyone else gets null.
  if (may_see_who(ctx.principal, u->path)) {
    auto t = tally(c, current);
    out["acknowledged"] = t.acknowledged;
    out["required"] = t.required;
  }
  // The caller's own part, when they are one of those who must acknowledge.
  if (must_acknowledge(c, ctx.principal.person_id, current.unit_path)) {
    auto ack = acknowledgement_of(c, current.id, ctx.principal.person_id);
    out["mine"] = {{"must_acknowledge", true},
                   {"acknowledged_at", ack ? nlohmann::json(ack->acknowledged_at) : nlohmann::json()}};
  }
  return http::Response::json(out.dump());
}

http::Response get_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy phiên bản chuẩn mực này."));
  auto s = get_standard(ctx.db(), ctx.principal, *id);
  if (!s) return ctx.error(s.error());
  return http::Response::json(to_json(*s).dump());
}

// {"unit_id": 14, "title": "…", "body": "…", "note": "…"}
http::Response publish_h(http::Context& ctx) {
  auto body = http::json_object(ctx.req);
  if (!body) return ctx.error(body.error());
  http::JsonFields f(*body);
  StandardInput in;
  in.unit_id = f.integer("unit_id");
  in.title = f.text("title");
  in.body = f.text("body");
  in.note = f.text("note");
  if (!f.errors().empty()) return ctx.error(Error::invalid(f.errors()));
  auto s = publish(ctx.db(), ctx.principal, in);
  if (!s) return ctx.error(s.error());
  return http::Response::json(to_json(*s).dump(), 201);
}

http::Response acknowledge_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy phiên bản chuẩn mực này."));
  auto a = acknowledge(ctx.db(), ctx.principal, *id);
  if (!a) return ctx.error(a.error());
  return http::Response::json(to_json(*a).dump());
}

// Who has not acknowledged a version yet (officers and lãnh đạo: kViewPerson on its unit), by name, ?page=.
http::Response pending_h(http::Context& ctx) {
  auto& c = ctx.db();
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy phiên bản chuẩn mực này."));
  auto s = get_standard(c, ctx.principal, *id);
  if (!s) return ctx.error(s.error());
  if (!may_see_who(ctx.principal, s->unit_path)) return ctx.error(Error::forbidden());
  auto page = html::page_request(ctx.req.query().get("page"));
  auto t = tally(c, *s);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : pending(c, *s, page.per_page, page.offset())) items.push_back(to_json(p));
  return http::Response::json(nlohmann::json{
      {"items", items},
      {"total", t.required - t.acknowledged},
      {"acknowledged", t.acknowledged},
      {"required", t.required},
      {"page", page.page},
      {"per_page", page.per_page}}.dump());
}

}  // namespace

void wire_api(http::App& app) {
  app.route("GET", "/api/v1/ethics-standards", list_h);
  app.route("POST", "/api/v1/ethics-standards", publish_h);
  app.route("GET", "/api/v1/ethics-standards/{id}", get_h);
  app.route("POST", "/api/v1/ethics-standards/{id}/acknowledge", acknowledge_h);
  app.route("GET", "/api/v1/ethics-standards/{id}/pending", pending_h);
}

}  // namespace ct05::ethics
