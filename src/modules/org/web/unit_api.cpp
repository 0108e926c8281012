// /api/v1/units: the same commands and permission checks as the pages, in JSON.
#include "modules/org/module.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "platform/html/view.hpp"
#include "platform/http/json_input.hpp"

namespace ct05::org {

namespace {

Result<UnitInput> input_from_json(const http::Request& req) {
  auto j = http::json_object(req);
  if (!j) return fail(j.error());
  http::JsonFields f(*j);
  UnitInput in;
  in.code = f.text("code");
  in.name = f.text("name");
  in.kind = f.text("kind");
  in.valid_from = f.text("valid_from");
  in.valid_to = f.text("valid_to");
  in.note = f.text("note");
  in.territory_code = f.text("territory_code");
  in.parent_id = f.integer("parent_id");
  if (!f.errors().empty()) return fail(Error::invalid(f.errors()));
  return in;
}

http::Response get_one(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đơn vị."));
  auto u = get_unit(ctx.db(), ctx.principal, *id);
  if (!u) return ctx.error(u.error());
  return http::Response::json(to_json(*u).dump());
}

http::Response list(http::Context& ctx) {
  auto& c = ctx.db();
  auto page = html::page_request(ctx.req.query().get("page"), 100);
  nlohmann::json items = nlohmann::json::array();
  std::int64_t total = 0;
  std::string parent = ctx.req.query().get("parent");
  if (parent.empty()) {
    // Without ?parent the caller gets the roots of their own scope.
    for (const auto& g : ctx.principal.grants)
      if (auto u = find_unit(c, g.unit_id)) items.push_back(to_json(*u));
    total = static_cast<std::int64_t>(items.size());
  } else {
    auto parent_id = http::parse_id(parent);
    if (!parent_id) return ctx.error(Error::invalid({{"parent", "Tham số parent phải là mã số đơn vị."}}));
    auto p = get_unit(c, ctx.principal, *parent_id);
    if (!p) return ctx.error(p.error());
    total = count_children(c, p->id);
    for (const auto& u : children(c, p->id, page.per_page, page.offset())) items.push_back(to_json(u));
  }
  nlohmann::json out{{"items", items}, {"total", total}, {"page", page.page}, {"per_page", page.per_page}};
  return http::Response::json(out.dump());
}

http::Response create(http::Context& ctx) {
  auto in = input_from_json(ctx.req);
  if (!in) return ctx.error(in.error());
  auto u = create_unit(ctx.db(), ctx.principal, *in);
  if (!u) return ctx.error(u.error());
  auto r = http::Response::json(to_json(*u).dump(), 201);
  r.header("Location", "/api/v1/units/" + std::to_string(u->id));
  return r;
}

http::Response patch(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đơn vị."));
  auto j = http::json_object(ctx.req);
  if (!j) return ctx.error(j.error());
  // {"active": false} ends the unit's validity (valid_to, default today); the rest edits details.
  if (auto a = j->find("active"); a != j->end()) {
    if (!a->is_boolean() || a->get<bool>())
      return ctx.error(Error::invalid({{"active", "Chỉ có thể đặt active = false (ngừng hoạt động)."}}));
    std::string date = j->contains("valid_to") && (*j)["valid_to"].is_string() ? (*j)["valid_to"].get<std::string>() : "";
    auto u = deactivate_unit(ctx.db(), ctx.principal, *id, date);
    if (!u) return ctx.error(u.error());
    return http::Response::json(to_json(*u).dump());
  }
  auto in = input_from_json(ctx.req);
  if (!in) return ctx.error(in.error());
  auto u = update_unit(ctx.db(), ctx.principal, *id, *in);
  if (!u) return ctx.error(u.error());
  return http::Response::json(to_json(*u).dump());
}

}  // namespace

void wire_api(http::App& app) {
  app.route("GET", "/api/v1/units", list);
  app.route("POST", "/api/v1/units", create);
  app.route("GET", "/api/v1/units/{id}", get_one);
  app.route("PATCH", "/api/v1/units/{id}", patch);
}

}  // namespace ct05::org
