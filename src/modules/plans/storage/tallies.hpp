#pragma once
// Per-unit tallies behind the coverage indicators (docs/decisions.md D13).
//
// For each unit and year, unit_own_tallies keeps the unit's own figures and unit_tallies the sums over its
// subtree; year 0 holds the figures without a year (units that must have a plan, cadres). A change
// recounts the own figures of the units it touched, from the rows, and adds the difference to the sub
// figures of each ancestor, in the change's transaction: reading a subtree's indicators is then one row
// whatever its size, and a recount (`check`) proves the rows and the tallies agree.
#include <cstdint>
#include <string>
#include <vector>

#include "platform/db/db.hpp"

namespace ct05::plans::tallies {

struct Figures {
  std::int64_t required = 0, plans = 0, cadres = 0, commitments = 0, issues = 0, resolved = 0;
  bool operator==(const Figures&) const = default;
};

//! Recounts the own figures of these units and carries the differences up their ancestors. Call inside
//! the transaction of the change (the stores do; org and people reach it through changes::units_changed).
void refresh(db::Connection& c, std::vector<std::int64_t> unit_ids);
//! Units whose own figures a change of this person's commitment touches (the person's current units).
std::vector<std::int64_t> units_of_person(db::Connection& c, std::int64_t person_id);

//! A subtree moved from old_path to new_path (both the root's, ending with its id): its subtree rows leave the
//! ancestors it left and join those it joined. Call inside the move's transaction.
void move_subtree(db::Connection& c, std::int64_t root_id, const std::string& old_path, const std::string& new_path);

//! Subtree figures of a unit for a year (required and cadres from year 0).
Figures subtree(db::Connection& c, std::int64_t unit_id, int year);

//! Recomputes the whole table from the rows (after `ct05 gen`, or to repair). Returns the rows written.
std::int64_t rebuild(db::Connection& c);
//! Rebuilds when the table is empty and units exist (a database migrated before the table existed).
void ensure(db::Connection& c);

struct Mismatch {
  std::int64_t unit_id = 0;
  int year = 0;
  bool sub = false;  //!< subtree figures (else own)
  Figures stored, counted;
};
//! Compares every stored row with a recount from the rows; empty when they agree.
std::vector<Mismatch> check(db::Connection& c);

}  // namespace ct05::plans::tallies
