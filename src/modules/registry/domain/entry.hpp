#pragma once
// Sổ ghi danh người tốt, việc tốt: an entry names a person or a collective and a good deed. Its workflow:
// submitted → verified by the unit → approved by the committee above → commended (biểu dương, giấy khen,
// bằng khen; decision number and date) → published; published ↔ unpublished; rejected with a reason from
// any step before the commendation. Publication needs the subject's recorded consent.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kernel/error.hpp"

namespace ct05::registry {

enum class Status { kSubmitted, kVerified, kRejected, kApproved, kCommended, kPublished, kUnpublished };
enum class Step { kVerify, kReject, kApprove, kCommend, kPublish, kUnpublish };

std::string_view status_code(Status s);
std::optional<Status> parse_status(std::string_view s);
std::string_view status_label(Status s);
const std::vector<Status>& all_statuses();
std::string_view step_code(Step s);
std::optional<Step> parse_step(std::string_view s);
std::string_view step_label(Step s);

//! The status after a step, or a Conflict that says what can be done from here.
Result<Status> next_status(Status from, Step step);
//! The steps that can follow a status, in the order they are offered.
std::vector<Step> next_steps(Status from);
//! Verify, and reject before verification, are the unit's steps; the others are the committee's.
bool unit_step(Status from, Step step);

//! Forms of commendation.
const std::vector<std::pair<std::string_view, std::string_view>>& commendations();
std::string_view commendation_label(std::string_view code);
//! Person or collective.
std::string_view subject_kind_label(std::string_view code);

struct EntryInput {
  std::optional<std::int64_t> unit_id, category_id;
  std::optional<std::string> subject_kind, subject_name, deed, deed_date, place, nominator_name, nominator_contact;
  bool consent = false;
};
//! Field errors of a nomination; `public_form` also requires the nominator's name and contact.
std::vector<FieldError> validate(const EntryInput& in, bool public_form, const std::string& today);

struct StepInput {
  std::string comment;  //!< required to reject
  std::string commendation, decision_no, decision_date;  //!< for commend
};
std::vector<FieldError> validate(Step step, const StepInput& in);

}  // namespace ct05::registry
