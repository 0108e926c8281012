#include "platform/csv/csv_reader.hpp"

#include <gtest/gtest.h>

namespace ct05::csv {
namespace {

std::vector<std::vector<std::string>> cells(const Result<std::vector<Row>>& r) {
  std::vector<std::vector<std::string>> out;
  if (!r) return out;
  for (const auto& row : *r) out.push_back(row.cells);
  return out;
}

using Cells = std::vector<std::vector<std::string>>;

TEST(CsvReader, PlainCommasAndTheLastLineWithoutANewline) {
  auto r = read("Mã hộ,Chủ hộ\nKC-01,Hoàng Văn Thào");
  ASSERT_TRUE(r);
  EXPECT_EQ(cells(r), (Cells{{"Mã hộ", "Chủ hộ"}, {"KC-01", "Hoàng Văn Thào"}}));
  EXPECT_EQ((*r)[1].line, 2u);
}

TEST(CsvReader, ByteOrderMarkIsNotPartOfTheFirstCell) {
  auto r = read(
      "\xEF\xBB\xBFM\xC3\xA3 h\xE1\xBB\x99,Ch\xE1\xBB\xA7 h\xE1\xBB\x99\r\nKC-01,N\xC3\xB4ng Th\xE1\xBB\x8B Mai\r\n");
  ASSERT_TRUE(r);
  EXPECT_EQ((*r)[0].cells[0], "Mã hộ");
  EXPECT_EQ((*r)[1].cells[1], "Nông Thị Mai");
  EXPECT_EQ(strip_bom("\xEF\xBB\xBF"
                      "abc"),
            "abc");
  EXPECT_EQ(strip_bom("abc"), "abc");
}

TEST(CsvReader, QuotesKeepSeparatorsQuotesAndLineEndsInside) {
  auto r = read(
      "a,b,c\r\n\"Thôn Khuổi Cuồng, xã Nông Thượng\",\"Nói \"\"đi đôi\"\" với làm\",\"dòng 1\r\ndòng 2\"\r\nx,y,z\r\n");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[1].cells, (std::vector<std::string>{"Thôn Khuổi Cuồng, xã Nông Thượng", "Nói \"đi đôi\" với làm",
                                                     "dòng 1\r\ndòng 2"}));
  // The record after a quoted line break starts on the file's line 4.
  EXPECT_EQ((*r)[2].line, 4u);
}

TEST(CsvReader, EmptyCellsQuotedOrNotAndTrailingSeparators) {
  auto r = read("a,,\"\",d,\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(cells(r), (Cells{{"a", "", "", "d", ""}}));
}

TEST(CsvReader, LoneCrAndLfLineEnds) {
  EXPECT_EQ(cells(read("a\rb\rc")), (Cells{{"a"}, {"b"}, {"c"}}));
  auto r = read("a\nb\r\nc\rd\n");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 4u);
  EXPECT_EQ((*r)[3].line, 4u);
}

TEST(CsvReader, BlankRowsAreSkippedUnlessAsked) {
  auto r = read("a,b\n\n,\nc,d\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(cells(r), (Cells{{"a", "b"}, {"c", "d"}}));
  EXPECT_EQ((*r)[1].line, 4u);
  ReadOptions keep;
  keep.skip_blank_rows = false;
  EXPECT_EQ(read("a\n\nb\n", keep)->size(), 3u);
}

TEST(CsvReader, DetectsSemicolonAndTab) {
  EXPECT_EQ(cells(read("Mã hộ;Chủ hộ;Địa chỉ\nKC-01;Hà Văn Tuấn;\"Khuổi Cuồng; Nông Thượng\"\n")),
            (Cells{{"Mã hộ", "Chủ hộ", "Địa chỉ"}, {"KC-01", "Hà Văn Tuấn", "Khuổi Cuồng; Nông Thượng"}}));
  EXPECT_EQ(cells(read("a\tb\tc,d\n1\t2\t3,4\n")), (Cells{{"a", "b", "c,d"}, {"1", "2", "3,4"}}));
  // A comma inside quotes in the first line does not count.
  EXPECT_EQ(cells(read("\"a,b,c\";d\n1;2\n")), (Cells{{"a,b,c", "d"}, {"1", "2"}}));
  ReadOptions comma;
  comma.delimiter = Delimiter::kComma;
  EXPECT_EQ(cells(read("a;b\n", comma)), (Cells{{"a;b"}}));
}

TEST(CsvReader, EmptyFilesGiveNoRows) {
  EXPECT_TRUE(read("")->empty());
  EXPECT_TRUE(read("\xEF\xBB\xBF")->empty());
  EXPECT_TRUE(read("\r\n\r\n")->empty());
}

TEST(CsvReader, RefusesAnOpenQuoteWithItsLine) {
  auto r = read("a,b\nc,\"không đóng\nd,e\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(r.error().message, "Dấu ngoặc kép mở ở dòng 2 không được đóng.");
  ASSERT_EQ(r.error().fields.size(), 1u);
  EXPECT_EQ(r.error().fields[0].field, "file");
}

TEST(CsvReader, RefusesTextAfterAClosingQuote) {
  auto r = read("a\n\"b\"c,d\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "Dòng 2: có ký tự sau dấu ngoặc kép đóng của một ô.");
}

TEST(CsvReader, RefusesWindows1258AndLatin1WithTheLine) {
  // "Nông" in Windows-1252/1258 is N \xF4 n g: not UTF-8.
  auto r = read("Mã hộ,Chủ hộ\nKC-01,N\xF4ng V\xE3n\n");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("không phải văn bản UTF-8 (lỗi ở dòng 2)"), std::string::npos);
}

TEST(CsvReader, RefusesTooLargeAndTooManyRows) {
  ReadOptions small;
  small.max_bytes = 10;
  EXPECT_FALSE(read("01234567890", small));
  ReadOptions few;
  few.max_rows = 2;
  EXPECT_TRUE(read("a\nb\n", few));
  auto r = read("a\nb\nc\n", few);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "Tệp có quá nhiều dòng (tối đa 2).");
}

TEST(CsvReader, FormatRowQuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(format_row({"KC-01", "Hoàng Văn Thào", "Khuổi Cuồng, Nông Thượng", "nói \"đi\"", ""}),
            "KC-01,Hoàng Văn Thào,\"Khuổi Cuồng, Nông Thượng\",\"nói \"\"đi\"\"\",");
  EXPECT_EQ(format_row({"a;b", "c"}, ';'), "\"a;b\";c");
  // What format_row writes, read() reads back.
  std::vector<std::string> row{"x,y", "\"q\"", "line\nbreak", "plain"};
  auto back = read(format_row(row) + "\n");
  ASSERT_TRUE(back);
  EXPECT_EQ((*back)[0].cells, row);
}

}  // namespace
}  // namespace ct05::csv
