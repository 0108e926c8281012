#include "platform/db/db.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <unordered_map>

#include <libpq-fe.h>
#include <sqlite3.h>

namespace ct05::db {

namespace {
const std::string kEmpty;
std::atomic<std::uint64_t> g_writes{0};
thread_local int g_quiet = 0;
void wrote() {
  if (g_quiet == 0) g_writes.fetch_add(1, std::memory_order_acq_rel);
}
}  // namespace

std::uint64_t write_generation() { return g_writes.load(std::memory_order_acquire); }

QuietWrites::QuietWrites() { ++g_quiet; }
QuietWrites::~QuietWrites() { --g_quiet; }

const std::string& Row::str(std::size_t i) const {
  const auto& c = cells_.at(i);
  return c ? *c : kEmpty;
}

std::int64_t Row::i64(std::size_t i) const {
  const auto& c = cells_.at(i);
  if (!c || c->empty()) return 0;
  return std::stoll(*c);
}

std::optional<Row> Connection::query_one(std::string_view sql, const Params& params) {
  auto rows = query(sql, params);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::int64_t Connection::scalar(std::string_view sql, const Params& params) {
  auto r = query_one(sql, params);
  return r ? r->i64(0) : 0;
}

std::string subtree_end(std::string_view path) {
  std::string end(path);
  if (!end.empty()) end.back() = static_cast<char>(end.back() + 1);  // '/' + 1 == '0'
  return end;
}

std::string placeholders(std::size_t n, std::size_t first) {
  std::string s = "(";
  for (std::size_t i = 0; i < n; ++i) s += (i ? ", $" : "$") + std::to_string(first + i);
  return s + ")";
}

bool is_postgres_url(const std::string& url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

// ---------------------------------------------------------------- SQLite
namespace {

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const std::string& path) {
    // Memory statistics take a process-wide mutex on every allocation; ct05 does not read them.
    static std::once_flag once;
    std::call_once(once, [] {
      sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
      sqlite3_initialize();
    });
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw DbError("cannot open SQLite database " + path + ": " + msg);
    }
    sqlite3_busy_timeout(db_, 10000);
    exec_script("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
  }
  ~SqliteConnection() override {
    for (auto& [sql, st] : cache_) sqlite3_finalize(st);
    sqlite3_close(db_);
  }

  Rows query(std::string_view sql, const Params& params) override {
    sqlite3_stmt* st = prepare(sql, params);
    if (!sqlite3_stmt_readonly(st)) wrote();
    Rows rows;
    int cols = sqlite3_column_count(st);
    while (true) {
      int rc = sqlite3_step(st);
      if (rc == SQLITE_ROW) {
        std::vector<std::optional<std::string>> cells;
        cells.reserve(cols);
        for (int i = 0; i < cols; ++i) {
          if (sqlite3_column_type(st, i) == SQLITE_NULL) {
            cells.emplace_back(std::nullopt);
          } else {
            auto* t = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
            cells.emplace_back(std::string(t, static_cast<std::size_t>(sqlite3_column_bytes(st, i))));
          }
        }
        rows.emplace_back(std::move(cells));
      } else if (rc == SQLITE_DONE) {
        break;
      } else {
        fail_step(st, sql);
      }
    }
    sqlite3_reset(st);
    return rows;
  }

  std::int64_t exec(std::string_view sql, const Params& params) override {
    sqlite3_stmt* st = prepare(sql, params);
    wrote();
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) fail_step(st, sql);
    sqlite3_reset(st);
    return sqlite3_changes(db_);
  }

  void exec_script(std::string_view sql) override {
    wrote();
    char* err = nullptr;
    std::string s(sql);
    if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "?";
      sqlite3_free(err);
      throw DbError("SQLite: " + msg);
    }
  }

  void begin() override { exec_script("BEGIN IMMEDIATE"); }
  void commit() override {
    run_before_commit();
    exec_script("COMMIT");
    wrote();
  }
  void rollback() override {
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  Engine engine() const override { return Engine::kSqlite; }

  void bulk_insert(const std::string& table, const std::vector<std::string>& columns,
                   const std::vector<std::vector<Value>>& rows) override {
    // Table and column names come from the program, never from input; values are bound.
    std::string sql = "INSERT INTO ";
    sql += table + " (";
    std::string vals;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      sql += (i ? "," : "") + columns[i];
      vals += (i ? ",$" : "$") + std::to_string(i + 1);
    }
    sql += ") VALUES (" + vals + ")";
    for (const auto& r : rows) exec(sql, r);
  }

 private:
  sqlite3_stmt* prepare(std::string_view sql, const Params& params) {
    std::string key(sql);
    sqlite3_stmt* st = nullptr;
    auto it = std::find_if(cache_.begin(), cache_.end(), [&](auto& p) { return p.first == key; });
    if (it != cache_.end()) {
      st = it->second;
      sqlite3_reset(st);
      sqlite3_clear_bindings(st);
    } else {
      if (sqlite3_prepare_v2(db_, key.c_str(), static_cast<int>(key.size()), &st, nullptr) != SQLITE_OK)
        throw DbError(std::string("SQLite prepare: ") + sqlite3_errmsg(db_) + " in: " + key);
      cache_.emplace_front(key, st);
      if (cache_.size() > 128) {
        sqlite3_finalize(cache_.back().second);
        cache_.pop_back();
      }
    }
    // SQLite numbers "$N" parameters by first appearance; bind by the N in the name instead, so that
    // "$2 … $1" and a repeated "$1" mean what they mean on PostgreSQL.
    int n = sqlite3_bind_parameter_count(st);
    for (int i = 0; i < n; ++i) {
      const char* name = sqlite3_bind_parameter_name(st, i + 1);
      std::size_t k = name && name[0] == '$' ? static_cast<std::size_t>(std::atoi(name + 1)) : 0;
      if (k == 0 || k > params.size())
        throw DbError("SQLite: parameter " + std::string(name ? name : "?") + " has no value (" +
                      std::to_string(params.size()) + " given): " + key);
      const Value& v = params[k - 1];
      int rc;
      if (std::holds_alternative<std::monostate>(v)) rc = sqlite3_bind_null(st, i + 1);
      else if (auto* iv = std::get_if<std::int64_t>(&v)) rc = sqlite3_bind_int64(st, i + 1, *iv);
      else {
        const auto& s = std::get<std::string>(v);
        rc = sqlite3_bind_text(st, i + 1, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
      }
      if (rc != SQLITE_OK) throw DbError(std::string("SQLite bind: ") + sqlite3_errmsg(db_));
    }
    return st;
  }

  [[noreturn]] void fail_step(sqlite3_stmt* st, std::string_view sql) {
    int ext = sqlite3_extended_errcode(db_);
    std::string msg = sqlite3_errmsg(db_);
    sqlite3_reset(st);
    bool unique = ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY;
    throw DbError("SQLite: " + msg + " in: " + std::string(sql), unique);
  }

  sqlite3* db_ = nullptr;
  std::deque<std::pair<std::string, sqlite3_stmt*>> cache_;
};

// ---------------------------------------------------------------- PostgreSQL
class PgConnection final : public Connection {
 public:
  explicit PgConnection(const std::string& url) {
    conn_ = PQconnectdb(url.c_str());
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string msg = PQerrorMessage(conn_);
      PQfinish(conn_);
      throw DbError("cannot connect to PostgreSQL: " + msg);
    }
    exec_script("SET client_min_messages = warning; SET client_encoding = 'UTF8'");
  }
  ~PgConnection() override { PQfinish(conn_); }

  Rows query(std::string_view sql, const Params& params) override {
    if (sql.substr(0, 7) != "SELECT ") wrote();  // INSERT … RETURNING and the like
    PGresult* res = run(sql, params);
    Rows rows;
    int n = PQntuples(res), cols = PQnfields(res);
    rows.reserve(static_cast<std::size_t>(n));
    for (int r = 0; r < n; ++r) {
      std::vector<std::optional<std::string>> cells;
      cells.reserve(static_cast<std::size_t>(cols));
      for (int c = 0; c < cols; ++c) {
        if (PQgetisnull(res, r, c)) cells.emplace_back(std::nullopt);
        else cells.emplace_back(std::string(PQgetvalue(res, r, c), static_cast<std::size_t>(PQgetlength(res, r, c))));
      }
      rows.emplace_back(std::move(cells));
    }
    PQclear(res);
    return rows;
  }

  std::int64_t exec(std::string_view sql, const Params& params) override {
    wrote();
    PGresult* res = run(sql, params);
    const char* t = PQcmdTuples(res);
    std::int64_t n = (t && *t) ? std::stoll(t) : 0;
    PQclear(res);
    return n;
  }

  void exec_script(std::string_view sql) override {
    wrote();
    std::string s(sql);
    PGresult* res = PQexec(conn_, s.c_str());
    check(res, s);
    PQclear(res);
  }

  void begin() override { exec_script("BEGIN"); }
  void commit() override {
    run_before_commit();
    exec_script("COMMIT");
    wrote();
  }
  void rollback() override {
    auto ts = PQtransactionStatus(conn_);
    if (ts != PQTRANS_INTRANS && ts != PQTRANS_INERROR) return;
    PGresult* res = PQexec(conn_, "ROLLBACK");
    PQclear(res);
  }
  Engine engine() const override { return Engine::kPostgres; }

  void bulk_insert(const std::string& table, const std::vector<std::string>& columns,
                   const std::vector<std::vector<Value>>& rows) override {
    wrote();
    std::string sql = "COPY " + table + " (";
    for (std::size_t i = 0; i < columns.size(); ++i) sql += (i ? "," : "") + columns[i];
    sql += ") FROM STDIN";
    PGresult* res = PQexec(conn_, sql.c_str());
    if (PQresultStatus(res) != PGRES_COPY_IN) check(res, sql);
    PQclear(res);
    std::string buf;
    for (const auto& r : rows) {
      for (std::size_t i = 0; i < r.size(); ++i) {
        if (i) buf += '\t';
        const Value& v = r[i];
        if (std::holds_alternative<std::monostate>(v)) buf += "\\N";
        else if (auto* iv = std::get_if<std::int64_t>(&v)) buf += std::to_string(*iv);
        else
          for (char ch : std::get<std::string>(v)) {
            if (ch == '\\') buf += "\\\\";
            else if (ch == '\t') buf += "\\t";
            else if (ch == '\n') buf += "\\n";
            else if (ch == '\r') buf += "\\r";
            else buf += ch;
          }
      }
      buf += '\n';
      if (buf.size() > (1 << 20)) {
        put_copy(buf);
        buf.clear();
      }
    }
    if (!buf.empty()) put_copy(buf);
    if (PQputCopyEnd(conn_, nullptr) != 1) throw DbError(std::string("COPY end: ") + PQerrorMessage(conn_));
    while ((res = PQgetResult(conn_)) != nullptr) {
      check(res, sql);
      PQclear(res);
    }
  }

 private:
  void put_copy(const std::string& buf) {
    if (PQputCopyData(conn_, buf.data(), static_cast<int>(buf.size())) != 1)
      throw DbError(std::string("COPY data: ") + PQerrorMessage(conn_));
  }

  PGresult* run(std::string_view sql, const Params& params) {
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (std::holds_alternative<std::monostate>(v)) {
        values[i] = nullptr;
      } else {
        texts[i] = std::holds_alternative<std::int64_t>(v) ? std::to_string(std::get<std::int64_t>(v)) : std::get<std::string>(v);
        values[i] = texts[i].c_str();
      }
    }
    std::string s(sql);
    const std::string* name = prepared(s, static_cast<int>(params.size()));
    PGresult* res = name ? PQexecPrepared(conn_, name->c_str(), static_cast<int>(params.size()), values.data(), nullptr, nullptr, 0)
                         : PQexecParams(conn_, s.c_str(), static_cast<int>(params.size()), nullptr, values.data(), nullptr,
                                        nullptr, 0);
    check(res, s);
    return res;
  }

  // Statements are prepared once per connection and reused, which spares the server parsing and planning
  // them again on every request. Prepared statements outlive transactions; the cache is emptied (DEALLOCATE
  // ALL) when it grows past its limit outside a transaction, and forgotten when the connection is reset.
  const std::string* prepared(const std::string& sql, int n_params) {
    if (auto it = prepared_.find(sql); it != prepared_.end()) return &it->second;
    if (PQtransactionStatus(conn_) == PQTRANS_INERROR) return nullptr;
    if (prepared_.size() >= kMaxPrepared) {
      if (PQtransactionStatus(conn_) != PQTRANS_IDLE) return nullptr;
      PGresult* r = PQexec(conn_, "DEALLOCATE ALL");
      PQclear(r);
      prepared_.clear();
    }
    std::string name = "ct05_" + std::to_string(++prepared_seq_);
    PGresult* res = PQprepare(conn_, name.c_str(), sql.c_str(), n_params, nullptr);
    check(res, sql);  // throws with the server's message (a syntax error, an unknown column…)
    PQclear(res);
    return &prepared_.emplace(sql, std::move(name)).first->second;
  }

  void check(PGresult* res, const std::string& sql) {
    auto st = PQresultStatus(res);
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY) return;
    std::string msg = res ? PQresultErrorMessage(res) : PQerrorMessage(conn_);
    const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    bool unique = state && std::string(state) == "23505";
    PQclear(res);
    if (PQstatus(conn_) == CONNECTION_BAD) {
      PQreset(conn_);
      prepared_.clear();
    }
    throw DbError("PostgreSQL: " + msg + " in: " + sql.substr(0, 300), unique);
  }

  static constexpr std::size_t kMaxPrepared = 512;
  PGconn* conn_ = nullptr;
  std::unordered_map<std::string, std::string> prepared_;
  std::uint64_t prepared_seq_ = 0;
};

}  // namespace

std::unique_ptr<Connection> connect(const std::string& url) {
  if (is_postgres_url(url)) return std::make_unique<PgConnection>(url);
  return std::make_unique<SqliteConnection>(url);
}

// ---------------------------------------------------------------- Pool
struct Pool::State {
  std::string url;
  int size = 0;
  int created = 0;
  int in_use = 0;
  std::int64_t waits = 0;
  std::vector<std::unique_ptr<Connection>> idle;
  mutable std::mutex mu;
  std::condition_variable cv;
};

Pool::Pool(const std::string& url, int size) : state_(std::make_unique<State>()) {
  state_->url = url;
  state_->size = std::max(1, size);
  engine_ = is_postgres_url(url) ? Engine::kPostgres : Engine::kSqlite;
  state_->idle.push_back(connect(url));  // fail fast on a bad URL
  state_->created = 1;
}

Pool::~Pool() = default;

Pool::Lease Pool::lease() {
  std::unique_lock lock(state_->mu);
  if (state_->idle.empty() && state_->created < state_->size) {
    ++state_->created;
    ++state_->in_use;
    lock.unlock();
    try {
      return Lease(this, connect(state_->url));
    } catch (...) {
      std::lock_guard g(state_->mu);
      --state_->created;
      --state_->in_use;
      throw;
    }
  }
  if (state_->idle.empty()) ++state_->waits;
  state_->cv.wait(lock, [&] { return !state_->idle.empty(); });
  auto c = std::move(state_->idle.back());
  state_->idle.pop_back();
  ++state_->in_use;
  return Lease(this, std::move(c));
}

void Pool::give_back(std::unique_ptr<Connection> c) {
  c->rollback();  // never hand out a connection inside a transaction…
  c->clear_before_commit();  // …or with another request's commit hook
  {
    std::lock_guard g(state_->mu);
    state_->idle.push_back(std::move(c));
    --state_->in_use;
  }
  state_->cv.notify_one();
}

Pool::Stats Pool::stats() const {
  std::lock_guard g(state_->mu);
  return Stats{state_->size, state_->in_use, state_->waits};
}

Pool::Lease::~Lease() {
  if (conn_ && pool_) pool_->give_back(std::move(conn_));
}

}  // namespace ct05::db
