#include "platform/http/http.hpp"

#include <gtest/gtest.h>

namespace ct05::http {
namespace {

TEST(Forms, DecodeVietnameseAndPlus) {
  auto f = Fields::parse("full_name=Ho%C3%A0ng+V%C4%83n+Th%E1%BA%AFng&birth_year=1985&empty=&flag");
  EXPECT_EQ(f.get("full_name"), "Hoàng Văn Thắng");
  EXPECT_EQ(f.get("birth_year"), "1985");
  EXPECT_TRUE(f.has("empty"));
  EXPECT_TRUE(f.has("flag"));
  EXPECT_EQ(f.get("missing"), "");
}

TEST(Forms, BrokenPercentEscapesStayLiteral) {
  EXPECT_EQ(url_decode("100%", true), "100%");
  EXPECT_EQ(url_decode("%zz%4", true), "%zz%4");
}

TEST(Cookies, FindsTheNamedCookie) {
  Request r;
  r.headers["cookie"] = "a=1; ct05_session=abc; b=2";
  EXPECT_EQ(r.cookie("ct05_session"), "abc");
  EXPECT_EQ(r.cookie("ct05"), "");
}

TEST(Statuses, OneMappingForEveryErrorCode) {
  EXPECT_EQ(status_for(ErrorCode::kInvalid), 422);
  EXPECT_EQ(status_for(ErrorCode::kUnauthenticated), 401);
  EXPECT_EQ(status_for(ErrorCode::kForbidden), 403);
  EXPECT_EQ(status_for(ErrorCode::kNotFound), 404);
  EXPECT_EQ(status_for(ErrorCode::kConflict), 409);
  EXPECT_EQ(status_for(ErrorCode::kTooManyRequests), 429);
  EXPECT_EQ(status_for(ErrorCode::kInternal), 500);
}

}  // namespace
}  // namespace ct05::http

namespace ct05::http {
namespace {

TEST(Ids, OnlyPositiveDecimalNumbersAreIds) {
  EXPECT_EQ(parse_id("24"), 24);
  EXPECT_EQ(parse_id("999999999999999999"), 999999999999999999);
  EXPECT_FALSE(parse_id(""));
  EXPECT_FALSE(parse_id("0"));
  EXPECT_FALSE(parse_id("-3"));
  EXPECT_FALSE(parse_id("12a"));
  EXPECT_FALSE(parse_id("1234567890123456789"));  // 19 digits could overflow
  EXPECT_EQ(Fields::parse("unit= 12 ").id("unit"), 12);
}

}  // namespace
}  // namespace ct05::http
