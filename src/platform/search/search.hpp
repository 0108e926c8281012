#pragma once
// Diacritic-insensitive search over every kind of record. Titles are folded in the kernel
// (đ→d, marks removed) so both engines search the same key: SQLite through FTS5, PostgreSQL
// through a pg_trgm index.
#include <cstdint>
#include <string>
#include <vector>

#include "platform/db/db.hpp"

namespace ct05::search {

struct Document {
  std::string kind;  //!< "unit", "person", …
  std::int64_t ref_id = 0;
  std::string unit_path;  //!< scope of the record: only callers whose grant covers it find it
  std::string title;
  std::string extra;  //!< more searchable text (codes, places), not shown
};

//! Adds or replaces the document (kind, ref_id). Call inside the change's transaction.
void put(db::Connection& c, const Document& d);
void remove(db::Connection& c, const std::string& kind, std::int64_t ref_id);

struct Hit {
  std::string kind;
  std::int64_t ref_id = 0;
  std::string title;
};

//! How a kind of document is shown: its Vietnamese label and the URL prefix of its pages ("/units/").
void describe_kind(const std::string& kind, const std::string& label, const std::string& url_prefix);
std::string kind_label(const std::string& kind);
std::string url_for(const std::string& kind, std::int64_t ref_id);

//! Where one kind of document may be found: the subtrees in which the reader may open that kind.
struct KindScope {
  std::string kind;
  std::vector<std::string> paths;
};
//! Documents whose folded text holds every token of the query (prefix match), each kind within its own scope (a
//! reader who may see a unit but not its people finds the unit, not the people). Kinds not listed are not found.
std::vector<Hit> find(db::Connection& c, const std::string& query, const std::vector<KindScope>& scopes, int limit);
//! The same with one scope for every kind (tools and tests).
std::vector<Hit> find(db::Connection& c, const std::string& query, const std::vector<std::string>& scope_paths, int limit);

}  // namespace ct05::search
