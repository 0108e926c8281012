// The main pages, rendered from the demo data with a fixed clock, compared with reviewed files in
// tests/golden/. UPDATE_GOLDEN=1 rewrites them (review the diff before committing).
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

#include <gtest/gtest.h>

#include "kernel/clock.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "support/http_client.hpp"
#include "support/test_db.hpp"

namespace ct05 {
namespace {

// 2026-11-25 08:00 in Vietnam.
constexpr std::int64_t kFixedTime = 1795568400;

std::string normalize(std::string html) {
  // Random per-session tokens and the asset build hash are the only parts that change between runs.
  html = std::regex_replace(html, std::regex("[0-9a-f]{48}"), "CSRF-TOKEN");
  html = std::regex_replace(html, std::regex("\\?v=[0-9a-f]{10}"), "?v=ASSETS");
  return html;
}

class GoldenPages : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    kernel::set_fixed_time(kFixedTime);
    db_ = new testing::TestDb();
    db_->load_demo();
    app_ = new testing::AppHarness(db_->url());
  }
  static void TearDownTestSuite() {
    delete app_;
    delete db_;
    kernel::set_fixed_time(0);
  }
  static std::string unit_url(const std::string& code) {
    return "/units/" + std::to_string(org::find_unit_by_code(db_->conn(), code)->id);
  }
  static std::string person_url(const std::string& name) {
    return "/people/" + std::to_string(db_->conn().scalar("SELECT id FROM persons WHERE full_name = $1", {name}));
  }
  static void check(const std::string& name, const http::Response& r, int status) {
    EXPECT_EQ(r.status, status) << name;
    std::string path = std::string(CT05_GOLDEN_DIR) + "/" + name + ".html";
    std::string got = normalize(r.body);
    if (std::getenv("UPDATE_GOLDEN")) {
      std::ofstream(path) << got;
      return;
    }
    std::ifstream in(path);
    ASSERT_TRUE(in) << "missing golden file " << path << " (run with UPDATE_GOLDEN=1 and review it)";
    std::stringstream want;
    want << in.rdbuf();
    if (got == want.str()) return;
    // Report the first differing line rather than two whole pages.
    std::istringstream a(got), b(want.str());
    std::string la, lb;
    int line = 1;
    while (std::getline(a, la) && std::getline(b, lb) && la == lb) ++line;
    ADD_FAILURE() << "page " << name << " differs from " << path << " at line " << line << "\n got:  " << la
                  << "\n want: " << lb << "\n(UPDATE_GOLDEN=1 rewrites the file; review the diff)";
  }
  static testing::TestDb* db_;
  static testing::AppHarness* app_;
};
testing::TestDb* GoldenPages::db_ = nullptr;
testing::AppHarness* GoldenPages::app_ = nullptr;

TEST_F(GoldenPages, Login) { check("login", app_->get("/login"), 200); }

TEST_F(GoldenPages, CellOfficersUnitPage) {
  auto b = app_->browser_for("khuoicuong");
  check("unit_khuoicuong", app_->get(unit_url("CB-KHUOICUONG"), &b), 200);
}

TEST_F(GoldenPages, AdminsRootPage) {
  auto b = app_->browser_for("admin");
  check("unit_root_admin", app_->get(unit_url("TU-BACKAN"), &b), 200);
}

TEST_F(GoldenPages, PersonWithSensitiveFields) {
  auto b = app_->browser_for("khuoicuong");
  check("person_officer", app_->get(person_url("Lường Thị Thời"), &b), 200);
}

TEST_F(GoldenPages, PersonForALeaderWithoutSensitiveFields) {
  auto b = app_->browser_for("lanhdao");
  check("person_leader", app_->get(person_url("Lường Thị Thời"), &b), 200);
}

TEST_F(GoldenPages, SearchWithoutDiacritics) {
  auto b = app_->browser_for("nongthuong");
  check("search_khuoi_cuong", app_->get("/search?q=khuoi+cuong", &b), 200);
}

TEST_F(GoldenPages, ForbiddenPage) {
  auto b = app_->browser_for("khuoicuong");
  check("forbidden", app_->get(unit_url("TU-BACKAN"), &b), 403);
}

TEST_F(GoldenPages, PersonFormWithErrorsKeepsWhatWasTyped) {
  auto b = app_->browser_for("khuoicuong");
  auto cell = org::find_unit_by_code(db_->conn(), "CB-KHUOICUONG")->id;
  auto r = app_->post("/people", "unit_id=" + std::to_string(cell) + "&full_name=&birth_year=1985&phone=123&ethnicity=T%C3%A0y", &b);
  check("person_form_errors", r, 422);
}

TEST_F(GoldenPages, UnitEditForm) {
  auto b = app_->browser_for("nongthuong");
  check("unit_edit", app_->get(unit_url("CB-NANANG") + "/edit", &b), 200);
}

TEST_F(GoldenPages, CoverageDashboard) {
  auto b = app_->browser_for("nongthuong");
  check("dashboard_nongthuong", app_->get(unit_url("DB-NONGTHUONG") + "/dashboard?year=2020", &b), 200);
}

TEST_F(GoldenPages, PlanWaitingForReview) {
  auto b = app_->browser_for("nongthuong");
  auto r = app_->get(unit_url("CB-NANANG") + "/plan?year=2020", &b);
  ASSERT_EQ(r.status, 303);
  check("plan_review", app_->get(r.header_value("Location"), &b), 200);
}

TEST_F(GoldenPages, CellMeetingsCalendar) {
  auto b = app_->browser_for("khuoicuong");
  check("meetings_khuoicuong", app_->get(unit_url("CB-KHUOICUONG") + "/meetings?year=2020", &b), 200);
}

TEST_F(GoldenPages, MeetingWithAttendanceAndStory) {
  auto b = app_->browser_for("khuoicuong");
  auto cell = org::find_unit_by_code(db_->conn(), "CB-KHUOICUONG")->id;
  auto id = db_->conn().scalar("SELECT id FROM meetings WHERE unit_id = $1 AND held_on = '2020-11-04'", {cell});
  check("meeting_khuoicuong", app_->get("/meetings/" + std::to_string(id), &b), 200);
}

TEST_F(GoldenPages, MeetingsAndRatingsDashboard) {
  auto b = app_->browser_for("nongthuong");
  check("meetings_dashboard_nongthuong", app_->get(unit_url("DB-NONGTHUONG") + "/meetings/dashboard?year=2020", &b), 200);
}

TEST_F(GoldenPages, SubtreeMeetingsOfAMonth) {
  auto b = app_->browser_for("nongthuong");
  check("meetings_calendar_nongthuong", app_->get(unit_url("DB-NONGTHUONG") + "/meetings/calendar?month=2020-05", &b), 200);
}

TEST_F(GoldenPages, EvaluationsBeforeTheYearEndReview) {
  auto b = app_->browser_for("khuoicuong");
  check("evaluations_khuoicuong", app_->get(unit_url("CB-KHUOICUONG") + "/evaluations?year=2020", &b), 200);
}

TEST_F(GoldenPages, EthicsStandardsForTheOfficer) {
  auto b = app_->browser_for("nongthuong");
  check("ethics_nongthuong", app_->get(unit_url("DB-NONGTHUONG") + "/ethics", &b), 200);
}

TEST_F(GoldenPages, LiveDrawTreeOfFlowers) {
  auto b = app_->browser_for("khuoicuong");
  auto& c = db_->conn();
  auto draw = c.scalar("SELECT MIN(id) FROM draw_sessions");
  auto pick = c.scalar("SELECT id FROM draw_picks WHERE session_id = $1 AND position = 2", {draw});
  check("draw_khuoicuong", app_->get("/draws/" + std::to_string(draw) + "?pick=" + std::to_string(pick), &b), 200);
}

TEST_F(GoldenPages, QuizRoundResultsForTheCommune) {
  auto b = app_->browser_for("nongthuong");
  auto round = db_->conn().scalar("SELECT MIN(id) FROM quiz_rounds");
  check("quiz_round_nongthuong", app_->get("/quiz-rounds/" + std::to_string(round), &b), 200);
}

TEST_F(GoldenPages, PublicQuizRound) {
  auto round = db_->conn().scalar("SELECT MAX(id) FROM quiz_rounds WHERE public = 1");
  check("quiz_public", app_->get("/quiz/" + std::to_string(round)), 200);
}

TEST_F(GoldenPages, VillagePageForTheCommuneOfficer) {
  auto b = app_->browser_for("nongthuong");
  check("village_khuoicuong", app_->get(unit_url("THON-KHUOICUONG") + "/village?year=2020", &b), 200);
}

TEST_F(GoldenPages, VillagesOfTheCommune) {
  auto b = app_->browser_for("nongthuong");
  check("villages_nongthuong", app_->get(unit_url("XA-NONGTHUONG") + "/villages?year=2020", &b), 200);
}

TEST_F(GoldenPages, AssessmentOfNaNangAgainstThe2021Set) {
  auto b = app_->browser_for("nongthuong");
  auto id = db_->conn().scalar("SELECT a.id FROM village_assessments a JOIN units u ON u.id = a.village_id "
                               "WHERE u.code = 'THON-NANANG' AND a.year = 2021");
  check("assessment_nanang", app_->get("/village-assessments/" + std::to_string(id), &b), 200);
}

}  // namespace
}  // namespace ct05
