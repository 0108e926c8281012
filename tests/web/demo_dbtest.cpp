// The demo dataset on both engines: the article's units and figures, loaded twice without change, with an
// intact audit chain and tallies that agree with a recount.
#include <gtest/gtest.h>

#include "modules/org/storage/unit_store.hpp"
#include "modules/plans/storage/plan_store.hpp"
#include "modules/plans/storage/tallies.hpp"
#include "platform/audit/audit.hpp"
#include "support/test_db.hpp"

namespace ct05 {
namespace {

TEST(Demo, LoadsTheArticlesUnitsAndFiguresAndIsIdempotent) {
  testing::TestDb db;
  auto& c = db.conn();
  db.load_demo();
  auto units = org::count_subtree(c, "/");
  auto people = c.scalar("SELECT COUNT(*) FROM persons");
  for (const char* code : {"TU-BACKAN", "DB-NONGTHUONG", "CB-KHUOICUONG", "THON-KHUOICUONG", "THON-NANANG"})
    EXPECT_TRUE(org::find_unit_by_code(c, code)) << code;
  EXPECT_EQ(c.scalar("SELECT COUNT(*) FROM unit_group_members"), 3);
  db.load_demo();
  EXPECT_EQ(org::count_subtree(c, "/"), units);
  EXPECT_EQ(c.scalar("SELECT COUNT(*) FROM persons"), people);
  EXPECT_TRUE(audit::verify(c).ok);

  // The seed article: every one of the 50 cells and party committees under the city has an accepted plan
  // for 2020 (one more, a cell's, waits for review), and 443 cadres have an accepted commitment: read under the
  // tree of the article's year, since the 1/7/2025 change closed two ward committees (D25).
  auto root = org::find_unit_by_code(c, "TU-BACKAN");
  auto then = org::scope_at(c, *root, "2020-12-31", false);
  ASSERT_TRUE(then);
  auto x = plans::indicators(c, *then, 2020);
  EXPECT_EQ(x.plans_accepted, 50);
  EXPECT_EQ(x.commitments_accepted, 443);
  // Today the city has the merged ward's committee instead of the two (one had its 2020 plan accepted); the new one
  // started in 2025, so it owes no plan for 2020.
  auto now = plans::indicators(c, root->id, 2020);
  EXPECT_EQ(now.plans_accepted, 49);
  EXPECT_EQ(now.units, x.units - 2);
  EXPECT_EQ(plans::indicators(c, root->id, 2025).units, x.units - 1);
  // Read as of today from the rows, the figures are the tallies' (D13 and D25 count alike).
  auto today = org::scope_at(c, *root, "", false);
  ASSERT_TRUE(today);
  for (int year : {2020, 2025}) {
    auto a = plans::indicators(c, *today, year), b = plans::indicators(c, root->id, year);
    EXPECT_EQ(a.units, b.units) << year;
    EXPECT_EQ(a.plans_accepted, b.plans_accepted) << year;
    EXPECT_EQ(a.cadres, b.cadres) << year;
    EXPECT_EQ(a.commitments_accepted, b.commitments_accepted) << year;
    EXPECT_EQ(a.issues_registered, b.issues_registered) << year;
  }
  // With continuity the new ward carries its predecessors' 2020 plans.
  auto ward = org::find_unit_by_code(c, "DB-PHUONGBACKAN");
  auto carried = org::scope_at(c, *ward, "", true);
  ASSERT_TRUE(carried);
  EXPECT_EQ(carried->carried.size(), 4u);  // the two committees and the two wards merged into it
  EXPECT_EQ(plans::indicators(c, *carried, 2020).plans_accepted, plans::indicators(c, ward->id, 2020).plans_accepted + 1);
  // The city is under Thái Nguyên now, and was a root before 1/7/2025.
  EXPECT_EQ(org::find_unit(c, root->parent_id)->code, "TU-THAINGUYEN");
  EXPECT_EQ(org::unit_on(c, *root, "2025-06-30").parent_id, 0);
  auto bad = plans::tallies::check(c);
  EXPECT_TRUE(bad.empty()) << bad.size() << " tallies differ from a recount";
}

}  // namespace
}  // namespace ct05
