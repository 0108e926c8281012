#pragma once
// The one place that knows every module: used by main() and by the tests that run the whole app.
#include <memory>
#include <vector>

#include "platform/http/app.hpp"
#include "platform/module.hpp"

namespace ct05::app {

//! Platform + every module, in dependency order.
const std::vector<Module>& modules();
//! Declares every module's exportable lists (once per process; prepare() does it too).
void declare_exports();
//! Registers templates (once per process) and migrates the database.
void prepare(db::Connection& c);
//! Builds the HTTP application with every route, static asset and hook.
std::unique_ptr<http::App> build_app(db::Pool& pool);
//! Loads the demo dataset; returns the lines to print.
DemoReport load_demo(db::Connection& c);

}  // namespace ct05::app
