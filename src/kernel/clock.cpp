#include "kernel/clock.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace ct05::kernel {
namespace {
std::atomic<std::int64_t> g_fixed{0};

std::tm to_tm(std::int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  return tm;
}
}  // namespace

std::int64_t now_seconds() {
  if (auto f = g_fixed.load(); f != 0) return f;
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

void set_fixed_time(std::int64_t epoch_seconds) { g_fixed.store(epoch_seconds); }

std::string format_iso(std::int64_t t) {
  std::tm tm = to_tm(t);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                tm.tm_min, tm.tm_sec);
  return buf;
}

std::int64_t parse_iso_seconds(const std::string& iso) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  char t = 0, z = 0;
  int n = std::sscanf(iso.c_str(), "%4d-%2d-%2d%c%2d:%2d:%2d%c", &y, &mo, &d, &t, &h, &mi, &sec, &z);
  if (n == 3 && iso.size() == 10) h = mi = sec = 0;
  else if (n != 8 || t != 'T' || z != 'Z') return 0;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return 0;
  using namespace std::chrono;
  auto days = sys_days{year{y} / month{static_cast<unsigned>(mo)} / day{static_cast<unsigned>(d)}};
  return days.time_since_epoch().count() * 86400LL + h * 3600 + mi * 60 + sec;
}

std::string now_iso() { return format_iso(now_seconds()); }

std::string today_iso() {
  std::tm tm = to_tm(now_seconds() + 7 * 3600);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  return buf;
}

bool valid_date(const std::string& s) {
  int y, m, d;
  char tail;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return false;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max = kDays[m - 1];
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) max = 29;
  return d <= max;
}

std::string date_vn(const std::string& iso) {
  if (iso.size() < 10 || !valid_date(iso.substr(0, 10))) return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

std::string datetime_vn(const std::string& iso) {
  std::tm tm{};
  if (iso.size() < 19 || std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                                     &tm.tm_min, &tm.tm_sec) != 6)
    return iso;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  std::tm local = to_tm(static_cast<std::int64_t>(timegm(&tm)) + 7 * 3600);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%02d:%02d %02d/%02d/%04d", local.tm_hour, local.tm_min, local.tm_mday, local.tm_mon + 1,
                local.tm_year + 1900);
  return buf;
}

}  // namespace ct05::kernel
