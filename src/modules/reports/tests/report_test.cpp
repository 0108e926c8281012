#include "modules/reports/domain/report.hpp"

#include <gtest/gtest.h>

namespace ct05::reports {
namespace {

TEST(ReportPeriod, EachKindReadsItsForm) {
  auto h = parse_period(Kind::kHalfYear, "2020-H1");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->from, "2020-01-01");
  EXPECT_EQ(h->to, "2020-06-30");
  EXPECT_EQ(h->phrase, "6 tháng đầu năm 2020");
  auto y = parse_period(Kind::kYear, "2020");
  ASSERT_TRUE(y);
  EXPECT_EQ(y->to, "2020-12-31");
  EXPECT_EQ(y->years, std::vector<int>{2020});
  auto five = parse_period(Kind::kFiveYear, "2016-2020");
  ASSERT_TRUE(five);
  EXPECT_EQ(five->year, 2020);
  EXPECT_EQ(five->years.size(), 5u);
  EXPECT_EQ(five->phrase, "5 năm (2016 – 2020)");
  EXPECT_TRUE(parse_period(Kind::kTenYear, "2016-2025"));
}

TEST(ReportPeriod, BadPeriodsSayWhatIsExpected) {
  auto e = parse_period(Kind::kHalfYear, "2020");
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().fields.at(0).message, "Kỳ sơ kết 6 tháng ghi theo dạng năm-H1, ví dụ 2020-H1.");
  auto f = parse_period(Kind::kFiveYear, "2016-2021");
  ASSERT_FALSE(f);
  EXPECT_EQ(f.error().fields.at(0).message, "Giai đoạn 5 năm phải gồm đúng 5 năm (ví dụ 2016-2020).");
  EXPECT_FALSE(parse_period(Kind::kYear, "20x0"));
  EXPECT_FALSE(parse_period(Kind::kYear, "1890"));
  EXPECT_FALSE(parse_period(Kind::kTenYear, "2016"));
}

TEST(ReportPeriod, DefaultsToTheLastPeriodThatHasEnded) {
  EXPECT_EQ(default_period(Kind::kHalfYear, "2026-12-01"), "2026-H1");
  EXPECT_EQ(default_period(Kind::kHalfYear, "2026-03-01"), "2025-H1");
  EXPECT_EQ(default_period(Kind::kYear, "2026-12-01"), "2026");
  EXPECT_EQ(default_period(Kind::kYear, "2026-11-30"), "2025");
  EXPECT_EQ(default_period(Kind::kFiveYear, "2021-01-10"), "2016-2020");
  EXPECT_TRUE(parse_period(Kind::kTenYear, default_period(Kind::kTenYear, "2026-05-01")));
}

TEST(ReportDate, LeadingZerosAsTheGuidanceWrites) {
  EXPECT_EQ(date_phrase("2020-06-15"), "ngày 15 tháng 6 năm 2020");
  EXPECT_EQ(date_phrase("2020-02-05"), "ngày 05 tháng 02 năm 2020");
  EXPECT_EQ(date_phrase("2020-12-31"), "ngày 31 tháng 12 năm 2020");
}

TEST(ReportText, UpperCaseKeepsEveryMark) {
  EXPECT_EQ(upper_vn("Đảng ủy xã Nông Thượng"), "ĐẢNG ỦY XÃ NÔNG THƯỢNG");
  EXPECT_EQ(upper_vn("Chi bộ thôn Khuổi Cuồng"), "CHI BỘ THÔN KHUỔI CUỒNG");
  EXPECT_EQ(upper_vn("ăn ơn ưu ĩ ũ ý ỹ ỳ ắ ặ ẩ ễ ộ ờ ữ"), "ĂN ƠN ƯU Ĩ Ũ Ý Ỹ Ỳ Ắ Ặ Ẩ Ễ Ộ Ờ Ữ");
  EXPECT_EQ(upper_vn("Bắc Kạn 2020"), "BẮC KẠN 2020");
}

TEST(ReportTemplate, FillAndBlocks) {
  Figures f;
  f.values["don_vi"] = "Đảng bộ xã Nông Thượng";
  f.values["ty_le_ke_hoach"] = "100%";
  f.tables["mo_hinh"] = Table{{"TT", "Mô hình"}, {1, 4}, {{"1", "Tiết kiệm"}}, {true, false}};
  Template t;
  t.title = "Tổng kết";
  t.body = "# I. KẾT QUẢ\n## 1. Kế hoạch\n{don_vi} đạt {ty_le_ke_hoach}.\n\n- Một việc\n[bang:mo_hinh]\n[bang:xep_loai]\n";
  auto blocks = body_blocks(t, f);
  ASSERT_EQ(blocks.size(), 5u);  // the empty table (xep_loai) is left out
  EXPECT_EQ(blocks[0].type, Block::Type::kHeading);
  EXPECT_EQ(blocks[0].text, "I. KẾT QUẢ");
  EXPECT_EQ(blocks[1].type, Block::Type::kSubheading);
  EXPECT_EQ(blocks[2].text, "Đảng bộ xã Nông Thượng đạt 100%.");
  EXPECT_EQ(blocks[3].text, "- Một việc");
  EXPECT_EQ(blocks[4].type, Block::Type::kTable);
  EXPECT_EQ(blocks[4].table.rows.at(0).at(1), "Tiết kiệm");
}

TEST(ReportTemplate, CheckNamesEveryProblemAndItsLine) {
  Template t;
  t.title = "Tổng kết {nam}";
  t.body = "Đạt {ty_le_ke_hoachh}.\nSố {so_ho\n[bang:khong_co]\nđóng }";
  t.recipients = "Ban Thường vụ {cap_tren}";
  auto errors = check_template(t);
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_EQ(errors[0].message, "Nội dung, dòng 1: không có số liệu {ty_le_ke_hoachh}.");
  EXPECT_EQ(errors[1].message, "Nội dung, dòng 2: dấu { chưa được đóng bằng }.");
  EXPECT_EQ(errors[2].message, "Nội dung, dòng 3: không có bảng [bang:khong_co].");
  EXPECT_EQ(errors[3].message, "Nội dung, dòng 4: dấu } không có dấu { mở trước.");
  t.body = "Đạt {ty_le_ke_hoach}.";
  EXPECT_TRUE(check_template(t).empty());
  t.title = "";
  EXPECT_EQ(check_template(t).at(0).message, "Trích yếu không được để trống.");
}

}  // namespace
}  // namespace ct05::reports
