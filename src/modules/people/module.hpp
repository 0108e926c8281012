#pragma once
// The people module: persons, their memberships over time, pages, API and demo people/accounts.
#include "platform/http/app.hpp"
#include "platform/module.hpp"

namespace ct05::people {

//! The module manifest.
Module module();
void wire_pages(http::App& app);
void wire_api(http::App& app);
//! Declares the exportable list of a unit's members (exports::add_kind).
void declare_exports();

}  // namespace ct05::people
