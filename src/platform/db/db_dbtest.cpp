// The two engines agree on parameters, NULLs, unique violations, transactions and migrations.
#include "platform/db/db.hpp"

#include <gtest/gtest.h>

#include "support/test_db.hpp"

namespace ct05::db {
namespace {

TEST(Db, ParametersBindByTheirNumberNotTheirOrder) {
  testing::TestDb t;
  auto r = t.conn().query_one("SELECT CAST($2 AS TEXT) || '-' || CAST($1 AS TEXT) || '-' || CAST($2 AS TEXT)",
                              {std::string("a"), std::string("b")});
  EXPECT_EQ(r->str(0), "b-a-b");
}

TEST(Db, NullsIntegersAndVietnameseTextRoundTrip) {
  testing::TestDb t;
  auto& c = t.conn();
  c.exec_script("CREATE TABLE rt (id INTEGER PRIMARY KEY, n BIGINT, s TEXT)");
  c.exec("INSERT INTO rt (id, n, s) VALUES ($1, $2, $3)", {std::int64_t{1}, Value{}, std::string("Khuổi Cuồng")});
  c.exec("INSERT INTO rt (id, n, s) VALUES ($1, $2, $3)", {std::int64_t{2}, std::int64_t{-5600000000}, Value{}});
  auto rows = c.query("SELECT id, n, s FROM rt ORDER BY id");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_TRUE(rows[0].null(1));
  EXPECT_EQ(rows[0].str(2), "Khuổi Cuồng");
  EXPECT_EQ(rows[1].i64(1), -5600000000);
  EXPECT_TRUE(rows[1].null(2));
}

TEST(Db, UniqueViolationIsMarkedAndRollbackUndoes) {
  testing::TestDb t;
  auto& c = t.conn();
  c.exec_script("CREATE TABLE u1 (code TEXT PRIMARY KEY)");
  c.exec("INSERT INTO u1 (code) VALUES ($1)", {std::string("TU-BACKAN")});
  try {
    c.exec("INSERT INTO u1 (code) VALUES ($1)", {std::string("TU-BACKAN")});
    FAIL() << "duplicate accepted";
  } catch (const DbError& e) {
    EXPECT_TRUE(e.unique_violation());
  }
  EXPECT_THROW(in_transaction(c, [&] {
                 c.exec("INSERT INTO u1 (code) VALUES ($1)", {std::string("X")});
                 throw std::runtime_error("stop");
               }),
               std::runtime_error);
  EXPECT_EQ(c.scalar("SELECT COUNT(*) FROM u1"), 1);
}

TEST(Db, BulkInsertLoadsEveryRow) {
  testing::TestDb t;
  auto& c = t.conn();
  c.exec_script("CREATE TABLE b1 (id INTEGER, s TEXT)");
  std::vector<std::vector<Value>> rows;
  for (int i = 0; i < 1000; ++i) rows.push_back({std::int64_t{i}, i % 2 ? Value{std::string("tab\there\\ và")} : Value{}});
  c.bulk_insert("b1", {"id", "s"}, rows);
  EXPECT_EQ(c.scalar("SELECT COUNT(*) FROM b1"), 1000);
  EXPECT_EQ(c.query_one("SELECT s FROM b1 WHERE id = 1")->str(0), "tab\there\\ và");
  EXPECT_EQ(c.scalar("SELECT COUNT(*) FROM b1 WHERE s IS NULL"), 500);
}

TEST(Db, MigrationsRunOnceAndAreRecorded) {
  testing::TestDb t;
  auto& c = t.conn();
  std::vector<Migration> ms = {{"9001_x", "CREATE TABLE mx (id {{ID_PK}}, v TEXT)"}};
  EXPECT_EQ(migrate(c, ms), 1);
  EXPECT_EQ(migrate(c, ms), 0);
  c.exec("INSERT INTO mx (v) VALUES ($1)", {std::string("a")});
  EXPECT_EQ(c.scalar("SELECT id FROM mx"), 1);
}

}  // namespace
}  // namespace ct05::db

namespace ct05::db {
namespace {

TEST(Db, SubtreeRangesSelectExactlyTheSubtree) {
  EXPECT_EQ(subtree_end("/1/14/"), "/1/140");
  EXPECT_EQ(subtree_end("/"), "0");
  testing::TestDb t;
  auto& c = t.conn();
  // Paths compare byte by byte (units.path is declared COLLATE "C" on PostgreSQL; this test table says it in the query).
  c.exec_script("CREATE TABLE p1 (path TEXT NOT NULL)");
  for (const char* p : {"/1/", "/1/14/", "/1/14/24/", "/1/140/", "/1/141/", "/1/15/", "/1/14/2/"})
    c.exec("INSERT INTO p1 (path) VALUES ($1)", {std::string(p)});
  std::string sql = c.engine() == Engine::kPostgres ? "SELECT COUNT(*) FROM p1 WHERE path COLLATE \"C\" >= $1 AND path COLLATE \"C\" < $2"
                                                    : "SELECT COUNT(*) FROM p1 WHERE path >= $1 AND path < $2";
  EXPECT_EQ(c.scalar(sql, {std::string("/1/14/"), subtree_end("/1/14/")}), 3);
  EXPECT_EQ(c.scalar(sql, {std::string("/"), subtree_end("/")}), 7);
}

}  // namespace
}  // namespace ct05::db
