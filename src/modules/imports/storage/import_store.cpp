#include "modules/imports/storage/import_store.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstring>

#include "kernel/clock.hpp"
#include "kernel/text.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/villages/storage/household_store.hpp"
#include "platform/audit/audit.hpp"
#include "platform/html/view.hpp"
#include "platform/progress/progress.hpp"
#include "platform/auth/crypto.hpp"
#include "platform/changes/changes.hpp"
#include "platform/csv/csv_reader.hpp"
#include "platform/exports/exports.hpp"
#include "platform/files/file_store.hpp"
#include "platform/search/search.hpp"

namespace ct05::imports {

namespace {

constexpr const char* kInsertImport =
    "INSERT INTO imports (kind, unit_id, unit_path, owner_user_id, owner_name, file_name, format, file_sha256, "
    "file_base64, status, data_rows, valid_rows, invalid_rows, issue_count, file_error, ignored_columns, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', $10, $11, $12, $13, $14, $15, $16) RETURNING id";
constexpr const char* kSelectImport =
    "SELECT i.id, i.kind, i.unit_id, u.path, u.name, u.code, i.owner_user_id, i.owner_name, i.file_name, i.format, "
    "i.file_sha256, i.status, i.data_rows, i.valid_rows, i.invalid_rows, i.issue_count, i.file_error, "
    "i.ignored_columns, i.mode, i.imported, i.created_at, i.committed_at FROM imports i JOIN units u ON u.id = "
    "i.unit_id "
    "WHERE i.id = $1";
constexpr const char* kSelectFile = "SELECT file_base64 FROM imports WHERE id = $1";
constexpr const char* kSelectIssues =
    "SELECT line, column_name, message FROM import_issues WHERE import_id = $1 ORDER BY id LIMIT $2 OFFSET $3";
constexpr const char* kDeleteIssues = "DELETE FROM import_issues WHERE import_id = $1";
constexpr const char* kUpdateCounts =
    "UPDATE imports SET data_rows = $2, valid_rows = $3, invalid_rows = $4, issue_count = $5, file_error = $6, "
    "ignored_columns = $7 WHERE id = $1";
// Only a pending import commits, once: two commits at once find one row to change between them.
constexpr const char* kMarkCommitted =
    "UPDATE imports SET status = 'committed', mode = $2, imported = $3, committed_at = $4 WHERE id = $1 AND status = "
    "'pending'";
constexpr const char* kUnitsByCode = "SELECT id, code, name, kind, path, active FROM units WHERE code IN ";
constexpr const char* kIdNumbersIn = "SELECT id_number FROM persons WHERE id_number IN ";
constexpr const char* kPartyCardsIn = "SELECT party_card_no FROM persons WHERE party_card_no IN ";
// The same statements as the org module's create_unit (the path needs the id, so it is set at once).
constexpr const char* kInsertUnit =
    "INSERT INTO units (code, name, sort_name, kind, parent_id, path, depth, valid_from, valid_to, territory_id, "
    "active, "
    "note, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, '', $6, $7, NULL, NULL, 1, $8, $9, $9) RETURNING id";
constexpr const char* kSetUnitPath = "UPDATE units SET path = $1 WHERE id = $2";
constexpr const char* kSetTerritory = "UPDATE units SET territory_id = $1 WHERE id = $2";
constexpr const char* kMaxId = "SELECT COALESCE(MAX(id), 0) FROM ";

constexpr std::size_t kChunk = 500;

std::string base64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

std::string unbase64(const std::string& text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    throw std::runtime_error("import: stored file is not base64");
  out.resize(len);
  return out;
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

Import import_from(const db::Row& r) {
  Import i;
  i.id = r.i64(0);
  i.kind = kind_from_code(r.str(1)).value_or(Kind::kPeople);
  i.unit_id = r.i64(2);
  i.unit_path = r.str(3);
  i.unit_name = r.str(4);
  i.unit_code = r.str(5);
  i.owner_user_id = r.i64(6);
  i.owner_name = r.str(7);
  i.file_name = r.str(8);
  i.format = r.str(9);
  i.file_sha256 = r.str(10);
  i.committed = r.str(11) == "committed";
  i.data_rows = r.i64(12);
  i.valid_rows = r.i64(13);
  i.invalid_rows = r.i64(14);
  i.issue_count = r.i64(15);
  i.file_error = r.i64(16) != 0;
  for (const auto& line : kernel::lines_of(r.str(17)))
    if (!line.empty()) i.ignored_columns.push_back(line);
  i.mode = r.str(18);
  i.imported = r.i64(19);
  i.created_at = r.str(20);
  i.committed_at = r.str(21);
  return i;
}

KnownUnit known_from(const org::Unit& u) { return KnownUnit{u.id, u.code, u.name, u.kind, u.path, u.active}; }

// Units named by any of the codes, looked up in chunks of bound parameters.
std::map<std::string, KnownUnit> units_by_code(db::Connection& c, const std::set<std::string>& codes) {
  std::map<std::string, KnownUnit> out;
  std::vector<std::string> v(codes.begin(), codes.end());
  for (std::size_t at = 0; at < v.size(); at += kChunk) {
    std::size_t n = std::min(kChunk, v.size() - at);
    db::Params p(v.begin() + static_cast<std::ptrdiff_t>(at), v.begin() + static_cast<std::ptrdiff_t>(at + n));
    for (const auto& r : c.query(std::string(kUnitsByCode) + db::placeholders(n), p))
      out[r.str(1)] = KnownUnit{r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4), r.i64(5) != 0};
  }
  return out;
}

std::set<std::string> existing_values(db::Connection& c, const char* sql, const std::set<std::string>& values) {
  std::set<std::string> out;
  std::vector<std::string> v(values.begin(), values.end());
  for (std::size_t at = 0; at < v.size(); at += kChunk) {
    std::size_t n = std::min(kChunk, v.size() - at);
    db::Params p(v.begin() + static_cast<std::ptrdiff_t>(at), v.begin() + static_cast<std::ptrdiff_t>(at + n));
    for (const auto& r : c.query(std::string(sql) + db::placeholders(n), p)) out.insert(r.str(0));
  }
  return out;
}

int current_year() { return std::stoi(kernel::today_iso().substr(0, 4)); }

// Every kind planned the same way: what the preview and the commit share.
struct Planned {
  std::string format;
  Outcome outcome;
  std::size_t valid = 0;
  UnitsPlan units;
  PeoplePlan people;
  villages::ImportReport households;
};

Result<Planned> plan(db::Connection& c, const auth::Principal& who, Kind kind, const org::Unit& unit,
                     std::string_view bytes) {
  Planned p;
  if (kind == Kind::kHouseholds) {
    auto r = villages::plan_households(c, who, unit.id, bytes);
    if (!r) return fail(r.error());
    p.format = r->format;
    p.outcome.issues = r->plan.issues;
    p.outcome.data_rows = r->plan.data_rows;
    p.outcome.invalid_rows = r->plan.invalid_rows;
    p.outcome.ignored_columns = r->plan.ignored_columns;
    p.valid = r->plan.rows.size();
    p.households = std::move(*r);
    return p;
  }
  Table t = read_table(bytes);
  p.format = t.format;
  if (kind == Kind::kUnits) {
    UnitsContext ctx;
    ctx.root = known_from(unit);
    ctx.known = units_by_code(c, unit_codes_in(t, kind));
    p.units = plan_units(t, ctx);
    p.outcome = p.units;
    p.valid = p.units.rows.size();
  } else {
    PeopleContext ctx;
    ctx.root = known_from(unit);
    ctx.known = units_by_code(c, unit_codes_in(t, kind));
    ctx.current_year = current_year();
    ctx.today = kernel::today_iso();
    ctx.sensitive_allowed = auth::allowed(who, auth::Action::kViewPersonSensitive, {unit.path});
    ctx.existing_id_numbers = existing_values(c, kIdNumbersIn, person_numbers_in(t, "id_number"));
    ctx.existing_party_cards = existing_values(c, kPartyCardsIn, person_numbers_in(t, "party_card_no"));
    p.people = plan_people(t, ctx);
    p.outcome = p.people;
    p.valid = p.people.rows.size();
  }
  return p;
}

// The import's unit with the permission of creating such records by hand, and the right kind of unit.
Result<org::Unit> target_unit(db::Connection& c, const auth::Principal& who, Kind kind, std::int64_t unit_id) {
  auto u = org::find_unit(c, unit_id);
  if (!u) return fail(Error::not_found("Không tìm thấy đơn vị."));
  if (auto ok = auth::authorize(who, action_for(kind), {u->path}); !ok) return fail(ok.error());
  if (kind == Kind::kHouseholds && !villages::is_village(*u))
    return fail(Error::invalid({{"unit", "Chỉ nhập được hộ gia đình vào một thôn, tổ dân phố."}}));
  return *u;
}

void store_outcome(db::Connection& c, std::int64_t id, const Planned& p) {
  const auto& o = p.outcome;
  c.exec(kDeleteIssues, {id});
  std::vector<std::vector<db::Value>> rows;
  rows.reserve(o.issues.size());
  // The file's problems first, then the rows' in the file's order.
  std::vector<const ImportIssue*> sorted;
  for (const auto& i : o.issues) sorted.push_back(&i);
  std::stable_sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->line < b->line; });
  for (auto* i : sorted) rows.push_back({id, static_cast<std::int64_t>(i->line), i->column, i->message});
  if (!rows.empty()) c.bulk_insert("import_issues", {"import_id", "line", "column_name", "message"}, rows);
  c.exec(kUpdateCounts, {id, static_cast<std::int64_t>(o.data_rows), static_cast<std::int64_t>(p.valid),
                         static_cast<std::int64_t>(o.invalid_rows), static_cast<std::int64_t>(o.issues.size()),
                         std::int64_t{o.file_error() ? 1 : 0}, join(o.ignored_columns, "\n")});
}

// Ids for n new rows of a table, taken inside the write transaction. PostgreSQL: from the identity's sequence;
// SQLite: above the largest id and the AUTOINCREMENT counter (the transaction holds the write lock).
std::vector<std::int64_t> allocate_ids(db::Connection& c, const std::string& table, std::size_t n) {
  std::vector<std::int64_t> ids;
  ids.reserve(n);
  if (n == 0) return ids;
  if (c.engine() == db::Engine::kPostgres) {
    for (const auto& r : c.query("SELECT nextval(pg_get_serial_sequence($2, 'id')) FROM generate_series(1, CAST($1 AS INTEGER))",
                                 {static_cast<std::int64_t>(n), table}))
      ids.push_back(r.i64(0));
  } else {
    std::int64_t top = c.scalar(std::string(kMaxId) + table);
    top = std::max(top, c.scalar("SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = $1", {table}));
    for (std::size_t i = 1; i <= n; ++i) ids.push_back(top + static_cast<std::int64_t>(i));
  }
  return ids;
}

// After a bulk load PostgreSQL still plans with the statistics of the table before it (a few rows): its next joins
// over the table (the tallies' recount in this very transaction, cached prepared plans) would pick nested loops over
// 100,000 rows. ANALYZE (allowed in a transaction, and it invalidates cached plans) brings them up to date.
void analyze_after_bulk(db::Connection& c, std::size_t rows, const std::vector<std::string>& tables) {
  if (c.engine() != db::Engine::kPostgres || rows < 1000) return;
  for (const auto& t : tables) c.exec_script("ANALYZE " + t);  // names from the program, never from input
}

// Vietnamese lists sort by the given name (the last word), then by the whole name (as people::create_person).
std::string person_sort_name(const std::string& full_name) {
  std::string f = kernel::fold(full_name);
  auto sp = f.rfind(' ');
  return sp == std::string::npos ? f : f.substr(sp + 1) + " " + f;
}

db::Value text_or_null(const std::optional<std::string>& s) { return s && !s->empty() ? db::Value{*s} : db::Value{}; }

// Units: few per file, each with its own unit.create entry like a unit made by hand.
std::vector<std::int64_t> write_units(db::Connection& c, const auth::Principal& who, const org::Unit& root,
                                      const UnitsPlan& plan) {
  std::map<std::string, std::pair<std::int64_t, std::string>> made;  // code → id, path
  std::map<std::string, int> depth_of;
  std::vector<std::int64_t> ids;
  const std::string now = kernel::now_iso(), today = kernel::today_iso();
  std::set<std::string> codes;
  for (const auto& r : plan.rows) {
    if (!r.parent_code.empty()) codes.insert(r.parent_code);
    if (r.input.territory_code) codes.insert(*r.input.territory_code);
  }
  auto known = units_by_code(c, codes);
  for (const auto& r : plan.rows) {
    std::int64_t parent_id = root.id;
    std::string parent_path = root.path;
    int depth = root.depth + 1;
    if (!r.parent_code.empty() && r.parent_code != root.code) {
      if (auto m = made.find(r.parent_code); m != made.end()) {
        parent_id = m->second.first;
        parent_path = m->second.second;
        depth = depth_of[r.parent_code] + 1;
      } else {
        const auto& k = known.at(r.parent_code);
        parent_id = k.id;
        parent_path = k.path;
        // "/1/4/" is a unit of depth 1, whose children are of depth 2.
        depth = static_cast<int>(std::count(k.path.begin(), k.path.end(), '/')) - 1;
      }
    }
    org::Unit u;
    u.code = *r.input.code;
    u.name = *r.input.name;
    u.kind = *r.input.kind;
    u.parent_id = parent_id;
    u.depth = depth;
    u.valid_from = r.input.valid_from && !r.input.valid_from->empty() ? *r.input.valid_from : today;
    u.note = r.input.note.value_or("");
    u.id = c.query_one(kInsertUnit, {u.code, u.name, kernel::fold(u.name), u.kind, u.parent_id, std::int64_t{u.depth},
                                     u.valid_from, u.note, now})
               ->i64(0);
    u.path = parent_path + std::to_string(u.id) + "/";
    c.exec(kSetUnitPath, {u.path, u.id});
    made[u.code] = {u.id, u.path};
    depth_of[u.code] = u.depth;
    ids.push_back(u.id);
  }
  // Territories once every unit of the file exists (a cell may name a village made further down).
  for (const auto& r : plan.rows) {
    if (!r.input.territory_code) continue;
    std::int64_t tid = 0;
    if (auto m = made.find(*r.input.territory_code); m != made.end())
      tid = m->second.first;
    else if (auto k = known.find(*r.input.territory_code); k != known.end())
      tid = k->second.id;
    if (tid) c.exec(kSetTerritory, {tid, made.at(*r.input.code).first});
  }
  for (auto id : ids) {
    auto u = c.query_one(
        "SELECT id, code, name, kind, parent_id, path, depth, valid_from, valid_to, territory_id, active, note FROM "
        "units WHERE id = $1",
        {id});
    org::Unit unit{u->i64(0), u->str(1), u->str(2), u->str(3),       u->i64(4), u->str(5), static_cast<int>(u->i64(6)),
                   u->str(7), u->str(8), u->i64(9), u->i64(10) != 0, u->str(11)};
    search::put(c, search::Document{"unit", unit.id, unit.path, unit.name,
                                    unit.code + " " + std::string(org::kind_label(unit.kind))});
    audit::record(c, who, {"unit.create", "unit", unit.id, unit.path, nullptr, org::to_json(unit)});
  }
  changes::units_changed(c, ids);
  return ids;
}

// People: loaded in bulk (COPY on PostgreSQL, one prepared INSERT on SQLite) with ids taken first, so a file of
// 100,000 rows is three bulk loads instead of 400,000 statements.
std::vector<std::int64_t> write_people(db::Connection& c, const PeoplePlan& plan) {
  const std::string now = kernel::now_iso(), today = kernel::today_iso();
  auto ids = allocate_ids(c, "persons", plan.rows.size());
  std::vector<std::vector<db::Value>> persons, memberships, search_rows;
  persons.reserve(ids.size());
  memberships.reserve(ids.size());
  search_rows.reserve(ids.size());
  std::set<std::int64_t> units;
  for (std::size_t i = 0; i < plan.rows.size(); ++i) {
    const auto& r = plan.rows[i];
    const auto& in = r.input;
    const std::string name = *in.full_name, position = in.position.value_or("");
    persons.push_back({ids[i], name, person_sort_name(name), in.gender.value_or(""),
                       in.birth_year && *in.birth_year ? db::Value{std::int64_t{*in.birth_year}} : db::Value{},
                       in.ethnicity.value_or(""), in.phone.value_or(""), in.id_number.value_or(""),
                       std::int64_t{in.is_party_member.value_or(false) ? 1 : 0}, in.party_card_no.value_or(""),
                       text_or_null(in.party_join_date), in.cadre_status.value_or(""), position, in.note.value_or(""),
                       std::int64_t{1}, now, now});
    memberships.push_back({ids[i], *in.unit_id, position, in.member_since.value_or(today)});
    search_rows.push_back({std::string("person"), ids[i], r.unit_path, name, kernel::fold(name),
                           kernel::fold(name + " " + position + " " + r.unit_name)});
    units.insert(*in.unit_id);
  }
  c.bulk_insert(
      "persons",
      {"id", "full_name", "sort_name", "gender", "birth_year", "ethnicity", "phone", "id_number", "is_party_member",
       "party_card_no", "party_join_date", "cadre_status", "position", "note", "active", "created_at", "updated_at"},
      persons);
  c.bulk_insert("memberships", {"person_id", "unit_id", "position", "valid_from"}, memberships);
  c.bulk_insert("search_items", {"kind", "ref_id", "unit_path", "title", "title_folded", "folded"}, search_rows);
  analyze_after_bulk(c, ids.size(), {"persons", "memberships", "search_items"});
  changes::units_changed(c, std::vector<std::int64_t>(units.begin(), units.end()));
  return ids;
}

}  // namespace

auth::Action action_for(Kind k) {
  switch (k) {
    case Kind::kUnits:
      return auth::Action::kCreateUnit;
    case Kind::kPeople:
      return auth::Action::kEditPerson;
    case Kind::kHouseholds:
      return auth::Action::kEditHouseholds;
  }
  return auth::Action::kCreateUnit;
}

Result<Import> preview(db::Connection& c, const auth::Principal& who, Kind kind, std::int64_t unit_id,
                       std::string_view file_name, std::string_view bytes) {
  auto unit = target_unit(c, who, kind, unit_id);
  if (!unit) return fail(unit.error());
  if (bytes.empty()) return fail(Error::invalid({{"file", "Vui lòng chọn tệp (.xlsx hoặc .csv)."}}));
  if (bytes.size() > kMaxBytes) return fail(Error::invalid({{"file", "Tệp lớn quá 20 MB; hãy chia thành nhiều tệp."}}));
  auto planned = plan(c, who, kind, *unit, bytes);
  if (!planned) return fail(planned.error());
  std::string name = files::clean_file_name(file_name);  // no folders, no control characters, ≤ 120 bytes
  std::int64_t id = db::in_transaction(c, [&] {
    auto row = c.query_one(kInsertImport,
                           {std::string(kind_code(kind)), unit->id, unit->path, who.user_id, who.actor(), name,
                            planned->format, auth::sha256_hex(bytes), base64(bytes), std::int64_t{0}, std::int64_t{0},
                            std::int64_t{0}, std::int64_t{0}, std::int64_t{0}, std::string(), kernel::now_iso()});
    std::int64_t new_id = row->i64(0);
    store_outcome(c, new_id, *planned);
    return new_id;
  });
  return get_import(c, who, id);
}

Result<Import> get_import(db::Connection& c, const auth::Principal& who, std::int64_t id) {
  auto r = c.query_one(kSelectImport, {id});
  if (!r) return fail(Error::not_found("Không tìm thấy lần nhập này."));
  Import i = import_from(*r);
  if (i.owner_user_id != who.user_id) return fail(Error::not_found("Không tìm thấy lần nhập này."));
  return i;
}

std::vector<Issue> issues(db::Connection& c, std::int64_t import_id, int limit, int offset) {
  std::vector<Issue> out;
  for (const auto& r : c.query(kSelectIssues, {import_id, std::int64_t{limit}, std::int64_t{offset}}))
    out.push_back({r.i64(0), r.str(1), r.str(2)});
  return out;
}

Result<Import> commit(db::Connection& c, const auth::Principal& who, std::int64_t id, CommitMode mode) {
  auto current = get_import(c, who, id);
  if (!current) return current;
  auto unit = target_unit(c, who, current->kind, current->unit_id);
  if (!unit) return fail(unit.error());
  if (current->committed) return fail(Error::conflict("Tệp này đã được nhập rồi; không nhập lại lần thứ hai."));
  if (!unit->active) return fail(Error::conflict("Đơn vị " + unit->name + " đã ngừng hoạt động."));
  // The preview page polls this while the commit runs (platform/progress).
  progress::Scope job("import:" + std::to_string(id));
  job.stage("Đang đọc lại tệp và kiểm tra " + html::number_vn(current->data_rows) + " dòng", 1, 3);
  std::string bytes = unbase64(c.query_one(kSelectFile, {id})->str(0));
  auto planned = plan(c, who, current->kind, *unit, bytes);
  if (!planned) return fail(planned.error());
  const auto& o = planned->outcome;
  auto refuse = [&](std::string message) -> Result<Import> {
    // The preview shows what the commit found.
    db::in_transaction(c, [&] { store_outcome(c, id, *planned); });
    return fail(Error::invalid({{"rows", message}}, message));
  };
  if (o.file_error()) return refuse("Tệp không nhập được; xem các lỗi bên dưới.");
  if (planned->valid == 0) return refuse("Không có dòng hợp lệ nào để nhập.");
  if (o.invalid_rows > 0 && mode == CommitMode::kAllOrNothing)
    return refuse("Tệp có " + std::to_string(o.invalid_rows) +
                  " dòng lỗi nên chưa nhập dòng nào. Sửa tệp rồi tải lên lại, hoặc chọn chỉ nhập các dòng hợp lệ.");
  const std::string mode_code = mode == CommitMode::kValidRowsOnly ? "valid_rows_only" : "all_or_nothing";
  try {
    job.stage("Đang ghi " + html::number_vn(static_cast<long long>(planned->valid)) + " dòng vào cơ sở dữ liệu", 2, 3);
    bool done = db::in_transaction(c, [&] {
      store_outcome(c, id, *planned);
      if (c.exec(kMarkCommitted, {id, mode_code, static_cast<std::int64_t>(planned->valid), kernel::now_iso()}) != 1)
        return false;
      std::vector<std::int64_t> ids;
      switch (current->kind) {
        case Kind::kUnits:
          ids = write_units(c, who, *unit, planned->units);
          break;
        case Kind::kPeople:
          ids = write_people(c, planned->people);
          break;
        case Kind::kHouseholds:
          ids = villages::write_planned_households(c, who, *unit, planned->households.plan);
          analyze_after_bulk(c, ids.size(), {"households", "household_members", "household_statuses"});
          break;
      }
      job.stage("Đang lưu nhật ký và hoàn tất", 3, 3);
      std::int64_t first = ids.empty() ? 0 : *std::min_element(ids.begin(), ids.end());
      std::int64_t last = ids.empty() ? 0 : *std::max_element(ids.begin(), ids.end());
      audit::record(c, who,
                    {"import.commit",
                     "import",
                     id,
                     unit->path,
                     nullptr,
                     {{"kind", std::string(kind_code(current->kind))},
                      {"unit", unit->code},
                      {"file_name", current->file_name},
                      {"file_sha256", current->file_sha256},
                      {"format", planned->format},
                      {"data_rows", o.data_rows},
                      {"imported", ids.size()},
                      {"invalid_rows", o.invalid_rows},
                      {"mode", mode_code},
                      {"first_id", first},
                      {"last_id", last},
                      {"ids", ids.size() <= 1000 ? nlohmann::json(ids) : nlohmann::json()}}});
      return true;
    });
    if (!done) return fail(Error::conflict("Tệp này đã được nhập rồi; không nhập lại lần thứ hai."));
  } catch (const db::DbError& e) {
    if (!e.unique_violation()) throw;
    // Someone added one of these codes meanwhile: nothing was written; the next preview reports the row.
    return fail(Error::conflict("Một mã trong tệp vừa được thêm vào cùng lúc; chưa nhập dòng nào, hãy thử lại."));
  }
  return get_import(c, who, id);
}

std::vector<ColumnHelp> column_help(Kind k) {
  std::vector<ColumnHelp> out;
  for (const auto& col : columns_of(k)) {
    ColumnHelp h{col.header, col.required, col.help};
    if (k == Kind::kUnits && col.key == "kind") {
      std::string labels;
      for (const auto& kind : org::unit_kinds()) labels += (labels.empty() ? "" : ", ") + std::string(kind.label);
      h.help = "Bắt buộc; một trong: " + labels + ".";
    }
    if (k == Kind::kPeople && col.key == "cadre_status") {
      std::string labels;
      for (const auto& [code, label] : people::cadre_statuses())
        labels += (labels.empty() ? "" : ", ") + std::string(label);
      h.help = "Một trong: " + labels + ".";
    }
    out.push_back(std::move(h));
  }
  return out;
}

namespace {
std::vector<xlsx::Table> template_tables(Kind k) {
  xlsx::Table sample;
  sample.name = "Mẫu";
  for (const auto& col : columns_of(k)) sample.columns.push_back({col.header, 22});
  std::vector<xlsx::Cell> row;
  for (const auto& v : example_row(k)) row.push_back(v.empty() ? xlsx::Cell{} : xlsx::Cell{v});
  sample.rows.push_back(row);
  xlsx::Table help;
  help.name = "Hướng dẫn";
  help.columns = {{"Cột", 26}, {"Bắt buộc", 10}, {"Cách ghi", 90}};
  for (const auto& h : column_help(k))
    help.rows.push_back(
        {h.header, std::string(h.required ? "Có" : ""), h.help.empty() ? xlsx::Cell{} : xlsx::Cell{h.help}});
  help.rows.push_back({std::string("Lưu ý"), xlsx::Cell{},
                       std::string("Mỗi dòng một bản ghi, không gộp ô, không dùng công thức; có thể xóa dòng ví dụ. "
                                   "Tối đa 100.000 dòng trong một tệp.")});
  return {sample, help};
}
}  // namespace

std::string template_xlsx(Kind k) { return xlsx::write(template_tables(k)); }

std::string template_csv(Kind k) { return exports::csv(template_tables(k).front()); }

nlohmann::json to_json(const Import& i) {
  return {{"id", i.id},
          {"kind", std::string(kind_code(i.kind))},
          {"unit", {{"id", i.unit_id}, {"code", i.unit_code}, {"name", i.unit_name}}},
          {"file_name", i.file_name},
          {"format", i.format},
          {"file_sha256", i.file_sha256},
          {"status", i.committed ? "committed" : "pending"},
          {"data_rows", i.data_rows},
          {"valid_rows", i.valid_rows},
          {"invalid_rows", i.invalid_rows},
          {"issue_count", i.issue_count},
          {"file_error", i.file_error},
          {"ignored_columns", i.ignored_columns},
          {"mode", i.mode.empty() ? nlohmann::json() : nlohmann::json(i.mode)},
          {"imported", i.imported},
          {"created_at", i.created_at},
          {"committed_at", i.committed_at.empty() ? nlohmann::json() : nlohmann::json(i.committed_at)},
          {"url", "/imports/" + std::to_string(i.id)}};
}

nlohmann::json to_json(const Issue& i) { return {{"line", i.line}, {"column", i.column}, {"message", i.message}}; }

}  // namespace ct05::imports
