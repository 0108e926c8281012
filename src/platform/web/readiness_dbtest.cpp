// /readyz on both engines: 200 while the database takes a write, 503 with the reason when it refuses one (the test's
// pool set read-only, as a replica or a read-only role would be) or, on SQLite, when the database's folder has less
// free space than `serve --min-free-mb`; /healthz stays 200 throughout (liveness).
#include "platform/web/readiness.hpp"

#include <gtest/gtest.h>

#include "support/http_client.hpp"
#include "support/test_db.hpp"

namespace ct05 {
namespace {

class Readiness : public ::testing::Test {
 protected:
  void TearDown() override { platform_web::set_readiness_options({}); }

  // Every connection of the application's pool refuses writes from now on (or accepts them again): SQLite's
  // query_only, PostgreSQL's default_transaction_read_only, set on each connection while all are leased at once.
  void set_read_only(bool on) {
    const auto size = app_.pool().stats().size;
    std::vector<db::Pool::Lease> all;
    for (int i = 0; i < size; ++i) all.push_back(app_.pool().lease());
    for (auto& c : all)
      c->exec_script(db_.postgres() ? std::string("SET default_transaction_read_only = ") + (on ? "on" : "off")
                                    : std::string("PRAGMA query_only = ") + (on ? "ON" : "OFF"));
  }

  testing::TestDb db_;
  testing::AppHarness app_{db_.url()};
};

TEST_F(Readiness, ReadyWhileTheDatabaseTakesAWriteAndNothingIsKept) {
  auto r = app_.get("/readyz");  // no login: monitors and load balancers ask it
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body, "sẵn sàng / ready\n");
  EXPECT_EQ(r.header_value("Cache-Control"), "no-store");
  EXPECT_EQ(db_.conn().scalar("SELECT COUNT(*) FROM readiness"), 0);  // the write was rolled back
}

TEST_F(Readiness, NotReadyWhenWritesAreRefusedWhileStillAlive) {
  set_read_only(true);
  auto r = app_.get("/readyz");
  EXPECT_EQ(r.status, 503);
  EXPECT_NE(r.body.find("chưa sẵn sàng / not ready"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("cơ sở dữ liệu không nhận ghi / the database refuses writes"), std::string::npos) << r.body;
  EXPECT_EQ(app_.get("/healthz").status, 200);  // alive: restarting it would not help
  set_read_only(false);
  EXPECT_EQ(app_.get("/readyz").status, 200);  // and ready again at once, nothing cached
}

TEST_F(Readiness, NotReadyBelowTheFreeSpaceThresholdOnSqlite) {
  platform_web::set_readiness_options({.min_free_bytes = 1ull << 60});  // an exabyte: no disk has that free
  auto r = app_.get("/readyz");
  if (db_.postgres()) {
    // The server's disk is not this machine's to measure; PostgreSQL refuses the write itself when it is full.
    EXPECT_EQ(r.status, 200) << r.body;
    return;
  }
  EXPECT_EQ(r.status, 503);
  EXPECT_NE(r.body.find("dưới ngưỡng 1099511627776 MB"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("below the 1099511627776 MB threshold"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("không nhận ghi"), std::string::npos) << r.body;  // the write itself went through
  platform_web::set_readiness_options({.min_free_bytes = 1});
  EXPECT_EQ(app_.get("/readyz").status, 200);
}

}  // namespace
}  // namespace ct05
