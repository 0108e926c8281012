// How the models module plugs into ct05: files, routes, the unit-page panel and demo data.
#include "modules/models/module.hpp"

namespace ct05::embedded {
const std::vector<EmbeddedFile>& models_files();
}

namespace ct05::models {

void load_demo(db::Connection& c, DemoReport& report);

Module module() {
  Module m;
  m.name = "models";
  m.files = &embedded::models_files();
  m.wire = [](http::App& app) {
    wire_pages(app);
    wire_api(app);
  };
  m.demo = load_demo;
  return m;
}

}  // namespace ct05::models
