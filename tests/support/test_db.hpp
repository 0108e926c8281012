#pragma once
// Database tests run once per engine: CT05_TEST_ENGINE=sqlite uses a temp file, =postgres creates a
// fresh database on the throwaway server at CT05_TEST_PG_URL (started by scripts/test.sh).
#include <memory>
#include <string>

#include "platform/db/db.hpp"

namespace ct05::testing {

//! A fresh, migrated database that is dropped when the object goes away.
class TestDb {
 public:
  TestDb();
  ~TestDb();
  TestDb(const TestDb&) = delete;
  TestDb& operator=(const TestDb&) = delete;

  const std::string& url() const { return url_; }
  db::Connection& conn() { return *conn_; }
  //! Loads the demo dataset into this database.
  void load_demo();
  bool postgres() const;

 private:
  std::string url_, name_, admin_url_;
  std::unique_ptr<db::Connection> conn_;
};

//! "sqlite" or "postgres" (from CT05_TEST_ENGINE); the test aborts if postgres is asked without a server.
std::string engine_name();

}  // namespace ct05::testing
