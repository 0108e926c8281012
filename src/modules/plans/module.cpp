// How the plans module plugs into ct05: files, routes, the unit-page section, inbox sources and demo data.
#include "modules/plans/module.hpp"

#include <mutex>

#include "modules/plans/storage/plan_inbox.hpp"
#include "modules/plans/storage/tallies.hpp"
#include "platform/changes/changes.hpp"

namespace ct05::embedded {
const std::vector<EmbeddedFile>& plans_files();
}

namespace ct05::plans {

void load_demo(db::Connection& c, DemoReport& report);

namespace {

// Keyed registries, so wiring a second App in one process replaces an entry instead of repeating it.
template <class F>
struct Registry {
  std::mutex mu;
  std::vector<std::pair<std::string, F>> items;
  void add(const std::string& key, F f) {
    std::lock_guard g(mu);
    for (auto& [k, existing] : items)
      if (k == key) {
        existing = std::move(f);
        return;
      }
    items.emplace_back(key, std::move(f));
  }
  std::vector<std::pair<std::string, F>> copy() {
    std::lock_guard g(mu);
    return items;
  }
};

Registry<IndicatorContributor>& contributors() {
  static Registry<IndicatorContributor> r;
  return r;
}
Registry<DashboardPanel>& dashboard_panels() {
  static Registry<DashboardPanel> r;
  return r;
}

Registry<DashboardCharts>& chart_providers() {
  static Registry<DashboardCharts> r;
  return r;
}

}  // namespace

void add_indicator_contributor(const std::string& key, IndicatorContributor contributor) {
  contributors().add(key, std::move(contributor));
}

void contribute_indicators(nlohmann::json& doc, db::Connection& c, const org::Scope& s, int year) {
  for (const auto& [key, f] : contributors().copy())
    if (!doc.contains(key)) doc[key] = f(c, s, year);  // an existing field is part of the interface: never replaced
}

void add_dashboard_panel(const std::string& key, DashboardPanel panel) {
  dashboard_panels().add(key, std::move(panel));
}

std::vector<std::string> render_dashboard_panels(db::Connection& c, const org::Unit& u, int year) {
  std::vector<std::string> out;
  for (const auto& [key, f] : dashboard_panels().copy())
    if (auto html = f(c, u, year); !html.empty()) out.push_back(std::move(html));
  return out;
}

void add_dashboard_charts(const std::string& key, DashboardCharts charts) {
  chart_providers().add(key, std::move(charts));
}

std::vector<charts::Chart> contributed_charts(db::Connection& c, const org::Unit& u, int year, const std::vector<int>& years) {
  std::vector<charts::Chart> out;
  for (const auto& [key, f] : chart_providers().copy())
    for (auto& chart : f(c, u, year, years)) out.push_back(std::move(chart));
  return out;
}

Module module() {
  Module m;
  m.name = "plans";
  m.files = &embedded::plans_files();
  m.wire = [](http::App& app) {
    wire_pages(app);
    wire_api(app);
  };
  m.exports = declare_exports;
  m.inbox = declare_inbox;
  m.demo = load_demo;
  m.after_migrate = tallies::ensure;
  // Units and people change in their own modules; the tallies follow in the same transaction.
  changes::on_units_changed("plans.tallies", [](db::Connection& c, const std::vector<std::int64_t>& ids) { tallies::refresh(c, ids); });
  return m;
}

}  // namespace ct05::plans
