#pragma once
// Criteria sets, village assessments (results per criterion, evidence files) and recognition decisions in the
// database. Commands check permission first, then the input, and write the change and its audit entry in one
// transaction; files are checked and stored by files::FileStore before the transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "kernel/error.hpp"
#include "modules/villages/domain/criteria.hpp"
#include "platform/auth/principal.hpp"
#include "platform/db/db.hpp"
#include "platform/files/file_store.hpp"

namespace ct05::villages {

// ---- criteria sets

//! Every version of every set, newest version first within a code (criteria not loaded).
std::vector<CriteriaSet> list_sets(db::Connection& c);
//! One version with its criteria.
std::optional<CriteriaSet> find_set(db::Connection& c, std::int64_t id);
//! The versions in force in a year (any code), newest first (criteria not loaded).
std::vector<CriteriaSet> sets_for_year(db::Connection& c, int year);
//! Makes a set: version 1 of a new code, or the next version of an existing one (kManageCriteria). Never edits.
Result<CriteriaSet> create_set(db::Connection& c, const auth::Principal& who, const CriteriaSetInput& in);

// ---- assessments

//! An evidence file of a criterion.
struct EvidenceFile {
  std::int64_t id = 0;
  std::int64_t assessment_id = 0, criterion_id = 0;
  std::string kind, mime, path, thumb_path, original_name, uploaded_at, uploaded_by;
  std::int64_t bytes = 0;
  std::string village_path;  //!< of the assessment's village (who may read the file)
};

//! A criterion with its result in an assessment.
struct AssessmentItem {
  Criterion criterion;
  CriterionResult result;
  std::string known_figure;  //!< the figure ct05 knows for this criterion now ("0% (0/58 hộ)"), or why it has none
  std::vector<EvidenceFile> files;
};

//! A village's assessment against a set for a year.
struct Assessment {
  std::int64_t id = 0;
  std::int64_t village_id = 0;
  std::string village_name, village_path;
  std::int64_t set_id = 0;
  std::string set_name, set_legal_basis;
  int set_version = 0;
  int year = 0;
  std::string note, created_at, created_by, updated_at, updated_by;
  int met = 0, not_met = 0, total = 0;  //!< total = criteria of the set; the rest are not assessed yet
  std::vector<AssessmentItem> items;    //!< in the set's order (find_assessment only)
};

//! An assessment with its items (criteria, results, ct05's figures, files), without a permission check.
std::optional<Assessment> find_assessment(db::Connection& c, std::int64_t id);
//! The assessment if the principal may read its village's figures (kViewPlan).
Result<Assessment> get_assessment(db::Connection& c, const auth::Principal& who, std::int64_t id);
//! A village's assessments, newest year first (items not loaded).
std::vector<Assessment> village_assessments(db::Connection& c, std::int64_t village_id);
//! Assessments of a year over a subtree, by village name (items not loaded).
std::vector<Assessment> subtree_assessments(db::Connection& c, const std::string& path, int year, int limit,
                                            int offset);
std::int64_t count_subtree_assessments(db::Connection& c, const std::string& path, int year);

//! Opens the assessment of a village against a set for a year (kAssessVillage on the village): returns the one
//! there is, or creates it with the figures ct05 knows pre-filled. The set must be in force in that year.
Result<Assessment> open_assessment(db::Connection& c, const auth::Principal& who, std::int64_t village_id,
                                   std::int64_t set_id, int year);
//! Saves results (only those given; a criterion of another set is refused) and the note when given.
Result<Assessment> save_results(db::Connection& c, const auth::Principal& who, std::int64_t assessment_id,
                                const std::vector<CriterionResult>& results, const std::optional<std::string>& note);
//! Adds an evidence file to a criterion (a photo or a PDF, checked by the store).
Result<EvidenceFile> add_evidence(db::Connection& c, const auth::Principal& who, std::int64_t assessment_id,
                                  std::int64_t criterion_id, std::string_view filename, std::string_view data,
                                  files::FileStore& store);
//! An evidence file with its village's path (the caller checks kViewPlan on it before serving it).
std::optional<EvidenceFile> find_evidence(db::Connection& c, std::int64_t id);

//! The figure ct05 knows for a source ("poverty_rate", …) in a village and year, written for the result.
std::string known_figure(db::Connection& c, const std::string& village_path, int year, std::string_view source);

// ---- recognitions

//! A decision recognising a village as a new-rural village.
struct Recognition {
  std::int64_t id = 0;
  std::int64_t village_id = 0;
  std::string village_name, village_path;
  int year = 0;
  std::string decision_no, decided_on, issuer, note;
  std::int64_t assessment_id = 0;
  std::string file_path, file_mime, file_name;
  std::int64_t file_bytes = 0;
  std::string recorded_at, recorded_by;
};

//! A decision, without a permission check.
std::optional<Recognition> find_recognition(db::Connection& c, std::int64_t id);
//! The recognition if the principal may read its village's figures (kViewPlan).
Result<Recognition> get_recognition(db::Connection& c, const auth::Principal& who, std::int64_t id);
//! A village's decisions, oldest first.
std::vector<Recognition> village_recognitions(db::Connection& c, std::int64_t village_id);
//! The first decision in force on a date ("YYYY-MM-DD"): the village is recognised from its date on.
std::optional<Recognition> recognised_on(db::Connection& c, std::int64_t village_id, const std::string& date);
//! Decisions over a subtree, newest first; year 0: every year.
std::vector<Recognition> subtree_recognitions(db::Connection& c, const std::string& path, int year, int limit,
                                              int offset);
std::int64_t count_subtree_recognitions(db::Connection& c, const std::string& path, int year);
//! Records a decision (kAssessVillage on the village), with the decision's scan when given (PDF or photo).
//! One decision per village and year (Conflict otherwise).
Result<Recognition> record_recognition(db::Connection& c, const auth::Principal& who, const RecognitionInput& in,
                                       std::string_view filename, std::string_view file_data, files::FileStore& store);

//! The API representations.
nlohmann::json to_json(const CriteriaSet& s);
nlohmann::json to_json(const Assessment& a);
nlohmann::json to_json(const Recognition& r);

}  // namespace ct05::villages
