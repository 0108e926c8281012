#pragma once
// The audit log: who did what, when, with the record before and after. Each row carries the hash
// of the previous row, so editing or deleting a row breaks the chain and `ct05 audit verify` says where.
#include <functional>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/auth/principal.hpp"
#include "platform/db/db.hpp"

namespace ct05::audit {

struct Event {
  std::string action;  //!< "unit.create", "person.update", "person.read", …
  std::string entity;  //!< "unit", "person", "user"
  std::int64_t entity_id = 0;
  std::string unit_path;  //!< where it happened, so officers see the entries of their subtree
  nlohmann::json before;  //!< null for creations and reads
  nlohmann::json after;   //!< for reads: what was shown ({"shown": [fields], "via": "page"|"edit_form"|"api"|…})
};

//! Appends an event in the caller's transaction (call it inside db::in_transaction).
void record(db::Connection& c, const auth::Principal& who, const Event& e);
//! Records that sensitive data was shown, in its own transaction, without moving the pages' cache generation.
void record_read(db::Connection& c, const auth::Principal& who, const Event& e);

struct Entry {
  std::int64_t id = 0;
  std::string at, actor, action, entity;
  std::int64_t entity_id = 0;
  std::string unit_path, before, after;
};

//! Widens a scope with the paths its units had before they moved (the restructurings module sets it): an entry keeps
//! the path it was written under (the path is in its hash), and stays with the unit when the unit moves.
using ScopeExpander = std::function<std::vector<std::string>(db::Connection&, const std::vector<std::string>&)>;
void set_scope_expander(ScopeExpander expander);

//! Entries in the given subtrees (empty scope: none), newest first.
std::vector<Entry> list(db::Connection& c, const std::vector<std::string>& scope_paths, const std::string& action_prefix,
                        int limit, int offset);
std::int64_t count(db::Connection& c, const std::vector<std::string>& scope_paths, const std::string& action_prefix);

struct Verification {
  bool ok = true;
  std::int64_t checked = 0;
  std::int64_t first_bad_id = 0;  //!< the first row whose hash does not match
  std::string reason;
};

//! Recomputes the whole chain.
Verification verify(db::Connection& c);

//! The hash of one row given the previous hash (exposed for tests).
std::string row_hash(const std::string& prev, const Entry& e);

}  // namespace ct05::audit
