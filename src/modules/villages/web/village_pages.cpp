// Pages of a village and of any subtree: the village's households, poor and near-poor per year with a chart, its
// assessments and recognition (counts only: kViewPlan); the subtree's figures per child; the unit-page panel, the
// coverage dashboard's section and the village figures of /api/v1/indicators.
#include "kernel/clock.hpp"
#include "modules/org/module.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/plans/module.hpp"
#include "modules/villages/module.hpp"
#include "modules/villages/storage/assessment_store.hpp"
#include "modules/villages/storage/household_store.hpp"
#include "modules/villages/web/common.hpp"
#include "platform/http/json_input.hpp"

namespace ct05::villages {

namespace {

std::string unit_href(std::int64_t id, const std::string& rest = "") { return "/units/" + std::to_string(id) + rest; }

// ---- the village page
http::Response village_page(http::Context& ctx, const org::Unit& u, int year, const Error* err, std::int64_t set_id,
                            const std::string& typed_year) {
  auto& c = ctx.db();
  html::Dict d("village");
  d.SetIntValue("UNIT_ID", u.id);
  d.SetValue("UNIT_NAME", u.name);
  d.SetIntValue("YEAR", year);
  if (u.parent_id)
    if (auto p = org::find_unit(c, u.parent_id);
        p && auth::allowed(ctx.principal, auth::Action::kViewPlan, {p->path})) {
      auto* s = d.AddSectionDictionary("PARENT");
      s->SetIntValue("ID", p->id);
      s->SetValue("NAME", p->name);
    }
  std::string msg = ctx.req.query().get("msg");
  if (msg == "recognised") d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã ghi quyết định công nhận.");
  if (msg == "imported") d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã nhập danh sách hộ.");
  auto years_recorded = status_years(c, u.path);
  std::set<int> years(years_recorded.begin(), years_recorded.end());
  years.insert(plans::default_year(c));
  web::add_year_links(d, unit_href(u.id, "/village"), years, year);

  if (auto r = recognised_on(c, u.id, std::to_string(year) + "-12-31")) {
    auto* s = d.AddSectionDictionary("RECOGNISED");
    s->SetValue("DATE", kernel::date_vn(r->decided_on));
    s->SetValue("DECISION_NO", r->decision_no);
    s->SetValue("ISSUER", r->issuer);
    if (!r->file_path.empty()) s->AddSectionDictionary("FILE")->SetIntValue("ID", r->id);
  } else {
    d.ShowSection("NOT_RECOGNISED");
  }
  auto f = subtree_figures(c, u.path, year, false);
  d.SetValue("HOUSEHOLDS", html::number_vn(f.households));
  d.SetValue("POOR", html::number_vn(f.poor));
  d.SetValue("POOR_RATE", rate_vn(f.poor, f.households));
  d.SetValue("NEAR_POOR", html::number_vn(f.near_poor));
  d.SetValue("NEAR_POOR_RATE", rate_vn(f.near_poor, f.households));
  d.SetValue("LEFT", html::number_vn(f.left_poverty));
  if (f.households > 0 && f.recorded == 0) d.ShowSection("NO_REVIEW");

  // The chart: every year with a status recorded, newest first.
  std::vector<std::pair<int, Figures>> rows;
  for (int y : years_recorded) rows.emplace_back(y, subtree_figures(c, u.path, y, false));
  std::vector<std::pair<std::int64_t, std::int64_t>> rates;
  for (const auto& [y, fy] : rows) {
    rates.emplace_back(fy.poor, fy.households);
    rates.emplace_back(fy.near_poor, fy.households);
  }
  const int scale = web::bar_scale(rates);
  if (!rows.empty()) d.ShowSection("HAS_YEARS");
  d.SetIntValue("SCALE", scale);
  for (const auto& [y, fy] : rows) {
    auto* r = d.AddSectionDictionary("ROW");
    r->SetIntValue("Y", y);
    r->SetValue("HOUSEHOLDS", html::number_vn(fy.households));
    r->SetValue("POOR", html::number_vn(fy.poor));
    r->SetValue("POOR_RATE", rate_vn(fy.poor, fy.households));
    r->SetIntValue("POOR_BAR", web::bar_width(fy.poor, fy.households, scale));
    r->SetValue("NEAR", html::number_vn(fy.near_poor));
    r->SetValue("NEAR_RATE", rate_vn(fy.near_poor, fy.households));
    r->SetIntValue("NEAR_BAR", web::bar_width(fy.near_poor, fy.households, scale));
    if (fy.left_poverty) r->AddSectionDictionary("LEFT")->SetValue("N", html::number_vn(fy.left_poverty));
  }
  // Households themselves are personal data: only a link, and only for those who may open them.
  if (auth::allowed(ctx.principal, auth::Action::kViewHouseholds, {u.path})) {
    auto* o = d.AddSectionDictionary("OFFICER");
    if (u.active && auth::allowed(ctx.principal, auth::Action::kEditHouseholds, {u.path})) o->ShowSection("CAN_EDIT");
  }
  auto assessments = village_assessments(c, u.id);
  if (assessments.empty()) d.ShowSection("NO_ASSESSMENT");
  for (const auto& a : assessments) {
    auto* s = d.AddSectionDictionary("ASSESSMENT");
    s->SetIntValue("ID", a.id);
    s->SetIntValue("YEAR", a.year);
    s->SetValue("SET_NAME", a.set_name);
    s->SetIntValue("MET", a.met);
    s->SetIntValue("TOTAL", a.total);
  }
  const bool may_assess = u.active && auth::allowed(ctx.principal, auth::Action::kAssessVillage, {u.path});
  if (may_assess) {
    auto* f2 = d.AddSectionDictionary("CAN_ASSESS");
    f2->SetValue("CSRF", ctx.csrf_token());
    // Offered: every set; the latest versions first (a set not in force for the year is refused with the reason).
    auto sets = list_sets(c);
    std::stable_sort(sets.begin(), sets.end(),
                     [](const CriteriaSet& a, const CriteriaSet& b) { return a.latest > b.latest; });
    // The year proposed: the page's year when a set is in force then, else the first year of the newest set.
    int assess_year = year;
    if (sets_for_year(c, year).empty() && !sets.empty()) assess_year = sets.front().from_year;
    for (const auto& s : sets) {
      auto* o = f2->AddSectionDictionary("SET");
      o->SetIntValue("ID", s.id);
      o->SetValue("NAME", s.name);
      o->SetIntValue("VERSION", s.version);
      o->SetIntValue("FROM", s.from_year);
      if (s.id == set_id) o->ShowSection("SELECTED");
    }
    f2->SetValue("ASSESS_YEAR", typed_year.empty() ? std::to_string(assess_year) : typed_year);
    if (err) html::set_field_errors(*f2, "", http::field_pairs(*err));
  }
  auto recognitions = village_recognitions(c, u.id);
  if (recognitions.empty()) d.ShowSection("NO_RECOGNITION");
  for (const auto& r : recognitions) {
    auto* s = d.AddSectionDictionary("RECOGNITION");
    s->SetIntValue("ID", r.id);
    s->SetIntValue("YEAR", r.year);
    s->SetValue("DECISION_NO", r.decision_no);
    s->SetValue("DATE", kernel::date_vn(r.decided_on));
    s->SetValue("ISSUER", r.issuer);
    if (!r.file_path.empty()) s->ShowSection("FILE");
  }
  if (may_assess) d.ShowSection("CAN_RECOGNISE");
  return ctx.page("villages/village.tpl", d, "Thôn và nông thôn mới — " + u.name,
                  err ? http::status_for(err->code) : 200);
}

http::Response village_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto& c = ctx.db();
  auto u = id ? org::get_unit(c, ctx.principal, *id, auth::Action::kViewPlan)
              : fail(Error::not_found("Không tìm thấy đơn vị."));
  if (!u) return ctx.error(u.error());
  if (!is_village(*u)) return http::Response::redirect(unit_href(u->id, "/villages"));
  return village_page(ctx, *u, web::year_param(ctx), nullptr, 0, "");
}

// POST /units/{id}/assessments: open (or create) the assessment of a set and year, then go to it.
http::Response open_assessment_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto& c = ctx.db();
  auto u = id ? org::get_unit(c, ctx.principal, *id, auth::Action::kAssessVillage)
              : fail(Error::not_found("Không tìm thấy đơn vị."));
  if (!u) return ctx.error(u.error());
  const auto& f = ctx.req.form();
  auto set_id = f.id("set_id");
  std::string typed = f.trimmed("year");
  auto year = plans::parse_year(typed);
  if (!set_id || !year) {
    std::vector<FieldError> e;
    if (!set_id) e.push_back({"set_id", "Vui lòng chọn bộ tiêu chí."});
    if (!year) e.push_back({"year", "Năm đánh giá là năm có 4 chữ số."});
    Error err = Error::invalid(e);
    return village_page(ctx, *u, plans::default_year(c), &err, set_id.value_or(0), typed);
  }
  auto a = open_assessment(c, ctx.principal, u->id, *set_id, *year);
  if (!a) {
    if (a.error().code != ErrorCode::kInvalid) return ctx.error(a.error());
    return village_page(ctx, *u, *year, &a.error(), *set_id, typed);
  }
  return http::Response::redirect("/village-assessments/" + std::to_string(a->id));
}

// ---- a subtree's figures
http::Response dashboard_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto& c = ctx.db();
  auto u = id ? org::get_unit(c, ctx.principal, *id, auth::Action::kViewPlan)
              : fail(Error::not_found("Không tìm thấy đơn vị."));
  if (!u) return ctx.error(u.error());
  int year = web::year_param(ctx);
  html::Dict d("villages_dashboard");
  d.SetIntValue("UNIT_ID", u->id);
  d.SetValue("UNIT_NAME", u->name);
  d.SetIntValue("YEAR", year);
  auto recorded = status_years(c, u->path);
  std::set<int> years(recorded.begin(), recorded.end());
  years.insert(plans::default_year(c));
  web::add_year_links(d, unit_href(u->id, "/villages"), years, year);
  auto f = subtree_figures(c, u->path, year, true);
  d.SetValue("RECOGNISED", html::number_vn(f.recognised));
  d.SetValue("VILLAGES", html::number_vn(f.villages));
  d.SetIntValue("RECOGNISED_PERCENT", web::percent(f.recognised, f.villages));
  d.SetValue("HOUSEHOLDS", html::number_vn(f.households));
  d.SetValue("POOR", html::number_vn(f.poor));
  d.SetValue("POOR_RATE", rate_vn(f.poor, f.households));
  d.SetValue("NEAR_POOR", html::number_vn(f.near_poor));
  d.SetValue("NEAR_POOR_RATE", rate_vn(f.near_poor, f.households));
  d.SetValue("LEFT", html::number_vn(f.left_poverty));

  // One row per active child that has villages or households below it, 50 a page.
  auto page = html::page_request(ctx.req.query().get("page"));
  auto kids = org::children(c, u->id, page.per_page, page.offset());
  std::vector<std::pair<org::Unit, Figures>> rows;
  for (const auto& k : kids) {
    if (!k.active) continue;
    auto fk = subtree_figures(c, k.path, year, true);
    if (fk.villages == 0 && fk.households == 0) continue;
    rows.emplace_back(k, fk);
  }
  std::vector<std::pair<std::int64_t, std::int64_t>> rates;
  for (const auto& [k, fk] : rows) {
    rates.emplace_back(fk.poor, fk.households);
    rates.emplace_back(fk.near_poor, fk.households);
  }
  const int scale = web::bar_scale(rates);
  d.SetIntValue("SCALE", scale);
  if (!rows.empty()) d.ShowSection("HAS_CHILDREN");
  for (const auto& [k, fk] : rows) {
    auto* r = d.AddSectionDictionary("CHILD");
    r->SetValue("NAME", k.name);
    r->SetValue("HREF", unit_href(k.id, is_village(k) ? "/village" : "/villages") + "?year=" + std::to_string(year));
    r->SetValue("HOUSEHOLDS", html::number_vn(fk.households));
    r->SetValue("POOR", html::number_vn(fk.poor));
    r->SetValue("POOR_RATE", rate_vn(fk.poor, fk.households));
    r->SetIntValue("POOR_BAR", web::bar_width(fk.poor, fk.households, scale));
    r->SetValue("NEAR", html::number_vn(fk.near_poor));
    r->SetValue("NEAR_RATE", rate_vn(fk.near_poor, fk.households));
    r->SetIntValue("NEAR_BAR", web::bar_width(fk.near_poor, fk.households, scale));
    r->SetValue("RECOGNISED", is_village(k) ? (fk.recognised ? "Đạt" : "—") : html::number_vn(fk.recognised));
    if (!is_village(k)) r->AddSectionDictionary("VILLAGES")->SetValue("N", html::number_vn(fk.villages));
  }
  html::add_pager(d, org::count_children(c, u->id), page,
                  unit_href(u->id, "/villages?year=" + std::to_string(year) + "&"));

  auto rpage = html::page_request(ctx.req.query().get("rpage"), 20);
  auto in_year = count_subtree_recognitions(c, u->path, year);
  d.SetValue("RECOGNISED_IN_YEAR", html::number_vn(in_year));
  if (in_year == 0) d.ShowSection("NONE_IN_YEAR");
  for (const auto& r : subtree_recognitions(c, u->path, year, rpage.per_page, rpage.offset())) {
    auto* s = d.AddSectionDictionary("RECOGNITION");
    s->SetIntValue("VILLAGE_ID", r.village_id);
    s->SetValue("VILLAGE", r.village_name);
    s->SetValue("DECISION_NO", r.decision_no);
    s->SetValue("DATE", kernel::date_vn(r.decided_on));
  }
  html::add_pager(d, in_year, rpage, unit_href(u->id, "/villages?year=" + std::to_string(year) + "&"), "rpage",
                  "RECOGNITION_PAGER");
  auto apage = html::page_request(ctx.req.query().get("apage"), 20);
  auto assessed = count_subtree_assessments(c, u->path, year);
  d.SetValue("ASSESSMENTS", html::number_vn(assessed));
  if (assessed == 0) d.ShowSection("NO_ASSESSMENT");
  for (const auto& a : subtree_assessments(c, u->path, year, apage.per_page, apage.offset())) {
    auto* s = d.AddSectionDictionary("ASSESSMENT");
    s->SetIntValue("ID", a.id);
    s->SetValue("VILLAGE", a.village_name);
    s->SetIntValue("MET", a.met);
    s->SetIntValue("TOTAL", a.total);
  }
  html::add_pager(d, assessed, apage, unit_href(u->id, "/villages?year=" + std::to_string(year) + "&"), "apage",
                  "ASSESSMENT_PAGER");
  return ctx.page("villages/villages_dashboard.tpl", d, "Thôn và nông thôn mới — " + u->name);
}

// ---- the unit page's panel: villages and the territories above them (communes), never the party tree
std::string unit_panel(http::Context& ctx, const org::Unit& u) {
  if (u.kind != "thon" && u.kind != "xa_phuong") return "";
  if (!auth::allowed(ctx.principal, auth::Action::kViewPlan, {u.path})) return "";
  auto& c = ctx.db();
  int year = plans::parse_year(ctx.req.query().get("year")).value_or(0);
  if (!year) year = plans::default_year(c);
  auto f = subtree_figures(c, u.path, year, !is_village(u));
  html::Dict d("unit_panel");
  d.SetIntValue("UNIT_ID", u.id);
  d.SetIntValue("YEAR", year);
  d.SetValue("HOUSEHOLDS", html::number_vn(f.households));
  d.SetValue("POOR", html::number_vn(f.poor));
  d.SetValue("POOR_RATE", rate_vn(f.poor, f.households));
  d.SetValue("NEAR_POOR", html::number_vn(f.near_poor));
  d.SetValue("NEAR_POOR_RATE", rate_vn(f.near_poor, f.households));
  if (is_village(u)) {
    auto* v = d.AddSectionDictionary("VILLAGE");
    if (auth::allowed(ctx.principal, auth::Action::kViewHouseholds, {u.path})) v->ShowSection("OFFICER");
    if (auto r = recognised_on(c, u.id, std::to_string(year) + "-12-31"))
      d.AddSectionDictionary("RECOGNISED_SINCE")->SetValue("DATE", kernel::date_vn(r->decided_on));
  } else {
    auto* v = d.AddSectionDictionary("VILLAGES");
    v->SetValue("N", html::number_vn(f.villages));
    v->SetValue("RECOGNISED", html::number_vn(f.recognised));
    d.ShowSection("AREA");
  }
  return html::render("villages/unit_panel.tpl", d);
}

// ---- the coverage dashboard's section: counts only, for any unit whose subtree holds villages
std::string dashboard_panel(db::Connection& c, const org::Unit& u, int year) {
  auto f = subtree_figures(c, u.path, year, true);
  if (f.villages == 0 && f.households == 0) return "";
  html::Dict d("dashboard_panel");
  d.SetIntValue("UNIT_ID", u.id);
  d.SetIntValue("YEAR", year);
  d.SetValue("RECOGNISED", html::number_vn(f.recognised));
  d.SetValue("VILLAGES", html::number_vn(f.villages));
  d.SetValue("HOUSEHOLDS", html::number_vn(f.households));
  d.SetValue("POOR", html::number_vn(f.poor));
  d.SetValue("POOR_RATE", rate_vn(f.poor, f.households));
  d.SetValue("NEAR_POOR", html::number_vn(f.near_poor));
  d.SetValue("NEAR_POOR_RATE", rate_vn(f.near_poor, f.households));
  return html::render("villages/dashboard_panel.tpl", d);
}

// ---- the coverage dashboard's chart over time: poor and near-poor rates, households and recognised villages
std::vector<charts::Chart> dashboard_charts(db::Connection& c, const org::Unit& u, int, const std::vector<int>& years) {
  using charts::Measure;
  using charts::Plot;
  charts::Chart ch;
  ch.id = "villages-years";
  ch.title = "Hộ nghèo, cận nghèo và thôn đạt chuẩn nông thôn mới qua các năm";
  ch.kind = charts::Kind::kLine;
  ch.label_header = "Năm";
  using charts::series;
  ch.series = {series("Tỷ lệ hộ nghèo", Measure::kPercent, Plot::kDrawn),
               series("Tỷ lệ hộ cận nghèo", Measure::kPercent, Plot::kDrawn),
               series("Số hộ", Measure::kCount, Plot::kTableOnly),
               series("Hộ nghèo", Measure::kCount, Plot::kTableOnly),
               series("Hộ cận nghèo", Measure::kCount, Plot::kTableOnly),
               series("Thôn đạt chuẩn nông thôn mới", Measure::kCount, Plot::kTableOnly)};
  bool any = false;
  for (int y : years) {
    auto f = subtree_figures(c, u.path, y, false);
    any = any || f.households > 0 || f.recognised > 0;
    ch.labels.push_back(std::to_string(y));
    // A year without any status recorded has no rate (not 0%: nobody reviewed it in ct05).
    bool reviewed = f.recorded > 0;
    ch.series[0].values.push_back(reviewed ? charts::rate(f.poor, f.households, 2) : std::nullopt);
    ch.series[1].values.push_back(reviewed ? charts::rate(f.near_poor, f.households, 2) : std::nullopt);
    ch.series[2].values.push_back(static_cast<double>(f.households));
    ch.series[3].values.push_back(reviewed ? std::optional<double>(static_cast<double>(f.poor)) : std::nullopt);
    ch.series[4].values.push_back(reviewed ? std::optional<double>(static_cast<double>(f.near_poor)) : std::nullopt);
    ch.series[5].values.push_back(static_cast<double>(f.recognised));
  }
  if (!any) return {};
  return {ch};
}

// ---- /api/v1/indicators: "villages": {"households", "poor", "near_poor", "recognised"} over the subtree
nlohmann::json indicators(db::Connection& c, const org::Scope& s, int year) {
  auto f = subtree_figures(c, s, year, false);
  return {{"households", f.households}, {"poor", f.poor}, {"near_poor", f.near_poor}, {"recognised", f.recognised}};
}

}  // namespace

void wire_pages(http::App& app) {
  app.route("GET", "/units/{id}/village", village_h);
  app.route("GET", "/units/{id}/villages", dashboard_h);
  app.route("POST", "/units/{id}/assessments", open_assessment_h);
  org::add_unit_panel("villages", unit_panel);
  plans::add_dashboard_panel("villages", dashboard_panel);
  plans::add_indicator_contributor("villages", indicators);
  plans::add_dashboard_charts("villages", dashboard_charts);
}

}  // namespace ct05::villages
