#pragma once
// A restructuring: one event with an effective date and a legal basis that merges, splits, moves, renames or
// dissolves units (docs/decisions.md D25). Units are named by their codes, as people know them.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "kernel/error.hpp"

namespace ct05::restructurings {

//! A unit an event ends with: an existing one (its code alone) or a new one (code, name, kind, parent code; the
//! parent defaults to the first source's parent).
struct UnitRef {
  std::string code, name, kind, parent;
  bool is_new() const { return !name.empty(); }
};

struct Request {
  std::string kind;  //!< merge, split, move, rename, dissolve
  std::string effective_on, legal_basis, note;
  std::vector<std::string> sources;  //!< merge: the units merged
  UnitRef target;                    //!< merge: the unit they become
  std::string unit;                  //!< split, move, rename, dissolve: the unit
  std::vector<UnitRef> successors;   //!< split: the units it becomes
  //! split: who goes where, by successor code: child units by code, people by "nguoi:<id>", households by "ho:<code>"
  std::map<std::string, std::string> assign;
  std::string default_successor;  //!< split: where everything not assigned goes ("" : everything must be assigned)
  std::string parent;             //!< move: the new parent
  std::string new_name, new_code; //!< rename
};

//! The Vietnamese name of a kind ("Sáp nhập", …), "" when unknown.
std::string_view kind_label(std::string_view kind);
const std::vector<std::pair<std::string_view, std::string_view>>& kinds();

//! From the API's JSON (see docs/api/openapi.json, /api/v1/restructurings).
Result<Request> from_json(const nlohmann::json& j);
nlohmann::json to_json(const Request& r);
//! The checks that need no database: kind, date (not after `today`), legal basis, the fields each kind needs.
std::vector<FieldError> validate(const Request& r, const std::string& today);

//! "2025-07-01" − 1 day = "2025-06-30" (dates are ISO, checked).
std::string add_days(const std::string& iso, int days);

//! Codes in a text: one per line or separated by commas, semicolons or spaces (codes have none), empty ones dropped.
std::vector<std::string> codes_of(std::string_view text);
//! The rows of a multi-line field: lines, or parts separated by ";", trimmed, empty ones dropped.
std::vector<std::string> rows_of(std::string_view text);

}  // namespace ct05::restructurings
