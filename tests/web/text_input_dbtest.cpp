// Text goes in as UTF-8 without control characters, whatever the route (issue 16), on both engines: an API body with
// a NUL in a string is refused with 422 naming the field, a form with a vertical tab (as Word pastes line breaks) is
// refused in Vietnamese, and nothing is stored either way; tab and CR/LF line breaks in a text area are kept.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "modules/org/storage/unit_store.hpp"
#include "support/http_client.hpp"
#include "support/test_db.hpp"

namespace ct05 {
namespace {

class TextInput : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new testing::TestDb();
    db_->load_demo();
    app_ = new testing::AppHarness(db_->url());
  }
  static void TearDownTestSuite() {
    delete app_;
    delete db_;
  }
  static std::string cell() { return std::to_string(org::find_unit_by_code(db_->conn(), "CB-KHUOICUONG")->id); }
  static std::int64_t people_like(const std::string& prefix) {
    return db_->conn().scalar("SELECT COUNT(*) FROM persons WHERE full_name LIKE $1", {prefix + "%"});
  }
  static testing::TestDb* db_;
  static testing::AppHarness* app_;
};
testing::TestDb* TextInput::db_ = nullptr;
testing::AppHarness* TextInput::app_ = nullptr;

TEST_F(TextInput, AControlCharacterInAnApiStringIsRefusedAndNothingIsStored) {
  auto token = app_->token_for("khuoicuong");
  auto r = app_->api("POST", "/api/v1/people", token,
                     R"({"full_name":"Hoàng Văn Nul\u0000","gender":"nam","birth_year":1990,"unit_id":)" + cell() + "}");
  EXPECT_EQ(r.status, 422) << r.body.substr(0, 300);
  auto body = nlohmann::json::parse(r.body, nullptr, false);
  ASSERT_FALSE(body.is_discarded()) << r.body.substr(0, 300);
  EXPECT_NE(body.dump().find("full_name"), std::string::npos);
  EXPECT_NE(body.dump().find("U+0000"), std::string::npos);
  EXPECT_EQ(people_like("Hoàng Văn Nul"), 0);
  // The same person without the NUL is created: the refusal was for the character, not the request.
  auto ok = app_->api("POST", "/api/v1/people", token,
                      R"({"full_name":"Hoàng Văn Nul","gender":"nam","birth_year":1990,"unit_id":)" + cell() + "}");
  EXPECT_EQ(ok.status, 201) << ok.body.substr(0, 300);
  EXPECT_EQ(people_like("Hoàng Văn Nul"), 1);
}

TEST_F(TextInput, AFormWithAVerticalTabIsRefusedInVietnameseAndLineBreaksAreKept) {
  auto b = app_->browser_for("khuoicuong");
  auto bad = app_->post("/people", "full_name=%C4%90%E1%BB%97+Th%E1%BB%8B+Tab%0B&gender=nu&birth_year=1992&unit_id=" + cell(), &b);
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("ký tự điều khiển"), std::string::npos) << bad.body.substr(0, 500);
  EXPECT_NE(bad.body.find("U+000B"), std::string::npos);
  EXPECT_EQ(people_like("Đỗ Thị Tab"), 0);

  // A note with a tab and CR/LF line breaks, as a text area sends it, goes in whole.
  auto good = app_->post("/people",
                         "full_name=%C4%90%E1%BB%97+Th%E1%BB%8B+Tab&gender=nu&birth_year=1992&unit_id=" + cell() +
                             "&note=d%C3%B2ng+1%0D%0Ad%C3%B2ng+2%09h%E1%BA%BFt",
                         &b);
  EXPECT_EQ(good.status, 303) << good.body.substr(0, 500);
  EXPECT_EQ(people_like("Đỗ Thị Tab"), 1);
  auto note = db_->conn().query_one("SELECT note FROM persons WHERE full_name = $1", {std::string("Đỗ Thị Tab")});
  ASSERT_TRUE(note);
  EXPECT_EQ(note->str(0), "dòng 1\r\ndòng 2\thết");

  // A search with a NUL in its query is refused too, not passed to the database.
  EXPECT_EQ(app_->get("/search?q=abc%00", &b).status, 422);
}

}  // namespace
}  // namespace ct05
