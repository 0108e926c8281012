#pragma once
// The accounts module (DESIGN §3.11): accounts and grants managed from the browser by admins and unit officers
// within their scope, one-time activation and reset codes, bulk onboarding of a unit's cadres, each person's
// /account, "Việc cần làm" (/inbox, fed by every module's inbox sources) and notifications.
#include "platform/module.hpp"

namespace ct05::accounts {

//! The module manifest.
Module module();

}  // namespace ct05::accounts
