// How the quizzes module plugs into ct05: files, routes, the unit-page panel, inbox sources and demo data.
#include "modules/quizzes/module.hpp"

#include "modules/quizzes/storage/quiz_inbox.hpp"

namespace ct05::embedded {
const std::vector<EmbeddedFile>& quizzes_files();
}

namespace ct05::quizzes {

void load_demo(db::Connection& c, DemoReport& report);

Module module() {
  Module m;
  m.name = "quizzes";
  m.files = &embedded::quizzes_files();
  m.wire = [](http::App& app) {
    wire_pages(app);
    wire_api(app);
  };
  m.exports = declare_exports;
  m.inbox = declare_inbox;
  m.demo = load_demo;
  return m;
}

}  // namespace ct05::quizzes
