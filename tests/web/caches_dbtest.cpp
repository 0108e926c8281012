// What the web layer keeps for a moment (the principal behind a session, the dashboard's body) never hides
// a change made through ct05: a new grant, a logout and an accepted plan show on the very next request.
#include <regex>

#include <gtest/gtest.h>

#include "modules/org/storage/unit_store.hpp"
#include "modules/plans/storage/plan_store.hpp"
#include "platform/auth/accounts.hpp"
#include "support/http_client.hpp"
#include "support/test_db.hpp"

namespace ct05 {
namespace {

class Caches : public ::testing::Test {
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
  static org::Unit unit(const std::string& code) { return *org::find_unit_by_code(db_->conn(), code); }
  static testing::TestDb* db_;
  static testing::AppHarness* app_;
};
testing::TestDb* Caches::db_ = nullptr;
testing::AppHarness* Caches::app_ = nullptr;

TEST_F(Caches, AGrantTakesEffectOnTheNextRequest) {
  auto& c = db_->conn();
  auto id = auth::create_user(c, "moi.nhan.viec", "mat-khau-du-dai", "Người mới nhận việc", 0);
  ASSERT_TRUE(id);
  auto b = app_->browser_for("moi.nhan.viec");
  auto cell = unit("CB-KHUOICUONG");
  std::string url = "/units/" + std::to_string(cell.id);
  EXPECT_EQ(app_->get(url, &b).status, 403);
  EXPECT_EQ(app_->get(url, &b).status, 403);  // asked twice: the second answer may come from memory
  org::grant_role(c, auth::system_principal(), *id, auth::Role::kPhuTrach, cell.id);
  EXPECT_EQ(app_->get(url, &b).status, 200);
}

TEST_F(Caches, LogoutEndsTheSessionAtOnce) {
  auto b = app_->browser_for("khuoicuong");
  std::string url = "/units/" + std::to_string(unit("CB-KHUOICUONG").id);
  ASSERT_EQ(app_->get(url, &b).status, 200);
  ASSERT_EQ(app_->get(url, &b).status, 200);
  auto out = app_->post("/logout", "", &b);
  EXPECT_EQ(out.status, 303);
  auto after = app_->get(url, &b);
  EXPECT_EQ(after.status, 303);  // back to the login page
}

TEST_F(Caches, TheDashboardMovesAsSoonAsAPlanIsAccepted) {
  auto b = app_->browser_for("nongthuong");
  auto commune = unit("DB-NONGTHUONG");
  std::string url = "/units/" + std::to_string(commune.id) + "/dashboard?year=2020";
  auto accepted = [&] {
    auto res = app_->get(url, &b);
    EXPECT_EQ(res.status, 200);
    std::smatch m;
    std::regex done(R"re(data-key="plans">\d+%</div>\s*<div class="small">(\d+) / (\d+))re");
    EXPECT_TRUE(std::regex_search(res.body, m, done)) << "the plan figure is on the page";
    return m.size() > 1 ? std::stoi(m[1]) : -1;
  };
  int before = accepted();
  EXPECT_EQ(accepted(), before);
  auto plan = plans::find_unit_plan(db_->conn(), unit("CB-NANANG").id, 2020);
  ASSERT_TRUE(plan);
  ASSERT_EQ(plan->status, plans::Status::kSubmitted);
  auto ok = plans::transition(db_->conn(), auth::system_principal(), plan->id, plans::Transition::kAccept, "");
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(accepted(), before + 1);
}

}  // namespace
}  // namespace ct05
