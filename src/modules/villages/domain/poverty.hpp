#pragma once
// Poverty by the national multidimensional standard (chuẩn nghèo đa chiều): the standard as data (a period of years,
// an income line for rural and for urban areas, the indicators of deprivation and how many make a household
// poor), the four statuses a household has in a year, and the classification of a household's answers. Pure: no
// I/O, so the rules are unit-tested on the decree's worked examples (poverty_test.cpp).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kernel/error.hpp"

namespace ct05::villages {

//! A household's status in a year.
enum class PovertyStatus {
  kPoor,         //!< hộ nghèo
  kNearPoor,     //!< hộ cận nghèo
  kLeftPoverty,  //!< thoát nghèo: poor the year before, above the line this year
  kNone,         //!< không nghèo
};

//! Every status, in the order lists and forms show them.
const std::vector<PovertyStatus>& statuses();
//! "ngheo", "can_ngheo", "thoat_ngheo", "khong".
std::string_view status_code(PovertyStatus s);
//! "Hộ nghèo", "Hộ cận nghèo", "Thoát nghèo", "Không nghèo".
std::string_view status_label(PovertyStatus s);
//! The status of a code ("can_ngheo"), or nothing.
std::optional<PovertyStatus> parse_status(std::string_view code);
//! The words people write in a spreadsheet ("Nghèo", "hộ cận nghèo", "thoát nghèo", "không", "Không nghèo"), diacritics
//! and case ignored; nothing when not one of them.
std::optional<PovertyStatus> status_from_words(std::string_view text);

//! Where the household lives: the standard has one income line for each.
enum class Area { kRural, kUrban };
//! "nong_thon", "thanh_thi".
std::string_view area_code(Area a);
//! "Nông thôn", "Thành thị".
std::string_view area_label(Area a);
//! The area of a code ("thanh_thi"), or nothing.
std::optional<Area> parse_area(std::string_view code);
//! "nông thôn" / "thành thị" as written in a spreadsheet (diacritics and case ignored).
std::optional<Area> area_from_words(std::string_view text);

//! One indicator of deprivation of basic social services.
struct Indicator {
  std::string code;       //!< stable, "viec_lam"
  std::string dimension;  //!< the service it measures, "Việc làm"
  std::string name;       //!< "Người phụ thuộc trong hộ gia đình"
  std::string threshold;  //!< when the household counts as lacking it, in short
};

//! A national standard for a period of years (Nghị định 07/2021/NĐ-CP for 2022–2026, 351/2025/NĐ-CP from 2027).
struct PovertyStandard {
  std::int64_t id = 0;
  std::string code;         //!< "ND-07-2021"
  std::string name;         //!< "Chuẩn nghèo đa chiều giai đoạn 2022–2026"
  std::string legal_basis;  //!< "Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ"
  int from_year = 0, to_year = 0;
  std::int64_t rural_line = 0;  //!< đồng per person per month; income at or under it is under the line
  std::int64_t urban_line = 0;
  int min_lacking = 3;  //!< under the line and lacking at least this many indicators: poor; fewer: near-poor
  std::string note;
  std::vector<Indicator> indicators;

  //! True when the standard is in force in the year.
  bool covers(int year) const { return year >= from_year && year <= to_year; }
  //! The income line of an area.
  std::int64_t line(Area a) const { return a == Area::kUrban ? urban_line : rural_line; }
  //! The indicator of a code, or nullptr.
  const Indicator* indicator(std::string_view code) const;
};

//! The national standards ct05 ships (loaded into an empty database at start-up, then kept by the admin):
//! Nghị định 07/2021/NĐ-CP for 2022–2026 (1.500.000 đ rural, 2.000.000 đ urban, 12 indicators in 6 services, poor
//! from 3 lacking) and Nghị định 351/2025/NĐ-CP from 2027 (2.200.000 đ and 2.800.000 đ).
const std::vector<PovertyStandard>& national_standards();

//! The standard in force in a year among those given (they do not overlap), or nullptr.
const PovertyStandard* standard_for(const std::vector<PovertyStandard>& standards, int year);

//! The message when no standard covers a year (classification is refused; the commune's decision is recorded instead).
std::string no_standard_message(int year);

//! What the officer entered from the household's survey form.
struct Answers {
  std::optional<std::int64_t> income;  //!< average income per person per month, đồng
  std::vector<std::string> lacking;    //!< codes of the indicators the household lacks
};

//! What classify() decided and why.
struct Classification {
  PovertyStatus status = PovertyStatus::kNone;
  std::int64_t line = 0;  //!< the income line that applied
  bool under_line = false;
  int lacking = 0;                 //!< indicators lacking
  std::vector<std::string> codes;  //!< their codes, in the standard's order
  std::string reason;              //!< in Vietnamese, with the figures
};

//! Classifies a household by the standard (Điều 3 of Nghị định 07/2021/NĐ-CP, the same rule in 351/2025):
//!  - income at or under the line of its area and lacking at least min_lacking indicators: poor;
//!  - income at or under the line and lacking fewer: near-poor;
//!  - income above the line: not poor, whatever it lacks — and "left poverty" when it was poor the year before.
//! A household poor the year before and near-poor now is near-poor (it stays on the list that gets support).
//! Refused (Invalid, per field): no income, a negative or absurd income, an indicator the standard does not have,
//! the same indicator twice.
Result<Classification> classify(const PovertyStandard& standard, Area area, const Answers& answers,
                                std::optional<PovertyStatus> previous_year);

//! The checks a standard must pass before it is kept (name, years, lines, indicators with unique codes).
std::vector<FieldError> validate(const PovertyStandard& s);

//! "1.500.000 đ" — money the Vietnamese way.
std::string money_vn(std::int64_t dong);
//! A share as a Vietnamese percentage with two decimals: 2 of 58 → "3,45%"; 0 of 0 → "0%".
std::string rate_vn(std::int64_t part, std::int64_t whole);

}  // namespace ct05::villages
