#pragma once
// People in the database, and the person commands (permission, audit and search in one transaction).
#include <cstdint>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "kernel/error.hpp"
#include "modules/people/domain/person.hpp"
#include "platform/auth/principal.hpp"
#include "platform/db/db.hpp"

namespace ct05::people {

//! The person with their current (or last) membership.
std::optional<Person> find_person(db::Connection& c, std::int64_t id);
//! Current members of a unit, by name.
std::vector<Person> members(db::Connection& c, std::int64_t unit_id, int limit, int offset);
std::int64_t count_members(db::Connection& c, std::int64_t unit_id);

//! The person if the principal may take `action` on them.
Result<Person> get_person(db::Connection& c, const auth::Principal& who, std::int64_t id,
                          auth::Action action = auth::Action::kViewPerson);
Result<Person> create_person(db::Connection& c, const auth::Principal& who, const PersonInput& in);
Result<Person> update_person(db::Connection& c, const auth::Principal& who, std::int64_t id, const PersonInput& in);
//! Ends the person's current membership today and marks them inactive.
Result<Person> deactivate_person(db::Connection& c, const auth::Principal& who, std::int64_t id);

//! Writes "person.read" to the audit log: every display of a record's sensitive fields is logged, with the fields
//! shown and where ("page", "edit_form", "api").
void log_full_read(db::Connection& c, const auth::Principal& who, const Person& p, const std::string& via);
//! The sensitive fields a full record shows (the audit entry's "shown").
extern const std::vector<std::string> kSensitiveFields;

//! API representation; sensitive fields only when `sensitive` (the caller checked the permission).
nlohmann::json to_json(const Person& p, bool sensitive);

}  // namespace ct05::people
