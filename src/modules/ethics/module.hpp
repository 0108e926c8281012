#pragma once
// The ethics module: each unit's standards of professional ethics ("chuẩn mực đạo đức công vụ") as versioned
// text, members' acknowledgements of the version in force, and who has not acknowledged yet.
#include "platform/http/app.hpp"
#include "platform/module.hpp"

namespace ct05::ethics {

//! The module manifest.
Module module();
//! Registers the pages and the unit-page panel (called by module().wire).
void wire_pages(http::App& app);
//! Registers /api/v1/ethics-standards (called by module().wire).
void wire_api(http::App& app);

}  // namespace ct05::ethics
