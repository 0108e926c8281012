// /admin/accounts: accounts and grants of the principal's scope, bulk onboarding from a unit, the closed units'
// grants. Thin handlers: parse the form, call the store (which checks permission), render.
#include "modules/accounts/web/account_web.hpp"

#include "kernel/clock.hpp"
#include "kernel/text.hpp"
#include "modules/accounts/domain/account.hpp"
#include "modules/accounts/storage/account_store.hpp"
#include "modules/accounts/web/slips.hpp"
#include "modules/org/module.hpp"
#include "modules/org/storage/scope.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/people/storage/person_store.hpp"
#include "platform/html/view.hpp"
#include "platform/http/json_input.hpp"
#include "platform/notify/notify.hpp"

namespace ct05::accounts {

namespace {

const std::vector<std::pair<std::string, std::string>>& states() {
  static const std::vector<std::pair<std::string, std::string>> v = {
      {"active", "Đang dùng"}, {"pending", "Chưa kích hoạt"}, {"disabled", "Đã vô hiệu hóa"}};
  return v;
}

void role_options(html::Dict& d, const std::string& selected, const char* section = "ROLE_OPT") {
  for (auto r : {auth::Role::kDangVien, auth::Role::kLanhDao, auth::Role::kPhuTrach, auth::Role::kQuanTri}) {
    auto* o = d.AddSectionDictionary(section);
    o->SetValue("VALUE", std::string(auth::role_code(r)));
    o->SetValue("LABEL", std::string(auth::role_label(r)));
    if (selected == auth::role_code(r)) o->ShowSection("SELECTED");
  }
}

}  // namespace

void fill_state(html::Dict& d, const Account& a) {
  if (!a.active) {
    d.SetValue("STATE", "Đã vô hiệu hóa");
    d.SetValue("STATE_CLASS", "text-bg-secondary");
  } else if (!a.has_password) {
    d.SetValue("STATE", "Chưa kích hoạt");
    d.SetValue("STATE_CLASS", "text-bg-warning");
  } else {
    d.SetValue("STATE", "Đang dùng");
    d.SetValue("STATE_CLASS", "text-bg-success");
  }
}

std::string when(const std::string& iso) { return iso.empty() ? "chưa lần nào" : kernel::datetime_vn(iso); }

namespace {

http::Response list_page(http::Context& ctx) {
  if (ctx.principal.scope_paths(auth::Action::kManageUsers).empty())
    return ctx.error(Error::forbidden("Chỉ quản trị và người phụ trách đơn vị được quản lý tài khoản."));
  const auto& q = ctx.req.query();
  auto& c = ctx.db();
  AccountFilter f;
  f.q = q.trimmed("q");
  f.role = auth::parse_role(q.get("role")) ? q.get("role") : "";
  for (const auto& [k, v] : states())
    if (k == q.get("state")) f.state = k;
  std::string unit_code = q.trimmed("unit");
  html::Dict d("accounts");
  if (!unit_code.empty()) {
    auto u = org::find_unit_by_code(c, unit_code);
    if (u) f.unit_id = u->id;
    else d.AddSectionDictionary("UNIT_ERROR")->SetValue("MESSAGE", "Không có đơn vị mã \"" + unit_code + "\".");
    if (!u) f.unit_id = -1;
  }
  auto page = html::page_request(q.get("page"));
  auto total = count_accounts(c, ctx.principal, f);
  d.SetValue("Q", f.q);
  d.SetValue("UNIT_CODE", unit_code);
  d.SetIntValue("TOTAL", static_cast<long>(total));
  role_options(d, f.role);
  for (const auto& [k, v] : states()) {
    auto* o = d.AddSectionDictionary("STATE_OPT");
    o->SetValue("VALUE", k);
    o->SetValue("LABEL", v);
    if (k == f.state) o->ShowSection("SELECTED");
  }
  auto list = list_accounts(c, ctx.principal, f, page.per_page, page.offset());
  if (list.empty()) d.ShowSection("EMPTY");
  for (const auto& a : list) {
    auto* r = d.AddSectionDictionary("ACCOUNT");
    r->SetIntValue("ID", a.id);
    r->SetValue("NAME", a.display_name);
    r->SetValue("LOGIN", a.login);
    r->SetValue("LAST_LOGIN", when(a.last_login_at));
    fill_state(*r, a);
    for (const auto& g : a.grants) {
      auto* gd = r->AddSectionDictionary("GRANT");
      gd->SetValue("ROLE", std::string(auth::role_label(g.role)));
      gd->SetValue("UNIT", g.unit_name);
    }
  }
  std::string base = "/admin/accounts?";
  for (const auto& [k, v] : {std::pair{"q", f.q}, {"unit", unit_code}, {"role", f.role}, {"state", f.state}})
    if (!v.empty()) base += std::string(k) + "=" + http::url_encode(v) + "&";
  html::add_pager(d, total, page, base);
  return ctx.page("accounts/accounts.tpl", d, "Tài khoản");
}

http::Response new_form(http::Context& ctx, const NewAccount& in, const std::string& unit_code, const Error* err) {
  auto& c = ctx.db();
  html::Dict d("account_new");
  d.SetValue("CSRF", ctx.csrf_token());
  std::optional<people::Person> person;
  if (in.person_id) person = people::find_person(c, in.person_id);
  if (person && !err) {
    auto* p = d.AddSectionDictionary("PERSON");
    p->SetValue("PERSON_NAME", person->full_name);
    p->SetValue("PERSON_UNIT", person->unit_name);
    p->SetIntValue("PERSON_ID", person->id);
  } else {
    auto* p = d.AddSectionDictionary("NO_PERSON");
    if (in.person_id) p->SetIntValue("PERSON_ID", in.person_id);
    if (err) html::set_field_errors(*p, err->message, http::field_pairs(*err));
  }
  std::string name = in.display_name.empty() && person ? person->full_name : in.display_name;
  d.SetValue("DISPLAY_NAME", name);
  d.SetValue("LOGIN", in.login);
  d.SetValue("PROPOSED", name.empty() ? "(nhập họ tên)" : free_login(c, propose_login(name)));
  role_options(d, in.role);
  auto person_unit = unit_code.empty() && person ? org::find_unit(c, person->unit_id) : std::nullopt;
  d.SetValue("UNIT_CODE", person_unit ? person_unit->code : unit_code);
  d.SetValue("EMAIL", in.email);
  if (err) html::set_field_errors(d, err->message, http::field_pairs(*err));
  return ctx.page("accounts/account_new.tpl", d, "Tạo tài khoản", err ? http::status_for(err->code) : 200);
}

http::Response new_page(http::Context& ctx) {
  if (ctx.principal.scope_paths(auth::Action::kManageUsers).empty())
    return ctx.error(Error::forbidden("Chỉ quản trị và người phụ trách đơn vị được tạo tài khoản."));
  NewAccount in;
  in.person_id = ctx.req.query().id("person").value_or(0);
  return new_form(ctx, in, "", nullptr);
}

http::Response code_page(http::Context& ctx, const Issued& issued, const std::string& heading) {
  html::Dict d("account_code");
  d.SetValue("HEADING", heading);
  d.SetIntValue("ID", issued.account.id);
  d.SetValue("NAME", issued.account.person_name.empty() ? issued.account.display_name : issued.account.person_name);
  d.SetValue("LOGIN", issued.account.login);
  d.SetValue("CODE", issued.code);
  d.SetValue("PURPOSE", issued.account.has_password ? "đặt lại mật khẩu" : "kích hoạt");
  d.SetValue("EXPIRES", kernel::datetime_vn(issued.expires_at));
  d.SetValue("ACTIVATE_URL", notify::public_url() + "/activate");
  auto r = ctx.page("accounts/account_code.tpl", d, heading, 201);
  r.secret = true;  // the code is shown once: a retry's replay does not keep it (D32)
  return r;
}

http::Response create_h(http::Context& ctx) {
  const auto& f = ctx.req.form();
  NewAccount in;
  in.login = f.trimmed("login");
  in.display_name = f.trimmed("display_name");
  in.role = f.get("role");
  in.email = f.trimmed("email");
  std::string unit_code = f.trimmed("unit");
  std::string person = f.trimmed("person");
  if (!person.empty()) {
    auto id = http::parse_id(person);
    if (!id) {
      auto e = Error::invalid({{"person", "Mã hồ sơ phải là một số."}});
      return new_form(ctx, in, unit_code, &e);
    }
    in.person_id = *id;
  }
  if (!unit_code.empty()) {
    auto u = org::find_unit_by_code(ctx.db(), unit_code);
    if (!u) {
      auto e = Error::invalid({{"unit", "Không có đơn vị mã \"" + unit_code + "\"."}});
      return new_form(ctx, in, unit_code, &e);
    }
    in.unit_id = u->id;
  }
  auto r = create_account(ctx.db(), ctx.principal, in);
  if (!r) {
    if (r.error().code == ErrorCode::kForbidden) return ctx.error(r.error());
    return new_form(ctx, in, unit_code, &r.error());
  }
  return code_page(ctx, *r, "Đã tạo tài khoản " + r->account.login);
}

http::Response view(http::Context& ctx, std::int64_t id, const Error* err, const std::string& notice,
                    const std::string& grant_unit = "") {
  auto& c = ctx.db();
  auto a = get_account(c, ctx.principal, id);
  if (!a) return ctx.error(a.error());
  html::Dict d("account_view");
  d.SetValue("CSRF", ctx.csrf_token());
  d.SetIntValue("ID", a->id);
  d.SetValue("NAME", a->display_name);
  d.SetValue("LOGIN", a->login);
  d.SetValue("EMAIL", a->email);
  d.SetValue("CREATED", kernel::datetime_vn(a->created_at));
  if (!a->created_by.empty()) d.AddSectionDictionary("CREATED_BY")->SetValue("BY", a->created_by);
  d.SetValue("LAST_LOGIN", when(a->last_login_at));
  fill_state(d, *a);
  if (a->person_id) {
    auto* p = d.AddSectionDictionary("PERSON");
    p->SetIntValue("PERSON_ID", a->person_id);
    p->SetValue("PERSON_NAME", a->person_name);
  }
  if (!a->active && !a->disabled_at.empty()) d.AddSectionDictionary("DISABLED")->SetValue("AT", kernel::datetime_vn(a->disabled_at));
  d.ShowSection("CAN_MANAGE");
  d.ShowSection(a->active ? "ACTIVE" : "INACTIVE");
  d.ShowSection(a->has_password ? "HAS_PASSWORD" : "PENDING");
  if (a->id != ctx.principal.user_id) d.ShowSection("NOT_SELF");
  if (a->grants.empty()) d.ShowSection("NO_GRANTS");
  for (const auto& g : a->grants) {
    auto* gd = d.AddSectionDictionary("GRANT");
    gd->SetIntValue("GRANT_ID", g.id);
    gd->SetValue("ROLE", std::string(auth::role_label(g.role)));
    gd->SetIntValue("UNIT_ID", g.unit_id);
    gd->SetValue("UNIT", g.unit_name);
    gd->SetValue("UNIT_CODE", g.unit_code);
    gd->SetValue("AT", kernel::datetime_vn(g.created_at));
    gd->SetValue("CSRF", ctx.csrf_token());
    if (!g.granted_by.empty()) gd->AddSectionDictionary("BY")->SetValue("NAME", g.granted_by);
    if (!g.unit_active) gd->ShowSection("CLOSED");
    if (auth::allowed(ctx.principal, auth::Action::kManageUsers, {g.unit_path})) gd->ShowSection("CAN_REVOKE");
  }
  role_options(d, "dang_vien");
  d.SetValue("GRANT_UNIT", grant_unit);
  if (err) html::set_field_errors(d, err->message, http::field_pairs(*err));
  if (!notice.empty()) d.AddSectionDictionary("NOTICE")->SetValue("MESSAGE", notice);
  return ctx.page("accounts/account_view.tpl", d, a->display_name, err ? http::status_for(err->code) : 200);
}

http::Response view_page(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy tài khoản."));
  std::string notice;
  if (ctx.req.query().get("done") == "grant") notice = "Đã giao quyền.";
  else if (ctx.req.query().get("done") == "revoke") notice = "Đã thu hồi quyền.";
  else if (ctx.req.query().get("done") == "saved") notice = "Đã lưu.";
  else if (ctx.req.query().get("done") == "disabled") notice = "Đã vô hiệu hóa tài khoản; mọi phiên đăng nhập và mã truy cập của tài khoản đã chấm dứt.";
  else if (ctx.req.query().get("done") == "enabled") notice = "Đã kích hoạt lại tài khoản.";
  return view(ctx, *id, nullptr, notice);
}

// A refusal of a command on the account page: forbidden and not-found get the error page, the rest the page again.
http::Response refused(http::Context& ctx, std::int64_t id, const Error& e, const std::string& grant_unit = "") {
  if (e.code == ErrorCode::kForbidden || e.code == ErrorCode::kNotFound) return ctx.error(e);
  return view(ctx, id, &e, "", grant_unit);
}

http::Response edit_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy tài khoản."));
  AccountEdit e;
  e.display_name = ctx.req.form().trimmed("display_name");
  e.email = ctx.req.form().trimmed("email");
  auto r = update_account(ctx.db(), ctx.principal, *id, e);
  if (!r) return refused(ctx, *id, r.error());
  return http::Response::redirect("/admin/accounts/" + std::to_string(*id) + "?done=saved");
}

http::Response active_h(http::Context& ctx, bool active) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy tài khoản."));
  auto r = set_active(ctx.db(), ctx.principal, *id, active);
  if (!r) return refused(ctx, *id, r.error());
  return http::Response::redirect("/admin/accounts/" + std::to_string(*id) + (active ? "?done=enabled" : "?done=disabled"));
}

http::Response reset_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy tài khoản."));
  auto a = find_account(ctx.db(), *id);
  std::string purpose = a && a->has_password ? "reset" : "activation";
  auto r = issue_code(ctx.db(), ctx.principal, *id, purpose);
  if (!r) return refused(ctx, *id, r.error());
  return code_page(ctx, *r, purpose == "reset" ? "Đã đặt lại mật khẩu của " + r->account.login
                                               : "Đã cấp lại mã kích hoạt cho " + r->account.login);
}

http::Response grant_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy tài khoản."));
  std::string code = ctx.req.form().trimmed("unit");
  auto u = org::find_unit_by_code(ctx.db(), code);
  if (!u) {
    auto e = Error::invalid({{"unit", code.empty() ? "Cần mã đơn vị." : "Không có đơn vị mã \"" + code + "\"."}});
    return refused(ctx, *id, e, code);
  }
  auto r = grant(ctx.db(), ctx.principal, *id, ctx.req.form().get("role"), u->id);
  if (!r) return refused(ctx, *id, r.error(), code);
  return http::Response::redirect("/admin/accounts/" + std::to_string(*id) + "?done=grant");
}

http::Response revoke_h(http::Context& ctx) {
  auto gid = ctx.id_param("id");
  if (!gid) return ctx.error(Error::not_found("Không tìm thấy quyền này."));
  auto g = find_grant(ctx.db(), *gid);
  if (!g) return ctx.error(Error::not_found("Không tìm thấy quyền này (có thể đã được thu hồi)."));
  auto r = revoke(ctx.db(), ctx.principal, *gid);
  if (!r) return refused(ctx, g->user_id, r.error());
  return http::Response::redirect("/admin/accounts/" + std::to_string(g->user_id) + "?done=revoke");
}

// ---- bulk onboarding from a unit
http::Response bulk_page(http::Context& ctx, const Error* err) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đơn vị."));
  auto& c = ctx.db();
  auto u = org::get_unit(c, ctx.principal, *id, auth::Action::kManageUsers);
  if (!u) return ctx.error(u.error());
  html::Dict d("bulk");
  d.SetIntValue("UNIT_ID", u->id);
  d.SetValue("UNIT_NAME", u->name);
  d.SetValue("CSRF", ctx.csrf_token());
  auto n = count_without_account(c, u->id);
  if (n == 0) d.ShowSection("NONE");
  else {
    auto* s = d.AddSectionDictionary("SOME");
    s->SetIntValue("COUNT", static_cast<long>(n));
    s->SetValue("UNIT_NAME", u->name);
    s->SetIntValue("UNIT_ID", u->id);
    s->SetValue("CSRF", ctx.csrf_token());
    for (const auto& [name, unit] : sample_without_account(c, u->id, 30)) {
      auto* p = s->AddSectionDictionary("PERSON");
      p->SetValue("NAME", name);
      p->SetValue("UNIT", unit);
    }
    if (n > 30) s->AddSectionDictionary("MORE")->SetIntValue("N", static_cast<long>(n - 30));
  }
  if (err) html::set_field_errors(d, err->message, http::field_pairs(*err));
  return ctx.page("accounts/bulk.tpl", d, "Tạo tài khoản cho cán bộ chưa có", err ? http::status_for(err->code) : 200);
}

http::Response bulk_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đơn vị."));
  auto& c = ctx.db();
  auto slips = bulk_create(c, ctx.principal, *id);
  if (!slips) {
    if (slips.error().code == ErrorCode::kForbidden || slips.error().code == ErrorCode::kNotFound) return ctx.error(slips.error());
    return bulk_page(ctx, &slips.error());
  }
  auto u = org::find_unit(c, *id);
  html::Dict d("bulk_result");
  d.SetIntValue("UNIT_ID", u->id);
  d.SetValue("UNIT_NAME", u->name);
  d.SetValue("CSRF", ctx.csrf_token());
  d.SetIntValue("COUNT", static_cast<long>(slips->size()));
  d.SetValue("EXPIRES", slips->empty() ? "" : kernel::datetime_vn(slips->front().expires_at));
  std::string pairs;
  for (const auto& s : *slips) {
    auto* r = d.AddSectionDictionary("SLIP");
    r->SetValue("NAME", s.full_name);
    r->SetValue("UNIT", s.unit_name);
    r->SetValue("LOGIN", s.login);
    r->SetValue("CODE", s.code);
    pairs += s.login + " " + s.code + "\n";
  }
  d.SetValue("PAIRS", pairs);
  auto r = ctx.page("accounts/bulk_result.tpl", d, "Đã tạo tài khoản", 201);
  r.secret = true;  // the codes are shown once: a retry's replay does not keep them (D32)
  return r;
}

http::Response slips_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đơn vị."));
  std::vector<std::pair<std::string, std::string>> pairs;
  // "login code" pairs, one to a line; any run of white space separates.
  std::vector<std::string> words;
  std::string w;
  for (char ch : ctx.req.form().get("pairs") + " ") {
    if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t') {
      if (!w.empty()) words.push_back(std::move(w));
      w.clear();
    } else {
      w += ch;
    }
  }
  for (std::size_t i = 0; i + 1 < words.size(); i += 2) pairs.emplace_back(words[i], words[i + 1]);
  if (pairs.size() > 20000) return ctx.error(Error::invalid({{"pairs", "Quá nhiều dòng."}}));
  auto& c = ctx.db();
  auto slips = slips_for(c, ctx.principal, *id, pairs);
  if (!slips) return ctx.error(slips.error());
  auto u = org::find_unit(c, *id);
  std::string format = ctx.req.form().get("format");
  auto file = format == "pdf" ? slips_pdf(*slips, u->name, notify::public_url()) : slips_xlsx(*slips, u->name, notify::public_url());
  auto r = http::Response::text(std::move(file.bytes), 200, file.content_type);
  r.header("Content-Disposition", "attachment; filename=\"" + file.name + "\"");
  r.header("Cache-Control", "no-store");
  return r;
}

// ---- the unit page's panel: onboarding for open units, grants left on closed ones
std::string unit_panel(http::Context& ctx, const org::Unit& u) {
  if (!auth::allowed(ctx.principal, auth::Action::kManageUsers, {u.path})) return "";
  auto& c = ctx.db();
  html::Dict d("accounts_panel");
  if (u.active) {
    auto* s = d.AddSectionDictionary("OPEN");
    auto n = count_without_account(c, u.id);
    s->SetValue("WITHOUT", html::number_vn(n));
    s->SetIntValue("UNIT_ID", u.id);
    s->SetValue("UNIT_CODE", u.code);
    if (n > 0) s->AddSectionDictionary("SOME")->SetIntValue("UNIT_ID", u.id);
  } else {
    auto grants = grants_on_unit(c, u.id);
    if (grants.empty()) return "";
    auto* s = d.AddSectionDictionary("CLOSED");
    s->SetIntValue("N", static_cast<long>(grants.size()));
    for (const auto& [a, g] : grants) {
      auto* gd = s->AddSectionDictionary("GRANT");
      gd->SetIntValue("USER_ID", a.id);
      gd->SetValue("NAME", a.display_name);
      gd->SetValue("LOGIN", a.login);
      gd->SetValue("ROLE", std::string(auth::role_label(g.role)));
    }
    // The successor: the one unit the last event that closed it names (a merge's target, a split's default).
    std::int64_t to = 0;
    std::string to_name;
    for (const auto& l : org::lineage(c, u.id))
      if (l.successors.size() == 1) {
        to = l.successors.front().first;
        to_name = l.successors.front().second;
      }
    if (to) {
      auto* m = s->AddSectionDictionary("SUCCESSOR");
      m->SetIntValue("UNIT_ID", u.id);
      m->SetIntValue("TO_ID", to);
      m->SetValue("TO_NAME", to_name);
      m->SetValue("CSRF", ctx.csrf_token());
    }
  }
  return html::render("accounts/unit_panel.tpl", d);
}

http::Response move_grants_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto to = ctx.req.form().id("to");
  if (!id || !to) return ctx.error(Error::invalid({{"to", "Thiếu đơn vị nhận quyền."}}));
  auto r = move_grants(ctx.db(), ctx.principal, *id, *to);
  if (!r) return ctx.error(r.error());
  return http::Response::redirect("/units/" + std::to_string(*to) + "#accounts");
}

}  // namespace

void wire_admin_pages(http::App& app) {
  app.route("GET", "/admin/accounts", list_page);
  app.route("GET", "/admin/accounts/new", new_page);
  app.route("POST", "/admin/accounts", create_h);
  app.route("GET", "/admin/accounts/{id}", view_page);
  app.route("POST", "/admin/accounts/{id}", edit_h);
  app.route("POST", "/admin/accounts/{id}/disable", [](http::Context& ctx) { return active_h(ctx, false); });
  app.route("POST", "/admin/accounts/{id}/enable", [](http::Context& ctx) { return active_h(ctx, true); });
  app.route("POST", "/admin/accounts/{id}/reset", reset_h);
  app.route("POST", "/admin/accounts/{id}/grants", grant_h);
  app.route("POST", "/admin/grants/{id}/revoke", revoke_h);
  app.route("GET", "/units/{id}/accounts/bulk", [](http::Context& ctx) { return bulk_page(ctx, nullptr); });
  app.route("POST", "/units/{id}/accounts/bulk", bulk_h);
  app.route("POST", "/units/{id}/accounts/slips", slips_h);
  app.route("POST", "/units/{id}/grants/move", move_grants_h);
  app.nav({"Tài khoản", "/admin/accounts", auth::Action::kManageUsers});
  org::add_unit_panel("accounts", unit_panel);
}

}  // namespace ct05::accounts
