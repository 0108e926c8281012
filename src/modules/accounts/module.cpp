// How the accounts module plugs into ct05: its files (migrations, templates, the common-passwords list), the pages
// and API, the top bar's badge, the unit-page panel and the login's hand-over of one-time codes. Its command line
// (`ct05 user …`) is in cli.cpp.
#include "modules/accounts/module.hpp"

#include "kernel/text.hpp"
#include "modules/accounts/web/account_web.hpp"

namespace ct05::embedded {
const std::vector<EmbeddedFile>& accounts_files();
}

namespace ct05::accounts {

std::string_view common_passwords_text() {
  for (const auto& f : embedded::accounts_files())
    if (f.path == "data/common_passwords.txt") return f.data;
  return {};
}

Module module() {
  Module m;
  m.name = "accounts";
  m.files = &embedded::accounts_files();
  m.wire = [](http::App& app) {
    wire_admin_pages(app);
    wire_self_pages(app);
    wire_inbox_pages(app);
    wire_api(app);
  };
  // Accounts made before migration 0017 have no search text yet; fold it here (SQL cannot fold Vietnamese).
  m.after_migrate = [](db::Connection& c) {
    for (const auto& r : c.query("SELECT id, login, display_name FROM users WHERE folded = ''"))
      c.exec("UPDATE users SET folded = $1 WHERE id = $2", {kernel::fold(r.str(1) + " " + r.str(2)), r.i64(0)});
  };
  return m;
}

}  // namespace ct05::accounts
