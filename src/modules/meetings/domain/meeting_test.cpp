// Expected-meetings arithmetic: which months and quarters are due, and how held meetings count against them.
#include "modules/meetings/domain/meeting.hpp"

#include <gtest/gtest.h>

namespace ct05::meetings {
namespace {

TEST(Cadence, CellsAndCommitteesMonthlyAgenciesQuarterlyTerritoriesNot) {
  EXPECT_EQ(cadence_for("chi_bo"), Cadence::kMonthly);
  EXPECT_EQ(cadence_for("dang_bo_co_so"), Cadence::kMonthly);
  EXPECT_EQ(cadence_for("co_quan"), Cadence::kQuarterly);
  EXPECT_EQ(cadence_for("truong_hoc"), Cadence::kQuarterly);
  EXPECT_EQ(cadence_for("thon"), Cadence::kNone);
  EXPECT_EQ(cadence_for("thanh_uy"), Cadence::kNone);
}

TEST(DuePeriods, APastYearHasTwelveMonthsAndFourQuarters) {
  EXPECT_EQ(due_periods(Cadence::kMonthly, 2020, "2016-01-01", "", "2020-12-31").size(), 12u);
  EXPECT_EQ(due_periods(Cadence::kQuarterly, 2020, "2016-01-01", "", "2020-12-31"), (std::vector<int>{1, 2, 3, 4}));
  EXPECT_TRUE(due_periods(Cadence::kNone, 2020, "2016-01-01", "", "2020-12-31").empty());
}

TEST(DuePeriods, OnlyPeriodsThatHaveEnded) {
  // 1 December: November has ended, December has not.
  auto m = due_periods(Cadence::kMonthly, 2026, "2016-01-01", "", "2026-12-01");
  EXPECT_EQ(m.size(), 11u);
  EXPECT_EQ(m.back(), 11);
  // A month ends on its last day: 30 November counts November, 29 November does not.
  EXPECT_EQ(due_periods(Cadence::kMonthly, 2026, "", "", "2026-11-30").size(), 11u);
  EXPECT_EQ(due_periods(Cadence::kMonthly, 2026, "", "", "2026-11-29").size(), 10u);
  // February of a leap year ends on the 29th.
  EXPECT_EQ(due_periods(Cadence::kMonthly, 2024, "", "", "2024-02-28").size(), 1u);
  EXPECT_EQ(due_periods(Cadence::kMonthly, 2024, "", "", "2024-02-29").size(), 2u);
  // Quarters: on 1 October the third quarter is over.
  EXPECT_EQ(due_periods(Cadence::kQuarterly, 2026, "", "", "2026-10-01"), (std::vector<int>{1, 2, 3}));
  EXPECT_TRUE(due_periods(Cadence::kQuarterly, 2026, "", "", "2026-03-30").empty());
}

TEST(DuePeriods, OnlyPeriodsTheUnitWasInForceThroughout) {
  // Founded on 15 March: March is not due, April to December are.
  auto m = due_periods(Cadence::kMonthly, 2020, "2020-03-15", "", "2020-12-31");
  EXPECT_EQ(m.size(), 9u);
  EXPECT_EQ(m.front(), 4);
  // Founded on the first of a month: that month is due.
  EXPECT_EQ(due_periods(Cadence::kMonthly, 2020, "2020-03-01", "", "2020-12-31").front(), 3);
  // Merged away on 30 June 2025 (in force through June), on 1 July 2025 restructuring.
  EXPECT_EQ(due_periods(Cadence::kMonthly, 2025, "2010-01-01", "2025-06-30", "2025-12-31").size(), 6u);
  EXPECT_EQ(due_periods(Cadence::kQuarterly, 2025, "2010-01-01", "2025-06-29", "2025-12-31"), (std::vector<int>{1}));
}

TEST(CountMeetings, HeldCountsDuePeriodsWithAPeriodicMeetingOnce) {
  std::vector<std::string> dates = {"2020-01-05", "2020-01-25", "2020-02-05", "2020-04-05", "2019-03-05", "2020-12-05"};
  auto n = count_meetings(Cadence::kMonthly, 2020, "2016-01-01", "", "2020-11-30", dates);
  EXPECT_EQ(n.expected, 11);
  EXPECT_EQ(n.held, 3);  // January (twice, counted once), February, April; 2019 and December not counted
  auto q = count_meetings(Cadence::kQuarterly, 2020, "2016-01-01", "", "2020-12-31", dates);
  EXPECT_EQ(q.expected, 4);
  EXPECT_EQ(q.held, 3);  // Q1, Q2, Q4
}

TEST(CountUntil, PastYearsToTheirEndTheCurrentYearToToday) {
  EXPECT_EQ(count_until(2020, "2026-12-01"), "2020-12-31");
  EXPECT_EQ(count_until(2026, "2026-12-01"), "2026-12-01");
  EXPECT_EQ(count_until(2027, "2026-12-01"), "2026-12-01");
}

TEST(Ratings, CodesAndLabelsRoundTrip) {
  for (auto r : ratings()) EXPECT_EQ(parse_rating(rating_code(r)), r);
  EXPECT_EQ(rating_label(Rating::kExcellent), "Hoàn thành xuất sắc");
  EXPECT_FALSE(parse_rating("gioi"));
  EXPECT_EQ(parse_kind("chuyen_de"), MeetingKind::kThematic);
  EXPECT_FALSE(parse_kind(""));
}

TEST(Cadence, KindsOfIsTheOtherDirectionOfCadenceFor) {
  for (auto c : {Cadence::kMonthly, Cadence::kQuarterly})
    for (auto kind : kinds_of(c)) EXPECT_EQ(cadence_for(kind), c) << kind;
  EXPECT_TRUE(kinds_of(Cadence::kNone).empty());
}

TEST(LastFullPeriod, TheLastMonthOrQuarterOverByToday) {
  auto m = last_full_period(Cadence::kMonthly, "2026-12-04");
  EXPECT_EQ(m.year, 2026);
  EXPECT_EQ(m.number, 11);
  EXPECT_EQ(m.first, "2026-11-01");
  EXPECT_EQ(m.last, "2026-11-30");
  EXPECT_EQ(period_label(Cadence::kMonthly, m), "tháng 11/2026");
  auto q = last_full_period(Cadence::kQuarterly, "2026-12-04");
  EXPECT_EQ(q.number, 3);
  EXPECT_EQ(q.first, "2026-07-01");
  EXPECT_EQ(q.last, "2026-09-30");
  EXPECT_EQ(period_label(Cadence::kQuarterly, q), "quý III/2026");
  // A period ends on its last day, as in due_periods().
  EXPECT_EQ(last_full_period(Cadence::kQuarterly, "2026-09-30").number, 3);
  EXPECT_EQ(last_full_period(Cadence::kMonthly, "2024-02-29").last, "2024-02-29");
  // January looks back at the year before.
  auto jan = last_full_period(Cadence::kMonthly, "2027-01-10");
  EXPECT_EQ(jan.year, 2026);
  EXPECT_EQ(jan.number, 12);
  auto q4 = last_full_period(Cadence::kQuarterly, "2027-02-01");
  EXPECT_EQ(q4.first, "2026-10-01");
  EXPECT_EQ(q4.last, "2026-12-31");
  EXPECT_EQ(last_full_period(Cadence::kNone, "2026-12-04").year, 0);
}

}  // namespace
}  // namespace ct05::meetings
