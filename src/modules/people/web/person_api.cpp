// /api/v1/people: the person commands in JSON, under the same permission rule as the pages.
#include "modules/org/storage/unit_store.hpp"
#include "modules/people/module.hpp"
#include "modules/people/storage/person_store.hpp"
#include "platform/html/view.hpp"
#include "platform/http/json_input.hpp"

namespace ct05::people {

namespace {

Result<PersonInput> input_from_json(const http::Request& req) {
  auto j = http::json_object(req);
  if (!j) return fail(j.error());
  http::JsonFields f(*j);
  PersonInput in;
  in.full_name = f.text("full_name");
  in.gender = f.text("gender");
  in.ethnicity = f.text("ethnicity");
  in.phone = f.text("phone");
  in.id_number = f.text("id_number");
  in.party_card_no = f.text("party_card_no");
  in.party_join_date = f.text("party_join_date");
  in.cadre_status = f.text("cadre_status");
  in.position = f.text("position");
  in.note = f.text("note");
  in.is_party_member = f.boolean("is_party_member");
  if (auto y = f.integer("birth_year")) in.birth_year = static_cast<int>(*y);
  in.unit_id = f.integer("unit_id");
  in.member_since = f.text("member_since");
  if (!f.errors().empty()) return fail(Error::invalid(f.errors()));
  return in;
}

http::Response person_json(http::Context& ctx, const Person& p, int status = 200) {
  bool sensitive = auth::allowed(ctx.principal, auth::Action::kViewPersonSensitive, {p.unit_path, p.id});
  if (sensitive) log_full_read(ctx.db(), ctx.principal, p, "api");
  return http::Response::json(to_json(p, sensitive).dump(), status);
}

http::Response get_one(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy người này."));
  auto p = get_person(ctx.db(), ctx.principal, *id);
  if (!p) return ctx.error(p.error());
  return person_json(ctx, *p);
}

http::Response list(http::Context& ctx) {
  auto unit = ctx.req.query().id("unit");
  if (!unit) return ctx.error(Error::invalid({{"unit", "Cần tham số unit là mã số đơn vị (ví dụ /api/v1/people?unit=12)."}}));
  auto& c = ctx.db();
  auto u = org::get_unit(c, ctx.principal, *unit, auth::Action::kViewPerson);
  if (!u) return ctx.error(u.error());
  auto page = html::page_request(ctx.req.query().get("page"), 100);
  // Lists carry only the non-sensitive part; the full record is one GET (logged) away.
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : members(c, u->id, page.per_page, page.offset())) items.push_back(to_json(p, false));
  nlohmann::json out{{"items", items}, {"total", count_members(c, u->id)}, {"page", page.page}, {"per_page", page.per_page}};
  return http::Response::json(out.dump());
}

http::Response create(http::Context& ctx) {
  auto in = input_from_json(ctx.req);
  if (!in) return ctx.error(in.error());
  auto p = create_person(ctx.db(), ctx.principal, *in);
  if (!p) return ctx.error(p.error());
  auto r = person_json(ctx, *p, 201);
  r.header("Location", "/api/v1/people/" + std::to_string(p->id));
  return r;
}

http::Response patch(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy người này."));
  auto j = http::json_object(ctx.req);
  if (!j) return ctx.error(j.error());
  if (auto a = j->find("active"); a != j->end()) {
    if (!a->is_boolean() || a->get<bool>())
      return ctx.error(Error::invalid({{"active", "Chỉ có thể đặt active = false (thôi sinh hoạt)."}}));
    auto p = deactivate_person(ctx.db(), ctx.principal, *id);
    if (!p) return ctx.error(p.error());
    return person_json(ctx, *p);
  }
  auto in = input_from_json(ctx.req);
  if (!in) return ctx.error(in.error());
  auto p = update_person(ctx.db(), ctx.principal, *id, *in);
  if (!p) return ctx.error(p.error());
  return person_json(ctx, *p);
}

}  // namespace

void wire_api(http::App& app) {
  app.route("GET", "/api/v1/people", list);
  app.route("POST", "/api/v1/people", create);
  app.route("GET", "/api/v1/people/{id}", get_one);
  app.route("PATCH", "/api/v1/people/{id}", patch);
}

}  // namespace ct05::people
