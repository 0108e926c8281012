// How the register module plugs into ct05: files, routes, the unit-page panel and demo data.
#include "modules/registry/module.hpp"

#include <memory>
#include <mutex>

namespace ct05::embedded {
const std::vector<EmbeddedFile>& registry_files();
}

namespace ct05::registry {

void load_demo(db::Connection& c, DemoReport& report);

namespace {
std::mutex g_files_mu;
std::unique_ptr<files::FileStore> g_files;
}  // namespace

void set_files_root(const std::filesystem::path& root) {
  std::lock_guard g(g_files_mu);
  g_files = std::make_unique<files::FileStore>(root);
}

files::FileStore& file_store() {
  std::lock_guard g(g_files_mu);
  if (!g_files) g_files = std::make_unique<files::FileStore>("ct05-files");
  return *g_files;
}

Module module() {
  Module m;
  m.name = "registry";
  m.files = &embedded::registry_files();
  m.wire = [](http::App& app) {
    wire_pages(app);
    wire_public(app);
    wire_api(app);
  };
  m.demo = load_demo;
  return m;
}

}  // namespace ct05::registry
