#include "platform/http/multipart.hpp"

#include <gtest/gtest.h>

#include "platform/http/http.hpp"

namespace ct05::http {
namespace {

constexpr const char* kType = "multipart/form-data; boundary=----ct05Boundary7MA4YWxk";
constexpr const char* kDelim = "------ct05Boundary7MA4YWxk";  // "--" + boundary

// Every byte value, then text that looks like the boundary but does not start a line.
std::string binary_payload() {
  std::string data;
  for (int i = 0; i < 256; ++i) data += static_cast<char>(i);
  data += std::string("x") + kDelim + "\r\n";
  data += std::string("junk") + kDelim + "--";
  return data;
}

std::string text_part(std::string_view name, std::string_view value) {
  return std::string(kDelim) + "\r\nContent-Disposition: form-data; name=\"" + std::string(name) + "\"\r\n\r\n" +
         std::string(value) + "\r\n";
}

std::string file_part(std::string_view name, std::string_view filename, std::string_view type, std::string_view data) {
  return std::string(kDelim) + "\r\nContent-Disposition: form-data; name=\"" + std::string(name) + "\"; filename=\"" +
         std::string(filename) + "\"\r\nContent-Type: " + std::string(type) + "\r\n\r\n" + std::string(data) + "\r\n";
}

std::string normal_body() {
  return text_part("_csrf", "abc123") + text_part("title", "Hồ sơ đăng ký\r\nhai dòng") +
         file_part("files", "ảnh.png", "image/png", binary_payload()) +
         file_part("files", "C:\\Users\\an\\note.txt", "text/plain", "xin chào") +
         file_part("files", "", "application/octet-stream", "") + kDelim + "--\r\n";
}

TEST(Multipart, TextFieldsAndFiles) {
  auto form = parse_multipart(kType, normal_body());
  ASSERT_TRUE(form) << form.error().detail;
  ASSERT_EQ(form->fields.size(), 2u);
  EXPECT_EQ(form->fields[0], (std::pair<std::string, std::string>{"_csrf", "abc123"}));
  EXPECT_EQ(form->fields[1].second, "Hồ sơ đăng ký\r\nhai dòng");
  ASSERT_EQ(form->files.size(), 2u);  // the empty file input is skipped
  EXPECT_EQ(form->files[0].field, "files");
  EXPECT_EQ(form->files[0].filename, "ảnh.png");
  EXPECT_EQ(form->files[0].content_type, "image/png");
  EXPECT_EQ(form->files[0].data, binary_payload());
  EXPECT_EQ(form->files[1].filename, "C:\\Users\\an\\note.txt");
  EXPECT_EQ(form->files[1].data, "xin chào");
}

TEST(Multipart, QuotedBoundaryPreambleAndEpilogue) {
  std::string body =
      "preamble to ignore\r\n--a'b(c)\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n"
      "--a'b(c)--\r\nepilogue";
  auto form = parse_multipart("Multipart/Form-Data; charset=utf-8; boundary=\"a'b(c)\"", body);
  ASSERT_TRUE(form) << form.error().detail;
  ASSERT_EQ(form->fields.size(), 1u);
  EXPECT_EQ(form->fields[0].second, "1");
}

TEST(Multipart, EmptyValueAndEmptyFile) {
  std::string body = text_part("note", "") + file_part("files", "empty.pdf", "application/pdf", "") + kDelim + "--";
  auto form = parse_multipart(kType, body);
  ASSERT_TRUE(form) << form.error().detail;
  ASSERT_EQ(form->fields.size(), 1u);
  EXPECT_EQ(form->fields[0].second, "");
  ASSERT_EQ(form->files.size(), 1u);  // a chosen but empty file is kept: FileStore says it is empty
  EXPECT_EQ(form->files[0].data, "");
}

TEST(Multipart, MissingClosingBoundaryIsAnError) {
  std::string body = text_part("_csrf", "abc") + file_part("files", "a.png", "image/png", "truncated upload");
  auto form = parse_multipart(kType, body);
  ASSERT_FALSE(form);
  EXPECT_EQ(form.error().code, ErrorCode::kInvalid);
  EXPECT_NE(form.error().message.find("không đúng định dạng"), std::string::npos);
  // A boundary that only appears inside the data does not close the body either.
  EXPECT_FALSE(parse_multipart(kType, text_part("a", std::string("x") + kDelim + "--")));
}

TEST(Multipart, TooManyPartsIsAnError) {
  std::string body;
  for (int i = 0; i < 20; ++i) body += text_part("f" + std::to_string(i), "v");
  EXPECT_TRUE(parse_multipart(kType, body + kDelim + "--"));
  body += file_part("files", "", "application/octet-stream", "");  // empty inputs count too
  auto form = parse_multipart(kType, body + kDelim + "--");
  ASSERT_FALSE(form);
  EXPECT_EQ(form.error().code, ErrorCode::kInvalid);
  EXPECT_NE(form.error().message.find("tối đa 20"), std::string::npos);
}

TEST(Multipart, MalformedInputs) {
  auto bad = [](std::string_view type, std::string_view body) { return !parse_multipart(type, body); };
  std::string end = std::string(kDelim) + "--";
  EXPECT_TRUE(bad("multipart/form-data", text_part("a", "1") + end));             // no boundary
  EXPECT_TRUE(bad("multipart/form-data; boundary=\"\"", "--\r\n\r\n----"));       // empty boundary
  EXPECT_TRUE(bad("multipart/form-data; boundary=" + std::string(71, 'b'), ""));  // too long
  EXPECT_TRUE(bad("application/x-www-form-urlencoded; boundary=x", "--x--"));     // wrong type
  EXPECT_TRUE(bad(kType, "no boundary at all"));                                  // no delimiter
  EXPECT_TRUE(bad(kType, std::string(kDelim) + "\r\nContent-Disposition: form-data; name=\"a\"\r\n1\r\n" + end));
  EXPECT_TRUE(bad(kType, std::string(kDelim) + "\r\nno colon here\r\n\r\n1\r\n" + end));             // bad header line
  EXPECT_TRUE(bad(kType, std::string(kDelim) + "\r\nContent-Type: text/plain\r\n\r\n1\r\n" + end));  // no name
  EXPECT_TRUE(bad(kType, std::string(kDelim) + "\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\n1\r\n" + end));
  EXPECT_TRUE(bad(kType, std::string(kDelim) + "\r\nContent-Disposition: form-data; name=\"a\r\n\r\n1\r\n" + end));
  EXPECT_TRUE(bad(kType, std::string(kDelim) + "\r\nContent-Disposition: form-data; name=\"a\"\r\n" +
                             std::string(9000, 'h') + ": x\r\n\r\n1\r\n" + end));  // headers too long
  EXPECT_FALSE(bad(kType, end));                                                   // an empty form
}

TEST(Multipart, RequestFormAndFiles) {
  Request r;
  r.method = "POST";
  r.headers["content-type"] = kType;
  r.body = normal_body();
  EXPECT_EQ(r.form().get("_csrf"), "abc123");  // what the CSRF check reads
  EXPECT_EQ(r.form().trimmed("title"), "Hồ sơ đăng ký\r\nhai dòng");
  ASSERT_EQ(r.files().size(), 2u);
  EXPECT_EQ(r.files()[0].data, binary_payload());
  EXPECT_EQ(r.files()[1].filename, "C:\\Users\\an\\note.txt");
}

TEST(Multipart, RequestWithMalformedBodyHasNoFieldsNorFiles) {
  Request r;
  r.headers["content-type"] = kType;
  r.body = text_part("_csrf", "abc123") + file_part("files", "a.png", "image/png", "no end");
  EXPECT_FALSE(r.form().has("_csrf"));
  EXPECT_TRUE(r.files().empty());
}

TEST(Multipart, OtherBodiesHaveNoFiles) {
  Request r;
  r.headers["content-type"] = "application/x-www-form-urlencoded";
  r.body = "_csrf=abc&title=T%C3%AAn";
  EXPECT_TRUE(r.files().empty());
  EXPECT_EQ(r.form().get("_csrf"), "abc");
  EXPECT_EQ(r.form().get("title"), "Tên");

  Request json;
  json.headers["content-type"] = "application/json";
  json.body = "{}";
  EXPECT_TRUE(json.files().empty());
  EXPECT_TRUE(json.form().items().empty());
}

}  // namespace
}  // namespace ct05::http
