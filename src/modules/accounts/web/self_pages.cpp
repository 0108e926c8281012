// Each person's own account: /account (name, e-mail, password, sessions, API tokens) and /activate (the first
// login with a one-time code, where the person chooses their password).
#include "kernel/clock.hpp"
#include "modules/accounts/domain/account.hpp"
#include "modules/accounts/storage/account_store.hpp"
#include "modules/accounts/web/account_web.hpp"
#include "platform/auth/crypto.hpp"
#include "platform/http/json_input.hpp"
#include "platform/web/platform_pages.hpp"

namespace ct05::accounts {

namespace {

std::string current_hash(const http::Context& ctx) { return ctx.session ? auth::sha256_hex(ctx.session->token) : ""; }

// A browser's User-Agent in a few words a person recognises.
std::string agent_label(const std::string& ua) {
  if (ua.empty()) return "Trình duyệt không rõ";
  std::string os = ua.find("Android") != std::string::npos   ? "Android"
                   : ua.find("iPhone") != std::string::npos  ? "iPhone"
                   : ua.find("Windows") != std::string::npos ? "Windows"
                   : ua.find("Mac OS") != std::string::npos  ? "macOS"
                   : ua.find("Linux") != std::string::npos   ? "Linux"
                                                             : "";
  std::string br = ua.find("Edg/") != std::string::npos        ? "Edge"
                   : ua.find("CocCoc") != std::string::npos    ? "Cốc Cốc"
                   : ua.find("Chrome") != std::string::npos    ? "Chrome"
                   : ua.find("Firefox") != std::string::npos   ? "Firefox"
                   : ua.find("Safari") != std::string::npos    ? "Safari"
                                                               : "Trình duyệt";
  return os.empty() ? br : br + " trên " + os;
}

http::Response self_page(http::Context& ctx, const Error* err, const std::string& notice, const std::string& new_token = "",
                         const std::string& token_label = "") {
  auto& c = ctx.db();
  auto a = find_account(c, ctx.principal.user_id);
  if (!a) return ctx.error(Error::not_found("Không tìm thấy tài khoản."));
  html::Dict d("account_self");
  d.SetValue("CSRF", ctx.csrf_token());
  d.SetValue("NAME", a->display_name);
  d.SetValue("LOGIN", a->login);
  d.SetValue("EMAIL", a->email);
  if (a->email_notify) d.ShowSection("EMAIL_NOTIFY");
  for (const auto& g : a->grants) {
    auto* gd = d.AddSectionDictionary("GRANT");
    gd->SetValue("ROLE", std::string(auth::role_label(g.role)));
    gd->SetValue("UNIT", g.unit_name);
  }
  for (const auto& s : sessions_of(c, a->id, current_hash(ctx))) {
    auto* sd = d.AddSectionDictionary("SESSION");
    sd->SetValue("AGENT", agent_label(s.user_agent));
    sd->SetValue("CREATED", kernel::datetime_vn(s.created_at));
    sd->SetValue("SEEN", when(s.last_seen_at));
    sd->SetValue("IP", s.ip.empty() ? "không rõ" : s.ip);
    if (s.current) sd->ShowSection("CURRENT");
    else {
      auto* o = sd->AddSectionDictionary("OTHER");
      o->SetValue("KEY", s.key);
      o->SetValue("CSRF", ctx.csrf_token());
    }
  }
  auto tokens = tokens_of(c, a->id);
  if (tokens.empty()) d.ShowSection("NO_TOKENS");
  for (const auto& t : tokens) {
    auto* td = d.AddSectionDictionary("TOKEN");
    td->SetValue("LABEL", t.label);
    td->SetValue("CREATED", kernel::datetime_vn(t.created_at));
    td->SetValue("USED", when(t.last_used_at));
    if (!t.last_ip.empty()) td->AddSectionDictionary("IP")->SetValue("ADDR", t.last_ip);
    if (!t.revoked_at.empty()) td->AddSectionDictionary("REVOKED")->SetValue("AT", kernel::datetime_vn(t.revoked_at));
    else {
      auto* l = td->AddSectionDictionary("LIVE");
      l->SetValue("KEY", t.key);
      l->SetValue("CSRF", ctx.csrf_token());
    }
  }
  if (!new_token.empty()) {
    auto* n = d.AddSectionDictionary("NEW_TOKEN");
    n->SetValue("TOKEN", new_token);
    n->SetValue("LABEL", token_label);
  }
  if (err) html::set_field_errors(d, err->message, http::field_pairs(*err));
  if (!notice.empty()) d.AddSectionDictionary("NOTICE")->SetValue("MESSAGE", notice);
  auto r = ctx.page("accounts/account_self.tpl", d, "Tài khoản của tôi",
                    err ? http::status_for(err->code) : (new_token.empty() ? 200 : 201));
  r.secret = !new_token.empty();  // a new API token is shown once: a retry's replay does not keep it (D32)
  return r;
}

http::Response self_get(http::Context& ctx) {
  static const std::vector<std::pair<std::string, std::string>> kDone = {
      {"saved", "Đã lưu."},
      {"password", "Đã đổi mật khẩu. Các thiết bị khác đã bị đăng xuất, mã truy cập API đã bị thu hồi."},
      {"ended", "Đã đăng xuất phiên đó."},
      {"revoked", "Đã thu hồi mã truy cập."},
      {"welcome", "Tài khoản đã được kích hoạt. Chào mừng bạn!"}};
  std::string notice;
  for (const auto& [k, v] : kDone)
    if (ctx.req.query().get("done") == k) notice = v;
  return self_page(ctx, nullptr, notice);
}

http::Response self_post(http::Context& ctx) {
  AccountEdit e;
  e.display_name = ctx.req.form().trimmed("display_name");
  e.email = ctx.req.form().trimmed("email");
  e.email_notify = ctx.req.form().get("email_notify") == "1";
  auto r = update_account(ctx.db(), ctx.principal, ctx.principal.user_id, e);
  if (!r) return self_page(ctx, &r.error(), "");
  return http::Response::redirect("/account?done=saved");
}

http::Response password_post(http::Context& ctx) {
  const auto& f = ctx.req.form();
  auto r = change_password(ctx.db(), ctx.principal, f.get("current"), f.get("password"), f.get("password2"), current_hash(ctx));
  if (!r) return self_page(ctx, &r.error(), "");
  return http::Response::redirect("/account?done=password");
}

http::Response sessions_post(http::Context& ctx) {
  std::string key = ctx.req.form().get("key");
  if (key == "all") {  // every device, this one included: back to the login page
    end_sessions(ctx.db(), ctx.principal, "", "");
    ctx.set_cookie("ct05_session", "", 0);
    return http::Response::redirect("/login?bye=1");
  }
  if (key.size() != 16) return ctx.error(Error::invalid({{"key", "Phiên không hợp lệ."}}));
  end_sessions(ctx.db(), ctx.principal, key, current_hash(ctx));
  return http::Response::redirect("/account?done=ended#sessions");
}

http::Response token_post(http::Context& ctx) {
  std::string label = ctx.req.form().trimmed("label");
  auto t = create_token(ctx.db(), ctx.principal, label);
  if (!t) return self_page(ctx, &t.error(), "");
  return self_page(ctx, nullptr, "", *t, label);
}

http::Response token_revoke_post(http::Context& ctx) {
  auto r = revoke_token(ctx.db(), ctx.principal, ctx.req.form().get("key"));
  if (!r) return self_page(ctx, &r.error(), "");
  return http::Response::redirect("/account?done=revoked#tokens");
}

// ---- activation
http::Response activate_page(http::Context& ctx, const std::string& login, const std::string& code, const Error* err) {
  html::Dict d("activate");
  d.SetValue("CSRF", ctx.csrf_token());
  d.SetValue("LOGIN", login);
  d.SetValue("CODE", code);
  if (err) html::set_field_errors(d, err->message, http::field_pairs(*err));
  return ctx.page("accounts/activate.tpl", d, "Kích hoạt tài khoản", err ? http::status_for(err->code) : 200);
}

http::Response activate_get(http::Context& ctx) {
  if (ctx.principal.authenticated()) return http::Response::redirect("/account");
  return activate_page(ctx, ctx.req.query().trimmed("login"), "", nullptr);
}

http::Response activate_post(http::Context& ctx) {
  const auto& f = ctx.req.form();
  std::string login = f.trimmed("login"), code = f.trimmed("code");
  auto id = activate(ctx.db(), login, code, f.get("password"), f.get("password2"), ctx.req.remote_ip);
  if (!id) return activate_page(ctx, login, id.error().code == ErrorCode::kInvalid ? code : "", &id.error());
  platform_web::open_session(ctx, *id);
  return http::Response::redirect("/inbox?welcome=1");
}

}  // namespace

void wire_self_pages(http::App& app) {
  app.route("GET", "/account", self_get);
  app.route("POST", "/account", self_post);
  app.route("POST", "/account/password", password_post);
  app.route("POST", "/account/sessions/end", sessions_post);
  app.route("POST", "/account/tokens", token_post);
  app.route("POST", "/account/tokens/revoke", token_revoke_post);
  app.route("GET", "/activate", activate_get, http::Access::kPublic);
  app.route("POST", "/activate", activate_post, http::Access::kPublic);
  // A code typed into the login form's password field leads to the activation form, the code kept.
  platform_web::set_code_login([](http::Context& ctx, const std::string& login, const std::string& typed)
                                   -> std::optional<http::Response> {
    if (normalize_code(typed).empty() || !code_matches(ctx.db(), login, typed)) return std::nullopt;
    return activate_page(ctx, login, typed, nullptr);
  });
}

}  // namespace ct05::accounts
