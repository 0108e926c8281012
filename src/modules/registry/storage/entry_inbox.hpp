#pragma once
// What the register puts in "Việc cần làm" (platform/inbox) and whom its workflow tells (platform/notify): entries
// to verify at their unit, citizens' nominations to screen there, entries verified and waiting for the committee
// above; a notification to whoever a step hands the entry to, and an answer to the member who nominated it.
#include "modules/registry/storage/entry_store.hpp"

namespace ct05::registry {

//! Declares the sources "registry.verify", "registry.screen" and "registry.approve" (Module::inbox).
void declare_inbox();

//! A new nomination (a member's or a citizen's) tells the unit's verifiers, inside the nomination's transaction.
void notify_nominated(db::Connection& c, const auth::Principal& who, const Entry& e);
//! A step taken on `before` (the entry as it was), inside the step's transaction: verify tells the committee above
//! that the entry waits for it; verify, approve, commend, reject and publish answer the nominator when they
//! nominated with an account. Whoever took the step is never told of it.
void notify_step(db::Connection& c, const auth::Principal& who, const Entry& before, Step step, const StepInput& in);

}  // namespace ct05::registry
