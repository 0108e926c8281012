#pragma once
// Meetings ("sinh hoạt") and evaluations ("đánh giá, xếp loại"): the kinds, the ratings and how many periodic
// meetings a unit is expected to have held. Pure logic, no I/O.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ct05::meetings {

enum class MeetingKind { kPeriodic, kThematic };
std::string_view kind_code(MeetingKind k);
std::optional<MeetingKind> parse_kind(std::string_view s);
//! "Sinh hoạt định kỳ", "Sinh hoạt chuyên đề".
std::string_view kind_label(MeetingKind k);

//! The four ratings of a plan or a commitment, best first.
enum class Rating { kExcellent, kGood, kDone, kNotDone };
std::string_view rating_code(Rating r);
std::optional<Rating> parse_rating(std::string_view s);
//! "Hoàn thành xuất sắc", "Hoàn thành tốt", "Hoàn thành", "Không hoàn thành".
std::string_view rating_label(Rating r);
const std::vector<Rating>& ratings();

//! How often a unit of a kind holds its periodic meeting: a party cell and a grassroots party committee every
//! month (Điều lệ Đảng; Hướng dẫn 12-HD/BTCTW), agencies, mass organizations and schools every quarter, the
//! others (territories, the city committee) are not counted.
enum class Cadence { kNone, kMonthly, kQuarterly };
Cadence cadence_for(std::string_view unit_kind);
//! The unit kinds that meet at a cadence (the other direction of cadence_for(), for queries; none for kNone).
const std::vector<std::string_view>& kinds_of(Cadence c);
//! "tháng", "quý" (for "3/4 quý").
std::string_view cadence_label(Cadence c);

//! The month (1–12) or quarter (1–4) a date "YYYY-MM-DD" falls in; 0 for kNone.
int period_of(Cadence c, const std::string& date);

//! The periods of `year` in which a unit must have held a periodic meeting by the end of `as_of`: those that
//! have ended by then (a period ends on its last day) and throughout which the unit was in force
//! (valid_from ≤ first day, valid_to empty or ≥ last day). Dates are "YYYY-MM-DD".
std::vector<int> due_periods(Cadence c, int year, const std::string& valid_from, const std::string& valid_to,
                             const std::string& as_of);

struct MeetingCount {
  int expected = 0;  //!< due periods
  int held = 0;      //!< due periods with at least one periodic meeting (two in one month count once)
};
//! Expected and held periodic meetings of one unit, from the dates of its periodic meetings.
MeetingCount count_meetings(Cadence c, int year, const std::string& valid_from, const std::string& valid_to,
                            const std::string& as_of, const std::vector<std::string>& periodic_dates);

//! The date up to which a year is counted: its last day for past years, today in the current year.
std::string count_until(int year, const std::string& today);

//! One month or quarter.
struct Period {
  int year = 0;
  int number = 0;           //!< the month (1–12) or the quarter (1–4)
  std::string first, last;  //!< its first and last day, "YYYY-MM-DD"
};
//! The last period of the cadence that has ended by `today` ("YYYY-MM-DD"; a period ends on its last day): on
//! 4 December 2026, November for a cell and the third quarter for an agency; on 31 December, December itself.
//! Empty (year 0) for kNone.
Period last_full_period(Cadence c, const std::string& today);
//! "tháng 11/2026", "quý III/2026".
std::string period_label(Cadence c, const Period& p);

}  // namespace ct05::meetings
