// How the register module plugs into ct05: files, routes, the unit-page panel, inbox sources and demo data.
#include "modules/registry/module.hpp"

#include "modules/registry/storage/entry_inbox.hpp"

namespace ct05::embedded {
const std::vector<EmbeddedFile>& registry_files();
}

namespace ct05::registry {

void load_demo(db::Connection& c, DemoReport& report);

// The register keeps its files in the process's shared store (the villages module's evidence lives there too).
void set_files_root(const std::filesystem::path& root) { files::set_shared_root(root); }

files::FileStore& file_store() { return files::shared(); }

Module module() {
  Module m;
  m.name = "registry";
  m.files = &embedded::registry_files();
  m.wire = [](http::App& app) {
    wire_pages(app);
    wire_public(app);
    wire_api(app);
  };
  m.exports = declare_exports;
  m.inbox = declare_inbox;
  m.demo = load_demo;
  return m;
}

}  // namespace ct05::registry
