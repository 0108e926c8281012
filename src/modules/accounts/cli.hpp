#pragma once
// `ct05 user list|grant|revoke|disable|enable|reset|bulk`: the accounts pages' commands for the operator's shell,
// run as the system (quản trị over every tree) through the same store commands, so the same rules and audit hold.
#include <functional>
#include <string>

#include <CLI/CLI.hpp>

#include "platform/db/db.hpp"

namespace ct05::accounts {

struct Cli {
  //! Set by the parse when one of these subcommands was given: runs it and returns its exit code (main calls it
  //! inside its try, so a database failure is reported like any other command's).
  std::function<int()> run;
};

//! Adds the subcommands to `user`; each connects to the database through open() when it runs.
void add_cli(CLI::App* user, Cli& state, std::function<std::unique_ptr<db::Connection>()> open,
             std::function<void(CLI::App*)> add_db);

}  // namespace ct05::accounts
