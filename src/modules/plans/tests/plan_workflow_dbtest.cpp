// Plans and commitments on both engines: the review workflow as a table of state × action × who,
// and the coverage figures on a small fixed tree.
#include <gtest/gtest.h>

#include "modules/org/storage/unit_store.hpp"
#include "modules/people/storage/person_store.hpp"
#include "modules/plans/storage/plan_store.hpp"
#include "support/test_db.hpp"

namespace ct05::plans {
namespace {

class PlanWorkflow : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& c = db.conn();
    auto unit = [&](const char* code, const char* name, const char* kind, std::int64_t parent) {
      org::UnitInput in;
      in.code = code;
      in.name = name;
      in.kind = kind;
      in.parent_id = parent;
      in.valid_from = "2016-01-01";  // the units exist in the years the figures are about
      return parent ? *org::create_unit(c, sys, in) : *org::create_root_unit(c, sys, in);
    };
    root = unit("TU-X", "Thành ủy X", "thanh_uy", 0);
    commune = unit("DB-A", "Đảng bộ xã A", "dang_bo_co_so", root.id);
    cell1 = unit("CB-A1", "Chi bộ thôn A1", "chi_bo", commune.id);
    cell2 = unit("CB-A2", "Chi bộ thôn A2", "chi_bo", commune.id);
    unit("THON-A1", "Thôn A1", "thon", commune.id);
    ward = unit("DB-B", "Đảng bộ phường B", "dang_bo_co_so", root.id);
    auto person = [&](const char* name, std::int64_t unit_id, bool member) {
      people::PersonInput in;
      in.full_name = name;
      in.unit_id = unit_id;
      in.is_party_member = member;
      in.cadre_status = member ? "nhan_dan" : "";
      return people::create_person(c, sys, in)->id;
    };
    member1 = person("Hoàng Văn An", cell1.id, true);
    member2 = person("Nông Thị Bình", cell1.id, true);
    person("Lý Văn Cư", cell2.id, true);
    person("Người dân không phải cán bộ", cell2.id, false);
    cell_officer = officer(auth::Role::kPhuTrach, cell1);
    commune_officer = officer(auth::Role::kPhuTrach, commune);
    leader = officer(auth::Role::kLanhDao, root);
    member = officer(auth::Role::kDangVien, cell1);
    member.person_id = member1;
  }
  auth::Principal officer(auth::Role role, const org::Unit& u) {
    auth::Principal p;
    p.user_id = ++next_user;
    p.login = "u" + std::to_string(p.user_id);
    p.display_name = p.login;
    p.grants.push_back({role, u.id, u.path, u.name});
    return p;
  }
  Plan plan_with_item(const org::Unit& u) {
    auto p = open_unit_plan(db.conn(), sys, u.id, 2020);
    ItemInput in;
    in.content = "Tổ chức kể chuyện về Bác trong các buổi sinh hoạt định kỳ";
    return *add_item(db.conn(), sys, p->id, in);
  }
  testing::TestDb db;
  auth::Principal sys = auth::system_principal();
  org::Unit root, commune, cell1, cell2, ward;
  std::int64_t member1 = 0, member2 = 0;
  int next_user = 100;
  auth::Principal cell_officer, commune_officer, leader, member;
};

TEST_F(PlanWorkflow, TransitionTable) {
  struct Row {
    const char* who;
    Status from;
    Transition t;
    const char* comment;
    std::optional<ErrorCode> error;  // nullopt: allowed
  };
  const Row rows[] = {
      {"leader", Status::kDraft, Transition::kSubmit, "", ErrorCode::kForbidden},     // reads only
      {"member", Status::kDraft, Transition::kSubmit, "", ErrorCode::kForbidden},
      {"commune", Status::kDraft, Transition::kAccept, "", ErrorCode::kConflict},     // not submitted yet
      {"cell", Status::kDraft, Transition::kSubmit, "", std::nullopt},
      {"cell", Status::kSubmitted, Transition::kAccept, "", ErrorCode::kForbidden},   // not its own plan
      {"leader", Status::kSubmitted, Transition::kAccept, "", ErrorCode::kForbidden},
      {"commune", Status::kSubmitted, Transition::kReturn, "", ErrorCode::kInvalid},  // a return needs a reason
      {"commune", Status::kSubmitted, Transition::kReturn, "Cần cụ thể hơn", std::nullopt},
      {"cell", Status::kReturned, Transition::kSubmit, "", std::nullopt},
      {"commune", Status::kSubmitted, Transition::kAccept, "", std::nullopt},
      {"commune", Status::kAccepted, Transition::kReturn, "x", ErrorCode::kConflict},
      {"cell", Status::kAccepted, Transition::kSubmit, "", ErrorCode::kConflict},
  };
  auto p = plan_with_item(cell1);
  for (const auto& r : rows) {
    std::string w = r.who;
    const auth::Principal& who = w == "cell" ? cell_officer : w == "commune" ? commune_officer : w == "leader" ? leader : member;
    auto before = find_plan(db.conn(), p.id)->status;
    ASSERT_EQ(before, r.from) << "table row expects the plan in " << status_code(r.from);
    auto res = transition(db.conn(), who, p.id, r.t, r.comment);
    if (!r.error) {
      EXPECT_TRUE(res) << w << " " << transition_code(r.t) << ": " << res.error().message;
    } else {
      ASSERT_FALSE(res) << w << " " << transition_code(r.t) << " should be refused";
      EXPECT_EQ(res.error().code, *r.error) << w << " " << transition_code(r.t);
      EXPECT_EQ(find_plan(db.conn(), p.id)->status, before) << "a refused transition changed the plan";
    }
  }
  auto hist = events(db.conn(), p.id);
  ASSERT_EQ(hist.size(), 4u);  // submit, return, submit, accept
  EXPECT_EQ(hist[1].comment, "Cần cụ thể hơn");
}

TEST_F(PlanWorkflow, ItemsAreFrozenOnceSubmittedButProgressCanBeRecorded) {
  auto p = plan_with_item(cell1);
  ASSERT_TRUE(transition(db.conn(), cell_officer, p.id, Transition::kSubmit, ""));
  ItemInput more;
  more.content = "Thêm việc mới";
  EXPECT_EQ(add_item(db.conn(), cell_officer, p.id, more).error().code, ErrorCode::kConflict);
  ASSERT_TRUE(transition(db.conn(), commune_officer, p.id, Transition::kAccept, ""));
  ItemInput progress;
  progress.status = "hoan_thanh";
  progress.evidence = "Biên bản sinh hoạt tháng 6";
  auto r = update_item(db.conn(), cell_officer, p.id, p.items[0].id, progress);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->items[0].status, "hoan_thanh");
  ItemInput rewrite;
  rewrite.content = "Nội dung khác";
  EXPECT_EQ(update_item(db.conn(), cell_officer, p.id, p.items[0].id, rewrite).error().code, ErrorCode::kConflict);
}

TEST_F(PlanWorkflow, ReplacingItemsIsAllOrNothing) {
  auto p = plan_with_item(cell1);
  ItemInput a, b, bad;
  a.content = "Hái hoa dân chủ về phong cách làm việc của cán bộ";
  b.content = "Giúp đỡ hộ cận nghèo";
  bad.content = "";
  auto r = replace_items(db.conn(), cell_officer, p.id, {a, bad});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  ASSERT_EQ(find_plan(db.conn(), p.id)->items.size(), 1u);  // untouched
  EXPECT_EQ(replace_items(db.conn(), leader, p.id, {a}).error().code, ErrorCode::kForbidden);
  auto ok = replace_items(db.conn(), cell_officer, p.id, {a, b});
  ASSERT_TRUE(ok) << ok.error().message;
  ASSERT_EQ(ok->items.size(), 2u);
  EXPECT_EQ(ok->items[0].content, *a.content);
  EXPECT_EQ(ok->items[1].position, 2);
}

TEST_F(PlanWorkflow, CoverageByChildMatchesTheIndicatorsOfEachChild) {
  auto p = plan_with_item(cell1);
  transition(db.conn(), sys, p.id, Transition::kSubmit, "");
  transition(db.conn(), sys, p.id, Transition::kAccept, "");
  auto rows = plan_coverage_by_child(db.conn(), root.id, 2020);
  ASSERT_EQ(rows.size(), 2u);  // DB-A and DB-B
  for (const auto& r : rows) {
    auto u = org::find_unit(db.conn(), r.unit_id);
    auto x = indicators(db.conn(), u->id, 2020);
    EXPECT_EQ(r.units, x.units) << u->code;
    EXPECT_EQ(r.accepted, x.plans_accepted) << u->code;
  }
}

TEST_F(PlanWorkflow, AnEmptyPlanCannotBeSubmitted) {
  auto p = open_unit_plan(db.conn(), cell_officer, cell1.id, 2020);
  ASSERT_TRUE(p);
  auto r = transition(db.conn(), cell_officer, p->id, Transition::kSubmit, "");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
}

TEST_F(PlanWorkflow, OfficersOpenPlansOnlyInTheirSubtreeAndOnlyForCollectives) {
  EXPECT_EQ(open_unit_plan(db.conn(), cell_officer, cell2.id, 2020).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(open_unit_plan(db.conn(), commune_officer, ward.id, 2020).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(open_unit_plan(db.conn(), sys, root.id, 2020).error().code, ErrorCode::kInvalid);  // thành ủy: not counted
  EXPECT_EQ(open_unit_plan(db.conn(), cell_officer, cell1.id, 2015).error().code, ErrorCode::kInvalid);
}

TEST_F(PlanWorkflow, AMemberWritesTheirCommitmentAndTheirCellAcceptsIt) {
  auto c = open_commitment(db.conn(), member, member1, 2020);
  ASSERT_TRUE(c) << c.error().message;
  ItemInput in;
  in.content = "Gương mẫu đi đầu trong xây dựng nông thôn mới";
  ASSERT_TRUE(add_item(db.conn(), member, c->id, in));
  ASSERT_TRUE(transition(db.conn(), member, c->id, Transition::kSubmit, ""));
  EXPECT_EQ(transition(db.conn(), member, c->id, Transition::kAccept, "").error().code, ErrorCode::kForbidden);
  EXPECT_EQ(open_commitment(db.conn(), member, member2, 2020).error().code, ErrorCode::kForbidden);
  ASSERT_TRUE(transition(db.conn(), cell_officer, c->id, Transition::kAccept, ""));
  EXPECT_EQ(find_commitment(db.conn(), member1, 2020)->status, Status::kAccepted);
}

TEST_F(PlanWorkflow, CoverageFiguresOverSubtrees) {
  auto& c = db.conn();
  auto x = indicators(c, root.id, 2020);
  EXPECT_EQ(x.units, 4);  // DB-A, CB-A1, CB-A2, DB-B; not the thành ủy nor the village
  EXPECT_EQ(x.plans_accepted, 0);
  EXPECT_EQ(x.cadres, 3);  // party members; the citizen is not a cadre
  auto p = plan_with_item(cell1);
  transition(c, sys, p.id, Transition::kSubmit, "");
  EXPECT_EQ(indicators(c, root.id, 2020).plans_accepted, 0);  // submitted is not accepted
  transition(c, sys, p.id, Transition::kAccept, "");
  EXPECT_EQ(indicators(c, root.id, 2020).plans_accepted, 1);
  EXPECT_EQ(indicators(c, commune.id, 2020).units, 3);
  EXPECT_EQ(indicators(c, commune.id, 2020).plans_accepted, 1);
  EXPECT_EQ(indicators(c, ward.id, 2020).plans_accepted, 0);
  EXPECT_EQ(indicators(c, root.id, 2021).plans_accepted, 0);  // another year

  auto cm = open_commitment(c, sys, member1, 2020);
  ItemInput in;
  in.content = "Nói đi đôi với làm";
  add_item(c, sys, cm->id, in);
  transition(c, sys, cm->id, Transition::kSubmit, "");
  transition(c, sys, cm->id, Transition::kAccept, "");
  EXPECT_EQ(indicators(c, root.id, 2020).commitments_accepted, 1);
  EXPECT_EQ(indicators(c, cell2.id, 2020).commitments_accepted, 0);

  IssueInput issue;
  issue.unit_id = cell1.id;
  issue.year = 2020;
  issue.title = "Đường vào khu sản xuất lầy lội";
  auto i = create_issue(c, cell_officer, issue);
  ASSERT_TRUE(i) << i.error().message;
  EXPECT_EQ(indicators(c, root.id, 2020).issues_registered, 1);
  EXPECT_EQ(indicators(c, root.id, 2020).issues_resolved, 0);
  IssueInput done;
  done.status = "resolved";
  auto u = update_issue(c, cell_officer, i->id, done);
  ASSERT_TRUE(u);
  EXPECT_FALSE(u->resolved_on.empty());
  EXPECT_EQ(indicators(c, root.id, 2020).issues_resolved, 1);

  auto missing = missing_plans(c, root.path, 2020, 10, 0);
  ASSERT_EQ(missing.size(), 3u);
  for (const auto& m : missing) EXPECT_NE(m.code, "CB-A1");

  auto j = to_json(indicators(c, commune.id, 2020), commune.id, 2020);
  EXPECT_EQ(j["unit"], commune.id);
  EXPECT_EQ(j["year"], 2020);
  EXPECT_EQ(j["plan_coverage"]["units"], 3);
  EXPECT_EQ(j["plan_coverage"]["accepted"], 1);
  EXPECT_EQ(j["commitment_coverage"]["cadres"], 3);
  EXPECT_EQ(j["commitment_coverage"]["accepted"], 1);
  EXPECT_EQ(j["issues"]["registered"], 1);
  EXPECT_EQ(j["issues"]["resolved"], 1);
}

TEST_F(PlanWorkflow, YearsAreSetByTheAdminOnly) {
  EXPECT_EQ(set_year(db.conn(), commune_officer, {2020, "x", ""}).error().code, ErrorCode::kForbidden);
  ASSERT_TRUE(set_year(db.conn(), sys, {2020, "Nêu cao tinh thần trách nhiệm, nói đi đôi với làm, gắn bó với nhân dân", ""}));
  EXPECT_EQ(default_year(db.conn()), 2020);
  EXPECT_EQ(set_year(db.conn(), sys, {1999, "x", ""}).error().code, ErrorCode::kInvalid);
}

}  // namespace
}  // namespace ct05::plans
