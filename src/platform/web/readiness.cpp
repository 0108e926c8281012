#include "platform/web/readiness.hpp"

#include <atomic>
#include <filesystem>
#include <mutex>
#include <system_error>

#include <spdlog/spdlog.h>

#include "kernel/clock.hpp"

namespace ct05::platform_web {

namespace {

// A write the database must accept; the transaction around it is rolled back, so the table stays empty.
constexpr const char* kProbeWrite = "INSERT INTO readiness (checked_at) VALUES ($1)";
// SQLite's own name for the file behind the main database (an absolute path; "" for a temporary one).
constexpr const char* kSqliteFile = "SELECT file FROM pragma_database_list WHERE name = 'main'";

std::mutex g_mu;
ReadinessOptions g_options;
std::atomic<bool> g_was_ready{true};

std::string megabytes(std::uint64_t bytes) { return std::to_string(bytes / (1024 * 1024)) + " MB"; }

}  // namespace

void set_readiness_options(const ReadinessOptions& options) {
  std::lock_guard lock(g_mu);
  g_options = options;
}

ReadinessOptions readiness_options() {
  std::lock_guard lock(g_mu);
  return g_options;
}

Readiness check_readiness(db::Connection& c, const ReadinessOptions& options) {
  Readiness out;
  try {
    c.begin();
    c.exec(kProbeWrite, {kernel::now_iso()});
    c.rollback();
  } catch (const std::exception& e) {
    try {
      c.rollback();
    } catch (const std::exception&) {
    }
    out.problems.push_back("cơ sở dữ liệu không nhận ghi / the database refuses writes");
    out.details.push_back(e.what());
  }
  // PostgreSQL's disk belongs to its server (another machine, often), and it refuses the write itself when full.
  if (c.engine() != db::Engine::kSqlite) return out;
  std::string file;
  try {
    if (auto row = c.query_one(kSqliteFile)) file = row->str(0);
  } catch (const std::exception& e) {
    out.details.push_back(e.what());
  }
  if (file.empty()) return out;
  const auto folder = std::filesystem::path(file).parent_path();
  std::error_code ec;
  const auto space = std::filesystem::space(folder, ec);
  if (ec) {
    out.problems.push_back("không đo được dung lượng trống / cannot measure the free space");
    out.details.push_back(folder.string() + ": " + ec.message());
  } else if (space.available < options.min_free_bytes) {
    const auto free = megabytes(space.available), threshold = megabytes(options.min_free_bytes);
    out.problems.push_back("thư mục của cơ sở dữ liệu còn " + free + " trống, dưới ngưỡng " + threshold + " / " +
                           free + " free in the database's folder, below the " + threshold + " threshold");
    out.details.push_back(folder.string());
  }
  return out;
}

http::Response readyz(http::Context& ctx) {
  auto r = check_readiness(ctx.db(), readiness_options());
  if (r.ready() != g_was_ready.exchange(r.ready())) {
    std::string what;
    for (const auto& d : r.details) what += (what.empty() ? "" : "; ") + d;
    if (r.ready()) spdlog::info("/readyz: sẵn sàng trở lại");
    else spdlog::warn("/readyz: chưa sẵn sàng: {}", what);
  }
  if (r.ready()) return http::Response::text("sẵn sàng / ready\n");
  std::string body = "chưa sẵn sàng / not ready\n";
  for (const auto& p : r.problems) body += "- " + p + "\n";
  // A probe's answer is its status (load balancers read nothing else), so it is chosen here, not by status_for().
  return http::Response::text(body, 503);
}

}  // namespace ct05::platform_web
