#pragma once
// The meetings module: a unit's periodic and thematic meetings with attendance, the evaluation of plans and
// commitments in them (self-assessment, then the unit's rating), the year-end review that locks the year, and
// meetings held against expected over any subtree.
#include "platform/http/app.hpp"
#include "platform/module.hpp"

namespace ct05::meetings {

//! The module manifest.
Module module();
void wire_pages(http::App& app);
void wire_api(http::App& app);
//! Declares the exportable list of a unit's meetings (exports::add_kind).
void declare_exports();

}  // namespace ct05::meetings
