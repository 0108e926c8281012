#include "modules/plans/storage/tallies.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

#include "modules/plans/storage/sql_rules.hpp"

namespace ct05::plans::tallies {

namespace {

// Own figures as rows (metric, unit id, year, count, count): one UNION ALL, so a refresh is one round trip.
// The same text serves one set of units (FILTER becomes "AND x IN ($1, …)") and every unit (rebuild and
// check), so the two can never count differently.
constexpr const char* kOwnCounts =
    "SELECT 'r', u.id, " CT05_START_YEAR ", 1, 0 FROM units u WHERE u.active = 1 AND u.kind IN " CT05_PLAN_KINDS " {u.id} "
    "UNION ALL SELECT 'p', u.id, pl.year, COUNT(*), 0 FROM plans pl JOIN units u ON u.id = pl.unit_id "
    "WHERE u.active = 1 AND u.kind IN " CT05_PLAN_KINDS " AND pl.person_id IS NULL AND pl.status = 'accepted' {u.id} "
    "GROUP BY u.id, pl.year "
    "UNION ALL SELECT 'c', m.unit_id, 0, COUNT(*), 0 FROM memberships m JOIN persons p ON p.id = m.person_id "
    "WHERE m.valid_to IS NULL AND p.active = 1 AND " CT05_CADRE " {m.unit_id} GROUP BY m.unit_id "
    "UNION ALL SELECT 'm', m.unit_id, pl.year, COUNT(*), 0 FROM memberships m JOIN persons p ON p.id = m.person_id "
    "JOIN plans pl ON pl.person_id = p.id AND pl.status = 'accepted' "
    "WHERE m.valid_to IS NULL AND p.active = 1 AND " CT05_CADRE " {m.unit_id} GROUP BY m.unit_id, pl.year "
    "UNION ALL SELECT 'i', i.unit_id, i.year, COUNT(*), SUM(CASE WHEN i.status = 'resolved' THEN 1 ELSE 0 END) "
    "FROM pressing_issues i WHERE 1 = 1 {i.unit_id} GROUP BY i.unit_id, i.year";


constexpr const char* kFigures = "required, plans, cadres, commitments, issues, resolved";
const std::vector<std::string> kColumns = {"unit_id", "year", "required", "plans", "cadres", "commitments", "issues", "resolved"};
// Subtree rows only ever grow or shrink by a difference, so concurrent writers add up instead of overwriting.
constexpr const char* kAddHead =
    "INSERT INTO unit_tallies (unit_id, year, required, plans, cadres, commitments, issues, resolved) VALUES ";
constexpr const char* kAddTail =
    " ON CONFLICT (unit_id, year) DO UPDATE SET required = unit_tallies.required + excluded.required, "
    "plans = unit_tallies.plans + excluded.plans, cadres = unit_tallies.cadres + excluded.cadres, "
    "commitments = unit_tallies.commitments + excluded.commitments, issues = unit_tallies.issues + excluded.issues, "
    "resolved = unit_tallies.resolved + excluded.resolved";

using Key = std::pair<std::int64_t, int>;  // (unit id, year)
using Table = std::map<Key, Figures>;

Figures minus(const Figures& a, const Figures& b) {
  return {a.required - b.required, a.plans - b.plans,   a.cadres - b.cadres,
          a.commitments - b.commitments, a.issues - b.issues, a.resolved - b.resolved};
}
void add(Figures& a, const Figures& b) {
  a.required += b.required;
  a.plans += b.plans;
  a.cadres += b.cadres;
  a.commitments += b.commitments;
  a.issues += b.issues;
  a.resolved += b.resolved;
}

//! Own figures from the rows: of these units, or of every unit when `units` is empty.
Table own_counts(db::Connection& c, const std::vector<std::int64_t>& units) {
  std::string sql = kOwnCounts, in = units.empty() ? "" : db::placeholders(units.size());
  for (auto at = sql.find('{'); at != std::string::npos; at = sql.find('{', at)) {
    auto end = sql.find('}', at);
    std::string column = sql.substr(at + 1, end - at - 1);
    std::string filter = units.empty() ? "" : "AND " + column + " IN " + in;
    sql.replace(at, end - at + 1, filter);
    at += filter.size();
  }
  db::Params p(units.begin(), units.end());
  Table t;
  for (const auto& r : c.query(sql, p)) {
    auto& f = t[{r.i64(1), static_cast<int>(r.i64(2))}];
    switch (r.str(0)[0]) {
      case 'r': f.required = r.i64(3); break;
      case 'p': f.plans = r.i64(3); break;
      case 'c': f.cadres = r.i64(3); break;
      case 'm': f.commitments = r.i64(3); break;
      default: f.issues = r.i64(3), f.resolved = r.i64(4);
    }
  }
  return t;
}

//! The ids on a materialized path, root first ("/1/5/24/" → 1, 5, 24).
std::vector<std::int64_t> ancestors(const std::string& path) {
  std::vector<std::int64_t> out;
  std::int64_t n = 0;
  bool in = false;
  for (char ch : path) {
    if (ch >= '0' && ch <= '9') {
      n = n * 10 + (ch - '0');
      in = true;
    } else {
      if (in) out.push_back(n);
      n = 0;
      in = false;
    }
  }
  return out;
}

Figures row_figures(const db::Row& r, int first) {
  return {r.i64(first), r.i64(first + 1), r.i64(first + 2), r.i64(first + 3), r.i64(first + 4), r.i64(first + 5)};
}

//! Own and subtree figures of every unit, computed from the rows.
std::pair<Table, Table> compute_all(db::Connection& c) {
  Table own = own_counts(c, {}), sub;
  std::unordered_map<std::int64_t, std::vector<std::int64_t>> up;
  for (const auto& r : c.query("SELECT id, path FROM units")) up[r.i64(0)] = ancestors(r.str(1));
  for (const auto& [k, f] : own) {
    auto it = up.find(k.first);
    if (it == up.end()) continue;
    for (auto a : it->second) add(sub[{a, k.second}], f);
  }
  return {std::move(own), std::move(sub)};
}

std::vector<db::Value> row(const Key& k, const Figures& f) {
  return {db::Value{k.first}, db::Value{std::int64_t{k.second}}, db::Value{f.required}, db::Value{f.plans},
          db::Value{f.cadres},  db::Value{f.commitments},           db::Value{f.issues},   db::Value{f.resolved}};
}

//! Every row of a tally table.
Table load(db::Connection& c, const char* table) {
  Table t;
  for (const auto& r : c.query(std::string("SELECT unit_id, year, ") + kFigures + " FROM " + table))
    t[{r.i64(0), static_cast<int>(r.i64(1))}] = row_figures(r, 2);
  return t;
}

// Adds the differences to the subtree rows in one statement, in (unit, year) order, the same in every transaction, so
// two never wait on each other in a cycle.
void add_to_subtrees(db::Connection& c, const Table& sub_add) {
  if (sub_add.empty()) return;
  std::string sql = kAddHead;
  db::Params p;
  for (const auto& [k, d] : sub_add) {
    if (!p.empty()) sql += ", ";
    sql += db::placeholders(8, p.size() + 1);
    for (auto& x : row(k, d)) p.push_back(std::move(x));
  }
  c.exec(sql + kAddTail, p);
}

}  // namespace

std::vector<std::int64_t> units_of_person(db::Connection& c, std::int64_t person_id) {
  std::vector<std::int64_t> out;
  for (const auto& r : c.query("SELECT unit_id FROM memberships WHERE person_id = $1 AND valid_to IS NULL", {person_id}))
    out.push_back(r.i64(0));
  return out;
}

void refresh(db::Connection& c, std::vector<std::int64_t> unit_ids) {
  std::sort(unit_ids.begin(), unit_ids.end());
  unit_ids.erase(std::unique(unit_ids.begin(), unit_ids.end()), unit_ids.end());
  unit_ids.erase(std::remove_if(unit_ids.begin(), unit_ids.end(), [](std::int64_t id) { return id <= 0; }), unit_ids.end());
  if (unit_ids.empty()) return;
  db::Params ids(unit_ids.begin(), unit_ids.end());
  std::string in = db::placeholders(unit_ids.size());
  // On PostgreSQL two transactions changing the same unit's facts must not both recount before either
  // commits: each locks the units' rows first (in id order) and recounts once it holds them, so it sees
  // the other's committed rows. NO KEY UPDATE does not conflict with the key-share locks that foreign
  // keys take. SQLite has one writer at a time, and this transaction already is it.
  std::string lock = c.engine() == db::Engine::kPostgres ? " FOR NO KEY UPDATE" : "";
  std::map<std::int64_t, std::vector<std::int64_t>> up;
  for (const auto& r : c.query("SELECT id, path FROM units WHERE id IN " + in + " ORDER BY id" + lock, ids))
    up[r.i64(0)] = ancestors(r.str(1));
  Table before;
  for (const auto& r : c.query(std::string("SELECT unit_id, year, ") + kFigures + " FROM unit_own_tallies WHERE unit_id IN " + in,
                               ids))
    before[{r.i64(0), static_cast<int>(r.i64(1))}] = row_figures(r, 2);
  Table now = own_counts(c, unit_ids);
  std::set<Key> keys;
  for (const auto& [k, f] : before) keys.insert(k);
  for (const auto& [k, f] : now) keys.insert(k);
  Table sub_add;
  std::vector<std::vector<db::Value>> own_rows;
  for (const auto& k : keys) {
    if (!up.count(k.first)) continue;
    if (!(now[k] == Figures{})) own_rows.push_back(row(k, now[k]));
    Figures d = minus(now[k], before[k]);
    if (d == Figures{}) continue;
    for (auto a : up[k.first]) add(sub_add[{a, k.second}], d);
  }
  if (sub_add.empty()) return;
  // The own rows belong to the units locked above: no other transaction writes them now.
  c.exec("DELETE FROM unit_own_tallies WHERE unit_id IN " + in, ids);
  if (!own_rows.empty()) c.bulk_insert("unit_own_tallies", kColumns, own_rows);
  add_to_subtrees(c, sub_add);
}

void move_subtree(db::Connection& c, std::int64_t root_id, const std::string& old_path, const std::string& new_path) {
  auto left = ancestors(old_path), joined = ancestors(new_path);
  left.pop_back();  // the root itself keeps its row
  joined.pop_back();
  std::map<std::int64_t, int> sign;
  for (auto a : left) --sign[a];
  for (auto a : joined) ++sign[a];
  Table sub_add;
  for (const auto& r : c.query(std::string("SELECT year, ") + kFigures + " FROM unit_tallies WHERE unit_id = $1", {root_id})) {
    Figures f = row_figures(r, 1);
    for (const auto& [a, k] : sign) {
      if (k == 0) continue;  // an ancestor of both places
      Figures d = k > 0 ? f : minus(Figures{}, f);
      add(sub_add[{a, static_cast<int>(r.i64(0))}], d);
    }
  }
  add_to_subtrees(c, sub_add);
}

Figures subtree(db::Connection& c, std::int64_t unit_id, int year) {
  Figures f;
  // Units must have a plan from the year they started (their row of that year, year 0 before 2016): the sum up to
  // the year. Cadres are of today (year 0); the rest is the year's own row.
  for (const auto& r : c.query(std::string("SELECT year, ") + kFigures + " FROM unit_tallies WHERE unit_id = $1 AND year <= $2",
                               {unit_id, std::int64_t{year}})) {
    Figures x = row_figures(r, 1);
    f.required += x.required;
    if (r.i64(0) == 0) {
      f.cadres = x.cadres;
    }
    if (r.i64(0) == year) {
      f.plans = x.plans;
      f.commitments = x.commitments;
      f.issues = x.issues;
      f.resolved = x.resolved;
    }
  }
  return f;
}

std::int64_t rebuild(db::Connection& c) {
  return db::in_transaction(c, [&] {
    auto [own, sub] = compute_all(c);
    c.exec("DELETE FROM unit_own_tallies");
    c.exec("DELETE FROM unit_tallies");
    std::int64_t n = 0;
    for (auto [table, rows] : {std::pair{"unit_own_tallies", &own}, std::pair{"unit_tallies", &sub}}) {
      std::vector<std::vector<db::Value>> out;
      out.reserve(rows->size());
      for (const auto& [k, f] : *rows)
        if (!(f == Figures{})) out.push_back(row(k, f));
      c.bulk_insert(table, kColumns, out);
      n += static_cast<std::int64_t>(out.size());
    }
    return n;
  });
}

void ensure(db::Connection& c) {
  if (c.query_one("SELECT 1 FROM unit_tallies LIMIT 1")) return;
  if (!c.query_one("SELECT 1 FROM units LIMIT 1")) return;
  rebuild(c);
}

std::vector<Mismatch> check(db::Connection& c) {
  auto [own, sub] = compute_all(c);
  Table stored_own = load(c, "unit_own_tallies"), stored_sub = load(c, "unit_tallies");
  std::vector<Mismatch> out;
  auto compare = [&](Table& stored, Table& counted, bool is_sub) {
    std::set<Key> keys;
    for (const auto& [k, f] : stored) keys.insert(k);
    for (const auto& [k, f] : counted) keys.insert(k);
    for (const auto& k : keys)
      if (!(stored[k] == counted[k])) out.push_back({k.first, k.second, is_sub, stored[k], counted[k]});
  };
  compare(stored_own, own, false);
  compare(stored_sub, sub, true);
  return out;
}

}  // namespace ct05::plans::tallies
