#include "app/wiring.hpp"

#include <mutex>

#include <nlohmann/json.hpp>

#include "modules/accounts/module.hpp"
#include "modules/org/module.hpp"
#include "modules/people/module.hpp"
#include "modules/plans/module.hpp"
#include "modules/registry/module.hpp"
#include "modules/models/module.hpp"
#include "modules/meetings/module.hpp"
#include "modules/ethics/module.hpp"
#include "modules/quizzes/module.hpp"
#include "modules/reports/module.hpp"
#include "modules/restructurings/module.hpp"
#include "modules/villages/module.hpp"
#include "modules/imports/module.hpp"
#include "platform/search/search.hpp"
#include "platform/web/platform_pages.hpp"

namespace ct05::embedded {
const std::vector<EmbeddedFile>& platform_files();
const std::vector<EmbeddedFile>& static_files();
const std::vector<EmbeddedFile>& app_files();
}  // namespace ct05::embedded

namespace ct05::app {

namespace {
std::string content_type(std::string_view name) {
  auto ends = [&](std::string_view s) { return name.size() >= s.size() && name.substr(name.size() - s.size()) == s; };
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".png")) return "image/png";
  if (ends(".svg")) return "image/svg+xml";
  return "application/octet-stream";
}
}  // namespace

const std::vector<Module>& modules() {
  static const std::vector<Module> m = [] {
    std::vector<Module> v;
    Module platform;
    platform.name = "platform";
    platform.files = &embedded::platform_files();
    platform.wire = platform_web::wire;
    platform.exports = platform_web::declare_exports;
    v.push_back(org::module());
    v.push_back(people::module());
    v.push_back(accounts::module());
    v.push_back(plans::module());
    v.push_back(registry::module());
    v.push_back(models::module());
    v.push_back(meetings::module());
    v.push_back(ethics::module());
    v.push_back(quizzes::module());
    v.push_back(villages::module());
    v.push_back(reports::module());
    v.push_back(imports::module());
    v.push_back(restructurings::module());
    v.push_back(platform);
    return v;
  }();
  return m;
}

void declare_exports() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (const auto& m : modules()) {
      if (m.exports) m.exports();
      if (m.inbox) m.inbox();
    }
  });
}

void prepare(db::Connection& c) {
  declare_exports();
  static std::once_flag once;
  std::call_once(once, [] {
    register_templates(modules());
    search::describe_kind("unit", "Đơn vị", "/units/");
    search::describe_kind("person", "Người", "/people/");
    search::describe_kind("user", "Tài khoản", "/users/");
    search::describe_kind("plan", "Kế hoạch", "/plans/");
    search::describe_kind("commitment", "Cam kết", "/plans/");
    search::describe_kind("register", "Sổ ghi danh", "/register/entries/");
    search::describe_kind("export", "Danh sách tải về của đơn vị", "/units/");  // audit entries of downloads
  });
  db::migrate(c, collect_migrations(modules()));
  for (const auto& m : modules())
    if (m.after_migrate) m.after_migrate(c);
}

std::unique_ptr<http::App> build_app(db::Pool& pool) {
  {
    auto lease = pool.lease();
    prepare(*lease);
  }
  auto app = std::make_unique<http::App>(pool);
  // Static assets: each file with its precompressed .gz twin (built by CMake).
  const auto& files = embedded::static_files();
  for (const auto& f : files) {
    std::string name(f.path);
    if (name.size() > 3 && name.substr(name.size() - 3) == ".gz") continue;
    std::string_view gz;
    for (const auto& g : files)
      if (g.path == name + ".gz") gz = g.data;
    app->static_file(name, f.data, gz, content_type(name));
  }
  for (const auto& m : modules()) m.wire(*app);
  for (const auto& f : embedded::app_files()) {
    if (f.path != "openapi.json") continue;
    std::string doc(f.data);
    app->route(
        "GET", "/api/v1/openapi.json", [doc](http::Context&) { return http::Response::json(doc); }, http::Access::kPublic);
  }
  return app;
}

DemoReport load_demo(db::Connection& c) {
  prepare(c);
  DemoReport report;
  for (const auto& m : modules())
    if (m.demo) m.demo(c, report);
  return report;
}

}  // namespace ct05::app
