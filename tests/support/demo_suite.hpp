#pragma once
// A test suite over one demo database and the whole application driven in-process: loaded once per suite.
#include <gtest/gtest.h>

#include "support/http_client.hpp"
#include "support/test_db.hpp"

namespace ct05::testing {

//! Derive as `class MySuite : public testing::DemoSuite<MySuite>`; db_ and app_ live for the whole suite.
template <class Suite>
class DemoSuite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new TestDb();
    db_->load_demo();
    app_ = new AppHarness(db_->url());
  }
  static void TearDownTestSuite() {
    delete app_;
    delete db_;
    app_ = nullptr;
    db_ = nullptr;
  }
  static db::Connection& c() { return db_->conn(); }
  static TestDb* db_;
  static AppHarness* app_;
};
template <class Suite>
TestDb* DemoSuite<Suite>::db_ = nullptr;
template <class Suite>
AppHarness* DemoSuite<Suite>::app_ = nullptr;

}  // namespace ct05::testing
