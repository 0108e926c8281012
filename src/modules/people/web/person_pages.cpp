// Person pages and the members panel of unit pages: thin handlers over the person commands.
#include "kernel/clock.hpp"
#include "modules/org/module.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/people/module.hpp"
#include "modules/people/storage/person_store.hpp"
#include "platform/audit/audit.hpp"
#include "platform/exports/export_kinds.hpp"
#include "platform/http/json_input.hpp"

namespace ct05::people {

namespace {

constexpr const char* kScopeUnits =
    "SELECT id, name FROM units WHERE active = 1 AND path >= $1 AND path < $2 ORDER BY depth, sort_name LIMIT 500";

PersonInput input_from_form(const http::Fields& f) {
  PersonInput in;
  in.full_name = f.trimmed("full_name");
  in.gender = f.trimmed("gender");
  in.ethnicity = f.trimmed("ethnicity");
  in.phone = f.trimmed("phone");
  in.id_number = f.trimmed("id_number");
  in.party_card_no = f.trimmed("party_card_no");
  in.party_join_date = f.trimmed("party_join_date");
  in.cadre_status = f.trimmed("cadre_status");
  in.position = f.trimmed("position");
  in.note = f.trimmed("note");
  in.is_party_member = f.get("is_party_member") == "1";
  std::string y = f.trimmed("birth_year");
  if (!y.empty()) {
    if (y.size() <= 4 && y.find_first_not_of("0123456789") == std::string::npos) in.birth_year = std::stoi(y);
    else in.birth_year_invalid = true;
  } else {
    in.birth_year = 0;
  }
  in.unit_id = f.id("unit_id");
  return in;
}

void fill_form(html::Dict& d, const PersonInput& in, const std::string& raw_birth_year) {
  d.SetValue("FULL_NAME", in.full_name.value_or(""));
  if (in.gender == "nam") d.ShowSection("NAM");
  if (in.gender == "nu") d.ShowSection("NU");
  d.SetValue("BIRTH_YEAR", raw_birth_year);
  d.SetValue("ETHNICITY", in.ethnicity.value_or(""));
  d.SetValue("PHONE", in.phone.value_or(""));
  d.SetValue("ID_NUMBER", in.id_number.value_or(""));
  d.SetValue("PARTY_CARD_NO", in.party_card_no.value_or(""));
  d.SetValue("PARTY_JOIN_DATE", in.party_join_date.value_or(""));
  d.SetValue("POSITION", in.position.value_or(""));
  d.SetValue("NOTE", in.note.value_or(""));
  if (in.is_party_member.value_or(false)) d.ShowSection("MEMBER");
  for (const auto& [code, label] : cadre_statuses()) {
    auto* o = d.AddSectionDictionary("STATUS");
    o->SetValue("VALUE", std::string(code));
    o->SetValue("LABEL", std::string(label));
    if (in.cadre_status && *in.cadre_status == code) o->ShowSection("SELECTED");
  }
  for (auto e : common_ethnicities()) d.AddSectionDictionary("ETHNIC")->SetValue("NAME", std::string(e));
}

http::Response form_page(http::Context& ctx, const std::string& heading, const std::string& action, const std::string& cancel,
                         const org::Unit* unit, const PersonInput& in, const std::string& raw_birth_year, const Error* err,
                         const Person* editing = nullptr) {
  html::Dict d("person_form");
  d.SetValue("HEADING", heading);
  d.SetValue("ACTION", action);
  d.SetValue("CANCEL", cancel);
  d.SetValue("CSRF", ctx.csrf_token());
  if (unit) {
    auto* u = d.AddSectionDictionary("UNIT");
    u->SetIntValue("ID", unit->id);
    u->SetValue("NAME", unit->name);
  }
  if (editing) {
    // Transfer within the principal's scope: offer the active units they may move people to.
    std::vector<std::pair<std::int64_t, std::string>> opts;
    for (const auto& path : ctx.principal.scope_paths(auth::Action::kEditPerson))
      for (const auto& r : ctx.db().query(kScopeUnits, {path, db::subtree_end(path)})) opts.emplace_back(r.i64(0), r.str(1));
    if (opts.size() > 1) {
      auto* m = d.AddSectionDictionary("MOVE");
      std::int64_t selected = in.unit_id.value_or(editing->unit_id);
      for (const auto& [id, name] : opts) {
        auto* o = m->AddSectionDictionary("OPT");
        o->SetIntValue("VALUE", id);
        o->SetValue("LABEL", name);
        if (id == selected) o->ShowSection("SELECTED");
      }
    }
  }
  fill_form(d, in, raw_birth_year);
  if (err) html::set_field_errors(d, err->message, http::field_pairs(*err));
  return ctx.page("people/person_form.tpl", d, heading, err ? http::status_for(err->code) : 200);
}

http::Response view(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy người này."));
  auto& c = ctx.db();
  auto p = get_person(c, ctx.principal, *id);
  if (!p) return ctx.error(p.error());
  html::Dict d("person_view");
  d.SetIntValue("ID", p->id);
  d.SetValue("NAME", p->full_name);
  d.SetValue("POSITION", p->position);
  d.SetValue("GENDER", std::string(gender_label(p->gender)));
  d.SetValue("BIRTH_YEAR", p->birth_year ? std::to_string(p->birth_year) : "");
  d.SetValue("CADRE_STATUS", std::string(cadre_status_label(p->cadre_status)));
  d.SetValue("CSRF", ctx.csrf_token());
  if (!p->active) d.ShowSection("INACTIVE");
  if (p->unit_id && auth::allowed(ctx.principal, auth::Action::kViewUnit, {p->unit_path})) {
    auto* u = d.AddSectionDictionary("UNIT");
    u->SetIntValue("ID", p->unit_id);
    u->SetValue("NAME", p->unit_name);
    u->SetValue("SINCE", kernel::date_vn(p->member_since));
  }
  if (auth::allowed(ctx.principal, auth::Action::kViewPersonSensitive, {p->unit_path, p->id})) {
    log_full_read(c, ctx.principal, *p, "page");
    auto* s = d.AddSectionDictionary("SENSITIVE");
    s->SetValue("ETHNICITY", p->ethnicity);
    s->SetValue("PHONE", p->phone);
    s->SetValue("ID_NUMBER", p->id_number);
    if (p->is_party_member) {
      auto* m = s->AddSectionDictionary("MEMBER");
      if (!p->party_join_date.empty()) m->SetValue("JOIN", kernel::date_vn(p->party_join_date));
      if (!p->party_card_no.empty()) m->SetValue("CARD", p->party_card_no);
    }
    else s->ShowSection("NOT_MEMBER");
    if (!p->note.empty()) s->AddSectionDictionary("NOTE")->SetValue("TEXT", p->note);
  } else {
    d.ShowSection("NOT_SENSITIVE");
  }
  if (p->active && auth::allowed(ctx.principal, auth::Action::kEditPerson, {p->unit_path})) d.ShowSection("CAN_EDIT");
  // The accounts module's form, for a person without an account yet (its own rules decide the rest).
  if (p->active && auth::allowed(ctx.principal, auth::Action::kManageUsers, {p->unit_path}) &&
      ctx.db().scalar("SELECT COUNT(*) FROM users WHERE person_id = $1", {p->id}) == 0)
    d.ShowSection("CAN_CREATE_ACCOUNT");
  std::string msg = ctx.req.query().get("msg");
  if (msg == "created") d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã thêm người vào đơn vị.");
  if (msg == "saved") d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã lưu thay đổi.");
  if (msg == "deactivated") d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã ghi nhận thôi sinh hoạt.");
  return ctx.page("people/person_view.tpl", d, p->full_name);
}

http::Response new_form(http::Context& ctx) {
  auto unit = org::get_unit(ctx.db(), ctx.principal, ctx.req.query().id("unit").value_or(0), auth::Action::kEditPerson);
  if (!unit) return ctx.error(unit.error());
  PersonInput in;
  in.unit_id = unit->id;
  return form_page(ctx, "Thêm người vào đơn vị", "/people", "/units/" + std::to_string(unit->id), &*unit, in, "", nullptr);
}

http::Response create(http::Context& ctx) {
  PersonInput in = input_from_form(ctx.req.form());
  auto p = create_person(ctx.db(), ctx.principal, in);
  if (p) return http::Response::redirect("/people/" + std::to_string(p->id) + "?msg=created");
  if (p.error().code != ErrorCode::kInvalid) return ctx.error(p.error());
  auto unit = in.unit_id ? org::find_unit(ctx.db(), *in.unit_id) : std::nullopt;
  return form_page(ctx, "Thêm người vào đơn vị", "/people", unit ? "/units/" + std::to_string(unit->id) : "/",
                   unit ? &*unit : nullptr, in, ctx.req.form().trimmed("birth_year"), &p.error());
}

http::Response edit_form(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy người này."));
  auto p = get_person(ctx.db(), ctx.principal, *id, auth::Action::kEditPerson);
  if (!p) return ctx.error(p.error());
  PersonInput in;
  in.full_name = p->full_name;
  in.gender = p->gender;
  in.ethnicity = p->ethnicity;
  in.phone = p->phone;
  in.id_number = p->id_number;
  in.party_card_no = p->party_card_no;
  in.party_join_date = p->party_join_date;
  in.cadre_status = p->cadre_status;
  in.position = p->position;
  in.note = p->note;
  in.is_party_member = p->is_party_member;
  std::string href = "/people/" + std::to_string(p->id);
  // The form shows the phone, ID and party fields as they are stored: a display of the record like its page.
  log_full_read(ctx.db(), ctx.principal, *p, "edit_form");
  return form_page(ctx, "Sửa thông tin người", href, href, nullptr, in, p->birth_year ? std::to_string(p->birth_year) : "",
                   nullptr, &*p);
}

http::Response update(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy người này."));
  PersonInput in = input_from_form(ctx.req.form());
  auto p = update_person(ctx.db(), ctx.principal, *id, in);
  std::string href = "/people/" + std::to_string(*id);
  if (p) return http::Response::redirect(href + "?msg=saved");
  if (p.error().code != ErrorCode::kInvalid) return ctx.error(p.error());
  auto before = find_person(ctx.db(), *id);
  return form_page(ctx, "Sửa thông tin người", href, href, nullptr, in, ctx.req.form().trimmed("birth_year"), &p.error(),
                   before ? &*before : nullptr);
}

http::Response deactivate(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy người này."));
  auto p = deactivate_person(ctx.db(), ctx.principal, *id);
  if (!p) return ctx.error(p.error());
  return http::Response::redirect("/people/" + std::to_string(*id) + "?msg=deactivated");
}

// The members section of every unit page.
std::string members_panel(http::Context& ctx, const org::Unit& u) {
  if (!auth::allowed(ctx.principal, auth::Action::kViewPerson, {u.path})) return "";
  auto& c = ctx.db();
  auto page = html::page_request(ctx.req.query().get("mpage"));
  auto total = count_members(c, u.id);
  html::Dict d("unit_members");
  d.SetIntValue("UNIT_ID", u.id);
  d.SetValue("COUNT", html::number_vn(total));
  bool sensitive = auth::allowed(ctx.principal, auth::Action::kViewPersonSensitive, {u.path});
  if (u.active && auth::allowed(ctx.principal, auth::Action::kEditPerson, {u.path})) d.ShowSection("CAN_ADD");
  if (total == 0) d.ShowSection("NONE");
  else {
    auto* any = d.AddSectionDictionary("ANY");
    if (sensitive) any->ShowSection("SENSITIVE");
    auto list = members(c, u.id, page.per_page, page.offset());
    // The list shows who is a party member: a display of a sensitive field, logged once for the page of the list.
    if (sensitive && !list.empty())
      audit::record_read(c, ctx.principal,
                         {"person.read", "unit", u.id, u.path, nullptr,
                          {{"shown", {"is_party_member"}}, {"via", "unit_members"}, {"people", list.size()}, {"page", page.page}}});
    for (const auto& p : list) {
      auto* r = any->AddSectionDictionary("ROW");
      r->SetIntValue("ID", p.id);
      r->SetValue("NAME", p.full_name);
      r->SetValue("GENDER", std::string(gender_label(p.gender)));
      r->SetValue("BIRTH_YEAR", p.birth_year ? std::to_string(p.birth_year) : "");
      r->SetValue("POSITION", p.position);
      if (sensitive) {
        auto* s = r->AddSectionDictionary("SENSITIVE");
        if (p.is_party_member) s->ShowSection("MEMBER");
      }
    }
  }
  html::add_pager(d, total, page, "/units/" + std::to_string(u.id) + "?", "mpage", "MEMBER_PAGER");
  if (total > 0) exports::add_links(d, "members", u.id, {});
  return html::render("people/unit_members.tpl", d);
}

std::optional<std::string> members_block_deactivation(db::Connection& c, const org::Unit& u) {
  if (auto n = count_members(c, u.id); n > 0)
    return "Không thể ngừng hoạt động: đơn vị còn " + std::to_string(n) +
           " người đang sinh hoạt. Hãy chuyển sinh hoạt cho họ trước.";
  return std::nullopt;
}

}  // namespace

void wire_pages(http::App& app) {
  app.route("GET", "/people/new", new_form);
  app.route("POST", "/people", create);
  app.route("GET", "/people/{id}", view);
  app.route("GET", "/people/{id}/edit", edit_form);
  app.route("POST", "/people/{id}", update);
  app.route("POST", "/people/{id}/deactivate", deactivate);
  org::add_unit_panel("people", members_panel);
  org::add_deactivation_check("people", members_block_deactivation);
}

}  // namespace ct05::people
