#pragma once
// One clock for the whole program so tests and golden pages can fix time.
#include <cstdint>
#include <string>

namespace ct05::kernel {

//! Seconds since the epoch, UTC. Fixed when set_fixed_time() was called (tests).
std::int64_t now_seconds();
//! The current time as "YYYY-MM-DDTHH:MM:SSZ".
std::string now_iso();
//! Today's date (Asia/Ho_Chi_Minh, UTC+7, no DST) as "YYYY-MM-DD".
std::string today_iso();
//! Fix the clock (0 returns to the real clock).
void set_fixed_time(std::int64_t epoch_seconds);
//! Format epoch seconds as "YYYY-MM-DDTHH:MM:SSZ".
std::string format_iso(std::int64_t epoch_seconds);
//! "YYYY-MM-DDTHH:MM:SSZ" (or a date "YYYY-MM-DD", at midnight UTC) → epoch seconds; 0 for anything else.
std::int64_t parse_iso_seconds(const std::string& iso);
//! True when s is a real calendar date written "YYYY-MM-DD".
bool valid_date(const std::string& s);
//! "YYYY-MM-DD" → "DD/MM/YYYY" (Vietnamese display); other input is returned unchanged.
std::string date_vn(const std::string& iso);
//! "YYYY-MM-DDTHH:MM:SSZ" → "HH:MM DD/MM/YYYY" in Vietnam time.
std::string datetime_vn(const std::string& iso);

}  // namespace ct05::kernel
