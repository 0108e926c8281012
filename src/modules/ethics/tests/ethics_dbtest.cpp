// Ethics standards on both engines, on the demo data: versions only ever added, who must acknowledge (the active
// members of the unit's subtree) and the counts, old versions refused, repeats harmless, the permission rule, the
// audit log; then the same through the pages (CSRF included) and the API.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "modules/ethics/storage/standard_store.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/people/storage/person_store.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/accounts.hpp"
#include "support/http_client.hpp"
#include "support/test_db.hpp"

namespace ct05::ethics {
namespace {

constexpr const char* kNewer = "Đã có phiên bản mới hơn, vui lòng đọc và xác nhận phiên bản hiện hành.";

class Ethics : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new testing::TestDb();
    db_->load_demo();
  }
  static void TearDownTestSuite() { delete db_; }
  static db::Connection& c() { return db_->conn(); }
  static auth::Principal user(const std::string& login) { return *org::principal_of(c(), login); }
  static org::Unit unit(const std::string& code) { return *org::find_unit_by_code(c(), code); }
  // A member without an account, as the permission function sees them once logged in.
  static auth::Principal as_member(std::int64_t person_id) {
    auth::Principal p;
    p.user_id = 900000 + person_id;
    p.login = "member";
    p.person_id = person_id;
    return p;
  }
  static std::int64_t some_member(const std::string& unit_code) {
    return c().scalar(
        "SELECT m.person_id FROM memberships m JOIN persons p ON p.id = m.person_id "
        "WHERE m.unit_id = $1 AND m.valid_to IS NULL AND p.active = 1 ORDER BY m.person_id LIMIT 1",
        {unit(unit_code).id});
  }
  static StandardInput input(const std::string& code, const std::string& title, const std::string& body) {
    StandardInput in;
    in.unit_id = unit(code).id;
    in.title = title;
    in.body = body;
    return in;
  }
  static std::int64_t audit_count(const std::string& action) {
    return c().scalar("SELECT COUNT(*) FROM audit_log WHERE action = $1", {action});
  }
  static testing::TestDb* db_;
};
testing::TestDb* Ethics::db_ = nullptr;

bool contains(const std::vector<PendingPerson>& list, std::int64_t person_id) {
  for (const auto& p : list)
    if (p.person_id == person_id) return true;
  return false;
}

TEST_F(Ethics, TheDemoCommuneHasTwoVersionsAndTheCellOne) {
  auto versions = history(c(), unit("DB-NONGTHUONG").id);
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].version, 2);
  EXPECT_TRUE(versions[0].current);
  EXPECT_EQ(versions[0].title, "Chuẩn mực đạo đức công vụ của cán bộ, công chức xã Nông Thượng");
  EXPECT_EQ(versions[0].published_at.substr(0, 4), "2020");
  EXPECT_EQ(versions[1].version, 1);
  EXPECT_FALSE(versions[1].current);
  EXPECT_EQ(versions[1].published_at.substr(0, 4), "2019");
  EXPECT_EQ(current_standard(c(), unit("CB-KHUOICUONG").id)->version, 1);
  auto t = tally(c(), versions[0]);
  EXPECT_GT(t.acknowledged, 0);
  EXPECT_LT(t.acknowledged, t.required);
}

TEST_F(Ethics, VersionsIncrementAndOldOnesStayAsTheyWere) {
  auto officer = user("nongthuong");
  auto nanang = unit("CB-NANANG");
  ASSERT_FALSE(current_standard(c(), nanang.id));
  auto v1 =
      publish(c(), officer, input("CB-NANANG", "Chuẩn mực của chi bộ thôn Nà Nàng", "1. Gần dân.\n2. Trọng dân."));
  ASSERT_TRUE(v1) << v1.error().message;
  EXPECT_EQ(v1->version, 1);
  EXPECT_TRUE(v1->current);
  EXPECT_EQ(v1->published_by, "Phượng Hoàng Minh");
  auto in = input("CB-NANANG", "  Chuẩn mực của chi bộ thôn Nà Nàng (sửa đổi)  ",
                  "1. Gần dân.\r\n2. Trọng dân.\r\n\r\n3. Đúng giờ.\r\n");
  in.note = "Thêm chuẩn mực 3.";
  auto v2 = publish(c(), officer, in);
  ASSERT_TRUE(v2) << v2.error().message;
  EXPECT_EQ(v2->version, 2);
  EXPECT_EQ(v2->title, "Chuẩn mực của chi bộ thôn Nà Nàng (sửa đổi)");
  EXPECT_EQ(v2->body, "1. Gần dân.\n2. Trọng dân.\n\n3. Đúng giờ.");
  EXPECT_EQ(v2->note, "Thêm chuẩn mực 3.");
  auto old = find_standard(c(), v1->id);
  ASSERT_TRUE(old);
  EXPECT_FALSE(old->current);
  EXPECT_EQ(old->title, "Chuẩn mực của chi bộ thôn Nà Nàng");
  EXPECT_EQ(old->body, "1. Gần dân.\n2. Trọng dân.");
  EXPECT_EQ(current_standard(c(), nanang.id)->id, v2->id);
  auto all = history(c(), nanang.id);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, v2->id);
  EXPECT_EQ(all[1].id, v1->id);
  // Each unit counts its own versions.
  auto other = publish(c(), officer, input("CB-THOMLUONG", "Chuẩn mực chi bộ thôn Thôm Luông", "Nội dung."));
  ASSERT_TRUE(other);
  EXPECT_EQ(other->version, 1);
}

TEST_F(Ethics, ValidationSaysWhatIsWrongWithEachField) {
  auto officer = user("khuoicuong");
  auto before = history(c(), unit("CB-KHUOICUONG").id).size();
  auto empty = publish(c(), officer, input("CB-KHUOICUONG", "   ", "\n \n"));
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, ErrorCode::kInvalid);
  ASSERT_EQ(empty.error().fields.size(), 2u);
  EXPECT_EQ(empty.error().fields[0].field, "title");
  EXPECT_EQ(empty.error().fields[0].message, "Vui lòng nhập tên bộ chuẩn mực.");
  EXPECT_EQ(empty.error().fields[1].field, "body");
  EXPECT_EQ(empty.error().fields[1].message, "Vui lòng nhập nội dung các chuẩn mực.");
  std::string long_title;
  for (int i = 0; i < 301; ++i) long_title += "đ";
  auto too_long = publish(c(), officer, input("CB-KHUOICUONG", long_title, std::string(20001, 'a')));
  ASSERT_FALSE(too_long);
  ASSERT_EQ(too_long.error().fields.size(), 2u);
  EXPECT_EQ(too_long.error().fields[0].message, "Tên bộ chuẩn mực quá dài (tối đa 300 ký tự).");
  EXPECT_EQ(too_long.error().fields[1].message, "Nội dung quá dài (tối đa 20.000 ký tự).");
  StandardInput no_unit;
  no_unit.title = "T";
  no_unit.body = "B";
  EXPECT_EQ(publish(c(), officer, no_unit).error().fields[0].field, "unit_id");
  EXPECT_EQ(history(c(), unit("CB-KHUOICUONG").id).size(), before);
}

TEST_F(Ethics, WhoMustAcknowledgeIsTheActiveMembersOfTheSubtree) {
  auto commune = unit("DB-NONGTHUONG");
  auto v2 = *current_standard(c(), commune.id);
  // Counted independently: current memberships of active people in units whose path starts with the commune's.
  auto expected = c().scalar(
      "SELECT COUNT(DISTINCT m.person_id) FROM memberships m JOIN persons p ON p.id = m.person_id "
      "JOIN units u ON u.id = m.unit_id WHERE m.valid_to IS NULL AND p.active = 1 AND u.path LIKE $1",
      {commune.path + "%"});
  auto before = tally(c(), v2);
  EXPECT_EQ(before.required, expected);
  auto member = user("dangvien");  // a member of the Khuổi Cuồng cell, below the commune
  EXPECT_TRUE(must_acknowledge(c(), member.person_id, commune.path));
  EXPECT_TRUE(must_acknowledge(c(), member.person_id, unit("CB-KHUOICUONG").path));
  EXPECT_FALSE(must_acknowledge(c(), member.person_id, unit("CB-NANANG").path));
  EXPECT_FALSE(must_acknowledge(c(), some_member("CB-VPUBND"), commune.path));
  EXPECT_TRUE(contains(pending(c(), v2, 1000, 0), member.person_id));
  // The standards waiting for them: the commune's (the farthest, so last) and their cell's unless they did it.
  auto waiting = awaiting(c(), member.person_id);
  ASSERT_FALSE(waiting.empty());
  EXPECT_EQ(waiting.back().id, v2.id);
  if (waiting.size() == 2) {
    EXPECT_EQ(waiting.front().unit_id, unit("CB-KHUOICUONG").id);
  }

  auto ack = acknowledge(c(), member, v2.id);
  ASSERT_TRUE(ack) << ack.error().message;
  EXPECT_EQ(ack->person_id, member.person_id);
  auto after = tally(c(), v2);
  EXPECT_EQ(after.acknowledged, before.acknowledged + 1);
  EXPECT_EQ(after.required, before.required);
  EXPECT_FALSE(contains(pending(c(), v2, 1000, 0), member.person_id));
  EXPECT_EQ(awaiting(c(), member.person_id).size(), waiting.size() - 1);
  EXPECT_EQ(acknowledgement_of(c(), v2.id, member.person_id)->id, ack->id);

  // Someone who leaves is no longer asked, nor counted.
  auto leaving = pending(c(), v2, 1, 0).front().person_id;
  ASSERT_TRUE(people::deactivate_person(c(), user("nongthuong"), leaving));
  auto gone = tally(c(), v2);
  EXPECT_EQ(gone.required, before.required - 1);
  EXPECT_EQ(gone.acknowledged, after.acknowledged);
  EXPECT_FALSE(contains(pending(c(), v2, 1000, 0), leaving));
  EXPECT_EQ(acknowledge(c(), as_member(leaving), v2.id).error().code, ErrorCode::kForbidden);
}

TEST_F(Ethics, AnOldVersionIsRefusedWithAConflict) {
  auto versions = history(c(), unit("DB-NONGTHUONG").id);
  auto& oldest = versions.back();
  ASSERT_EQ(oldest.version, 1);
  auto rows = [&] {
    return c().scalar("SELECT COUNT(*) FROM ethics_acknowledgements WHERE standard_id = $1", {oldest.id});
  };
  auto before = rows();
  // Whether they acknowledged it back in 2019 or not, version 1 is no longer the one to acknowledge.
  for (const auto& code : {"CB-NANANG", "CB-KHUOICUONG", "CB-TRUONG-NONGTHUONG"}) {
    auto r = acknowledge(c(), as_member(some_member(code)), oldest.id);
    ASSERT_FALSE(r) << code;
    EXPECT_EQ(r.error().code, ErrorCode::kConflict);
    EXPECT_EQ(r.error().message, kNewer);
  }
  EXPECT_EQ(rows(), before);
}

TEST_F(Ethics, AcknowledgingTwiceKeepsOneRowAndOneAuditEntry) {
  auto cell = *current_standard(c(), unit("CB-KHUOICUONG").id);
  auto member = user("dangvien");
  auto audits = audit_count("ethics.acknowledge");
  auto first = acknowledge(c(), member, cell.id, "");
  ASSERT_TRUE(first) << first.error().message;
  auto second = acknowledge(c(), member, cell.id);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->id, first->id);
  EXPECT_EQ(second->acknowledged_at, first->acknowledged_at);
  EXPECT_EQ(c().scalar("SELECT COUNT(*) FROM ethics_acknowledgements WHERE standard_id = $1 AND person_id = $2",
                       {cell.id, member.person_id}),
            1);
  EXPECT_EQ(audit_count("ethics.acknowledge"), audits + 1);
}

TEST_F(Ethics, OutsidersAndOthersAreRefused) {
  auto commune = unit("DB-NONGTHUONG");
  auto v2 = *current_standard(c(), commune.id);
  // lãnh đạo's person sits in Ban Tuyên giáo, outside the commune; admin has no person; an officer never
  // acknowledges for anyone but themself.
  EXPECT_EQ(acknowledge(c(), user("lanhdao"), v2.id).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(acknowledge(c(), user("admin"), v2.id).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(acknowledge(c(), as_member(some_member("CB-VPUBND")), v2.id).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(acknowledge(c(), user("nongthuong"), 999999).error().code, ErrorCode::kNotFound);
  // Publishing: officers and admins within their subtree only; lãnh đạo and members read.
  auto in = input("DB-NONGTHUONG", "Chuẩn mực", "Nội dung.");
  EXPECT_EQ(publish(c(), user("lanhdao"), in).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(publish(c(), user("khuoicuong"), in).error().code, ErrorCode::kForbidden);  // the unit above
  EXPECT_EQ(publish(c(), user("dangvien"), input("CB-KHUOICUONG", "Chuẩn mực", "Nội dung.")).error().code,
            ErrorCode::kForbidden);
  // Refused before validation: an empty form from the wrong person learns nothing.
  EXPECT_EQ(publish(c(), user("lanhdao"), input("DB-NONGTHUONG", "", "")).error().code, ErrorCode::kForbidden);
  // Reading: every grant covering the unit, and the members asked to acknowledge (the cell's member reads the
  // commune's standards without a grant on the commune).
  EXPECT_TRUE(readable_unit(c(), user("dangvien"), commune.id));
  EXPECT_TRUE(get_standard(c(), user("dangvien"), v2.id));
  EXPECT_EQ(readable_unit(c(), user("dangvien"), unit("CB-NANANG").id).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(readable_unit(c(), user("khuoicuong"), unit("DB-SONGCAU").id).error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(readable_unit(c(), user("lanhdao"), commune.id));
  // Names of who has not acknowledged: officers and lãnh đạo, never members.
  EXPECT_TRUE(may_see_who(user("nongthuong"), commune.path));
  EXPECT_TRUE(may_see_who(user("lanhdao"), commune.path));
  EXPECT_FALSE(may_see_who(user("dangvien"), unit("CB-KHUOICUONG").path));
  EXPECT_FALSE(may_see_who(user("khuoicuong"), commune.path));
}

TEST_F(Ethics, EveryPublicationAndAcknowledgementIsAudited) {
  auto publishes = audit_count("ethics.publish"), acks = audit_count("ethics.acknowledge");
  auto s = publish(c(), user("nongthuong"), input("CB-COCMUONG", "Chuẩn mực chi bộ thôn Cốc Muồng", "Gần dân."));
  ASSERT_TRUE(s);
  auto member = some_member("CB-COCMUONG");
  ASSERT_TRUE(acknowledge(c(), as_member(member), s->id));
  EXPECT_EQ(audit_count("ethics.publish"), publishes + 1);
  EXPECT_EQ(audit_count("ethics.acknowledge"), acks + 1);
  auto row = c().query_one(
      "SELECT entity, entity_id, unit_path, after_json FROM audit_log WHERE action = 'ethics.acknowledge' ORDER BY id "
      "DESC LIMIT 1");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->str(0), "ethics_standard");
  EXPECT_EQ(row->i64(1), s->id);
  EXPECT_EQ(row->str(2), unit("CB-COCMUONG").path);
  auto after = nlohmann::json::parse(row->str(3));
  EXPECT_EQ(after["person_id"], member);
  EXPECT_EQ(after["version"], 1);
  auto pub = c().query_one(
      "SELECT unit_path, after_json FROM audit_log WHERE action = 'ethics.publish' ORDER BY id DESC LIMIT 1");
  EXPECT_EQ(pub->str(0), unit("CB-COCMUONG").path);
  EXPECT_EQ(nlohmann::json::parse(pub->str(1))["body"], "Gần dân.");
  // Refusals change nothing and write nothing.
  EXPECT_FALSE(publish(c(), user("lanhdao"), input("CB-COCMUONG", "X", "Y")));
  EXPECT_EQ(audit_count("ethics.publish"), publishes + 1);
  EXPECT_TRUE(audit::verify(c()).ok);
}

// ---- through the pages and the API, as the accounts a browser or a client would use
class EthicsPages : public ::testing::Test {
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
  static std::string ethics_url(const std::string& code) { return "/units/" + std::to_string(unit(code)) + "/ethics"; }
  static Standard current(const std::string& code) { return *current_standard(db_->conn(), unit(code)); }
  static std::int64_t acknowledged(const std::string& code) { return tally(db_->conn(), current(code)).acknowledged; }
  static bool has(const http::Response& r, const std::string& text) { return r.body.find(text) != std::string::npos; }
  static testing::TestDb* db_;
  static testing::AppHarness* app_;
};
testing::TestDb* EthicsPages::db_ = nullptr;
testing::AppHarness* EthicsPages::app_ = nullptr;

TEST_F(EthicsPages, AMemberAcknowledgesThroughTheFormAndTheOfficersCountMoves) {
  auto member = app_->browser_for("dangvien");
  auto officer = app_->browser_for("khuoicuong");
  auto cell = current("CB-KHUOICUONG");
  auto before = acknowledged("CB-KHUOICUONG");
  auto count_text = [&](std::int64_t n) { return "<b class=\"ack-count\">" + std::to_string(n) + "</b>"; };

  auto page = app_->get(ethics_url("CB-KHUOICUONG"), &member);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "Tôi đã đọc và cam kết thực hiện"));
  EXPECT_TRUE(has(page, "action=\"/ethics-standards/" + std::to_string(cell.id) + "/acknowledge\""));
  // The commune's version in force is listed too until they acknowledge it (the API test does).
  auto person = org::principal_of(db_->conn(), "dangvien")->person_id;
  EXPECT_EQ(has(page, "Bạn còn cần đọc và xác nhận"),
            !acknowledgement_of(db_->conn(), current("DB-NONGTHUONG").id, person));
  EXPECT_FALSE(has(page, "ack-count"));  // members see no counts nor names
  EXPECT_TRUE(
      has(app_->get("/units/" + std::to_string(unit("CB-KHUOICUONG")), &member), "Bạn chưa xác nhận phiên bản này."));
  EXPECT_TRUE(has(app_->get(ethics_url("CB-KHUOICUONG"), &officer), count_text(before)));

  // Without the CSRF token nothing happens.
  auto forged = app_->post("/ethics-standards/" + std::to_string(cell.id) + "/acknowledge", "", &member, false);
  EXPECT_EQ(forged.status, 403);
  EXPECT_TRUE(has(forged, "CSRF"));
  EXPECT_EQ(acknowledged("CB-KHUOICUONG"), before);

  auto done = app_->post("/ethics-standards/" + std::to_string(cell.id) + "/acknowledge", "", &member);
  ASSERT_EQ(done.status, 303);
  EXPECT_EQ(done.header_value("Location"), ethics_url("CB-KHUOICUONG") + "?msg=acknowledged");
  auto again = app_->get(done.header_value("Location"), &member);
  EXPECT_TRUE(has(again, "Bạn đã xác nhận ngày"));
  EXPECT_FALSE(has(again, "Tôi đã đọc và cam kết thực hiện"));
  EXPECT_EQ(acknowledged("CB-KHUOICUONG"), before + 1);
  EXPECT_TRUE(has(app_->get(ethics_url("CB-KHUOICUONG"), &officer), count_text(before + 1)));
  // A second press is harmless.
  EXPECT_EQ(app_->post("/ethics-standards/" + std::to_string(cell.id) + "/acknowledge", "", &member).status, 303);
  EXPECT_EQ(acknowledged("CB-KHUOICUONG"), before + 1);

  // The commune's page: readable for the member, and its old version answers with the reason and the new one.
  auto versions = history(db_->conn(), unit("DB-NONGTHUONG"));
  auto in_force = "id=\"standard-" + std::to_string(versions.front().id) + "\"";
  auto commune = app_->get(ethics_url("DB-NONGTHUONG"), &member);
  EXPECT_EQ(commune.status, 200);
  EXPECT_TRUE(has(commune, in_force));
  auto old = app_->post("/ethics-standards/" + std::to_string(versions.back().id) + "/acknowledge", "", &member);
  EXPECT_EQ(old.status, 409);
  EXPECT_TRUE(has(old, kNewer));
  EXPECT_TRUE(has(old, in_force));
  auto old_page = app_->get("/ethics-standards/" + std::to_string(versions.back().id), &member);
  EXPECT_EQ(old_page.status, 200);
  EXPECT_TRUE(has(old_page, "Đây là phiên bản cũ"));
  // Another village's standards are not the member's business.
  EXPECT_EQ(app_->get(ethics_url("CB-NANANG"), &member).status, 403);
}

TEST_F(EthicsPages, AnOfficerPublishesFromTheFormWithEscapedTextAndFieldErrors) {
  auto officer = app_->browser_for("nongthuong");
  auto url = ethics_url("CB-NANANG");
  auto form = app_->get(url + "/new", &officer);
  EXPECT_EQ(form.status, 200);
  EXPECT_TRUE(has(form, "name=\"_csrf\""));
  auto bad = app_->post(url, "title=&body=G%E1%BA%A7n+d%C3%A2n&note=", &officer);
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(has(bad, "Vui lòng nhập tên bộ chuẩn mực."));
  EXPECT_TRUE(has(bad, ">Gần dân</textarea>"));  // what was typed stays
  auto ok = app_->post(url,
                       "title=Chu%E1%BA%A9n+m%E1%BB%B1c+N%C3%A0+N%C3%A0ng&body=1.+G%E1%BA%A7n+d%C3%A2n%0D%0A"
                       "%3Cscript%3Ealert(1)%3C%2Fscript%3E%0D%0A%0D%0A2.+Tr%E1%BB%8Dng+d%C3%A2n&note=",
                       &officer);
  ASSERT_EQ(ok.status, 303);
  auto page = app_->get(url, &officer);
  EXPECT_TRUE(has(page, "<p>1. Gần dân<br>&lt;script&gt;alert(1)&lt;/script&gt;</p>"));
  EXPECT_TRUE(has(page, "<p>2. Trọng dân</p>"));
  EXPECT_FALSE(has(page, "<script>alert"));
  EXPECT_TRUE(has(page, "Đã xác nhận <b class=\"ack-count\">0</b>"));
  // The form of the next version starts from this one.
  EXPECT_TRUE(has(app_->get(url + "/new", &officer), "value=\"Chuẩn mực Nà Nàng\""));
  // Members and leaders cannot open the form nor post it.
  auto leader = app_->browser_for("lanhdao");
  EXPECT_EQ(app_->get(url + "/new", &leader).status, 403);
  EXPECT_EQ(app_->post(url, "title=X&body=Y", &leader).status, 403);
  EXPECT_EQ(current("CB-NANANG").version, 1);
}

TEST_F(EthicsPages, TheApiFollowsTheSameRules) {
  auto officer = app_->token_for("nongthuong");
  auto member = app_->token_for("dangvien");
  auto leader = app_->token_for("lanhdao");
  auto commune = std::to_string(unit("DB-NONGTHUONG"));
  auto list = app_->api("GET", "/api/v1/ethics-standards?unit=" + commune, officer);
  ASSERT_EQ(list.status, 200);
  auto j = nlohmann::json::parse(list.body);
  ASSERT_EQ(j["items"].size(), 2u);
  EXPECT_EQ(j["items"][0]["version"], 2);
  EXPECT_EQ(j["current"]["version"], 2);
  EXPECT_TRUE(j["acknowledged"].is_number());
  EXPECT_EQ(j["required"], tally(db_->conn(), current("DB-NONGTHUONG")).required);
  auto mine = nlohmann::json::parse(app_->api("GET", "/api/v1/ethics-standards?unit=" + commune, member).body);
  EXPECT_TRUE(mine["acknowledged"].is_null());
  EXPECT_EQ(mine["mine"]["must_acknowledge"], true);
  EXPECT_EQ(app_->api("GET", "/api/v1/ethics-standards", officer).status, 422);

  auto v2 = std::to_string(j["items"][0]["id"].get<std::int64_t>());
  auto v1 = std::to_string(j["items"][1]["id"].get<std::int64_t>());
  EXPECT_EQ(app_->api("GET", "/api/v1/ethics-standards/" + v1, member).status, 200);
  auto old = app_->api("POST", "/api/v1/ethics-standards/" + v1 + "/acknowledge", member);
  EXPECT_EQ(old.status, 409);
  EXPECT_EQ(old.header_value("Content-Type").rfind("application/problem+json", 0), 0u);
  EXPECT_EQ(nlohmann::json::parse(old.body)["detail"], kNewer);
  EXPECT_EQ(app_->api("POST", "/api/v1/ethics-standards/" + v2 + "/acknowledge", leader).status, 403);
  auto ack = app_->api("POST", "/api/v1/ethics-standards/" + v2 + "/acknowledge", member);
  ASSERT_EQ(ack.status, 200);
  auto twice = app_->api("POST", "/api/v1/ethics-standards/" + v2 + "/acknowledge", member);
  EXPECT_EQ(twice.status, 200);
  EXPECT_EQ(nlohmann::json::parse(twice.body)["id"], nlohmann::json::parse(ack.body)["id"]);

  EXPECT_EQ(app_->api("GET", "/api/v1/ethics-standards/" + v2 + "/pending", member).status, 403);
  auto pend = app_->api("GET", "/api/v1/ethics-standards/" + v2 + "/pending?page=1", leader);
  ASSERT_EQ(pend.status, 200);
  auto p = nlohmann::json::parse(pend.body);
  EXPECT_EQ(p["total"].get<std::int64_t>(), p["required"].get<std::int64_t>() - p["acknowledged"].get<std::int64_t>());
  EXPECT_FALSE(p["items"].empty());
  EXPECT_FALSE(p["items"][0].contains("ethnicity"));

  auto body =
      nlohmann::json{{"unit_id", unit("CB-KHUOICUONG")}, {"title", "Chuẩn mực (sửa đổi)"}, {"body", "Gần dân."}}.dump();
  EXPECT_EQ(app_->api("POST", "/api/v1/ethics-standards", leader, body).status, 403);
  auto created = app_->api("POST", "/api/v1/ethics-standards", officer, body);
  ASSERT_EQ(created.status, 201);
  EXPECT_EQ(nlohmann::json::parse(created.body)["version"], 2);
  auto invalid = app_->api("POST", "/api/v1/ethics-standards", officer,
                           nlohmann::json{{"unit_id", unit("CB-KHUOICUONG")}, {"title", ""}}.dump());
  EXPECT_EQ(invalid.status, 422);
  EXPECT_EQ(app_->api("POST", "/api/v1/ethics-standards", officer, R"({"unit_id":"x"})").status, 422);

  // Every route above is in the OpenAPI document.
  auto spec = nlohmann::json::parse(app_->get("/api/v1/openapi.json").body);
  for (const char* path : {"/api/v1/ethics-standards", "/api/v1/ethics-standards/{id}",
                           "/api/v1/ethics-standards/{id}/acknowledge", "/api/v1/ethics-standards/{id}/pending"})
    EXPECT_TRUE(spec["paths"].contains(path)) << path;
}

}  // namespace
}  // namespace ct05::ethics
