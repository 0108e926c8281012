#pragma once
// What the ethics module puts in "Việc cần làm" (platform/inbox): the standards in force of the units above the
// principal's person (their own unit included) that the person has not acknowledged.
namespace ct05::ethics {

//! Declares the source "ethics.acknowledge" (Module::inbox).
void declare_inbox();

}  // namespace ct05::ethics
