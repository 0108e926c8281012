#pragma once
// What the plans module puts in "Việc cần làm" (platform/inbox) and whom its workflow tells (platform/notify):
// plans and commitments waiting for the principal's review, the principal's own commitment of the current year
// still to write or to fix, and a notification at each transition that hands a plan to someone or answers them.
#include <cstdint>
#include <string>

#include "modules/people/domain/person.hpp"
#include "modules/plans/domain/plan.hpp"
#include "platform/auth/principal.hpp"
#include "platform/db/db.hpp"

namespace ct05::plans {

//! Declares the sources "plans.review" and "plans.own" (Module::inbox).
void declare_inbox();

//! Does this person owe a commitment: active and a party member or cán bộ, công chức, viên chức (the rule of
//! CT05_CADRE in storage/sql_rules.hpp, which the tallies count; the two must agree). The caller knows the
//! person has a current membership.
bool owes_commitment(const people::Person& p);

//! The unit whose officers review the plan: the person's unit for a commitment, the unit above for a unit's
//! plan (0 for a root, which nobody in ct05 reviews).
std::int64_t reviewing_unit(const Plan& p);

//! Tells, inside the transition's transaction, whom the transition concerns: a submission its reviewers
//! (inbox::reviewers, never the author themself), an acceptance or a return the author (a commitment: the person's
//! accounts, and the account that submitted it when that is someone else; a unit's plan: the account that
//! submitted it, else the unit's officers). `p` is the plan as it was before the transition; whoever took the step
//! is never told of it, and a step of the system principal (the demo loader) tells nobody.
void notify_transition(db::Connection& c, const auth::Principal& who, const Plan& p, Transition t,
                       const std::string& comment);

}  // namespace ct05::plans
