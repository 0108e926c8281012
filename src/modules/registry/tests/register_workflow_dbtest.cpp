// The register's workflow on both engines, on the demo data: who may take which step from which status
// (a table), consent and what it does to publication, scope, where the register is open, the public
// rate limit and the diacritic-insensitive public search.
#include <gtest/gtest.h>

#include "modules/org/storage/unit_store.hpp"
#include "modules/registry/module.hpp"
#include "modules/registry/storage/entry_store.hpp"
#include "platform/auth/accounts.hpp"
#include "support/test_db.hpp"

namespace ct05::registry {
namespace {

class Register : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new testing::TestDb();
    db_->load_demo();
  }
  static void TearDownTestSuite() { delete db_; }
  static db::Connection& c() { return db_->conn(); }
  static auth::Principal user(const std::string& login) { return *org::principal_of(c(), login); }
  static std::int64_t unit(const std::string& code) { return org::find_unit_by_code(c(), code)->id; }
  static std::int64_t category(const std::string& code) {
    return c().scalar("SELECT id FROM register_categories WHERE code = $1", {code});
  }
  static EntryInput input(const std::string& unit_code, const std::string& name, bool consent = false) {
    EntryInput in;
    in.unit_id = unit(unit_code);
    in.category_id = category("giup_do_nguoi_ngheo");
    in.subject_kind = "ca_nhan";
    in.subject_name = name;
    in.deed = "Giúp một hộ cận nghèo sửa lại mái nhà trước mùa mưa bão.";
    in.deed_date = "2020-08-01";
    in.place = "Thôn Khuổi Cuồng";
    in.consent = consent;
    return in;
  }
  static testing::TestDb* db_;
};
testing::TestDb* Register::db_ = nullptr;

TEST_F(Register, StepTable) {
  struct Row {
    const char* who;
    Status from;
    Step step;
    const char* comment;
    const char* commendation;
    std::optional<ErrorCode> error;  // nullopt: allowed
  };
  const Row rows[] = {
      {"dangvien", Status::kSubmitted, Step::kVerify, "", "", ErrorCode::kForbidden},
      {"lanhdao", Status::kSubmitted, Step::kVerify, "", "", ErrorCode::kForbidden},
      {"khuoicuong", Status::kSubmitted, Step::kApprove, "", "", ErrorCode::kForbidden},  // the committee's step
      {"nongthuong", Status::kSubmitted, Step::kApprove, "", "", ErrorCode::kConflict},   // not verified yet
      {"nongthuong", Status::kSubmitted, Step::kPublish, "", "", ErrorCode::kConflict},
      {"khuoicuong", Status::kSubmitted, Step::kReject, "", "", ErrorCode::kInvalid},     // a reason is required
      {"khuoicuong", Status::kSubmitted, Step::kVerify, "Đã xác minh tại thôn", "", std::nullopt},
      {"khuoicuong", Status::kVerified, Step::kVerify, "", "", ErrorCode::kConflict},     // not a next step any more
      {"nongthuong", Status::kVerified, Step::kPublish, "", "", ErrorCode::kConflict},
      {"nongthuong", Status::kVerified, Step::kApprove, "", "", std::nullopt},
      {"nongthuong", Status::kApproved, Step::kPublish, "", "", ErrorCode::kConflict},   // commend first
      {"nongthuong", Status::kApproved, Step::kCommend, "", "", ErrorCode::kInvalid},    // which form?
      {"nongthuong", Status::kApproved, Step::kCommend, "", "giay_khen", ErrorCode::kInvalid},  // needs a decision number
      {"khuoicuong", Status::kApproved, Step::kCommend, "", "bieu_duong", ErrorCode::kForbidden},
      {"nongthuong", Status::kApproved, Step::kCommend, "", "bieu_duong", std::nullopt},
      {"nongthuong", Status::kCommended, Step::kCommend, "", "bieu_duong", ErrorCode::kConflict},
      {"nongthuong", Status::kCommended, Step::kPublish, "", "", ErrorCode::kConflict},  // no consent yet
  };
  auto cell = user("khuoicuong");
  auto e = nominate(c(), cell, input("CB-KHUOICUONG", "Nông Văn Thụ"), {}, file_store());
  ASSERT_TRUE(e) << e.error().message;
  for (const auto& r : rows) {
    auto who = user(r.who);
    auto before = find_entry(c(), e->id)->status;
    ASSERT_EQ(before, r.from) << "the table expects the entry " << status_code(r.from);
    StepInput in{r.comment, r.commendation, "", ""};
    auto res = take_step(c(), who, e->id, r.step, in);
    if (!r.error) {
      EXPECT_TRUE(res) << r.who << " " << step_code(r.step) << ": " << res.error().message;
    } else {
      ASSERT_FALSE(res) << r.who << " " << step_code(r.step) << " should be refused";
      EXPECT_EQ(res.error().code, *r.error) << r.who << " " << step_code(r.step) << ": " << res.error().message;
      EXPECT_EQ(find_entry(c(), e->id)->status, before) << "a refused step changed the entry";
    }
  }
  // With the subject's consent recorded by the cell, the committee publishes; the cell cannot unpublish.
  ASSERT_TRUE(set_consent(c(), cell, e->id, true, "Đồng ý bằng lời khi xác minh"));
  auto commune = user("nongthuong");
  auto pub = take_step(c(), commune, e->id, Step::kPublish, {});
  ASSERT_TRUE(pub) << pub.error().message;
  EXPECT_TRUE(pub->is_public());
  EXPECT_EQ(take_step(c(), cell, e->id, Step::kUnpublish, {}).error().code, ErrorCode::kForbidden);
  auto ev = events(c(), e->id);
  ASSERT_EQ(ev.size(), 6u);  // nominate, verify, approve, commend, consent, publish
  EXPECT_EQ(ev[1].comment, "Đã xác minh tại thôn");
  EXPECT_EQ(ev[3].action, "commend");
  EXPECT_EQ(ev[4].actor, "Lường Thị Thời");
}

TEST_F(Register, WithdrawnConsentUnpublishesAtOnce) {
  auto admin = user("admin");
  auto e = find_entry(c(), c().scalar("SELECT id FROM register_entries WHERE subject_name = $1", {std::string("Đàm Thị Lan")}));
  ASSERT_TRUE(e);
  ASSERT_TRUE(e->is_public());
  PublicQuery all;
  auto before = count_public_entries(c(), all);
  auto r = set_consent(c(), admin, e->id, false, "Gia đình đề nghị không công khai");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->status, Status::kUnpublished);
  EXPECT_FALSE(r->is_public());
  EXPECT_EQ(count_public_entries(c(), all), before - 1);
  auto ev = events(c(), e->id);
  EXPECT_EQ(ev[ev.size() - 2].action, "consent_withdrawn");
  EXPECT_EQ(ev.back().action, "unpublish");
  // Publishing again needs consent again.
  EXPECT_EQ(take_step(c(), admin, e->id, Step::kPublish, {}).error().code, ErrorCode::kConflict);
}

TEST_F(Register, ScopeAndWhereTheRegisterIsOpen) {
  auto cell = user("khuoicuong");
  auto member = user("dangvien");
  // A member nominates in their own cell, not in the neighbouring one.
  EXPECT_TRUE(nominate(c(), member, input("CB-KHUOICUONG", "Hoàng Thị Nhung"), {}, file_store()));
  EXPECT_EQ(nominate(c(), member, input("CB-NANANG", "Hoàng Thị Nhung"), {}, file_store()).error().code, ErrorCode::kForbidden);
  // The agencies' committee is not in the pilot group: the register is closed there until opened for everyone.
  auto admin = user("admin");
  auto closed = nominate(c(), admin, input("CB-PHONGNOIVU", "Chi bộ Phòng Nội vụ"), {}, file_store());
  ASSERT_FALSE(closed);
  EXPECT_EQ(closed.error().code, ErrorCode::kInvalid);
  EXPECT_FALSE(enabled_for(c(), org::find_unit(c(), unit("CB-PHONGNOIVU"))->path));
  EXPECT_EQ(set_openness(c(), cell, true, {}).error().code, ErrorCode::kForbidden);
  auto group = c().scalar("SELECT id FROM unit_groups WHERE code = 'THI-DIEM-SO-GHI-DANH'");
  ASSERT_TRUE(set_openness(c(), admin, true, {group}));
  EXPECT_TRUE(nominate(c(), admin, input("CB-PHONGNOIVU", "Chi bộ Phòng Nội vụ"), {}, file_store()));
  ASSERT_TRUE(set_openness(c(), admin, false, {group}));
  // An officer elsewhere does not see an entry that is not public, and sees it once published.
  auto e = nominate(c(), cell, input("CB-KHUOICUONG", "Lăng Văn Hùng", true), {}, file_store());
  ASSERT_TRUE(e);
  EXPECT_TRUE(get_entry(c(), user("nongthuong"), e->id));  // the commune sees it
  auto other = auth::create_user(c(), "songcau.officer", "mat-khau-du-dai", "Cán bộ Sông Cầu", 0);
  ASSERT_TRUE(other);
  org::grant_role(c(), auth::system_principal(), *other, auth::Role::kPhuTrach, unit("DB-SONGCAU"));
  auto songcau = user("songcau.officer");
  EXPECT_EQ(get_entry(c(), songcau, e->id).error().code, ErrorCode::kForbidden);
  auto commune = user("nongthuong");
  ASSERT_TRUE(take_step(c(), cell, e->id, Step::kVerify, {}));
  ASSERT_TRUE(take_step(c(), commune, e->id, Step::kApprove, {}));
  ASSERT_TRUE(take_step(c(), commune, e->id, Step::kCommend, {"", "bieu_duong", "", ""}));
  ASSERT_TRUE(take_step(c(), commune, e->id, Step::kPublish, {}));
  EXPECT_TRUE(get_entry(c(), songcau, e->id));
  // …and Sông Cầu takes it up.
  auto rep = add_replication(c(), songcau, e->id, unit("DB-SONGCAU"), "Phát động trong 7 tổ dân phố", "2020-10-01");
  ASSERT_TRUE(rep) << rep.error().message;
  ASSERT_EQ(rep->replications.size(), 1u);
  EXPECT_EQ(add_replication(c(), songcau, e->id, unit("CB-KHUOICUONG"), "x", "").error().code, ErrorCode::kForbidden);
}

TEST_F(Register, PublicNominationsAreRateLimitedPerAddress) {
  auto in = input("CB-NANANG", "Người được đề nghị");
  in.nominator_name = "Nguyễn Văn Dân";
  in.nominator_contact = "0912 345 678";
  EntryInput missing = in;
  missing.nominator_contact = "";
  auto bad = nominate_public(c(), missing, {}, file_store(), "203.0.113.9");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalid);
  for (int i = 0; i < kPublicPerHour; ++i) {
    auto r = nominate_public(c(), in, {}, file_store(), "203.0.113.7");
    ASSERT_TRUE(r) << i << ": " << r.error().message;
    EXPECT_EQ(r->source, "public");
    EXPECT_EQ(r->status, Status::kSubmitted);
  }
  auto over = nominate_public(c(), in, {}, file_store(), "203.0.113.7");
  ASSERT_FALSE(over);
  EXPECT_EQ(over.error().code, ErrorCode::kTooManyRequests);
  EXPECT_TRUE(nominate_public(c(), in, {}, file_store(), "203.0.113.8"));  // another address
}

TEST_F(Register, PublicSearchIgnoresDiacriticsAndShowsOnlyPublicEntries) {
  PublicQuery q;
  q.q = "hien dat";
  auto found = public_entries(c(), q, 50, 0);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.front().subject_name, "Hoàng Văn Pản");
  q.q = "PAN";
  EXPECT_EQ(count_public_entries(c(), q), 1);
  q.q = "ly van sang";  // submitted, not public
  EXPECT_EQ(count_public_entries(c(), q), 0);
  q.q = "";
  q.category_id = category("nghia_cu_cao_dep");
  for (const auto& e : public_entries(c(), q, 50, 0)) {
    EXPECT_TRUE(e.is_public());
    EXPECT_EQ(e.category_id, q.category_id);
  }
  q = PublicQuery{};
  q.year = 2019;
  EXPECT_EQ(count_public_entries(c(), q), 0);
  q.year = 2020;
  EXPECT_GT(count_public_entries(c(), q), 0);
  q.unit_id = unit("DB-NONGTHUONG");
  for (const auto& e : public_entries(c(), q, 50, 0)) EXPECT_NE(e.unit_path.find(org::find_unit(c(), q.unit_id)->path), std::string::npos);
}

}  // namespace
}  // namespace ct05::registry
