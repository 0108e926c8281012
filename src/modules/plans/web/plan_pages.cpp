// Pages of plans, commitments, pressing issues, years and the coverage dashboard.
#include <algorithm>
#include <chrono>

#include "kernel/clock.hpp"
#include "modules/org/module.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/people/storage/person_store.hpp"
#include "modules/plans/module.hpp"
#include "modules/plans/storage/plan_store.hpp"
#include "modules/plans/storage/year_review.hpp"
#include "platform/exports/export_kinds.hpp"
#include "modules/plans/web/dashboard_charts.hpp"
#include "modules/plans/web/year_links.hpp"
#include "platform/exports/exports.hpp"
#include "platform/http/fragment_cache.hpp"
#include "platform/http/json_input.hpp"

namespace ct05::plans {

void add_year_links(html::Dict& d, db::Connection& c, const std::string& base, int current) {
  std::vector<int> years;
  for (const auto& y : list_years(c)) years.push_back(y.year);
  if (std::find(years.begin(), years.end(), current) == years.end()) years.push_back(current);
  std::sort(years.begin(), years.end());
  for (int y : years) {
    auto* s = d.AddSectionDictionary("YEARS");
    s->SetIntValue("Y", y);
    s->SetValue("HREF", base + "?year=" + std::to_string(y));
    if (y == current) s->ShowSection("CURRENT");
  }
}

namespace {

int year_param(http::Context& ctx) {
  auto y = parse_year(ctx.req.method == "GET" ? ctx.req.query().get("year") : ctx.req.form().trimmed("year"));
  return y ? *y : default_year(ctx.db());
}

void add_theme(html::Dict& d, db::Connection& c, int year) {
  if (auto y = find_year(c, year); y && !y->theme.empty()) d.AddSectionDictionary("THEME")->SetValue("TEXT", y->theme);
}

http::Response plan_page(http::Context& ctx, const Plan& p, const Error* err = nullptr, const ItemInput* draft = nullptr) {
  auto& c = ctx.db();
  html::Dict d("plan_view");
  bool person = p.owner == OwnerKind::kPerson;
  d.SetIntValue("PLAN_ID", p.id);
  d.SetIntValue("UNIT_ID", p.unit_id);
  d.SetValue("UNIT_NAME", p.unit_name);
  d.SetIntValue("YEAR", p.year);
  d.SetValue("CSRF", ctx.csrf_token());
  d.SetValue("KIND_LABEL", person ? "Cam kết" : "Kế hoạch");
  d.SetValue("KIND_LOWER", person ? "cam kết" : "kế hoạch");
  std::string title = person ? "Cam kết làm theo Bác năm " + std::to_string(p.year) + " của " + p.person_name
                             : "Kế hoạch làm theo Bác năm " + std::to_string(p.year) + " — " + p.unit_name;
  d.SetValue("TITLE", title);
  if (person) {
    auto* s = d.AddSectionDictionary("PERSON");
    s->SetIntValue("ID", p.person_id);
    s->SetValue("NAME", p.person_name);
  }
  d.SetValue("STATUS", std::string(status_code(p.status)));
  d.SetValue("STATUS_LABEL", std::string(status_label(p.status)));
  add_theme(d, c, p.year);
  if (!p.comment.empty()) d.AddSectionDictionary("COMMENT")->SetValue("TEXT", p.comment);
  bool edit = can_edit(ctx.principal, p);
  bool open = editable(p.status);
  d.SetIntValue("ITEM_COUNT", static_cast<long>(p.items.size()));
  if (p.items.empty()) d.ShowSection("NO_ITEMS");
  for (const auto& it : p.items) {
    auto* s = d.AddSectionDictionary("ITEM");
    s->SetValue("CONTENT", it.content);
    s->SetIntValue("PLAN_ID", p.id);
    s->SetIntValue("ITEM_ID", it.id);
    s->SetValue("CSRF", ctx.csrf_token());
    s->SetValue("STATUS_LABEL", std::string(item_status_label(it.status)));
    if (!it.responsible.empty()) s->AddSectionDictionary("RESPONSIBLE")->SetValue("TEXT", it.responsible);
    if (!it.due_date.empty()) s->AddSectionDictionary("DUE")->SetValue("TEXT", kernel::date_vn(it.due_date));
    if (!it.evidence.empty()) s->AddSectionDictionary("EVIDENCE")->SetValue("TEXT", it.evidence);
    if (edit) {
      auto* pr = s->AddSectionDictionary("PROGRESS");
      pr->SetValue("EVIDENCE_VALUE", it.evidence);
      for (const auto& [code, label] : item_statuses()) {
        auto* o = pr->AddSectionDictionary("OPT");
        o->SetValue("VALUE", std::string(code));
        o->SetValue("LABEL", std::string(label));
        if (code == it.status) o->ShowSection("SELECTED");
      }
      if (open) s->ShowSection("REMOVE");
    }
  }
  if (edit && open) {
    auto* a = d.AddSectionDictionary("ADD");
    a->SetValue("PLACEHOLDER", person ? "Ví dụ: Gương mẫu đi đầu trong xây dựng nông thôn mới, vận động 5 hộ hiến đất làm đường"
                                      : "Ví dụ: Tổ chức kể chuyện về Bác trong các buổi sinh hoạt định kỳ hằng tháng");
    if (draft) {
      a->SetValue("CONTENT", draft->content.value_or(""));
      a->SetValue("RESPONSIBLE", draft->responsible.value_or(""));
      a->SetValue("DUE_DATE", draft->due_date.value_or(""));
    }
    d.ShowSection("SUBMIT");
  }
  if (can_review(ctx.principal, p) && p.status == Status::kSubmitted) d.ShowSection("REVIEW");
  // The evaluation (meetings module) follows acceptance; a locked year says why nothing can change.
  if (p.status == Status::kAccepted) d.AddSectionDictionary("EVALUATION")->SetIntValue("ID", p.id);
  if (auto r = find_year_review(c, p.unit_id, p.year); r && r->locked)
    d.AddSectionDictionary("LOCKED")->SetValue("AT", kernel::datetime_vn(r->locked_at));
  auto evs = events(c, p.id);
  if (!evs.empty()) {
    auto* h = d.AddSectionDictionary("HAS_EVENTS");
    for (const auto& e : evs) {
      auto* s = h->AddSectionDictionary("EVENT");
      s->SetValue("AT", kernel::datetime_vn(e.at));
      s->SetValue("ACTOR", e.actor);
      s->SetValue("ACTION", e.action == "submit" ? "gửi duyệt" : e.action == "accept" ? "chấp thuận" : "trả lại");
      if (!e.comment.empty()) s->AddSectionDictionary("COMMENT")->SetValue("TEXT", e.comment);
    }
  }
  std::string msg = ctx.req.query().get("msg");
  if (msg == "saved") d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã lưu.");
  if (msg == "submit") d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã gửi cấp trên duyệt.");
  if (msg == "accept") d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã chấp thuận.");
  if (msg == "return") d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã trả lại kèm ý kiến.");
  int status = 200;
  if (err) {
    html::set_field_errors(d, err->message, http::field_pairs(*err));
    status = http::status_for(err->code);
  }
  return ctx.page("plans/plan_view.tpl", d, title, status);
}

http::Response view_plan(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy kế hoạch."));
  auto p = get_plan(ctx.db(), ctx.principal, *id);
  if (!p) return ctx.error(p.error());
  return plan_page(ctx, *p);
}

http::Response none_page(http::Context& ctx, bool person, const std::string& back, const std::string& back_name,
                         const std::string& title, const std::string& action, bool can_create, int year) {
  html::Dict d("plan_none");
  d.SetValue("BACK", back);
  d.SetValue("BACK_NAME", back_name);
  d.SetValue("TITLE", title);
  d.SetIntValue("YEAR", year);
  d.SetValue("KIND_LABEL", person ? "Cam kết" : "Kế hoạch");
  d.SetValue("KIND_LOWER", person ? "cam kết" : "kế hoạch");
  add_theme(d, ctx.db(), year);
  if (can_create) {
    auto* s = d.AddSectionDictionary("CAN_CREATE");
    s->SetValue("ACTION", action);
    s->SetValue("CSRF", ctx.csrf_token());
    s->SetIntValue("YEAR", year);
    s->SetValue("KIND_LOWER", person ? "cam kết" : "kế hoạch");
  }
  for (const auto& y : list_years(ctx.db())) {
    auto* s = d.AddSectionDictionary("YEARS");
    s->SetIntValue("Y", y.year);
    s->SetValue("HREF", "?year=" + std::to_string(y.year));
  }
  return ctx.page("plans/plan_none.tpl", d, title);
}

http::Response unit_plan(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đơn vị."));
  auto& c = ctx.db();
  auto u = org::get_unit(c, ctx.principal, *id, auth::Action::kViewPlan);
  if (!u) return ctx.error(u.error());
  int year = year_param(ctx);
  if (auto p = find_unit_plan(c, u->id, year)) return http::Response::redirect("/plans/" + std::to_string(p->id));
  bool can = requires_plan(u->kind) && auth::allowed(ctx.principal, auth::Action::kEditPlan, {u->path});
  return none_page(ctx, false, "/units/" + std::to_string(u->id), u->name,
                   "Kế hoạch làm theo Bác năm " + std::to_string(year) + " — " + u->name,
                   "/units/" + std::to_string(u->id) + "/plan", can, year);
}

http::Response create_unit_plan(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đơn vị."));
  auto p = open_unit_plan(ctx.db(), ctx.principal, *id, year_param(ctx));
  if (!p) return ctx.error(p.error());
  return http::Response::redirect("/plans/" + std::to_string(p->id));
}

http::Response person_commitment(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy người này."));
  auto& c = ctx.db();
  auto person = people::get_person(c, ctx.principal, *id);
  if (!person) {
    // A party member may open their own commitment even without the right to read others.
    auto p = people::find_person(c, *id);
    if (!p || !auth::allowed(ctx.principal, auth::Action::kEditCommitment, {p->unit_path, p->id})) return ctx.error(person.error());
    person = *p;
  }
  int year = year_param(ctx);
  if (auto p = find_commitment(c, person->id, year)) return http::Response::redirect("/plans/" + std::to_string(p->id));
  bool can = person->active && (auth::allowed(ctx.principal, auth::Action::kEditCommitment, {person->unit_path, person->id}) ||
                                auth::allowed(ctx.principal, auth::Action::kEditPlan, {person->unit_path}));
  return none_page(ctx, true, "/people/" + std::to_string(person->id), person->full_name,
                   "Cam kết làm theo Bác năm " + std::to_string(year) + " của " + person->full_name,
                   "/people/" + std::to_string(person->id) + "/commitment", can, year);
}

http::Response create_commitment(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy người này."));
  auto p = open_commitment(ctx.db(), ctx.principal, *id, year_param(ctx));
  if (!p) return ctx.error(p.error());
  return http::Response::redirect("/plans/" + std::to_string(p->id));
}

ItemInput item_from_form(const http::Fields& f) {
  ItemInput in;
  if (f.has("content")) in.content = f.trimmed("content");
  if (f.has("responsible")) in.responsible = f.trimmed("responsible");
  if (f.has("due_date")) in.due_date = f.trimmed("due_date");
  if (f.has("evidence")) in.evidence = f.trimmed("evidence");
  if (f.has("status")) in.status = f.trimmed("status");
  return in;
}

// After a refused form on the plan page, show the page again with the message and what was typed.
http::Response plan_result(http::Context& ctx, std::int64_t plan_id, const Result<Plan>& r, const std::string& msg,
                           const ItemInput* draft = nullptr) {
  if (r) return http::Response::redirect("/plans/" + std::to_string(plan_id) + "?msg=" + msg);
  if (r.error().code != ErrorCode::kInvalid) return ctx.error(r.error());
  auto p = get_plan(ctx.db(), ctx.principal, plan_id);
  if (!p) return ctx.error(p.error());
  return plan_page(ctx, *p, &r.error(), draft);
}

http::Response add_item_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy kế hoạch."));
  auto in = item_from_form(ctx.req.form());
  in.content = in.content.value_or("");
  return plan_result(ctx, *id, add_item(ctx.db(), ctx.principal, *id, in), "saved", &in);
}

http::Response update_item_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto item = ctx.id_param("item");
  if (!id || !item) return ctx.error(Error::not_found("Không tìm thấy việc làm này."));
  return plan_result(ctx, *id, update_item(ctx.db(), ctx.principal, *id, *item, item_from_form(ctx.req.form())), "saved");
}

http::Response remove_item_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto item = ctx.id_param("item");
  if (!id || !item) return ctx.error(Error::not_found("Không tìm thấy việc làm này."));
  return plan_result(ctx, *id, remove_item(ctx.db(), ctx.principal, *id, *item), "saved");
}

http::Response transition_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy kế hoạch."));
  auto t = parse_transition(ctx.req.form().get("action"));
  if (!t) return ctx.error(Error::invalid({{"action", "Thao tác phải là gửi duyệt, chấp thuận hoặc trả lại."}}));
  return plan_result(ctx, *id, transition(ctx.db(), ctx.principal, *id, *t, ctx.req.form().trimmed("comment")),
                     std::string(transition_code(*t)));
}

// ---- pressing issues (shown in the unit panel's plan page section)
http::Response create_issue_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đơn vị."));
  IssueInput in;
  in.unit_id = *id;
  in.year = year_param(ctx);
  in.title = ctx.req.form().trimmed("title");
  in.description = ctx.req.form().trimmed("description");
  auto r = create_issue(ctx.db(), ctx.principal, in);
  if (!r) return ctx.error(r.error());
  return http::Response::redirect("/units/" + std::to_string(*id) + "?year=" + std::to_string(*in.year) + "#issues");
}

http::Response update_issue_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy vấn đề này."));
  IssueInput in;
  in.status = ctx.req.form().trimmed("status");
  in.note = ctx.req.form().trimmed("note");
  auto r = update_issue(ctx.db(), ctx.principal, *id, in);
  if (!r) return ctx.error(r.error());
  return http::Response::redirect("/units/" + std::to_string(r->unit_id) + "?year=" + std::to_string(r->year) + "#issues");
}

// ---- dashboard
http::Response dashboard(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đơn vị."));
  auto& c = ctx.db();
  auto u = org::get_unit(c, ctx.principal, *id, auth::Action::kViewPlan);
  if (!u) return ctx.error(u.error());
  int year = year_param(ctx);
  auto page = html::page_request(ctx.req.query().get("page"));
  // ?as_of=YYYY-MM-DD[&continuity=1]: the figures under the tree of that day (D25).
  std::string as_of = ctx.req.query().trimmed("as_of");
  bool continuity = ctx.req.query().get("continuity") == "1";
  org::Scope scope = org::current_scope(*u);
  if (!as_of.empty() || continuity) {
    auto s = org::scope_at(c, *u, as_of, continuity);
    if (!s) return ctx.error(s.error());
    scope = std::move(*s);
  }
  // The body depends only on the unit, the year, the page and the tree (the permission was checked above), so it
  // is kept until the next write (see http::FragmentCache).
  static http::FragmentCache cache(std::chrono::seconds(1));
  std::string key = std::to_string(u->id) + "/" + std::to_string(year) + "/" + std::to_string(page.page) + "/" + as_of +
                    (continuity ? "/c" : "");
  std::string title = "Bảng theo dõi — " + u->name;
  if (auto body = cache.get(key)) return ctx.page_html(*body, title);
  auto generation = db::write_generation();
  auto x = indicators(c, scope, year);
  html::Dict d("dashboard");
  d.SetIntValue("UNIT_ID", u->id);
  const org::Unit then = scope.dated() ? org::unit_on(c, *u, scope.as_of) : *u;
  d.SetValue("UNIT_NAME", then.name);
  d.SetIntValue("YEAR", year);
  d.SetValue("AS_OF", as_of);
  if (continuity) d.ShowSection("CONTINUITY");
  add_theme(d, c, year);
  add_year_links(d, c, "/units/" + std::to_string(u->id) + "/dashboard", year);
  auto figure = [&](const char* key, const char* label, std::int64_t done, std::int64_t total, const char* unit) {
    auto* s = d.AddSectionDictionary("FIGURE");
    s->SetValue("KEY", key);
    s->SetValue("LABEL", label);
    s->SetIntValue("PERCENT", html::percent(done, total));
    s->SetValue("DONE", html::number_vn(done));
    s->SetValue("TOTAL", html::number_vn(total));
    s->SetValue("UNIT", unit);
  };
  figure("plans", "Đơn vị có kế hoạch được chấp thuận", x.plans_accepted, x.units, "đơn vị");
  figure("commitments", "Cán bộ, đảng viên có cam kết được chấp thuận", x.commitments_accepted, x.cadres, "người");
  figure("issues", "Vấn đề bức xúc đã giải quyết", x.issues_resolved, x.issues_registered, "vấn đề");
  if (scope.dated()) {
    // Under the tree of a day: the figures and the children of that day; the charts and lists are of today's tree.
    auto* t = d.AddSectionDictionary("TREE");
    t->SetValue("TEXT", "Theo cây tổ chức ngày " + kernel::date_vn(scope.as_of) +
                            (continuity ? ", nối tiếp số liệu của " + std::to_string(scope.carried.size()) + " đơn vị tiền thân" : ""));
    for (const auto& k : org::children_on(c, *u, scope.as_of)) {
      auto ki = indicators(c, org::Scope{k.id, k.path, scope.as_of, {}}, year);
      if (ki.units == 0 && ki.cadres == 0) continue;
      auto* r = t->AddSectionDictionary("CHILD");
      r->SetIntValue("ID", k.id);
      r->SetValue("NAME", k.name);
      r->SetValue("PLANS", html::number_vn(ki.plans_accepted) + " / " + html::number_vn(ki.units));
      r->SetValue("COMMITMENTS", html::number_vn(ki.commitments_accepted) + " / " + html::number_vn(ki.cadres));
    }
    for (const auto& id : scope.carried)
      if (auto p = org::find_unit(c, id)) {
        auto* r = t->AddSectionDictionary("CARRIED");
        r->SetIntValue("ID", p->id);
        r->SetValue("NAME", p->name);
      }
    std::string body = html::render("plans/dashboard.tpl", d);
    cache.put(key, body, generation);
    return ctx.page_html(body, title);
  }
  d.ShowSection("CURRENT_TREE");
  // Every chart is a table of its figures (platform/charts); the year charts and the children's come from
  // dashboard_charts(), the same function the exports use.
  for (const auto& chart : dashboard_charts(c, *u, year)) {
    if (chart.id == "plans-children") {
      if (chart.labels.empty()) continue;
      d.ShowSection("HAS_CHILDREN");
      charts::include(d, "CHILD_CHART", chart);
    } else {
      charts::include(d, "YEAR_CHART", chart);
    }
  }
  auto missing_total = x.units - x.plans_accepted;
  d.SetValue("MISSING_COUNT", html::number_vn(missing_total));
  if (missing_total == 0) d.ShowSection("NO_MISSING");
  for (const auto& m : missing_plans(c, u->path, year, page.per_page, page.offset())) {
    auto* s = d.AddSectionDictionary("MISSING");
    s->SetIntValue("ID", m.unit_id);
    s->SetValue("NAME", m.name);
    s->SetIntValue("YEAR", year);
    auto st = parse_status(m.status);
    s->SetValue("STATUS", st ? std::string(status_label(*st)) : "Chưa lập");
  }
  html::add_pager(d, missing_total, page,
                  "/units/" + std::to_string(u->id) + "/dashboard?year=" + std::to_string(year) + "&");
  std::string body = html::render("plans/dashboard.tpl", d);
  // Other modules' sections (villages: households, poverty, recognised villages), each rendered from its own
  // auto-escaped template, follow the coverage figures; they depend on the unit and the year only, like the key.
  for (const auto& panel : render_dashboard_panels(c, *u, year)) body += panel;
  cache.put(key, body, generation);
  return ctx.page_html(body, title);
}

// One chart's table as XLSX or CSV (?format=xlsx|csv, ?year=): the same figures as the dashboard shows, under
// the dashboard's permission.
http::Response dashboard_chart_export(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đơn vị."));
  auto& c = ctx.db();
  auto u = org::get_unit(c, ctx.principal, *id, auth::Action::kViewPlan);
  if (!u) return ctx.error(u.error());
  auto format = exports::format_of(ctx.req.query().get("format"));
  if (!format) return ctx.error(Error::invalid({{"format", "Định dạng tải về phải là xlsx hoặc csv."}}, "Định dạng tải về phải là xlsx (Excel) hoặc csv."));
  int year = year_param(ctx);
  auto all = dashboard_charts(c, *u, year);
  const auto* chart = charts::find(all, ctx.params["chart"]);
  if (!chart) return ctx.error(Error::not_found("Không tìm thấy biểu đồ này."));
  return exports::download({charts::table(*chart)}, chart->title + " " + u->code, *format);
}

// ---- years
http::Response years_page(http::Context& ctx, const Error* err = nullptr, const Year* draft = nullptr) {
  html::Dict d("years");
  for (const auto& y : list_years(ctx.db())) {
    auto* s = d.AddSectionDictionary("Y");
    s->SetIntValue("YEAR", y.year);
    s->SetValue("THEME", y.theme);
    s->SetValue("TOPIC", y.study_topic);
  }
  if (!ctx.principal.scope_paths(auth::Action::kManageYears).empty()) {
    auto* e = d.AddSectionDictionary("CAN_EDIT");
    e->SetValue("CSRF", ctx.csrf_token());
    if (draft) {
      e->SetValue("YEAR", draft->year ? std::to_string(draft->year) : "");
      e->SetValue("THEME", draft->theme);
      e->SetValue("TOPIC", draft->study_topic);
    }
    if (err) html::set_field_errors(*e, err->message, http::field_pairs(*err));
  }
  if (err) d.AddSectionDictionary("ERRORS")->SetValue("MESSAGE", err->message);
  if (ctx.req.query().get("msg") == "saved") d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã lưu.");
  return ctx.page("plans/years.tpl", d, "Năm và nội dung đột phá", err ? http::status_for(err->code) : 200);
}

http::Response years_get(http::Context& ctx) { return years_page(ctx); }

http::Response years_post(http::Context& ctx) {
  const auto& f = ctx.req.form();
  Year y;
  y.year = parse_year(f.trimmed("year")).value_or(0);
  y.theme = f.trimmed("theme");
  y.study_topic = f.trimmed("study_topic");
  auto r = set_year(ctx.db(), ctx.principal, y);
  if (r) return http::Response::redirect("/years?msg=saved");
  if (r.error().code != ErrorCode::kInvalid) return ctx.error(r.error());
  return years_page(ctx, &r.error(), &y);
}

// ---- the section on every unit page
std::string unit_panel(http::Context& ctx, const org::Unit& u) {
  if (!auth::allowed(ctx.principal, auth::Action::kViewPlan, {u.path})) return "";
  auto& c = ctx.db();
  int year = parse_year(ctx.req.query().get("year")).value_or(0);
  if (!year) year = default_year(c);
  html::Dict d("unit_panel");
  d.SetIntValue("UNIT_ID", u.id);
  d.SetIntValue("YEAR", year);
  add_theme(d, c, year);
  if (requires_plan(u.kind)) {
    auto p = find_unit_plan(c, u.id, year);
    auto* s = d.AddSectionDictionary("PLAN");
    s->SetIntValue("UNIT_ID", u.id);
    s->SetIntValue("YEAR", year);
    s->SetValue("STATUS", p ? std::string(status_label(p->status)) : "chưa lập");
  }
  auto cs = unit_commitments(c, u.id, year);
  if (!cs.empty() && auth::allowed(ctx.principal, auth::Action::kViewPerson, {u.path})) {
    auto* h = d.AddSectionDictionary("HAS_COMMITMENTS");
    int accepted = 0;
    for (const auto& [pid, name, st] : cs) {
      auto* s = h->AddSectionDictionary("C");
      s->SetIntValue("ID", pid);
      s->SetValue("NAME", name);
      s->SetIntValue("YEAR", year);
      auto status = parse_status(st);
      s->SetValue("STATUS", status ? std::string(status_label(*status)) : "Chưa lập");
      if (status == Status::kAccepted) ++accepted;
    }
    h->SetIntValue("ACCEPTED", accepted);
    h->SetIntValue("TOTAL", static_cast<long>(cs.size()));
  }
  exports::add_links(d, "plans", u.id, {{"year", std::to_string(year)}}, "PLANS_EXPORT",
                     "Kế hoạch của các đơn vị:");
  if (auth::allowed(ctx.principal, auth::Action::kViewPerson, {u.path}))
    exports::add_links(d, "commitments", u.id, {{"year", std::to_string(year)}}, "COMMITMENTS_EXPORT",
                       "Cam kết của cán bộ, đảng viên:");
  std::string out = html::render("plans/unit_panel.tpl", d);
  if (requires_plan(u.kind)) {
    html::Dict di("issues");
    auto list = issues(c, u.id, year);
    bool edit = u.active && auth::allowed(ctx.principal, auth::Action::kEditPlan, {u.path});
    int resolved = 0;
    for (const auto& i : list) {
      auto* s = di.AddSectionDictionary("ISSUE");
      s->SetValue("TITLE", i.title);
      if (!i.description.empty()) s->AddSectionDictionary("DESCRIPTION")->SetValue("TEXT", i.description);
      s->SetValue("STATUS_LABEL", std::string(issue_status_label(i.status)));
      if (!i.resolved_on.empty()) s->AddSectionDictionary("RESOLVED_ON")->SetValue("TEXT", kernel::date_vn(i.resolved_on));
      if (!i.note.empty()) s->AddSectionDictionary("NOTE")->SetValue("TEXT", i.note);
      if (i.status == "resolved") ++resolved;
      if (edit) {
        auto* e = s->AddSectionDictionary("EDIT");
        e->SetIntValue("ID", i.id);
        e->SetValue("CSRF", ctx.csrf_token());
        e->SetValue("NOTE_VALUE", i.note);
        for (const auto& [code, label] : issue_statuses()) {
          auto* o = e->AddSectionDictionary("OPT");
          o->SetValue("VALUE", std::string(code));
          o->SetValue("LABEL", std::string(label));
          if (code == i.status) o->ShowSection("SELECTED");
        }
      }
    }
    di.SetIntValue("YEAR", year);
    di.SetIntValue("COUNT", static_cast<long>(list.size()));
    di.SetIntValue("RESOLVED", resolved);
    if (edit) {
      auto* a = di.AddSectionDictionary("ADD");
      a->SetIntValue("UNIT_ID", u.id);
      a->SetIntValue("YEAR", year);
      a->SetValue("CSRF", ctx.csrf_token());
    }
    out += html::render("plans/issues.tpl", di);
  }
  return out;
}

}  // namespace

void wire_pages(http::App& app) {
  app.route("GET", "/plans/{id}", view_plan);
  app.route("POST", "/plans/{id}/items", add_item_h);
  app.route("POST", "/plans/{id}/items/{item}", update_item_h);
  app.route("POST", "/plans/{id}/items/{item}/delete", remove_item_h);
  app.route("POST", "/plans/{id}/transition", transition_h);
  app.route("GET", "/units/{id}/plan", unit_plan);
  app.route("POST", "/units/{id}/plan", create_unit_plan);
  app.route("GET", "/units/{id}/dashboard", dashboard);
  app.route("GET", "/units/{id}/dashboard/charts/{chart}", dashboard_chart_export);
  app.route("POST", "/units/{id}/issues", create_issue_h);
  app.route("POST", "/issues/{id}", update_issue_h);
  app.route("GET", "/people/{id}/commitment", person_commitment);
  app.route("POST", "/people/{id}/commitment", create_commitment);
  app.route("GET", "/years", years_get);
  app.route("POST", "/years", years_post);
  app.nav({"Năm, nội dung đột phá", "/years", auth::Action::kManageYears});
  org::add_unit_panel("plans", unit_panel);
}

}  // namespace ct05::plans
