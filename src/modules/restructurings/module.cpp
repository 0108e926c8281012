// How the restructurings module plugs into ct05: files, routes, the lineage panel and demo data.
#include "modules/restructurings/module.hpp"

namespace ct05::embedded {
const std::vector<EmbeddedFile>& restructurings_files();
}

namespace ct05::restructurings {

void load_demo(db::Connection& c, DemoReport& report);

Module module() {
  Module m;
  m.name = "restructurings";
  m.files = &embedded::restructurings_files();
  m.wire = [](http::App& app) {
    wire_pages(app);
    wire_api(app);
  };
  m.demo = load_demo;
  return m;
}

}  // namespace ct05::restructurings
