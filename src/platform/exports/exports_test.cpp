#include "platform/exports/exports.hpp"

#include <gtest/gtest.h>

#include "platform/xlsx/xlsx_reader.hpp"

namespace ct05::exports {
namespace {

TEST(Exports, CsvHasBomHeaderAndQuotedFields) {
  xlsx::Table t{"Đơn vị", {{"Mã"}, {"Tên"}, {"Số đảng viên"}, {"Tỷ lệ"}}, {}};
  t.rows.push_back({std::string("NT"), std::string("Xã Nông Thượng, Bắc Kạn"), std::int64_t{58}, 0.5});
  t.rows.push_back({std::string("X"), std::string("nói \"làm theo Bác\""), xlsx::Cell{}, 2.25});
  EXPECT_EQ(csv(t),
            "\xEF\xBB\xBF" "Mã,Tên,Số đảng viên,Tỷ lệ\r\n"
            "NT,\"Xã Nông Thượng, Bắc Kạn\",58,0.5\r\n"
            "X,\"nói \"\"làm theo Bác\"\"\",,2.25\r\n");
}

TEST(Exports, CsvNeverLetsATextCellRunAsAFormula) {
  xlsx::Table t{"x", {{"a"}}, {{std::string("=HYPERLINK(\"http://x\")")}, {std::string("-1")}, {std::string("@SUM")}}};
  EXPECT_EQ(csv(t), "\xEF\xBB\xBF" "a\r\n\"'=HYPERLINK(\"\"http://x\"\")\"\r\n'-1\r\n'@SUM\r\n");
}

TEST(Exports, FormatAndFileStem) {
  EXPECT_EQ(format_of("XLSX"), Format::kXlsx);
  EXPECT_EQ(format_of("csv"), Format::kCsv);
  EXPECT_EQ(format_of("pdf"), std::nullopt);
  EXPECT_EQ(file_stem("Đảng viên — Xã Nông Thượng 2020"), "dang-vien-xa-nong-thuong-2020");
  EXPECT_EQ(file_stem("\"; rm"), "rm");
  EXPECT_EQ(file_stem("—"), "ct05");
}

TEST(Exports, DownloadIsAnAttachmentOfTheRightType) {
  xlsx::Table t{"Danh sách", {{"Tên"}}, {{std::string("Hà Thị Hồng")}}};
  auto c = download({t}, "Danh sách", Format::kCsv);
  EXPECT_EQ(c.header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(c.header_value("Content-Disposition"), "attachment; filename=\"danh-sach.csv\"");
  auto x = download({t}, "Danh sách", Format::kXlsx);
  EXPECT_EQ(x.header_value("Content-Disposition"), "attachment; filename=\"danh-sach.xlsx\"");
  EXPECT_EQ(x.body.substr(0, 2), "PK");
}

TEST(Exports, DatesAreRealDatesInXlsxAndDdMmYyyyInCsv) {
  EXPECT_EQ(xlsx::date_cell("2020-05-15"), (xlsx::Cell{xlsx::Date{2020, 5, 15}}));
  EXPECT_EQ(xlsx::date_cell("2020-05-15T08:30:00Z"), (xlsx::Cell{xlsx::Date{2020, 5, 15}}));  // a timestamp's day
  EXPECT_EQ(xlsx::date_cell(""), xlsx::Cell{});
  EXPECT_EQ(xlsx::date_cell("15/05/2020"), xlsx::Cell{});
  EXPECT_EQ(xlsx::date_cell("2020-13-01"), xlsx::Cell{});
  xlsx::Table t{"Sinh hoạt 2020", {{"Ngày"}, {"Có mặt"}, {"Chủ đề"}}, {}};
  t.rows.push_back({xlsx::date_cell("2020-05-19"), std::int64_t{14}, std::string("Kể chuyện về Bác")});
  EXPECT_EQ(csv(t), "\xEF\xBB\xBF" "Ngày,Có mặt,Chủ đề\r\n19/05/2020,14,Kể chuyện về Bác\r\n");
  // Read back without naming a date column: only a cell stored as a date with a date format comes back as ISO.
  auto sheet = xlsx::read(xlsx::write({t}));
  ASSERT_TRUE(sheet.has_value());
  EXPECT_EQ(sheet->name, "Sinh hoạt 2020");
  ASSERT_EQ(sheet->rows.size(), 2u);
  EXPECT_EQ(sheet->rows[1].cells, (std::vector<std::string>{"2020-05-19", "14", "Kể chuyện về Bác"}));
}

}  // namespace
}  // namespace ct05::exports
