#pragma once
// Units and grants in the database, and the unit commands (each checks permission, writes the
// audit log and the search index in the same transaction).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kernel/error.hpp"
#include "modules/org/domain/unit.hpp"
#include "platform/auth/principal.hpp"
#include "platform/db/db.hpp"

namespace ct05::org {

std::optional<Unit> find_unit(db::Connection& c, std::int64_t id);
std::optional<Unit> find_unit_by_code(db::Connection& c, const std::string& code);
//! Units by id, in the order of ids (for breadcrumbs).
std::vector<Unit> find_units(db::Connection& c, const std::vector<std::int64_t>& ids);
//! Direct children, active ones first then by name.
std::vector<Unit> children(db::Connection& c, std::int64_t parent_id, int limit, int offset);
std::int64_t count_children(db::Connection& c, std::int64_t parent_id);
//! Every unit in the subtree of path (the root included).
std::int64_t count_subtree(db::Connection& c, const std::string& path);

//! The unit if the principal may take action on it; NotFound or Forbidden otherwise.
Result<Unit> get_unit(db::Connection& c, const auth::Principal& who, std::int64_t id,
                      auth::Action action = auth::Action::kViewUnit);
Result<Unit> get_unit_by_code(db::Connection& c, const auth::Principal& who, const std::string& code);
Result<Unit> create_unit(db::Connection& c, const auth::Principal& who, const UnitInput& in);
//! Creates a unit without a parent (a new root: CLI and demo only, never over HTTP).
Result<Unit> create_root_unit(db::Connection& c, const auth::Principal& who, const UnitInput& in);
Result<Unit> update_unit(db::Connection& c, const auth::Principal& who, std::int64_t id, const UnitInput& in);
//! Ends the unit's validity on `date` (today when empty); refused while it has active children or members.
Result<Unit> deactivate_unit(db::Connection& c, const auth::Principal& who, std::int64_t id, const std::string& date);

//! A check another module adds to refuse deactivation (e.g. "còn 12 người đang sinh hoạt").
using DeactivationCheck = std::function<std::optional<std::string>(db::Connection&, const Unit&)>;
//! A second call with the same key replaces the first.
void add_deactivation_check(const std::string& key, DeactivationCheck check);

//! Fills the principal's grants with their units' paths (the App's grant loader).
void load_grants(db::Connection& c, auth::Principal& p);
//! The principal of an account with its grants, by login (demo loaders and tests act as real accounts).
std::optional<auth::Principal> principal_of(db::Connection& c, const std::string& login);
//! Grants a role on a unit to an account (CLI and demo; audited).
void grant_role(db::Connection& c, const auth::Principal& who, std::int64_t user_id, auth::Role role, std::int64_t unit_id);

//! The API representation of a unit.
nlohmann::json to_json(const Unit& u);

}  // namespace ct05::org
