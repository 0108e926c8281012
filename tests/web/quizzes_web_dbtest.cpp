// Quizzes through the pages as their users reach them: a member's answers saved by htmx as they are chosen
// (and refused, with the reason in the fragment, after the deadline), the results' XLSX for officers only,
// and a citizen taking the public round without an account.
#include <regex>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "kernel/clock.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "support/demo_suite.hpp"

namespace ct05 {
namespace {

std::string capture(const std::string& text, const std::string& pattern) {
  std::smatch m;
  return std::regex_search(text, m, std::regex(pattern)) ? m[1].str() : "";
}

class QuizzesWeb : public testing::DemoSuite<QuizzesWeb> {
 protected:
  static void TearDownTestSuite() {
    DemoSuite::TearDownTestSuite();
    kernel::set_fixed_time(0);
  }
  static std::int64_t open_round() { return c().scalar("SELECT MAX(id) FROM quiz_rounds WHERE public = 1"); }
  static http::Response send(const std::string& method, const std::string& path, const std::string& body,
                             const std::string& cookie, bool htmx = false) {
    http::Request r;
    r.method = method;
    r.path = path;
    r.remote_ip = "203.0.113.7";
    r.body = body;
    r.headers["content-type"] = "application/x-www-form-urlencoded";
    if (!cookie.empty()) r.headers["cookie"] = cookie;
    if (htmx) r.headers["hx-request"] = "true";
    return app_->app().handle(r);
  }
};

TEST_F(QuizzesWeb, AnswersAreSavedAsTheyAreChosenUntilTheDeadline) {
  auto b = app_->browser_for("dangvien");
  auto round = open_round();
  auto start = app_->post("/quiz-rounds/" + std::to_string(round) + "/start", "", &b);
  ASSERT_EQ(start.status, 303);
  std::string attempt = start.header_value("Location");
  auto page = app_->get(attempt, &b);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("hx-post=\"" + attempt + "/answers\""), std::string::npos);
  // An htmx save posts the form: the fragment says it is saved.
  std::string form = "pos=1&q1=0&pos=2&_csrf=" + b.csrf;
  auto saved = send("POST", attempt + "/answers", form, b.cookie, true);
  EXPECT_EQ(saved.status, 200);
  EXPECT_NE(saved.body.find("Đã lưu"), std::string::npos);
  EXPECT_EQ(saved.body.find("<html"), std::string::npos);  // a fragment, not a page
  // Without the CSRF token nothing is saved.
  EXPECT_EQ(send("POST", attempt + "/answers", "pos=2&q2=1", b.cookie, true).status, 403);
  auto id = std::stoll(attempt.substr(attempt.rfind('/') + 1));
  EXPECT_EQ(c().scalar("SELECT COUNT(*) FROM quiz_attempt_questions WHERE attempt_id = $1 AND answer IS NOT NULL", {id}), 2);
  // Someone else cannot answer in this attempt.
  auto other = app_->browser_for("khuoicuong");
  EXPECT_EQ(send("POST", attempt + "/answers", "pos=1&q1=1&_csrf=" + other.csrf, other.cookie, true).status, 403);
  // After the deadline the server refuses, and says why in the fragment.
  kernel::set_fixed_time(kernel::now_seconds() + 16 * 60);
  auto late = send("POST", attempt + "/answers", "pos=3&q3=0&_csrf=" + b.csrf, b.cookie, true);
  EXPECT_EQ(late.status, 409);
  EXPECT_NE(late.body.find("Đã hết giờ làm bài"), std::string::npos);
  auto done = app_->get(attempt, &b);
  EXPECT_NE(done.body.find("Kết quả:"), std::string::npos);
  kernel::set_fixed_time(0);
}

TEST_F(QuizzesWeb, ResultsDownloadForOfficersOnly) {
  auto past = c().scalar("SELECT MIN(id) FROM quiz_rounds");
  auto nb = app_->browser_for("nongthuong");
  auto x = app_->get("/quiz-rounds/" + std::to_string(past) + "/results.xlsx", &nb);
  ASSERT_EQ(x.status, 200);
  EXPECT_EQ(x.header_value("Content-Type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(x.body.substr(0, 4), std::string("PK\x03\x04", 4));
  auto page = app_->get("/quiz-rounds/" + std::to_string(past), &nb);
  EXPECT_NE(page.body.find("class=\"participation\">63/106</b>"), std::string::npos);
  auto member = app_->browser_for("dangvien");
  EXPECT_EQ(app_->get("/quiz-rounds/" + std::to_string(past) + "/results.xlsx", &member).status, 403);
  EXPECT_EQ(app_->get("/quiz-rounds/" + std::to_string(past), &member).body.find("Tải kết quả"), std::string::npos);
  auto bank = app_->get("/units/" + std::to_string(org::find_unit_by_code(c(), "TU-BACKAN")->id) + "/questions.xlsx",
                        &member);
  EXPECT_EQ(bank.status, 403);
}

TEST_F(QuizzesWeb, ACitizenTakesThePublicRoundWithoutAnAccount) {
  auto round = std::to_string(open_round());
  auto form = send("GET", "/quiz/" + round, "", "");
  ASSERT_EQ(form.status, 200);
  std::string cookie = capture(form.header_value("Set-Cookie"), "^([^;]+)");
  std::string csrf = capture(form.body, "name=\"_csrf\" value=\"([0-9a-f]+)\"");
  ASSERT_FALSE(csrf.empty());
  auto missing = send("POST", "/quiz/" + round, "_csrf=" + csrf + "&name=&commune=", cookie);
  EXPECT_EQ(missing.status, 422);
  EXPECT_NE(missing.body.find("Vui lòng nhập họ và tên."), std::string::npos);
  auto started = send("POST", "/quiz/" + round, "_csrf=" + csrf + "&name=H%C3%A0+V%C4%83n+Em&commune=N%C3%B4ng+Th%C6%B0%E1%BB%A3ng", cookie);
  ASSERT_EQ(started.status, 303);
  std::string attempt = started.header_value("Location");
  EXPECT_EQ(attempt.rfind("/quiz/attempts/", 0), 0u);
  auto page = send("GET", attempt, "", cookie);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Hà Văn Em"), std::string::npos);
  auto result = send("POST", attempt + "/submit", "_csrf=" + csrf + "&pos=1&q1=0", cookie);
  ASSERT_EQ(result.status, 303);
  EXPECT_NE(send("GET", attempt, "", cookie).body.find("Kết quả:"), std::string::npos);
  EXPECT_EQ(send("GET", "/quiz/attempts/khongco", "", "").status, 404);
  // A round that is not public is not reachable without an account.
  auto past = c().scalar("SELECT MIN(id) FROM quiz_rounds");
  EXPECT_EQ(send("GET", "/quiz/" + std::to_string(past), "", "").status, 404);
}

}  // namespace
}  // namespace ct05
