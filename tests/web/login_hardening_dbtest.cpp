// Issue 16, sessions and login, on the demo and both engines: the login's `next` cannot inject headers or leave the
// site, no answer leaves with CR/LF in a header, the throttle holds a guesser back without locking the owner out,
// a proxy's headers count only from a trusted proxy, cookies are Secure and HSTS is sent over HTTPS, /metrics is
// for loopback or its token, and the owner is told of failed logins.
#include <gtest/gtest.h>

#include "kernel/clock.hpp"
#include "platform/notify/notify.hpp"
#include "support/demo_suite.hpp"

namespace ct05 {
namespace {

class LoginHardening : public testing::DemoSuite<LoginHardening> {
 protected:
  void SetUp() override {
    app_->app().configure({});
    c().exec("DELETE FROM login_attempts");
  }
  void TearDown() override { app_->app().configure({}); }
  // A login form POST from an address, with its own anonymous CSRF cookie, through extra headers.
  static http::Response login(const std::string& user, const std::string& password, const std::string& ip,
                              const std::string& next = "/", std::map<std::string, std::string> headers = {}) {
    http::Request r;
    r.method = "POST";
    r.path = "/login";
    r.remote_ip = ip;
    r.headers = std::move(headers);
    const std::string csrf(48, 'a');
    r.headers["cookie"] = "ct05_csrf=" + csrf;
    r.headers["content-type"] = "application/x-www-form-urlencoded";
    r.body = "_csrf=" + csrf + "&login=" + http::url_encode(user) + "&password=" + http::url_encode(password) +
             "&next=" + http::url_encode(next);
    return app_->app().handle(r);
  }
  static http::Response get(const std::string& path, const std::string& ip, std::map<std::string, std::string> headers = {}) {
    http::Request r;
    r.method = "GET";
    r.path = path;
    r.remote_ip = ip;
    r.headers = std::move(headers);
    return app_->app().handle(r);
  }
};

TEST_F(LoginHardening, NextStaysOnThisSiteAndNeverAddsHeaders) {
  struct Case {
    const char* next;
    const char* location;
  };
  const Case cases[] = {
      {"/units/24", "/units/24"},
      {"/\r\nSet-Cookie: ct05_session=evil", "/"},
      {"/x\nLocation: https://example.com", "/"},
      {"/\t/example.com", "/"},
      {"//example.com", "/"},
      {"/\\example.com", "/"},
      {"https://example.com", "/"},
      {"/search?q=khuoi%20cuong", "/search?q=khuoi%20cuong"},
  };
  for (const auto& cs : cases) {
    c().exec("DELETE FROM login_attempts");
    auto r = login("admin", "ct05-demo", "10.1.1.1", cs.next);
    SCOPED_TRACE(cs.next);
    ASSERT_EQ(r.status, 303);
    EXPECT_EQ(r.header_value("Location"), cs.location);
    int cookies = 0;
    for (const auto& [k, v] : r.headers) cookies += k == "Set-Cookie";
    EXPECT_EQ(cookies, 1);  // the session's, nothing smuggled
  }
}

TEST_F(LoginHardening, NoAnswerLeavesWithALineBreakInAHeader) {
  app_->app().route(
      "GET", "/test/crlf", [](http::Context&) { return http::Response::redirect("/ok\r\nX-Evil: 1"); }, http::Access::kPublic);
  auto r = get("/test/crlf", "127.0.0.1");
  EXPECT_EQ(r.status, 500);
  for (const auto& [k, v] : r.headers) {
    EXPECT_NE(k, "X-Evil");
    EXPECT_EQ(v.find('\n'), std::string::npos);
  }
}

TEST_F(LoginHardening, UnknownLoginsAndWrongPasswordsGetTheSameAnswer) {
  auto unknown = login("khong-co-ai", "sai-mat-khau", "10.2.2.2");
  auto wrong = login("admin", "sai-mat-khau", "10.2.2.2");
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.status, 401);
  EXPECT_NE(unknown.body.find("Tên đăng nhập hoặc mật khẩu không đúng."), std::string::npos);
  EXPECT_NE(wrong.body.find("Tên đăng nhập hoặc mật khẩu không đúng."), std::string::npos);
}

TEST_F(LoginHardening, AGuesserIsHeldBackButTheOwnerIsNotLockedOut) {
  for (int i = 0; i < 5; ++i) EXPECT_EQ(login("nongthuong", "doan-" + std::to_string(i), "203.0.113.7").status, 401);
  auto held = login("nongthuong", "ct05-demo", "203.0.113.7");
  EXPECT_EQ(held.status, 429);  // even the right password, from the guessing address, waits
  EXPECT_NE(held.body.find("thử lại sau 30 giây"), std::string::npos);
  // The wait grows: 30 s after the fifth failure, then longer.
  kernel::set_fixed_time(kernel::now_seconds() + 31);
  EXPECT_EQ(login("nongthuong", "doan-5", "203.0.113.7").status, 401);
  EXPECT_EQ(login("nongthuong", "doan-6", "203.0.113.7").status, 429);
  kernel::set_fixed_time(0);
  // The owner, from their own address, signs in and is told what happened.
  auto unread = notify::count_unread(c(), c().scalar("SELECT id FROM users WHERE login = 'nongthuong'"));
  auto owner = login("nongthuong", "ct05-demo", "198.51.100.20");
  EXPECT_EQ(owner.status, 303);
  auto uid = c().scalar("SELECT id FROM users WHERE login = 'nongthuong'");
  EXPECT_EQ(notify::count_unread(c(), uid), unread + 1);
  auto n = notify::list(c(), uid, 1, 0).front();
  EXPECT_EQ(n.subject, "Có 6 lần nhập sai mật khẩu vào tài khoản nongthuong kể từ lần đăng nhập trước");
  EXPECT_NE(n.body.find("203.0.113.7"), std::string::npos);
}

TEST_F(LoginHardening, BehindAProxyEachClientIsCountedAndOnlyATrustedProxyIsBelieved) {
  // Without a trusted proxy, a client cannot pick the address it is counted under.
  for (int i = 0; i < 30; ++i)
    login("u" + std::to_string(i), "x", "127.0.0.1", "/", {{"x-forwarded-for", "198.51.100." + std::to_string(i)}});
  EXPECT_EQ(login("admin", "ct05-demo", "127.0.0.1", "/", {{"x-forwarded-for", "198.51.100.99"}}).status, 429);
  c().exec("DELETE FROM login_attempts");
  // Behind the configured nginx, thirty failures from one client hold that client only.
  http::AppConfig cfg;
  cfg.trusted_proxies = {"127.0.0.1"};
  app_->app().configure(cfg);
  for (int i = 0; i < 30; ++i) login("u" + std::to_string(i), "x", "127.0.0.1", "/", {{"x-forwarded-for", "203.0.113.50"}});
  EXPECT_EQ(login("admin", "ct05-demo", "127.0.0.1", "/", {{"x-forwarded-for", "203.0.113.50"}}).status, 429);
  EXPECT_EQ(login("admin", "ct05-demo", "127.0.0.1", "/", {{"x-forwarded-for", "203.0.113.51"}}).status, 303);
  EXPECT_EQ(c().scalar("SELECT COUNT(*) FROM login_attempts WHERE ip = '203.0.113.50'"), 30);
  // A spoofed hop before the proxy's own is not believed: the last untrusted hop is the client.
  login("u1", "x", "127.0.0.1", "/", {{"x-forwarded-for", "10.9.9.9, 203.0.113.52"}});
  EXPECT_EQ(c().scalar("SELECT COUNT(*) FROM login_attempts WHERE ip = '203.0.113.52'"), 1);
}

TEST_F(LoginHardening, CookiesAreSecureAndHstsIsSentOverHttps) {
  auto plain = login("admin", "ct05-demo", "10.3.3.3");
  EXPECT_EQ(plain.header_value("Set-Cookie").find("Secure"), std::string::npos);
  EXPECT_EQ(plain.header_value("Strict-Transport-Security"), "");
  // A client claiming HTTPS is not believed without a trusted proxy.
  auto claimed = login("admin", "ct05-demo", "10.3.3.3", "/", {{"x-forwarded-proto", "https"}});
  EXPECT_EQ(claimed.header_value("Set-Cookie").find("Secure"), std::string::npos);
  http::AppConfig cfg;
  cfg.trusted_proxies = {"127.0.0.1"};
  app_->app().configure(cfg);
  auto proxied = login("admin", "ct05-demo", "127.0.0.1", "/", {{"x-forwarded-proto", "https"}, {"x-forwarded-for", "10.3.3.4"}});
  EXPECT_NE(proxied.header_value("Set-Cookie").find("; Secure"), std::string::npos);
  EXPECT_EQ(proxied.header_value("Strict-Transport-Security"), "max-age=31536000");
  cfg = {};
  cfg.https = true;  // serve --public-url https://…
  app_->app().configure(cfg);
  EXPECT_NE(get("/login", "10.3.3.5").header_value("Set-Cookie").find("; Secure"), std::string::npos);
}

TEST_F(LoginHardening, MetricsAreForLoopbackOrTheToken) {
  EXPECT_EQ(get("/metrics", "127.0.0.1").status, 200);
  EXPECT_EQ(get("/metrics", "10.4.4.4").status, 403);
  http::AppConfig cfg;
  cfg.metrics_token = "bi-mat-giam-sat";
  cfg.trusted_proxies = {"127.0.0.1"};
  app_->app().configure(cfg);
  EXPECT_EQ(get("/metrics", "10.4.4.4", {{"authorization", "Bearer bi-mat-giam-sat"}}).status, 200);
  EXPECT_EQ(get("/metrics", "10.4.4.4", {{"authorization", "Bearer sai"}}).status, 403);
  // Through the proxy, an outside client is not loopback.
  EXPECT_EQ(get("/metrics", "127.0.0.1", {{"x-forwarded-for", "203.0.113.9"}}).status, 403);
}

}  // namespace
}  // namespace ct05
