// The per-unit tallies on both engines: after every kind of change the stored figures equal a recount
// from the rows, concurrent acceptances all count, and a tampered tally is found and repaired.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "modules/org/storage/unit_store.hpp"
#include "modules/people/storage/person_store.hpp"
#include "modules/plans/storage/plan_store.hpp"
#include "modules/plans/storage/tallies.hpp"
#include "support/test_db.hpp"

namespace ct05::plans {
namespace {

std::string describe(const std::vector<tallies::Mismatch>& bad) {
  std::string s;
  for (const auto& m : bad)
    s += "unit " + std::to_string(m.unit_id) + " year " + std::to_string(m.year) + (m.sub ? " sub" : " own") + "; ";
  return s;
}

class Tallies : public ::testing::Test {
 protected:
  void SetUp() override {
    root = unit("TU-X", "Thành ủy X", "thanh_uy", 0);
    commune = unit("DB-A", "Đảng bộ xã A", "dang_bo_co_so", root.id);
    cell1 = unit("CB-A1", "Chi bộ thôn A1", "chi_bo", commune.id);
    cell2 = unit("CB-A2", "Chi bộ thôn A2", "chi_bo", commune.id);
    village = unit("THON-A1", "Thôn A1", "thon", commune.id);
    ward = unit("DB-B", "Đảng bộ phường B", "dang_bo_co_so", root.id);
    member1 = person("Hoàng Văn An", cell1.id, true);
    member2 = person("Nông Thị Bình", cell1.id, true);
    member3 = person("Lý Văn Cư", cell2.id, true);
    citizen = person("Người dân không phải cán bộ", cell2.id, false);
  }
  db::Connection& c() { return db.conn(); }
  org::Unit unit(const char* code, const char* name, const char* kind, std::int64_t parent) {
    org::UnitInput in;
    in.code = code;
    in.name = name;
    in.kind = kind;
    in.parent_id = parent;
    in.valid_from = "2016-01-01";  // the units exist in the years the figures are about
    auto r = parent ? org::create_unit(c(), sys, in) : org::create_root_unit(c(), sys, in);
    EXPECT_TRUE(r) << r.error().message;
    return *r;
  }
  std::int64_t person(const char* name, std::int64_t unit_id, bool member) {
    people::PersonInput in;
    in.full_name = name;
    in.unit_id = unit_id;
    in.is_party_member = member;
    in.cadre_status = member ? "nhan_dan" : "";
    return people::create_person(c(), sys, in)->id;
  }
  void accept(Result<Plan> p) {
    ASSERT_TRUE(p) << p.error().message;
    ItemInput in;
    in.content = "Nói đi đôi với làm";
    ASSERT_TRUE(add_item(c(), sys, p->id, in));
    ASSERT_TRUE(transition(c(), sys, p->id, Transition::kSubmit, ""));
    ASSERT_TRUE(transition(c(), sys, p->id, Transition::kAccept, ""));
  }
  void expect_agree(const char* after) {
    auto bad = tallies::check(c());
    EXPECT_TRUE(bad.empty()) << "after " << after << ": " << describe(bad);
  }
  testing::TestDb db;
  auth::Principal sys = auth::system_principal();
  org::Unit root, commune, cell1, cell2, village, ward;
  std::int64_t member1 = 0, member2 = 0, member3 = 0, citizen = 0;
};

TEST_F(Tallies, FollowEveryKindOfChange) {
  expect_agree("creating units and people");
  auto x = indicators(c(), root.id, 2020);
  EXPECT_EQ(x.units, 4);
  EXPECT_EQ(x.cadres, 3);

  accept(open_unit_plan(c(), sys, cell1.id, 2020));
  accept(open_commitment(c(), sys, member1, 2020));
  accept(open_commitment(c(), sys, member3, 2021));
  expect_agree("accepting a plan and commitments");
  EXPECT_EQ(indicators(c(), commune.id, 2020).plans_accepted, 1);
  EXPECT_EQ(indicators(c(), commune.id, 2020).commitments_accepted, 1);
  EXPECT_EQ(indicators(c(), root.id, 2021).commitments_accepted, 1);

  // A transfer carries the person's accepted commitment to the new subtree.
  people::PersonInput move;
  move.unit_id = ward.id;
  ASSERT_TRUE(people::update_person(c(), sys, member1, move));
  expect_agree("a transfer");
  EXPECT_EQ(indicators(c(), commune.id, 2020).commitments_accepted, 0);
  EXPECT_EQ(indicators(c(), ward.id, 2020).commitments_accepted, 1);
  EXPECT_EQ(indicators(c(), ward.id, 2020).cadres, 1);
  EXPECT_EQ(indicators(c(), root.id, 2020).commitments_accepted, 1);

  // Who counts as a cadre follows the person's record.
  people::PersonInput not_cadre;
  not_cadre.is_party_member = false;
  not_cadre.cadre_status = "nhan_dan";
  ASSERT_TRUE(people::update_person(c(), sys, member2, not_cadre));
  expect_agree("a person who is no longer a cadre");
  EXPECT_EQ(indicators(c(), commune.id, 2020).cadres, 1);
  ASSERT_TRUE(people::deactivate_person(c(), sys, member3));
  expect_agree("a person leaving");
  EXPECT_EQ(indicators(c(), root.id, 2021).commitments_accepted, 0);

  // A unit that changes kind starts or stops needing a plan; a closed unit no longer counts.
  org::UnitInput kind;
  kind.kind = "chi_bo";
  ASSERT_TRUE(org::update_unit(c(), sys, village.id, kind));
  expect_agree("a village turned into a cell");
  EXPECT_EQ(indicators(c(), commune.id, 2020).units, 4);
  ASSERT_TRUE(people::deactivate_person(c(), sys, citizen));
  auto closed = org::deactivate_unit(c(), sys, cell2.id, "");
  ASSERT_TRUE(closed) << closed.error().message;
  expect_agree("closing a cell");
  EXPECT_EQ(indicators(c(), commune.id, 2020).units, 3);
  EXPECT_EQ(indicators(c(), root.id, 2020).units, 4);

  IssueInput issue;
  issue.unit_id = ward.id;
  issue.year = 2020;
  issue.title = "Rác thải sinh hoạt ở khu dân cư";
  auto i = create_issue(c(), sys, issue);
  ASSERT_TRUE(i);
  IssueInput done;
  done.status = "resolved";
  ASSERT_TRUE(update_issue(c(), sys, i->id, done));
  expect_agree("registering and resolving an issue");
  EXPECT_EQ(indicators(c(), root.id, 2020).issues_resolved, 1);

  // Rebuilding from the rows gives the same figures.
  auto before = tallies::subtree(c(), root.id, 2020);
  tallies::rebuild(c());
  EXPECT_EQ(tallies::subtree(c(), root.id, 2020), before);
  expect_agree("a rebuild");
}

TEST_F(Tallies, ATamperedTallyIsFoundAndRebuildRepairsIt) {
  accept(open_unit_plan(c(), sys, cell1.id, 2020));
  c().exec("UPDATE unit_tallies SET plans = plans + 5 WHERE unit_id = $1 AND year = 2020", {root.id});
  EXPECT_EQ(indicators(c(), root.id, 2020).plans_accepted, 6);
  auto bad = tallies::check(c());
  ASSERT_EQ(bad.size(), 1u);
  EXPECT_EQ(bad[0].unit_id, root.id);
  EXPECT_TRUE(bad[0].sub);
  EXPECT_EQ(bad[0].stored.plans, 6);
  EXPECT_EQ(bad[0].counted.plans, 1);
  tallies::rebuild(c());
  EXPECT_TRUE(tallies::check(c()).empty());
  EXPECT_EQ(indicators(c(), root.id, 2020).plans_accepted, 1);
}

TEST_F(Tallies, ConcurrentAcceptancesInSiblingUnitsAllCount) {
  // Plans of eight cells wait for review; four connections accept two each at the same time. Every
  // acceptance adds to the same ancestors' rows, so a lost update would show in the commune and root.
  std::vector<std::int64_t> plan_ids;
  for (int k = 0; k < 8; ++k) {
    std::string code = "CB-P" + std::to_string(k), name = "Chi bộ song song " + std::to_string(k);
    auto u = unit(code.c_str(), name.c_str(), "chi_bo", commune.id);
    auto p = open_unit_plan(c(), sys, u.id, 2020);
    ItemInput in;
    in.content = "Kể chuyện về Bác";
    ASSERT_TRUE(add_item(c(), sys, p->id, in));
    ASSERT_TRUE(transition(c(), sys, p->id, Transition::kSubmit, ""));
    plan_ids.push_back(p->id);
  }
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      auto conn = db::connect(db.url());
      for (int k = t; k < 8; k += 4)
        if (!transition(*conn, auth::system_principal(), plan_ids[k], Transition::kAccept, "")) ++failures;
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(indicators(c(), commune.id, 2020).plans_accepted, 8);
  EXPECT_EQ(indicators(c(), root.id, 2020).plans_accepted, 8);
  expect_agree("concurrent acceptances");
}

}  // namespace

// A unit owes a plan from the year it started: one made in 2021 is not counted for 2020, and is from 2021 (D25).
TEST_F(Tallies, UnitsOwePlansFromTheYearTheyStarted) {
  org::UnitInput in;
  in.code = "CB-A3";
  in.name = "Chi bộ thôn A3";
  in.kind = "chi_bo";
  in.parent_id = commune.id;
  in.valid_from = "2021-03-01";
  ASSERT_TRUE(org::create_unit(c(), sys, in));
  EXPECT_EQ(indicators(c(), root.id, 2020).units, 4);
  EXPECT_EQ(indicators(c(), root.id, 2021).units, 5);
  EXPECT_EQ(indicators(c(), commune.id, 2021).units, 4);
  auto kids = plan_coverage_by_child(c(), root.id, 2020);
  ASSERT_FALSE(kids.empty());
  for (const auto& k : kids)
    if (k.unit_id == commune.id) {
      EXPECT_EQ(k.units, 3);
    }
  expect_agree("a unit started in 2021");
}

}  // namespace ct05::plans
