#pragma once
// The units a figure rolls up, under the tree of a date (docs/decisions.md D25).
//
// Without a date a subtree is the index range of the unit's current path (D12), and the coverage figures come from
// the tallies (D13). With a date ("as of") it is the units that were under the unit on that day: each unit at the
// place it held then (unit_history keeps the places it left), those closed before the day at their last place.
// With continuity, the units the scope's units continue (merged or split into them, transitively) are carried in too,
// so a ward made on 1/7/2025 shows, for 2024, the figures of the communes it was made from; a predecessor still in
// force on the scope's day brings the units under it that day (read as of 2024-12-31, the ward has no tree of its own
// yet, and the communes' cells were under the communes).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kernel/error.hpp"
#include "modules/org/domain/unit.hpp"
#include "platform/db/db.hpp"

namespace ct05::org {

struct Scope {
  std::int64_t unit_id = 0;
  std::string path;   //!< the unit's path in the tree of the date (its current path without a date)
  std::string as_of;  //!< "" for the current tree
  std::vector<std::int64_t> carried;  //!< predecessors carried over (continuity), not otherwise in the scope

  //! True when the scope is a dated tree (figures must be counted from the rows, not from the tallies).
  bool dated() const { return !as_of.empty(); }
  //! A condition that the unit `id_col` (whose current path is `path_col`) is in the tree part of the scope
  //! (carried units excluded); its parameters are numbered from `first` and bound by bind_tree().
  std::string tree(std::string_view id_col, std::string_view path_col, int first) const;
  void bind_tree(db::Params& p) const;
  int tree_params() const { return dated() ? 3 : 2; }
  //! The tree part or a carried unit: every unit whose rows count (meetings, register entries, …).
  std::string all(std::string_view id_col, std::string_view path_col, int first) const;
  void bind_all(db::Params& p) const;
};

//! The current subtree of a unit.
Scope current_scope(const Unit& u);
//! The subtree of a unit in the tree of `as_of` (YYYY-MM-DD), with its predecessors when `continuity`. An empty
//! `as_of` with continuity means today. Refuses a date that is not a date.
Result<Scope> scope_at(db::Connection& c, const Unit& u, const std::string& as_of, bool continuity);

//! A unit as it was on a date: its name, code, kind, parent and path then (the current record when unchanged).
Unit unit_on(db::Connection& c, const Unit& u, const std::string& date);
//! The direct children of a unit in the tree of a date, with their names then (closed ones included).
std::vector<Unit> children_on(db::Connection& c, const Unit& u, const std::string& date);

//! One line of a unit's lineage: an event that touched it.
struct LineageItem {
  std::int64_t restructuring_id = 0;
  std::string kind, effective_on, legal_basis, role;  //!< role: source, target, created, moved, renamed, dissolved
  std::vector<std::pair<std::int64_t, std::string>> predecessors, successors;  //!< (id, name)
  std::string before;  //!< for a move or rename: the name and parent before ("Đảng bộ X, thuộc Y")
};
//! Every event that touched the unit, oldest first.
std::vector<LineageItem> lineage(db::Connection& c, std::int64_t unit_id);

}  // namespace ct05::org
