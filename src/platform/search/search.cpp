#include "platform/search/search.hpp"

#include <map>

#include "kernel/text.hpp"

namespace ct05::search {

namespace {
constexpr const char* kDelete = "DELETE FROM search_items WHERE kind = $1 AND ref_id = $2";
constexpr const char* kInsert =
    "INSERT INTO search_items (kind, ref_id, unit_path, title, title_folded, folded) VALUES ($1, $2, $3, $4, $5, $6)";
// SQLite: the FTS5 index (kept in step by triggers) narrows, the scope filter runs on the few matches.
constexpr const char* kFindSqlite =
    "SELECT s.kind, s.ref_id, s.title FROM search_fts f JOIN search_items s ON s.id = f.rowid "
    "WHERE search_fts MATCH $1";
// PostgreSQL: each token is a LIKE on the trigram-indexed folded column.
constexpr const char* kFindPostgres = "SELECT s.kind, s.ref_id, s.title FROM search_items s WHERE TRUE";

std::string fts_query(const std::vector<std::string>& tokens) {
  std::string q;
  for (const auto& t : tokens) {
    if (!q.empty()) q += ' ';
    q += '"' + t + "\"*";  // tokens are [a-z0-9…] only, so quoting is enough
  }
  return q;
}
}  // namespace

namespace {
struct KindInfo {
  std::string label, url_prefix;
};
std::map<std::string, KindInfo>& kinds() {
  static std::map<std::string, KindInfo> k;
  return k;
}
}  // namespace

void describe_kind(const std::string& kind, const std::string& label, const std::string& url_prefix) {
  kinds()[kind] = KindInfo{label, url_prefix};
}
std::string kind_label(const std::string& kind) {
  auto it = kinds().find(kind);
  return it == kinds().end() ? kind : it->second.label;
}
std::string url_for(const std::string& kind, std::int64_t ref_id) {
  auto it = kinds().find(kind);
  return (it == kinds().end() ? "/" + kind + "/" : it->second.url_prefix) + std::to_string(ref_id);
}

void put(db::Connection& c, const Document& d) {
  c.exec(kDelete, {d.kind, d.ref_id});
  c.exec(kInsert, {d.kind, d.ref_id, d.unit_path, d.title, kernel::fold(d.title), kernel::fold(d.title + " " + d.extra)});
}

void remove(db::Connection& c, const std::string& kind, std::int64_t ref_id) { c.exec(kDelete, {kind, ref_id}); }

std::vector<Hit> find(db::Connection& c, const std::string& query, const std::vector<std::string>& scope, int limit) {
  return find(c, query, std::vector<KindScope>{{"", scope}}, limit);
}

std::vector<Hit> find(db::Connection& c, const std::string& query, const std::vector<KindScope>& scopes, int limit) {
  auto tokens = kernel::fold_tokens(query);
  bool any = false;
  for (const auto& k : scopes) any = any || !k.paths.empty();
  if (tokens.empty() || !any) return {};
  if (tokens.size() > 8) tokens.resize(8);
  db::Params p;
  std::string sql;
  if (c.engine() == db::Engine::kSqlite) {
    sql = kFindSqlite;
    p.push_back(fts_query(tokens));
  } else {
    sql = kFindPostgres;
    for (const auto& t : tokens) {
      p.push_back("%" + t + "%");
      sql += " AND s.folded LIKE $" + std::to_string(p.size());
    }
  }
  sql += " AND (";
  bool first = true;
  for (const auto& k : scopes) {
    if (k.paths.empty()) continue;
    sql += first ? "(" : " OR (";
    first = false;
    if (!k.kind.empty()) {  // "" stands for every kind
      p.push_back(k.kind);
      sql += "s.kind = $" + std::to_string(p.size()) + " AND ";
    }
    sql += "(";
    for (std::size_t i = 0; i < k.paths.size(); ++i) {
      p.push_back(k.paths[i]);
      p.push_back(db::subtree_end(k.paths[i]));
      sql += (i ? " OR " : "") + std::string("(s.unit_path >= $") + std::to_string(p.size() - 1) + " AND s.unit_path < $" +
             std::to_string(p.size()) + ")";
    }
    sql += "))";
  }
  // Documents whose title holds the whole query come first, then those whose title starts with a
  // query word; matches only in the extra text (unit names, positions) come last.
  p.push_back("%" + kernel::fold(query) + "%");
  sql += ") ORDER BY CASE WHEN s.title_folded LIKE $" + std::to_string(p.size()) + " THEN 0 ";
  p.push_back(tokens.front() + "%");
  sql += "WHEN s.title_folded LIKE $" + std::to_string(p.size()) + " THEN 1 ";
  p.push_back("% " + tokens.front() + "%");
  sql += "WHEN s.title_folded LIKE $" + std::to_string(p.size()) + " THEN 2 ELSE 3 END, length(s.title), s.title";
  p.push_back(std::int64_t{limit});
  sql += " LIMIT $" + std::to_string(p.size());
  std::vector<Hit> out;
  for (const auto& r : c.query(sql, p)) out.push_back(Hit{r.str(0), r.i64(1), r.str(2)});
  return out;
}

}  // namespace ct05::search
