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

TEST(TextInput, ControlCharactersAreRefusedInEveryKindOfField) {
  auto json = [](std::string body) {
    Request r;
    r.method = "POST";
    r.headers["content-type"] = "application/json";
    r.body = std::move(body);
    return text_input_error(r);
  };
  EXPECT_FALSE(json(R"({"full_name":"Nguyễn Văn An","note":"dòng 1\r\ndòng 2\tcột"})"));
  auto nul = json(R"({"full_name":"An\u0000","year":2026})");
  ASSERT_TRUE(nul);
  EXPECT_EQ(status_for(nul->code), 422);
  ASSERT_EQ(nul->fields.size(), 1u);
  EXPECT_EQ(nul->fields[0].field, "full_name");
  EXPECT_NE(nul->message.find("U+0000"), std::string::npos) << nul->message;
  EXPECT_TRUE(json(R"({"items":[{"content":"ok"},{"content":"\u001b[2J"}]})"));
  EXPECT_TRUE(json(R"({"a\u0007":"key with a bell"})"));
  EXPECT_TRUE(json("{\"c1\":\"\xc2\x85\"}"));
  EXPECT_FALSE(json("not json at all \x01"));  // left to the handler, which refuses it

  // A fresh request each time: a request keeps the fields it parsed once.
  auto form = [](std::string body) {
    Request r;
    r.method = "POST";
    r.headers["content-type"] = "application/x-www-form-urlencoded";
    r.body = std::move(body);
    return text_input_error(r);
  };
  EXPECT_FALSE(form("title=K%E1%BA%BF+ho%E1%BA%A1ch&body=a%0D%0Ab"));
  auto vt = form("title=ok&body=a%0Bb");  // a vertical tab, as Word pastes line breaks
  ASSERT_TRUE(vt);
  EXPECT_EQ(vt->fields[0].field, "body");
  auto l1 = form("title=H%E0+N%F4i");  // Latin-1 bytes, not UTF-8
  ASSERT_TRUE(l1);
  EXPECT_NE(l1->message.find("UTF-8"), std::string::npos);

  Request query;
  query.method = "GET";
  query.query_string = "q=a%00b";
  EXPECT_TRUE(text_input_error(query));

  Request upload;
  upload.method = "POST";
  upload.headers["content-type"] = "multipart/form-data; boundary=XX";
  upload.body = "--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\x01.csv\"\r\n\r\n"
                "bytes \x01 inside a file are the reader's\r\n--XX--\r\n";
  auto name = text_input_error(upload);
  ASSERT_TRUE(name);
  EXPECT_EQ(name->fields[0].field, "file");
}

}  // namespace
}  // namespace ct05::http
