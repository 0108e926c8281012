#include "platform/charts/chart.hpp"

#include <gtest/gtest.h>

#include "platform/exports/exports.hpp"

namespace ct05::charts {
namespace {

TEST(Charts, RatesArePercentagesWithNoneOverZero) {
  EXPECT_EQ(rate(10, 14), 71.4);
  EXPECT_EQ(rate(2, 58, 2), 3.45);
  EXPECT_EQ(rate(1, 3, 0), 33.0);
  EXPECT_EQ(rate(0, 5), 0.0);
  EXPECT_EQ(rate(0, 0), std::nullopt);
}

TEST(Charts, ValuesReadTheVietnameseWay) {
  EXPECT_EQ(format_value(71.4, Measure::kPercent), "71,4%");
  EXPECT_EQ(format_value(3.45, Measure::kPercent), "3,45%");
  EXPECT_EQ(format_value(100.0, Measure::kPercent), "100%");
  EXPECT_EQ(format_value(12345.0, Measure::kCount), "12.345");
  EXPECT_EQ(format_value(7.5, Measure::kDecimal), "7,5");
  EXPECT_EQ(format_value(std::nullopt, Measure::kPercent), "—");
}

TEST(Charts, TheExportIsTheTable) {
  Chart ch;
  ch.title = "Kế hoạch theo đơn vị";
  ch.label_header = "Đơn vị";
  ch.labels = {"Chi bộ thôn Khuổi Cuồng", "Chi bộ thôn Nà Nàng"};
  ch.series = {{"Kế hoạch được chấp thuận", Measure::kPercent, Plot::kDrawn, {100.0, std::nullopt}},
               {"Phải có", Measure::kCount, Plot::kTableOnly, {1.0, 0.0}}};
  auto t = table(ch);
  EXPECT_EQ(t.name, "Kế hoạch theo đơn vị");
  EXPECT_EQ(exports::csv(t),
            "\xEF\xBB\xBF" "Đơn vị,Kế hoạch được chấp thuận (%),Phải có\r\n"
            "Chi bộ thôn Khuổi Cuồng,100,1\r\n"
            "Chi bộ thôn Nà Nàng,,0\r\n");
}

}  // namespace
}  // namespace ct05::charts
