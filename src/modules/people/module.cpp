// How the people module plugs into ct05: files, routes, the unit-page panel and demo data.
#include "modules/people/module.hpp"

namespace ct05::embedded {
const std::vector<EmbeddedFile>& people_files();
}

namespace ct05::people {

void load_demo(db::Connection& c, DemoReport& report);

Module module() {
  Module m;
  m.name = "people";
  m.files = &embedded::people_files();
  m.wire = [](http::App& app) {
    wire_pages(app);
    wire_api(app);
  };
  m.exports = declare_exports;
  m.demo = load_demo;
  return m;
}

}  // namespace ct05::people
