#pragma once
// The org module: the unit tree, its pages and API, and the hooks other modules plug into.
#include <functional>
#include <string>

#include "modules/org/domain/unit.hpp"
#include "platform/http/app.hpp"
#include "platform/module.hpp"

namespace ct05::org {

//! The module manifest (routes, migrations, templates, demo data).
Module module();

//! A section another module adds to every unit page (e.g. the people module's member list).
//! It returns HTML rendered from its own auto-escaped template, or "" to show nothing.
using UnitPanel = std::function<std::string(http::Context&, const Unit&)>;
//! Adds a section to every unit page; a second call with the same key replaces the first.
void add_unit_panel(const std::string& key, UnitPanel panel);

//! Registers the unit pages and API (called by module().wire).
void wire_pages(http::App& app);
void wire_api(http::App& app);
//! Declares the exportable list of units (exports::add_kind).
void declare_exports();
//! Renders the panels for a unit page.
std::vector<std::string> render_panels(http::Context& ctx, const Unit& u);

}  // namespace ct05::org
