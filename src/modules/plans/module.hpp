#pragma once
// The plans module: years and breakthrough themes, pressing issues, unit plans, personal commitments,
// their review, and the coverage indicators.
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "modules/org/storage/scope.hpp"
#include "modules/org/domain/unit.hpp"
#include "platform/charts/chart.hpp"
#include "platform/http/app.hpp"
#include "platform/module.hpp"

namespace ct05::plans {

//! The module manifest.
Module module();
void wire_pages(http::App& app);
void wire_api(http::App& app);
//! Declares the exportable lists of plans and commitments (exports::add_kind).
void declare_exports();

//! Figures another module adds to /api/v1/indicators (e.g. the villages module's households and recognised
//! villages): a JSON value over the unit's subtree for the year, placed under its key. The caller has kViewPlan on the
//! unit; what a contributor returns must be counts that kViewPlan may see.
using IndicatorContributor = std::function<nlohmann::json(db::Connection&, const org::Scope&, int year)>;
//! Adds a contributor under `key` (a new top-level field; the existing fields are never replaced). A second call
//! with the same key replaces the first (a second App in one process).
void add_indicator_contributor(const std::string& key, IndicatorContributor contributor);
//! Adds every contributor's field to an indicators document.
void contribute_indicators(nlohmann::json& doc, db::Connection& c, const org::Scope& s, int year);

//! A section another module adds to the coverage dashboard, rendered from its own auto-escaped template ("" for
//! none). It may depend on the unit and the year only: the dashboard's body is cached by (unit, year, page).
using DashboardPanel = std::function<std::string(db::Connection&, const org::Unit&, int year)>;
//! Adds a dashboard section under `key`; a second call with the same key replaces the first.
void add_dashboard_panel(const std::string& key, DashboardPanel panel);
//! The sections for one dashboard, in registration order.
std::vector<std::string> render_dashboard_panels(db::Connection& c, const org::Unit& u, int year);

//! Charts another module adds to the coverage dashboard (meetings held by year, poverty rates by year…), over the
//! unit's subtree: `years` are the years shown over time (every year in `years`, and `year`), `year` the one
//! selected. Each chart's id must be unique on the dashboard; the dashboard sets its export link. Like a panel it
//! may depend on the unit and the year only (the body is cached), and shows only what kViewPlan may see.
using DashboardCharts =
    std::function<std::vector<charts::Chart>(db::Connection&, const org::Unit&, int year, const std::vector<int>& years)>;
//! Adds charts under `key`; a second call with the same key replaces the first.
void add_dashboard_charts(const std::string& key, DashboardCharts charts);
//! Every module's charts for one dashboard, in registration order.
std::vector<charts::Chart> contributed_charts(db::Connection& c, const org::Unit& u, int year, const std::vector<int>& years);

}  // namespace ct05::plans
