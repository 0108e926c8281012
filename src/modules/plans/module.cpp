// How the plans module plugs into ct05: files, routes, the unit-page section and demo data.
#include "modules/plans/module.hpp"

#include "modules/plans/storage/tallies.hpp"
#include "platform/changes/changes.hpp"

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
  m.after_migrate = tallies::ensure;
  // Units and people change in their own modules; the tallies follow in the same transaction.
  changes::on_units_changed("plans.tallies", [](db::Connection& c, const std::vector<std::int64_t>& ids) { tallies::refresh(c, ids); });
  return m;
}

}  // namespace ct05::plans
