#include "platform/http/app.hpp"

#include <chrono>
#include <sstream>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "kernel/text.hpp"
#include "platform/auth/crypto.hpp"
#include "platform/http/idempotency.hpp"

namespace ct05::http {

namespace {

constexpr const char* kSessionCookie = "ct05_session";
constexpr const char* kAnonCsrfCookie = "ct05_csrf";

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  std::size_t pos = 1;
  while (pos <= path.size()) {
    std::size_t slash = path.find('/', pos);
    std::string seg = path.substr(pos, slash == std::string::npos ? std::string::npos : slash - pos);
    if (!seg.empty()) out.push_back(seg);
    if (slash == std::string::npos) break;
    pos = slash + 1;
  }
  return out;
}

std::string_view error_title(int status) {
  switch (status) {
    case 401: return "Cần đăng nhập";
    case 403: return "Không có quyền truy cập";
    case 404: return "Không tìm thấy trang";
    case 405: return "Phương thức không được hỗ trợ";
    case 409: return "Xung đột dữ liệu";
    case 422: return "Dữ liệu chưa hợp lệ";
    case 429: return "Quá nhiều yêu cầu";
    default: return "Lỗi hệ thống";
  }
}

// A header value with CR, LF or NUL would let text that reached it (a redirect target, a file name) add headers of
// its own or end the head early; whatever handler made it, such an answer never leaves.
bool header_safe(const Response& r) {
  for (const auto& [k, v] : r.headers)
    if (k.find_first_of(std::string("\r\n\0:", 4)) != std::string::npos || v.find_first_of(std::string("\r\n\0", 3)) != std::string::npos)
      return false;
  return true;
}

void add_security_headers(Response& r, bool secure) {
  if (secure) r.header("Strict-Transport-Security", "max-age=31536000");
  r.header("X-Content-Type-Options", "nosniff");
  r.header("X-Frame-Options", "DENY");
  r.header("Referrer-Policy", "same-origin");
  r.header("Content-Security-Policy",
           "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; "
           "form-action 'self'; base-uri 'none'");
  if (r.header_value("Cache-Control").empty()) r.header("Cache-Control", "no-store");
}

bool is_safe_method(const std::string& m) { return m == "GET" || m == "HEAD"; }

}  // namespace

// ---------------------------------------------------------------- Context
db::Connection& Context::db() {
  if (!lease_) lease_.emplace(app.pool().lease());
  return **lease_;
}

std::optional<std::int64_t> Context::id_param(const std::string& name) const {
  auto it = params.find(name);
  if (it == params.end()) return std::nullopt;
  return parse_id(it->second);
}

std::string Context::csrf_token() {
  if (session) return session->csrf;
  if (anon_csrf_.empty()) {
    anon_csrf_ = req.cookie(kAnonCsrfCookie);
    if (anon_csrf_.size() != 48) {
      anon_csrf_ = auth::random_token(24);
      set_cookie(kAnonCsrfCookie, anon_csrf_);
    }
  }
  return anon_csrf_;
}

void Context::set_cookie(const std::string& name, const std::string& value, long max_age) {
  std::string c = name + "=" + value + "; Path=/; HttpOnly; SameSite=Lax";
  if (max_age >= 0) c += "; Max-Age=" + std::to_string(max_age);
  if (req.secure) c += "; Secure";
  set_cookies.push_back(std::move(c));
}

Response Context::page(const std::string& template_name, html::Dict& dict, const std::string& title, int status) {
  return page_html(html::render(template_name, dict), title, status);
}

Response Context::page_html(const std::string& page_html, const std::string& title, int status) {
  html::Dict layout("layout");
  layout.SetValue("TITLE", title);
  layout.SetValue("CSRF", csrf_token());
  layout.SetValue("V", app.asset_version());
  if (principal.authenticated()) {
    auto* u = layout.AddSectionDictionary("USER");
    u->SetValue("NAME", principal.display_name);
    u->SetValue("CSRF", csrf_token());
    if (!principal.grants.empty()) {
      auto* r = u->AddSectionDictionary("ROLE_INFO");
      r->SetValue("ROLE", std::string(auth::role_label(principal.grants.front().role)));
      r->SetValue("UNIT", principal.grants.front().unit_name);
    }
    u->SetValue("Q", req.path == "/search" ? req.query().get("q") : "");
    app.fill_top_bar(*this, *u);
    for (const auto& n : app.nav_items()) {
      if (principal.scope_paths(n.action).empty()) continue;
      auto* item = u->AddSectionDictionary("NAV");
      item->SetValue("LABEL", n.label);
      item->SetValue("HREF", n.href);
      item->ShowSection(req.path.rfind(n.href, 0) == 0 ? "ACTIVE" : "INACTIVE");
    }
  }
  // The page template is expanded first (with its own AUTOESCAPE) and placed into the layout
  // unescaped with {{BODY_HTML:none}}: the only unescaped variable in the program.
  layout.SetValueWithoutCopy("BODY_HTML", page_html);
  // Chart.js (200 KB) and charts.js load only on pages with a chart (platform/charts): the marker is markup
  // that escaped user text cannot produce.
  if (page_html.find("<figure class=\"chart ") != std::string::npos) layout.ShowSection("CHARTS");
  Response r = Response::html(html::render("platform/layout.tpl", layout), status);
  return r;
}

Response Context::error(const Error& e) {
  int status = status_for(e.code);
  if (!e.detail.empty()) spdlog::info("{} {} → {}: {}", req.method, req.path, status, e.detail);
  if (api) {
    nlohmann::json j{{"type", "about:blank"}, {"title", std::string(reason_phrase(status))}, {"status", status},
                     {"detail", e.message}};
    if (!e.fields.empty()) {
      auto& errs = j["errors"] = nlohmann::json::array();
      for (const auto& f : e.fields) errs.push_back({{"field", f.field}, {"message", f.message}});
    }
    Response r = Response::json(j.dump(), status);
    r.headers.front().second = "application/problem+json; charset=utf-8";
    if (status == 401) r.header("WWW-Authenticate", "Bearer");
    return r;
  }
  html::Dict d("error");
  d.SetValue("HEADING", std::string(error_title(status)));
  d.SetValue("MESSAGE", e.message);
  d.SetIntValue("STATUS", status);
  for (const auto& f : e.fields) {
    auto* s = d.AddSectionDictionary("FIELD");
    s->SetValue("MESSAGE", f.message);
  }
  if (status == 401) d.ShowSection("LOGIN");
  return page("platform/error.tpl", d, std::string(error_title(status)), status);
}

// ---------------------------------------------------------------- App
App::App(db::Pool& pool) : pool_(pool), asset_version_("1") {}

void App::route(const std::string& method, const std::string& pattern, Handler h, Access access) {
  routes_.push_back(Route{method, split_path(pattern), std::move(h), access});
}

void App::static_file(const std::string& name, std::string_view data, std::string_view gzip_data, std::string content_type) {
  statics_[name] = Static{data, gzip_data, std::move(content_type)};
  // The version in asset URLs changes whenever any asset changes, so browsers may cache them for long.
  asset_version_ = auth::sha256_hex(asset_version_ + std::string(data)).substr(0, 10);
}

void App::load_principal(db::Connection& c, std::int64_t user_id, auth::Principal& p) const {
  auto u = auth::find_user(c, user_id);
  if (!u || !u->active) return;
  p.user_id = u->id;
  p.login = u->login;
  p.display_name = u->display_name;
  p.person_id = u->person_id;
  if (grant_loader_) grant_loader_(c, p);
}

bool App::recall(const std::string& key, Context& ctx) const {
  std::lock_guard g(known_mu_);
  auto it = known_.find(key);
  if (it == known_.end()) return false;
  auto age = std::chrono::steady_clock::now() - it->second.at;
  if (it->second.generation != auth::accounts_generation() || age > std::chrono::seconds(kKnownSeconds)) {
    known_.erase(it);
    return false;
  }
  ctx.principal = it->second.principal;
  ctx.session = it->second.session;
  return true;
}

void App::remember(const std::string& key, const Context& ctx) const {
  std::lock_guard g(known_mu_);
  if (known_.size() >= 10000) known_.clear();  // many sessions at once: start over rather than grow
  known_[key] = Known{ctx.session, ctx.principal, std::chrono::steady_clock::now(), auth::accounts_generation()};
}

Response App::serve_static(const Request& req, const std::string& name) const {
  auto it = statics_.find(name);
  if (it == statics_.end()) return Response::text("Không tìm thấy tệp.", 404);
  Response r;
  r.header("Content-Type", it->second.type);
  r.header("Cache-Control", "public, max-age=31536000, immutable");
  if (!it->second.gzip.empty() && req.header("accept-encoding").find("gzip") != std::string::npos) {
    r.body = std::string(it->second.gzip);
    r.header("Content-Encoding", "gzip");
    r.header("Vary", "Accept-Encoding");
  } else {
    r.body = std::string(it->second.data);
  }
  return r;
}

void App::settle_client(Request& req) const {
  req.secure = config_.https;
  bool trusted = false;
  for (const auto& p : config_.trusted_proxies) trusted = trusted || p == req.remote_ip;
  if (!trusted) return;
  // X-Forwarded-For lists the hops; the client is the last address that is not one of our proxies.
  std::string xff = req.header("x-forwarded-for");
  std::string client;
  std::size_t end = xff.size();
  while (!xff.empty()) {
    auto comma = xff.rfind(',', end == 0 ? 0 : end - 1);
    std::string hop = kernel::trim(xff.substr(comma == std::string::npos ? 0 : comma + 1,
                                      end - (comma == std::string::npos ? 0 : comma + 1)));
    bool ours = false;
    for (const auto& p : config_.trusted_proxies) ours = ours || p == hop;
    if (!hop.empty() && !ours) {
      client = hop;
      break;
    }
    if (comma == std::string::npos) break;
    end = comma;
  }
  if (client.empty()) client = kernel::trim(req.header("x-real-ip"));
  if (!client.empty() && client.size() <= 45 && client.find_first_not_of("0123456789abcdefABCDEF.:") == std::string::npos)
    req.remote_ip = client;
  if (req.header("x-forwarded-proto") == "https") req.secure = true;
}

Response App::handle(Request req) {
  auto t0 = std::chrono::steady_clock::now();
  settle_client(req);
  Response r;
  Context ctx(req, *this);
  ctx.api = req.path.rfind("/api/", 0) == 0;
  try {
    if (req.path.rfind("/static/", 0) == 0 && is_safe_method(req.method)) r = serve_static(req, req.path.substr(8));
    else r = dispatch(ctx);
  } catch (const std::exception& ex) {
    spdlog::error("{} {} failed: {}", req.method, req.path, ex.what());
    r = Response{};
    try {
      r = ctx.error(Error{ErrorCode::kInternal, "Đã có lỗi hệ thống. Thao tác chưa được thực hiện; vui lòng thử lại sau.",
                          ex.what(), {}});
    } catch (...) {
      r = Response::text("Lỗi hệ thống.", 500);
    }
  }
  for (const auto& c : ctx.set_cookies) r.header("Set-Cookie", c);
  if (!header_safe(r)) {
    spdlog::error("{} {}: an answer's header held CR, LF or NUL; answered 500 instead", req.method, req.path);
    r = Response::text("Lỗi hệ thống: câu trả lời không hợp lệ. Thao tác có thể đã được thực hiện; vui lòng tải lại trang.", 500);
  }
  add_security_headers(r, req.secure);

  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0).count();
  metrics_.by_class[std::min(5, std::max(1, r.status / 100))]++;
  metrics_.count++;
  metrics_.latency_micros_sum += micros;
  std::size_t b = 0;
  while (b < Metrics::kBuckets.size() && micros > Metrics::kBuckets[b] * 1e6) ++b;
  metrics_.latency[b]++;
  return r;
}

Response App::dispatch(Context& ctx) {
  const Request& req = ctx.req;
  auto segs = split_path(req.path);
  const Route* found = nullptr;
  bool path_matched = false;
  for (const auto& rt : routes_) {
    if (rt.segments.size() != segs.size()) continue;
    std::map<std::string, std::string> params;
    bool ok = true;
    for (std::size_t i = 0; i < segs.size() && ok; ++i) {
      const auto& p = rt.segments[i];
      if (p.size() > 2 && p.front() == '{' && p.back() == '}') params[p.substr(1, p.size() - 2)] = segs[i];
      else ok = p == segs[i];
    }
    if (!ok) continue;
    path_matched = true;
    if (rt.method == req.method || (rt.method == "GET" && req.method == "HEAD")) {
      found = &rt;
      ctx.params = std::move(params);
      break;
    }
  }
  if (!found) {
    if (path_matched)
      return ctx.error(Error{ErrorCode::kInvalid, "Phương thức " + req.method + " không được hỗ trợ ở địa chỉ này.", {}, {}});
    return ctx.error(Error::not_found("Không tìm thấy trang bạn yêu cầu."));
  }

  // Who is asking: a bearer token for the API, the session cookie for pages.
  if (ctx.api) {
    std::string authz = req.header("authorization");
    if (authz.rfind("Bearer ", 0) == 0 && !recall("t:" + authz.substr(7), ctx)) {
      if (auto uid = auth::user_for_api_token(ctx.db(), authz.substr(7), req.remote_ip)) load_principal(ctx.db(), *uid, ctx.principal);
      if (ctx.principal.authenticated()) remember("t:" + authz.substr(7), ctx);
    }
  } else if (std::string tok = req.cookie(kSessionCookie); !tok.empty() && !recall("s:" + tok, ctx)) {
    if (auto s = auth::load_session(ctx.db(), tok, req.remote_ip)) {
      load_principal(ctx.db(), s->user_id, ctx.principal);
      if (ctx.principal.authenticated()) {
        ctx.session = std::move(s);
        remember("s:" + tok, ctx);
      }
    }
  }

  if (found->access == Access::kUser && !ctx.principal.authenticated()) {
    if (ctx.api) return ctx.error(Error::unauthenticated("Thiếu hoặc sai mã truy cập (Authorization: Bearer …)."));
    if (is_safe_method(req.method)) {
      std::string target = req.path + (req.query_string.empty() ? "" : "?" + req.query_string);
      return Response::redirect("/login?next=" + url_encode(target));
    }
    return ctx.error(Error::unauthenticated("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại."));
  }

  // Every state-changing page request carries the CSRF token of its session (or the anonymous
  // double-submit cookie on the login form). The API uses bearer tokens, which browsers never send by themselves.
  if (!ctx.api && !is_safe_method(req.method)) {
    std::string sent = req.form().get("_csrf");
    if (sent.empty()) sent = req.header("x-csrf-token");
    std::string expected = ctx.session ? ctx.session->csrf : req.cookie(kAnonCsrfCookie);
    if (expected.empty() || !auth::equal_constant_time(sent, expected))
      return ctx.error(Error::forbidden(
          "Biểu mẫu đã hết hạn hoặc không hợp lệ (thiếu mã CSRF). Vui lòng tải lại trang và thử lại; dữ liệu chưa được lưu."));
  }
  // Text goes in as UTF-8 without control characters (but tab and newline), whatever the route.
  if (auto bad = text_input_error(req)) return ctx.error(*bad);
  // A retried write (the same Idempotency-Key or form "_once") gets the first answer instead of writing again.
  return idempotency::once(ctx, [&] { return found->handler(ctx); });
}

std::string App::metrics_text() const {
  std::ostringstream o;
  o << "# HELP ct05_http_requests_total HTTP requests by status class.\n# TYPE ct05_http_requests_total counter\n";
  for (int c = 1; c <= 5; ++c) o << "ct05_http_requests_total{code=\"" << c << "xx\"} " << metrics_.by_class[c].load() << "\n";
  o << "# HELP ct05_http_request_duration_seconds Request latency.\n# TYPE ct05_http_request_duration_seconds histogram\n";
  std::int64_t cum = 0;
  for (std::size_t b = 0; b < Metrics::kBuckets.size(); ++b) {
    cum += metrics_.latency[b].load();
    o << "ct05_http_request_duration_seconds_bucket{le=\"" << Metrics::kBuckets[b] << "\"} " << cum << "\n";
  }
  cum += metrics_.latency[Metrics::kBuckets.size()].load();
  o << "ct05_http_request_duration_seconds_bucket{le=\"+Inf\"} " << cum << "\n";
  o << "ct05_http_request_duration_seconds_sum " << static_cast<double>(metrics_.latency_micros_sum.load()) / 1e6 << "\n";
  o << "ct05_http_request_duration_seconds_count " << metrics_.count.load() << "\n";
  auto s = pool_.stats();
  o << "# HELP ct05_db_pool_connections Database pool size.\n# TYPE ct05_db_pool_connections gauge\n";
  o << "ct05_db_pool_connections " << s.size << "\n";
  o << "# HELP ct05_db_pool_in_use Connections leased now.\n# TYPE ct05_db_pool_in_use gauge\n";
  o << "ct05_db_pool_in_use " << s.in_use << "\n";
  o << "# HELP ct05_db_pool_waits_total Leases that waited for a free connection.\n# TYPE ct05_db_pool_waits_total counter\n";
  o << "ct05_db_pool_waits_total " << s.waits << "\n";
  return o.str();
}

}  // namespace ct05::http
