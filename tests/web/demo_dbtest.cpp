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
  // for 2020 (one more, a cell's, waits for review), and 443 cadres have an accepted commitment.
  auto root = org::find_unit_by_code(c, "TU-BACKAN");
  auto x = plans::indicators(c, root->id, 2020);
  EXPECT_EQ(x.plans_accepted, 50);
  EXPECT_EQ(x.commitments_accepted, 443);
  auto bad = plans::tallies::check(c);
  EXPECT_TRUE(bad.empty()) << bad.size() << " tallies differ from a recount";
}

}  // namespace
}  // namespace ct05
