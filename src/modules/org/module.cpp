// How the org module plugs into ct05: its files, routes, navigation, the grant loader and demo data.
#include "modules/org/module.hpp"

#include <mutex>

#include "modules/org/storage/unit_store.hpp"

namespace ct05::embedded {
const std::vector<EmbeddedFile>& org_files();
}

namespace ct05::org {

void load_demo(db::Connection& c, DemoReport& report);

namespace {
std::mutex g_panels_mu;
std::vector<std::pair<std::string, UnitPanel>>& panels() {
  static std::vector<std::pair<std::string, UnitPanel>> p;
  return p;
}
}  // namespace

void add_unit_panel(const std::string& key, UnitPanel panel) {
  std::lock_guard g(g_panels_mu);
  for (auto& [k, p] : panels())
    if (k == key) {
      p = std::move(panel);  // wiring again (a second App in one process) replaces, never duplicates
      return;
    }
  panels().emplace_back(key, std::move(panel));
}

std::vector<std::string> render_panels(http::Context& ctx, const Unit& u) {
  std::vector<UnitPanel> ps;
  {
    std::lock_guard g(g_panels_mu);
    for (const auto& [k, p] : panels()) ps.push_back(p);
  }
  std::vector<std::string> out;
  for (const auto& p : ps)
    if (auto html = p(ctx, u); !html.empty()) out.push_back(std::move(html));
  return out;
}

Module module() {
  Module m;
  m.name = "org";
  m.files = &embedded::org_files();
  m.wire = [](http::App& app) {
    app.set_grant_loader(load_grants);
    wire_pages(app);
    wire_api(app);
  };
  m.exports = declare_exports;
  m.demo = load_demo;
  return m;
}

}  // namespace ct05::org
