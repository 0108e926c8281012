#pragma once
// Drives the whole application in-process (the same App::handle the server calls), as a given user.
#include <memory>
#include <string>

#include "platform/db/db.hpp"
#include "platform/http/app.hpp"

namespace ct05::testing {

class AppHarness {
 public:
  explicit AppHarness(const std::string& db_url);
  http::App& app() { return *app_; }
  db::Pool& pool() { return *pool_; }

  //! A browser session for login (created directly; POST /login is tested on its own).
  struct Browser {
    std::string cookie;  //!< "ct05_session=…"
    std::string csrf;
  };
  Browser browser_for(const std::string& login);
  //! A fresh API bearer token for login.
  std::string token_for(const std::string& login);

  http::Response get(const std::string& target, const Browser* b = nullptr);
  //! POST a urlencoded form; the session's CSRF token is added unless with_csrf is false.
  http::Response post(const std::string& path, const std::string& form, const Browser* b, bool with_csrf = true);
  http::Response api(const std::string& method, const std::string& target, const std::string& token,
                     const std::string& json_body = "");

 private:
  std::unique_ptr<db::Pool> pool_;
  std::unique_ptr<http::App> app_;
};

}  // namespace ct05::testing
