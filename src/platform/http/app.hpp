#pragma once
// The request pipeline shared by pages and API: routing, sessions and bearer tokens, CSRF,
// the one permission check, error pages / problem+json, security headers and metrics.
#include <array>
#include <atomic>
#include <cstdint>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "platform/auth/accounts.hpp"
#include "platform/auth/principal.hpp"
#include "platform/db/db.hpp"
#include "platform/html/view.hpp"
#include "platform/http/http.hpp"

namespace ct05::http {

class App;
class Context;

//! Everything a handler needs for one request.
class Context {
 public:
  Context(const Request& req, App& app) : req(req), app(app) {}

  const Request& req;
  App& app;
  std::map<std::string, std::string> params;  //!< path parameters ("{id}")
  auth::Principal principal;
  std::optional<auth::Session> session;
  bool api = false;  //!< under /api/: answers JSON and problem+json

  //! A connection leased for the rest of the request.
  db::Connection& db();
  //! The integer path parameter name, or nothing when absent or not a positive number.
  std::optional<std::int64_t> id_param(const std::string& name) const;
  //! Checks permission; on refusal returns the error to send (403 page or problem+json).
  Result<void> authorize(auth::Action action, const auth::Target& target) const {
    return auth::authorize(principal, action, target);
  }

  //! Renders a page template inside the layout.
  Response page(const std::string& template_name, html::Dict& dict, const std::string& title, int status = 200);
  //! The same with the page template already rendered (by html::render, which escapes): a cached fragment.
  Response page_html(const std::string& page_html, const std::string& title, int status = 200);
  //! The error as a Vietnamese page or as application/problem+json, with the status from status_for().
  Response error(const Error& e);
  //! A CSRF token for forms on this page (session token, or the anonymous double-submit cookie).
  std::string csrf_token();
  //! Sets a cookie (HttpOnly, SameSite=Lax, Path=/; Secure over HTTPS); max_age 0 deletes it, -1 makes it last
  //! for the browser's session.
  void set_cookie(const std::string& name, const std::string& value, long max_age = -1);

  //! Cookies to set on the response (added by the pipeline).
  std::vector<std::string> set_cookies;

 private:
  std::optional<db::Pool::Lease> lease_;
  std::string anon_csrf_;
};

using Handler = std::function<Response(Context&)>;

//! kPublic routes need no login (login page, health, public pages); kUser routes do.
enum class Access { kPublic, kUser };

//! A navigation entry shown to principals allowed `action` somewhere.
struct NavItem {
  std::string label;
  std::string href;
  auth::Action action;
};

//! Counters for /metrics.
struct Metrics {
  static constexpr std::array<double, 10> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0, 5.0};
  std::array<std::atomic<std::int64_t>, 6> by_class{};  //!< 1xx…5xx, index = status/100
  std::array<std::atomic<std::int64_t>, kBuckets.size() + 1> latency{};
  std::atomic<std::int64_t> latency_micros_sum{0};
  std::atomic<std::int64_t> count{0};
};

//! What the operator sets on `serve` that the pipeline needs.
struct AppConfig {
  //! Peers whose X-Forwarded-For / X-Real-IP and X-Forwarded-Proto are believed (the nginx in front); from anyone
  //! else these headers are ignored, so a client cannot choose the address the login throttle counts.
  std::vector<std::string> trusted_proxies;
  //! Served to people over HTTPS (serve --public-url https://…): cookies are Secure and HSTS is sent on every answer.
  bool https = false;
  //! /metrics answers loopback clients, or whoever sends "Authorization: Bearer <token>" when set.
  std::string metrics_token;
};

class App {
 public:
  explicit App(db::Pool& pool);
  void configure(AppConfig config) { config_ = std::move(config); }
  const AppConfig& config() const { return config_; }

  void route(const std::string& method, const std::string& pattern, Handler h, Access access = Access::kUser);
  void nav(NavItem item) { nav_.push_back(std::move(item)); }
  //! Serves data at /static/<name>; a gzip copy is used when the client accepts it.
  void static_file(const std::string& name, std::string_view data, std::string_view gzip_data, std::string content_type);
  //! Fills a principal's grants (the org module knows the unit tree).
  void set_grant_loader(std::function<void(db::Connection&, auth::Principal&)> f) { grant_loader_ = std::move(f); }
  void load_principal(db::Connection& c, std::int64_t user_id, auth::Principal& p) const;
  //! Fills the signed-in part of the layout's top bar (section USER) further: the inbox badge, notifications.
  void set_layout_hook(std::function<void(Context&, html::Dict& user_section)> f) { layout_hook_ = std::move(f); }
  void fill_top_bar(Context& ctx, html::Dict& user_section) const {
    if (layout_hook_) layout_hook_(ctx, user_section);
  }

  //! Runs the whole pipeline for one request (by value: the client's address is settled here, once).
  Response handle(Request req);

  db::Pool& pool() { return pool_; }
  const std::vector<NavItem>& nav_items() const { return nav_; }
  std::string metrics_text() const;
  //! Cache-busting version of the static assets (build hash), for their URLs.
  const std::string& asset_version() const { return asset_version_; }

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;  //!< "{name}" marks a parameter
    Handler handler;
    Access access;
  };
  struct Static {
    std::string_view data, gzip;
    std::string type;
  };
  Response dispatch(Context& ctx);
  Response serve_static(const Request& req, const std::string& name) const;
  //! Who is behind a session cookie or a bearer token ("s:"/"t:" + the raw value). Kept for a moment
  //! (kKnownSeconds) so a page does not spend three queries before its own; dropped at once when an account,
  //! session or grant changes in this process (auth::accounts_generation), and after kKnownSeconds for
  //! changes made by another process.
  struct Known {
    std::optional<auth::Session> session;
    auth::Principal principal;
    std::chrono::steady_clock::time_point at;
    std::uint64_t generation = 0;
  };
  static constexpr int kKnownSeconds = 2;
  bool recall(const std::string& key, Context& ctx) const;
  void remember(const std::string& key, const Context& ctx) const;

  //! Settles remote_ip and secure from a trusted proxy's headers.
  void settle_client(Request& req) const;

  db::Pool& pool_;
  AppConfig config_;
  std::vector<Route> routes_;
  std::vector<NavItem> nav_;
  std::map<std::string, Static> statics_;
  std::function<void(db::Connection&, auth::Principal&)> grant_loader_;
  std::function<void(Context&, html::Dict&)> layout_hook_;
  mutable Metrics metrics_;
  std::string asset_version_;
  mutable std::mutex known_mu_;
  mutable std::unordered_map<std::string, Known> known_;
};

//! Serves the app over HTTP with RESTinio until SIGINT/SIGTERM.
void serve(App& app, const std::string& host, std::uint16_t port, std::size_t threads);

}  // namespace ct05::http
