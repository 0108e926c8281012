// How the villages module plugs into ct05: files, routes, the unit-page panel, the dashboard section and the
// indicators' figures (plans' extension points), the national poverty standards and demo data.
#include "modules/villages/module.hpp"

#include "modules/villages/storage/household_store.hpp"

namespace ct05::embedded {
const std::vector<EmbeddedFile>& villages_files();
}

namespace ct05::villages {

void load_demo(db::Connection& c, DemoReport& report);

Module module() {
  Module m;
  m.name = "villages";
  m.files = &embedded::villages_files();
  m.wire = [](http::App& app) {
    wire_pages(app);
    wire_household_pages(app);
    wire_assessment_pages(app);
    wire_api(app);
  };
  m.exports = declare_exports;
  m.demo = load_demo;
  // The national standards are law, not demo data: every database starts with them.
  m.after_migrate = ensure_national_standards;
  return m;
}

}  // namespace ct05::villages
