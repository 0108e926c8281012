#pragma once
// Plans ("kế hoạch làm theo Bác" of a unit) and commitments ("cam kết" of a cadre): the same list of
// items and the same workflow draft → submitted → accepted, or returned with a comment and resubmitted.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kernel/error.hpp"

namespace ct05::plans {

enum class OwnerKind { kUnit, kPerson };
enum class Status { kDraft, kSubmitted, kAccepted, kReturned };
enum class Transition { kSubmit, kAccept, kReturn };

std::string_view status_code(Status s);
std::optional<Status> parse_status(std::string_view s);
std::string_view status_label(Status s);
std::string_view transition_code(Transition t);
std::optional<Transition> parse_transition(std::string_view s);

//! The status after a transition, or a Conflict naming what is allowed from here.
Result<Status> next_status(Status from, Transition t);
//! Items may change only while the plan is a draft or was returned.
bool editable(Status s);

//! Status of one item.
std::string_view item_status_label(std::string_view code);
const std::vector<std::pair<std::string_view, std::string_view>>& item_statuses();

struct Item {
  std::int64_t id = 0;
  int position = 0;
  std::string content;
  std::string responsible;  //!< who carries it out
  std::string due_date;     //!< "" or YYYY-MM-DD
  std::string evidence;     //!< what shows it was done
  std::string status = "chua_thuc_hien";
};

struct ItemInput {
  std::optional<std::string> content, responsible, due_date, evidence, status;
};
std::vector<FieldError> validate(const ItemInput& in, bool creating);

struct Plan {
  std::int64_t id = 0;
  OwnerKind owner = OwnerKind::kUnit;
  std::int64_t unit_id = 0;
  std::string unit_name, unit_path;
  std::int64_t parent_id = 0;
  std::string parent_path;  //!< the unit above: its officers review unit plans
  std::int64_t person_id = 0;
  std::string person_name;
  int year = 0;
  Status status = Status::kDraft;
  std::string comment;  //!< the reviewer's last comment
  std::string submitted_at, reviewed_at, reviewed_by;
  std::vector<Item> items;
};

//! Years ct05 accepts for plans (the campaign began in 2016).
bool valid_year(int year);
//! The year whose plans and commitments are being written now: the calendar year of today in Vietnam. The one
//! place that says so (the inbox, the demo), until issue 17 lets a locality start its year otherwise.
int current_year();
//! "2020" → 2020 when it is four digits and a valid year.
std::optional<int> parse_year(std::string_view s);

}  // namespace ct05::plans
