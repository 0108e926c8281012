// Diacritic-insensitive search on both engines, over the demo data (DESIGN §5's five names).
#include "platform/search/search.hpp"

#include <gtest/gtest.h>

#include "support/test_db.hpp"

namespace ct05::search {
namespace {

class SearchDemo : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new testing::TestDb();
    db_->load_demo();
  }
  static void TearDownTestSuite() {
    delete db_;
    db_ = nullptr;
  }
  static std::vector<std::string> titles(const std::string& q, const std::vector<std::string>& scope = {"/"}) {
    std::vector<std::string> out;
    for (const auto& h : find(db_->conn(), q, scope, 50)) out.push_back(h.title);
    return out;
  }
  static bool has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  }
  static testing::TestDb* db_;
};
testing::TestDb* SearchDemo::db_ = nullptr;

TEST_F(SearchDemo, FindsWithoutDiacritics) {
  EXPECT_TRUE(has(titles("khuoi cuong"), "Thôn Khuổi Cuồng"));
  EXPECT_TRUE(has(titles("dang bo xa nong thuong"), "Đảng bộ xã Nông Thượng"));
  EXPECT_TRUE(has(titles("luong thi thoi"), "Lường Thị Thời"));
  EXPECT_TRUE(has(titles("phuong hoang minh"), "Phượng Hoàng Minh"));
}

TEST_F(SearchDemo, DFindsDStroke) {
  // FTS5 never folds đ by itself; the kernel's folding does.
  auto t = titles("dang");
  bool any = false;
  for (const auto& s : t) any = any || s.rfind("Đặng", 0) == 0 || s.rfind("Đảng", 0) == 0;
  EXPECT_TRUE(any);
}

TEST_F(SearchDemo, WithDiacriticsAndCaseToo) {
  EXPECT_TRUE(has(titles("KHUỔI CUỒNG"), "Chi bộ thôn Khuổi Cuồng"));
}

TEST_F(SearchDemo, ScopeHidesWhatTheCallerMayNotSee) {
  auto cell = db_->conn().query_one("SELECT path FROM units WHERE code = 'CB-KHUOICUONG'")->str(0);
  EXPECT_TRUE(has(titles("luong thi thoi", {cell}), "Lường Thị Thời"));
  EXPECT_FALSE(has(titles("phuong hoang minh", {cell}), "Phượng Hoàng Minh"));
  EXPECT_TRUE(titles("nong thuong", {}).empty());
}

TEST_F(SearchDemo, NoiseQueriesFindNothingAndDoNotFail) {
  EXPECT_TRUE(titles("").empty());
  EXPECT_NO_THROW(titles("\"*)(' OR 1=1 -- NEAR("));
  EXPECT_TRUE(titles("zzzzqqq").empty());
}

}  // namespace
}  // namespace ct05::search
