#include "platform/exports/exports.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace ct05::exports
