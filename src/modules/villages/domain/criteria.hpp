#pragma once
// New-rural criteria sets ("bộ tiêu chí thôn đạt chuẩn nông thôn mới"), the assessment of a village against one
// for a year, and the recognition decision: the records, what is submitted, and its validation. Pure.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kernel/error.hpp"

namespace ct05::villages {

//! One criterion of a set.
struct Criterion {
  std::int64_t id = 0;
  int position = 0;           //!< order in the set, from 1
  std::string group_name;     //!< "I. Tổ chức, quản lý và kế hoạch"
  std::string number;         //!< "1", "2a", …
  std::string name;           //!< "Ban phát triển thôn"
  std::string requirement;    //!< what "đạt" means
  std::string figure_label;   //!< a figure to record with the result ("Tỷ lệ hộ nghèo"), "" for none
  std::string figure_source;  //!< a figure ct05 knows and pre-fills (see figure_sources()), "" for none
};

//! A version of a set; never edited once made.
struct CriteriaSet {
  std::int64_t id = 0;
  std::string code;  //!< shared by every version, "BK-THON-NTM-2021"
  int version = 1;
  std::string name, legal_basis, note;
  int from_year = 0, to_year = 0;  //!< to_year 0: still in force
  std::string created_at, created_by;
  std::vector<Criterion> criteria;
  bool latest = true;            //!< the highest version of its code
  std::int64_t assessments = 0;  //!< assessments made against it

  //! True when the set is in force in the year.
  bool covers(int year) const { return year >= from_year && (to_year == 0 || year <= to_year); }
};

//! The figures ct05 can pre-fill: (code, label).
const std::vector<std::pair<std::string_view, std::string_view>>& figure_sources();
//! The label of a figure source ("" when unknown).
std::string_view figure_source_label(std::string_view code);

//! What the admin submits for a new set or version.
struct CriteriaSetInput {
  std::string code, name, legal_basis, note;
  std::optional<int> from_year, to_year;
  bool years_invalid = false;  //!< a year field held something that is not a number
  std::vector<Criterion> criteria;
};
//! Trims the fields and drops criteria rows left entirely empty (forms offer spare rows).
CriteriaSetInput normalized(CriteriaSetInput in);
//! Code, name, legal basis, years, and each criterion with a group, a unique number and a name.
std::vector<FieldError> validate(const CriteriaSetInput& in);

//! The result of one criterion in an assessment.
struct CriterionResult {
  std::int64_t criterion_id = 0;
  std::optional<bool> met;  //!< nothing: not assessed yet
  std::string figure, note;
};
//! Figures and comments within their lengths, each criterion once.
std::vector<FieldError> validate(const std::vector<CriterionResult>& results);

//! A recognition decision as submitted.
struct RecognitionInput {
  std::optional<std::int64_t> village_id, assessment_id;
  std::optional<int> year;
  std::string decision_no, decided_on, issuer, note;
};
//! Trims every text field.
RecognitionInput normalized(RecognitionInput in);
//! Number, date (in the year or the next: decisions follow the year-end assessment), issuing body.
std::vector<FieldError> validate(const RecognitionInput& in);

}  // namespace ct05::villages
