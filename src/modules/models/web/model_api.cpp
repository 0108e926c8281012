// /api/v1/models and /api/v1/model-adoptions: the same commands and permission rule as the pages.
#include "modules/models/module.hpp"
#include "modules/models/storage/model_store.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "platform/http/json_input.hpp"

namespace ct05::models {

namespace {

Result<ModelInput> model_input(const http::Request& req) {
  auto body = http::json_object(req);
  if (!body) return fail(body.error());
  http::JsonFields f(*body);
  ModelInput in;
  in.name = f.text("name");
  in.description = f.text("description");
  in.active = f.boolean("active");
  if (auto it = body->find("metrics"); it != body->end()) {
    if (!it->is_array()) return fail(Error::invalid({{"metrics", "metrics phải là một mảng chuỗi “Tên chỉ số (đơn vị)”."}}));
    std::string text;
    for (const auto& m : *it) {
      if (!m.is_string()) return fail(Error::invalid({{"metrics", "metrics phải là một mảng chuỗi “Tên chỉ số (đơn vị)”."}}));
      text += m.get<std::string>() + "\n";
    }
    in.metrics = text;
  }
  if (!f.errors().empty()) return fail(Error::invalid(f.errors()));
  return in;
}

http::Response list_models_h(http::Context& ctx) {
  if (ctx.principal.scope_paths(auth::Action::kViewPlan).empty()) return ctx.error(Error::forbidden());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& m : list_models(ctx.db(), false)) items.push_back(to_json(m));
  return http::Response::json(nlohmann::json{{"items", items}}.dump());
}

http::Response get_model_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto m = id ? find_model(ctx.db(), *id) : std::nullopt;
  if (!m) return ctx.error(Error::not_found("Không tìm thấy mô hình."));
  auto j = to_json(*m);
  // ?unit= adds the model's spread and summed outcomes over that unit's subtree.
  if (auto unit = ctx.req.query().id("unit")) {
    auto u = org::get_unit(ctx.db(), ctx.principal, *unit, auth::Action::kViewPlan);
    if (!u) return ctx.error(u.error());
    j["spread"] = to_json(spread(ctx.db(), *m, u->path));
    j["spread"]["unit"] = u->id;
  } else if (ctx.principal.scope_paths(auth::Action::kViewPlan).empty()) {
    return ctx.error(Error::forbidden());
  }
  return http::Response::json(j.dump());
}

http::Response create_model_h(http::Context& ctx) {
  auto in = model_input(ctx.req);
  if (!in) return ctx.error(in.error());
  auto m = create_model(ctx.db(), ctx.principal, *in);
  if (!m) return ctx.error(m.error());
  return http::Response::json(to_json(*m).dump(), 201);
}

http::Response patch_model_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy mô hình."));
  auto in = model_input(ctx.req);
  if (!in) return ctx.error(in.error());
  auto m = update_model(ctx.db(), ctx.principal, *id, *in);
  if (!m) return ctx.error(m.error());
  return http::Response::json(to_json(*m).dump());
}

http::Response list_adoptions_h(http::Context& ctx) {
  auto& c = ctx.db();
  const auto& q = ctx.req.query();
  auto unit = q.id("unit");
  if (!unit) return ctx.error(Error::invalid({{"unit", "Cần tham số unit là mã số đơn vị."}}));
  auto u = org::get_unit(c, ctx.principal, *unit, auth::Action::kViewPlan);
  if (!u) return ctx.error(u.error());
  nlohmann::json items = nlohmann::json::array();
  if (auto model = q.id("model")) {
    auto page = html::page_request(q.get("page"));
    for (const auto& a : model_adoptions(c, *model, u->path, page.per_page, page.offset())) items.push_back(to_json(a));
  } else {
    for (const auto& a : unit_adoptions(c, u->id)) items.push_back(to_json(a));
  }
  return http::Response::json(nlohmann::json{{"items", items}}.dump());
}

http::Response get_adoption_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy việc áp dụng mô hình."));
  auto a = get_adoption(ctx.db(), ctx.principal, *id);
  if (!a) return ctx.error(a.error());
  return http::Response::json(to_json(*a).dump());
}

Result<AdoptionInput> adoption_input(const http::Request& req) {
  auto body = http::json_object(req);
  if (!body) return fail(body.error());
  http::JsonFields f(*body);
  AdoptionInput in;
  in.model_id = f.integer("model_id");
  in.unit_id = f.integer("unit_id");
  in.since = f.text("since");
  in.lead = f.text("lead");
  in.note = f.text("note");
  in.active = f.boolean("active");
  if (!f.errors().empty()) return fail(Error::invalid(f.errors()));
  return in;
}

http::Response create_adoption_h(http::Context& ctx) {
  auto in = adoption_input(ctx.req);
  if (!in) return ctx.error(in.error());
  auto a = adopt(ctx.db(), ctx.principal, *in);
  if (!a) return ctx.error(a.error());
  return http::Response::json(to_json(*a).dump(), 201);
}

http::Response patch_adoption_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy việc áp dụng mô hình."));
  auto in = adoption_input(ctx.req);
  if (!in) return ctx.error(in.error());
  auto a = update_adoption(ctx.db(), ctx.principal, *id, *in);
  if (!a) return ctx.error(a.error());
  return http::Response::json(to_json(*a).dump());
}

// {"as_of": "2020-12-31", "values": [{"metric_id": 3, "value": 1250000}, …]}
http::Response outcomes_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy việc áp dụng mô hình."));
  auto body = http::json_object(ctx.req);
  if (!body) return ctx.error(body.error());
  http::JsonFields f(*body);
  auto as_of = f.text("as_of");
  if (!f.errors().empty()) return ctx.error(Error::invalid(f.errors()));
  std::vector<std::pair<std::int64_t, std::int64_t>> values;
  auto it = body->find("values");
  if (it == body->end() || !it->is_array())
    return ctx.error(Error::invalid({{"values", "values phải là một mảng {metric_id, value}."}}));
  for (const auto& v : *it) {
    if (!v.is_object() || !v.contains("metric_id") || !v.contains("value") || !v["metric_id"].is_number_integer() ||
        !v["value"].is_number_integer())
      return ctx.error(Error::invalid({{"values", "Mỗi phần tử của values cần metric_id và value là số nguyên."}}));
    values.emplace_back(v["metric_id"].get<std::int64_t>(), v["value"].get<std::int64_t>());
  }
  auto a = record_outcomes(ctx.db(), ctx.principal, *id, as_of.value_or(""), values);
  if (!a) return ctx.error(a.error());
  return http::Response::json(to_json(*a).dump());
}

}  // namespace

void wire_api(http::App& app) {
  app.route("GET", "/api/v1/models", list_models_h);
  app.route("POST", "/api/v1/models", create_model_h);
  app.route("GET", "/api/v1/models/{id}", get_model_h);
  app.route("PATCH", "/api/v1/models/{id}", patch_model_h);
  app.route("GET", "/api/v1/model-adoptions", list_adoptions_h);
  app.route("POST", "/api/v1/model-adoptions", create_adoption_h);
  app.route("GET", "/api/v1/model-adoptions/{id}", get_adoption_h);
  app.route("PATCH", "/api/v1/model-adoptions/{id}", patch_adoption_h);
  app.route("POST", "/api/v1/model-adoptions/{id}/outcomes", outcomes_h);
}

}  // namespace ct05::models
