#pragma once
// Change notices between modules: a store that changes the facts held by some units (a person joins or
// leaves, a unit changes kind or closes) says so here, inside its transaction, and the modules that keep
// derived figures per unit (the plans module's tallies) recompute theirs in the same transaction.
#include <cstdint>
#include <functional>
#include <vector>

#include "platform/db/db.hpp"

namespace ct05::changes {

//! Called inside the writer's transaction with the ids of the units whose facts changed.
using Listener = std::function<void(db::Connection&, const std::vector<std::int64_t>& unit_ids)>;

//! Registers a listener once per key (a module registers at start-up; a second call with the key is ignored).
void on_units_changed(const char* key, Listener listener);
//! Tells every listener that these units' facts changed. Call inside the transaction of the change.
void units_changed(db::Connection& c, const std::vector<std::int64_t>& unit_ids);

}  // namespace ct05::changes
