// How the meetings module plugs into ct05: files, routes, the unit-page panel, inbox sources and demo data.
#include "modules/meetings/module.hpp"

#include "modules/meetings/storage/meeting_inbox.hpp"

namespace ct05::embedded {
const std::vector<EmbeddedFile>& meetings_files();
}

namespace ct05::meetings {

void load_demo(db::Connection& c, DemoReport& report);

Module module() {
  Module m;
  m.name = "meetings";
  m.files = &embedded::meetings_files();
  m.wire = [](http::App& app) {
    wire_pages(app);
    wire_api(app);
  };
  m.exports = declare_exports;
  m.inbox = declare_inbox;
  m.demo = load_demo;
  return m;
}

}  // namespace ct05::meetings
