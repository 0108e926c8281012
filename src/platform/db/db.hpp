#pragma once
// One interface over SQLite (embedded) and PostgreSQL (scale-out). Every query takes
// bound parameters written $1, $2 … in order of first use; the dialects differ only here.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace ct05::db {

enum class Engine { kSqlite, kPostgres };

//! A bound parameter: NULL, an integer or text.
using Value = std::variant<std::monostate, std::int64_t, std::string>;

//! Infrastructure failure (connection lost, SQL error). Constraint violations are marked so
//! storage code can turn them into a Conflict for the user.
class DbError : public std::runtime_error {
 public:
  DbError(const std::string& what, bool unique_violation = false)
      : std::runtime_error(what), unique_violation_(unique_violation) {}
  //! True when the statement broke a UNIQUE constraint.
  bool unique_violation() const { return unique_violation_; }

 private:
  bool unique_violation_;
};

//! One result row; values are text or NULL on both engines.
class Row {
 public:
  explicit Row(std::vector<std::optional<std::string>> cells) : cells_(std::move(cells)) {}
  //! Text of column i ("" for NULL).
  const std::string& str(std::size_t i) const;
  //! Integer value of column i (0 for NULL).
  std::int64_t i64(std::size_t i) const;
  //! True when column i is NULL.
  bool null(std::size_t i) const { return !cells_.at(i).has_value(); }
  //! The raw optional value of column i.
  const std::optional<std::string>& opt(std::size_t i) const { return cells_.at(i); }
  std::size_t size() const { return cells_.size(); }

 private:
  std::vector<std::optional<std::string>> cells_;
};

using Rows = std::vector<Row>;
using Params = std::vector<Value>;

//! A live connection to one engine.
class Connection {
 public:
  virtual ~Connection() = default;
  //! Runs a statement and returns every row.
  virtual Rows query(std::string_view sql, const Params& params = {}) = 0;
  //! Runs a statement and returns the number of rows it changed.
  virtual std::int64_t exec(std::string_view sql, const Params& params = {}) = 0;
  //! Runs several ;-separated statements without parameters (migrations).
  virtual void exec_script(std::string_view sql) = 0;
  //! Starts a write transaction (SQLite: BEGIN IMMEDIATE, so writers queue instead of deadlocking).
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  virtual Engine engine() const = 0;
  //! Bulk load rows into a table (PostgreSQL: COPY; SQLite: one prepared INSERT reused).
  virtual void bulk_insert(const std::string& table, const std::vector<std::string>& columns,
                           const std::vector<std::vector<Value>>& rows) = 0;

  //! First row or nothing.
  std::optional<Row> query_one(std::string_view sql, const Params& params = {});
  //! Single integer of the first row (0 when no row).
  std::int64_t scalar(std::string_view sql, const Params& params = {});

  //! Runs f once, inside the next transaction, just before its COMMIT: a record that must commit with the write it
  //! speaks for (the Idempotency-Key's "done"). Cleared by clear_before_commit() or after it ran.
  void before_next_commit(std::function<void(Connection&)> f) { before_commit_ = std::move(f); }
  void clear_before_commit() { before_commit_ = nullptr; }

 protected:
  void run_before_commit() {
    if (auto f = std::exchange(before_commit_, nullptr)) f(*this);
  }

 private:
  std::function<void(Connection&)> before_commit_;
};

//! A fixed-size pool; lease() blocks while every connection is in use.
class Pool {
 public:
  //! url: a SQLite file path or a postgresql:// URL.
  Pool(const std::string& url, int size);
  ~Pool();
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  class Lease {
   public:
    Lease(Pool* pool, std::unique_ptr<Connection> c) : pool_(pool), conn_(std::move(c)) {}
    Lease(Lease&&) = default;
    ~Lease();
    Connection* operator->() { return conn_.get(); }
    Connection& operator*() { return *conn_; }

   private:
    Pool* pool_;
    std::unique_ptr<Connection> conn_;
  };

  Lease lease();
  Engine engine() const { return engine_; }
  //! Connections in the pool, in use now, and leases that had to wait (for /metrics).
  struct Stats { int size; int in_use; std::int64_t waits; };
  Stats stats() const;

 private:
  void give_back(std::unique_ptr<Connection> c);
  struct State;
  std::unique_ptr<State> state_;
  Engine engine_;
};

//! A number that moves whenever this process writes to any database (a statement that may change rows, or a
//! commit). Caches of derived pages compare it to know that nothing they show has changed (http::FragmentCache).
std::uint64_t write_generation();
//! While one lives, this thread's writes do not move write_generation(): for rows no cached page shows (the audit
//! entry of a read), so that reading a record does not make every cached page be built again.
class QuietWrites {
 public:
  QuietWrites();
  ~QuietWrites();
  QuietWrites(const QuietWrites&) = delete;
  QuietWrites& operator=(const QuietWrites&) = delete;
};

//! Opens one connection (CLI commands and tests).
std::unique_ptr<Connection> connect(const std::string& url);
//! True when url names a PostgreSQL server.
bool is_postgres_url(const std::string& url);

//! The exclusive upper bound of the subtree under a materialized path: every path that starts with `path`
//! (which ends with '/') sorts in [path, subtree_end(path)) byte by byte ("/1/14/" → "/1/140").
std::string subtree_end(std::string_view path);

//! "($1, $2, …)": n parameter markers starting at $first, for IN lists and multi-row VALUES (values stay bound).
std::string placeholders(std::size_t n, std::size_t first = 1);

//! Commits when fn returns normally, rolls back when it throws.
template <class Fn>
auto in_transaction(Connection& c, Fn&& fn) -> decltype(fn()) {
  c.begin();
  try {
    if constexpr (std::is_void_v<decltype(fn())>) {
      fn();
      c.commit();
    } else {
      auto r = fn();
      if (r) c.commit(); else c.rollback();
      return r;
    }
  } catch (...) {
    c.rollback();
    throw;
  }
}

//! A migration: a version name ("0002_org_units") and its SQL with dialect tokens (see migrate.cpp).
struct Migration {
  std::string version;
  std::string sql;
};

//! Applies the migrations not yet recorded in schema_migrations, in version order; returns how many ran.
int migrate(Connection& c, std::vector<Migration> migrations);
//! Replaces the dialect tokens of a migration for an engine (exposed for tests).
std::string dialect_sql(std::string_view sql, Engine engine);

}  // namespace ct05::db
