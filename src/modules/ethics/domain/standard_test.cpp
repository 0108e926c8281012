// The pure rules of ethics standards: limits counted in characters, bodies normalized and split into paragraphs.
#include "modules/ethics/domain/standard.hpp"

#include <gtest/gtest.h>

#include "kernel/text.hpp"

namespace ct05::ethics {
namespace {

using kernel::char_count;
using kernel::paragraphs;

StandardInput input(std::string title, std::string body, std::string note = "") {
  StandardInput in;
  in.title = std::move(title);
  in.body = std::move(body);
  in.note = std::move(note);
  return in;
}

bool has_field(const std::vector<FieldError>& e, const std::string& field) {
  for (const auto& f : e)
    if (f.field == field) return true;
  return false;
}

TEST(EthicsStandard, LimitsAreCharactersNotBytes) {
  EXPECT_EQ(char_count("Nông Thượng"), 11u);
  std::string title;
  for (int i = 0; i < 300; ++i) title += "ư";  // 600 bytes, 300 characters
  EXPECT_TRUE(validate(input(title, "Gần dân.")).empty());
  EXPECT_TRUE(has_field(validate(input(title + "a", "Gần dân.")), "title"));
  std::string body(20000, 'a');
  EXPECT_TRUE(validate(input("T", body)).empty());
  EXPECT_TRUE(has_field(validate(input("T", body + "ạ")), "body"));
  EXPECT_TRUE(has_field(validate(input("T", "B", std::string(2001, 'x'))), "note"));
}

TEST(EthicsStandard, TitleAndBodyAreRequiredEachWithItsMessage) {
  auto e = validate(input("", ""));
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].field, "title");
  EXPECT_EQ(e[0].message, "Vui lòng nhập tên bộ chuẩn mực.");
  EXPECT_EQ(e[1].field, "body");
  EXPECT_EQ(e[1].message, "Vui lòng nhập nội dung các chuẩn mực.");
  EXPECT_TRUE(has_field(validate(input("T\xC3", "B")), "title"));  // truncated UTF-8
}

TEST(EthicsStandard, BodiesAreNormalizedAndSplitIntoParagraphsOfLines) {
  EXPECT_EQ(normalize_body("\r\n\r\n1. Gần dân  \r\n2. Trọng dân\r\n \r\n\r\nKý tên\n\n"),
            "1. Gần dân\n2. Trọng dân\n\n\nKý tên");
  auto p = paragraphs("1. Gần dân\n2. Trọng dân\n\n\nKý tên");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0], (std::vector<std::string>{"1. Gần dân", "2. Trọng dân"}));
  EXPECT_EQ(p[1], (std::vector<std::string>{"Ký tên"}));
  // Markup is text like any other; the template escapes it.
  EXPECT_EQ(paragraphs("<b>x</b>")[0][0], "<b>x</b>");
  EXPECT_TRUE(paragraphs("").empty());
  auto n = normalized(input("  Chuẩn mực \t", "\r\nGần dân\r\n", " Bổ sung điều 9.\n"));
  EXPECT_EQ(*n.title, "Chuẩn mực");
  EXPECT_EQ(*n.body, "Gần dân");
  EXPECT_EQ(*n.note, "Bổ sung điều 9.");
}

}  // namespace
}  // namespace ct05::ethics
