// Personal data shown only to those entitled, and every display of it logged (issue 16), on both engines: the edit
// form, the record page, the API and the unit's member list each write one "person.read" saying what was shown and
// where; such an entry does not make the cached pages be built again; a party member's search finds the units they
// may open, not fellow members' records (which would answer 403); the register's API gives a citizen's contact only
// to the unit's officers, and logs it.
#include <algorithm>
#include <tuple>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "modules/org/storage/unit_store.hpp"
#include "platform/audit/audit.hpp"
#include "support/http_client.hpp"
#include "support/test_db.hpp"

namespace ct05 {
namespace {

class PersonalData : public ::testing::Test {
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
  static std::int64_t person(const std::string& name) {
    return db_->conn().scalar("SELECT id FROM persons WHERE full_name = $1 ORDER BY id LIMIT 1", {name});
  }
  // The newest audit entry of this action: {actor, entity id, after}.
  static std::tuple<std::string, std::int64_t, nlohmann::json> last(const std::string& action) {
    auto r = db_->conn().query_one("SELECT actor, entity_id, after_json FROM audit_log WHERE action = $1 ORDER BY id DESC LIMIT 1",
                                   {action});
    if (!r) return {"", 0, nullptr};
    return {r->str(0), r->i64(1), nlohmann::json::parse(r->str(2))};
  }
  static std::int64_t reads() { return db_->conn().scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'person.read'"); }
  static testing::TestDb* db_;
  static testing::AppHarness* app_;
};
testing::TestDb* PersonalData::db_ = nullptr;
testing::AppHarness* PersonalData::app_ = nullptr;

TEST_F(PersonalData, EveryDisplayOfSensitiveFieldsIsLoggedWithWhatAndWhere) {
  auto cell = app_->browser_for("khuoicuong");
  auto id = person("Lường Thị Thời");
  ASSERT_GT(id, 0);
  auto before = reads();
  auto form = app_->get("/people/" + std::to_string(id) + "/edit", &cell);
  ASSERT_EQ(form.status, 200);
  ASSERT_NE(form.body.find("name=\"phone\""), std::string::npos);
  EXPECT_EQ(reads(), before + 1);
  auto [actor, entity, after] = last("person.read");
  EXPECT_EQ(actor, "khuoicuong");
  EXPECT_EQ(entity, id);
  EXPECT_EQ(after["via"], "edit_form");
  EXPECT_NE(std::find(after["shown"].begin(), after["shown"].end(), "id_number"), after["shown"].end());
  EXPECT_NE(std::find(after["shown"].begin(), after["shown"].end(), "phone"), after["shown"].end());

  EXPECT_EQ(app_->get("/people/" + std::to_string(id), &cell).status, 200);
  EXPECT_EQ(std::get<2>(last("person.read"))["via"], "page");
  EXPECT_EQ(app_->api("GET", "/api/v1/people/" + std::to_string(id), app_->token_for("khuoicuong")).status, 200);
  EXPECT_EQ(std::get<2>(last("person.read"))["via"], "api");

  // The unit page lists its members with who is a party member: one entry for the list shown.
  auto unit = org::find_unit_by_code(db_->conn(), "CB-KHUOICUONG")->id;
  before = reads();
  ASSERT_EQ(app_->get("/units/" + std::to_string(unit), &cell).status, 200);
  EXPECT_EQ(reads(), before + 1);
  auto [a2, e2, list] = last("person.read");
  EXPECT_EQ(e2, unit);
  EXPECT_EQ(list["via"], "unit_members");
  EXPECT_EQ(list["shown"], nlohmann::json::array({"is_party_member"}));
  EXPECT_GT(list["people"].get<int>(), 0);

  // A reader without the right sees no sensitive field and nothing is logged for them.
  before = reads();
  auto member = app_->browser_for("dangvien");
  EXPECT_EQ(app_->get("/people/" + std::to_string(id) + "/edit", &member).status, 403);
  EXPECT_EQ(app_->get("/units/" + std::to_string(unit), &member).status, 200);
  EXPECT_EQ(reads(), before);
}

TEST_F(PersonalData, LoggingAReadDoesNotMakeCachedPagesBeBuiltAgain) {
  auto cell = app_->browser_for("khuoicuong");
  auto id = person("Lường Thị Thời");
  app_->get("/people/" + std::to_string(id), &cell);
  auto generation = db::write_generation();
  auto entries = reads();
  EXPECT_EQ(app_->get("/people/" + std::to_string(id), &cell).status, 200);
  EXPECT_EQ(reads(), entries + 1);
  EXPECT_EQ(db::write_generation(), generation);
}

TEST_F(PersonalData, AMembersSearchFindsWhatTheyMayOpenNotFellowMembersRecords) {
  auto member = app_->browser_for("dangvien");
  auto token = app_->token_for("dangvien");
  auto people = nlohmann::json::parse(app_->api("GET", "/api/v1/search?q=luong+thi+thoi", token).body);
  for (const auto& hit : people["items"]) {
    EXPECT_NE(hit["kind"], "person") << hit.dump();
    EXPECT_NE(app_->get(hit["url"].get<std::string>(), &member).status, 403) << hit.dump();
  }
  auto page = app_->get("/search?q=luong+thi+thoi", &member);
  EXPECT_EQ(page.body.find("/people/" + std::to_string(person("Lường Thị Thời"))), std::string::npos);
  // The unit itself is found, and opens.
  auto units = nlohmann::json::parse(app_->api("GET", "/api/v1/search?q=khuoi+cuong", token).body);
  ASSERT_FALSE(units["items"].empty());
  for (const auto& hit : units["items"]) EXPECT_EQ(app_->get(hit["url"].get<std::string>(), &member).status, 200) << hit.dump();
  // The cell's officer still finds the person.
  auto officer = nlohmann::json::parse(app_->api("GET", "/api/v1/search?q=luong+thi+thoi", app_->token_for("khuoicuong")).body);
  ASSERT_FALSE(officer["items"].empty());
  EXPECT_EQ(officer["items"][0]["kind"], "person");
}

TEST_F(PersonalData, ACitizensContactGoesOnlyToTheUnitsOfficersAndIsLogged) {
  auto unit = org::find_unit_by_code(db_->conn(), "CB-KHUOICUONG")->id;
  // A citizen's nomination in the cell, with the citizen's phone (as the public form records it).
  auto entry = db_->conn().scalar("SELECT MIN(id) FROM register_entries WHERE unit_id = $1", {unit});
  ASSERT_GT(entry, 0) << "the demo has register entries in Khuổi Cuồng";
  db_->conn().exec("UPDATE register_entries SET nominator_name = 'Nguyễn Văn Dân', nominator_contact = '0912 345 678' "
                   "WHERE id = $1", {entry});
  auto path = "/api/v1/register-entries?unit=" + std::to_string(unit);
  auto member = nlohmann::json::parse(app_->api("GET", path, app_->token_for("dangvien")).body);
  ASSERT_FALSE(member["items"].empty());
  for (const auto& e : member["items"]) EXPECT_FALSE(e.contains("nominator_contact")) << e.dump();
  auto before = db_->conn().scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'register.read'");
  auto officer = nlohmann::json::parse(app_->api("GET", path, app_->token_for("khuoicuong")).body);
  bool shown = false;
  for (const auto& e : officer["items"]) shown = shown || !e.value("nominator_contact", "").empty();
  EXPECT_TRUE(shown);
  EXPECT_GT(db_->conn().scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'register.read'"), before);
  EXPECT_EQ(std::get<2>(last("register.read"))["via"], "api_list");
}

}  // namespace
}  // namespace ct05
