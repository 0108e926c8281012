// Pages of the register for signed-in users: a unit's register with its figures, the nomination form,
// an entry with its timeline and next steps, consent, replication, and the admin's settings.
#include <algorithm>

#include "kernel/clock.hpp"
#include "kernel/text.hpp"
#include "modules/org/module.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/registry/module.hpp"
#include "modules/registry/storage/entry_store.hpp"
#include "modules/registry/web/forms.hpp"
#include "platform/exports/export_kinds.hpp"
#include "platform/charts/chart.hpp"
#include "platform/exports/exports.hpp"
#include "platform/http/json_input.hpp"

namespace ct05::registry {

namespace {

charts::Series count_series(std::string name) {
  charts::Series s;
  s.name = std::move(name);
  return s;
}

// The register's figures over the subtree as charts (platform/charts): by status, field, child unit and month,
// each a table first and downloadable at /units/{id}/register/charts/{chart}.
std::vector<charts::Chart> register_charts(const org::Unit& u, const Stats& s) {
  std::string unit = "/units/" + std::to_string(u.id) + "/register";
  charts::Chart status{"register-status", "Mục ghi danh theo trạng thái", charts::Kind::kBar, "Trạng thái", {}, {}, {}, ""};
  status.series = {count_series("Số mục")};
  for (auto st : all_statuses()) {
    std::int64_t n = 0;
    for (const auto& [k, v] : s.by_status)
      if (k == status_code(st)) n = v;
    status.labels.emplace_back(status_label(st));
    status.links.push_back(unit + "?status=" + std::string(status_code(st)));
    status.series[0].values.push_back(static_cast<double>(n));
  }
  charts::Chart field{"register-fields", "Mục ghi danh theo lĩnh vực", charts::Kind::kBar, "Lĩnh vực", {}, {}, {}, ""};
  field.series = {count_series("Số mục")};
  for (const auto& [k, n] : s.by_category) {
    field.labels.push_back(k);
    field.series[0].values.push_back(static_cast<double>(n));
  }
  charts::Chart child{"register-children", "Mục ghi danh theo đơn vị trực thuộc", charts::Kind::kBar, "Đơn vị", {}, {}, {}, ""};
  child.series = {count_series("Tổng số mục"), count_series("Đã công bố")};
  for (const auto& ch : s.by_child) {
    child.labels.push_back(ch.name);
    child.links.push_back("/units/" + std::to_string(ch.unit_id) + "/register");
    child.series[0].values.push_back(static_cast<double>(ch.entries));
    child.series[1].values.push_back(static_cast<double>(ch.published));
  }
  charts::Chart month{"register-months", "Mục ghi danh theo tháng làm việc tốt", charts::Kind::kLine, "Tháng", {}, {}, {}, ""};
  month.series = {count_series("Số mục")};
  for (const auto& [k, n] : s.by_month) {
    month.labels.push_back(k.size() == 7 ? k.substr(5, 2) + "/" + k.substr(0, 4) : k);
    month.series[0].values.push_back(static_cast<double>(n));
  }
  std::vector<charts::Chart> out{status, field, child, month};
  for (auto& ch : out) ch.export_href = unit + "/charts/" + ch.id + "?";
  return out;
}

http::Response unit_register(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đơn vị."));
  auto& c = ctx.db();
  auto u = org::get_unit(c, ctx.principal, *id, auth::Action::kViewRegister);
  if (!u) return ctx.error(u.error());
  const auto& q = ctx.req.query();
  ListQuery lq;
  lq.status = parse_status(q.get("status")) ? q.get("status") : "";
  lq.category_id = q.id("category").value_or(0);
  lq.q = q.trimmed("q");
  html::Dict d("register_list");
  d.SetIntValue("UNIT_ID", u->id);
  d.SetValue("UNIT_NAME", u->name);
  d.SetValue("Q", lq.q);
  if (!enabled_for(c, u->path)) d.ShowSection("CLOSED");
  else if (auth::allowed(ctx.principal, auth::Action::kNominate, {u->path})) d.ShowSection("CAN_NOMINATE");
  auto s = stats(c, u->id, u->path);
  d.SetValue("TOTAL", html::number_vn(s.total));
  for (const auto& chart : register_charts(*u, s)) {
    if (chart.labels.empty()) continue;
    charts::include(*d.AddSectionDictionary("CHART"), "CHART", chart);
  }
  for (auto st : all_statuses()) {
    auto* o = d.AddSectionDictionary("STATUS_OPT");
    o->SetValue("VALUE", std::string(status_code(st)));
    o->SetValue("LABEL", std::string(status_label(st)));
    if (lq.status == status_code(st)) o->ShowSection("SELECTED");
  }
  for (const auto& cat : categories(c, false)) {
    auto* o = d.AddSectionDictionary("CATEGORY_OPT");
    o->SetIntValue("ID", cat.id);
    o->SetValue("NAME", cat.name);
    if (cat.id == lq.category_id) o->ShowSection("SELECTED");
  }
  auto page = html::page_request(q.get("page"));
  auto total = count_entries(c, u->path, lq);
  auto list = list_entries(c, u->path, lq, page.per_page, page.offset());
  if (list.empty()) d.ShowSection("NONE");
  for (const auto& e : list) {
    auto* r = d.AddSectionDictionary("ENTRY");
    r->SetIntValue("ID", e.id);
    r->SetValue("SUBJECT_NAME", e.subject_name);
    r->SetValue("DEED", kernel::truncate_utf8(e.deed, 160));
    r->SetValue("UNIT_NAME", e.unit_name);
    r->SetValue("DATE", kernel::date_vn(e.deed_date));
    r->SetValue("STATUS_LABEL", std::string(status_label(e.status)));
  }
  std::string base = "/units/" + std::to_string(u->id) + "/register?status=" + lq.status +
                     "&category=" + (lq.category_id ? std::to_string(lq.category_id) : "") + "&q=" + http::url_encode(lq.q) + "&";
  html::add_pager(d, total, page, base);
  if (total > 0)
    exports::add_links(d, "register-entries", u->id,
                       {{"status", lq.status}, {"category", lq.category_id ? std::to_string(lq.category_id) : ""}, {"q", lq.q}});
  return ctx.page("registry/register_list.tpl", d, "Sổ ghi danh — " + u->name);
}

// One chart's table as XLSX or CSV (?format=xlsx|csv), with the register page's permission.
http::Response register_chart_export(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đơn vị."));
  auto& c = ctx.db();
  auto u = org::get_unit(c, ctx.principal, *id, auth::Action::kViewRegister);
  if (!u) return ctx.error(u.error());
  auto format = exports::format_of(ctx.req.query().get("format"));
  if (!format)
    return ctx.error(Error::invalid({{"format", "Định dạng tải về phải là xlsx hoặc csv."}},
                                    "Định dạng tải về phải là xlsx (Excel) hoặc csv."));
  auto all = register_charts(*u, stats(c, u->id, u->path));
  const auto* chart = charts::find(all, ctx.params["chart"]);
  if (!chart) return ctx.error(Error::not_found("Không tìm thấy biểu đồ này."));
  return exports::download({charts::table(*chart)}, chart->title + " " + u->code, *format);
}

// ---- nomination by a member
http::Response new_entry_form(http::Context& ctx, const EntryInput& in, const Error* err) {
  auto units = nomination_units(ctx.db(), &ctx.principal);
  if (units.empty())
    return ctx.error(Error::forbidden("Sổ ghi danh chưa được triển khai ở đơn vị nào trong phạm vi của bạn."));
  html::Dict d("entry_form");
  d.SetValue("HEADING", "Đề nghị ghi danh người tốt, việc tốt");
  d.SetValue("ACTION", "/register/entries");
  d.SetValue("CSRF", ctx.csrf_token());
  fill_entry_form(d, ctx.db(), in, units, err);
  return ctx.page("registry/entry_form.tpl", d, "Đề nghị ghi danh", err ? http::status_for(err->code) : 200);
}

http::Response new_entry_page(http::Context& ctx) {
  EntryInput in;
  in.unit_id = ctx.req.query().id("unit");
  return new_entry_form(ctx, in, nullptr);
}

http::Response create_entry_h(http::Context& ctx) {
  EntryInput in = entry_input(ctx.req.form());
  auto r = nominate(ctx.db(), ctx.principal, in, uploads_of(ctx.req), file_store());
  if (!r) {
    if (r.error().code != ErrorCode::kInvalid) return ctx.error(r.error());
    return new_entry_form(ctx, in, &r.error());
  }
  return http::Response::redirect("/register/entries/" + std::to_string(r->id));
}

// ---- an entry
http::Response entry_page(http::Context& ctx, const Entry& e, const Error* err = nullptr, const std::string& err_step = "") {
  auto& c = ctx.db();
  html::Dict d("entry_view");
  std::string csrf = ctx.csrf_token();
  d.SetIntValue("ID", e.id);
  d.SetValue("CODE", e.code);
  d.SetIntValue("UNIT_ID", e.unit_id);
  d.SetValue("UNIT_NAME", e.unit_name);
  d.SetValue("SUBJECT_NAME", e.subject_name);
  d.SetValue("SUBJECT_KIND", std::string(subject_kind_label(e.subject_kind)));
  d.SetValue("DEED", e.deed);
  d.SetValue("DATE", kernel::date_vn(e.deed_date));
  if (!e.place.empty()) d.AddSectionDictionary("PLACE")->SetValue("TEXT", e.place);
  d.SetValue("CATEGORY", e.category_name);
  d.SetValue("STATUS", std::string(status_code(e.status)));
  d.SetValue("STATUS_LABEL", std::string(status_label(e.status)));
  if (e.is_public()) d.ShowSection("PUBLIC_LINK");
  d.SetValue("NOMINATOR", e.nominator_name);
  bool officer = can_record_consent(ctx.principal, e);
  if (officer && !e.nominator_contact.empty()) {
    d.AddSectionDictionary("CONTACT")->SetValue("TEXT", e.nominator_contact);
    log_contact_read(ctx.db(), ctx.principal, {&e}, "page");
  }
  if (e.source == "public") d.ShowSection("FROM_PUBLIC");
  if (e.consent) {
    auto* s = d.AddSectionDictionary("CONSENT_YES");
    s->SetValue("BY", e.consent_by);
    s->SetValue("AT", kernel::datetime_vn(e.consent_at));
  } else {
    auto* s = d.AddSectionDictionary("CONSENT_NO");
    if (!e.consent_by.empty()) s->AddSectionDictionary("BY")->SetValue("TEXT", e.consent_by);
  }
  add_commendation(d, e);
  if (e.status == Status::kRejected) d.AddSectionDictionary("REJECTED")->SetValue("TEXT", e.reject_reason);
  add_files(d, e);
  add_replications(d, e);
  if (err && err_step.empty()) html::set_field_errors(d, err->message, {});
  // Only the steps that can follow, and only for those who may take them.
  bool any = false;
  html::Dict* steps = nullptr;
  for (auto st : next_steps(e.status)) {
    if (!can_step(ctx.principal, e, st)) continue;
    if (!any) steps = d.AddSectionDictionary("STEPS");
    any = true;
    auto* s = steps->AddSectionDictionary("STEP");
    s->SetIntValue("ID", e.id);
    s->SetValue("CSRF", csrf);
    s->SetValue("CODE", std::string(step_code(st)));
    s->SetValue("LABEL", std::string(step_label(st)));
    s->SetValue("BTN", st == Step::kReject || st == Step::kUnpublish ? "btn-outline-danger" : "btn-primary");
    s->SetValue("PLACEHOLDER", st == Step::kReject ? "Lý do không công nhận (bắt buộc)" : "Ý kiến (không bắt buộc)");
    if (st == Step::kCommend) {
      auto* cm = s->AddSectionDictionary("COMMEND");
      for (const auto& [code, label] : commendations()) {
        auto* o = cm->AddSectionDictionary("OPT");
        o->SetValue("VALUE", std::string(code));
        o->SetValue("LABEL", std::string(label));
      }
      if (err && err_step == step_code(st)) html::set_field_errors(*cm, "", http::field_pairs(*err));
    }
    if (err && err_step == step_code(st)) html::set_field_errors(*s, err->message, http::field_pairs(*err));
  }
  if (err && !err_step.empty() && !any) html::set_field_errors(d, err->message, {});
  if (officer) {
    auto* f = d.AddSectionDictionary("CONSENT_FORM");
    f->SetIntValue("ID", e.id);
    f->SetValue("CSRF", csrf);
    f->SetValue("GIVE", e.consent ? "0" : "1");
    f->SetValue("LABEL", e.consent ? "Ghi nhận rút lại sự đồng ý công bố" : "Ghi nhận người được ghi danh đồng ý công bố");
  }
  if (e.status == Status::kApproved || e.status == Status::kCommended || e.status == Status::kPublished) {
    std::vector<UnitChoice> mine;
    for (const auto& g : ctx.principal.grants) {
      if (!auth::allowed(ctx.principal, auth::Action::kVerifyEntry, {g.unit_path}) || g.unit_id == e.unit_id) continue;
      mine.push_back(UnitChoice{g.unit_id, g.unit_name});
    }
    if (!mine.empty()) {
      auto* f = d.AddSectionDictionary("REPLICATE");
      f->SetIntValue("ID", e.id);
      f->SetValue("CSRF", csrf);
      for (const auto& u : mine) {
        auto* o = f->AddSectionDictionary("UNIT");
        o->SetIntValue("ID", u.id);
        o->SetValue("NAME", u.name);
      }
      if (err && err_step == "replicate") html::set_field_errors(*f, err->message, http::field_pairs(*err));
    }
  }
  for (const auto& ev : events(c, e.id)) {
    auto* s = d.AddSectionDictionary("EVENT");
    s->SetValue("ACTION", event_label(ev.action));
    s->SetValue("ACTOR", ev.actor);
    s->SetValue("AT", kernel::datetime_vn(ev.at));
    if (!ev.comment.empty()) s->AddSectionDictionary("COMMENT")->SetValue("TEXT", ev.comment);
  }
  int status = err ? http::status_for(err->code) : 200;
  return ctx.page("registry/entry_view.tpl", d, e.subject_name + " — Sổ ghi danh", status);
}

http::Response entry_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy mục ghi danh."));
  auto e = get_entry(ctx.db(), ctx.principal, *id);
  if (!e) return ctx.error(e.error());
  return entry_page(ctx, *e);
}

// After a refused step the entry page is shown again with the message where the step's form is.
http::Response after(http::Context& ctx, std::int64_t id, const Result<Entry>& r, const std::string& step) {
  if (r) return http::Response::redirect("/register/entries/" + std::to_string(id));
  if (r.error().code == ErrorCode::kForbidden || r.error().code == ErrorCode::kNotFound) return ctx.error(r.error());
  auto e = get_entry(ctx.db(), ctx.principal, id);
  if (!e) return ctx.error(e.error());
  return entry_page(ctx, *e, &r.error(), step);
}

http::Response step_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy mục ghi danh."));
  const auto& f = ctx.req.form();
  auto st = parse_step(f.get("step"));
  if (!st) return ctx.error(Error::invalid({{"step", "Bước xử lý không hợp lệ."}}));
  StepInput in{f.trimmed("comment"), f.trimmed("commendation"), f.trimmed("decision_no"), f.trimmed("decision_date")};
  return after(ctx, *id, take_step(ctx.db(), ctx.principal, *id, *st, in), std::string(step_code(*st)));
}

http::Response consent_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy mục ghi danh."));
  const auto& f = ctx.req.form();
  return after(ctx, *id, set_consent(ctx.db(), ctx.principal, *id, f.get("given") == "1", f.trimmed("note")), "");
}

http::Response replication_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy mục ghi danh."));
  const auto& f = ctx.req.form();
  return after(ctx, *id,
               add_replication(ctx.db(), ctx.principal, *id, f.id("unit_id").value_or(0), f.trimmed("what"), f.trimmed("on_date")),
               "replicate");
}

// ---- settings (quản trị)
http::Response settings_page(http::Context& ctx, const Error* err = nullptr, bool saved = false, const std::string& new_name = "") {
  if (auto ok = may_manage(ctx.principal); !ok) return ctx.error(ok.error());
  auto& c = ctx.db();
  html::Dict d("settings");
  std::string csrf = ctx.csrf_token();
  d.SetValue("CSRF", csrf);
  d.SetValue("NEW_NAME", new_name);
  if (saved) d.ShowSection("SAVED");
  if (open_everywhere(c)) d.ShowSection("EVERYONE");
  auto gs = group_settings(c);
  if (gs.empty()) d.ShowSection("NO_GROUPS");
  for (const auto& g : gs) {
    auto* s = d.AddSectionDictionary("GROUP");
    s->SetIntValue("ID", g.group_id);
    s->SetValue("NAME", g.name);
    s->SetIntValue("UNITS", g.units);
    if (g.enabled) s->ShowSection("CHECKED");
  }
  for (const auto& cat : categories(c, false)) {
    auto* s = d.AddSectionDictionary("CATEGORY");
    s->SetIntValue("ID", cat.id);
    s->SetValue("NAME", cat.name);
    s->SetValue("CSRF", csrf);
    s->SetValue("TOGGLE", cat.active ? "0" : "1");
    s->SetValue("TOGGLE_LABEL", cat.active ? "Ẩn" : "Dùng lại");
    if (!cat.active) s->ShowSection("INACTIVE");
  }
  if (err) html::set_field_errors(d, err->message, http::field_pairs(*err));
  return ctx.page("registry/settings.tpl", d, "Cài đặt Sổ ghi danh", err ? http::status_for(err->code) : 200);
}

http::Response settings_h(http::Context& ctx) { return settings_page(ctx, nullptr, ctx.req.query().has("saved")); }

http::Response save_settings_h(http::Context& ctx) {
  std::vector<std::int64_t> groups;
  for (const auto& [k, v] : ctx.req.form().items())
    if (k == "group") {
      auto id = http::parse_id(v);
      if (!id) return settings_page(ctx, nullptr);
      groups.push_back(*id);
    }
  auto r = set_openness(ctx.db(), ctx.principal, ctx.req.form().get("everyone") == "1", groups);
  if (!r) return r.error().code == ErrorCode::kInvalid ? settings_page(ctx, &r.error()) : ctx.error(r.error());
  return http::Response::redirect("/register/settings?saved=1");
}

http::Response add_category_h(http::Context& ctx) {
  std::string name = ctx.req.form().trimmed("name");
  auto r = create_category(ctx.db(), ctx.principal, name);
  if (!r) {
    if (r.error().code == ErrorCode::kForbidden) return ctx.error(r.error());
    return settings_page(ctx, &r.error(), false, name);
  }
  return http::Response::redirect("/register/settings?saved=1");
}

http::Response toggle_category_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy lĩnh vực."));
  auto r = set_category_active(ctx.db(), ctx.principal, *id, ctx.req.form().get("active") == "1");
  if (!r) return ctx.error(r.error());
  return http::Response::redirect("/register/settings?saved=1");
}

std::string unit_panel(http::Context& ctx, const org::Unit& u) {
  if (!auth::allowed(ctx.principal, auth::Action::kViewRegister, {u.path})) return "";
  auto& c = ctx.db();
  bool open = enabled_for(c, u.path);
  auto [total, published] = count_in_subtree(c, u.path);
  if (!open && total == 0) return "";
  html::Dict d("unit_panel");
  d.SetIntValue("UNIT_ID", u.id);
  d.SetValue("TOTAL", html::number_vn(total));
  d.SetValue("PUBLISHED", html::number_vn(published));
  if (open && auth::allowed(ctx.principal, auth::Action::kNominate, {u.path})) d.ShowSection("CAN_NOMINATE");
  return html::render("registry/unit_panel.tpl", d);
}

}  // namespace

void wire_pages(http::App& app) {
  app.route("GET", "/units/{id}/register", unit_register);
  app.route("GET", "/units/{id}/register/charts/{chart}", register_chart_export);
  app.route("GET", "/register/entries/new", new_entry_page);
  app.route("POST", "/register/entries", create_entry_h);
  app.route("GET", "/register/entries/{id}", entry_h);
  app.route("POST", "/register/entries/{id}/step", step_h);
  app.route("POST", "/register/entries/{id}/consent", consent_h);
  app.route("POST", "/register/entries/{id}/replications", replication_h);
  app.route("GET", "/register/settings", settings_h);
  app.route("POST", "/register/settings", save_settings_h);
  app.route("POST", "/register/categories", add_category_h);
  app.route("POST", "/register/categories/{id}", toggle_category_h);
  app.nav({"Sổ ghi danh", "/register", auth::Action::kViewRegister});
  org::add_unit_panel("registry", unit_panel);
}

}  // namespace ct05::registry
