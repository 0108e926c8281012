// Pages every deployment has whatever modules it runs: login, search, audit, health, readiness and metrics.
#include "platform/web/platform_pages.hpp"

#include <set>

#include <nlohmann/json.hpp>

#include "kernel/clock.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/crypto.hpp"
#include "platform/exports/export_kinds.hpp"
#include "platform/notify/notify.hpp"
#include "platform/search/search.hpp"
#include "platform/web/readiness.hpp"

namespace ct05::platform_web {

const std::vector<std::pair<std::string, std::string>>& audit_actions() {
  static const std::vector<std::pair<std::string, std::string>> v = {
      {"unit.create", "Tạo đơn vị"},          {"unit.update", "Sửa đơn vị"},        {"unit.deactivate", "Ngừng hoạt động đơn vị"},
      {"person.create", "Thêm người"},         {"person.update", "Sửa thông tin người"}, {"person.deactivate", "Thôi sinh hoạt"},
      {"person.read", "Xem hồ sơ đầy đủ"},     {"user.create", "Tạo tài khoản"},     {"user.grant", "Giao quyền tài khoản"},
      {"user.passwd", "Đổi mật khẩu"},          {"user.revoke", "Thu hồi quyền"},    {"user.grant_move", "Chuyển quyền sang đơn vị kế tiếp"},
      {"user.update", "Sửa tài khoản"},         {"user.disable", "Vô hiệu hóa tài khoản"}, {"user.enable", "Kích hoạt lại tài khoản"},
      {"user.code", "Cấp mã kích hoạt / đặt lại mật khẩu"}, {"user.activate", "Kích hoạt tài khoản"},
      {"user.logout", "Đăng xuất phiên"},       {"user.token", "Tạo mã truy cập API"}, {"user.token_revoke", "Thu hồi mã truy cập API"},
      {"export.", "Tải danh sách (Excel, CSV)"},
  };
  return v;
}

std::string action_label(const std::string& a) {
  for (const auto& [k, v] : audit_actions())
    if (k == a) return v;
  if (a.rfind("export.", 0) == 0)
    for (const auto& k : exports::kinds())
      if (a == "export." + k.code) return "Tải danh sách: " + k.label;
  return a;
}

namespace {

constexpr const char* kSessionCookie = "ct05_session";

// Only a path on this site may follow a login: it starts with one '/', holds no control character (a CR or LF
// would add headers, a tab is dropped by browsers so "/\t/x.com" reads "//x.com") and no backslash (read as '/').
std::string safe_next(const std::string& next) {
  if (next.empty() || next[0] != '/' || next.size() > 2000) return "/";
  for (unsigned char ch : next)
    if (ch < 0x20 || ch == 0x7f || ch == '\\') return "/";
  if (next.size() > 1 && next[1] == '/') return "/";
  return next;
}

// An argon2id hash nobody's password matches: unknown logins are checked against it so they take as long as
// known ones, and the time of an answer does not tell which logins exist.
const std::string& dummy_hash() {
  static const std::string h = auth::hash_password(auth::random_token(16));
  return h;
}

CodeLogin& code_login() {
  static CodeLogin f;
  return f;
}

http::Response login_page(http::Context& ctx, const std::string& login, const std::string& error, int status) {
  html::Dict d("login");
  d.SetValue("CSRF", ctx.csrf_token());
  d.SetValue("NEXT", safe_next(ctx.req.method == "GET" ? ctx.req.query().get("next") : ctx.req.form().get("next")));
  d.SetValue("LOGIN", login);
  if (!error.empty()) d.AddSectionDictionary("ERROR")->SetValue("MESSAGE", error);
  if (ctx.req.query().get("bye") == "1") d.ShowSection("LOGGED_OUT");
  return ctx.page("platform/login.tpl", d, "Đăng nhập", status);
}

http::Response login_form(http::Context& ctx) {
  if (ctx.principal.authenticated()) return http::Response::redirect("/");
  return login_page(ctx, "", "", 200);
}

http::Response login_submit(http::Context& ctx) {
  const auto& f = ctx.req.form();
  std::string login = f.trimmed("login");
  std::string password = f.get("password");
  auto& c = ctx.db();
  if (login.empty() || password.empty())
    return login_page(ctx, login, "Vui lòng nhập tên đăng nhập và mật khẩu.", 422);
  if (auto wait = auth::login_wait_seconds(c, login, ctx.req.remote_ip); wait > 0)
    return login_page(ctx, login,
                      "Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau " +
                          (wait < 60 ? std::to_string(wait) + " giây" : std::to_string((wait + 59) / 60) + " phút") + ".",
                      429);
  auto user = auth::find_user(c, login);
  bool known = user && user->active && !user->password_hash.empty();
  bool ok = auth::verify_password(password, known ? user->password_hash : dummy_hash()) && known;
  // A one-time activation or reset code typed as the password leads to choosing a password (accounts module).
  if (!ok && user && user->active && code_login())
    if (auto r = code_login()(ctx, login, password)) return std::move(*r);
  // Failures since the owner's last login, told to them once they are in (before this login resets the count).
  auto failures = ok ? auth::failures_since_last_login(c, user->id, login) : auth::Failures{};
  auth::record_login_attempt(c, login, ctx.req.remote_ip, ok);
  if (!ok) return login_page(ctx, login, "Tên đăng nhập hoặc mật khẩu không đúng.", 401);
  open_session(ctx, user->id);
  if (failures.count > 0)
    notify::send(c, {user->id},
                 {"account.failed_logins",
                  "Có " + std::to_string(failures.count) + " lần nhập sai mật khẩu vào tài khoản " + login +
                      " kể từ lần đăng nhập trước",
                  "Lần gần nhất lúc " + kernel::datetime_vn(failures.last_at) + " từ địa chỉ " + failures.last_ip +
                      ". Nếu không phải bạn, hãy đổi mật khẩu tại Tài khoản của tôi và báo người phụ trách.",
                  "/account"});
  return http::Response::redirect(safe_next(f.get("next")));
}

http::Response logout(http::Context& ctx) {
  if (ctx.session) auth::delete_session(ctx.db(), ctx.session->token);
  ctx.set_cookie(kSessionCookie, "", 0);
  return http::Response::redirect("/login?bye=1");
}

std::vector<search::Hit> run_search(http::Context& ctx, const std::string& q) {
  // Search finds only what the reader may open, each kind in the subtrees where they may open it: a party member
  // finds their unit and its register, not the records of fellow members (which would answer 403).
  std::vector<search::KindScope> scopes{{"unit", ctx.principal.scope_paths(auth::Action::kViewUnit)},
                                        {"person", ctx.principal.scope_paths(auth::Action::kViewPerson)},
                                        {"register", ctx.principal.scope_paths(auth::Action::kViewRegister)}};
  return search::find(ctx.db(), q, scopes, 50);
}

http::Response search_page(http::Context& ctx) {
  std::string q = ctx.req.query().trimmed("q");
  html::Dict d("search");
  d.SetValue("Q", q);
  if (!q.empty()) {
    auto* s = d.AddSectionDictionary("HAS_QUERY");
    s->SetValue("Q", q);
    auto hits = run_search(ctx, q);
    s->SetIntValue("COUNT", static_cast<long>(hits.size()));
    if (hits.empty()) s->ShowSection("NONE");
    for (const auto& h : hits) {
      auto* r = s->AddSectionDictionary("HIT");
      r->SetValue("URL", search::url_for(h.kind, h.ref_id));
      r->SetValue("TITLE", h.title);
      r->SetValue("KIND", search::kind_label(h.kind));
    }
  }
  return ctx.page("platform/search.tpl", d, q.empty() ? "Tìm kiếm" : "Tìm: " + q);
}

http::Response search_api(http::Context& ctx) {
  std::string q = ctx.req.query().trimmed("q");
  if (q.empty()) return ctx.error(Error::invalid({{"q", "Cần tham số q (từ khóa tìm kiếm)."}}));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& h : run_search(ctx, q))
    items.push_back({{"kind", h.kind}, {"id", h.ref_id}, {"title", h.title}, {"url", search::url_for(h.kind, h.ref_id)}});
  return http::Response::json(nlohmann::json{{"items", items}}.dump());
}

std::string show(const nlohmann::json& v) {
  if (v.is_null()) return "—";
  if (v.is_string()) return v.get<std::string>().empty() ? "—" : v.get<std::string>();
  return v.dump();
}

http::Response audit_page(http::Context& ctx) {
  auto scope = ctx.principal.scope_paths(auth::Action::kViewAudit);
  if (scope.empty()) return ctx.error(Error::forbidden("Chỉ quản trị và người phụ trách đơn vị được xem nhật ký thay đổi."));
  std::string action = ctx.req.query().get("action");
  bool known = action.empty();
  for (const auto& [k, v] : audit_actions()) known = known || k == action;
  if (!known) action.clear();
  auto& c = ctx.db();
  auto page = html::page_request(ctx.req.query().get("page"));
  auto total = audit::count(c, scope, action);
  html::Dict d("audit");
  for (const auto& [k, v] : audit_actions()) {
    auto* o = d.AddSectionDictionary("ACTION_OPT");
    o->SetValue("VALUE", k);
    o->SetValue("LABEL", v);
    if (k == action) o->ShowSection("SELECTED");
  }
  auto entries = audit::list(c, scope, action, page.per_page, page.offset());
  if (entries.empty()) d.ShowSection("EMPTY");
  for (const auto& e : entries) {
    auto* r = d.AddSectionDictionary("ENTRY");
    r->SetIntValue("ID", e.id);
    r->SetValue("AT", kernel::datetime_vn(e.at));
    r->SetValue("ACTOR", e.actor);
    r->SetValue("ACTION", action_label(e.action));
    r->SetValue("ENTITY", search::kind_label(e.entity));
    r->SetIntValue("ENTITY_ID", e.entity_id);
    if (e.entity == "unit" || e.entity == "person")
      r->AddSectionDictionary("LINK")->SetValue("HREF", search::url_for(e.entity, e.entity_id));
    else
      r->ShowSection("NOLINK");
    auto before = e.before.empty() ? nlohmann::json::object() : nlohmann::json::parse(e.before, nullptr, false);
    auto after = e.after.empty() ? nlohmann::json::object() : nlohmann::json::parse(e.after, nullptr, false);
    if (!before.is_object() || !after.is_object()) continue;
    // A creation lists only what identifies the record; an update lists every changed field.
    static const std::set<std::string> kIdentifying = {"code", "name", "full_name", "kind", "unit_name", "role", "unit_id"};
    const bool creation = before.empty();
    for (auto it = after.begin(); it != after.end(); ++it) {
      if (it.key() == "url" || it.key() == "path") continue;
      if (creation && !kIdentifying.count(it.key())) continue;
      auto b = before.contains(it.key()) ? before[it.key()] : nlohmann::json();
      if (b == it.value()) continue;
      auto* ch = r->AddSectionDictionary("CHANGE");
      ch->SetValue("FIELD", it.key());
      ch->SetValue("BEFORE", show(b));
      ch->SetValue("AFTER", show(it.value()));
    }
  }
  std::string base = "/audit?" + (action.empty() ? std::string() : "action=" + http::url_encode(action) + "&");
  html::add_pager(d, total, page, base);
  exports::add_links(d, "audit", 0, {{"action", action}});
  return ctx.page("platform/audit.tpl", d, "Nhật ký thay đổi");
}

}  // namespace

void set_code_login(CodeLogin f) { code_login() = std::move(f); }

void open_session(http::Context& ctx, std::int64_t user_id) {
  auto s = auth::create_session(ctx.db(), user_id, ctx.req.remote_ip, ctx.req.header("user-agent"));
  ctx.set_cookie(kSessionCookie, s.token, auth::kSessionSeconds);
}

std::string next_path(const std::string& next) { return safe_next(next); }

void wire(http::App& app) {
  app.route("GET", "/login", login_form, http::Access::kPublic);
  app.route("POST", "/login", login_submit, http::Access::kPublic);
  app.route("POST", "/logout", logout);
  app.route("GET", "/search", search_page);
  app.route("GET", "/api/v1/search", search_api);
  app.route("GET", "/audit", audit_page);
  wire_exports(app);
  app.route(
      "GET", "/healthz",
      [](http::Context& ctx) {
        ctx.db().scalar("SELECT 1");  // a server that cannot reach its database is not healthy
        return http::Response::text("ok\n");
      },
      http::Access::kPublic);
  app.route("GET", "/readyz", readyz, http::Access::kPublic);  // whether a write goes through (readiness.hpp)
  app.route(
      "GET", "/metrics",
      [](http::Context& ctx) {
        // Request counts and pool sizes are for the operator: loopback (the monitoring on the host) or the token.
        const auto& token = ctx.app.config().metrics_token;
        std::string authz = ctx.req.header("authorization");
        bool loopback = ctx.req.remote_ip == "127.0.0.1" || ctx.req.remote_ip == "::1";
        bool by_token = !token.empty() && authz.rfind("Bearer ", 0) == 0 && auth::equal_constant_time(authz.substr(7), token);
        if (!loopback && !by_token)
          return http::Response::text("Chỉ máy chủ này (hoặc người có mã serve --metrics-token) được xem /metrics.\n", 403);
        return http::Response::text(ctx.app.metrics_text(), 200, "text/plain; version=0.0.4");
      },
      http::Access::kPublic);
  app.nav({"Tìm kiếm", "/search", auth::Action::kViewUnit});
  app.nav({"Nhật ký", "/audit", auth::Action::kViewAudit});
}

}  // namespace ct05::platform_web
