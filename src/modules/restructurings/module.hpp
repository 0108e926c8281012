#pragma once
// The restructurings module: merges, splits, moves, renames and dissolutions of units as dated events with their
// legal basis, previewed before they are committed, and each unit's lineage (docs/decisions.md D25).
#include "platform/http/app.hpp"
#include "platform/module.hpp"

namespace ct05::restructurings {

//! The module manifest.
Module module();
//! Registers the pages and the unit-page lineage panel (called by module().wire).
void wire_pages(http::App& app);
//! Registers /api/v1/restructurings (called by module().wire).
void wire_api(http::App& app);

}  // namespace ct05::restructurings
