// Pages of the models: the catalogue, a model's spread and summed outcomes over a subtree, the admin's
// form, and a unit's adoptions with their outcome updates.
#include <algorithm>

#include "kernel/clock.hpp"
#include "kernel/text.hpp"
#include "modules/models/module.hpp"
#include "modules/models/storage/model_store.hpp"
#include "modules/org/domain/unit.hpp"
#include "modules/org/module.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "platform/http/json_input.hpp"

namespace ct05::models {

namespace {

// The subtree a page speaks of: ?unit= when given (and visible), else the reader's first unit.
Result<org::Unit> scope_unit(http::Context& ctx) {
  if (auto id = ctx.req.query().id("unit")) return org::get_unit(ctx.db(), ctx.principal, *id, auth::Action::kViewPlan);
  for (const auto& g : ctx.principal.grants)
    if (auth::allowed(ctx.principal, auth::Action::kViewPlan, {g.unit_path}))
      return org::get_unit(ctx.db(), ctx.principal, g.unit_id, auth::Action::kViewPlan);
  return fail(Error::forbidden());
}

std::string figure_text(const std::optional<std::int64_t>& v) { return v ? html::number_vn(*v) : "—"; }

http::Response catalogue(http::Context& ctx) {
  auto u = scope_unit(ctx);
  if (!u) return ctx.error(u.error());
  auto& c = ctx.db();
  html::Dict d("catalogue");
  d.SetValue("SCOPE_NAME", u->name);
  if (may_manage(ctx.principal)) d.ShowSection("CAN_MANAGE");
  auto counts = adoption_counts(c, u->path);
  auto all = list_models(c, false);
  if (all.empty()) d.ShowSection("NONE");
  for (const auto& m : all) {
    auto* s = d.AddSectionDictionary("MODEL");
    s->SetIntValue("ID", m.id);
    s->SetIntValue("SCOPE_ID", u->id);
    s->SetValue("NAME", m.name);
    s->SetValue("DESCRIPTION", kernel::truncate_utf8(m.description, 200));
    std::int64_t n = 0;
    for (const auto& [id, k] : counts)
      if (id == m.id) n = k;
    s->SetValue("COUNT", html::number_vn(n));
    if (!m.active) s->ShowSection("INACTIVE");
  }
  return ctx.page("models/catalogue.tpl", d, "Mô hình, cách làm sáng tạo");
}

void add_figures(html::Dict& parent, const Adoption& a) {
  for (const auto& f : a.figures) {
    auto* s = parent.AddSectionDictionary("FIG");
    s->SetValue("LABEL", f.label);
    s->SetValue("UNIT", f.unit_label);
    s->SetValue("VALUE", figure_text(f.value));
    if (!f.as_of.empty()) s->AddSectionDictionary("AS_OF")->SetValue("TEXT", kernel::date_vn(f.as_of));
  }
}

http::Response model_page(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto& c = ctx.db();
  auto m = id ? find_model(c, *id) : std::nullopt;
  if (!m) return ctx.error(Error::not_found("Không tìm thấy mô hình."));
  auto u = scope_unit(ctx);
  if (!u) return ctx.error(u.error());
  html::Dict d("model_view");
  d.SetIntValue("ID", m->id);
  d.SetValue("NAME", m->name);
  d.SetValue("DESCRIPTION", m->description);
  d.SetValue("SCOPE_NAME", u->name);
  if (may_manage(ctx.principal)) d.ShowSection("CAN_MANAGE");
  auto s = spread(c, *m, u->path);
  d.SetValue("UNITS", html::number_vn(s.units));
  std::int64_t most = 1;
  for (const auto& [k, n] : s.by_kind) most = std::max(most, n);
  for (const auto& [k, n] : s.by_kind) {
    auto* r = d.AddSectionDictionary("KIND");
    r->SetValue("LABEL", std::string(org::kind_label(k)));
    r->SetValue("N", html::number_vn(n));
    r->SetIntValue("PERCENT", static_cast<int>((n * 100 + most / 2) / most));
  }
  for (const auto& t : s.totals) {
    auto* r = d.AddSectionDictionary("TOTAL");
    r->SetValue("LABEL", t.metric.label);
    r->SetValue("UNIT", t.metric.unit_label);
    r->SetValue("SUM", html::number_vn(t.sum));
    r->SetValue("REPORTING", html::number_vn(t.reporting));
  }
  auto page = html::page_request(ctx.req.query().get("page"));
  auto list = model_adoptions(c, m->id, u->path, page.per_page, page.offset());
  if (list.empty()) d.ShowSection("NONE");
  for (const auto& a : list) {
    auto* r = d.AddSectionDictionary("ADOPTION");
    r->SetIntValue("UNIT_ID", a.unit_id);
    r->SetValue("UNIT_NAME", a.unit_name);
    r->SetValue("SINCE", kernel::date_vn(a.since));
    if (!a.lead.empty()) r->AddSectionDictionary("LEAD")->SetValue("TEXT", a.lead);
    add_figures(*r, a);
  }
  html::add_pager(d, s.units, page, "/models/" + std::to_string(m->id) + "?unit=" + std::to_string(u->id) + "&");
  return ctx.page("models/model_view.tpl", d, m->name);
}

// ---- the admin's form
http::Response model_form(http::Context& ctx, const Model* m, const ModelInput& in, const Error* err) {
  if (auto ok = may_manage(ctx.principal); !ok) return ctx.error(ok.error());
  html::Dict d("model_form");
  d.SetValue("HEADING", m ? "Sửa mô hình" : "Thêm mô hình");
  d.SetValue("ACTION", m ? "/models/" + std::to_string(m->id) : "/models");
  d.SetValue("CSRF", ctx.csrf_token());
  d.SetValue("NAME", in.name.value_or(m ? m->name : ""));
  d.SetValue("DESCRIPTION", in.description.value_or(m ? m->description : ""));
  std::string metrics;
  if (m)
    for (const auto& x : m->metrics) metrics += x.label + (x.unit_label.empty() ? "" : " (" + x.unit_label + ")") + "\n";
  d.SetValue("METRICS", in.metrics.value_or(metrics));
  if (m) {
    auto* e = d.AddSectionDictionary("EDITING");
    if (in.active.value_or(m->active)) e->ShowSection("ACTIVE");
  }
  if (err) html::set_field_errors(d, err->message, http::field_pairs(*err));
  return ctx.page("models/model_form.tpl", d, m ? "Sửa mô hình" : "Thêm mô hình", err ? http::status_for(err->code) : 200);
}

ModelInput model_input(const http::Fields& f, bool editing) {
  ModelInput in;
  in.name = f.trimmed("name");
  in.description = f.trimmed("description");
  in.metrics = f.get("metrics");
  if (editing) in.active = f.get("active") == "1";
  return in;
}

http::Response new_model_page(http::Context& ctx) { return model_form(ctx, nullptr, {}, nullptr); }

http::Response create_model_h(http::Context& ctx) {
  auto in = model_input(ctx.req.form(), false);
  auto r = create_model(ctx.db(), ctx.principal, in);
  if (!r) return r.error().code == ErrorCode::kForbidden ? ctx.error(r.error()) : model_form(ctx, nullptr, in, &r.error());
  return http::Response::redirect("/models/" + std::to_string(r->id));
}

http::Response edit_model_page(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto m = id ? find_model(ctx.db(), *id) : std::nullopt;
  if (!m) return ctx.error(Error::not_found("Không tìm thấy mô hình."));
  return model_form(ctx, &*m, {}, nullptr);
}

http::Response update_model_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto m = id ? find_model(ctx.db(), *id) : std::nullopt;
  if (!m) return ctx.error(Error::not_found("Không tìm thấy mô hình."));
  auto in = model_input(ctx.req.form(), true);
  auto r = update_model(ctx.db(), ctx.principal, *id, in);
  if (!r) return r.error().code == ErrorCode::kForbidden ? ctx.error(r.error()) : model_form(ctx, &*m, in, &r.error());
  return http::Response::redirect("/models/" + std::to_string(r->id));
}

// ---- a unit's adoptions
http::Response unit_models_page(http::Context& ctx, std::int64_t unit_id, const AdoptionInput* draft, const Error* err,
                                std::int64_t err_adoption) {
  auto& c = ctx.db();
  auto u = org::get_unit(c, ctx.principal, unit_id, auth::Action::kViewPlan);
  if (!u) return ctx.error(u.error());
  bool can_edit = auth::allowed(ctx.principal, auth::Action::kEditPlan, {u->path});
  std::string csrf = ctx.csrf_token();
  html::Dict d("unit_models");
  d.SetIntValue("UNIT_ID", u->id);
  d.SetValue("UNIT_NAME", u->name);
  auto list = unit_adoptions(c, u->id);
  if (list.empty()) d.ShowSection("NONE");
  for (const auto& a : list) {
    auto* s = d.AddSectionDictionary("ADOPTION");
    s->SetIntValue("MODEL_ID", a.model_id);
    s->SetValue("MODEL_NAME", a.model_name);
    s->SetValue("SINCE", kernel::date_vn(a.since));
    if (!a.lead.empty()) s->AddSectionDictionary("LEAD")->SetValue("TEXT", a.lead);
    if (!a.note.empty()) s->AddSectionDictionary("NOTE")->SetValue("TEXT", a.note);
    if (!a.active) s->ShowSection("INACTIVE");
    add_figures(*s, a);
    if (can_edit && a.active && !a.figures.empty()) {
      auto* f = s->AddSectionDictionary("RECORD");
      f->SetIntValue("ID", a.id);
      f->SetValue("CSRF", csrf);
      f->SetValue("TODAY", kernel::today_iso());
      for (const auto& fig : a.figures) {
        auto* i = f->AddSectionDictionary("IN");
        i->SetIntValue("METRIC_ID", fig.metric_id);
        i->SetIntValue("ID", a.id);
        i->SetValue("LABEL", fig.label);
        i->SetValue("UNIT", fig.unit_label);
        i->SetValue("VALUE", fig.value ? std::to_string(*fig.value) : "");
      }
      if (err && err_adoption == a.id) html::set_field_errors(*f, err->message, http::field_pairs(*err));
    }
  }
  if (err && err_adoption == 0) html::set_field_errors(d, err->message, http::field_pairs(*err));
  else if (err) html::set_field_errors(d, err->message, {});
  if (can_edit) {
    auto* add = d.AddSectionDictionary("ADD");
    add->SetIntValue("UNIT_ID", u->id);
    add->SetValue("CSRF", csrf);
    add->SetValue("SINCE", draft ? draft->since.value_or("") : "");
    add->SetValue("LEAD", draft ? draft->lead.value_or("") : "");
    add->SetValue("NOTE", draft ? draft->note.value_or("") : "");
    for (const auto& m : list_models(c, true)) {
      if (std::any_of(list.begin(), list.end(), [&](const Adoption& a) { return a.model_id == m.id; })) continue;
      auto* o = add->AddSectionDictionary("OPT");
      o->SetIntValue("ID", m.id);
      o->SetValue("NAME", m.name);
      if (draft && draft->model_id && *draft->model_id == m.id) o->ShowSection("SELECTED");
    }
    if (err && err_adoption == 0) html::set_field_errors(*add, "", http::field_pairs(*err));
  }
  return ctx.page("models/unit_models.tpl", d, "Mô hình áp dụng — " + u->name, err ? http::status_for(err->code) : 200);
}

http::Response unit_models_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đơn vị."));
  return unit_models_page(ctx, *id, nullptr, nullptr, 0);
}

http::Response adopt_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đơn vị."));
  const auto& f = ctx.req.form();
  AdoptionInput in;
  in.unit_id = *id;
  in.model_id = f.id("model_id");
  in.since = f.trimmed("since");
  in.lead = f.trimmed("lead");
  in.note = f.trimmed("note");
  auto r = adopt(ctx.db(), ctx.principal, in);
  if (!r) {
    if (r.error().code == ErrorCode::kForbidden) return ctx.error(r.error());
    return unit_models_page(ctx, *id, &in, &r.error(), 0);
  }
  return http::Response::redirect("/units/" + std::to_string(*id) + "/models");
}

http::Response outcomes_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto a = id ? find_adoption(ctx.db(), *id) : std::nullopt;
  if (!a) return ctx.error(Error::not_found("Không tìm thấy việc áp dụng mô hình."));
  const auto& f = ctx.req.form();
  std::vector<std::pair<std::int64_t, std::int64_t>> values;
  for (const auto& fig : a->figures) {
    std::string v = f.trimmed("m" + std::to_string(fig.metric_id));
    v.erase(std::remove(v.begin(), v.end(), '.'), v.end());  // "1.250.000" as Vietnamese write it
    if (v.empty()) continue;
    if (v.size() > 15 || v.find_first_not_of("0123456789") != std::string::npos) {
      Error e = Error::invalid({{"values", "“" + fig.label + "” phải là số nguyên không âm."}});
      return unit_models_page(ctx, a->unit_id, nullptr, &e, a->id);
    }
    values.emplace_back(fig.metric_id, std::stoll(v));
  }
  auto r = record_outcomes(ctx.db(), ctx.principal, a->id, f.trimmed("as_of"), values);
  if (!r) {
    if (r.error().code == ErrorCode::kForbidden) return ctx.error(r.error());
    return unit_models_page(ctx, a->unit_id, nullptr, &r.error(), a->id);
  }
  return http::Response::redirect("/units/" + std::to_string(a->unit_id) + "/models");
}

std::string unit_panel(http::Context& ctx, const org::Unit& u) {
  if (!auth::allowed(ctx.principal, auth::Action::kViewPlan, {u.path})) return "";
  auto list = unit_adoptions(ctx.db(), u.id);
  html::Dict d("unit_panel");
  d.SetIntValue("UNIT_ID", u.id);
  if (list.empty()) d.ShowSection("NONE");
  for (const auto& a : list)
    if (a.active) d.AddSectionDictionary("NAMES")->SetValue("NAME", a.model_name);
  return html::render("models/unit_panel.tpl", d);
}

}  // namespace

void wire_pages(http::App& app) {
  app.route("GET", "/models", catalogue);
  app.route("GET", "/models/new", new_model_page);
  app.route("POST", "/models", create_model_h);
  app.route("GET", "/models/{id}", model_page);
  app.route("GET", "/models/{id}/edit", edit_model_page);
  app.route("POST", "/models/{id}", update_model_h);
  app.route("GET", "/units/{id}/models", unit_models_h);
  app.route("POST", "/units/{id}/models", adopt_h);
  app.route("POST", "/model-adoptions/{id}/outcomes", outcomes_h);
  app.nav({"Mô hình", "/models", auth::Action::kViewPlan});
  org::add_unit_panel("models", unit_panel);
}

}  // namespace ct05::models
