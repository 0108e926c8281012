// Households as submitted, members written in one cell, dates as people write them, and the planning of an import
// on a corpus of bad rows: wrong types, missing columns, duplicates, bad dates, unknown words, title rows, merged
// cells, refused cells, an empty file.
#include "modules/villages/domain/household.hpp"

#include <gtest/gtest.h>

namespace ct05::villages {
namespace {

constexpr int kYear = 2026;

std::vector<std::string> fields_of(const std::vector<FieldError>& e) {
  std::vector<std::string> out;
  for (const auto& f : e) out.push_back(f.field);
  return out;
}

HouseholdInput valid() {
  HouseholdInput in;
  in.village_id = 7;
  in.code = "KC-01";
  in.head_name = "Hoàng Văn Thào";
  in.area = "nong_thon";
  return in;
}

TEST(Household, ValidationNamesEachField) {
  EXPECT_TRUE(validate(valid(), true, kYear).empty());
  HouseholdInput in;
  in.code = "KC 01";
  in.head_birth_year = 1850;
  in.head_gender = "khac";
  in.area = "vung_cao";
  in.registered_on = "2020-02-30";
  in.ended_on = "2019-01-01";
  EXPECT_EQ(fields_of(validate(in, true, kYear)),
            (std::vector<std::string>{"village_id", "code", "head_name", "head_birth_year", "head_gender", "area",
                                      "registered_on"}));
  HouseholdInput dates = valid();
  dates.registered_on = "2020-05-01";
  dates.ended_on = "2020-04-30";
  EXPECT_EQ(fields_of(validate(dates, true, kYear)), (std::vector<std::string>{"ended_on"}));
  // On update only what is present is checked.
  HouseholdInput update;
  update.address = "Thôn Khuổi Cuồng";
  EXPECT_TRUE(validate(update, false, kYear).empty());
  HouseholdInput typed = valid();
  typed.head_birth_year_invalid = true;
  EXPECT_EQ(validate(typed, true, kYear).at(0).message, "Năm sinh phải là năm có 4 chữ số.");
}

TEST(Household, MembersAreChecked) {
  HouseholdInput in = valid();
  in.members =
      std::vector<Member>{{"Hà Thị Lan", "Vợ", 1980, "nu"}, {"", "Con", 2005, ""}, {"Hà Văn Nam", "Con", 2030, "x"}};
  auto e = validate(in, true, kYear);
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[0].message, "Thành viên thứ 2: thiếu họ tên.");
  EXPECT_EQ(e[1].message, "Thành viên thứ 3: năm sinh phải từ 1900 đến 2026.");
  EXPECT_EQ(e[2].message, "Thành viên thứ 3: giới tính là Nam hoặc Nữ.");
}

TEST(Household, NormalizedTrimsAndUpperCasesTheCode) {
  HouseholdInput in = valid();
  in.code = "  kc-01 ";
  in.head_name = "\xC2\xA0Hoàng Văn Thào  ";
  auto n = normalized(in);
  EXPECT_EQ(*n.code, "KC-01");
  EXPECT_EQ(*n.head_name, "Hoàng Văn Thào");
}

TEST(Household, MembersWrittenInOneCell) {
  auto m = parse_members(
      "Hà Thị Lan (vợ, 1980); Hà Văn Nam (con, 2005, nam)\nHà Thị Mai;  ; Lục Văn Tủa (1950, Nam, bố)", kYear);
  ASSERT_TRUE(m) << m.error().fields.at(0).message;
  ASSERT_EQ(m->size(), 4u);
  EXPECT_EQ((*m)[0].full_name, "Hà Thị Lan");
  EXPECT_EQ((*m)[0].relation, "vợ");
  EXPECT_EQ((*m)[0].birth_year, 1980);
  EXPECT_EQ((*m)[1].gender, "nam");
  EXPECT_EQ((*m)[2].full_name, "Hà Thị Mai");
  EXPECT_EQ((*m)[2].birth_year, 0);
  EXPECT_EQ((*m)[3].relation, "bố");
  EXPECT_EQ((*m)[3].birth_year, 1950);
  EXPECT_EQ(format_members(*m),
            "Hà Thị Lan (vợ, 1980); Hà Văn Nam (con, 2005, Nam); Hà Thị Mai; Lục Văn Tủa (bố, 1950, Nam)");
  EXPECT_TRUE(parse_members("", kYear)->empty());
  auto bad = parse_members("Hà Thị Lan (vợ, 1980; (con); Nông Văn A (con, 2005, lớp 3)", kYear);
  ASSERT_FALSE(bad);
  ASSERT_EQ(bad.error().fields.size(), 3u);
  EXPECT_EQ(bad.error().fields[0].message,
            "Thành viên thứ 1 (Hà Thị Lan (vợ, 1980): viết theo dạng Họ tên (quan hệ, năm sinh).");
  EXPECT_EQ(bad.error().fields[1].message, "Thành viên thứ 2: thiếu họ tên.");
  EXPECT_EQ(bad.error().fields[2].message,
            "Thành viên thứ 3: không hiểu \"lớp 3\" (chỉ ghi quan hệ, năm sinh, giới tính).");
}

TEST(Household, DatesAsPeopleWriteThem) {
  EXPECT_EQ(parse_date_vn("2020-03-15"), "2020-03-15");
  EXPECT_EQ(parse_date_vn("15/03/2020"), "2020-03-15");
  EXPECT_EQ(parse_date_vn("5/3/2020"), "2020-03-05");
  EXPECT_EQ(parse_date_vn("15-3-2020"), "2020-03-15");
  EXPECT_EQ(parse_date_vn("15.03.2020"), "2020-03-15");
  EXPECT_EQ(parse_date_vn(" 29/02/2020 "), "2020-02-29");
  EXPECT_EQ(parse_date_vn("2020-03-15 00:00:00"), "2020-03-15");
  EXPECT_FALSE(parse_date_vn("29/02/2019"));
  EXPECT_FALSE(parse_date_vn("31/04/2020"));
  EXPECT_FALSE(parse_date_vn("15/13/2020"));
  EXPECT_FALSE(parse_date_vn("15/03/20"));
  EXPECT_FALSE(parse_date_vn("15/03-2020"));
  EXPECT_FALSE(parse_date_vn("43905"));
  EXPECT_FALSE(parse_date_vn("ngày 15 tháng 3"));
  EXPECT_FALSE(parse_date_vn(""));
}

std::vector<SourceRow> table(std::vector<std::vector<std::string>> rows, std::size_t first_line = 1) {
  std::vector<SourceRow> out;
  for (auto& r : rows) out.push_back({first_line++, std::move(r)});
  return out;
}

ImportContext context() {
  ImportContext ctx;
  ctx.village_id = 7;
  ctx.current_year = kYear;
  ctx.existing_codes = {{"KC-58", "Ma Văn Sơn"}};
  return ctx;
}

const std::vector<std::string> kHeader = template_header();

TEST(ImportPlan, AGoodFileWithTheTemplatesColumns) {
  auto rows =
      table({kHeader,
             {"KC-01", "Hoàng Văn Thào", "1968", "Nam", "Tày", "Thôn Khuổi Cuồng", "", "15/03/2016",
              "Nông Thị Hoa (vợ, 1970); Hoàng Văn Tùng (con, 1995)", "2020", "Cận nghèo", ""},
             {"kc-02", "Lường Thị Thời", "", "nữ", "Tày", "", "Nông thôn", "2016-05-15", "", "", "", "Bí thư chi bộ"}});
  auto plan = plan_import(rows, {}, {}, context());
  EXPECT_TRUE(plan.issues.empty()) << plan.issues.at(0).message;
  ASSERT_EQ(plan.rows.size(), 2u);
  EXPECT_EQ(plan.data_rows, 2u);
  const auto& a = plan.rows[0];
  EXPECT_EQ(a.line, 2u);
  EXPECT_EQ(*a.household.code, "KC-01");
  EXPECT_EQ(*a.household.head_birth_year, 1968);
  EXPECT_EQ(*a.household.head_gender, "nam");
  EXPECT_EQ(*a.household.area, "nong_thon");  // the default of the village
  EXPECT_EQ(*a.household.registered_on, "2016-03-15");
  ASSERT_EQ(a.household.members->size(), 2u);
  EXPECT_EQ(a.status_year, 2020);
  EXPECT_EQ(a.status, PovertyStatus::kNearPoor);
  EXPECT_EQ(*plan.rows[1].household.code, "KC-02");
  EXPECT_EQ(*plan.rows[1].household.head_gender, "nu");
  EXPECT_FALSE(plan.rows[1].status);
}

TEST(ImportPlan, TitleRowsAboveTheHeaderOtherHeaderSpellingsAndUnknownColumns) {
  auto rows = table({{"DANH SÁCH HỘ GIA ĐÌNH THÔN KHUỔI CUỒNG"},
                     {"Năm 2020"},
                     {"STT", "MÃ HỘ (*)", "Chủ hộ", "Năm sinh", "Dân tộc", "Số điện thoại"},
                     {"1", "KC-01", "Hoàng Văn Thào", "1968", "Tày", "0912345678"}});
  auto plan = plan_import(rows, {}, {{"A1:F1", 1, 1}}, context());
  EXPECT_TRUE(plan.issues.empty());
  ASSERT_EQ(plan.rows.size(), 1u);
  EXPECT_EQ(plan.rows[0].line, 4u);
  EXPECT_EQ(plan.ignored_columns, (std::vector<std::string>{"STT", "Số điện thoại"}));
}

TEST(ImportPlan, MissingColumnsAreAFileError) {
  auto plan = plan_import(table({{"Mã hộ", "Dân tộc"}, {"KC-01", "Tày"}}), {}, {}, context());
  ASSERT_TRUE(plan.file_error());
  EXPECT_EQ(plan.issues.at(0).message, "Thiếu cột bắt buộc: \"Họ và tên chủ hộ\".");
  EXPECT_TRUE(plan.rows.empty());
  auto no_header = plan_import(table({{"Họ tên", "Năm sinh"}, {"Hoàng Văn Thào", "1968"}}), {}, {}, context());
  ASSERT_TRUE(no_header.file_error());
  EXPECT_EQ(no_header.issues.at(0).message,
            "Không tìm thấy dòng tiêu đề có cột \"Mã hộ\" trong 10 dòng đầu của tệp. Hãy dùng tệp mẫu.");
  auto twice = plan_import(table({{"Mã hộ", "Chủ hộ", "Họ và tên chủ hộ"}}), {}, {}, context());
  EXPECT_EQ(twice.issues.at(0).message, "Cột \"Họ và tên chủ hộ\" trùng với cột \"Chủ hộ\".");
}

TEST(ImportPlan, EmptyFilesAndHeaderOnly) {
  auto empty = plan_import({}, {}, {}, context());
  ASSERT_TRUE(empty.file_error());
  EXPECT_EQ(empty.issues.at(0).message, "Tệp không có dữ liệu nào.");
  auto header_only = plan_import(table({kHeader, {"", "", ""}}), {}, {}, context());
  ASSERT_TRUE(header_only.file_error());
  EXPECT_EQ(header_only.issues.at(0).message, "Tệp chỉ có dòng tiêu đề, chưa có hộ nào.");
}

TEST(ImportPlan, EveryBadRowIsReportedWithItsLineAndColumn) {
  std::vector<std::string> h{"Mã hộ",           "Họ và tên chủ hộ", "Năm sinh chủ hộ", "Giới tính",      "Khu vực",
                             "Ngày đăng ký hộ", "Thành viên khác",  "Năm rà soát",     "Kết quả rà soát"};
  auto rows =
      table({h,
             {"KC-01", "Hoàng Văn Thào", "1968", "Nam", "", "15/03/2016", "", "2020", "Không"},  // good
             {"KC-02", "", "một chín sáu tám", "", "", "", "", "", ""},                      // 3: no name, year text
             {"KC-03", "Lục Văn Tủa", "1950", "ông", "miền núi", "31/02/2016", "", "", ""},  // 4: gender, area, date
             {"KC-01", "Hà Văn Tuấn", "", "", "", "", "", "", ""},                           // 5: duplicate of line 2
             {"KC-58", "Ma Văn Sơn", "", "", "", "", "", "", ""},                   // 6: already in the village
             {"KC 07", "Nông Văn Dũng", "", "", "", "", "Hà Thị Lan (vợ", "", ""},  // 7: code, members
             {"KC-08", "Triệu Thị Mai", "", "", "", "", "", "2020", "khá"},         // 8: unknown status
             {"KC-09", "Bế Văn Long", "", "", "", "", "", "", "Nghèo"},             // 9: status without a year
             {"", "", "", "", "", "", "", "", ""},                                  // blank: skipped
             {"KC-10", "Đàm Thị Hạnh", "", "", "", "2016-05-15", "", "", ""}});     // 11: good
  auto plan = plan_import(rows, {}, {}, context());
  EXPECT_FALSE(plan.file_error());
  EXPECT_EQ(plan.data_rows, 9u);
  EXPECT_EQ(plan.invalid_rows, 7u);
  ASSERT_EQ(plan.rows.size(), 2u);
  EXPECT_EQ(plan.rows[0].line, 2u);
  EXPECT_EQ(plan.rows[1].line, 11u);
  std::vector<std::tuple<std::size_t, std::string, std::string>> got;
  for (const auto& i : plan.issues) got.emplace_back(i.line, i.column, i.message);
  std::vector<std::tuple<std::size_t, std::string, std::string>> want{
      {3, "Năm sinh chủ hộ", "\"một chín sáu tám\" không phải năm sinh (năm có 4 chữ số)."},
      {3, "Họ và tên chủ hộ", "Vui lòng nhập họ và tên chủ hộ."},
      {4, "Giới tính", "\"ông\" không phải giới tính (Nam hoặc Nữ)."},
      {4, "Khu vực", "\"miền núi\" không phải khu vực (Nông thôn hoặc Thành thị)."},
      {4, "Ngày đăng ký hộ", "\"31/02/2016\" không phải ngày hợp lệ (ngày/tháng/năm, ví dụ 15/03/2016)."},
      {5, "Mã hộ", "Mã hộ KC-01 trùng với dòng 2."},
      {6, "Mã hộ", "Mã hộ KC-58 đã có trong thôn (chủ hộ Ma Văn Sơn)."},
      {7, "Thành viên khác", "Thành viên thứ 1 (Hà Thị Lan (vợ): viết theo dạng Họ tên (quan hệ, năm sinh)."},
      {7, "Mã hộ", "Mã hộ chỉ gồm chữ không dấu, chữ số và các dấu - _ . / (tối đa 30 ký tự)."},
      {8, "Kết quả rà soát", "\"khá\" không phải kết quả rà soát (Nghèo, Cận nghèo, Thoát nghèo, Không)."},
      {9, "Năm rà soát", "Có kết quả rà soát thì cần ghi năm rà soát."},
  };
  EXPECT_EQ(got, want);
}

TEST(ImportPlan, ReaderIssuesAndMergedCellsMakeRowsInvalid) {
  auto rows =
      table({kHeader, {"KC-01", "Hoàng Văn Thào"}, {"KC-02", ""}, {"KC-03", "Hà Văn Tuấn"}, {"KC-04", "Ma Văn Sơn"}});
  std::vector<SourceIssue> issues{{3, "Ô B3 chứa công thức chưa có kết quả tính sẵn; …"}};
  std::vector<MergedSpan> merged{{"C4:C5", 4, 5}};
  auto plan = plan_import(rows, issues, merged, context());
  ASSERT_EQ(plan.rows.size(), 1u);
  EXPECT_EQ(plan.rows[0].line, 2u);
  EXPECT_EQ(plan.invalid_rows, 3u);
  EXPECT_EQ(plan.issues.at(0).line, 3u);
  EXPECT_EQ(plan.issues.at(0).message, "Ô B3 chứa công thức chưa có kết quả tính sẵn; …");
  EXPECT_EQ(plan.issues.at(2).message, "Dòng nằm trong vùng ô gộp C4:C5; mỗi hộ phải ở một dòng riêng, hãy bỏ gộp ô.");
  // A merged header is a file error; a whole-file issue from the reader too.
  auto header = plan_import(rows, {}, {{"A1:B1", 1, 1}}, context());
  EXPECT_TRUE(header.file_error());
  auto whole = plan_import(rows, {{0, "Tệp hỏng."}}, {}, context());
  EXPECT_TRUE(whole.file_error());
}

TEST(ImportPlan, UrbanVillagesDefaultToTheUrbanLine) {
  auto ctx = context();
  ctx.default_area = Area::kUrban;
  auto plan = plan_import(table({{"Mã hộ", "Chủ hộ"}, {"T1-01", "Nguyễn Văn An"}}), {}, {}, ctx);
  ASSERT_EQ(plan.rows.size(), 1u);
  EXPECT_EQ(*plan.rows[0].household.area, "thanh_thi");
}

}  // namespace
}  // namespace ct05::villages
