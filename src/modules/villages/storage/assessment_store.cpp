#include "modules/villages/storage/assessment_store.hpp"

#include <map>
#include <set>

#include "kernel/clock.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/villages/domain/poverty.hpp"
#include "modules/villages/storage/household_store.hpp"
#include "platform/audit/audit.hpp"

namespace ct05::villages {

namespace {

// A version with whether it is its code's highest and how many assessments were made against it.
constexpr const char* kSelectSet =
    "SELECT s.id, s.code, s.version, s.name, s.legal_basis, s.from_year, s.to_year, s.note, s.created_at, "
    "s.created_by, "
    "(SELECT MAX(s2.version) FROM criteria_sets s2 WHERE s2.code = s.code), "
    "(SELECT COUNT(*) FROM village_assessments a WHERE a.set_id = s.id) FROM criteria_sets s ";
constexpr const char* kSelectCriteria =
    "SELECT id, position, group_name, number, name, requirement, figure_label, figure_source FROM criteria "
    "WHERE set_id = $1 ORDER BY position";
constexpr const char* kNextSetVersion = "SELECT COALESCE(MAX(version), 0) + 1 FROM criteria_sets WHERE code = $1";
constexpr const char* kInsertSet =
    "INSERT INTO criteria_sets (code, version, name, legal_basis, from_year, to_year, note, created_at, created_by) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
constexpr const char* kInsertCriterion =
    "INSERT INTO criteria (set_id, position, group_name, number, name, requirement, figure_label, figure_source) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

// An assessment with its village and set, and its counts of met / not met criteria.
constexpr const char* kSelectAssessment =
    "SELECT a.id, a.village_id, u.name, a.village_path, a.set_id, s.name, s.legal_basis, s.version, a.year, a.note, "
    "a.created_at, a.created_by, a.updated_at, a.updated_by, "
    "(SELECT COUNT(*) FROM assessment_results r WHERE r.assessment_id = a.id AND r.met = 1), "
    "(SELECT COUNT(*) FROM assessment_results r WHERE r.assessment_id = a.id AND r.met = 0), "
    "(SELECT COUNT(*) FROM criteria cr WHERE cr.set_id = a.set_id) "
    "FROM village_assessments a JOIN units u ON u.id = a.village_id JOIN criteria_sets s ON s.id = a.set_id ";
constexpr const char* kFindOpen =
    "SELECT id FROM village_assessments WHERE village_id = $1 AND set_id = $2 AND year = $3";
constexpr const char* kInsertAssessment =
    "INSERT INTO village_assessments (village_id, village_path, set_id, year, note, created_at, created_by, "
    "updated_at, "
    "updated_by) VALUES ($1, $2, $3, $4, '', $5, $6, $5, $6) RETURNING id";
constexpr const char* kSelectResults =
    "SELECT criterion_id, met, figure, note FROM assessment_results WHERE assessment_id = $1";
constexpr const char* kInsertResult =
    "INSERT INTO assessment_results (assessment_id, criterion_id, met, figure, note) VALUES ($1, $2, $3, $4, $5)";
constexpr const char* kUpdateResult =
    "UPDATE assessment_results SET met = $3, figure = $4, note = $5 WHERE assessment_id = $1 AND criterion_id = $2";
constexpr const char* kTouchAssessment =
    "UPDATE village_assessments SET note = $2, updated_at = $3, updated_by = $4 WHERE id = $1";
constexpr const char* kSelectFiles =
    "SELECT f.id, f.assessment_id, f.criterion_id, f.kind, f.mime, f.path, f.thumb_path, f.original_name, "
    "f.uploaded_at, "
    "f.uploaded_by, f.bytes, a.village_path FROM assessment_files f JOIN village_assessments a ON a.id = "
    "f.assessment_id ";
constexpr const char* kInsertFile =
    "INSERT INTO assessment_files (assessment_id, criterion_id, kind, mime, path, thumb_path, sha256, bytes, "
    "original_name, uploaded_at, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id";

constexpr const char* kSelectRecognition =
    "SELECT r.id, r.village_id, u.name, r.village_path, r.year, r.decision_no, r.decided_on, r.issuer, r.note, "
    "r.assessment_id, r.file_path, r.file_mime, r.file_name, r.file_bytes, r.recorded_at, r.recorded_by "
    "FROM village_recognitions r JOIN units u ON u.id = r.village_id ";
constexpr const char* kInsertRecognition =
    "INSERT INTO village_recognitions (village_id, village_path, year, decision_no, decided_on, issuer, assessment_id, "
    "note, file_path, file_mime, file_name, file_bytes, file_sha256, recorded_at, recorded_by) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id";
constexpr const char* kRecognitionOfYear = "SELECT id FROM village_recognitions WHERE village_id = $1 AND year = $2";

std::string actor(const auth::Principal& who) { return who.display_name.empty() ? who.login : who.display_name; }

CriteriaSet set_from(const db::Row& r) {
  CriteriaSet s;
  s.id = r.i64(0);
  s.code = r.str(1);
  s.version = static_cast<int>(r.i64(2));
  s.name = r.str(3);
  s.legal_basis = r.str(4);
  s.from_year = static_cast<int>(r.i64(5));
  s.to_year = static_cast<int>(r.i64(6));
  s.note = r.str(7);
  s.created_at = r.str(8);
  s.created_by = r.str(9);
  s.latest = r.i64(10) == r.i64(2);
  s.assessments = r.i64(11);
  return s;
}

Assessment assessment_from(const db::Row& r) {
  Assessment a;
  a.id = r.i64(0);
  a.village_id = r.i64(1);
  a.village_name = r.str(2);
  a.village_path = r.str(3);
  a.set_id = r.i64(4);
  a.set_name = r.str(5);
  a.set_legal_basis = r.str(6);
  a.set_version = static_cast<int>(r.i64(7));
  a.year = static_cast<int>(r.i64(8));
  a.note = r.str(9);
  a.created_at = r.str(10);
  a.created_by = r.str(11);
  a.updated_at = r.str(12);
  a.updated_by = r.str(13);
  a.met = static_cast<int>(r.i64(14));
  a.not_met = static_cast<int>(r.i64(15));
  a.total = static_cast<int>(r.i64(16));
  return a;
}

EvidenceFile file_from(const db::Row& r) {
  EvidenceFile f;
  f.id = r.i64(0);
  f.assessment_id = r.i64(1);
  f.criterion_id = r.i64(2);
  f.kind = r.str(3);
  f.mime = r.str(4);
  f.path = r.str(5);
  f.thumb_path = r.str(6);
  f.original_name = r.str(7);
  f.uploaded_at = r.str(8);
  f.uploaded_by = r.str(9);
  f.bytes = r.i64(10);
  f.village_path = r.str(11);
  return f;
}

Recognition recognition_from(const db::Row& r) {
  Recognition x;
  x.id = r.i64(0);
  x.village_id = r.i64(1);
  x.village_name = r.str(2);
  x.village_path = r.str(3);
  x.year = static_cast<int>(r.i64(4));
  x.decision_no = r.str(5);
  x.decided_on = r.str(6);
  x.issuer = r.str(7);
  x.note = r.str(8);
  x.assessment_id = r.i64(9);
  x.file_path = r.str(10);
  x.file_mime = r.str(11);
  x.file_name = r.str(12);
  x.file_bytes = r.i64(13);
  x.recorded_at = r.str(14);
  x.recorded_by = r.str(15);
  return x;
}

db::Value met_value(const std::optional<bool>& met) {
  return met ? db::Value{std::int64_t{*met ? 1 : 0}} : db::Value{};
}

// The results as they are, for the audit log.
nlohmann::json results_json(db::Connection& c, std::int64_t assessment_id) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : c.query(std::string(kSelectResults) + " ORDER BY criterion_id", {assessment_id}))
    out.push_back({{"criterion_id", r.i64(0)},
                   {"met", r.null(1) ? nlohmann::json() : nlohmann::json(r.i64(1) == 1)},
                   {"figure", r.str(2)},
                   {"note", r.str(3)}});
  return out;
}

Result<org::Unit> assessable_village(db::Connection& c, const auth::Principal& who, std::int64_t village_id) {
  auto v = org::find_unit(c, village_id);
  if (!v) return fail(Error::not_found("Không tìm thấy thôn."));
  if (auto ok = auth::authorize(who, auth::Action::kAssessVillage, {v->path}); !ok) return fail(ok.error());
  if (!is_village(*v)) return fail(Error::invalid({{"village_id", "Chỉ đánh giá, công nhận được thôn, tổ dân phố."}}));
  return *v;
}

}  // namespace

// ---- criteria sets

std::vector<CriteriaSet> list_sets(db::Connection& c) {
  std::vector<CriteriaSet> out;
  for (const auto& r : c.query(std::string(kSelectSet) + "ORDER BY s.code, s.version DESC")) out.push_back(set_from(r));
  return out;
}

std::optional<CriteriaSet> find_set(db::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kSelectSet) + "WHERE s.id = $1", {id});
  if (rows.empty()) return std::nullopt;
  auto s = set_from(rows.front());
  for (const auto& r : c.query(kSelectCriteria, {id}))
    s.criteria.push_back(
        {r.i64(0), static_cast<int>(r.i64(1)), r.str(2), r.str(3), r.str(4), r.str(5), r.str(6), r.str(7)});
  return s;
}

std::vector<CriteriaSet> sets_for_year(db::Connection& c, int year) {
  std::vector<CriteriaSet> out;
  for (const auto& r :
       c.query(std::string(kSelectSet) + "WHERE s.from_year <= $1 AND (s.to_year IS NULL OR s.to_year >= $1) "
                                         "ORDER BY s.from_year DESC, s.code, s.version DESC",
               {std::int64_t{year}}))
    out.push_back(set_from(r));
  return out;
}

Result<CriteriaSet> create_set(db::Connection& c, const auth::Principal& who, const CriteriaSetInput& raw) {
  if (auto ok = auth::authorize_any(who, auth::Action::kManageCriteria); !ok) return fail(ok.error());
  auto in = normalized(raw);
  if (auto e = validate(in); !e.empty()) return fail(Error::invalid(std::move(e)));
  try {
    return db::in_transaction(c, [&]() -> Result<CriteriaSet> {
      // The next number is read in the write transaction; UNIQUE (code, version) refuses a concurrent twin.
      auto version = c.scalar(kNextSetVersion, {in.code});
      auto id = c.query_one(kInsertSet, {in.code, version, in.name, in.legal_basis, std::int64_t{*in.from_year},
                                         in.to_year && *in.to_year ? db::Value{std::int64_t{*in.to_year}} : db::Value{},
                                         in.note, kernel::now_iso(), actor(who)})
                    ->i64(0);
      for (const auto& cr : in.criteria)
        c.exec(kInsertCriterion, {id, std::int64_t{cr.position}, cr.group_name, cr.number, cr.name, cr.requirement,
                                  cr.figure_label, cr.figure_source});
      auto s = *find_set(c, id);
      audit::record(c, who, {"criteria_set.create", "criteria_set", id, "/", nullptr, to_json(s)});
      return s;
    });
  } catch (const db::DbError& e) {
    if (!e.unique_violation()) throw;
    return fail(Error::conflict("Một phiên bản khác của bộ tiêu chí vừa được tạo cùng lúc; vui lòng tải lại trang."));
  }
}

// ---- assessments

std::string known_figure(db::Connection& c, const std::string& village_path, int year, std::string_view source) {
  if (source.empty()) return "";
  auto f = subtree_figures(c, village_path, year, false);
  if (source == "households") return std::to_string(f.households) + " hộ";
  // Without a review of that year the counts would read as "no poor household": say nothing rather than that.
  if (f.recorded == 0) return "";
  if (source == "poverty_rate")
    return rate_vn(f.poor, f.households) + " (" + std::to_string(f.poor) + "/" + std::to_string(f.households) + " hộ)";
  if (source == "near_poor_rate")
    return rate_vn(f.near_poor, f.households) + " (" + std::to_string(f.near_poor) + "/" +
           std::to_string(f.households) + " hộ)";
  return "";
}

std::optional<Assessment> find_assessment(db::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kSelectAssessment) + "WHERE a.id = $1", {id});
  if (rows.empty()) return std::nullopt;
  auto a = assessment_from(rows.front());
  auto set = find_set(c, a.set_id);
  std::map<std::int64_t, CriterionResult> results;
  for (const auto& r : c.query(kSelectResults, {id}))
    results[r.i64(0)] = {r.i64(0), r.null(1) ? std::nullopt : std::optional<bool>(r.i64(1) == 1), r.str(2), r.str(3)};
  std::map<std::int64_t, std::vector<EvidenceFile>> files;
  for (const auto& r : c.query(std::string(kSelectFiles) + "WHERE f.assessment_id = $1 ORDER BY f.id", {id})) {
    auto f = file_from(r);
    files[f.criterion_id].push_back(f);
  }
  for (const auto& cr : set->criteria) {
    AssessmentItem item;
    item.criterion = cr;
    auto r = results.find(cr.id);
    item.result = r != results.end() ? r->second : CriterionResult{cr.id, std::nullopt, "", ""};
    item.known_figure = known_figure(c, a.village_path, a.year, cr.figure_source);
    // Say why there is no figure rather than leave the officer guessing.
    if (item.known_figure.empty() && !cr.figure_source.empty())
      item.known_figure = "chưa có kết quả rà soát hộ nghèo năm " + std::to_string(a.year);
    item.files = files[cr.id];
    a.items.push_back(std::move(item));
  }
  return a;
}

Result<Assessment> get_assessment(db::Connection& c, const auth::Principal& who, std::int64_t id) {
  auto a = find_assessment(c, id);
  if (!a) return fail(Error::not_found("Không tìm thấy bản đánh giá."));
  if (auto ok = auth::authorize(who, auth::Action::kViewPlan, {a->village_path}); !ok) return fail(ok.error());
  return *a;
}

std::vector<Assessment> village_assessments(db::Connection& c, std::int64_t village_id) {
  std::vector<Assessment> out;
  for (const auto& r : c.query(
           std::string(kSelectAssessment) + "WHERE a.village_id = $1 ORDER BY a.year DESC, a.id DESC", {village_id}))
    out.push_back(assessment_from(r));
  return out;
}

std::vector<Assessment> subtree_assessments(db::Connection& c, const std::string& path, int year, int limit,
                                            int offset) {
  std::vector<Assessment> out;
  for (const auto& r :
       c.query(std::string(kSelectAssessment) + "WHERE a.village_path >= $1 AND a.village_path < $2 AND a.year = $3 "
                                                "ORDER BY u.sort_name, a.id LIMIT $4 OFFSET $5",
               {path, db::subtree_end(path), std::int64_t{year}, std::int64_t{limit}, std::int64_t{offset}}))
    out.push_back(assessment_from(r));
  return out;
}

std::int64_t count_subtree_assessments(db::Connection& c, const std::string& path, int year) {
  return c.scalar(
      "SELECT COUNT(*) FROM village_assessments WHERE village_path >= $1 AND village_path < $2 AND year = $3",
      {path, db::subtree_end(path), std::int64_t{year}});
}

Result<Assessment> open_assessment(db::Connection& c, const auth::Principal& who, std::int64_t village_id,
                                   std::int64_t set_id, int year) {
  auto v = assessable_village(c, who, village_id);
  if (!v) return fail(v.error());
  auto set = find_set(c, set_id);
  if (!set) return fail(Error::invalid({{"set_id", "Vui lòng chọn bộ tiêu chí."}}));
  if (year < 2000 || year > 2100) return fail(Error::invalid({{"year", "Năm đánh giá phải từ 2000 đến 2100."}}));
  if (!set->covers(year))
    return fail(Error::invalid({{"year", set->name + " áp dụng từ năm " + std::to_string(set->from_year) +
                                             (set->to_year ? " đến năm " + std::to_string(set->to_year) : "") +
                                             ", không dùng để đánh giá năm " + std::to_string(year) + "."}}));
  if (auto existing = c.query_one(kFindOpen, {v->id, set->id, std::int64_t{year}}))
    return *find_assessment(c, existing->i64(0));
  try {
    return db::in_transaction(c, [&]() -> Result<Assessment> {
      const std::string now = kernel::now_iso();
      auto id = c.query_one(kInsertAssessment, {v->id, v->path, set->id, std::int64_t{year}, now, actor(who)})->i64(0);
      // Figures ct05 knows are written in at the start; the officer may correct them.
      for (const auto& cr : set->criteria)
        if (auto f = known_figure(c, v->path, year, cr.figure_source); !f.empty())
          c.exec(kInsertResult, {id, cr.id, db::Value{}, f, std::string()});
      auto a = *find_assessment(c, id);
      audit::record(c, who,
                    {"village_assessment.create",
                     "village_assessment",
                     id,
                     v->path,
                     nullptr,
                     {{"village_id", v->id}, {"set_id", set->id}, {"year", year}, {"results", results_json(c, id)}}});
      return a;
    });
  } catch (const db::DbError& e) {
    if (!e.unique_violation()) throw;
    // Opened by someone else at the same moment: theirs is the one.
    if (auto existing = c.query_one(kFindOpen, {v->id, set->id, std::int64_t{year}}))
      return *find_assessment(c, existing->i64(0));
    throw;
  }
}

Result<Assessment> save_results(db::Connection& c, const auth::Principal& who, std::int64_t assessment_id,
                                const std::vector<CriterionResult>& results, const std::optional<std::string>& note) {
  auto a = find_assessment(c, assessment_id);
  if (!a) return fail(Error::not_found("Không tìm thấy bản đánh giá."));
  if (auto ok = auth::authorize(who, auth::Action::kAssessVillage, {a->village_path}); !ok) return fail(ok.error());
  auto e = validate(results);
  std::set<std::int64_t> ids;
  for (const auto& item : a->items) ids.insert(item.criterion.id);
  for (const auto& r : results)
    if (!ids.count(r.criterion_id))
      e.push_back({"c" + std::to_string(r.criterion_id), "Tiêu chí không thuộc bộ tiêu chí của bản đánh giá này."});
  if (note && note->size() > 4000) e.push_back({"note", "Nhận xét chung dài quá 4000 ký tự."});
  if (!e.empty()) return fail(Error::invalid(std::move(e)));
  return db::in_transaction(c, [&]() -> Result<Assessment> {
    auto before = results_json(c, assessment_id);
    std::set<std::int64_t> stored;
    for (const auto& r : c.query(kSelectResults, {assessment_id})) stored.insert(r.i64(0));
    for (const auto& r : results)
      c.exec(stored.count(r.criterion_id) ? kUpdateResult : kInsertResult,
             {assessment_id, r.criterion_id, met_value(r.met), r.figure, r.note});
    c.exec(kTouchAssessment, {assessment_id, note.value_or(a->note), kernel::now_iso(), actor(who)});
    audit::record(c, who,
                  {"village_assessment.update",
                   "village_assessment",
                   assessment_id,
                   a->village_path,
                   {{"note", a->note}, {"results", before}},
                   {{"note", note.value_or(a->note)}, {"results", results_json(c, assessment_id)}}});
    return *find_assessment(c, assessment_id);
  });
}

Result<EvidenceFile> add_evidence(db::Connection& c, const auth::Principal& who, std::int64_t assessment_id,
                                  std::int64_t criterion_id, std::string_view filename, std::string_view data,
                                  files::FileStore& store) {
  auto a = find_assessment(c, assessment_id);
  if (!a) return fail(Error::not_found("Không tìm thấy bản đánh giá."));
  if (auto ok = auth::authorize(who, auth::Action::kAssessVillage, {a->village_path}); !ok) return fail(ok.error());
  bool known = false;
  for (const auto& item : a->items) known = known || item.criterion.id == criterion_id;
  if (!known) return fail(Error::invalid({{"criterion_id", "Tiêu chí không thuộc bộ tiêu chí của bản đánh giá này."}}));
  if (data.empty()) return fail(Error::invalid({{"files", "Vui lòng chọn tệp minh chứng (ảnh hoặc PDF)."}}));
  auto stored = store.accept(filename, data);
  if (!stored) return fail(stored.error());
  return db::in_transaction(c, [&]() -> Result<EvidenceFile> {
    auto id = c.query_one(kInsertFile,
                          {assessment_id, criterion_id, stored->kind, stored->mime, stored->path, stored->thumb_path,
                           stored->sha256, stored->bytes, stored->original_name, kernel::now_iso(), actor(who)})
                  ->i64(0);
    audit::record(c, who,
                  {"village_assessment.file",
                   "village_assessment",
                   assessment_id,
                   a->village_path,
                   nullptr,
                   {{"file_id", id},
                    {"criterion_id", criterion_id},
                    {"name", stored->original_name},
                    {"sha256", stored->sha256},
                    {"bytes", stored->bytes}}});
    return *find_evidence(c, id);
  });
}

std::optional<EvidenceFile> find_evidence(db::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kSelectFiles) + "WHERE f.id = $1", {id});
  if (rows.empty()) return std::nullopt;
  return file_from(rows.front());
}

// ---- recognitions

std::optional<Recognition> find_recognition(db::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kSelectRecognition) + "WHERE r.id = $1", {id});
  if (rows.empty()) return std::nullopt;
  return recognition_from(rows.front());
}

Result<Recognition> get_recognition(db::Connection& c, const auth::Principal& who, std::int64_t id) {
  auto r = find_recognition(c, id);
  if (!r) return fail(Error::not_found("Không tìm thấy quyết định công nhận."));
  if (auto ok = auth::authorize(who, auth::Action::kViewPlan, {r->village_path}); !ok) return fail(ok.error());
  return *r;
}

std::vector<Recognition> village_recognitions(db::Connection& c, std::int64_t village_id) {
  std::vector<Recognition> out;
  for (const auto& r :
       c.query(std::string(kSelectRecognition) + "WHERE r.village_id = $1 ORDER BY r.decided_on, r.id", {village_id}))
    out.push_back(recognition_from(r));
  return out;
}

std::optional<Recognition> recognised_on(db::Connection& c, std::int64_t village_id, const std::string& date) {
  auto rows = c.query(std::string(kSelectRecognition) +
                          "WHERE r.village_id = $1 AND r.decided_on <= $2 ORDER BY r.decided_on, r.id LIMIT 1",
                      {village_id, date});
  if (rows.empty()) return std::nullopt;
  return recognition_from(rows.front());
}

std::vector<Recognition> subtree_recognitions(db::Connection& c, const std::string& path, int year, int limit,
                                              int offset) {
  std::vector<Recognition> out;
  db::Params p{path, db::subtree_end(path)};
  std::string where = "WHERE r.village_path >= $1 AND r.village_path < $2 ";
  if (year) {
    p.push_back(std::int64_t{year});
    where += "AND r.year = $3 ";
  }
  p.push_back(std::int64_t{limit});
  p.push_back(std::int64_t{offset});
  std::string n = std::to_string(p.size());
  for (const auto& r :
       c.query(std::string(kSelectRecognition) + where + "ORDER BY r.decided_on DESC, r.id DESC LIMIT $" +
                   std::to_string(p.size() - 1) + " OFFSET $" + n,
               p))
    out.push_back(recognition_from(r));
  return out;
}

std::int64_t count_subtree_recognitions(db::Connection& c, const std::string& path, int year) {
  if (!year)
    return c.scalar("SELECT COUNT(*) FROM village_recognitions WHERE village_path >= $1 AND village_path < $2",
                    {path, db::subtree_end(path)});
  return c.scalar(
      "SELECT COUNT(*) FROM village_recognitions WHERE village_path >= $1 AND village_path < $2 AND year = $3",
      {path, db::subtree_end(path), std::int64_t{year}});
}

Result<Recognition> record_recognition(db::Connection& c, const auth::Principal& who, const RecognitionInput& raw,
                                       std::string_view filename, std::string_view file_data, files::FileStore& store) {
  if (!raw.village_id) return fail(Error::invalid({{"village_id", "Vui lòng chọn thôn được công nhận."}}));
  auto v = assessable_village(c, who, *raw.village_id);
  if (!v) return fail(v.error());
  auto in = normalized(raw);
  auto e = validate(in);
  if (in.assessment_id) {
    auto a = find_assessment(c, *in.assessment_id);
    if (!a || a->village_id != v->id) e.push_back({"assessment_id", "Bản đánh giá không phải của thôn này."});
  }
  if (!e.empty()) return fail(Error::invalid(std::move(e)));
  std::optional<files::StoredFile> stored;
  if (!file_data.empty()) {
    auto s = store.accept(filename, file_data);
    if (!s) return fail(Error::invalid({{"file", s.error().message}}, s.error().message));
    stored = *s;
  }
  try {
    return db::in_transaction(c, [&]() -> Result<Recognition> {
      if (c.query_one(kRecognitionOfYear, {v->id, std::int64_t{*in.year}}))
        return fail(Error::conflict(v->name + " đã có quyết định công nhận năm " + std::to_string(*in.year) + "."));
      auto id =
          c.query_one(kInsertRecognition,
                      {v->id, v->path, std::int64_t{*in.year}, in.decision_no, in.decided_on, in.issuer,
                       in.assessment_id ? db::Value{*in.assessment_id} : db::Value{}, in.note,
                       stored ? stored->path : "", stored ? stored->mime : "", stored ? stored->original_name : "",
                       stored ? stored->bytes : 0, stored ? stored->sha256 : "", kernel::now_iso(), actor(who)})
              ->i64(0);
      auto r = *find_recognition(c, id);
      audit::record(c, who, {"village_recognition.create", "village_recognition", id, v->path, nullptr, to_json(r)});
      return r;
    });
  } catch (const db::DbError& e) {
    if (!e.unique_violation()) throw;
    return fail(Error::conflict(v->name + " đã có quyết định công nhận năm " + std::to_string(*in.year) + "."));
  }
}

// ---- JSON

nlohmann::json to_json(const CriteriaSet& s) {
  nlohmann::json criteria = nlohmann::json::array();
  for (const auto& c : s.criteria)
    criteria.push_back({{"id", c.id},
                        {"position", c.position},
                        {"group", c.group_name},
                        {"number", c.number},
                        {"name", c.name},
                        {"requirement", c.requirement},
                        {"figure_label", c.figure_label},
                        {"figure_source", c.figure_source}});
  return {{"id", s.id},
          {"code", s.code},
          {"version", s.version},
          {"name", s.name},
          {"legal_basis", s.legal_basis},
          {"from_year", s.from_year},
          {"to_year", s.to_year ? nlohmann::json(s.to_year) : nlohmann::json()},
          {"note", s.note},
          {"latest", s.latest},
          {"assessments", s.assessments},
          {"criteria", criteria},
          {"url", "/criteria-sets/" + std::to_string(s.id)}};
}

nlohmann::json to_json(const Assessment& a) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& i : a.items) {
    nlohmann::json files = nlohmann::json::array();
    for (const auto& f : i.files)
      files.push_back({{"id", f.id},
                       {"name", f.original_name},
                       {"mime", f.mime},
                       {"bytes", f.bytes},
                       {"url", "/village-files/" + std::to_string(f.id)}});
    items.push_back({{"criterion_id", i.criterion.id},
                     {"number", i.criterion.number},
                     {"name", i.criterion.name},
                     {"met", i.result.met ? nlohmann::json(*i.result.met) : nlohmann::json()},
                     {"figure", i.result.figure},
                     {"note", i.result.note},
                     {"known_figure", i.known_figure.empty() ? nlohmann::json() : nlohmann::json(i.known_figure)},
                     {"files", files}});
  }
  return {{"id", a.id},
          {"village_id", a.village_id},
          {"village_name", a.village_name},
          {"set_id", a.set_id},
          {"set_name", a.set_name},
          {"set_version", a.set_version},
          {"year", a.year},
          {"note", a.note},
          {"met", a.met},
          {"not_met", a.not_met},
          {"total", a.total},
          {"updated_at", a.updated_at},
          {"updated_by", a.updated_by},
          {"items", items},
          {"url", "/village-assessments/" + std::to_string(a.id)}};
}

nlohmann::json to_json(const Recognition& r) {
  return {{"id", r.id},
          {"village_id", r.village_id},
          {"village_name", r.village_name},
          {"year", r.year},
          {"decision_no", r.decision_no},
          {"decided_on", r.decided_on},
          {"issuer", r.issuer},
          {"note", r.note},
          {"assessment_id", r.assessment_id ? nlohmann::json(r.assessment_id) : nlohmann::json()},
          {"file", r.file_path.empty() ? nlohmann::json()
                                       : nlohmann::json{{"name", r.file_name},
                                                        {"mime", r.file_mime},
                                                        {"bytes", r.file_bytes},
                                                        {"url", "/recognitions/" + std::to_string(r.id) + "/file"}}},
          {"recorded_at", r.recorded_at},
          {"recorded_by", r.recorded_by}};
}

}  // namespace ct05::villages
