#pragma once
// What the meetings module puts in "Việc cần làm" (platform/inbox): the units of the principal's subtree that held
// no periodic meeting in their last full period (the last month for cells and committees, the last quarter for
// agencies, mass organizations and schools), for those who record meetings.
namespace ct05::meetings {

//! Declares the source "meetings.missed" (Module::inbox).
void declare_inbox();

}  // namespace ct05::meetings
