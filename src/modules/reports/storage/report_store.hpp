#pragma once
// Reports in the database: the templates' versions (never edited: a change is a new version, like ethics
// standards), the figures a report fills in, read from every module over the unit's subtree and period, and the
// document they make.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kernel/error.hpp"
#include "modules/org/domain/unit.hpp"
#include "modules/org/storage/scope.hpp"
#include "modules/reports/domain/report.hpp"
#include "platform/auth/principal.hpp"
#include "platform/db/db.hpp"

namespace ct05::reports {

// ---- templates
//! The version in force of a kind: the highest.
std::optional<Template> current_template(db::Connection& c, Kind kind);
std::optional<Template> find_template(db::Connection& c, std::int64_t id);
//! Every version of a kind, newest first.
std::vector<Template> template_history(db::Connection& c, Kind kind);
//! Saves the text as the kind's next version (kManageReports), audited. Refuses a template that check_template()
//! does not accept.
Result<Template> save_template(db::Connection& c, const auth::Principal& who, Kind kind, const Template& in);
//! The shipped templates, written as version 1 of each kind that has none (each start; unaudited like the schema).
void ensure_default_templates(db::Connection& c);
//! The shipped text of a kind (version 1).
Template default_template(Kind kind);

// ---- figures and the document
//! Register entries counted the way reports and the dashboard count them: every one, those approved (or further
//! on), those published, and those with a commendation.
struct RegisterCounts {
  std::int64_t total = 0, approved = 0, published = 0, commended = 0;
  void add(const std::string& status, const std::string& commendation, std::int64_t n);
};

//! The figures over a scope (org/storage/scope.hpp): the unit's current subtree, or the tree of a date with, on
//! request, its predecessors carried over. `u` is the unit as it was then (org::unit_on).
Figures gather(db::Connection& c, const org::Unit& u, const Period& p, const std::string& today, const org::Scope& scope);
//! The document: the heading of the issuing body, the filled template, Nơi nhận and the signature.
Document compose(db::Connection& c, const org::Unit& u, const Period& p, const Template& t, const Figures& f,
                 const std::string& date, const std::string& tree_date = "");

//! Everything a caller needs to make a report file.
struct Request {
  std::int64_t unit_id = 0;
  std::string kind, period, format, date;  //!< format "docx", "pdf" or "json"; date "" for today
  std::string as_of{};      //!< the tree of this day (YYYY-MM-DD; "" for the current tree), D25
  bool continuity = false;  //!< with the predecessors of the scope's units carried over
};
struct Made {
  std::string bytes, content_type, file_name;
  Document document;
  Figures figures;
  Template used;
  std::string as_of;  //!< the tree's day when the request named one (or asked for continuity)
};
//! Checks the permission (kViewPlan on the unit), the kind, period and format, and renders. Writes an audit entry
//! (`report.generate`) with what was made.
Result<Made> make(db::Connection& c, const auth::Principal& who, const Request& r);

nlohmann::json to_json(const Template& t);
nlohmann::json to_json(const Figures& f);

}  // namespace ct05::reports
