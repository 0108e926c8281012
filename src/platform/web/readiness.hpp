#pragma once
// Readiness (/readyz) as opposed to liveness (/healthz): whether this process can do its job now, i.e. whether its
// database accepts a write. A full disk, a read-only file, a replica or a role set read-only leave /healthz at 200
// while every write answers 500; a load balancer or a monitor asks /readyz instead.
#include <cstdint>
#include <string>
#include <vector>

#include "platform/db/db.hpp"
#include "platform/http/app.hpp"

namespace ct05::platform_web {

//! What /readyz holds the database to besides accepting a write.
struct ReadinessOptions {
  //! On SQLite, the free space the database's folder must keep (`serve --min-free-mb`, default 100 MB). A write
  //! rolled back never reaches the disk, so a full disk shows only here.
  std::uint64_t min_free_bytes = 100ull * 1024 * 1024;
};

//! Sets the options for the process (main, from `serve`; tests).
void set_readiness_options(const ReadinessOptions& options);
//! The options in force.
ReadinessOptions readiness_options();

//! The outcome of one check.
struct Readiness {
  //! What failed, each as one line "Vietnamese / English"; empty when ready.
  std::vector<std::string> problems;
  //! For the log only: the database's own error, the folder and its free space.
  std::vector<std::string> details;
  bool ready() const { return problems.empty(); }
};

//! Writes one row in a transaction and rolls it back (nothing is kept; the table `readiness` stays empty), and on
//! SQLite compares the free space of the database file's folder with the threshold.
Readiness check_readiness(db::Connection& c, const ReadinessOptions& options);

//! GET /readyz (no login): 200 "sẵn sàng / ready", or 503 "chưa sẵn sàng / not ready" and one line per problem.
//! The details go to the log, once each time the answer changes, not to whoever asks.
http::Response readyz(http::Context& ctx);

}  // namespace ct05::platform_web
