// Classification by the national standards on worked examples, boundary values included: exactly the line is
// at or under it ("từ … trở xuống"), one đồng more is above; 3 indicators lacking is poor, 2 is near-poor.
#include "modules/villages/domain/poverty.hpp"

#include <gtest/gtest.h>

namespace ct05::villages {
namespace {

const PovertyStandard& nd07() { return national_standards().at(0); }
const PovertyStandard& nd351() { return national_standards().at(1); }

Answers answers(std::int64_t income, std::vector<std::string> lacking = {}) {
  return Answers{income, std::move(lacking)};
}

PovertyStatus status(const PovertyStandard& s, Area area, std::int64_t income, std::vector<std::string> lacking,
                     std::optional<PovertyStatus> previous = std::nullopt) {
  auto c = classify(s, area, answers(income, std::move(lacking)), previous);
  EXPECT_TRUE(c) << (c ? "" : c.error().message);
  return c ? c->status : PovertyStatus::kNone;
}

const std::vector<std::string> kThree{"bao_hiem_y_te", "chat_luong_nha", "nha_tieu"};
const std::vector<std::string> kTwo{"bao_hiem_y_te", "nha_tieu"};

TEST(Standards, TheTwoNationalStandardsAsData) {
  ASSERT_EQ(national_standards().size(), 2u);
  EXPECT_EQ(nd07().legal_basis, "Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ");
  EXPECT_EQ(nd07().rural_line, 1'500'000);
  EXPECT_EQ(nd07().urban_line, 2'000'000);
  EXPECT_EQ(nd07().min_lacking, 3);
  ASSERT_EQ(nd07().indicators.size(), 12u);
  // 6 basic social services, 2 indicators each, in the decree's order.
  std::vector<std::string> dims;
  for (const auto& i : nd07().indicators)
    if (dims.empty() || dims.back() != i.dimension) dims.push_back(i.dimension);
  EXPECT_EQ(dims, (std::vector<std::string>{"Việc làm", "Y tế", "Giáo dục", "Nhà ở", "Nước sinh hoạt và vệ sinh",
                                            "Thông tin"}));
  EXPECT_EQ(nd07().indicators[1].name, "Người phụ thuộc trong hộ gia đình");
  EXPECT_EQ(nd07().indicators[11].name, "Phương tiện phục vụ tiếp cận thông tin");
  EXPECT_EQ(nd351().rural_line, 2'200'000);
  EXPECT_EQ(nd351().urban_line, 2'800'000);
  for (const auto& s : national_standards()) EXPECT_TRUE(validate(s).empty()) << s.code;
}

TEST(Standards, WhichStandardCoversAYear) {
  const auto& all = national_standards();
  EXPECT_EQ(standard_for(all, 2020), nullptr);  // QĐ 59/2015/QĐ-TTg's years: the commune's decision is recorded instead
  EXPECT_EQ(standard_for(all, 2021), nullptr);
  EXPECT_EQ(standard_for(all, 2022)->code, "ND-07-2021");
  EXPECT_EQ(standard_for(all, 2026)->code, "ND-07-2021");
  EXPECT_EQ(standard_for(all, 2027)->code, "ND-351-2025");
  EXPECT_EQ(standard_for(all, 2030)->code, "ND-351-2025");
  EXPECT_EQ(standard_for(all, 2031), nullptr);
  EXPECT_EQ(
      no_standard_message(2020),
      "Chưa có chuẩn nghèo đa chiều áp dụng cho năm 2020 nên ct05 không tự phân loại được; hãy ghi kết quả rà soát "
      "đã được xã phê duyệt.");
}

TEST(Classify, Nd07RuralAtTheLineItself) {
  // Exactly 1.500.000 đ is "từ 1.500.000 đồng trở xuống".
  EXPECT_EQ(status(nd07(), Area::kRural, 1'500'000, kThree), PovertyStatus::kPoor);
  EXPECT_EQ(status(nd07(), Area::kRural, 1'500'000, kTwo), PovertyStatus::kNearPoor);
  EXPECT_EQ(status(nd07(), Area::kRural, 1'500'000, {}), PovertyStatus::kNearPoor);
  // One đồng above the line: not poor, whatever it lacks.
  EXPECT_EQ(status(nd07(), Area::kRural, 1'500'001, kThree), PovertyStatus::kNone);
  EXPECT_EQ(status(nd07(), Area::kRural, 1'500'001, {}), PovertyStatus::kNone);
}

TEST(Classify, Nd07UrbanLineIsTwoMillion) {
  EXPECT_EQ(status(nd07(), Area::kUrban, 2'000'000, kThree), PovertyStatus::kPoor);
  EXPECT_EQ(status(nd07(), Area::kUrban, 2'000'000, kTwo), PovertyStatus::kNearPoor);
  EXPECT_EQ(status(nd07(), Area::kUrban, 2'000'001, kThree), PovertyStatus::kNone);
  // 1.800.000 đ is above the rural line but under the urban one.
  EXPECT_EQ(status(nd07(), Area::kRural, 1'800'000, kThree), PovertyStatus::kNone);
  EXPECT_EQ(status(nd07(), Area::kUrban, 1'800'000, kThree), PovertyStatus::kPoor);
}

TEST(Classify, Nd07WorkedExamplesOfARuralHousehold) {
  // 5 people, 72.000.000 đ a year: 1.200.000 đ/person/month; no health insurance for the grandfather, a makeshift
  // house, no hygienic latrine, no internet: 4 lacking → poor.
  std::int64_t income = 72'000'000 / 5 / 12;
  EXPECT_EQ(income, 1'200'000);
  auto c = classify(nd07(), Area::kRural,
                    answers(income, {"vien_thong", "bao_hiem_y_te", "nha_tieu", "chat_luong_nha"}), std::nullopt);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->status, PovertyStatus::kPoor);
  EXPECT_EQ(c->lacking, 4);
  EXPECT_TRUE(c->under_line);
  EXPECT_EQ(c->line, 1'500'000);
  // The codes come back in the standard's order, whatever order they were ticked in.
  EXPECT_EQ(c->codes, (std::vector<std::string>{"bao_hiem_y_te", "chat_luong_nha", "nha_tieu", "vien_thong"}));
  EXPECT_EQ(
      c->reason,
      "Hộ nghèo: thu nhập 1.200.000 đ/người/tháng không vượt chuẩn 1.500.000 đ (nông thôn), thiếu hụt 4/12 chỉ số "
      "(từ 3 chỉ số trở lên) theo Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ.");
  // The same household once the house is rebuilt and the latrine built: 2 lacking → near-poor.
  auto later = classify(nd07(), Area::kRural, answers(income, {"vien_thong", "bao_hiem_y_te"}), PovertyStatus::kPoor);
  ASSERT_TRUE(later);
  EXPECT_EQ(later->status, PovertyStatus::kNearPoor);  // poor last year, near-poor now: stays on the near-poor list
  EXPECT_TRUE(later->reason.starts_with("Hộ cận nghèo: thu nhập 1.200.000 đ")) << later->reason;
}

TEST(Classify, LeftPovertyComparesWithThePreviousYear) {
  EXPECT_EQ(status(nd07(), Area::kRural, 1'600'000, kThree, PovertyStatus::kPoor), PovertyStatus::kLeftPoverty);
  EXPECT_EQ(status(nd07(), Area::kRural, 1'600'000, {}, PovertyStatus::kNearPoor), PovertyStatus::kNone);
  EXPECT_EQ(status(nd07(), Area::kRural, 1'600'000, {}, PovertyStatus::kLeftPoverty), PovertyStatus::kNone);
  EXPECT_EQ(status(nd07(), Area::kRural, 1'600'000, {}, std::nullopt), PovertyStatus::kNone);
  // Still under the line: poor again, not "left".
  EXPECT_EQ(status(nd07(), Area::kRural, 1'000'000, kThree, PovertyStatus::kPoor), PovertyStatus::kPoor);
  auto c = classify(nd07(), Area::kRural, answers(1'600'000), PovertyStatus::kPoor);
  EXPECT_TRUE(c->reason.starts_with("Thoát nghèo (năm trước là hộ nghèo): thu nhập 1.600.000 đ")) << c->reason;
}

TEST(Classify, Nd351LinesFrom2027) {
  EXPECT_EQ(status(nd351(), Area::kRural, 2'200'000, kThree), PovertyStatus::kPoor);
  EXPECT_EQ(status(nd351(), Area::kRural, 2'200'000, kTwo), PovertyStatus::kNearPoor);
  EXPECT_EQ(status(nd351(), Area::kRural, 2'200'001, kThree), PovertyStatus::kNone);
  EXPECT_EQ(status(nd351(), Area::kUrban, 2'800'000, kThree), PovertyStatus::kPoor);
  EXPECT_EQ(status(nd351(), Area::kUrban, 2'800'001, kTwo), PovertyStatus::kNone);
  // A household at 2.000.000 đ in the countryside: not poor by ND 07 (above 1.5 million), poor by ND 351.
  EXPECT_EQ(status(nd07(), Area::kRural, 2'000'000, kThree), PovertyStatus::kNone);
  EXPECT_EQ(status(nd351(), Area::kRural, 2'000'000, kThree), PovertyStatus::kPoor);
  EXPECT_EQ(status(nd351(), Area::kRural, 0, {}), PovertyStatus::kNearPoor);
}

TEST(Classify, TheRuleIsTheDatasNotTheCodes) {
  PovertyStandard local = nd07();
  local.min_lacking = 2;
  local.rural_line = 1'700'000;
  EXPECT_EQ(status(local, Area::kRural, 1'700'000, kTwo), PovertyStatus::kPoor);
  EXPECT_EQ(status(local, Area::kRural, 1'700'000, {"nha_tieu"}), PovertyStatus::kNearPoor);
}

TEST(Classify, RefusesIncompleteOrWrongAnswers) {
  auto none = classify(nd07(), Area::kRural, Answers{std::nullopt, {}}, std::nullopt);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(none.error().fields.at(0).field, "income");
  EXPECT_FALSE(classify(nd07(), Area::kRural, answers(-1), std::nullopt));
  EXPECT_FALSE(classify(nd07(), Area::kRural, answers(2'000'000'000), std::nullopt));
  auto unknown = classify(nd07(), Area::kRural, answers(1'000'000, {"xe_may"}), std::nullopt);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().fields.at(0).message,
            "Chỉ số \"xe_may\" không có trong Chuẩn nghèo đa chiều giai đoạn 2022–2026.");
  auto twice = classify(nd07(), Area::kRural, answers(1'000'000, {"nha_tieu", "nha_tieu", "vien_thong"}), std::nullopt);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().fields.at(0).message, "Chỉ số \"Nhà tiêu hợp vệ sinh\" được chọn hai lần.");
}

TEST(Statuses, CodesLabelsAndWordsFromSpreadsheets) {
  for (auto s : statuses()) EXPECT_EQ(parse_status(status_code(s)), s);
  EXPECT_EQ(status_label(PovertyStatus::kLeftPoverty), "Thoát nghèo");
  EXPECT_EQ(status_from_words("Nghèo"), PovertyStatus::kPoor);
  EXPECT_EQ(status_from_words("hộ cận nghèo"), PovertyStatus::kNearPoor);
  EXPECT_EQ(status_from_words("CẬN NGHÈO"), PovertyStatus::kNearPoor);
  EXPECT_EQ(status_from_words("thoat ngheo"), PovertyStatus::kLeftPoverty);
  EXPECT_EQ(status_from_words("Không"), PovertyStatus::kNone);
  EXPECT_EQ(status_from_words("không nghèo"), PovertyStatus::kNone);
  EXPECT_EQ(status_from_words("khá giả"), std::nullopt);
  EXPECT_EQ(area_from_words("Thành thị"), Area::kUrban);
  EXPECT_EQ(area_from_words("nông thôn"), Area::kRural);
  EXPECT_EQ(area_from_words("miền núi"), std::nullopt);
}

TEST(Figures, MoneyAndRatesTheVietnameseWay) {
  EXPECT_EQ(money_vn(1'500'000), "1.500.000 đ");
  EXPECT_EQ(money_vn(0), "0 đ");
  EXPECT_EQ(money_vn(999), "999 đ");
  EXPECT_EQ(rate_vn(2, 58), "3,45%");
  EXPECT_EQ(rate_vn(0, 58), "0%");
  EXPECT_EQ(rate_vn(0, 0), "0%");
  EXPECT_EQ(rate_vn(1, 3), "33,33%");
  EXPECT_EQ(rate_vn(2, 3), "66,67%");
  EXPECT_EQ(rate_vn(58, 58), "100,00%");
  EXPECT_EQ(rate_vn(1, 200), "0,50%");
}

TEST(Standards, ValidationOfAStandardTheAdminEnters) {
  PovertyStandard s = nd07();
  s.code = "";
  s.to_year = 2020;
  s.indicators.push_back(s.indicators.front());
  auto e = validate(s);
  std::vector<std::string> fields;
  for (const auto& f : e) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"code", "years", "indicators"}));
}

}  // namespace
}  // namespace ct05::villages
