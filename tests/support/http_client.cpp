#include "support/http_client.hpp"

#include <filesystem>

#include "modules/registry/module.hpp"
#include "platform/auth/crypto.hpp"

#include <stdexcept>

#include "app/wiring.hpp"
#include "platform/auth/accounts.hpp"

namespace ct05::testing {

AppHarness::AppHarness(const std::string& db_url) {
  // Uploaded files of the tests go to a folder of their own, removed with the temp dir by the OS.
  registry::set_files_root(std::filesystem::temp_directory_path() / ("ct05-test-files-" + auth::random_token(6)));
  pool_ = std::make_unique<db::Pool>(db_url, 2);
  app_ = app::build_app(*pool_);
}

AppHarness::Browser AppHarness::browser_for(const std::string& login) {
  auto c = pool_->lease();
  auto u = auth::find_user(*c, login);
  if (!u) throw std::runtime_error("no user " + login);
  auto s = auth::create_session(*c, u->id);
  return Browser{"ct05_session=" + s.token, s.csrf};
}

std::string AppHarness::token_for(const std::string& login) {
  auto c = pool_->lease();
  auto u = auth::find_user(*c, login);
  if (!u) throw std::runtime_error("no user " + login);
  return auth::create_api_token(*c, u->id, "test");
}

http::Response AppHarness::get(const std::string& target, const Browser* b) {
  http::Request r;
  r.method = "GET";
  auto q = target.find('?');
  r.path = target.substr(0, q);
  if (q != std::string::npos) r.query_string = target.substr(q + 1);
  r.remote_ip = "127.0.0.1";
  if (b) r.headers["cookie"] = b->cookie;
  return app_->handle(r);
}

http::Response AppHarness::post(const std::string& path, const std::string& form, const Browser* b, bool with_csrf) {
  http::Request r;
  r.method = "POST";
  r.path = path;
  r.remote_ip = "127.0.0.1";
  r.headers["content-type"] = "application/x-www-form-urlencoded";
  r.body = form;
  if (b) {
    r.headers["cookie"] = b->cookie;
    if (with_csrf) r.body += (r.body.empty() ? "" : "&") + std::string("_csrf=") + b->csrf;
  }
  return app_->handle(r);
}

http::Response AppHarness::api(const std::string& method, const std::string& target, const std::string& token,
                               const std::string& json_body) {
  http::Request r;
  r.method = method;
  auto q = target.find('?');
  r.path = target.substr(0, q);
  if (q != std::string::npos) r.query_string = target.substr(q + 1);
  r.remote_ip = "127.0.0.1";
  if (!token.empty()) r.headers["authorization"] = "Bearer " + token;
  r.headers["content-type"] = "application/json";
  r.body = json_body;
  return app_->handle(r);
}

http::Response AppHarness::post_multipart(const std::string& path,
                                          const std::vector<std::pair<std::string, std::string>>& fields,
                                          const std::vector<Upload>& files, const Browser* b, bool with_csrf) {
  const std::string boundary = "----ct05TestBoundary" + auth::random_token(6);
  std::string body;
  auto part = [&](const std::string& headers, const std::string& data) {
    body += "--" + boundary + "\r\n" + headers + "\r\n\r\n" + data + "\r\n";
  };
  if (b && with_csrf) part("Content-Disposition: form-data; name=\"_csrf\"", b->csrf);
  for (const auto& [name, value] : fields) part("Content-Disposition: form-data; name=\"" + name + "\"", value);
  for (const auto& f : files)
    part("Content-Disposition: form-data; name=\"" + f.field + "\"; filename=\"" + f.filename + "\"\r\nContent-Type: " +
             (f.content_type.empty() ? std::string("application/octet-stream") : f.content_type),
         f.data);
  body += "--" + boundary + "--\r\n";
  http::Request r;
  r.method = "POST";
  r.path = path;
  r.remote_ip = "127.0.0.1";
  r.headers["content-type"] = "multipart/form-data; boundary=" + boundary;
  r.body = body;
  if (b) r.headers["cookie"] = b->cookie;
  return app_->handle(r);
}

http::Response AppHarness::api_raw(const std::string& method, const std::string& target, const std::string& token,
                                   const std::string& content_type, const std::string& body) {
  http::Request r;
  r.method = method;
  auto q = target.find('?');
  r.path = target.substr(0, q);
  if (q != std::string::npos) r.query_string = target.substr(q + 1);
  r.remote_ip = "127.0.0.1";
  if (!token.empty()) r.headers["authorization"] = "Bearer " + token;
  r.headers["content-type"] = content_type;
  r.body = body;
  return app_->handle(r);
}

}  // namespace ct05::testing
