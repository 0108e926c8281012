// How the reports module plugs into ct05: files, routes, the unit-page panel and the shipped templates.
#include "modules/reports/module.hpp"

#include "modules/reports/storage/report_store.hpp"

namespace ct05::embedded {
const std::vector<EmbeddedFile>& reports_files();
}

namespace ct05::reports {

Module module() {
  Module m;
  m.name = "reports";
  m.files = &embedded::reports_files();
  m.wire = [](http::App& app) {
    wire_pages(app);
    wire_api(app);
    wire_dashboard_charts();
  };
  // Every database starts with the shipped templates as version 1 (the admin's versions come after).
  m.after_migrate = ensure_default_templates;
  return m;
}

}  // namespace ct05::reports
