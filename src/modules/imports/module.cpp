// How the imports module plugs into ct05: its table, templates, routes, the link on unit pages and its inbox source.
#include "modules/imports/module.hpp"

#include "modules/imports/storage/import_inbox.hpp"

namespace ct05::embedded {
const std::vector<EmbeddedFile>& imports_files();
}

namespace ct05::imports {

Module module() {
  Module m;
  m.name = "imports";
  m.files = &embedded::imports_files();
  m.wire = [](http::App& app) {
    wire_pages(app);
    wire_api(app);
  };
  m.inbox = declare_inbox;
  return m;
}

}  // namespace ct05::imports
