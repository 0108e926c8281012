// A retried write does not write twice (issue 16, D32), on both engines: an API POST sent again with its
// Idempotency-Key gets the first answer back and makes one row; the key on another request is refused; a write that
// committed but whose answer was lost (the server killed in between) is not done again on the retry; a form sent
// twice with its one-time "_once" value makes one record and answers the same redirect; a code shown once is not
// kept for the replay.
#include <stdexcept>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "modules/org/storage/unit_store.hpp"
#include "support/http_client.hpp"
#include "support/test_db.hpp"

namespace ct05 {
namespace {

class Idempotency : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new testing::TestDb();
    db_->load_demo();
    app_ = new testing::AppHarness(db_->url());
  }
  static void TearDownTestSuite() {
    delete app_;
    delete db_;
  }
  static std::int64_t unit(const std::string& code) { return org::find_unit_by_code(db_->conn(), code)->id; }
  static std::int64_t people_named(const std::string& name) {
    return db_->conn().scalar("SELECT COUNT(*) FROM persons WHERE full_name = $1", {name});
  }
  static http::Response api(const std::string& method, const std::string& path, const std::string& token, const std::string& body,
                            const std::string& key) {
    http::Request r;
    r.method = method;
    r.path = path;
    r.remote_ip = "127.0.0.1";
    r.headers["authorization"] = "Bearer " + token;
    r.headers["content-type"] = "application/json";
    if (!key.empty()) r.headers["idempotency-key"] = key;
    r.body = body;
    return app_->app().handle(r);
  }
  static std::string person_json(const std::string& name) {
    return R"({"full_name":")" + name + R"(","gender":"nam","birth_year":1988,"unit_id":)" +
           std::to_string(unit("CB-KHUOICUONG")) + "}";
  }
  static testing::TestDb* db_;
  static testing::AppHarness* app_;
};
testing::TestDb* Idempotency::db_ = nullptr;
testing::AppHarness* Idempotency::app_ = nullptr;

TEST_F(Idempotency, AnApiRetryWithItsKeyGetsTheFirstAnswerAndWritesOnce) {
  auto token = app_->token_for("khuoicuong");
  auto first = api("POST", "/api/v1/people", token, person_json("Lục Văn Hưng"), "tao-nguoi-0001");
  ASSERT_EQ(first.status, 201) << first.body;
  auto retry = api("POST", "/api/v1/people", token, person_json("Lục Văn Hưng"), "tao-nguoi-0001");
  EXPECT_EQ(retry.status, 201);
  EXPECT_EQ(retry.body, first.body);
  EXPECT_EQ(retry.header_value("Idempotent-Replayed"), "true");
  EXPECT_EQ(people_named("Lục Văn Hưng"), 1);
  // The same key on another body is a mistake of the client, not a retry.
  auto other = api("POST", "/api/v1/people", token, person_json("Lục Thị Hoa"), "tao-nguoi-0001");
  EXPECT_EQ(other.status, 422);
  EXPECT_NE(other.body.find("Idempotency-Key"), std::string::npos);
  EXPECT_EQ(people_named("Lục Thị Hoa"), 0);
  // Keys belong to their account: another officer's same key is another request.
  auto commune = api("POST", "/api/v1/people", app_->token_for("nongthuong"), person_json("Lục Văn Hưng"), "tao-nguoi-0001");
  EXPECT_EQ(commune.status, 201);
  EXPECT_EQ(commune.header_value("Idempotent-Replayed"), "");
  EXPECT_EQ(people_named("Lục Văn Hưng"), 2);
  // Without a key, two sends are two requests (as before); a malformed key is refused and nothing is written.
  EXPECT_EQ(api("POST", "/api/v1/people", token, person_json("Ma Văn Tiến"), "").status, 201);
  EXPECT_EQ(api("POST", "/api/v1/people", token, person_json("Ma Văn Tiến"), "").status, 201);
  EXPECT_EQ(people_named("Ma Văn Tiến"), 2);
  EXPECT_EQ(api("POST", "/api/v1/people", token, person_json("Ma Thị Ngọc Khuê"), "khóa có dấu").status, 422);
  EXPECT_EQ(people_named("Ma Thị Ngọc Khuê"), 0);
}

TEST_F(Idempotency, AWriteThatCommittedButLostItsAnswerIsNotDoneAgain) {
  // A route of this test: it writes and commits, then dies before answering, as a server killed after its commit.
  static int calls = 0;
  app_->app().route("POST", "/api/v1/test-crash-after-commit", [](http::Context& ctx) -> http::Response {
    ++calls;
    db::in_transaction(ctx.db(), [&] {
      ctx.db().exec("INSERT INTO readiness (checked_at) VALUES ('crash-test')");
    });
    throw std::runtime_error("killed after commit");
  });
  auto token = app_->token_for("khuoicuong");
  auto first = api("POST", "/api/v1/test-crash-after-commit", token, "{}", "ghi-roi-mat-tra-loi");
  EXPECT_EQ(first.status, 500);
  auto retry = api("POST", "/api/v1/test-crash-after-commit", token, "{}", "ghi-roi-mat-tra-loi");
  EXPECT_EQ(retry.status, 409);
  EXPECT_NE(retry.body.find("đã được thực hiện"), std::string::npos);
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(db_->conn().scalar("SELECT COUNT(*) FROM readiness WHERE checked_at = 'crash-test'"), 1);
  db_->conn().exec("DELETE FROM readiness WHERE checked_at = 'crash-test'");
}

TEST_F(Idempotency, AFailureBeforeTheCommitLeavesTheKeyFreeForTheRetry) {
  static int calls = 0;
  app_->app().route("POST", "/api/v1/test-fail-before-commit", [](http::Context& ctx) -> http::Response {
    if (++calls == 1) throw std::runtime_error("the database went away");
    return http::Response::json(R"({"ok":true})", 201);
  });
  auto token = app_->token_for("khuoicuong");
  EXPECT_EQ(api("POST", "/api/v1/test-fail-before-commit", token, "{}", "thu-lai-duoc").status, 500);
  auto retry = api("POST", "/api/v1/test-fail-before-commit", token, "{}", "thu-lai-duoc");
  EXPECT_EQ(retry.status, 201);
  EXPECT_EQ(retry.header_value("Idempotent-Replayed"), "");
  EXPECT_EQ(calls, 2);
}

TEST_F(Idempotency, AFormSentTwiceWithItsOnceValueMakesOneRecord) {
  auto cell = app_->browser_for("khuoicuong");
  std::string form = "full_name=N%C3%B4ng+V%C4%83n+Th%C3%A0nh&gender=nam&birth_year=1979&unit_id=" +
                     std::to_string(unit("CB-KHUOICUONG")) + "&_once=3f2a9c0d1e7b4a5f8c6d2e1b0a9f8e7d";
  auto first = app_->post("/people", form, &cell);
  ASSERT_EQ(first.status, 303) << first.body.substr(0, 500);
  auto again = app_->post("/people", form, &cell);  // a double click, or "back" and send again
  EXPECT_EQ(again.status, 303);
  EXPECT_EQ(again.header_value("Location"), first.header_value("Location"));
  EXPECT_EQ(people_named("Nông Văn Thành"), 1);
  // A new visit of the form (a new value) is a new person, as the officer meant.
  auto next = app_->post("/people", form.substr(0, form.find("&_once=")) + "&_once=0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e", &cell);
  EXPECT_EQ(next.status, 303);
  EXPECT_EQ(people_named("Nông Văn Thành"), 2);
  // Every page of a signed-in person loads the script that adds the value to its forms.
  EXPECT_NE(app_->get("/inbox", &cell).body.find("/static/forms.js?v="), std::string::npos);
  EXPECT_EQ(app_->get("/static/forms.js").status, 200);
}

TEST_F(Idempotency, ACodeShownOnceIsNotKeptForTheReplay) {
  auto token = app_->token_for("admin");
  auto account = db_->conn().scalar("SELECT id FROM users WHERE login = 'dangvien'");
  auto path = "/api/v1/accounts/" + std::to_string(account) + "/reset";
  auto codes = [&] { return db_->conn().scalar("SELECT COUNT(*) FROM activation_codes WHERE user_id = $1", {account}); };
  auto before = codes();
  auto first = api("POST", path, token, "", "dat-lai-dangvien");
  ASSERT_EQ(first.status, 201) << first.body;
  std::string code = nlohmann::json::parse(first.body)["code"];
  auto retry = api("POST", path, token, "", "dat-lai-dangvien");
  EXPECT_EQ(retry.status, 409);
  EXPECT_EQ(retry.body.find(code), std::string::npos);
  EXPECT_EQ(db_->conn().scalar("SELECT COUNT(*) FROM idempotency_keys WHERE idem_key = 'dat-lai-dangvien' AND body IS NULL"), 1);
  // One code was issued, not two (a second would supersede the one the officer wrote down).
  EXPECT_EQ(codes(), before + 1);
}

}  // namespace
}  // namespace ct05
