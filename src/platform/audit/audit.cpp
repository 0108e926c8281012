#include "platform/audit/audit.hpp"

#include <mutex>

#include "kernel/clock.hpp"
#include "platform/auth/crypto.hpp"

namespace ct05::audit {

namespace {
// Bumping the head row takes its row lock on PostgreSQL (and the write lock on SQLite), so
// concurrent writers append one after the other and the chain never forks.
constexpr const char* kBumpHead = "UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, last_hash";
constexpr const char* kSetHead = "UPDATE audit_head SET last_hash = $1 WHERE id = 1";
constexpr const char* kInsert =
    "INSERT INTO audit_log (id, at, actor, action, entity, entity_id, unit_path, before_json, after_json, prev_hash, hash) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
constexpr const char* kSelectColumns =
    "SELECT id, at, actor, action, entity, entity_id, unit_path, before_json, after_json, prev_hash, hash FROM audit_log ";

constexpr const char* kCountPrefix = "SELECT COUNT(*) FROM audit_log WHERE ";

std::string dump(const nlohmann::json& j) { return j.is_null() ? "" : j.dump(); }

Entry entry_from(const db::Row& r) {
  return Entry{r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4), r.i64(5), r.str(6), r.str(7), r.str(8)};
}

// "((unit_path >= $a AND unit_path < $b) OR …)": one index range per grant.
std::string scope_clause(const std::vector<std::string>& scope, db::Params& params) {
  std::string s = "(";
  for (std::size_t i = 0; i < scope.size(); ++i) {
    params.push_back(scope[i]);
    params.push_back(db::subtree_end(scope[i]));
    s += (i ? " OR " : "") + std::string("(unit_path >= $") + std::to_string(params.size() - 1) + " AND unit_path < $" +
         std::to_string(params.size()) + ")";
  }
  return s + ")";
}
}  // namespace

std::string row_hash(const std::string& prev, const Entry& e) {
  std::string data = prev;
  for (const std::string* f : {&e.at, &e.actor, &e.action, &e.entity, &e.unit_path, &e.before, &e.after}) {
    data += '\x1f';
    data += *f;
  }
  data += '\x1f' + std::to_string(e.id) + '\x1f' + std::to_string(e.entity_id);
  return auth::sha256_hex(data);
}

void record(db::Connection& c, const auth::Principal& who, const Event& e) {
  auto head = c.query_one(kBumpHead);
  if (!head) throw db::DbError("audit_head row is missing");
  Entry en{head->i64(0), kernel::now_iso(), who.authenticated() ? who.login : "(công dân)", e.action, e.entity,
           e.entity_id, e.unit_path, dump(e.before), dump(e.after)};
  std::string prev = head->str(1);
  std::string h = row_hash(prev, en);
  c.exec(kInsert, {en.id, en.at, en.actor, en.action, en.entity, en.entity_id, en.unit_path, en.before, en.after, prev, h});
  c.exec(kSetHead, {h});
}

void record_read(db::Connection& c, const auth::Principal& who, const Event& e) {
  db::QuietWrites quiet;
  db::in_transaction(c, [&] { record(c, who, e); });
}

namespace {
std::mutex g_expander_mu;
ScopeExpander g_expander;
std::vector<std::string> expanded(db::Connection& c, const std::vector<std::string>& scope) {
  ScopeExpander f;
  {
    std::lock_guard g(g_expander_mu);
    f = g_expander;
  }
  return f && !scope.empty() ? f(c, scope) : scope;
}
}  // namespace

void set_scope_expander(ScopeExpander expander) {
  std::lock_guard g(g_expander_mu);
  g_expander = std::move(expander);
}

std::vector<Entry> list(db::Connection& c, const std::vector<std::string>& given, const std::string& action_prefix,
                        int limit, int offset) {
  if (given.empty()) return {};
  auto scope = expanded(c, given);
  db::Params p;
  std::string sql = std::string(kSelectColumns) + "WHERE " + scope_clause(scope, p);
  if (!action_prefix.empty()) {
    p.push_back(action_prefix + "%");
    sql += " AND action LIKE $" + std::to_string(p.size());
  }
  p.push_back(std::int64_t{limit});
  p.push_back(std::int64_t{offset});
  sql += " ORDER BY id DESC LIMIT $" + std::to_string(p.size() - 1) + " OFFSET $" + std::to_string(p.size());
  std::vector<Entry> out;
  for (const auto& r : c.query(sql, p)) out.push_back(entry_from(r));
  return out;
}

std::int64_t count(db::Connection& c, const std::vector<std::string>& given, const std::string& action_prefix) {
  if (given.empty()) return 0;
  auto scope = expanded(c, given);
  db::Params p;
  std::string sql = kCountPrefix;
  sql += scope_clause(scope, p);
  if (!action_prefix.empty()) {
    p.push_back(action_prefix + "%");
    sql += " AND action LIKE $" + std::to_string(p.size());
  }
  return c.scalar(sql, p);
}

Verification verify(db::Connection& c) {
  Verification v;
  std::string prev;
  std::int64_t expected_id = 1, last_id = 0;
  // Read in pages so a country-sized log does not sit in memory at once.
  while (true) {
    auto rows = c.query(std::string(kSelectColumns) + "WHERE id > $1 ORDER BY id LIMIT 5000", {last_id});
    if (rows.empty()) break;
    for (const auto& r : rows) {
      Entry e = entry_from(r);
      ++v.checked;
      if (e.id != expected_id) {
        v = {false, v.checked, expected_id, "thiếu bản ghi số " + std::to_string(expected_id) + " (đã bị xoá)"};
        return v;
      }
      if (r.str(9) != prev || row_hash(prev, e) != r.str(10)) {
        v = {false, v.checked, e.id, "bản ghi số " + std::to_string(e.id) + " đã bị sửa (mã băm không khớp)"};
        return v;
      }
      prev = r.str(10);
      last_id = e.id;
      ++expected_id;
    }
  }
  auto head = c.query_one("SELECT seq, last_hash FROM audit_head WHERE id = 1");
  if (head && (head->i64(0) != last_id || head->str(1) != prev)) {
    v = {false, v.checked, last_id + 1, "các bản ghi cuối nhật ký đã bị xoá (đầu chuỗi không khớp)"};
  }
  return v;
}

}  // namespace ct05::audit
