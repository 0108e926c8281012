#pragma once
// Restructurings in the database: the preview and the commit are one code path (D25). Both run the whole event in
// a transaction; the preview rolls it back and returns what it did, the commit keeps it. So what the preview shows is
// exactly what the commit writes, and an event that fails anywhere leaves nothing changed.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kernel/error.hpp"
#include "modules/restructurings/domain/restructuring.hpp"
#include "platform/auth/principal.hpp"
#include "platform/db/db.hpp"

namespace ct05::restructurings {

struct Counts {
  std::int64_t created = 0, moved = 0, closed = 0, renamed = 0, people = 0, households = 0;
};
struct Outcome {
  std::int64_t id = 0;  //!< the event's id (0 for a preview)
  Request request;
  std::vector<std::string> lines;  //!< what moves where, in Vietnamese, in the order it is done
  std::vector<std::string> notes;  //!< what stays as it was (grants, rows written for the old units)
  Counts counts;
  std::vector<std::int64_t> units;  //!< every unit touched
};

//! Runs the event: checks kRestructure on every unit involved, and refuses (422, with every problem) what cannot be
//! done. `commit` false: a preview, nothing kept.
Result<Outcome> run(db::Connection& c, const auth::Principal& who, const Request& r, bool commit);

struct Summary {
  std::int64_t id = 0;
  std::string kind, effective_on, legal_basis, note, created_by, created_at;
  nlohmann::json summary;  //!< {"lines": [...], "counts": {...}}
};
//! Events newest (by effective date) first, those touching the principal's scope.
std::vector<Summary> list(db::Connection& c, const auth::Principal& who, int limit, int offset);
std::int64_t count(db::Connection& c, const auth::Principal& who);
std::optional<Summary> find(db::Connection& c, std::int64_t id);

//! A scope and the paths its subtrees had before they were moved into it, moves of moves included (the audit list's
//! scope expander: entries keep the path they were written under).
std::vector<std::string> old_paths(db::Connection& c, const std::vector<std::string>& scope);

nlohmann::json to_json(const Outcome& o, bool committed);
nlohmann::json to_json(const Summary& s);

}  // namespace ct05::restructurings
