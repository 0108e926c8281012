#include "modules/org/storage/unit_store.hpp"

#include <mutex>

#include "kernel/clock.hpp"
#include "kernel/text.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/changes/changes.hpp"
#include "platform/db/generation_cache.hpp"
#include "platform/search/search.hpp"

namespace ct05::org {

namespace {
constexpr const char* kColumns =
    "SELECT id, code, name, kind, parent_id, path, depth, valid_from, valid_to, territory_id, active, note FROM units ";
constexpr const char* kSelectById =
    "SELECT id, code, name, kind, parent_id, path, depth, valid_from, valid_to, territory_id, active, note FROM units "
    "WHERE id = $1";
constexpr const char* kSelectByCode =
    "SELECT id, code, name, kind, parent_id, path, depth, valid_from, valid_to, territory_id, active, note FROM units "
    "WHERE code = $1";
constexpr const char* kSelectChildren =
    "SELECT id, code, name, kind, parent_id, path, depth, valid_from, valid_to, territory_id, active, note FROM units "
    "WHERE parent_id = $1 ORDER BY active DESC, sort_name, id LIMIT $2 OFFSET $3";
constexpr const char* kCountChildren = "SELECT COUNT(*) FROM units WHERE parent_id = $1";
constexpr const char* kCountActiveChildren = "SELECT COUNT(*) FROM units WHERE parent_id = $1 AND active = 1";
constexpr const char* kCountSubtree = "SELECT COUNT(*) FROM units WHERE path >= $1 AND path < $2";
// The path needs the new id, so the row is inserted with a placeholder path and fixed at once.
constexpr const char* kInsert =
    "INSERT INTO units (code, name, sort_name, kind, parent_id, path, depth, valid_from, valid_to, territory_id, active, "
    "note, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, '', $6, $7, $8, $9, 1, $10, $11, $12) RETURNING id";
constexpr const char* kSetPath = "UPDATE units SET path = $1 WHERE id = $2";
constexpr const char* kUpdate =
    "UPDATE units SET code = $1, name = $2, sort_name = $3, kind = $4, valid_from = $5, valid_to = $6, territory_id = $7, "
    "note = $8, active = $9, updated_at = $10 WHERE id = $11";
constexpr const char* kSelectGrants =
    "SELECT g.role, g.unit_id, u.path, u.name FROM grants g JOIN units u ON u.id = g.unit_id WHERE g.user_id = $1 "
    "ORDER BY u.depth, g.id";
constexpr const char* kInsertGrant = "INSERT INTO grants (user_id, role, unit_id, created_at) VALUES ($1, $2, $3, $4)";

Unit unit_from(const db::Row& r) {
  return Unit{r.i64(0), r.str(1), r.str(2), r.str(3), r.i64(4), r.str(5), static_cast<int>(r.i64(6)),
              r.str(7), r.str(8), r.i64(9), r.i64(10) != 0, r.str(11)};
}

db::Value opt_id(std::int64_t v) { return v ? db::Value{v} : db::Value{}; }
db::Value opt_text(const std::string& s) { return s.empty() ? db::Value{} : db::Value{s}; }

void index_unit(db::Connection& c, const Unit& u) {
  search::put(c, search::Document{"unit", u.id, u.path, u.name, u.code + " " + std::string(kind_label(u.kind))});
}

std::mutex g_checks_mu;
std::vector<std::pair<std::string, DeactivationCheck>>& checks() {
  static std::vector<std::pair<std::string, DeactivationCheck>> v;
  return v;
}

Result<std::int64_t> resolve_territory(db::Connection& c, const std::optional<std::string>& code, std::int64_t current) {
  if (!code) return current;
  if (code->empty()) return std::int64_t{0};
  auto t = find_unit_by_code(c, *code);
  if (!t || (t->kind != "thon" && t->kind != "xa_phuong"))
    return fail(Error::invalid({{"territory_code", "Mã địa bàn phải là mã của một thôn hoặc xã, phường đã có."}}));
  return t->id;
}

Result<Unit> save_conflict(const db::DbError& e) {
  if (e.unique_violation()) return fail(Error::invalid({{"code", "Mã đơn vị này đã được dùng cho đơn vị khác."}}));
  throw e;
}
}  // namespace

std::optional<Unit> find_unit(db::Connection& c, std::int64_t id) {
  // Every page about a unit starts here (the permission check needs its path): kept until the next write in
  // this process and at most 1 s (docs/decisions.md D15).
  static db::GenerationCache<std::int64_t, Unit> cache(std::chrono::seconds(1));
  if (auto u = cache.get(id)) return u;
  auto generation = db::write_generation();
  auto r = c.query_one(kSelectById, {id});
  if (!r) return std::nullopt;
  Unit u = unit_from(*r);
  cache.put(id, u, generation);
  return u;
}

std::optional<Unit> find_unit_by_code(db::Connection& c, const std::string& code) {
  auto r = c.query_one(kSelectByCode, {code});
  if (!r) return std::nullopt;
  return unit_from(*r);
}

std::vector<Unit> find_units(db::Connection& c, const std::vector<std::int64_t>& ids) {
  std::vector<Unit> out;
  for (auto id : ids)  // a breadcrumb is a handful of ids deep
    if (auto u = find_unit(c, id)) out.push_back(*u);
  return out;
}

std::vector<Unit> children(db::Connection& c, std::int64_t parent_id, int limit, int offset) {
  std::vector<Unit> out;
  for (const auto& r : c.query(kSelectChildren, {parent_id, std::int64_t{limit}, std::int64_t{offset}})) out.push_back(unit_from(r));
  return out;
}

std::int64_t count_children(db::Connection& c, std::int64_t parent_id) { return c.scalar(kCountChildren, {parent_id}); }
std::int64_t count_subtree(db::Connection& c, const std::string& path) {
  return c.scalar(kCountSubtree, {path, db::subtree_end(path)});
}

Result<Unit> get_unit(db::Connection& c, const auth::Principal& who, std::int64_t id, auth::Action action) {
  auto u = find_unit(c, id);
  if (!u) return fail(Error::not_found("Không tìm thấy đơn vị."));
  if (auto ok = auth::authorize(who, action, {u->path}); !ok) return fail(ok.error());
  return *u;
}

Result<Unit> get_unit_by_code(db::Connection& c, const auth::Principal& who, const std::string& code) {
  auto u = find_unit_by_code(c, code);
  if (!u) return fail(Error::not_found("Không tìm thấy đơn vị có mã " + code + "."));
  if (auto ok = auth::authorize(who, auth::Action::kViewUnit, {u->path}); !ok) return fail(ok.error());
  return *u;
}

Result<Unit> create_unit(db::Connection& c, const auth::Principal& who, const UnitInput& in) {
  // Permission before validation, so a refused caller learns nothing about the data.
  auto parent = in.parent_id ? find_unit(c, *in.parent_id) : std::nullopt;
  if (parent) {
    if (auto ok = auth::authorize(who, auth::Action::kCreateUnit, {parent->path}); !ok) return fail(ok.error());
  }
  if (auto errs = validate(in, true); !errs.empty()) return fail(Error::invalid(std::move(errs)));
  if (!parent) return fail(Error::invalid({{"parent_id", "Đơn vị cấp trên không tồn tại."}}));
  if (!parent->active) return fail(Error::invalid({{"parent_id", "Đơn vị cấp trên đã ngừng hoạt động."}}));
  return db::in_transaction(c, [&]() -> Result<Unit> {
    auto territory = resolve_territory(c, in.territory_code, 0);
    if (!territory) return fail(territory.error());
    Unit u;
    u.code = *in.code;
    u.name = *in.name;
    u.kind = *in.kind;
    u.parent_id = parent->id;
    u.depth = parent->depth + 1;
    u.valid_from = in.valid_from && !in.valid_from->empty() ? *in.valid_from : kernel::today_iso();
    u.valid_to = in.valid_to.value_or("");
    u.territory_id = *territory;
    u.note = in.note.value_or("");
    std::string now = kernel::now_iso();
    try {
      u.id = c.query_one(kInsert, {u.code, u.name, kernel::fold(u.name), u.kind, u.parent_id, std::int64_t{u.depth}, u.valid_from,
                                   opt_text(u.valid_to), opt_id(u.territory_id), u.note, now, now})
                 ->i64(0);
    } catch (const db::DbError& e) {
      return save_conflict(e);
    }
    u.path = parent->path + std::to_string(u.id) + "/";
    c.exec(kSetPath, {u.path, u.id});
    index_unit(c, u);
    changes::units_changed(c, {u.id});
    audit::record(c, who, {"unit.create", "unit", u.id, u.path, nullptr, to_json(u)});
    return u;
  });
}

Result<Unit> create_root_unit(db::Connection& c, const auth::Principal& who, const UnitInput& in) {
  UnitInput checked = in;
  checked.parent_id = 1;  // roots have no parent; satisfy the parent rule of validate()
  if (auto errs = validate(checked, true); !errs.empty()) return fail(Error::invalid(std::move(errs)));
  if (auto ok = auth::authorize(who, auth::Action::kCreateUnit, {"/"}); !ok) return fail(ok.error());
  return db::in_transaction(c, [&]() -> Result<Unit> {
    Unit u;
    u.code = *in.code;
    u.name = *in.name;
    u.kind = *in.kind;
    u.valid_from = in.valid_from && !in.valid_from->empty() ? *in.valid_from : kernel::today_iso();
    u.note = in.note.value_or("");
    std::string now = kernel::now_iso();
    try {
      u.id = c.query_one(kInsert, {u.code, u.name, kernel::fold(u.name), u.kind, db::Value{}, std::int64_t{0}, u.valid_from, db::Value{},
                                   db::Value{}, u.note, now, now})
                 ->i64(0);
    } catch (const db::DbError& e) {
      return save_conflict(e);
    }
    u.path = "/" + std::to_string(u.id) + "/";
    c.exec(kSetPath, {u.path, u.id});
    index_unit(c, u);
    changes::units_changed(c, {u.id});
    audit::record(c, who, {"unit.create", "unit", u.id, u.path, nullptr, to_json(u)});
    return u;
  });
}

Result<Unit> update_unit(db::Connection& c, const auth::Principal& who, std::int64_t id, const UnitInput& in) {
  auto before = get_unit(c, who, id, auth::Action::kEditUnit);
  if (!before) return before;
  if (auto errs = validate(in, false); !errs.empty()) return fail(Error::invalid(std::move(errs)));
  if (in.parent_id && *in.parent_id != before->parent_id)
    return fail(Error::invalid({{"parent_id", "Chuyển đơn vị sang cấp trên khác là một sự kiện sắp xếp tổ chức, không sửa trực tiếp."}}));
  return db::in_transaction(c, [&]() -> Result<Unit> {
    Unit u = *before;
    auto territory = resolve_territory(c, in.territory_code, u.territory_id);
    if (!territory) return fail(territory.error());
    if (in.code) u.code = *in.code;
    if (in.name) u.name = *in.name;
    if (in.kind) u.kind = *in.kind;
    if (in.valid_from && !in.valid_from->empty()) u.valid_from = *in.valid_from;
    if (in.valid_to) u.valid_to = *in.valid_to;
    if (!u.valid_to.empty() && u.valid_to < u.valid_from)
      return fail(Error::invalid({{"valid_to", "Ngày hết hiệu lực phải sau ngày hiệu lực."}}));
    if (in.note) u.note = *in.note;
    u.territory_id = *territory;
    try {
      c.exec(kUpdate, {u.code, u.name, kernel::fold(u.name), u.kind, u.valid_from, opt_text(u.valid_to), opt_id(u.territory_id), u.note,
                       std::int64_t{u.active ? 1 : 0}, kernel::now_iso(), u.id});
    } catch (const db::DbError& e) {
      return save_conflict(e);
    }
    index_unit(c, u);
    changes::units_changed(c, {u.id});
    audit::record(c, who, {"unit.update", "unit", u.id, u.path, to_json(*before), to_json(u)});
    return u;
  });
}

void add_deactivation_check(const std::string& key, DeactivationCheck check) {
  std::lock_guard g(g_checks_mu);
  for (auto& [k, c] : checks())
    if (k == key) {
      c = std::move(check);
      return;
    }
  checks().emplace_back(key, std::move(check));
}

Result<Unit> deactivate_unit(db::Connection& c, const auth::Principal& who, std::int64_t id, const std::string& date) {
  auto before = get_unit(c, who, id, auth::Action::kDeactivateUnit);
  if (!before) return before;
  if (!before->active) return fail(Error::conflict("Đơn vị này đã ngừng hoạt động từ trước."));
  std::string end = date.empty() ? kernel::today_iso() : date;
  if (!kernel::valid_date(end)) return fail(Error::invalid({{"valid_to", "Ngày ngừng hoạt động không hợp lệ."}}));
  if (end < before->valid_from) return fail(Error::invalid({{"valid_to", "Ngày ngừng hoạt động phải sau ngày hiệu lực."}}));
  return db::in_transaction(c, [&]() -> Result<Unit> {
    if (auto n = c.scalar(kCountActiveChildren, {id}); n > 0)
      return fail(Error::conflict("Không thể ngừng hoạt động: đơn vị còn " + std::to_string(n) +
                                  " đơn vị trực thuộc đang hoạt động. Hãy chuyển hoặc ngừng các đơn vị đó trước."));
    std::vector<DeactivationCheck> cs;
    {
      std::lock_guard g(g_checks_mu);
      for (const auto& [k, check] : checks()) cs.push_back(check);
    }
    for (const auto& check : cs)
      if (auto why = check(c, *before)) return fail(Error::conflict(*why));
    Unit u = *before;
    u.active = false;
    u.valid_to = end;
    c.exec(kUpdate, {u.code, u.name, kernel::fold(u.name), u.kind, u.valid_from, u.valid_to, opt_id(u.territory_id), u.note, std::int64_t{0},
                     kernel::now_iso(), u.id});
    index_unit(c, u);
    changes::units_changed(c, {u.id});
    audit::record(c, who, {"unit.deactivate", "unit", u.id, u.path, to_json(*before), to_json(u)});
    return u;
  });
}

void load_grants(db::Connection& c, auth::Principal& p) {
  for (const auto& r : c.query(kSelectGrants, {p.user_id})) {
    auto role = auth::parse_role(r.str(0));
    if (role) p.grants.push_back(auth::Grant{*role, r.i64(1), r.str(2), r.str(3)});
  }
}

std::optional<auth::Principal> principal_of(db::Connection& c, const std::string& login) {
  auto u = auth::find_user(c, login);
  if (!u) return std::nullopt;
  auth::Principal p;
  p.user_id = u->id;
  p.login = u->login;
  p.display_name = u->display_name;
  p.person_id = u->person_id;
  load_grants(c, p);
  return p;
}

void grant_role(db::Connection& c, const auth::Principal& who, std::int64_t user_id, auth::Role role, std::int64_t unit_id) {
  auto u = find_unit(c, unit_id);
  c.exec(kInsertGrant, {user_id, std::string(auth::role_code(role)), unit_id, kernel::now_iso()});
  auth::accounts_changed();
  audit::record(c, who, {"user.grant", "user", user_id, u ? u->path : "/",
                         nullptr, {{"role", auth::role_code(role)}, {"unit_id", unit_id}}});
}

nlohmann::json to_json(const Unit& u) {
  nlohmann::json j{{"id", u.id},
                   {"code", u.code},
                   {"name", u.name},
                   {"kind", u.kind},
                   {"kind_label", kind_label(u.kind)},
                   {"parent_id", u.parent_id ? nlohmann::json(u.parent_id) : nlohmann::json()},
                   {"path", u.path},
                   {"depth", u.depth},
                   {"valid_from", u.valid_from},
                   {"valid_to", u.valid_to.empty() ? nlohmann::json() : nlohmann::json(u.valid_to)},
                   {"territory_id", u.territory_id ? nlohmann::json(u.territory_id) : nlohmann::json()},
                   {"active", u.active},
                   {"note", u.note},
                   {"url", "/units/" + std::to_string(u.id)}};
  return j;
}

}  // namespace ct05::org
