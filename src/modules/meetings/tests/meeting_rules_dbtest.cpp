// Meetings and evaluations on both engines: meetings held against expected over units, attendance, the rating
// rules, the year-end lock as a permission table, and the rollups of ratings.
#include <functional>

#include <gtest/gtest.h>

#include "modules/meetings/storage/meeting_store.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/people/storage/person_store.hpp"
#include "modules/plans/storage/plan_store.hpp"
#include "modules/plans/storage/year_review.hpp"
#include "support/factories.hpp"
#include "support/test_db.hpp"

namespace ct05::meetings {
namespace {

class MeetingRules : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& c = db.conn();
    using testing::make_unit;
    root = make_unit(c, "TU-X", "Thành ủy X", "thanh_uy", 0);
    commune = make_unit(c, "DB-A", "Đảng bộ xã A", "dang_bo_co_so", root.id);
    cell1 = make_unit(c, "CB-A1", "Chi bộ thôn A1", "chi_bo", commune.id);
    cell2 = make_unit(c, "CB-A2", "Chi bộ thôn A2", "chi_bo", commune.id, "2020-07-01");  // founded mid-year
    school = make_unit(c, "TH-A", "Trường Tiểu học A", "truong_hoc", commune.id);
    make_unit(c, "THON-A1", "Thôn A1", "thon", commune.id);  // a territory: no meetings expected
    member1 = testing::make_member(c, "Hoàng Văn An", cell1.id);
    member2 = testing::make_member(c, "Nông Thị Bình", cell1.id);
    officer_person = testing::make_member(c, "Lường Văn Cường", cell1.id);
    outsider = testing::make_member(c, "Lý Văn Cư", cell2.id);
    cell_officer = principal(auth::Role::kPhuTrach, cell1, officer_person);
    commune_officer = principal(auth::Role::kPhuTrach, commune);
    leader = principal(auth::Role::kLanhDao, root);
    member = principal(auth::Role::kDangVien, cell1, member1);
  }
  static auth::Principal principal(auth::Role role, const org::Unit& u, std::int64_t person = 0) {
    return testing::principal_on(role, u, person);
  }
  Meeting meet(const org::Unit& u, const std::string& date, MeetingKind kind = MeetingKind::kPeriodic) {
    MeetingInput in;
    in.unit_id = u.id;
    in.held_on = date;
    in.kind = std::string(kind_code(kind));
    in.topic = "Sinh hoạt chi bộ";
    auto m = create_meeting(db.conn(), sys, in, {});
    EXPECT_TRUE(m) << (m ? "" : m.error().message);
    return *m;
  }
  //! An accepted 2020 plan (person 0) or commitment of a person in cell1.
  std::int64_t accepted(std::int64_t person) {
    auto& c = db.conn();
    auto p = person ? plans::open_commitment(c, sys, person, 2020) : plans::open_unit_plan(c, sys, cell1.id, 2020);
    plans::ItemInput item;
    item.content = "Giúp một hộ cận nghèo phát triển chăn nuôi";
    EXPECT_TRUE(plans::add_item(c, sys, p->id, item));
    EXPECT_TRUE(plans::transition(c, sys, p->id, plans::Transition::kSubmit, ""));
    EXPECT_TRUE(plans::transition(c, sys, p->id, plans::Transition::kAccept, ""));
    return p->id;
  }
  RatingInput rating(const char* code, std::int64_t meeting, const char* comment = "") {
    return RatingInput{std::string(code), std::string(comment), meeting};
  }

  testing::TestDb db;
  auth::Principal sys = auth::system_principal();
  org::Unit root, commune, cell1, cell2, school;
  std::int64_t member1 = 0, member2 = 0, officer_person = 0, outsider = 0;
  auth::Principal cell_officer, commune_officer, leader, member;
};

TEST_F(MeetingRules, MeetingsHeldAgainstExpectedOverUnitsAndMonths) {
  auto& c = db.conn();
  for (int m = 1; m <= 12; ++m) {
    if (m == 5 || m == 9) continue;  // cell 1 misses May and September
    meet(cell1, "2020-" + std::string(m < 10 ? "0" : "") + std::to_string(m) + "-05");
  }
  meet(cell1, "2020-05-19", MeetingKind::kThematic);  // a thematic meeting does not stand for the periodic one
  meet(cell1, "2020-01-25");                           // a second January meeting counts once
  for (const char* d : {"2020-07-10", "2020-08-10", "2020-09-10", "2020-10-10", "2020-11-10", "2020-12-10"}) meet(cell2, d);
  meet(school, "2020-03-20");
  meet(school, "2020-11-20");
  for (int m = 1; m <= 12; ++m) meet(commune, "2020-" + std::string(m < 10 ? "0" : "") + std::to_string(m) + "-02");

  // The whole year: commune 12/12, cell 1 10/12, cell 2 6/6 (July–December), school 2/4 quarters.
  auto s = meeting_summary(c, commune.path, 2020, "2020-12-31");
  EXPECT_EQ(s.units, 4);
  EXPECT_EQ(s.expected, 12 + 12 + 6 + 4);
  EXPECT_EQ(s.held, 12 + 10 + 6 + 2);
  EXPECT_EQ(s.behind, 2);
  EXPECT_EQ(s.meetings, 10 + 1 + 1 + 6 + 2 + 12);  // cell 1 (with its thematic and second January), cell 2, school, commune
  EXPECT_EQ(s.thematic, 1);
  auto behind = units_behind(c, commune.path, 2020, "2020-12-31", 50, 0);
  ASSERT_EQ(behind.size(), 2u);
  EXPECT_EQ(behind[0].name, "Chi bộ thôn A1");
  EXPECT_EQ(behind[0].count.held, 10);
  EXPECT_EQ(behind[1].name, "Trường Tiểu học A");
  EXPECT_EQ(behind[1].count.expected, 4);
  EXPECT_EQ(units_behind(c, commune.path, 2020, "2020-12-31", 1, 1).size(), 1u);  // paginated

  // Up to 30 June: commune 6/6, cell 1 5/6, cell 2 not yet founded, school 1/2.
  auto half = meeting_summary(c, commune.path, 2020, "2020-06-30");
  EXPECT_EQ(half.units, 3);
  EXPECT_EQ(half.expected, 6 + 6 + 2);
  EXPECT_EQ(half.held, 6 + 5 + 1);

  // One cell's subtree, and the children of the commune.
  auto one = meeting_summary(c, cell1.path, 2020, "2020-12-31");
  EXPECT_EQ(one.expected, 12);
  EXPECT_EQ(one.held, 10);
  auto by_child = summary_by_child(c, commune.id, 2020, "2020-12-31");
  ASSERT_EQ(by_child.size(), 3u);  // the village has nothing to count
  std::int64_t held = 0;
  for (const auto& child : by_child) held += child.summary.held;
  EXPECT_EQ(held, 10 + 6 + 2);
}

TEST_F(MeetingRules, AttendanceComesFromTheUnitsMembersOnTheDate) {
  auto& c = db.conn();
  MeetingInput in;
  in.unit_id = cell1.id;
  in.held_on = "2020-03-05";
  in.kind = "dinh_ky";
  in.topic = "Sinh hoạt tháng 3";
  in.story_told = true;
  in.story_title = "Chiếc đồng hồ";
  auto m = create_meeting(c, cell_officer, in,
                          {{member1, "", true, ""}, {member2, "", false, "Đi làm ăn xa"}, {officer_person, "", true, "x"}});
  ASSERT_TRUE(m) << m.error().message;
  EXPECT_EQ(m->present, 2);
  EXPECT_EQ(m->absent, 1);
  ASSERT_EQ(m->attendance.size(), 3u);
  for (const auto& a : m->attendance) {
    if (a.person_id == member2) {
      EXPECT_EQ(a.reason, "Đi làm ăn xa");
    }
    if (a.person_id == officer_person) {
      EXPECT_EQ(a.reason, "");  // a reason only for the absent
    }
  }
  // Someone of another cell cannot be marked, and nothing is written.
  auto before = c.scalar("SELECT COUNT(*) FROM meetings");
  auto bad = create_meeting(c, cell_officer, in, {{outsider, "", true, ""}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(c.scalar("SELECT COUNT(*) FROM meetings"), before);
  // A story told needs its title; a date in the future or before the unit existed is refused.
  MeetingInput no_title = in;
  no_title.story_title = "";
  EXPECT_EQ(create_meeting(c, cell_officer, no_title, {}).error().fields.at(0).field, "story_title");
  MeetingInput early = in;
  early.unit_id = cell2.id;
  EXPECT_EQ(create_meeting(c, sys, early, {}).error().fields.at(0).field, "held_on");
  // Only the unit's officers record its meetings.
  EXPECT_EQ(create_meeting(c, leader, in, {}).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(create_meeting(c, member, in, {}).error().code, ErrorCode::kForbidden);
  in.unit_id = cell2.id;
  in.held_on = "2020-08-05";
  EXPECT_EQ(create_meeting(c, cell_officer, in, {}).error().code, ErrorCode::kForbidden);
  // Attendance changed later, audited.
  auto changed = set_attendance(c, cell_officer, m->id, {{member1, "", false, "Ốm"}});
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->present, 0);
  EXPECT_EQ(c.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'meeting.update'"), 1);
}

TEST_F(MeetingRules, RatingRules) {
  auto& c = db.conn();
  auto plan = accepted(0);
  auto mine = accepted(member1);
  auto officers_own = accepted(officer_person);
  auto meeting = meet(cell1, "2020-12-20").id;
  auto other_meeting = meet(commune, "2020-12-21").id;
  auto old_meeting = meet(cell1, "2018-12-20").id;

  // A commitment is rated only after the member's self-assessment.
  auto r = rate(c, cell_officer, mine, rating("tot", meeting));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(self_assess(c, member, mine, rating("xuat_sac", 0)).has_value(), true);
  // The member cannot rate, nor can a leader; the officer cannot rate their own commitment.
  EXPECT_EQ(rate(c, member, mine, rating("tot", meeting)).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(rate(c, leader, mine, rating("tot", meeting)).error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(self_assess(c, sys, officers_own, rating("tot", 0)));
  EXPECT_EQ(rate(c, cell_officer, officers_own, rating("tot", meeting)).error().code, ErrorCode::kForbidden);
  // The rating is given in a meeting of the unit, of the year or the next; "không hoàn thành" needs a comment.
  EXPECT_EQ(rate(c, cell_officer, mine, rating("tot", other_meeting)).error().fields.at(0).field, "meeting_id");
  EXPECT_EQ(rate(c, cell_officer, mine, rating("tot", old_meeting)).error().fields.at(0).field, "meeting_id");
  EXPECT_EQ(rate(c, cell_officer, mine, rating("gioi", meeting)).error().fields.at(0).field, "rating");
  EXPECT_EQ(rate(c, cell_officer, mine, rating("khong_hoan_thanh", meeting)).error().fields.at(0).field, "comment");
  auto ok = rate(c, cell_officer, mine, rating("tot", meeting, "Giúp được 2 hộ"));
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->rating, Rating::kGood);
  EXPECT_EQ(ok->self_rating, Rating::kExcellent);
  EXPECT_EQ(ok->meeting_id, meeting);
  // The meeting now carries a 2020 rating: it cannot move out of 2020–2021.
  MeetingInput move;
  move.held_on = "2019-12-20";
  EXPECT_EQ(update_meeting(c, cell_officer, meeting, move).error().fields.at(0).field, "held_on");
  move.held_on = "2021-01-08";
  EXPECT_TRUE(update_meeting(c, cell_officer, meeting, move));
  // Once rated, the self-assessment is closed.
  EXPECT_EQ(self_assess(c, member, mine, rating("tot", 0)).error().code, ErrorCode::kConflict);
  // The unit's plan needs no self-assessment; a plan not yet accepted cannot be rated.
  EXPECT_TRUE(rate(c, cell_officer, plan, rating("xuat_sac", meeting)));
  auto draft = plans::open_commitment(c, sys, member2, 2020)->id;
  EXPECT_EQ(rate(c, cell_officer, draft, rating("tot", meeting)).error().code, ErrorCode::kConflict);
  EXPECT_EQ(self_assess(c, sys, draft, rating("tot", 0)).error().code, ErrorCode::kConflict);
  // Another member cannot write someone else's self-assessment.
  auto member_b = principal(auth::Role::kDangVien, cell1, member2);
  EXPECT_EQ(self_assess(c, member_b, officers_own, rating("tot", 0)).error().code, ErrorCode::kForbidden);

  // Rollups of the ratings over the subtree.
  auto d = rating_distribution(c, commune.path, 2020);
  EXPECT_EQ(d.plans[Rating::kExcellent], 1);
  EXPECT_EQ(d.commitments[Rating::kGood], 1);
  EXPECT_EQ(d.commitments[Rating::kExcellent], 0);
  EXPECT_EQ(d.plans_accepted, 1);
  EXPECT_EQ(d.commitments_accepted, 2);
  EXPECT_EQ(rating_distribution(c, cell2.path, 2020).commitments_accepted, 0);
  EXPECT_EQ(c.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'evaluation.rate'"), 2);
}

// The year-end lock as a table: each row an action by someone, before and after the cell's 2020 is locked.
TEST_F(MeetingRules, TheYearEndReviewLocksPlansCommitmentsAndRatings) {
  auto& c = db.conn();
  auto plan = accepted(0);
  auto mine = accepted(member1);
  auto meeting = meet(cell1, "2020-12-20").id;
  ASSERT_TRUE(self_assess(c, member, mine, rating("tot", 0)));
  ASSERT_TRUE(rate(c, cell_officer, mine, rating("tot", meeting)));

  // Only the unit's officers hold the review, in a meeting of the unit of that year or the next.
  auto old_meeting = meet(cell1, "2018-12-20").id;
  auto other_unit = meet(commune, "2020-12-22").id;
  EXPECT_EQ(hold_year_review(c, leader, cell1.id, 2020, meeting).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(hold_year_review(c, member, cell1.id, 2020, meeting).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(hold_year_review(c, cell_officer, cell1.id, 2020, old_meeting).error().fields.at(0).field, "meeting_id");
  EXPECT_EQ(hold_year_review(c, cell_officer, cell1.id, 2020, other_unit).error().fields.at(0).field, "meeting_id");
  EXPECT_EQ(hold_year_review(c, cell_officer, cell1.id, 2020, std::nullopt).error().fields.at(0).field, "meeting_id");
  ASSERT_TRUE(hold_year_review(c, cell_officer, cell1.id, 2020, meeting));
  EXPECT_EQ(hold_year_review(c, cell_officer, cell1.id, 2020, meeting).error().code, ErrorCode::kConflict);
  // The meeting of a locked year's ratings cannot be moved.
  MeetingInput move;
  move.held_on = "2020-12-21";
  EXPECT_EQ(update_meeting(c, cell_officer, meeting, move).error().code, ErrorCode::kConflict);

  struct Row {
    const char* what;
    std::function<ErrorCode()> run;
    ErrorCode expected;
  };
  auto code = [](const auto& r) { return r ? ErrorCode::kInternal : r.error().code; };  // kInternal: it went through
  plans::ItemInput progress;
  progress.status = "da_thuc_hien";
  auto item = plans::find_plan(c, plan)->items.at(0).id;
  std::vector<Row> locked_rows = {
      {"cell officer re-rates", [&] { return code(rate(c, cell_officer, mine, rating("xuat_sac", meeting))); }, ErrorCode::kConflict},
      {"commune officer re-rates", [&] { return code(rate(c, commune_officer, mine, rating("xuat_sac", meeting))); }, ErrorCode::kConflict},
      {"progress on the plan", [&] { return code(plans::update_item(c, cell_officer, plan, item, progress)); }, ErrorCode::kConflict},
      {"a new commitment in the locked year", [&] { return code(plans::open_commitment(c, sys, member2, 2020)); }, ErrorCode::kConflict},
      {"leader still refused", [&] { return code(rate(c, leader, mine, rating("tot", meeting))); }, ErrorCode::kForbidden},
      {"cell reopens its own year", [&] { return code(plans::reopen_year(c, cell_officer, cell1.id, 2020, "sửa")); }, ErrorCode::kForbidden},
      {"leader reopens", [&] { return code(plans::reopen_year(c, leader, cell1.id, 2020, "sửa")); }, ErrorCode::kForbidden},
      {"reopen without a reason", [&] { return code(plans::reopen_year(c, commune_officer, cell1.id, 2020, "")); }, ErrorCode::kInvalid},
  };
  for (const auto& row : locked_rows) EXPECT_EQ(row.run(), row.expected) << row.what;
  EXPECT_EQ(find_evaluation(c, mine)->rating, Rating::kGood);  // unchanged
  // Another year and another unit are not locked.
  EXPECT_TRUE(plans::check_open(c, cell1.id, 2021));
  EXPECT_TRUE(plans::check_open(c, cell2.id, 2020));

  // The unit above reopens with a reason; changes go through again, and the cell can lock once more.
  auto reopened = plans::reopen_year(c, commune_officer, cell1.id, 2020, "Bổ sung kết quả giúp hộ cận nghèo");
  ASSERT_TRUE(reopened) << reopened.error().message;
  EXPECT_FALSE(reopened->locked);
  EXPECT_EQ(code(rate(c, cell_officer, mine, rating("xuat_sac", meeting))), ErrorCode::kInternal);
  EXPECT_EQ(find_evaluation(c, mine)->rating, Rating::kExcellent);
  EXPECT_TRUE(plans::lock_year(c, cell_officer, cell1.id, 2020, meeting));
  EXPECT_EQ(c.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'year.lock'"), 2);
  EXPECT_EQ(c.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'year.reopen'"), 1);
}

}  // namespace
}  // namespace ct05::meetings
