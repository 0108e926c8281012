// Unit pages: thin handlers (permission → form → command → page).
#include "kernel/clock.hpp"
#include "modules/org/module.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "platform/exports/export_kinds.hpp"
#include "platform/http/json_input.hpp"

namespace ct05::org {

namespace {

UnitInput input_from_form(const http::Fields& f) {
  UnitInput in;
  in.code = f.trimmed("code");
  in.name = f.trimmed("name");
  in.kind = f.trimmed("kind");
  in.valid_from = f.trimmed("valid_from");
  in.note = f.trimmed("note");
  in.territory_code = f.trimmed("territory_code");
  in.parent_id = f.id("parent_id");
  return in;
}

void fill_form(html::Dict& d, const UnitInput& in, const std::string& territory_code) {
  d.SetValue("NAME", in.name.value_or(""));
  d.SetValue("CODE", in.code.value_or(""));
  d.SetValue("VALID_FROM", in.valid_from.value_or(""));
  d.SetValue("NOTE", in.note.value_or(""));
  d.SetValue("TERRITORY_CODE", in.territory_code.value_or(territory_code));
  for (const auto& k : unit_kinds()) {
    auto* o = d.AddSectionDictionary("KIND");
    o->SetValue("VALUE", std::string(k.code));
    o->SetValue("LABEL", std::string(k.label));
    if (in.kind && *in.kind == k.code) o->ShowSection("SELECTED");
  }
}

http::Response form_page(http::Context& ctx, const std::string& heading, const std::string& action,
                         const std::string& cancel, const Unit* parent, const UnitInput& in, const Error* err,
                         const std::string& territory_code = "") {
  html::Dict d("unit_form");
  d.SetValue("HEADING", heading);
  d.SetValue("ACTION", action);
  d.SetValue("CANCEL", cancel);
  d.SetValue("CSRF", ctx.csrf_token());
  if (parent) {
    auto* p = d.AddSectionDictionary("PARENT");
    p->SetIntValue("ID", parent->id);
    p->SetValue("NAME", parent->name);
  }
  fill_form(d, in, territory_code);
  if (err) html::set_field_errors(d, err->message, http::field_pairs(*err));
  return ctx.page("org/unit_form.tpl", d, heading, err ? http::status_for(err->code) : 200);
}

std::string territory_code_of(db::Connection& c, const Unit& u) {
  if (!u.territory_id) return "";
  auto t = find_unit(c, u.territory_id);
  return t ? t->code : "";
}

http::Response view(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đơn vị."));
  auto& c = ctx.db();
  auto u = get_unit(c, ctx.principal, *id);
  if (!u) return ctx.error(u.error());

  html::Dict d("unit_view");
  d.SetIntValue("ID", u->id);
  d.SetValue("NAME", u->name);
  d.SetValue("CODE", u->code);
  d.SetValue("KIND_LABEL", std::string(kind_label(u->kind)));
  d.SetValue("VALID_FROM", kernel::date_vn(u->valid_from));
  d.SetValue("VALID_TO", kernel::date_vn(u->valid_to));
  d.SetValue("CSRF", ctx.csrf_token());
  d.SetValue("TODAY", kernel::today_iso());
  if (!u->valid_to.empty()) d.ShowSection("HAS_END");
  if (!u->active) d.ShowSection("INACTIVE");
  if (!u->note.empty()) d.AddSectionDictionary("NOTE")->SetValue("TEXT", u->note);
  if (u->territory_id)
    if (auto t = find_unit(c, u->territory_id)) {
      auto* s = d.AddSectionDictionary("TERRITORY");
      s->SetIntValue("ID", t->id);
      s->SetValue("NAME", t->name);
    }
  // Breadcrumbs show only the ancestors the principal may open.
  auto ids = path_ids(u->path);
  ids.pop_back();
  for (const auto& a : find_units(c, ids)) {
    if (!auth::allowed(ctx.principal, auth::Action::kViewUnit, {a.path})) continue;
    auto* s = d.AddSectionDictionary("CRUMB");
    s->SetIntValue("ID", a.id);
    s->SetValue("NAME", a.name);
  }
  d.SetValue("SUBTREE", html::number_vn(count_subtree(c, u->path)));
  const bool active = u->active;
  if (active && auth::allowed(ctx.principal, auth::Action::kEditUnit, {u->path})) d.ShowSection("CAN_EDIT");
  if (active && auth::allowed(ctx.principal, auth::Action::kCreateUnit, {u->path})) d.ShowSection("CAN_CREATE");
  if (active && auth::allowed(ctx.principal, auth::Action::kDeactivateUnit, {u->path})) d.ShowSection("CAN_DEACTIVATE");

  auto page = html::page_request(ctx.req.query().get("page"));
  auto total = count_children(c, u->id);
  d.SetValue("CHILD_COUNT", html::number_vn(total));
  if (total == 0) d.ShowSection("NO_CHILD");
  for (const auto& ch : children(c, u->id, page.per_page, page.offset())) {
    auto* s = d.AddSectionDictionary("CHILD");
    s->SetIntValue("ID", ch.id);
    s->SetValue("NAME", ch.name);
    s->SetValue("KIND", std::string(kind_label(ch.kind)));
    if (!ch.active) s->ShowSection("OFF");
  }
  html::add_pager(d, total, page, "/units/" + std::to_string(u->id) + "?");
  if (total > 0) exports::add_links(d, "units", u->id, {});
  for (auto& html_part : render_panels(ctx, *u)) d.AddSectionDictionary("PANEL")->SetValue("HTML", html_part);
  std::string msg = ctx.req.query().get("msg");
  if (msg == "created") d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã tạo đơn vị.");
  if (msg == "saved") d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã lưu thay đổi.");
  if (msg == "deactivated") d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đơn vị đã ngừng hoạt động.");
  return ctx.page("org/unit_view.tpl", d, u->name);
}

http::Response by_code(http::Context& ctx) {
  auto u = get_unit_by_code(ctx.db(), ctx.principal, ctx.params["code"]);
  if (!u) return ctx.error(u.error());
  return http::Response::redirect("/units/" + std::to_string(u->id));
}

http::Response home(http::Context& ctx) {
  if (!ctx.principal.authenticated()) return http::Response::redirect("/login");
  if (auto home = ctx.principal.home_unit()) return http::Response::redirect("/units/" + std::to_string(home));
  return ctx.error(Error::forbidden("Tài khoản của bạn chưa được giao đơn vị nào. Hãy liên hệ Ban Tuyên giáo."));
}

http::Response new_form(http::Context& ctx) {
  auto parent = get_unit(ctx.db(), ctx.principal, ctx.req.query().id("parent").value_or(0), auth::Action::kCreateUnit);
  if (!parent) return ctx.error(parent.error());
  UnitInput in;
  in.valid_from = kernel::today_iso();
  return form_page(ctx, "Thêm đơn vị trực thuộc", "/units", "/units/" + std::to_string(parent->id), &*parent, in, nullptr);
}

http::Response create(http::Context& ctx) {
  UnitInput in = input_from_form(ctx.req.form());
  auto u = create_unit(ctx.db(), ctx.principal, in);
  if (u) return http::Response::redirect("/units/" + std::to_string(u->id) + "?msg=created");
  if (u.error().code != ErrorCode::kInvalid) return ctx.error(u.error());
  auto parent = in.parent_id ? find_unit(ctx.db(), *in.parent_id) : std::nullopt;
  return form_page(ctx, "Thêm đơn vị trực thuộc", "/units", parent ? "/units/" + std::to_string(parent->id) : "/",
                   parent ? &*parent : nullptr, in, &u.error());
}

http::Response edit_form(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đơn vị."));
  auto u = get_unit(ctx.db(), ctx.principal, *id, auth::Action::kEditUnit);
  if (!u) return ctx.error(u.error());
  UnitInput in{u->code, u->name, u->kind, u->valid_from, std::nullopt, u->note, std::nullopt, std::nullopt};
  std::string href = "/units/" + std::to_string(u->id);
  return form_page(ctx, "Sửa thông tin đơn vị", href, href, nullptr, in, nullptr, territory_code_of(ctx.db(), *u));
}

http::Response update(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đơn vị."));
  UnitInput in = input_from_form(ctx.req.form());
  in.parent_id.reset();  // the edit form cannot move a unit
  auto u = update_unit(ctx.db(), ctx.principal, *id, in);
  std::string href = "/units/" + std::to_string(*id);
  if (u) return http::Response::redirect(href + "?msg=saved");
  if (u.error().code != ErrorCode::kInvalid) return ctx.error(u.error());
  return form_page(ctx, "Sửa thông tin đơn vị", href, href, nullptr, in, &u.error());
}

http::Response deactivate(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đơn vị."));
  auto u = deactivate_unit(ctx.db(), ctx.principal, *id, ctx.req.form().trimmed("valid_to"));
  if (!u) return ctx.error(u.error());
  return http::Response::redirect("/units/" + std::to_string(*id) + "?msg=deactivated");
}

}  // namespace

void wire_pages(http::App& app) {
  app.route("GET", "/", home, http::Access::kPublic);
  app.route("GET", "/units", home);
  app.route("GET", "/units/new", new_form);
  app.route("POST", "/units", create);
  app.route("GET", "/units/by-code/{code}", by_code);
  app.route("GET", "/units/{id}", view);
  app.route("GET", "/units/{id}/edit", edit_form);
  app.route("POST", "/units/{id}", update);
  app.route("POST", "/units/{id}/deactivate", deactivate);
  app.nav({"Đơn vị", "/units", auth::Action::kViewUnit});
}

}  // namespace ct05::org
