#include "modules/villages/storage/household_store.hpp"

#include <algorithm>
#include <set>

#include "kernel/clock.hpp"
#include "kernel/text.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "platform/audit/audit.hpp"
#include "platform/csv/csv_reader.hpp"
#include "platform/xlsx/xlsx_reader.hpp"

namespace ct05::villages {

namespace {

// ---- SQL

constexpr const char* kSelectStandards =
    "SELECT id, code, name, legal_basis, from_year, to_year, rural_line, urban_line, min_lacking, note "
    "FROM poverty_standards ";
constexpr const char* kSelectIndicators =
    "SELECT code, dimension, name, threshold FROM poverty_indicators WHERE standard_id = $1 ORDER BY position";
constexpr const char* kStandardUsed = "SELECT COUNT(*) FROM household_statuses WHERE standard_id = $1";
constexpr const char* kInsertStandard =
    "INSERT INTO poverty_standards (code, name, legal_basis, from_year, to_year, rural_line, urban_line, min_lacking, "
    "note, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id";
constexpr const char* kUpdateStandard =
    "UPDATE poverty_standards SET code = $2, name = $3, legal_basis = $4, from_year = $5, to_year = $6, rural_line = "
    "$7, "
    "urban_line = $8, min_lacking = $9, note = $10, updated_at = $11 WHERE id = $1";
constexpr const char* kDeleteIndicators = "DELETE FROM poverty_indicators WHERE standard_id = $1";
constexpr const char* kInsertIndicator =
    "INSERT INTO poverty_indicators (standard_id, position, code, dimension, name, threshold) "
    "VALUES ($1, $2, $3, $4, $5, $6)";
constexpr const char* kOverlapping =
    "SELECT name FROM poverty_standards WHERE id <> $1 AND from_year <= $3 AND to_year >= $2 LIMIT 1";
constexpr const char* kSameCode = "SELECT COUNT(*) FROM poverty_standards WHERE code = $1 AND id <> $2";

constexpr const char* kSelectHousehold =
    "SELECT h.id, h.village_id, u.name, u.path, h.code, h.head_name, h.head_birth_year, h.head_gender, h.ethnicity, "
    "h.address, h.area, h.registered_on, h.ended_on, h.ended_reason, h.note, h.created_at, h.updated_at "
    "FROM households h JOIN units u ON u.id = h.village_id WHERE h.id = $1";
constexpr const char* kSelectMembers =
    "SELECT full_name, relation, birth_year, gender FROM household_members WHERE household_id = $1 ORDER BY position";
constexpr const char* kInsertHousehold =
    "INSERT INTO households (village_id, village_path, code, head_name, head_birth_year, head_gender, ethnicity, "
    "address, area, registered_on, ended_on, ended_reason, note, folded, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15) RETURNING id";
constexpr const char* kUpdateHousehold =
    "UPDATE households SET code = $2, head_name = $3, head_birth_year = $4, head_gender = $5, ethnicity = $6, "
    "address = $7, area = $8, registered_on = $9, ended_on = $10, ended_reason = $11, note = $12, folded = $13, "
    "updated_at = $14 WHERE id = $1";
constexpr const char* kDeleteMembers = "DELETE FROM household_members WHERE household_id = $1";
constexpr const char* kInsertMember =
    "INSERT INTO household_members (household_id, position, full_name, relation, birth_year, gender) "
    "VALUES ($1, $2, $3, $4, $5, $6)";
constexpr const char* kCodeTaken = "SELECT id FROM households WHERE village_id = $1 AND code = $2";
constexpr const char* kVillageCodes = "SELECT code, head_name FROM households WHERE village_id = $1";

// The list of a village ($1) with the status of the year ($2) and whether the household had ended by its end ($3).
constexpr const char* kListColumns =
    "SELECT h.id, h.code, h.head_name, h.address, "
    "(SELECT COUNT(*) FROM household_members m WHERE m.household_id = h.id), s.status, "
    "CASE WHEN h.ended_on IS NOT NULL AND h.ended_on <= $3 THEN 1 ELSE 0 END ";
constexpr const char* kListFrom =
    "FROM households h LEFT JOIN household_statuses s ON s.household_id = h.id AND s.year = $2 WHERE h.village_id = "
    "$1 ";

constexpr const char* kSelectStatus =
    "SELECT s.household_id, s.year, s.status, s.standard_id, p.name, s.income, s.lacking, s.computed_status, "
    "s.computed_reason, s.classified_at, s.classified_by, s.decided_status, s.decision_note, s.decided_at, "
    "s.decided_by "
    "FROM household_statuses s LEFT JOIN poverty_standards p ON p.id = s.standard_id ";
constexpr const char* kInsertStatus =
    "INSERT INTO household_statuses (household_id, year, status, standard_id, income, lacking, computed_status, "
    "computed_reason, classified_at, classified_by, decided_status, decision_note, decided_at, decided_by) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)";
constexpr const char* kUpdateStatus =
    "UPDATE household_statuses SET status = $3, standard_id = $4, income = $5, lacking = $6, computed_status = $7, "
    "computed_reason = $8, classified_at = $9, classified_by = $10, decided_status = $11, decision_note = $12, "
    "decided_at = $13, decided_by = $14 WHERE household_id = $1 AND year = $2";
constexpr const char* kDeleteStatus = "DELETE FROM household_statuses WHERE household_id = $1 AND year = $2";

// Counts in a year ($1) as at its last day ($2), over a scope whose condition follows (its parameters after these).
constexpr const char* kSubtreeHouseholds =
    "SELECT COUNT(*), SUM(CASE WHEN s.status = 'ngheo' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN s.status = 'can_ngheo' THEN 1 ELSE 0 END), SUM(CASE WHEN s.status = 'thoat_ngheo' THEN 1 ELSE 0 "
    "END), "
    "SUM(CASE WHEN s.household_id IS NULL THEN 0 ELSE 1 END) "
    "FROM households h LEFT JOIN household_statuses s ON s.household_id = h.id AND s.year = $1 "
    "WHERE (h.registered_on IS NULL OR h.registered_on <= $2) AND (h.ended_on IS NULL OR h.ended_on > $2) AND ";
// As at a day ($1), over a scope.
constexpr const char* kSubtreeRecognised =
    "SELECT COUNT(DISTINCT village_id) FROM village_recognitions WHERE decided_on <= $1 AND ";
constexpr const char* kSubtreeVillages =
    "SELECT COUNT(*) FROM units WHERE kind = 'thon' AND valid_from <= $1 AND (valid_to IS NULL OR valid_to > $1) AND ";
constexpr const char* kStatusYears =
    "SELECT DISTINCT s.year FROM household_statuses s JOIN households h ON h.id = s.household_id "
    "WHERE h.village_path >= $1 AND h.village_path < $2 ORDER BY s.year DESC";

std::string actor(const auth::Principal& who) { return who.display_name.empty() ? who.login : who.display_name; }

int current_year() { return std::stoi(kernel::today_iso().substr(0, 4)); }

db::Value text_or_null(const std::string& s) { return s.empty() ? db::Value{} : db::Value{s}; }
db::Value int_or_null(std::int64_t v) { return v == 0 ? db::Value{} : db::Value{v}; }

std::string year_end(int year) { return std::to_string(year) + "-12-31"; }

std::string join_codes(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : ",") + c;
  return out;
}

std::vector<std::string> split_codes(const std::string& s) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < s.size()) {
    auto comma = s.find(',', at);
    out.push_back(s.substr(at, comma == std::string::npos ? std::string::npos : comma - at));
    if (comma == std::string::npos) break;
    at = comma + 1;
  }
  return out;
}

PovertyStandard standard_from(db::Connection& c, const db::Row& r) {
  PovertyStandard s;
  s.id = r.i64(0);
  s.code = r.str(1);
  s.name = r.str(2);
  s.legal_basis = r.str(3);
  s.from_year = static_cast<int>(r.i64(4));
  s.to_year = static_cast<int>(r.i64(5));
  s.rural_line = r.i64(6);
  s.urban_line = r.i64(7);
  s.min_lacking = static_cast<int>(r.i64(8));
  s.note = r.str(9);
  for (const auto& i : c.query(kSelectIndicators, {s.id}))
    s.indicators.push_back({i.str(0), i.str(1), i.str(2), i.str(3)});
  return s;
}

StatusRecord status_from(const db::Row& r) {
  StatusRecord s;
  s.household_id = r.i64(0);
  s.year = static_cast<int>(r.i64(1));
  s.status = parse_status(r.str(2)).value_or(PovertyStatus::kNone);
  s.standard_id = r.i64(3);
  s.standard_name = r.str(4);
  if (!r.null(5)) s.income = r.i64(5);
  if (!r.str(6).empty()) s.lacking = split_codes(r.str(6));
  if (!r.null(7)) s.computed = parse_status(r.str(7));
  s.computed_reason = r.str(8);
  s.classified_at = r.str(9);
  s.classified_by = r.str(10);
  if (!r.null(11)) s.decided = parse_status(r.str(11));
  s.decision_note = r.str(12);
  s.decided_at = r.str(13);
  s.decided_by = r.str(14);
  return s;
}

// What search looks in: the code, the head's and the members' names, folded.
std::string folded_of(const std::string& code, const std::string& head, const std::vector<Member>& members) {
  std::string s = code + " " + head;
  for (const auto& m : members) s += " " + m.full_name;
  return kernel::fold(s);
}

void write_members(db::Connection& c, std::int64_t household_id, const std::vector<Member>& members) {
  c.exec(kDeleteMembers, {household_id});
  std::int64_t pos = 0;
  for (const auto& m : members)
    c.exec(kInsertMember, {household_id, ++pos, m.full_name, m.relation, int_or_null(m.birth_year), m.gender});
}

std::string household_where(const HouseholdFilter& f, db::Params& params) {
  std::string where;
  if (f.status) {
    params.push_back(std::string(status_code(*f.status)));
    where += "AND s.status = $" + std::to_string(params.size()) + " ";
  }
  for (const auto& tok : kernel::fold_tokens(f.query)) {
    params.push_back("%" + tok + "%");
    where += "AND h.folded LIKE $" + std::to_string(params.size()) + " ";
  }
  return where;
}

// Whether the household was there at the end of the year (registered by then, not yet ended).
std::optional<std::string> presence_error(const Household& h, int year) {
  const std::string end = year_end(year);
  if (!h.registered_on.empty() && h.registered_on > end)
    return "Hộ đăng ký ngày " + kernel::date_vn(h.registered_on) + ", sau năm " + std::to_string(year) +
           "; không ghi được tình trạng của năm đó.";
  if (!h.ended_on.empty() && h.ended_on <= end)
    return "Hộ đã chuyển đi, giải thể ngày " + kernel::date_vn(h.ended_on) + "; không ghi được tình trạng năm " +
           std::to_string(year) + ".";
  return std::nullopt;
}

// Writes (or removes) a status row as given; `status` in force is decided ?: computed.
void store_status(db::Connection& c, const StatusRecord& s, bool exists) {
  if (!s.decided && !s.computed) {
    c.exec(kDeleteStatus, {s.household_id, std::int64_t{s.year}});
    return;
  }
  PovertyStatus in_force = s.decided ? *s.decided : *s.computed;
  db::Params p{s.household_id,
               std::int64_t{s.year},
               std::string(status_code(in_force)),
               int_or_null(s.standard_id),
               s.income ? db::Value{*s.income} : db::Value{},
               join_codes(s.lacking),
               s.computed ? db::Value{std::string(status_code(*s.computed))} : db::Value{},
               s.computed_reason,
               text_or_null(s.classified_at),
               s.classified_by,
               s.decided ? db::Value{std::string(status_code(*s.decided))} : db::Value{},
               s.decision_note,
               text_or_null(s.decided_at),
               s.decided_by};
  c.exec(exists ? kUpdateStatus : kInsertStatus, p);
}

// The next year's computed status depends on this year's ("thoát nghèo"): classify it again from its stored answers.
// A change it makes is audited on its own, as a consequence of the change that caused it.
void refresh_next_year(db::Connection& c, const auth::Principal& who, const Household& h, int year) {
  auto next = status_of(c, h.id, year + 1);
  if (!next || !next->computed || !next->income || next->standard_id == 0) return;
  auto standard = find_standard(c, next->standard_id);
  if (!standard) return;
  auto prev = status_of(c, h.id, year);
  auto again = classify(*standard, h.area, Answers{next->income, next->lacking},
                        prev ? std::optional<PovertyStatus>(prev->status) : std::nullopt);
  if (!again || again->status == *next->computed) return;
  auto before = to_json(*next);
  next->computed = again->status;
  next->computed_reason = again->reason;
  store_status(c, *next, true);
  audit::record(
      c, who,
      {"household.reclassify", "household", h.id, h.village_path, before, to_json(*status_of(c, h.id, year + 1))});
}

Result<Household> editable_household(db::Connection& c, const auth::Principal& who, std::int64_t id) {
  auto h = find_household(c, id);
  if (!h) return fail(Error::not_found("Không tìm thấy hộ gia đình."));
  if (auto ok = auth::authorize(who, auth::Action::kEditHouseholds, {h->village_path}); !ok) return fail(ok.error());
  return *h;
}

Result<int> valid_year(int year) {
  if (year < 2000 || year > 2100) return fail(Error::invalid({{"year", "Năm phải từ 2000 đến 2100."}}));
  return year;
}

// Inserts a household (validated) and its members; returns the id.
std::int64_t insert_household(db::Connection& c, const org::Unit& village, const HouseholdInput& in) {
  std::vector<Member> members = in.members.value_or(std::vector<Member>{});
  auto id = c.query_one(kInsertHousehold,
                        {village.id, village.path, *in.code, *in.head_name, int_or_null(in.head_birth_year.value_or(0)),
                         in.head_gender.value_or(""), in.ethnicity.value_or(""), in.address.value_or(""), *in.area,
                         text_or_null(in.registered_on.value_or("")), text_or_null(in.ended_on.value_or("")),
                         in.ended_reason.value_or(""), in.note.value_or(""),
                         folded_of(*in.code, *in.head_name, members), kernel::now_iso()})
                ->i64(0);
  write_members(c, id, members);
  return id;
}

// Writes a standard (new when id is 0) and its indicators; the caller holds the transaction and checked the rules.
std::int64_t write_standard(db::Connection& c, const PovertyStandard& s) {
  std::int64_t id = s.id;
  const std::string now = kernel::now_iso();
  db::Params p{s.code,
               s.name,
               s.legal_basis,
               std::int64_t{s.from_year},
               std::int64_t{s.to_year},
               s.rural_line,
               s.urban_line,
               std::int64_t{s.min_lacking},
               s.note,
               now};
  if (id) {
    p.insert(p.begin(), id);
    c.exec(kUpdateStandard, p);
    c.exec(kDeleteIndicators, {id});
  } else {
    id = c.query_one(kInsertStandard, p)->i64(0);
  }
  std::int64_t pos = 0;
  for (const auto& i : s.indicators) c.exec(kInsertIndicator, {id, ++pos, i.code, i.dimension, i.name, i.threshold});
  return id;
}

}  // namespace

// ---- standards

std::vector<PovertyStandard> list_standards(db::Connection& c) {
  std::vector<PovertyStandard> out;
  for (const auto& r : c.query(std::string(kSelectStandards) + "ORDER BY from_year, id"))
    out.push_back(standard_from(c, r));
  return out;
}

std::optional<PovertyStandard> find_standard(db::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kSelectStandards) + "WHERE id = $1", {id});
  if (rows.empty()) return std::nullopt;
  return standard_from(c, rows.front());
}

bool standard_in_use(db::Connection& c, std::int64_t id) { return c.scalar(kStandardUsed, {id}) > 0; }

Result<PovertyStandard> save_standard(db::Connection& c, const auth::Principal& who, const PovertyStandard& s) {
  if (auto ok = auth::authorize_any(who, auth::Action::kManageCriteria); !ok) return fail(ok.error());
  std::optional<PovertyStandard> before;
  if (s.id) {
    before = find_standard(c, s.id);
    if (!before) return fail(Error::not_found("Không tìm thấy chuẩn nghèo."));
  }
  if (auto e = validate(s); !e.empty()) return fail(Error::invalid(std::move(e)));
  if (c.scalar(kSameCode, {s.code, s.id}) > 0)
    return fail(Error::invalid({{"code", "Đã có chuẩn nghèo mã " + s.code + "."}}));
  if (auto r = c.query_one(kOverlapping, {s.id, std::int64_t{s.from_year}, std::int64_t{s.to_year}}))
    return fail(
        Error::invalid({{"years", "Giai đoạn trùng với " + r->str(0) + "; mỗi năm chỉ áp dụng một chuẩn nghèo."}}));
  return db::in_transaction(c, [&]() -> Result<PovertyStandard> {
    // Checked in the write transaction: a classification made meanwhile keeps the rules it was made by.
    if (s.id && standard_in_use(c, s.id))
      return fail(
          Error::conflict("Chuẩn nghèo này đã được dùng để phân loại hộ nên không sửa được; hãy tạo chuẩn mới."));
    auto saved = *find_standard(c, write_standard(c, s));
    audit::record(c, who,
                  {before ? "poverty_standard.update" : "poverty_standard.create", "poverty_standard", saved.id, "/",
                   before ? to_json(*before) : nlohmann::json(), to_json(saved)});
    return saved;
  });
}

void ensure_national_standards(db::Connection& c) {
  if (c.scalar("SELECT COUNT(*) FROM poverty_standards") > 0) return;
  // Shipped with ct05 like the schema (migrations are not audited either); later changes are the admin's, audited.
  db::in_transaction(c, [&] {
    for (const auto& s : national_standards()) write_standard(c, s);
  });
}

// ---- households

bool is_village(const org::Unit& u) { return u.kind == "thon"; }

Area default_area(db::Connection& c, const org::Unit& village) {
  auto parent = village.parent_id ? org::find_unit(c, village.parent_id) : std::nullopt;
  if (!parent) return Area::kRural;
  std::string f = kernel::fold(parent->name);
  return f.rfind("phuong", 0) == 0 || f.rfind("thi tran", 0) == 0 ? Area::kUrban : Area::kRural;
}

std::optional<Household> find_household(db::Connection& c, std::int64_t id) {
  auto r = c.query_one(kSelectHousehold, {id});
  if (!r) return std::nullopt;
  Household h;
  h.id = r->i64(0);
  h.village_id = r->i64(1);
  h.village_name = r->str(2);
  h.village_path = r->str(3);
  h.code = r->str(4);
  h.head_name = r->str(5);
  h.head_birth_year = static_cast<int>(r->i64(6));
  h.head_gender = r->str(7);
  h.ethnicity = r->str(8);
  h.address = r->str(9);
  h.area = parse_area(r->str(10)).value_or(Area::kRural);
  h.registered_on = r->str(11);
  h.ended_on = r->str(12);
  h.ended_reason = r->str(13);
  h.note = r->str(14);
  h.created_at = r->str(15);
  h.updated_at = r->str(16);
  for (const auto& m : c.query(kSelectMembers, {id}))
    h.members.push_back({m.str(0), m.str(1), static_cast<int>(m.i64(2)), m.str(3)});
  return h;
}

Result<Household> get_household(db::Connection& c, const auth::Principal& who, std::int64_t id) {
  auto h = find_household(c, id);
  if (!h) return fail(Error::not_found("Không tìm thấy hộ gia đình."));
  if (auto ok = auth::authorize(who, auth::Action::kViewHouseholds, {h->village_path}); !ok) return fail(ok.error());
  return *h;
}

void log_full_read(db::Connection& c, const auth::Principal& who, const Household& h, const std::string& via) {
  audit::record_read(c, who, {"household.read", "household", h.id, h.village_path, nullptr, {{"via", via}}});
}

std::vector<HouseholdRow> list_households(db::Connection& c, std::int64_t village_id, const HouseholdFilter& f,
                                          int limit, int offset) {
  db::Params params{village_id, std::int64_t{f.year}, year_end(f.year)};
  std::string where = household_where(f, params);
  params.push_back(std::int64_t{limit});
  params.push_back(std::int64_t{offset});
  std::string sql = std::string(kListColumns) + kListFrom + where + "ORDER BY h.code LIMIT $" +
                    std::to_string(params.size() - 1) + " OFFSET $" + std::to_string(params.size());
  std::vector<HouseholdRow> out;
  for (const auto& r : c.query(sql, params)) {
    HouseholdRow row;
    row.id = r.i64(0);
    row.code = r.str(1);
    row.head_name = r.str(2);
    row.address = r.str(3);
    row.size = 1 + static_cast<int>(r.i64(4));
    if (!r.null(5)) row.status = parse_status(r.str(5));
    row.ended = r.i64(6) == 1;
    out.push_back(std::move(row));
  }
  return out;
}

std::int64_t count_households(db::Connection& c, std::int64_t village_id, const HouseholdFilter& f) {
  db::Params params{village_id, std::int64_t{f.year}};
  std::string where = household_where(f, params);
  return c.scalar(std::string("SELECT COUNT(*) ") + kListFrom + where, params);
}

std::map<std::string, std::string> household_codes(db::Connection& c, std::int64_t village_id) {
  std::map<std::string, std::string> out;
  for (const auto& r : c.query(kVillageCodes, {village_id})) out[r.str(0)] = r.str(1);
  return out;
}

Result<Household> create_household(db::Connection& c, const auth::Principal& who, const HouseholdInput& raw) {
  auto village = raw.village_id ? org::find_unit(c, *raw.village_id) : std::nullopt;
  if (!village) return fail(Error::invalid({{"village_id", "Vui lòng chọn thôn của hộ."}}));
  if (auto ok = auth::authorize(who, auth::Action::kEditHouseholds, {village->path}); !ok) return fail(ok.error());
  if (!is_village(*village))
    return fail(Error::invalid({{"village_id", "Hộ gia đình chỉ thuộc một thôn, tổ dân phố."}}));
  HouseholdInput in = normalized(raw);
  if (!in.area) in.area = std::string(area_code(default_area(c, *village)));
  if (auto e = validate(in, true, current_year()); !e.empty()) return fail(Error::invalid(std::move(e)));
  if (!village->active) return fail(Error::invalid({{"village_id", "Thôn đã ngừng hoạt động."}}));
  try {
    return db::in_transaction(c, [&]() -> Result<Household> {
      if (c.query_one(kCodeTaken, {village->id, *in.code}))
        return fail(Error::invalid({{"code", "Mã hộ " + *in.code + " đã có trong thôn."}}));
      auto id = insert_household(c, *village, in);
      auto h = *find_household(c, id);
      audit::record(c, who, {"household.create", "household", id, village->path, nullptr, to_json(h)});
      return h;
    });
  } catch (const db::DbError& e) {
    if (!e.unique_violation()) throw;
    return fail(Error::invalid({{"code", "Mã hộ " + *in.code + " đã có trong thôn."}}));
  }
}

Result<Household> update_household(db::Connection& c, const auth::Principal& who, std::int64_t id,
                                   const HouseholdInput& raw) {
  auto before = editable_household(c, who, id);
  if (!before) return before;
  HouseholdInput in = normalized(raw);
  if (auto e = validate(in, false, current_year()); !e.empty()) return fail(Error::invalid(std::move(e)));
  Household h = *before;
  if (in.code) h.code = *in.code;
  if (in.head_name) h.head_name = *in.head_name;
  if (in.head_birth_year) h.head_birth_year = *in.head_birth_year;
  if (in.head_gender) h.head_gender = *in.head_gender;
  if (in.ethnicity) h.ethnicity = *in.ethnicity;
  if (in.address) h.address = *in.address;
  if (in.area) h.area = *parse_area(*in.area);
  if (in.registered_on) h.registered_on = *in.registered_on;
  if (in.ended_on) h.ended_on = *in.ended_on;
  if (in.ended_reason) h.ended_reason = *in.ended_reason;
  if (in.note) h.note = *in.note;
  if (in.members) h.members = *in.members;
  if (!h.ended_on.empty() && !h.registered_on.empty() && h.ended_on < h.registered_on)
    return fail(Error::invalid({{"ended_on", "Ngày hộ chuyển đi, giải thể không được trước ngày đăng ký hộ."}}));
  try {
    return db::in_transaction(c, [&]() -> Result<Household> {
      if (auto other = c.query_one(kCodeTaken, {h.village_id, h.code}); other && other->i64(0) != id)
        return fail(Error::invalid({{"code", "Mã hộ " + h.code + " đã có trong thôn."}}));
      c.exec(kUpdateHousehold,
             {id, h.code, h.head_name, int_or_null(h.head_birth_year), h.head_gender, h.ethnicity, h.address,
              std::string(area_code(h.area)), text_or_null(h.registered_on), text_or_null(h.ended_on), h.ended_reason,
              h.note, folded_of(h.code, h.head_name, h.members), kernel::now_iso()});
      if (in.members) write_members(c, id, h.members);
      auto after = *find_household(c, id);
      audit::record(c, who, {"household.update", "household", id, h.village_path, to_json(*before), to_json(after)});
      return after;
    });
  } catch (const db::DbError& e) {
    if (!e.unique_violation()) throw;
    return fail(Error::invalid({{"code", "Mã hộ " + h.code + " đã có trong thôn."}}));
  }
}

// ---- statuses

std::optional<StatusRecord> status_of(db::Connection& c, std::int64_t household_id, int year) {
  auto rows = c.query(std::string(kSelectStatus) + "WHERE s.household_id = $1 AND s.year = $2",
                      {household_id, std::int64_t{year}});
  if (rows.empty()) return std::nullopt;
  return status_from(rows.front());
}

std::vector<StatusRecord> statuses_of(db::Connection& c, std::int64_t household_id) {
  std::vector<StatusRecord> out;
  for (const auto& r :
       c.query(std::string(kSelectStatus) + "WHERE s.household_id = $1 ORDER BY s.year DESC", {household_id}))
    out.push_back(status_from(r));
  return out;
}

std::vector<StatusRecord> village_statuses(db::Connection& c, std::int64_t village_id, int year, int limit,
                                           int offset) {
  std::vector<StatusRecord> out;
  for (const auto& r : c.query(std::string(kSelectStatus) +
                                   "JOIN households h ON h.id = s.household_id WHERE h.village_id = $1 AND s.year = $2 "
                                   "ORDER BY h.code LIMIT $3 OFFSET $4",
                               {village_id, std::int64_t{year}, std::int64_t{limit}, std::int64_t{offset}}))
    out.push_back(status_from(r));
  return out;
}

Result<StatusRecord> classify_household(db::Connection& c, const auth::Principal& who, std::int64_t household_id,
                                        int year, const Answers& answers) {
  auto h = editable_household(c, who, household_id);
  if (!h) return fail(h.error());
  if (auto y = valid_year(year); !y) return fail(y.error());
  if (auto e = presence_error(*h, year)) return fail(Error::invalid({{"year", *e}}));
  auto standards = list_standards(c);
  const PovertyStandard* standard = standard_for(standards, year);
  if (!standard) return fail(Error::invalid({{"year", no_standard_message(year)}}, no_standard_message(year)));
  return db::in_transaction(c, [&]() -> Result<StatusRecord> {
    auto prev = status_of(c, household_id, year - 1);
    auto result =
        classify(*standard, h->area, answers, prev ? std::optional<PovertyStatus>(prev->status) : std::nullopt);
    if (!result) return fail(result.error());
    auto before = status_of(c, household_id, year);
    StatusRecord s = before.value_or(StatusRecord{});
    s.household_id = household_id;
    s.year = year;
    s.standard_id = standard->id;
    s.income = answers.income;
    s.lacking = result->codes;
    s.computed = result->status;
    s.computed_reason = result->reason;
    s.classified_at = kernel::now_iso();
    s.classified_by = actor(who);
    store_status(c, s, before.has_value());
    auto after = *status_of(c, household_id, year);
    audit::record(c, who,
                  {"household.classify", "household", household_id, h->village_path,
                   before ? to_json(*before) : nlohmann::json(), to_json(after)});
    refresh_next_year(c, who, *h, year);
    return after;
  });
}

Result<StatusRecord> decide_status(db::Connection& c, const auth::Principal& who, std::int64_t household_id, int year,
                                   std::optional<PovertyStatus> decided, const std::string& note) {
  auto h = editable_household(c, who, household_id);
  if (!h) return fail(h.error());
  if (auto y = valid_year(year); !y) return fail(y.error());
  if (auto e = presence_error(*h, year)) return fail(Error::invalid({{"year", *e}}));
  if (note.size() > 1000 || !kernel::valid_utf8(note))
    return fail(Error::invalid({{"decision_note", "Ghi chú về quyết định dài quá 1000 ký tự."}}));
  return db::in_transaction(c, [&]() -> Result<StatusRecord> {
    auto before = status_of(c, household_id, year);
    if (!decided && !before) return fail(Error::invalid({{"decided_status", "Vui lòng chọn kết quả rà soát."}}));
    StatusRecord s = before.value_or(StatusRecord{});
    s.household_id = household_id;
    s.year = year;
    s.decided = decided;
    s.decision_note = decided ? note : "";
    s.decided_at = decided ? kernel::now_iso() : "";
    s.decided_by = decided ? actor(who) : "";
    store_status(c, s, before.has_value());
    auto after = status_of(c, household_id, year);
    audit::record(c, who,
                  {"household.decide", "household", household_id, h->village_path,
                   before ? to_json(*before) : nlohmann::json(), after ? to_json(*after) : nlohmann::json()});
    refresh_next_year(c, who, *h, year);
    if (!after) {
      // The decision was withdrawn and nothing had been classified: the year has no status any more.
      StatusRecord none;
      none.household_id = household_id;
      none.year = year;
      return none;
    }
    return *after;
  });
}

// ---- figures

Figures subtree_figures(db::Connection& c, const std::string& path, int year, bool with_villages) {
  return subtree_figures(c, org::Scope{0, path, "", {}}, year, with_villages);
}

Figures subtree_figures(db::Connection& c, const org::Scope& s, int year, bool with_villages) {
  Figures f;
  const std::string last_day = year_end(year);
  auto bound = [&](db::Params own) {
    s.bind_all(own);
    return own;
  };
  if (auto r = c.query_one(std::string(kSubtreeHouseholds) + s.all("h.village_id", "h.village_path", 3), bound({std::int64_t{year}, last_day}))) {
    f.households = r->i64(0);
    f.poor = r->i64(1);
    f.near_poor = r->i64(2);
    f.left_poverty = r->i64(3);
    f.recorded = r->i64(4);
  }
  f.recognised = c.scalar(std::string(kSubtreeRecognised) + s.all("village_id", "village_path", 2), bound({last_day}));
  if (with_villages) f.villages = c.scalar(std::string(kSubtreeVillages) + s.all("id", "path", 2), bound({last_day}));
  return f;
}

std::vector<int> status_years(db::Connection& c, const std::string& path) {
  std::vector<int> out;
  for (const auto& r : c.query(kStatusYears, {path, db::subtree_end(path)})) out.push_back(static_cast<int>(r.i64(0)));
  return out;
}

// ---- import

Result<ImportReport> plan_households(db::Connection& c, const auth::Principal& who, std::int64_t village_id,
                                     std::string_view bytes) {
  auto village = org::find_unit(c, village_id);
  if (!village) return fail(Error::not_found("Không tìm thấy thôn."));
  if (auto ok = auth::authorize(who, auth::Action::kEditHouseholds, {village->path}); !ok) return fail(ok.error());
  if (!is_village(*village))
    return fail(Error::invalid({{"unit", "Chỉ nhập được hộ gia đình vào một thôn, tổ dân phố."}}));
  ImportReport report;
  std::vector<SourceRow> rows;
  std::vector<SourceIssue> issues;
  std::vector<MergedSpan> merged;
  // Told apart by content: a name can say anything.
  const bool zip = bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4);
  const bool ole = bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("\xD0\xCF\x11\xE0", 4);
  if (zip || ole) {
    report.format = "xlsx";
    xlsx::ReadOptions options;
    options.max_rows = kMaxImportRows + 10;
    options.max_bytes = 20u * 1024u * 1024u;
    auto sheet = xlsx::read(bytes, options);
    if (!sheet) {
      report.plan.issues.push_back({0, "", sheet.error().message});
      return report;
    }
    for (auto& r : sheet->rows) rows.push_back({r.number, std::move(r.cells)});
    for (const auto& f : sheet->refused) issues.push_back({f.row, f.message});
    for (const auto& m : sheet->merged) merged.push_back({m.ref, m.first_row, m.last_row});
    // Dates typed into General cells arrive as serials: convert the registration column's numbers.
    std::size_t header = rows.size(), date_col = SIZE_MAX;
    for (std::size_t i = 0; i < rows.size() && i < 10 && header == rows.size(); ++i)
      for (std::size_t j = 0; j < rows[i].cells.size(); ++j) {
        std::string f = kernel::fold(rows[i].cells[j]);
        if (f == "ma ho" || f.rfind("ma ho ", 0) == 0) header = i;
        if (f.rfind("ngay dang ky", 0) == 0 || f.rfind("ngay lap ho", 0) == 0) date_col = j;
      }
    if (date_col != SIZE_MAX)
      for (std::size_t i = header == rows.size() ? 0 : header + 1; i < rows.size(); ++i) {
        if (date_col >= rows[i].cells.size()) continue;
        const std::string& v = rows[i].cells[date_col];
        if (v.empty() || v.find_first_not_of("0123456789.") != std::string::npos) continue;
        if (auto iso = xlsx::serial_to_iso(std::stod(v), sheet->date1904)) rows[i].cells[date_col] = iso->substr(0, 10);
      }
  } else {
    report.format = "csv";
    csv::ReadOptions options;
    options.max_rows = kMaxImportRows + 10;
    options.max_bytes = 20u * 1024u * 1024u;
    auto table = csv::read(bytes, options);
    if (!table) {
      report.plan.issues.push_back({0, "", table.error().message});
      return report;
    }
    for (auto& r : *table) rows.push_back({r.line, std::move(r.cells)});
  }
  ImportContext ctx;
  ctx.village_id = village->id;
  ctx.default_area = default_area(c, *village);
  ctx.current_year = current_year();
  ctx.existing_codes = household_codes(c, village->id);
  report.plan = plan_import(rows, issues, merged, ctx);
  return report;
}

std::vector<std::int64_t> write_planned_households(db::Connection& c, const auth::Principal& who,
                                                   const org::Unit& village, const ImportPlan& plan) {
  const std::string now = kernel::now_iso();
  std::vector<std::int64_t> ids;
  ids.reserve(plan.rows.size());
  for (const auto& row : plan.rows) {
    auto id = insert_household(c, village, row.household);
    ids.push_back(id);
    if (row.status && row.status_year) {
      // Presence at the year's end, as presence_error() checks it, from the row itself.
      const std::string end = year_end(*row.status_year);
      const std::string reg = row.household.registered_on.value_or("");
      if (!reg.empty() && reg > end) continue;
      StatusRecord s;
      s.household_id = id;
      s.year = *row.status_year;
      s.decided = row.status;
      s.decision_note = "Nhập từ tệp danh sách hộ";
      s.decided_at = now;
      s.decided_by = actor(who);
      store_status(c, s, false);
    }
  }
  return ids;
}

Result<ImportReport> import_households(db::Connection& c, const auth::Principal& who, std::int64_t village_id,
                                       std::string_view bytes, ImportMode mode) {
  auto planned = plan_households(c, who, village_id, bytes);
  if (!planned) return planned;
  ImportReport report = std::move(*planned);
  report.mode = mode;
  auto village = org::find_unit(c, village_id);
  if (report.plan.file_error() || report.plan.rows.empty()) return report;
  if (!report.plan.issues.empty() && mode == ImportMode::kAllOrNothing) return report;
  if (!village->active) {
    report.plan.issues.push_back({0, "", "Thôn đã ngừng hoạt động."});
    return report;
  }
  try {
    db::in_transaction(c, [&] {
      const std::string now = kernel::now_iso();
      for (const auto& row : report.plan.rows) {
        auto id = insert_household(c, *village, row.household);
        auto h = *find_household(c, id);
        audit::record(c, who, {"household.create", "household", id, village->path, nullptr, to_json(h)});
        if (row.status && row.status_year && !presence_error(h, *row.status_year)) {
          StatusRecord s;
          s.household_id = id;
          s.year = *row.status_year;
          s.decided = row.status;
          s.decision_note = "Nhập từ tệp danh sách hộ";
          s.decided_at = now;
          s.decided_by = actor(who);
          store_status(c, s, false);
          audit::record(
              c, who,
              {"household.decide", "household", id, village->path, nullptr, to_json(*status_of(c, id, s.year))});
        }
      }
      audit::record(c, who,
                    {"household.import",
                     "unit",
                     village->id,
                     village->path,
                     nullptr,
                     {{"format", report.format},
                      {"imported", report.plan.rows.size()},
                      {"invalid_rows", report.plan.invalid_rows},
                      {"mode", mode == ImportMode::kValidRowsOnly ? "valid_rows_only" : "all_or_nothing"}}});
    });
  } catch (const db::DbError& e) {
    // Someone added one of these codes meanwhile: nothing was written; the next try reports the row.
    if (!e.unique_violation()) throw;
    report.plan.issues.push_back(
        {0, "", "Một mã hộ trong tệp vừa được thêm vào thôn cùng lúc; chưa nhập hộ nào, hãy thử lại."});
    return report;
  }
  report.imported = report.plan.rows.size();
  return report;
}

std::string template_csv() { return "\xEF\xBB\xBF" + csv::format_row(template_header()) + "\r\n"; }

// ---- JSON

nlohmann::json to_json(const Household& h) {
  nlohmann::json members = nlohmann::json::array();
  for (const auto& m : h.members)
    members.push_back({{"full_name", m.full_name},
                       {"relation", m.relation},
                       {"birth_year", m.birth_year ? nlohmann::json(m.birth_year) : nlohmann::json()},
                       {"gender", m.gender}});
  return {{"id", h.id},
          {"village_id", h.village_id},
          {"village_name", h.village_name},
          {"code", h.code},
          {"head_name", h.head_name},
          {"head_birth_year", h.head_birth_year ? nlohmann::json(h.head_birth_year) : nlohmann::json()},
          {"head_gender", h.head_gender},
          {"ethnicity", h.ethnicity},
          {"address", h.address},
          {"area", std::string(area_code(h.area))},
          {"registered_on", h.registered_on.empty() ? nlohmann::json() : nlohmann::json(h.registered_on)},
          {"ended_on", h.ended_on.empty() ? nlohmann::json() : nlohmann::json(h.ended_on)},
          {"ended_reason", h.ended_reason},
          {"note", h.note},
          {"members", members},
          {"url", "/households/" + std::to_string(h.id)}};
}

nlohmann::json to_json(const HouseholdRow& r) {
  return {{"id", r.id},
          {"code", r.code},
          {"head_name", r.head_name},
          {"address", r.address},
          {"size", r.size},
          {"status", r.status ? nlohmann::json(std::string(status_code(*r.status))) : nlohmann::json()},
          {"ended", r.ended},
          {"url", "/households/" + std::to_string(r.id)}};
}

nlohmann::json to_json(const StatusRecord& s) {
  nlohmann::json classified, decided;
  if (s.computed)
    classified = {{"standard_id", s.standard_id},
                  {"standard", s.standard_name},
                  {"income", s.income ? nlohmann::json(*s.income) : nlohmann::json()},
                  {"lacking", s.lacking},
                  {"status", std::string(status_code(*s.computed))},
                  {"reason", s.computed_reason},
                  {"at", s.classified_at},
                  {"by", s.classified_by}};
  if (s.decided)
    decided = {{"status", std::string(status_code(*s.decided))},
               {"note", s.decision_note},
               {"at", s.decided_at},
               {"by", s.decided_by}};
  bool any = s.computed || s.decided;
  return {{"household_id", s.household_id},
          {"year", s.year},
          {"status", any ? nlohmann::json(std::string(status_code(s.status))) : nlohmann::json()},
          {"status_label", any ? std::string(status_label(s.status)) : std::string()},
          {"classified", classified},
          {"decided", decided}};
}

nlohmann::json to_json(const PovertyStandard& s) {
  nlohmann::json indicators = nlohmann::json::array();
  for (const auto& i : s.indicators)
    indicators.push_back({{"code", i.code}, {"dimension", i.dimension}, {"name", i.name}, {"threshold", i.threshold}});
  return {{"id", s.id},
          {"code", s.code},
          {"name", s.name},
          {"legal_basis", s.legal_basis},
          {"from_year", s.from_year},
          {"to_year", s.to_year},
          {"rural_line", s.rural_line},
          {"urban_line", s.urban_line},
          {"min_lacking", s.min_lacking},
          {"note", s.note},
          {"indicators", indicators}};
}

nlohmann::json to_json(const ImportReport& r) {
  nlohmann::json issues = nlohmann::json::array();
  for (const auto& i : r.plan.issues)
    issues.push_back({{"line", i.line}, {"column", i.column}, {"message", i.message}});
  return {
      {"format", r.format},       {"mode", r.mode == ImportMode::kValidRowsOnly ? "valid_rows_only" : "all_or_nothing"},
      {"rows", r.plan.data_rows}, {"invalid_rows", r.plan.invalid_rows},
      {"imported", r.imported},   {"ignored_columns", r.plan.ignored_columns},
      {"issues", issues}};
}

}  // namespace ct05::villages
