#include "kernel/text.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

using ct05::kernel::fold;
using ct05::kernel::fold_tokens;
using ct05::kernel::truncate_utf8;
using ct05::kernel::valid_utf8;

// Split a valid UTF-8 string into its code points (as UTF-8 substrings).
std::vector<std::string> code_points(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    out.emplace_back(s.substr(i, len));
    i += len;
  }
  return out;
}

TEST(Fold, VietnamesePlaceAndPersonNames) {
  EXPECT_EQ(fold("Thôn Khuổi Cuồng"), "thon khuoi cuong");
  EXPECT_EQ(fold("Đảng bộ xã Nông Thượng"), "dang bo xa nong thuong");
  EXPECT_EQ(fold("Lường Thị Thời"), "luong thi thoi");
  EXPECT_EQ(fold("Đặng Tuyết"), "dang tuyet");
  EXPECT_EQ(fold("PHƯỢNG HOÀNG MINH"), "phuong hoang minh");
  EXPECT_EQ(fold("Bắc Kạn"), "bac kan");
}

TEST(Fold, DecomposedInputFoldsLikePrecomposed) {
  // "Thơ" as T h o + U+031B COMBINING HORN.
  const std::string tho_nfd = "Tho\xCC\x9B";
  EXPECT_EQ(fold(tho_nfd), fold("Thơ"));
  EXPECT_EQ(fold(tho_nfd), "tho");
  // "Thời" as o + U+031B horn + U+0300 grave.
  const std::string thoi_nfd = "Tho\xCC\x9B\xCC\x80i";
  EXPECT_EQ(fold(thoi_nfd), fold("Thời"));
  EXPECT_EQ(fold(thoi_nfd), "thoi");
  // "Nà" as N a + U+0300 grave.
  const std::string na_nfd = "Na\xCC\x80";
  EXPECT_EQ(fold(na_nfd), fold("Nà"));
  EXPECT_EQ(fold(na_nfd), "na");
  // "Đặng" with ặ decomposed as a + U+0323 dot below + U+0306 breve.
  EXPECT_EQ(fold("\xC4\x90" "a\xCC\xA3\xCC\x86ng"), "dang");
}

TEST(Fold, EveryVietnameseAccentedLetterFoldsToOneAsciiLetter) {
  struct Group {
    char base;
    std::string_view letters;
  };
  const Group groups[] = {
      {'a', "àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"},
      {'e', "èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ"},
      {'i', "ìíỉĩịÌÍỈĨỊ"},
      {'o', "òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"},
      {'u', "ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ"},
      {'y', "ỳýỷỹỵỲÝỶỸỴ"},
      {'d', "đĐ"},
  };
  std::size_t total = 0;
  for (const auto& g : groups) {
    for (const auto& letter : code_points(g.letters)) {
      ++total;
      EXPECT_GT(letter.size(), 1u) << letter;
      EXPECT_EQ(fold(letter), std::string(1, g.base)) << "letter " << letter;
    }
  }
  EXPECT_EQ(total, 134u);
}

TEST(Fold, AsciiIsLoweredAndOtherCodePointsKept) {
  EXPECT_EQ(fold("ABC xyz 123 -_."), "abc xyz 123 -_.");
  EXPECT_EQ(fold("Ç ß 日本 €"), "Ç ß 日本 €");
  EXPECT_EQ(fold(""), "");
}

TEST(Fold, WhitespaceCollapsesAndIsTrimmed) {
  EXPECT_EQ(fold("  Nông \t\n Thượng   "), "nong thuong");
  EXPECT_EQ(fold("a\xC2\xA0\xC2\xA0" "b"), "a b");  // NBSP counts as space
  EXPECT_EQ(fold(" \t\r\n "), "");
}

TEST(Fold, InvalidUtf8IsDroppedWithoutCrashing) {
  EXPECT_EQ(fold("Th\xFFôn"), "thon");
  EXPECT_EQ(fold("a\x80\x80" "b"), "ab");
  EXPECT_EQ(fold("\xC0\xAF" "x"), "x");               // overlong '/'
  EXPECT_EQ(fold("x\xED\xA0\x80" "y"), "xy");         // surrogate
  EXPECT_EQ(fold("x\xF4\x90\x80\x80" "y"), "xy");     // > U+10FFFF
  EXPECT_EQ(fold("abc\xE1\xBB"), "abc");              // truncated at end
  EXPECT_EQ(fold("\xC3"), "");                        // lone lead byte
  EXPECT_EQ(fold(std::string_view("a\0b", 3)), std::string("a\0b", 3));
  // Every single byte value and every truncation of a real string is safe.
  for (int b = 0; b < 256; ++b) {
    const std::string one(1, static_cast<char>(b));
    EXPECT_TRUE(valid_utf8(fold(one)));
  }
  const std::string name = "Đảng bộ xã Nông Thượng";
  for (std::size_t n = 0; n <= name.size(); ++n) {
    EXPECT_TRUE(valid_utf8(fold(std::string_view(name).substr(0, n))));
  }
}

TEST(FoldTokens, SplitsOnSpacesAndPunctuation) {
  EXPECT_EQ(fold_tokens("Nông Thượng, Bắc Kạn"),
            (std::vector<std::string>{"nong", "thuong", "bac", "kan"}));
  EXPECT_EQ(fold_tokens("  Chi bộ số 3 -- (thôn Nà Làng)!  "),
            (std::vector<std::string>{"chi", "bo", "so", "3", "thon", "na", "lang"}));
  EXPECT_EQ(fold_tokens("日本,語"), (std::vector<std::string>{"日本", "語"}));
  EXPECT_TRUE(fold_tokens("").empty());
  EXPECT_TRUE(fold_tokens(" ,.;-- ").empty());
}

TEST(ValidUtf8, AcceptsVietnameseRejectsMalformed) {
  EXPECT_TRUE(valid_utf8(""));
  EXPECT_TRUE(valid_utf8("Đảng bộ xã Nông Thượng"));
  EXPECT_TRUE(valid_utf8("PHƯỢNG HOÀNG MINH ữ ỹ"));
  EXPECT_TRUE(valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
  EXPECT_TRUE(valid_utf8("\xEF\xBF\xBD"));      // U+FFFD
  EXPECT_FALSE(valid_utf8("\xC0\xAF"));          // overlong
  EXPECT_FALSE(valid_utf8("\xE0\x80\xAF"));      // overlong
  EXPECT_FALSE(valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
  EXPECT_FALSE(valid_utf8("\xF4\x90\x80\x80"));  // U+110000
  EXPECT_FALSE(valid_utf8("\x80"));              // stray continuation
  EXPECT_FALSE(valid_utf8("\xE1\xBB"));          // truncated
  EXPECT_FALSE(valid_utf8("\xFF"));
}

TEST(TruncateUtf8, NeverSplitsACodePoint) {
  const std::string s = "ữ";  // U+1EEF, 3 bytes
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(truncate_utf8(s, 0), "");
  EXPECT_EQ(truncate_utf8(s, 1), "");
  EXPECT_EQ(truncate_utf8(s, 2), "");
  EXPECT_EQ(truncate_utf8(s, 3), "ữ");
  EXPECT_EQ(truncate_utf8(s, 10), "ữ");

  const std::string w = "Lữ Ữ";  // 1 + 3 + 1 + 3 bytes
  EXPECT_EQ(truncate_utf8(w, 1), "L");
  EXPECT_EQ(truncate_utf8(w, 3), "L");
  EXPECT_EQ(truncate_utf8(w, 4), "Lữ");
  EXPECT_EQ(truncate_utf8(w, 7), "Lữ ");
  EXPECT_EQ(truncate_utf8(w, 8), "Lữ Ữ");

  const std::string name = "Đảng bộ xã Nông Thượng";
  for (std::size_t n = 0; n <= name.size() + 1; ++n) {
    const std::string t = truncate_utf8(name, n);
    EXPECT_LE(t.size(), n);
    EXPECT_TRUE(valid_utf8(t)) << "n=" << n;
    EXPECT_EQ(name.compare(0, t.size(), t), 0);
    EXPECT_GE(t.size() + 3, std::min(n, name.size()));  // lost at most a partial char
  }
}

TEST(FirstControlChar, RefusesC0DelAndC1ButKeepsTabsNewlinesAndVietnamese) {
  using ct05::kernel::first_control_char;
  EXPECT_FALSE(first_control_char("Nguyễn Thị Hoà\tổ 1\r\nThôn Khuổi Cuồng"));
  EXPECT_FALSE(first_control_char(""));
  EXPECT_EQ(first_control_char(std::string("a\0b", 3)), char32_t{0});
  EXPECT_EQ(first_control_char("x\x01"), char32_t{1});
  EXPECT_EQ(first_control_char("\x1b[31m"), char32_t{0x1b});
  EXPECT_EQ(first_control_char("del\x7f"), char32_t{0x7f});
  EXPECT_EQ(first_control_char("c1 \xc2\x85 next line"), char32_t{0x85});
  EXPECT_EQ(first_control_char("\xc2\x9f"), char32_t{0x9f});
  // U+00A0 (C2 A0) and U+00C0 are text, not controls.
  EXPECT_FALSE(first_control_char("\xc2\xa0\xc3\x80"));
}

}  // namespace
