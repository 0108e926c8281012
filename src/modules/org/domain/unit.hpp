#pragma once
// Units of the org tree: kinds, the record, and validation of what a user submits.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kernel/error.hpp"

namespace ct05::org {

//! A unit kind: its stable code and Vietnamese label.
struct UnitKind {
  std::string_view code;
  std::string_view label;
};

//! Every kind, in the order forms list them.
const std::vector<UnitKind>& unit_kinds();
//! The label of a kind code ("" when unknown).
std::string_view kind_label(std::string_view code);

struct Unit {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  std::string kind;
  std::int64_t parent_id = 0;  //!< 0 for a root
  std::string path;            //!< "/1/4/9/"
  int depth = 0;
  std::string valid_from;
  std::string valid_to;  //!< "" while in force
  std::int64_t territory_id = 0;
  bool active = true;
  std::string note;
};

//! What a user submits to create or change a unit; absent fields are left unchanged on update.
struct UnitInput {
  std::optional<std::string> code, name, kind, valid_from, valid_to, note;
  std::optional<std::int64_t> parent_id;
  std::optional<std::string> territory_code;  //!< the code of the village/commune this unit serves ("" clears)
};

//! Checks the fields that are present; `creating` requires code, name, kind and parent.
std::vector<FieldError> validate(const UnitInput& in, bool creating);

//! Ids of the ancestors in a path, root first ("/1/4/9/" → {1, 4, 9}).
std::vector<std::int64_t> path_ids(std::string_view path);

}  // namespace ct05::org
