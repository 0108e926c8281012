#pragma once
// People: the record, what a user submits, and its validation.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kernel/error.hpp"

namespace ct05::people {

struct Person {
  std::int64_t id = 0;
  std::string full_name;
  std::string gender;  //!< "nam", "nu" or ""
  int birth_year = 0;
  std::string ethnicity;  //!< sensitive
  std::string phone;      //!< sensitive
  std::string id_number;  //!< sensitive (CCCD)
  bool is_party_member = false;
  std::string party_card_no;    //!< sensitive
  std::string party_join_date;  //!< sensitive
  std::string cadre_status;     //!< "can_bo", "cong_chuc", "vien_chuc", "nguoi_lao_dong", "nhan_dan" or ""
  std::string position;
  std::string note;
  bool active = true;
  // The current membership (valid_to empty).
  std::int64_t unit_id = 0;
  std::string unit_name;
  std::string unit_path;
  std::string member_since;
};

struct PersonInput {
  std::optional<std::string> full_name, gender, ethnicity, phone, id_number, party_card_no, party_join_date,
      cadre_status, position, note;
  std::optional<int> birth_year;  //!< 0 clears it
  std::optional<bool> is_party_member;
  std::optional<std::int64_t> unit_id;
  std::optional<std::string> member_since;  //!< start of the membership when creating (default today)
  bool birth_year_invalid = false;  //!< the form held something that is not a number
};

//! Field errors for the present fields; `creating` requires the name and the unit.
std::vector<FieldError> validate(const PersonInput& in, bool creating, int current_year);

std::string_view gender_label(std::string_view code);
//! (code, label) of every cadre status, in form order.
const std::vector<std::pair<std::string_view, std::string_view>>& cadre_statuses();
std::string_view cadre_status_label(std::string_view code);
//! Ethnic groups offered by the form (the most common in Bắc Kạn first); other values are accepted.
const std::vector<std::string_view>& common_ethnicities();

}  // namespace ct05::people
