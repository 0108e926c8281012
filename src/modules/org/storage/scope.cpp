#include "modules/org/storage/scope.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "kernel/clock.hpp"

namespace ct05::org {

namespace {

std::string n(int k) { return "$" + std::to_string(k); }

// The units under a path in the tree of a date: those whose current state held on the day (and existed by then),
// and those whose earlier state did. A unit closed before the day is found at its last place.
std::string tree_units(int first) {
  std::string a = n(first), b = n(first + 1), d = n(first + 2);
  return "SELECT id FROM units WHERE path >= " + a + " AND path < " + b + " AND valid_from <= " + d +
         " AND COALESCE(state_from, valid_from) <= " + d + " UNION ALL SELECT unit_id FROM unit_history WHERE path >= " +
         a + " AND path < " + b + " AND valid_from <= " + d + " AND valid_to >= " + d;
}

}  // namespace

std::string Scope::tree(std::string_view id_col, std::string_view path_col, int first) const {
  if (!dated()) return "(" + std::string(path_col) + " >= " + n(first) + " AND " + std::string(path_col) + " < " + n(first + 1) + ")";
  return "(" + std::string(id_col) + " IN (" + tree_units(first) + "))";
}

void Scope::bind_tree(db::Params& p) const {
  p.push_back(path);
  p.push_back(db::subtree_end(path));
  if (dated()) p.push_back(as_of);
}

std::string Scope::all(std::string_view id_col, std::string_view path_col, int first) const {
  std::string t = tree(id_col, path_col, first);
  if (carried.empty()) return t;
  return "(" + t + " OR " + std::string(id_col) + " IN " +
         db::placeholders(carried.size(), static_cast<std::size_t>(first + tree_params())) + ")";
}

void Scope::bind_all(db::Params& p) const {
  bind_tree(p);
  for (auto id : carried) p.push_back(id);
}

Scope current_scope(const Unit& u) { return Scope{u.id, u.path, "", {}}; }

Unit unit_on(db::Connection& c, const Unit& u, const std::string& date) {
  auto r = c.query_one(
      "SELECT code, name, kind, parent_id, path, depth FROM unit_history WHERE unit_id = $1 AND valid_from <= $2 "
      "AND valid_to >= $2 ORDER BY valid_from DESC LIMIT 1",
      {u.id, date});
  if (!r) return u;
  Unit out = u;
  out.code = r->str(0);
  out.name = r->str(1);
  out.kind = r->str(2);
  out.parent_id = r->i64(3);
  out.path = r->str(4);
  out.depth = static_cast<int>(r->i64(5));
  return out;
}

Result<Scope> scope_at(db::Connection& c, const Unit& u, const std::string& as_of, bool continuity) {
  std::string date = as_of.empty() ? kernel::today_iso() : as_of;
  if (!kernel::valid_date(date))
    return fail(Error::invalid({{"as_of", "Ngày “tính đến” phải có dạng YYYY-MM-DD, ví dụ 2025-06-30."}}));
  Scope s{u.id, unit_on(c, u, date).path, date, {}};
  if (!continuity) return s;
  // Start from the units in force that day: a closed unit of the tree is carried like any predecessor (its figures
  // count only through continuity, as the units it became count them).
  std::set<std::int64_t> seen;
  db::Params p;
  s.bind_tree(p);
  for (const auto& r : c.query("SELECT u.id FROM units u WHERE (u.valid_to IS NULL OR u.valid_to >= $3) AND " +
                                   s.tree("u.id", "u.path", 1),
                               p))
    seen.insert(r.i64(0));
  seen.insert(u.id);
  std::multimap<std::int64_t, std::int64_t> preds;  // successor → predecessor
  for (const auto& r : c.query("SELECT successor_id, predecessor_id FROM unit_lineage")) preds.emplace(r.i64(0), r.i64(1));
  std::vector<std::int64_t> todo(seen.begin(), seen.end());
  while (!todo.empty()) {
    auto id = todo.back();
    todo.pop_back();
    auto [lo, hi] = preds.equal_range(id);
    for (auto it = lo; it != hi; ++it) {
      if (!seen.insert(it->second).second) continue;
      todo.push_back(it->second);
      auto pred = c.query_one("SELECT path, valid_from, COALESCE(valid_to, '') FROM units WHERE id = $1", {it->second});
      // A predecessor made after the day did not exist then: only its own predecessors count.
      if (!pred || pred->str(1) > date) continue;
      s.carried.push_back(it->second);
      // A predecessor still in force on the day brings the units under it that day: a ward made on 1/7/2025, read
      // as of 2024-12-31, has no tree of its own yet, and its communes' cells were under the communes then.
      if (!pred->str(2).empty() && pred->str(2) < date) continue;
      Unit pu;
      pu.id = it->second;
      pu.path = pred->str(0);
      Scope then{pu.id, unit_on(c, pu, date).path, date, {}};
      db::Params tp;
      then.bind_tree(tp);
      for (const auto& r : c.query("SELECT id FROM units WHERE valid_from <= $3 AND (valid_to IS NULL OR valid_to >= $3) AND id IN (" +
                                       tree_units(1) + ")",
                                   tp))
        if (seen.insert(r.i64(0)).second) {
          s.carried.push_back(r.i64(0));
          todo.push_back(r.i64(0));
        }
    }
  }
  std::sort(s.carried.begin(), s.carried.end());
  return s;
}

std::vector<Unit> children_on(db::Connection& c, const Unit& u, const std::string& date) {
  Unit then = unit_on(c, u, date);
  std::vector<Unit> out;
  // Current records whose state held on the day, and earlier states that did.
  auto rows = c.query(
      "SELECT id, code, name, kind, parent_id, path, depth, valid_from, COALESCE(valid_to, ''), active FROM units "
      "WHERE parent_id = $1 AND valid_from <= $2 AND COALESCE(state_from, valid_from) <= $2 "
      "UNION ALL SELECT h.unit_id, h.code, h.name, h.kind, h.parent_id, h.path, h.depth, u.valid_from, "
      "COALESCE(u.valid_to, ''), u.active FROM unit_history h JOIN units u ON u.id = h.unit_id "
      "WHERE h.parent_id = $1 AND h.valid_from <= $2 AND h.valid_to >= $2 ORDER BY 3, 1",
      {then.id, date});
  for (const auto& r : rows) {
    Unit k;
    k.id = r.i64(0);
    k.code = r.str(1);
    k.name = r.str(2);
    k.kind = r.str(3);
    k.parent_id = r.i64(4);
    k.path = r.str(5);
    k.depth = static_cast<int>(r.i64(6));
    k.valid_from = r.str(7);
    k.valid_to = r.str(8);
    k.active = r.i64(9) != 0;
    out.push_back(std::move(k));
  }
  return out;
}

std::vector<LineageItem> lineage(db::Connection& c, std::int64_t unit_id) {
  std::vector<LineageItem> out;
  for (const auto& r : c.query("SELECT e.id, e.kind, e.effective_on, e.legal_basis, ru.role FROM restructuring_units ru "
                               "JOIN restructurings e ON e.id = ru.restructuring_id WHERE ru.unit_id = $1 "
                               "ORDER BY e.effective_on, e.id",
                               {unit_id})) {
    LineageItem it{r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4), {}, {}, ""};
    for (const auto& p : c.query("SELECT l.predecessor_id, u.name FROM unit_lineage l JOIN units u ON u.id = l.predecessor_id "
                                 "WHERE l.restructuring_id = $1 AND l.successor_id = $2 ORDER BY u.sort_name",
                                 {it.restructuring_id, unit_id}))
      it.predecessors.emplace_back(p.i64(0), p.str(1));
    for (const auto& p : c.query("SELECT l.successor_id, u.name FROM unit_lineage l JOIN units u ON u.id = l.successor_id "
                                 "WHERE l.restructuring_id = $1 AND l.predecessor_id = $2 ORDER BY u.sort_name",
                                 {it.restructuring_id, unit_id}))
      it.successors.emplace_back(p.i64(0), p.str(1));
    if (auto h = c.query_one("SELECT h.name, COALESCE(p.name, ''), h.code FROM unit_history h LEFT JOIN units p ON p.id = h.parent_id "
                             "WHERE h.unit_id = $1 AND h.restructuring_id = $2",
                             {unit_id, it.restructuring_id})) {
      if (it.role == "renamed") it.before = "Tên trước đó: " + h->str(0) + " (" + h->str(2) + ")";
      else if (it.role == "moved") it.before = h->str(1).empty() ? "Trước đó là đơn vị gốc" : "Trước đó trực thuộc " + h->str(1);
    }
    out.push_back(std::move(it));
  }
  return out;
}

}  // namespace ct05::org
