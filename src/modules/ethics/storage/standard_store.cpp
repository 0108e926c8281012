#include "modules/ethics/storage/standard_store.hpp"

#include "kernel/clock.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "platform/audit/audit.hpp"

namespace ct05::ethics {

namespace {

// A version with its unit and whether it is the unit's highest (the one in force).
constexpr const char* kSelectStandard =
    "SELECT s.id, s.unit_id, s.version, s.title, s.body, s.note, s.published_at, s.published_by, u.name, u.path, "
    "(SELECT MAX(s2.version) FROM ethics_standards s2 WHERE s2.unit_id = s.unit_id) "
    "FROM ethics_standards s JOIN units u ON u.id = s.unit_id ";
constexpr const char* kNextVersion = "SELECT COALESCE(MAX(version), 0) + 1 FROM ethics_standards WHERE unit_id = $1";
constexpr const char* kInsertStandard =
    "INSERT INTO ethics_standards (unit_id, version, title, body, note, published_at, published_by) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";

// Who must acknowledge a unit's standards: active people with a current membership anywhere in its subtree
// ($1, $2: the subtree's range). The same conditions in every query below, so counts and lists agree.
constexpr const char* kMembersOfSubtree =
    "FROM memberships m JOIN persons p ON p.id = m.person_id JOIN units u ON u.id = m.unit_id "
    "WHERE m.valid_to IS NULL AND p.active = 1 AND u.path >= $1 AND u.path < $2 ";
// The person's membership inside the subtree ($3: the person): its unit's path says where an acknowledgement
// happened, so the officers of the person's own unit see it in their audit log too.
constexpr const char* kMembershipPath = "SELECT u.path ";
constexpr const char* kMembershipOfPerson = "AND m.person_id = $3 ORDER BY m.valid_from DESC, m.id DESC LIMIT 1";
constexpr const char* kTally =
    "SELECT COUNT(DISTINCT p.id), COUNT(DISTINCT a.person_id) "
    "FROM memberships m JOIN persons p ON p.id = m.person_id JOIN units u ON u.id = m.unit_id "
    "LEFT JOIN ethics_acknowledgements a ON a.person_id = p.id AND a.standard_id = $3 "
    "WHERE m.valid_to IS NULL AND p.active = 1 AND u.path >= $1 AND u.path < $2";
constexpr const char* kPendingColumns = "SELECT p.id, p.full_name, p.position, u.id, u.name ";
constexpr const char* kPendingRest =
    "AND NOT EXISTS (SELECT 1 FROM ethics_acknowledgements a WHERE a.standard_id = $3 AND a.person_id = p.id) "
    "ORDER BY p.sort_name, p.id LIMIT $4 OFFSET $5";

constexpr const char* kSelectAcknowledgement =
    "SELECT id, standard_id, person_id, acknowledged_at FROM ethics_acknowledgements "
    "WHERE standard_id = $1 AND person_id = $2";
constexpr const char* kInsertAcknowledgement =
    "INSERT INTO ethics_acknowledgements (standard_id, person_id, acknowledged_at) VALUES ($1, $2, $3) RETURNING id";
// The versions in force of the units listed (appended IN list, from $2) that person $1 has not acknowledged.
constexpr const char* kAwaiting =
    "AND s.version = (SELECT MAX(s2.version) FROM ethics_standards s2 WHERE s2.unit_id = s.unit_id) "
    "AND NOT EXISTS (SELECT 1 FROM ethics_acknowledgements a WHERE a.standard_id = s.id AND a.person_id = $1) "
    "ORDER BY u.depth DESC, s.id";
constexpr const char* kPersonUnits =
    "SELECT u.path FROM memberships m JOIN persons p ON p.id = m.person_id JOIN units u ON u.id = m.unit_id "
    "WHERE m.person_id = $1 AND m.valid_to IS NULL AND p.active = 1";

constexpr const char* kNewerVersion = "Đã có phiên bản mới hơn, vui lòng đọc và xác nhận phiên bản hiện hành.";

Standard standard_from(const db::Row& r) {
  Standard s;
  s.id = r.i64(0);
  s.unit_id = r.i64(1);
  s.version = static_cast<int>(r.i64(2));
  s.title = r.str(3);
  s.body = r.str(4);
  s.note = r.str(5);
  s.published_at = r.str(6);
  s.published_by = r.str(7);
  s.unit_name = r.str(8);
  s.unit_path = r.str(9);
  s.current = r.i64(10) == r.i64(2);
  return s;
}

std::optional<std::string> membership_path(db::Connection& c, std::int64_t person_id, const std::string& unit_path) {
  auto r = c.query_one(std::string(kMembershipPath) + kMembersOfSubtree + kMembershipOfPerson,
                       {unit_path, db::subtree_end(unit_path), person_id});
  if (!r) return std::nullopt;
  return r->str(0);
}

// "/1/4/9/" → {1, 4, 9}.
std::vector<std::int64_t> path_ids(const std::string& path) {
  std::vector<std::int64_t> ids;
  std::int64_t n = 0;
  bool digits = false;
  for (char ch : path) {
    if (ch >= '0' && ch <= '9') {
      n = n * 10 + (ch - '0');
      digits = true;
    } else if (digits) {
      ids.push_back(n);
      n = 0;
      digits = false;
    }
  }
  return ids;
}

}  // namespace

std::optional<Standard> find_standard(db::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kSelectStandard) + "WHERE s.id = $1", {id});
  if (rows.empty()) return std::nullopt;
  return standard_from(rows.front());
}

std::optional<Standard> current_standard(db::Connection& c, std::int64_t unit_id) {
  auto rows = c.query(std::string(kSelectStandard) + "WHERE s.unit_id = $1 ORDER BY s.version DESC LIMIT 1", {unit_id});
  if (rows.empty()) return std::nullopt;
  return standard_from(rows.front());
}

std::vector<Standard> history(db::Connection& c, std::int64_t unit_id) {
  std::vector<Standard> out;
  for (const auto& r :
       c.query(std::string(kSelectStandard) + "WHERE s.unit_id = $1 ORDER BY s.version DESC", {unit_id}))
    out.push_back(standard_from(r));
  return out;
}

Result<void> may_read(db::Connection& c, const auth::Principal& who, const org::Unit& u) {
  auto ok = auth::authorize(who, auth::Action::kViewPlan, {u.path});
  if (ok) return ok;
  // Members read what they are asked to acknowledge, whatever their grants; the permission function decides
  // that the person is the principal's own, the membership says they are inside the subtree.
  if (who.person_id != 0 && auth::allowed(who, auth::Action::kAcknowledgeEthics, {u.path, who.person_id}) &&
      must_acknowledge(c, who.person_id, u.path))
    return {};
  return ok;
}

Result<org::Unit> readable_unit(db::Connection& c, const auth::Principal& who, std::int64_t unit_id) {
  auto u = org::find_unit(c, unit_id);
  if (!u) return fail(Error::not_found("Không tìm thấy đơn vị."));
  if (auto ok = may_read(c, who, *u); !ok) return fail(ok.error());
  return *u;
}

Result<Standard> get_standard(db::Connection& c, const auth::Principal& who, std::int64_t id) {
  auto s = find_standard(c, id);
  if (!s) return fail(Error::not_found("Không tìm thấy phiên bản chuẩn mực này."));
  auto u = org::find_unit(c, s->unit_id);
  if (!u) return fail(Error::not_found("Không tìm thấy đơn vị."));
  if (auto ok = may_read(c, who, *u); !ok) return fail(ok.error());
  return *s;
}

bool may_see_who(const auth::Principal& who, const std::string& unit_path) {
  return auth::allowed(who, auth::Action::kViewPerson, {unit_path});
}

Result<Standard> publish(db::Connection& c, const auth::Principal& who, const StandardInput& in,
                         const std::string& at) {
  auto unit = in.unit_id ? org::find_unit(c, *in.unit_id) : std::nullopt;
  if (!unit) return fail(Error::invalid({{"unit_id", "Vui lòng chọn đơn vị công bố chuẩn mực."}}));
  if (auto ok = auth::authorize(who, auth::Action::kPublishEthics, {unit->path}); !ok) return fail(ok.error());
  const StandardInput clean = normalized(in);
  if (auto e = validate(clean); !e.empty()) return fail(Error::invalid(std::move(e)));
  if (!unit->active) return fail(Error::invalid({{"unit_id", "Đơn vị đã ngừng hoạt động."}}));
  try {
    return db::in_transaction(c, [&]() -> Result<Standard> {
      // The next number is read in the write transaction; UNIQUE (unit_id, version) refuses a concurrent twin.
      auto version = c.scalar(kNextVersion, {unit->id});
      auto id = c.query_one(kInsertStandard, {unit->id, version, *clean.title, *clean.body, clean.note.value_or(""),
                                              at.empty() ? kernel::now_iso() : at, who.actor()})
                    ->i64(0);
      auto s = *find_standard(c, id);
      audit::record(c, who, {"ethics.publish", "ethics_standard", id, unit->path, nullptr, to_json(s)});
      return s;
    });
  } catch (const db::DbError& e) {
    if (!e.unique_violation()) throw;
    return fail(Error::conflict("Một phiên bản khác vừa được công bố cùng lúc; vui lòng tải lại trang và kiểm tra."));
  }
}

Result<Acknowledgement> acknowledge(db::Connection& c, const auth::Principal& who, std::int64_t standard_id,
                                    const std::string& at) {
  auto s = find_standard(c, standard_id);
  if (!s) return fail(Error::not_found("Không tìm thấy phiên bản chuẩn mực này."));
  // Only the person themself (the permission function), and only a member of the unit's subtree.
  if (auto ok = auth::authorize(who, auth::Action::kAcknowledgeEthics, {s->unit_path, who.person_id}); !ok)
    return fail(ok.error());
  auto where = membership_path(c, who.person_id, s->unit_path);
  if (!where)
    return fail(Error::forbidden("Bạn không sinh hoạt tại " + s->unit_name +
                                 " hay đơn vị trực thuộc, nên không cần xác nhận chuẩn mực này."));
  try {
    return db::in_transaction(c, [&]() -> Result<Acknowledgement> {
      // Checked in the write transaction, so a version published meanwhile is never acknowledged as in force;
      // an old version is refused even when the person acknowledged it back then, so they learn of the new one.
      if (!find_standard(c, s->id)->current) return fail(Error::conflict(kNewerVersion));
      if (auto a = acknowledgement_of(c, s->id, who.person_id)) return *a;  // twice is once
      Acknowledgement a{0, s->id, who.person_id, at.empty() ? kernel::now_iso() : at};
      a.id = c.query_one(kInsertAcknowledgement, {a.standard_id, a.person_id, a.acknowledged_at})->i64(0);
      audit::record(c, who,
                    {"ethics.acknowledge",
                     "ethics_standard",
                     s->id,
                     *where,
                     nullptr,
                     {{"person_id", a.person_id},
                      {"unit_id", s->unit_id},
                      {"version", s->version},
                      {"acknowledged_at", a.acknowledged_at}}});
      return a;
    });
  } catch (const db::DbError& e) {
    // Two requests of the same person at once: the first one's row is the answer to both.
    if (!e.unique_violation()) throw;
    if (auto a = acknowledgement_of(c, s->id, who.person_id)) return *a;
    throw;
  }
}

bool must_acknowledge(db::Connection& c, std::int64_t person_id, const std::string& unit_path) {
  return person_id != 0 && membership_path(c, person_id, unit_path).has_value();
}

std::optional<Acknowledgement> acknowledgement_of(db::Connection& c, std::int64_t standard_id, std::int64_t person_id) {
  auto r = c.query_one(kSelectAcknowledgement, {standard_id, person_id});
  if (!r) return std::nullopt;
  return Acknowledgement{r->i64(0), r->i64(1), r->i64(2), r->str(3)};
}

Tally tally(db::Connection& c, const Standard& s) {
  auto r = c.query_one(kTally, {s.unit_path, db::subtree_end(s.unit_path), s.id});
  return r ? Tally{r->i64(1), r->i64(0)} : Tally{};
}

std::vector<PendingPerson> pending(db::Connection& c, const Standard& s, int limit, int offset) {
  std::vector<PendingPerson> out;
  for (const auto& r :
       c.query(std::string(kPendingColumns) + kMembersOfSubtree + kPendingRest,
               {s.unit_path, db::subtree_end(s.unit_path), s.id, std::int64_t{limit}, std::int64_t{offset}}))
    out.push_back(PendingPerson{r.i64(0), r.str(1), r.str(2), r.i64(3), r.str(4)});
  return out;
}

std::vector<Standard> awaiting(db::Connection& c, std::int64_t person_id) {
  db::Params ids;
  for (const auto& r : c.query(kPersonUnits, {person_id}))
    for (auto id : path_ids(r.str(0))) ids.push_back(id);
  if (ids.empty()) return {};
  db::Params params{person_id};
  params.insert(params.end(), ids.begin(), ids.end());
  std::vector<Standard> out;
  for (const auto& r :
       c.query(std::string(kSelectStandard) + "WHERE s.unit_id IN " + db::placeholders(ids.size(), 2) + " " + kAwaiting,
               params))
    out.push_back(standard_from(r));
  return out;
}

nlohmann::json to_json(const Standard& s) {
  return {{"id", s.id},
          {"unit_id", s.unit_id},
          {"unit_name", s.unit_name},
          {"version", s.version},
          {"title", s.title},
          {"body", s.body},
          {"note", s.note},
          {"published_at", s.published_at},
          {"published_by", s.published_by},
          {"current", s.current},
          {"url", "/ethics-standards/" + std::to_string(s.id)}};
}

nlohmann::json to_json(const Acknowledgement& a) {
  return {
      {"id", a.id}, {"standard_id", a.standard_id}, {"person_id", a.person_id}, {"acknowledged_at", a.acknowledged_at}};
}

nlohmann::json to_json(const PendingPerson& p) {
  return {{"person_id", p.person_id}, {"full_name", p.full_name}, {"position", p.position},
          {"unit_id", p.unit_id},     {"unit_name", p.unit_name}, {"url", "/people/" + std::to_string(p.person_id)}};
}

}  // namespace ct05::ethics
