// The audit chain on both engines: changes are logged with before/after, and `ct05 audit verify`
// finds an edited row and a deleted row.
#include "platform/audit/audit.hpp"

#include <gtest/gtest.h>

#include "support/test_db.hpp"

namespace ct05::audit {
namespace {

void append(db::Connection& c, int n) {
  auto who = auth::system_principal();
  for (int i = 0; i < n; ++i)
    db::in_transaction(c, [&] {
      record(c, who, {"unit.update", "unit", 5, "/1/5/", {{"name", "Thôn Nà Nàng"}}, {{"name", "Thôn Nà Nàng " + std::to_string(i)}}});
    });
}

TEST(AuditChain, IntactChainVerifies) {
  testing::TestDb db;
  append(db.conn(), 5);
  auto v = verify(db.conn());
  EXPECT_TRUE(v.ok) << v.reason;
  EXPECT_EQ(v.checked, 5);
  auto rows = list(db.conn(), {"/1/"}, "", 10, 0);
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows.front().id, 5);  // newest first
  EXPECT_NE(rows.front().before.find("Nà Nàng"), std::string::npos);
  EXPECT_EQ(rows.front().actor, "hệ thống");
}

TEST(AuditChain, EditedRowIsDetected) {
  testing::TestDb db;
  append(db.conn(), 5);
  db.conn().exec("UPDATE audit_log SET after_json = $1 WHERE id = 3", {std::string("{\"name\":\"sửa lén\"}")});
  auto v = verify(db.conn());
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_id, 3);
}

TEST(AuditChain, DeletedRowIsDetected) {
  testing::TestDb db;
  append(db.conn(), 5);
  db.conn().exec("DELETE FROM audit_log WHERE id = 2");
  auto v = verify(db.conn());
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_id, 2);
}

TEST(AuditChain, DeletedTailIsDetected) {
  testing::TestDb db;
  append(db.conn(), 5);
  db.conn().exec("DELETE FROM audit_log WHERE id = 5");
  EXPECT_FALSE(verify(db.conn()).ok);
}

TEST(AuditChain, ScopeLimitsWhatAnOfficerSees) {
  testing::TestDb db;
  auto who = auth::system_principal();
  db::in_transaction(db.conn(), [&] {
    record(db.conn(), who, {"unit.create", "unit", 3, "/1/2/3/", nullptr, {{"name", "a"}}});
    record(db.conn(), who, {"unit.create", "unit", 4, "/1/4/", nullptr, {{"name", "b"}}});
  });
  EXPECT_EQ(count(db.conn(), {"/1/2/"}, ""), 1);
  EXPECT_EQ(count(db.conn(), {"/1/"}, "unit."), 2);
  EXPECT_EQ(count(db.conn(), {}, ""), 0);
}

}  // namespace
}  // namespace ct05::audit
