#pragma once
// Drives the whole application in-process (the same App::handle the server calls), as a given user.
#include <memory>
#include <string>
#include <utility>
#include <vector>

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
  //! A file part of a multipart form.
  struct Upload {
    std::string field, filename, content_type, data;
  };
  //! POST a multipart/form-data form as a browser sends it; the session's CSRF token is added unless with_csrf is
  //! false.
  http::Response post_multipart(const std::string& path, const std::vector<std::pair<std::string, std::string>>& fields,
                                const std::vector<Upload>& files, const Browser* b, bool with_csrf = true);
  //! An API request whose body is raw bytes of the given type (an upload without a form).
  http::Response api_raw(const std::string& method, const std::string& target, const std::string& token,
                         const std::string& content_type, const std::string& body);

 private:
  std::unique_ptr<db::Pool> pool_;
  std::unique_ptr<http::App> app_;
};

}  // namespace ct05::testing
