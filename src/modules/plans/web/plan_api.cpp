// /api/v1/indicators, /api/v1/plans, /api/v1/commitments, /api/v1/pressing-issues: the same
// commands and permission rule as the pages, in JSON.
#include "modules/org/storage/unit_store.hpp"
#include "modules/plans/module.hpp"
#include "modules/plans/storage/plan_store.hpp"
#include "platform/http/json_input.hpp"

namespace ct05::plans {

namespace {

Result<int> year_of(const http::Fields& q) {
  if (auto y = parse_year(q.get("year"))) return *y;
  return fail(Error::invalid({{"year", "Cần tham số year là năm có 4 chữ số (2016–2100)."}}));
}

http::Response indicators_h(http::Context& ctx) {
  auto unit = ctx.req.query().id("unit");
  if (!unit) return ctx.error(Error::invalid({{"unit", "Cần tham số unit là mã số đơn vị."}}));
  auto year = year_of(ctx.req.query());
  if (!year) return ctx.error(year.error());
  auto u = org::get_unit(ctx.db(), ctx.principal, *unit, auth::Action::kViewPlan);
  if (!u) return ctx.error(u.error());
  // as_of=YYYY-MM-DD: the tree of that day; continuity=1: with the predecessors of its units (D25).
  std::string as_of = ctx.req.query().get("as_of"), cont = ctx.req.query().get("continuity");
  if (!cont.empty() && cont != "0" && cont != "1")
    return ctx.error(Error::invalid({{"continuity", "Tham số continuity chỉ nhận 0 hoặc 1."}}));
  org::Scope scope = org::current_scope(*u);
  if (!as_of.empty() || cont == "1") {
    auto s = org::scope_at(ctx.db(), *u, as_of, cont == "1");
    if (!s) return ctx.error(s.error());
    scope = std::move(*s);
  }
  auto doc = to_json(indicators(ctx.db(), scope, *year), u->id, *year);
  if (scope.dated()) {
    doc["as_of"] = scope.as_of;
    doc["continuity"] = cont == "1";
    doc["carried"] = scope.carried;
  }
  contribute_indicators(doc, ctx.db(), scope, *year);  // other modules' figures (villages), each under its own key
  return http::Response::json(doc.dump());
}

// Items given as a JSON array: [{"content": …, "responsible": …, "due_date": …, "evidence": …, "status": …}]
Result<std::vector<ItemInput>> items_of(const nlohmann::json& j) {
  std::vector<ItemInput> out;
  auto it = j.find("items");
  if (it == j.end()) return out;
  if (!it->is_array()) return fail(Error::invalid({{"items", "Trường items phải là một mảng."}}));
  for (const auto& e : *it) {
    if (!e.is_object()) return fail(Error::invalid({{"items", "Mỗi phần tử của items phải là một đối tượng."}}));
    http::JsonFields f(e);
    ItemInput in;
    in.content = f.text("content");
    in.responsible = f.text("responsible");
    in.due_date = f.text("due_date");
    in.evidence = f.text("evidence");
    in.status = f.text("status");
    if (!f.errors().empty()) return fail(Error::invalid(f.errors()));
    out.push_back(in);
  }
  return out;
}

http::Response plan_json(const Result<Plan>& p, http::Context& ctx, int status = 200) {
  if (!p) return ctx.error(p.error());
  return http::Response::json(to_json(*p).dump(), status);
}

http::Response list_plans(http::Context& ctx, OwnerKind kind) {
  auto year = year_of(ctx.req.query());
  if (!year) return ctx.error(year.error());
  auto& c = ctx.db();
  std::optional<Plan> p;
  if (kind == OwnerKind::kUnit) {
    auto unit = ctx.req.query().id("unit");
    if (!unit) return ctx.error(Error::invalid({{"unit", "Cần tham số unit là mã số đơn vị."}}));
    auto u = org::get_unit(c, ctx.principal, *unit, auth::Action::kViewPlan);
    if (!u) return ctx.error(u.error());
    p = find_unit_plan(c, u->id, *year);
  } else {
    auto person = ctx.req.query().id("person");
    if (!person) return ctx.error(Error::invalid({{"person", "Cần tham số person là mã số người."}}));
    p = find_commitment(c, *person, *year);
    if (p && !get_plan(c, ctx.principal, p->id)) return ctx.error(Error::forbidden());
  }
  nlohmann::json items = nlohmann::json::array();
  if (p) items.push_back(to_json(*p));
  return http::Response::json(nlohmann::json{{"items", items}}.dump());
}

http::Response create_plan(http::Context& ctx, OwnerKind kind) {
  auto j = http::json_object(ctx.req);
  if (!j) return ctx.error(j.error());
  http::JsonFields f(*j);
  auto owner = f.integer(kind == OwnerKind::kUnit ? "unit_id" : "person_id");
  auto year = f.integer("year");
  if (!f.errors().empty()) return ctx.error(Error::invalid(f.errors()));
  if (!owner) return ctx.error(Error::invalid({{kind == OwnerKind::kUnit ? "unit_id" : "person_id", "Trường này là bắt buộc."}}));
  if (!year) return ctx.error(Error::invalid({{"year", "Trường year là bắt buộc."}}));
  auto items = items_of(*j);
  if (!items) return ctx.error(items.error());
  auto& c = ctx.db();
  auto p = kind == OwnerKind::kUnit ? open_unit_plan(c, ctx.principal, *owner, static_cast<int>(*year))
                                    : open_commitment(c, ctx.principal, *owner, static_cast<int>(*year));
  if (!p) return ctx.error(p.error());
  if (!items->empty()) p = replace_items(c, ctx.principal, p->id, *items);
  return plan_json(p, ctx, 201);
}

http::Response get_one(http::Context& ctx, OwnerKind kind) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy."));
  auto p = get_plan(ctx.db(), ctx.principal, *id);
  if (p && p->owner != kind) return ctx.error(Error::not_found("Không tìm thấy."));
  return plan_json(p, ctx);
}

http::Response patch_plan(http::Context& ctx, OwnerKind kind) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy."));
  auto j = http::json_object(ctx.req);
  if (!j) return ctx.error(j.error());
  auto items = items_of(*j);
  if (!items) return ctx.error(items.error());
  auto& c = ctx.db();
  auto p = find_plan(c, *id);
  if (!p || p->owner != kind) return ctx.error(Error::not_found("Không tìm thấy."));
  return plan_json(replace_items(c, ctx.principal, *id, *items), ctx);
}

http::Response transition_api(http::Context& ctx, OwnerKind kind, Transition t) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy."));
  std::string comment;
  if (!ctx.req.body.empty()) {
    auto j = http::json_object(ctx.req);
    if (!j) return ctx.error(j.error());
    http::JsonFields f(*j);
    comment = f.text("comment").value_or("");
    if (!f.errors().empty()) return ctx.error(Error::invalid(f.errors()));
  }
  auto p = find_plan(ctx.db(), *id);
  if (!p || p->owner != kind) return ctx.error(Error::not_found("Không tìm thấy."));
  return plan_json(transition(ctx.db(), ctx.principal, *id, t, comment), ctx);
}

void wire_plans(http::App& app, const std::string& base, OwnerKind kind) {
  app.route("GET", base, [kind](http::Context& ctx) { return list_plans(ctx, kind); });
  app.route("POST", base, [kind](http::Context& ctx) { return create_plan(ctx, kind); });
  app.route("GET", base + "/{id}", [kind](http::Context& ctx) { return get_one(ctx, kind); });
  app.route("PATCH", base + "/{id}", [kind](http::Context& ctx) { return patch_plan(ctx, kind); });
  for (auto t : {Transition::kSubmit, Transition::kAccept, Transition::kReturn})
    app.route("POST", base + "/{id}/" + std::string(transition_code(t)),
              [kind, t](http::Context& ctx) { return transition_api(ctx, kind, t); });
}

Result<IssueInput> issue_from_json(const http::Request& req) {
  auto j = http::json_object(req);
  if (!j) return fail(j.error());
  http::JsonFields f(*j);
  IssueInput in;
  in.title = f.text("title");
  in.description = f.text("description");
  in.status = f.text("status");
  in.resolved_on = f.text("resolved_on");
  in.note = f.text("note");
  in.unit_id = f.integer("unit_id");
  if (auto y = f.integer("year")) in.year = static_cast<int>(*y);
  if (!f.errors().empty()) return fail(Error::invalid(f.errors()));
  return in;
}

http::Response issues_list(http::Context& ctx) {
  auto unit = ctx.req.query().id("unit");
  if (!unit) return ctx.error(Error::invalid({{"unit", "Cần tham số unit là mã số đơn vị."}}));
  auto year = year_of(ctx.req.query());
  if (!year) return ctx.error(year.error());
  auto u = org::get_unit(ctx.db(), ctx.principal, *unit, auth::Action::kViewPlan);
  if (!u) return ctx.error(u.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& i : issues(ctx.db(), u->id, *year)) items.push_back(to_json(i));
  return http::Response::json(nlohmann::json{{"items", items}}.dump());
}

http::Response issues_create(http::Context& ctx) {
  auto in = issue_from_json(ctx.req);
  if (!in) return ctx.error(in.error());
  auto i = create_issue(ctx.db(), ctx.principal, *in);
  if (!i) return ctx.error(i.error());
  return http::Response::json(to_json(*i).dump(), 201);
}

http::Response issues_get(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy vấn đề này."));
  auto i = get_issue(ctx.db(), ctx.principal, *id);
  if (!i) return ctx.error(i.error());
  return http::Response::json(to_json(*i).dump());
}

http::Response issues_patch(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy vấn đề này."));
  auto in = issue_from_json(ctx.req);
  if (!in) return ctx.error(in.error());
  auto i = update_issue(ctx.db(), ctx.principal, *id, *in);
  if (!i) return ctx.error(i.error());
  return http::Response::json(to_json(*i).dump());
}

}  // namespace

void wire_api(http::App& app) {
  app.route("GET", "/api/v1/indicators", indicators_h);
  wire_plans(app, "/api/v1/plans", OwnerKind::kUnit);
  wire_plans(app, "/api/v1/commitments", OwnerKind::kPerson);
  app.route("GET", "/api/v1/pressing-issues", issues_list);
  app.route("POST", "/api/v1/pressing-issues", issues_create);
  app.route("GET", "/api/v1/pressing-issues/{id}", issues_get);
  app.route("PATCH", "/api/v1/pressing-issues/{id}", issues_patch);
}

}  // namespace ct05::plans
