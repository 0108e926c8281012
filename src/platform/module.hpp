#pragma once
// What a module plugs into the core, declared in one place (its module.cpp), Decidim-style.
#include <functional>
#include <string>
#include <vector>

#include "platform/db/db.hpp"
#include "platform/embedded.hpp"

namespace ct05::http {
class App;
}

namespace ct05 {

//! Output of `ct05 demo`: lines that tell the operator what was made (codes, accounts).
struct DemoReport {
  std::vector<std::string> lines;
};

struct Module {
  std::string name;
  //! Embedded files of the module: "migrations/*.sql" and "templates/*.tpl".
  const std::vector<EmbeddedFile>* files = nullptr;
  //! Registers routes, navigation and hooks.
  std::function<void(http::App&)> wire;
  //! Loads the module's part of the demo dataset (idempotent: does nothing when present).
  std::function<void(db::Connection&, DemoReport&)> demo;
  //! Declares the module's exportable lists (exports::add_kind); run once, before any export or page.
  std::function<void()> exports;
  //! Declares the module's sources of waiting work for "Việc cần làm" (inbox::add_source); run once, like exports.
  std::function<void()> inbox;
  //! Runs after every migration (each start): brings derived data up to date with the schema.
  std::function<void(db::Connection&)> after_migrate;
};

//! The migrations of every module, for db::migrate().
std::vector<db::Migration> collect_migrations(const std::vector<Module>& modules);
//! Registers every module's templates under "<module>/<file name>".
void register_templates(const std::vector<Module>& modules);

}  // namespace ct05
