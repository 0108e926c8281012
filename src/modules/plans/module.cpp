// How the plans module plugs into ct05: files, routes, the unit-page section and demo data.
#include "modules/plans/module.hpp"

namespace ct05::embedded {
const std::vector<EmbeddedFile>& plans_files();
}

namespace ct05::plans {

void load_demo(db::Connection& c, DemoReport& report);

Module module() {
  Module m;
  m.name = "plans";
  m.files = &embedded::plans_files();
  m.wire = [](http::App& app) {
    wire_pages(app);
    wire_api(app);
  };
  m.demo = load_demo;
  return m;
}

}  // namespace ct05::plans
