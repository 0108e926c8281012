// How the ethics module plugs into ct05: files, routes, the unit-page panel, inbox sources and demo data.
#include "modules/ethics/module.hpp"

#include "modules/ethics/storage/standard_inbox.hpp"

namespace ct05::embedded {
const std::vector<EmbeddedFile>& ethics_files();
}

namespace ct05::ethics {

void load_demo(db::Connection& c, DemoReport& report);

Module module() {
  Module m;
  m.name = "ethics";
  m.files = &embedded::ethics_files();
  m.wire = [](http::App& app) {
    wire_pages(app);
    wire_api(app);
  };
  m.inbox = declare_inbox;
  m.demo = load_demo;
  return m;
}

}  // namespace ct05::ethics
