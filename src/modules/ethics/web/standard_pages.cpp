// Pages of the ethics standards: a unit's version in force with its history, the member's acknowledgement and,
// for officers, who has not acknowledged yet; one version by id; the officer's form to publish the next version;
// and the unit-page panel.
#include "kernel/clock.hpp"
#include "kernel/text.hpp"
#include "modules/ethics/module.hpp"
#include "modules/ethics/storage/standard_store.hpp"
#include "modules/org/module.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "platform/http/json_input.hpp"

namespace ct05::ethics {

namespace {

// "2020-03-02T01:00:00Z" → "02/03/2020", the day in Vietnam.
std::string day_of(const std::string& iso) {
  std::string s = kernel::datetime_vn(iso);
  auto sp = s.find(' ');
  return sp == std::string::npos ? s : s.substr(sp + 1);
}

void add_lines(html::Dict& parent, const std::vector<std::string>& lines) {
  for (const auto& l : lines) parent.AddSectionDictionary("LINE")->SetValue("TEXT", l);
}

// The version as an article (templates/standard_article.tpl), with the acknowledgement button for a member who
// must acknowledge it and has not, or the date they did.
void add_article(http::Context& ctx, html::Dict& d, const Standard& s) {
  auto& c = ctx.db();
  auto* a = d.AddIncludeDictionary("STANDARD");
  a->SetFilename("ethics/standard_article.tpl");
  a->SetIntValue("ID", s.id);
  a->SetIntValue("UNIT_ID", s.unit_id);
  a->SetValue("TITLE", s.title);
  a->SetIntValue("VERSION", s.version);
  a->SetValue("DATE", day_of(s.published_at));
  if (!s.published_by.empty()) a->AddSectionDictionary("BY")->SetValue("TEXT", s.published_by);
  if (s.current)
    a->ShowSection("IS_CURRENT");
  else
    a->ShowSection("OLD");
  if (!s.note.empty()) {
    auto lines = kernel::paragraphs(s.note);
    auto* ch = a->AddSectionDictionary("CHANGE");
    for (const auto& p : lines) add_lines(*ch, p);
  }
  for (const auto& p : kernel::paragraphs(s.body)) add_lines(*a->AddSectionDictionary("PARA"), p);
  const auto person = ctx.principal.person_id;
  if (!s.current || !must_acknowledge(c, person, s.unit_path)) return;
  if (auto ack = acknowledgement_of(c, s.id, person)) {
    a->AddSectionDictionary("ACKED")->SetValue("DATE", day_of(ack->acknowledged_at));
  } else {
    auto* f = a->AddSectionDictionary("ACK_FORM");
    f->SetIntValue("ID", s.id);
    f->SetValue("CSRF", ctx.csrf_token());
  }
}

void add_unit_link(http::Context& ctx, html::Dict& d, const std::string& unit_path) {
  // A member reading the standards of a unit above them may not open that unit's page.
  if (auth::allowed(ctx.principal, auth::Action::kViewUnit, {unit_path})) d.ShowSection("UNIT_LINK");
}

http::Response unit_ethics_page(http::Context& ctx, std::int64_t unit_id, const Error* err) {
  auto& c = ctx.db();
  auto u = readable_unit(c, ctx.principal, unit_id);
  if (!u) return ctx.error(u.error());
  html::Dict d("unit_ethics");
  d.SetIntValue("UNIT_ID", u->id);
  d.SetValue("UNIT_NAME", u->name);
  add_unit_link(ctx, d, u->path);
  std::string msg = ctx.req.query().get("msg");
  if (msg == "published") d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã công bố phiên bản mới.");
  if (msg == "acknowledged") d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã ghi nhận xác nhận của bạn.");
  if (err) html::set_field_errors(d, err->message, {});
  auto versions = history(c, u->id);
  if (u->active && auth::allowed(ctx.principal, auth::Action::kPublishEthics, {u->path}))
    d.AddSectionDictionary("CAN_PUBLISH")
        ->SetValue("LABEL", versions.empty() ? "Công bố chuẩn mực" : "Công bố phiên bản mới");
  if (versions.empty()) d.ShowSection("NONE");
  if (ctx.principal.person_id != 0) {
    html::Dict* box = nullptr;
    for (const auto& s : awaiting(c, ctx.principal.person_id)) {
      if (s.unit_id == u->id) continue;  // this page's own button says it
      if (!box) box = d.AddSectionDictionary("AWAITING");
      auto* i = box->AddSectionDictionary("ITEM");
      i->SetIntValue("UNIT_ID", s.unit_id);
      i->SetValue("UNIT_NAME", s.unit_name);
      i->SetValue("TITLE", s.title);
      i->SetIntValue("VERSION", s.version);
    }
  }
  if (versions.empty())
    return ctx.page("ethics/unit_ethics.tpl", d, "Chuẩn mực đạo đức công vụ — " + u->name,
                    err ? http::status_for(err->code) : 200);

  const auto& current = versions.front();
  add_article(ctx, d, current);
  if (may_see_who(ctx.principal, u->path)) {
    auto t = tally(c, current);
    auto* w = d.AddSectionDictionary("WHO");
    w->SetValue("ACKNOWLEDGED", html::number_vn(t.acknowledged));
    w->SetValue("REQUIRED", html::number_vn(t.required));
    // The same figure above the text, which is long on a phone, with a jump to the list.
    auto* top = d.AddSectionDictionary("WHO_SUMMARY");
    top->SetValue("ACKNOWLEDGED", html::number_vn(t.acknowledged));
    top->SetValue("REQUIRED", html::number_vn(t.required));
    // Rounded down, so 100% means everyone.
    w->SetIntValue("PERCENT", t.required ? static_cast<int>(t.acknowledged * 100 / t.required) : 0);
    w->SetIntValue("VERSION", current.version);
    const auto left = t.required - t.acknowledged;
    w->SetValue("PENDING", html::number_vn(left));
    if (left == 0) w->ShowSection("ALL_DONE");
    // 20 names a page: the list is read on phones.
    auto page = html::page_request(ctx.req.query().get("page"), 20);
    for (const auto& p : pending(c, current, page.per_page, page.offset())) {
      auto* r = w->AddSectionDictionary("P");
      r->SetIntValue("ID", p.person_id);
      r->SetValue("NAME", p.full_name);
      if (!p.position.empty()) r->AddSectionDictionary("POSITION")->SetValue("TEXT", p.position);
      r->SetValue("UNIT", p.unit_name);
    }
    html::add_pager(*w, left, page, "/units/" + std::to_string(u->id) + "/ethics?");
  }
  d.ShowSection("HAS_HISTORY");
  for (const auto& s : versions) {
    auto* v = d.AddSectionDictionary("V");
    v->SetIntValue("ID", s.id);
    v->SetIntValue("VERSION", s.version);
    v->SetValue("TITLE", s.title);
    v->SetValue("DATE", day_of(s.published_at));
    if (s.current) v->ShowSection("IS_CURRENT");
  }
  return ctx.page("ethics/unit_ethics.tpl", d, "Chuẩn mực đạo đức công vụ — " + u->name,
                  err ? http::status_for(err->code) : 200);
}

http::Response unit_ethics_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đơn vị."));
  return unit_ethics_page(ctx, *id, nullptr);
}

http::Response standard_page(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy phiên bản chuẩn mực này."));
  auto s = get_standard(ctx.db(), ctx.principal, *id);
  if (!s) return ctx.error(s.error());
  html::Dict d("standard_view");
  d.SetIntValue("UNIT_ID", s->unit_id);
  d.SetValue("UNIT_NAME", s->unit_name);
  d.SetIntValue("VERSION", s->version);
  add_unit_link(ctx, d, s->unit_path);
  add_article(ctx, d, *s);
  return ctx.page("ethics/standard_view.tpl", d, s->title + " (phiên bản " + std::to_string(s->version) + ")");
}

// ---- the officer's form
http::Response form_page(http::Context& ctx, std::int64_t unit_id, const StandardInput* typed, const Error* err) {
  auto& c = ctx.db();
  auto u = org::get_unit(c, ctx.principal, unit_id, auth::Action::kPublishEthics);
  if (!u) return ctx.error(u.error());
  auto current = current_standard(c, u->id);
  html::Dict d("standard_form");
  d.SetIntValue("UNIT_ID", u->id);
  d.SetValue("UNIT_NAME", u->name);
  d.SetValue("CSRF", ctx.csrf_token());
  d.SetIntValue("NEXT_VERSION", current ? current->version + 1 : 1);
  if (current) {
    auto* r = d.AddSectionDictionary("REPLACES");
    r->SetIntValue("VERSION", current->version);
    r->SetValue("DATE", day_of(current->published_at));
  }
  // The officer starts from the version in force and edits it; what they typed wins after an error.
  d.SetValue("TITLE", typed ? typed->title.value_or("") : current ? current->title : "");
  d.SetValue("BODY", typed ? typed->body.value_or("") : current ? current->body : "");
  d.SetValue("NOTE", typed ? typed->note.value_or("") : "");
  if (err) html::set_field_errors(d, err->message, http::field_pairs(*err));
  return ctx.page("ethics/standard_form.tpl", d, "Công bố chuẩn mực đạo đức công vụ — " + u->name,
                  err ? http::status_for(err->code) : 200);
}

http::Response new_standard_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đơn vị."));
  return form_page(ctx, *id, nullptr, nullptr);
}

http::Response publish_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đơn vị."));
  const auto& f = ctx.req.form();
  StandardInput in;
  in.unit_id = *id;
  in.title = f.trimmed("title");
  in.body = f.get("body");
  in.note = f.trimmed("note");
  auto r = publish(ctx.db(), ctx.principal, in);
  if (!r) {
    if (r.error().code == ErrorCode::kForbidden || r.error().code == ErrorCode::kNotFound) return ctx.error(r.error());
    return form_page(ctx, *id, &in, &r.error());
  }
  return http::Response::redirect("/units/" + std::to_string(*id) + "/ethics?msg=published");
}

http::Response acknowledge_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy phiên bản chuẩn mực này."));
  auto r = acknowledge(ctx.db(), ctx.principal, *id);
  if (!r) {
    // A newer version came out while the member was reading: show it, with the reason, in place of an error page.
    if (r.error().code == ErrorCode::kConflict)
      if (auto s = find_standard(ctx.db(), *id)) return unit_ethics_page(ctx, s->unit_id, &r.error());
    return ctx.error(r.error());
  }
  auto s = find_standard(ctx.db(), r->standard_id);
  return http::Response::redirect("/units/" + std::to_string(s->unit_id) + "/ethics?msg=acknowledged");
}

std::string unit_panel(http::Context& ctx, const org::Unit& u) {
  if (!auth::allowed(ctx.principal, auth::Action::kViewPlan, {u.path})) return "";
  auto& c = ctx.db();
  html::Dict d("unit_panel");
  d.SetIntValue("UNIT_ID", u.id);
  auto s = current_standard(c, u.id);
  if (!s) {
    auto* none = d.AddSectionDictionary("NONE");
    if (u.active && auth::allowed(ctx.principal, auth::Action::kPublishEthics, {u.path}))
      none->ShowSection("CAN_PUBLISH");
    return html::render("ethics/unit_panel.tpl", d);
  }
  auto* cur = d.AddSectionDictionary("CURRENT");
  cur->SetValue("TITLE", s->title);
  cur->SetIntValue("VERSION", s->version);
  cur->SetValue("DATE", day_of(s->published_at));
  if (may_see_who(ctx.principal, u.path)) {
    auto t = tally(c, *s);
    auto* n = cur->AddSectionDictionary("COUNT");
    n->SetValue("ACKNOWLEDGED", html::number_vn(t.acknowledged));
    n->SetValue("REQUIRED", html::number_vn(t.required));
  }
  if (must_acknowledge(c, ctx.principal.person_id, s->unit_path)) {
    if (auto ack = acknowledgement_of(c, s->id, ctx.principal.person_id))
      cur->AddSectionDictionary("DONE")->SetValue("DATE", day_of(ack->acknowledged_at));
    else
      cur->ShowSection("TODO");
  }
  return html::render("ethics/unit_panel.tpl", d);
}

}  // namespace

void wire_pages(http::App& app) {
  app.route("GET", "/units/{id}/ethics", unit_ethics_h);
  app.route("GET", "/units/{id}/ethics/new", new_standard_h);
  app.route("POST", "/units/{id}/ethics", publish_h);
  app.route("GET", "/ethics-standards/{id}", standard_page);
  app.route("POST", "/ethics-standards/{id}/acknowledge", acknowledge_h);
  org::add_unit_panel("ethics", unit_panel);
}

}  // namespace ct05::ethics
