// Meetings through the pages and the API as their users reach them: the cell officer records a meeting with
// attendance, a bad form comes back with its messages and what was typed, the API refuses what the pages
// refuse, and the year-end review through the pages locks the ratings until the commune reopens the year.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "kernel/clock.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "support/demo_suite.hpp"

namespace ct05 {
namespace {

class MeetingsWeb : public testing::DemoSuite<MeetingsWeb> {
 protected:
  static std::int64_t unit(const std::string& code) { return org::find_unit_by_code(c(), code)->id; }
  static std::string member_ids(std::int64_t unit_id, const std::string& absent_reason) {
    std::string form;
    bool first = true;
    for (const auto& r : c().query("SELECT person_id FROM memberships WHERE unit_id = $1 AND valid_to IS NULL "
                                   "AND valid_from <= '2020-12-28' ORDER BY person_id",
                                   {unit_id})) {
      auto id = std::to_string(r.i64(0));
      form += "&member=" + id;
      if (first) form += "&reason_" + id + "=" + absent_reason;  // the first is absent
      else form += "&present_" + id + "=1";
      first = false;
    }
    return form;
  }
};

TEST_F(MeetingsWeb, TheCellOfficerRecordsAMeetingWithAttendance) {
  auto cell = unit("CB-KHUOICUONG");
  auto b = app_->browser_for("khuoicuong");
  std::string base = "held_on=2020-12-28&kind=dinh_ky&topic=Ki%E1%BB%83m+%C4%91i%E1%BB%83m+cu%E1%BB%91i+n%C4%83m"
                     "&story_told=1&story_title=Chi%E1%BA%BFc+%C4%91%E1%BB%93ng+h%E1%BB%93";
  // Without the CSRF token nothing is recorded.
  auto before = c().scalar("SELECT COUNT(*) FROM meetings WHERE unit_id = $1", {cell});
  EXPECT_EQ(app_->post("/units/" + std::to_string(cell) + "/meetings", base, &b, false).status, 403);
  // A missing topic comes back with its message, keeping the story typed.
  auto bad = app_->post("/units/" + std::to_string(cell) + "/meetings", "held_on=2020-12-28&kind=dinh_ky&story_told=1&story_title=X", &b);
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Vui lòng nhập nội dung, chủ đề buổi sinh hoạt."), std::string::npos);
  EXPECT_NE(bad.body.find("value=\"X\""), std::string::npos);
  EXPECT_EQ(c().scalar("SELECT COUNT(*) FROM meetings WHERE unit_id = $1", {cell}), before);

  auto r = app_->post("/units/" + std::to_string(cell) + "/meetings", base + member_ids(cell, "%E1%BB%90m"), &b);
  ASSERT_EQ(r.status, 303);
  auto page = app_->get(r.header_value("Location"), &b);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Kiểm điểm cuối năm"), std::string::npos);
  EXPECT_NE(page.body.find("“Chiếc đồng hồ”"), std::string::npos);
  EXPECT_NE(page.body.find(": Ốm"), std::string::npos);
  auto members = c().scalar("SELECT COUNT(*) FROM memberships WHERE unit_id = $1 AND valid_to IS NULL AND valid_from <= '2020-12-28'", {cell});
  EXPECT_NE(page.body.find(std::to_string(members - 1) + "/" + std::to_string(members) + " người"), std::string::npos);
  // December is held now: the cell is no longer behind for 2020.
  auto cal = app_->get("/units/" + std::to_string(cell) + "/meetings?year=2020", &b);
  EXPECT_NE(cal.body.find("<b class=\"held-figure\">12/12</b>"), std::string::npos);

  // A member of the cell sees the meeting but not who was absent nor why (personal, often health).
  auto db = app_->browser_for("dangvien");
  auto as_member = app_->get(r.header_value("Location"), &db);
  EXPECT_EQ(as_member.status, 200);
  EXPECT_EQ(as_member.body.find(": Ốm"), std::string::npos);
  EXPECT_NE(as_member.body.find("Kiểm điểm cuối năm"), std::string::npos);
  // A leader reads the meeting but cannot record one, in the pages or the API.
  auto lb = app_->browser_for("lanhdao");
  EXPECT_EQ(app_->get(r.header_value("Location"), &lb).status, 200);
  EXPECT_EQ(app_->post("/units/" + std::to_string(cell) + "/meetings", base, &lb).status, 403);
  nlohmann::json body{{"unit_id", cell}, {"held_on", "2020-12-29"}, {"kind", "chuyen_de"}, {"topic", "Chuyên đề"}};
  EXPECT_EQ(app_->api("POST", "/api/v1/meetings", app_->token_for("lanhdao"), body.dump()).status, 403);
  auto created = app_->api("POST", "/api/v1/meetings", app_->token_for("khuoicuong"), body.dump());
  EXPECT_EQ(created.status, 201);
  EXPECT_EQ(nlohmann::json::parse(created.body)["kind"], "chuyen_de");
  // The commune officer above lists them; the cell officer cannot read a sibling committee's.
  auto listed = app_->api("GET", "/api/v1/meetings?unit=" + std::to_string(cell) + "&year=2020", app_->token_for("nongthuong"));
  EXPECT_EQ(nlohmann::json::parse(listed.body)["items"].size(), 14u);  // 11 periodic, May's thematic, and the two above
  EXPECT_EQ(app_->api("GET", "/api/v1/meetings?unit=" + std::to_string(unit("DB-SONGCAU")) + "&year=2020",
                      app_->token_for("khuoicuong")).status, 403);
  auto summary = nlohmann::json::parse(
      app_->api("GET", "/api/v1/meetings/summary?unit=" + std::to_string(cell) + "&year=2020", app_->token_for("khuoicuong")).body);
  EXPECT_EQ(summary["expected"], 12);
  EXPECT_EQ(summary["held"], 12);
}

TEST_F(MeetingsWeb, TheYearEndReviewLocksRatingsUntilTheCommuneReopens) {
  auto cell = unit("CB-KHUOICUONG");
  auto b = app_->browser_for("khuoicuong");
  auto token = app_->token_for("khuoicuong");
  auto meeting = c().scalar("SELECT MAX(id) FROM meetings WHERE unit_id = $1 AND held_on LIKE '2020-%'", {cell});
  // A member's commitment that was assessed by the member and is accepted.
  auto plan = c().scalar("SELECT e.plan_id FROM evaluations e JOIN plans p ON p.id = e.plan_id WHERE e.unit_id = $1 "
                         "AND e.year = 2020 AND e.self_rating IS NOT NULL AND e.rating IS NULL AND p.person_id <> "
                         "(SELECT person_id FROM users WHERE login = 'khuoicuong') ORDER BY e.plan_id LIMIT 1",
                         {cell});
  std::string rate = "rating=tot&comment=&meeting_id=" + std::to_string(meeting);
  ASSERT_EQ(app_->post("/plans/" + std::to_string(plan) + "/rating", rate, &b).status, 303);
  auto lock = app_->post("/units/" + std::to_string(cell) + "/year-review", "year=2020&meeting_id=" + std::to_string(meeting), &b);
  ASSERT_EQ(lock.status, 303);
  // Locked: the page refuses with the reason, the API with 409; the rating stays.
  auto again = app_->post("/plans/" + std::to_string(plan) + "/rating", "rating=xuat_sac&meeting_id=" + std::to_string(meeting), &b);
  EXPECT_EQ(again.status, 409);
  EXPECT_NE(again.body.find("đã khóa sau kiểm điểm cuối năm"), std::string::npos);
  nlohmann::json body{{"plan_id", plan}, {"rating", "xuat_sac"}, {"meeting_id", meeting}};
  EXPECT_EQ(app_->api("POST", "/api/v1/evaluations", token, body.dump()).status, 409);
  auto ev = nlohmann::json::parse(app_->api("GET", "/api/v1/evaluations/" + std::to_string(plan), token).body);
  EXPECT_EQ(ev["rating"], "tot");
  // The cell cannot reopen its own year; the commune must give a reason.
  EXPECT_EQ(app_->post("/units/" + std::to_string(cell) + "/year-review/reopen", "year=2020&reason=x", &b).status, 403);
  auto nb = app_->browser_for("nongthuong");
  EXPECT_EQ(app_->post("/units/" + std::to_string(cell) + "/year-review/reopen", "year=2020&reason=", &nb).status, 422);
  EXPECT_EQ(app_->post("/units/" + std::to_string(cell) + "/year-review/reopen", "year=2020&reason=B%E1%BB%95+sung", &nb).status, 303);
  EXPECT_EQ(app_->api("POST", "/api/v1/evaluations", token, body.dump()).status, 200);
  auto review = nlohmann::json::parse(
      app_->api("GET", "/api/v1/year-reviews?unit=" + std::to_string(cell) + "&year=2020", token).body);
  EXPECT_EQ(review["locked"], false);
  EXPECT_EQ(review["reopen_reason"], "Bổ sung");
}

}  // namespace
}  // namespace ct05
