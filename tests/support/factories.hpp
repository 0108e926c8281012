#pragma once
// Test factories shared by the modules' database tests (STYLE §8): small trees of units and principals with one
// grant, made the way the application makes them.
#include <cstdint>
#include <string>

#include "modules/org/domain/unit.hpp"
#include "platform/auth/principal.hpp"
#include "platform/db/db.hpp"

namespace ct05::testing {

//! A unit created by the system principal (a root when parent_id is 0), in force since valid_from.
org::Unit make_unit(db::Connection& c, const std::string& code, const std::string& name, const std::string& kind,
                    std::int64_t parent_id, const std::string& valid_from = "2016-01-01");
//! An active party member with a membership of the unit since valid_from; returns the person's id.
std::int64_t make_member(db::Connection& c, const std::string& name, std::int64_t unit_id,
                         const std::string& valid_from = "2016-01-01");
//! A signed-in principal with one grant of role on the unit, as the person given (0: an account without one).
//! Each call gets a new user id from 1000 up.
auth::Principal principal_on(auth::Role role, const org::Unit& unit, std::int64_t person_id = 0);

}  // namespace ct05::testing
