#include "modules/meetings/domain/meeting.hpp"

#include <algorithm>
#include <cstdio>

namespace ct05::meetings {

namespace {

std::string ymd(int y, int m, int d) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// "YYYY-MM-DD" with digits where they belong (the callers pass kernel::today_iso()).
bool valid_ymd(const std::string& s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

int days_in(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

}  // namespace

std::string_view kind_code(MeetingKind k) { return k == MeetingKind::kPeriodic ? "dinh_ky" : "chuyen_de"; }
std::optional<MeetingKind> parse_kind(std::string_view s) {
  if (s == "dinh_ky") return MeetingKind::kPeriodic;
  if (s == "chuyen_de") return MeetingKind::kThematic;
  return std::nullopt;
}
std::string_view kind_label(MeetingKind k) {
  return k == MeetingKind::kPeriodic ? "Sinh hoạt định kỳ" : "Sinh hoạt chuyên đề";
}

std::string_view rating_code(Rating r) {
  switch (r) {
    case Rating::kExcellent: return "xuat_sac";
    case Rating::kGood: return "tot";
    case Rating::kDone: return "hoan_thanh";
    case Rating::kNotDone: return "khong_hoan_thanh";
  }
  return "";
}
std::optional<Rating> parse_rating(std::string_view s) {
  for (auto r : ratings())
    if (rating_code(r) == s) return r;
  return std::nullopt;
}
std::string_view rating_label(Rating r) {
  switch (r) {
    case Rating::kExcellent: return "Hoàn thành xuất sắc";
    case Rating::kGood: return "Hoàn thành tốt";
    case Rating::kDone: return "Hoàn thành";
    case Rating::kNotDone: return "Không hoàn thành";
  }
  return "";
}
const std::vector<Rating>& ratings() {
  static const std::vector<Rating> all = {Rating::kExcellent, Rating::kGood, Rating::kDone, Rating::kNotDone};
  return all;
}

const std::vector<std::string_view>& kinds_of(Cadence c) {
  static const std::vector<std::string_view> monthly = {"chi_bo", "dang_bo_co_so"};
  static const std::vector<std::string_view> quarterly = {"co_quan", "doan_the", "truong_hoc"};
  static const std::vector<std::string_view> none;
  return c == Cadence::kMonthly ? monthly : c == Cadence::kQuarterly ? quarterly : none;
}

Cadence cadence_for(std::string_view kind) {
  for (auto c : {Cadence::kMonthly, Cadence::kQuarterly}) {
    const auto& kinds = kinds_of(c);
    if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end()) return c;
  }
  return Cadence::kNone;
}

std::string_view cadence_label(Cadence c) {
  switch (c) {
    case Cadence::kMonthly: return "tháng";
    case Cadence::kQuarterly: return "quý";
    case Cadence::kNone: return "";
  }
  return "";
}

int period_of(Cadence c, const std::string& date) {
  if (c == Cadence::kNone || date.size() < 7) return 0;
  int month = std::stoi(date.substr(5, 2));
  return c == Cadence::kMonthly ? month : (month + 2) / 3;
}

std::vector<int> due_periods(Cadence c, int year, const std::string& valid_from, const std::string& valid_to,
                             const std::string& as_of) {
  std::vector<int> out;
  if (c == Cadence::kNone) return out;
  int months = c == Cadence::kMonthly ? 1 : 3;
  for (int p = 1; p * months <= 12; ++p) {
    int first_month = (p - 1) * months + 1, last_month = p * months;
    std::string first = ymd(year, first_month, 1), last = ymd(year, last_month, days_in(year, last_month));
    if (last > as_of) break;  // not over yet
    if (!valid_from.empty() && valid_from > first) continue;
    if (!valid_to.empty() && valid_to < last) continue;
    out.push_back(p);
  }
  return out;
}

MeetingCount count_meetings(Cadence c, int year, const std::string& valid_from, const std::string& valid_to,
                            const std::string& as_of, const std::vector<std::string>& periodic_dates) {
  MeetingCount n;
  auto due = due_periods(c, year, valid_from, valid_to, as_of);
  n.expected = static_cast<int>(due.size());
  std::string prefix = std::to_string(year);
  for (int p : due)
    if (std::any_of(periodic_dates.begin(), periodic_dates.end(), [&](const std::string& d) {
          return d.compare(0, 4, prefix) == 0 && d <= as_of && period_of(c, d) == p;
        }))
      ++n.held;
  return n;
}

std::string count_until(int year, const std::string& today) {
  std::string end = ymd(year, 12, 31);
  return today < end ? today : end;
}

Period last_full_period(Cadence c, const std::string& today) {
  if (c == Cadence::kNone || !valid_ymd(today)) return {};
  int year = std::stoi(today.substr(0, 4)), month = std::stoi(today.substr(5, 2)), day = std::stoi(today.substr(8, 2));
  int months = c == Cadence::kMonthly ? 1 : 3;
  // The period holding today, unless today is its last day (then it is over): the one before it.
  int number = (month - 1) / months + 1;
  int last_month = number * months;
  if (!(month == last_month && day == days_in(year, month))) --number;
  if (number == 0) {
    --year;
    number = 12 / months;
  }
  int first_month = (number - 1) * months + 1;
  last_month = number * months;
  return Period{year, number, ymd(year, first_month, 1), ymd(year, last_month, days_in(year, last_month))};
}

std::string period_label(Cadence c, const Period& p) {
  static constexpr const char* kRoman[] = {"I", "II", "III", "IV"};
  if (c == Cadence::kMonthly) return "tháng " + std::to_string(p.number) + "/" + std::to_string(p.year);
  if (c == Cadence::kQuarterly && p.number >= 1 && p.number <= 4)
    return std::string("quý ") + kRoman[p.number - 1] + "/" + std::to_string(p.year);
  return "";
}

}  // namespace ct05::meetings
