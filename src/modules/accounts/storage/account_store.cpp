#include "modules/accounts/storage/account_store.hpp"

#include <algorithm>

#include "kernel/clock.hpp"
#include "kernel/text.hpp"
#include "modules/accounts/domain/account.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/people/domain/cadre_sql.hpp"
#include "modules/people/storage/person_store.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/auth/crypto.hpp"
#include "platform/notify/notify.hpp"

namespace ct05::accounts {

namespace {

constexpr const char* kAccountColumns =
    "SELECT a.id, a.login, a.display_name, COALESCE(a.person_id, 0), a.active, a.email, a.email_notify, "
    "CASE WHEN a.password_hash = '' THEN 0 ELSE 1 END, a.last_login_at, a.created_at, a.created_by, a.disabled_at, "
    "COALESCE(p.full_name, ''), "
    "COALESCE((SELECT mu.path FROM memberships m JOIN units mu ON mu.id = m.unit_id WHERE m.person_id = a.person_id "
    "AND m.valid_to IS NULL ORDER BY m.id DESC LIMIT 1), '') "
    "FROM users a LEFT JOIN persons p ON p.id = a.person_id ";
constexpr const char* kGrantColumns =
    "SELECT g.id, g.role, g.unit_id, u.name, u.code, u.path, u.active, g.granted_by, g.created_at, g.user_id "
    "FROM grants g JOIN units u ON u.id = g.unit_id ";
constexpr const char* kInsertUser =
    "INSERT INTO users (login, password_hash, display_name, person_id, active, created_at, email, folded, created_by) "
    "VALUES ($1, '', $2, $3, 1, $4, $5, $6, $7) RETURNING id";
constexpr const char* kInsertGrant =
    "INSERT INTO grants (user_id, role, unit_id, created_at, granted_by) VALUES ($1, $2, $3, $4, $5) RETURNING id";
constexpr const char* kInsertCode =
    "INSERT INTO activation_codes (user_id, code_hash, purpose, issued_by, created_at, expires_at) "
    "VALUES ($1, $2, $3, $4, $5, $6)";
constexpr const char* kSupersedeCodes =
    "UPDATE activation_codes SET superseded_at = $1 WHERE user_id = $2 AND used_at IS NULL AND superseded_at IS NULL";
// Quản trị grants of other active accounts on the unit at `path` or above it: who would be left to administer it.
constexpr const char* kOtherAdminsOver =
    "SELECT COUNT(*) FROM grants g JOIN users a ON a.id = g.user_id JOIN units u ON u.id = g.unit_id "
    "WHERE g.role = 'quan_tri' AND a.active = 1 AND a.id <> $2 AND g.id <> $3 AND substr($1, 1, length(u.path)) = u.path";
// Cadres of a subtree with a current membership and no account (persons alias p, as CT05_PEOPLE_CADRE wants).
constexpr const char* kWithoutAccount =
    "FROM persons p JOIN memberships m ON m.person_id = p.id AND m.valid_to IS NULL JOIN units u ON u.id = m.unit_id "
    "WHERE u.path >= $1 AND u.path < $2 AND p.active = 1 AND " CT05_PEOPLE_CADRE
    " AND NOT EXISTS (SELECT 1 FROM users a WHERE a.person_id = p.id) ";

std::string opt(const db::Row& r, std::size_t i) { return r.null(i) ? "" : r.str(i); }

GrantRow grant_from(const db::Row& r) {
  return GrantRow{r.i64(0), r.i64(9), auth::parse_role(r.str(1)).value_or(auth::Role::kDangVien), r.i64(2), r.str(3),
                  r.str(4), r.str(5), r.i64(6) != 0, r.str(7), r.str(8)};
}

Account account_from(const db::Row& r) {
  Account a;
  a.id = r.i64(0);
  a.login = r.str(1);
  a.display_name = r.str(2);
  a.person_id = r.i64(3);
  a.active = r.i64(4) != 0;
  a.email = r.str(5);
  a.email_notify = r.i64(6) != 0;
  a.has_password = r.i64(7) != 0;
  a.last_login_at = opt(r, 8);
  a.created_at = r.str(9);
  a.created_by = r.str(10);
  a.disabled_at = opt(r, 11);
  a.person_name = r.str(12);
  a.person_unit_path = r.str(13);
  return a;
}

void load_grants_of(db::Connection& c, Account& a) {
  a.grants.clear();
  for (const auto& r : c.query(std::string(kGrantColumns) + "WHERE g.user_id = $1 ORDER BY u.depth, g.id", {a.id}))
    a.grants.push_back(grant_from(r));
}

std::string folded_of(const std::string& login, const std::string& display, const std::string& person) {
  return kernel::fold(login + " " + display + " " + person);
}

// The highest role the principal holds over path among grants allowing kManageUsers (0 when none).
int rank_over(const auth::Principal& who, const std::string& path) {
  int best = 0;
  for (const auto& g : who.grants) {
    if (!auth::in_subtree(path, g.unit_path)) continue;
    auth::Principal one = who;
    one.grants = {g};
    if (auth::allowed(one, auth::Action::kManageUsers, {path})) best = std::max(best, role_rank(g.role));
  }
  return best;
}

Error self_refused(const char* what) { return Error::conflict(std::string("Không thể ") + what + " tài khoản của chính mình."); }

bool is_admin(const auth::Principal& who) {
  for (const auto& g : who.grants)
    if (g.role == auth::Role::kQuanTri) return true;
  return false;
}

// Refuses a change that would leave the unit at `path` without an active quản trị at it or above it.
Result<void> keep_an_admin(db::Connection& c, const std::string& path, std::int64_t user_id, std::int64_t grant_id,
                           const std::string& unit_name) {
  if (c.scalar(kOtherAdminsOver, {path, user_id, grant_id}) > 0) return {};
  return fail(Error::conflict("Đây là tài khoản quản trị cuối cùng của " + unit_name +
                              ". Hãy giao quyền quản trị cho một tài khoản khác trước."));
}

std::string code_hash(std::int64_t user_id, const std::string& normalized) {
  return auth::sha256_hex(std::to_string(user_id) + ":" + normalized);
}

Issued new_code(db::Connection& c, const auth::Principal& who, const Account& a, const std::string& purpose) {
  auto now = kernel::now_seconds();
  std::string code = generate_code();
  c.exec(kSupersedeCodes, {kernel::format_iso(now), a.id});
  std::string expires = kernel::format_iso(now + kCodeSeconds);
  c.exec(kInsertCode, {a.id, code_hash(a.id, normalize_code(code)), purpose, who.actor(), kernel::format_iso(now), expires});
  return Issued{a, code, expires};
}

std::string audit_path(const Account& a) {
  if (!a.grants.empty()) return a.grants.front().unit_path;
  if (!a.person_unit_path.empty()) return a.person_unit_path;
  return "/";
}

void end_all_sessions(db::Connection& c, std::int64_t user_id) {
  c.exec("DELETE FROM sessions WHERE user_id = $1", {user_id});
  c.exec("UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL", {kernel::now_iso(), user_id});
}

// The condition "the account (alias a) is one the principal may see", with its parameters.
std::string visible_condition(const auth::Principal& who, db::Params& params) {
  auto scope = who.scope_paths(auth::Action::kManageUsers);
  if (scope.empty()) return "1 = 0";
  std::string ranges;
  for (const auto& p : scope) {
    if (!ranges.empty()) ranges += " OR ";
    params.emplace_back(p);
    params.emplace_back(db::subtree_end(p));
    ranges += "(su.path >= $" + std::to_string(params.size() - 1) + " AND su.path < $" + std::to_string(params.size()) + ")";
  }
  std::string cond = "(EXISTS (SELECT 1 FROM grants sg JOIN units su ON su.id = sg.unit_id WHERE sg.user_id = a.id AND (" +
                     ranges + ")) OR EXISTS (SELECT 1 FROM memberships sm JOIN units su ON su.id = sm.unit_id WHERE "
                     "sm.person_id = a.person_id AND sm.valid_to IS NULL AND (" + ranges + "))";
  // An account with neither a grant nor a person belongs to no unit: the administrators see it.
  if (is_admin(who))
    cond += " OR (a.person_id IS NULL AND NOT EXISTS (SELECT 1 FROM grants sg WHERE sg.user_id = a.id))";
  return cond + ")";
}

std::string filter_sql(db::Connection& c, const auth::Principal& who, const AccountFilter& f, db::Params& params) {
  std::string where = "WHERE " + visible_condition(who, params);
  if (!f.q.empty()) {
    params.emplace_back("%" + kernel::fold(f.q) + "%");
    where += " AND a.folded LIKE $" + std::to_string(params.size());
  }
  if (f.unit_id) {
    auto u = org::find_unit(c, f.unit_id);
    params.emplace_back(u ? u->path : std::string("/none/"));
    params.emplace_back(db::subtree_end(u ? u->path : std::string("/none/")));
    auto a = std::to_string(params.size() - 1), b = std::to_string(params.size());
    where += " AND (EXISTS (SELECT 1 FROM grants fg JOIN units fu ON fu.id = fg.unit_id WHERE fg.user_id = a.id AND "
             "fu.path >= $" + a + " AND fu.path < $" + b + ") OR EXISTS (SELECT 1 FROM memberships fm JOIN units fu ON "
             "fu.id = fm.unit_id WHERE fm.person_id = a.person_id AND fm.valid_to IS NULL AND fu.path >= $" + a +
             " AND fu.path < $" + b + "))";
  }
  if (auth::parse_role(f.role)) {
    params.emplace_back(f.role);
    where += " AND EXISTS (SELECT 1 FROM grants rg WHERE rg.user_id = a.id AND rg.role = $" + std::to_string(params.size()) + ")";
  }
  if (f.state == "active") where += " AND a.active = 1 AND a.password_hash <> ''";
  else if (f.state == "disabled") where += " AND a.active = 0";
  else if (f.state == "pending") where += " AND a.active = 1 AND a.password_hash = ''";
  return where;
}

Result<void> may_manage(const auth::Principal& who, const Account& a) {
  if (!who.authenticated()) return fail(Error::unauthenticated());
  std::vector<std::string> paths;
  bool holds_admin = false;
  for (const auto& g : a.grants) {
    paths.push_back(g.unit_path);
    holds_admin = holds_admin || g.role == auth::Role::kQuanTri;
  }
  if (!a.person_unit_path.empty()) paths.push_back(a.person_unit_path);
  if (paths.empty()) {
    if (!is_admin(who)) return fail(Error::forbidden("Chỉ quản trị quản lý tài khoản chưa thuộc đơn vị nào."));
    return {};
  }
  for (const auto& p : paths) {
    if (!auth::allowed(who, auth::Action::kManageUsers, {p}))
      return fail(Error::forbidden("Tài khoản " + a.login + " có quyền hoặc sinh hoạt ở đơn vị ngoài phạm vi của bạn."));
    if (holds_admin && rank_over(who, p) < role_rank(auth::Role::kQuanTri))
      return fail(Error::forbidden("Chỉ quản trị cấp trên mới quản lý được tài khoản quản trị " + a.login + "."));
  }
  return {};
}

}  // namespace

std::string role_label(const std::string& code) {
  auto r = auth::parse_role(code);
  return r ? std::string(auth::role_label(*r)) : code;
}

std::optional<Account> find_account(db::Connection& c, std::int64_t id) {
  auto r = c.query_one(std::string(kAccountColumns) + "WHERE a.id = $1", {id});
  if (!r) return std::nullopt;
  auto a = account_from(*r);
  load_grants_of(c, a);
  return a;
}

std::optional<Account> find_account_by_login(db::Connection& c, const std::string& login) {
  auto r = c.query_one(std::string(kAccountColumns) + "WHERE a.login = $1", {login});
  if (!r) return std::nullopt;
  auto a = account_from(*r);
  load_grants_of(c, a);
  return a;
}

std::vector<Account> list_accounts(db::Connection& c, const auth::Principal& who, const AccountFilter& f, int limit,
                                   int offset) {
  db::Params params;
  std::string where = filter_sql(c, who, f, params);
  params.emplace_back(std::int64_t{limit});
  params.emplace_back(std::int64_t{offset});
  std::vector<Account> out;
  for (const auto& r : c.query(std::string(kAccountColumns) + where + " ORDER BY a.login LIMIT $" +
                                   std::to_string(params.size() - 1) + " OFFSET $" + std::to_string(params.size()),
                               params))
    out.push_back(account_from(r));
  if (out.empty()) return out;
  // The page's grants in one query rather than one per account.
  db::Params ids;
  for (const auto& a : out) ids.emplace_back(a.id);
  for (const auto& r : c.query(std::string(kGrantColumns) + "WHERE g.user_id IN " + db::placeholders(ids.size()) +
                                   " ORDER BY u.depth, g.id",
                               ids))
    for (auto& a : out)
      if (a.id == r.i64(9)) a.grants.push_back(grant_from(r));
  return out;
}

std::int64_t count_accounts(db::Connection& c, const auth::Principal& who, const AccountFilter& f) {
  db::Params params;
  std::string where = filter_sql(c, who, f, params);
  return c.scalar("SELECT COUNT(*) FROM users a " + where, params);
}

Result<Account> get_account(db::Connection& c, const auth::Principal& who, std::int64_t id) {
  auto a = find_account(c, id);
  if (!a) return fail(Error::not_found("Không tìm thấy tài khoản."));
  if (auto ok = may_manage(who, *a); !ok) return fail(ok.error());
  return *a;
}

std::string free_login(db::Connection& c, const std::string& base) {
  std::string b = base.empty() ? "canbo" : base;
  if (!auth::find_user(c, b)) return b;
  for (int i = 2;; ++i) {
    std::string cand = b + std::to_string(i);
    if (!auth::find_user(c, cand)) return cand;
  }
}

namespace {

bool valid_email(const std::string& e) {
  auto at = e.find('@');
  return e.size() <= 254 && at != std::string::npos && at > 0 && e.find('.', at) != std::string::npos &&
         e.find_first_of(" \t\r\n,;<>") == std::string::npos && e.back() != '.';
}

// The checks of a grant shared by grant() and create_account(): the unit in the granter's scope, the role not above.
Result<org::Unit> check_grant(db::Connection& c, const auth::Principal& who, auth::Role role, std::int64_t unit_id) {
  auto u = org::find_unit(c, unit_id);
  if (!u) return fail(Error::invalid({{"unit", "Không tìm thấy đơn vị."}}));
  if (!u->active) return fail(Error::invalid({{"unit", u->name + " đã kết thúc hoạt động; không giao quyền trên đơn vị này."}}));
  if (!auth::allowed(who, auth::Action::kManageUsers, {u->path}))
    return fail(Error::forbidden("Bạn chỉ giao quyền trên các đơn vị trong phạm vi của mình; " + u->name + " nằm ngoài."));
  if (role_rank(role) > rank_over(who, u->path))
    return fail(Error::forbidden("Bạn không thể giao quyền \"" + std::string(auth::role_label(role)) +
                                 "\", cao hơn quyền của chính bạn trên " + u->name + "."));
  return *u;
}

}  // namespace

Result<Issued> create_account(db::Connection& c, const auth::Principal& who, const NewAccount& in) {
  if (who.scope_paths(auth::Action::kManageUsers).empty())
    return fail(Error::forbidden("Chỉ quản trị và người phụ trách đơn vị được tạo tài khoản."));
  std::vector<FieldError> errs;
  std::optional<people::Person> person;
  if (in.person_id) {
    person = people::find_person(c, in.person_id);
    if (!person || !person->active) errs.push_back({"person", "Không tìm thấy người này trong Nhân sự (hoặc đã thôi sinh hoạt)."});
    else if (c.scalar("SELECT COUNT(*) FROM users WHERE person_id = $1", {in.person_id}) > 0)
      return fail(Error::conflict(person->full_name + " đã có tài khoản."));
  }
  std::string display = in.display_name.empty() && person ? person->full_name : in.display_name;
  display = std::string(kernel::truncate_utf8(display, 200));
  if (display.empty()) errs.push_back({"display_name", "Cần họ tên hiển thị của tài khoản."});
  auto role = auth::parse_role(in.role);
  if (!role) errs.push_back({"role", "Vai trò không hợp lệ."});
  std::int64_t unit_id = in.unit_id ? in.unit_id : (person ? person->unit_id : 0);
  if (!unit_id) errs.push_back({"unit", "Cần đơn vị được giao quyền (mã đơn vị)."});
  if (!in.email.empty() && !valid_email(in.email)) errs.push_back({"email", "Địa chỉ thư điện tử không hợp lệ."});
  std::string login = in.login;
  if (login.empty() && errs.empty()) login = free_login(c, propose_login(display));
  if (!login.empty() && !auth::valid_login(login))
    errs.push_back({"login", "Tên đăng nhập dài 3–64 ký tự, chỉ gồm chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang."});
  if (!errs.empty()) return fail(Error::invalid(std::move(errs)));
  if (person && !auth::allowed(who, auth::Action::kManageUsers, {person->unit_path}))
    return fail(Error::forbidden(person->full_name + " sinh hoạt ở đơn vị ngoài phạm vi của bạn."));
  return db::in_transaction(c, [&]() -> Result<Issued> {
    auto unit = check_grant(c, who, *role, unit_id);
    if (!unit) return fail(unit.error());
    if (auth::find_user(c, login))
      return fail(Error{ErrorCode::kConflict, "Tên đăng nhập \"" + login + "\" đã có người dùng.", "",
                        {{"login", "Tên đăng nhập \"" + login + "\" đã có người dùng; gợi ý: " + free_login(c, login) + "."}}});
    auto row = c.query_one(kInsertUser, {login, display, person ? db::Value{person->id} : db::Value{}, kernel::now_iso(),
                                         in.email, folded_of(login, display, person ? person->full_name : ""), who.actor()});
    std::int64_t id = row->i64(0);
    c.exec(kInsertGrant, {id, std::string(auth::role_code(*role)), unit->id, kernel::now_iso(), who.actor()});
    auth::accounts_changed();
    auto a = find_account(c, id);
    audit::record(c, who, {"user.create", "user", id, unit->path, nullptr,
                           {{"login", login}, {"name", display}, {"person_id", in.person_id}, {"role", auth::role_code(*role)},
                            {"unit_id", unit->id}}});
    auto issued = new_code(c, who, *a, "activation");
    audit::record(c, who, {"user.code", "user", id, unit->path, nullptr, {{"login", login}, {"purpose", "activation"},
                                                                          {"expires_at", issued.expires_at}}});
    return issued;
  });
}

Result<Account> update_account(db::Connection& c, const auth::Principal& who, std::int64_t id, const AccountEdit& e) {
  auto a = find_account(c, id);
  if (!a) return fail(Error::not_found("Không tìm thấy tài khoản."));
  // One's own name, e-mail and mail choice are one's own (/account); someone else's need the right to manage them.
  if (who.user_id != id)
    if (auto ok = may_manage(who, *a); !ok) return fail(ok.error());
  std::vector<FieldError> errs;
  if (e.display_name && kernel::trim(*e.display_name).empty()) errs.push_back({"display_name", "Cần họ tên hiển thị."});
  if (e.email && !e.email->empty() && !valid_email(*e.email)) errs.push_back({"email", "Địa chỉ thư điện tử không hợp lệ."});
  if (!errs.empty()) return fail(Error::invalid(std::move(errs)));
  return db::in_transaction(c, [&]() -> Result<Account> {
    nlohmann::json before{{"name", a->display_name}, {"email", a->email}, {"email_notify", a->email_notify}};
    std::string name = e.display_name ? std::string(kernel::truncate_utf8(kernel::trim(*e.display_name), 200)) : a->display_name;
    std::string email = e.email ? kernel::trim(*e.email) : a->email;
    bool notify_mail = e.email_notify.value_or(a->email_notify);
    c.exec("UPDATE users SET display_name = $1, email = $2, email_notify = $3, folded = $4 WHERE id = $5",
           {name, email, std::int64_t{notify_mail ? 1 : 0}, folded_of(a->login, name, a->person_name), id});
    auth::accounts_changed();
    audit::record(c, who, {"user.update", "user", id, audit_path(*a), before,
                           {{"name", name}, {"email", email}, {"email_notify", notify_mail}}});
    return *find_account(c, id);
  });
}

Result<Account> set_active(db::Connection& c, const auth::Principal& who, std::int64_t id, bool active) {
  auto a = get_account(c, who, id);
  if (!a) return fail(a.error());
  if (!active && who.user_id == id) return fail(self_refused("vô hiệu hóa"));
  if (a->active == active) return *a;
  return db::in_transaction(c, [&]() -> Result<Account> {
    if (!active)
      for (const auto& g : a->grants)
        if (g.role == auth::Role::kQuanTri)
          if (auto ok = keep_an_admin(c, g.unit_path, id, 0, g.unit_name); !ok) return fail(ok.error());
    c.exec("UPDATE users SET active = $1, disabled_at = $2 WHERE id = $3",
           {std::int64_t{active ? 1 : 0}, active ? db::Value{} : db::Value{kernel::now_iso()}, id});
    if (!active) end_all_sessions(c, id);
    auth::accounts_changed();
    audit::record(c, who, {active ? "user.enable" : "user.disable", "user", id, audit_path(*a), {{"active", a->active}},
                           {{"active", active}, {"login", a->login}}});
    return *find_account(c, id);
  });
}

std::optional<GrantRow> find_grant(db::Connection& c, std::int64_t grant_id) {
  auto r = c.query_one(std::string(kGrantColumns) + "WHERE g.id = $1", {grant_id});
  if (!r) return std::nullopt;
  return grant_from(*r);
}

Result<GrantRow> grant(db::Connection& c, const auth::Principal& who, std::int64_t user_id, const std::string& role_code,
                       std::int64_t unit_id) {
  auto role = auth::parse_role(role_code);
  if (!role) return fail(Error::invalid({{"role", "Vai trò không hợp lệ."}}));
  auto a = find_account(c, user_id);
  if (!a) return fail(Error::not_found("Không tìm thấy tài khoản."));
  if (!a->active) return fail(Error::conflict("Tài khoản " + a->login + " đang bị vô hiệu hóa; hãy kích hoạt lại trước."));
  return db::in_transaction(c, [&]() -> Result<GrantRow> {
    auto unit = check_grant(c, who, *role, unit_id);
    if (!unit) return fail(unit.error());
    if (c.scalar("SELECT COUNT(*) FROM grants WHERE user_id = $1 AND role = $2 AND unit_id = $3",
                 {user_id, role_code, unit_id}) > 0)
      return fail(Error::conflict(a->login + " đã có quyền \"" + std::string(auth::role_label(*role)) + "\" trên " +
                                  unit->name + "."));
    auto row = c.query_one(kInsertGrant, {user_id, role_code, unit_id, kernel::now_iso(), who.actor()});
    auth::accounts_changed();
    audit::record(c, who, {"user.grant", "user", user_id, unit->path, nullptr,
                           {{"login", a->login}, {"role", role_code}, {"unit_id", unit_id}, {"unit_name", unit->name}}});
    return *find_grant(c, row->i64(0));
  });
}

Result<void> revoke(db::Connection& c, const auth::Principal& who, std::int64_t grant_id) {
  auto g = find_grant(c, grant_id);
  if (!g) return fail(Error::not_found("Không tìm thấy quyền này."));
  auto user_id = g->user_id;
  if (!auth::allowed(who, auth::Action::kManageUsers, {g->unit_path}))
    return fail(Error::forbidden("Quyền này ở đơn vị ngoài phạm vi của bạn."));
  if (role_rank(g->role) > rank_over(who, g->unit_path))
    return fail(Error::forbidden("Bạn không thể thu hồi quyền \"" + std::string(auth::role_label(g->role)) +
                                 "\", cao hơn quyền của chính bạn."));
  return db::in_transaction(c, [&]() -> Result<void> {
    if (g->role == auth::Role::kQuanTri)
      if (auto ok = keep_an_admin(c, g->unit_path, 0, grant_id, g->unit_name); !ok) return fail(ok.error());
    c.exec("DELETE FROM grants WHERE id = $1", {grant_id});
    auth::accounts_changed();
    auto login = c.query_one("SELECT login FROM users WHERE id = $1", {user_id});
    audit::record(c, who, {"user.revoke", "user", user_id, g->unit_path,
                           {{"login", login ? login->str(0) : ""}, {"role", auth::role_code(g->role)}, {"unit_id", g->unit_id},
                            {"unit_name", g->unit_name}},
                           nlohmann::json::object()});
    return {};
  });
}

std::vector<std::pair<Account, GrantRow>> grants_on_unit(db::Connection& c, std::int64_t unit_id) {
  std::vector<std::pair<Account, GrantRow>> out;
  for (const auto& r : c.query(std::string(kGrantColumns) + "WHERE g.unit_id = $1 ORDER BY g.id", {unit_id}))
    if (auto a = find_account(c, r.i64(9))) out.emplace_back(*a, grant_from(r));  // few: grants left on one unit
  return out;
}

Result<int> move_grants(db::Connection& c, const auth::Principal& who, std::int64_t from_unit, std::int64_t to_unit) {
  auto from = org::find_unit(c, from_unit);
  auto to = org::find_unit(c, to_unit);
  if (!from || !to) return fail(Error::not_found("Không tìm thấy đơn vị."));
  if (!to->active) return fail(Error::conflict(to->name + " đã kết thúc hoạt động."));
  for (const auto& path : {from->path, to->path})
    if (!auth::allowed(who, auth::Action::kManageUsers, {path}))
      return fail(Error::forbidden("Chuyển quyền cần quyền quản lý tài khoản trên cả hai đơn vị."));
  return db::in_transaction(c, [&]() -> Result<int> {
    int moved = 0;
    for (const auto& [a, g] : grants_on_unit(c, from_unit)) {
      if (role_rank(g.role) > rank_over(who, to->path))
        return fail(Error::forbidden("Bạn không thể chuyển quyền \"" + std::string(auth::role_label(g.role)) + "\" của " +
                                     a.login + ", cao hơn quyền của chính bạn."));
      bool dup = c.scalar("SELECT COUNT(*) FROM grants WHERE user_id = $1 AND role = $2 AND unit_id = $3",
                          {a.id, std::string(auth::role_code(g.role)), to_unit}) > 0;
      if (dup) c.exec("DELETE FROM grants WHERE id = $1", {g.id});
      else c.exec("UPDATE grants SET unit_id = $1, granted_by = $2, created_at = $3 WHERE id = $4",
                  {to_unit, who.actor(), kernel::now_iso(), g.id});
      audit::record(c, who, {"user.grant_move", "user", a.id, to->path,
                             {{"login", a.login}, {"role", auth::role_code(g.role)}, {"unit_id", from_unit}, {"unit_name", from->name}},
                             {{"login", a.login}, {"role", auth::role_code(g.role)}, {"unit_id", to_unit}, {"unit_name", to->name}}});
      ++moved;
    }
    auth::accounts_changed();
    return moved;
  });
}

Result<Issued> issue_code(db::Connection& c, const auth::Principal& who, std::int64_t user_id, const std::string& purpose) {
  if (purpose != "activation" && purpose != "reset") return fail(Error::invalid({{"purpose", "Loại mã không hợp lệ."}}));
  auto a = get_account(c, who, user_id);
  if (!a) return fail(a.error());
  if (!a->active) return fail(Error::conflict("Tài khoản " + a->login + " đang bị vô hiệu hóa; hãy kích hoạt lại trước."));
  if (who.user_id == user_id)
    return fail(Error::conflict("Không tự cấp mã cho chính mình; hãy đổi mật khẩu tại trang Tài khoản của tôi."));
  return db::in_transaction(c, [&]() -> Result<Issued> {
    if (purpose == "reset") {
      c.exec("UPDATE users SET password_hash = '' WHERE id = $1", {user_id});
      end_all_sessions(c, user_id);
      auth::accounts_changed();
    }
    auto issued = new_code(c, who, *a, purpose);
    audit::record(c, who, {"user.code", "user", user_id, audit_path(*a), nullptr,
                           {{"login", a->login}, {"purpose", purpose}, {"expires_at", issued.expires_at}}});
    if (purpose == "reset")
      notify::send(c, {user_id}, {"account.reset", "Mật khẩu của tài khoản " + a->login + " đã được đặt lại",
                                  who.actor() + " đã cấp mã đặt lại mật khẩu, hạn dùng đến " +
                                      kernel::datetime_vn(issued.expires_at) +
                                      ". Mã chỉ được trao trực tiếp; nếu bạn không yêu cầu, hãy báo người phụ trách.",
                                  "/activate"});
    return issued;
  });
}

namespace {
struct CodeCheck {
  bool matched = false, live = false, used = false, expired = false;
  std::int64_t code_id = 0;
};
CodeCheck check_code(db::Connection& c, std::int64_t user_id, const std::string& typed) {
  CodeCheck out;
  auto norm = normalize_code(typed);
  if (norm.empty()) return out;
  auto h = code_hash(user_id, norm);
  auto now = kernel::now_iso();
  for (const auto& r : c.query("SELECT id, code_hash, used_at, superseded_at, expires_at FROM activation_codes "
                               "WHERE user_id = $1 ORDER BY id DESC LIMIT 20",
                               {user_id})) {
    if (!auth::equal_constant_time(r.str(1), h)) continue;
    out.matched = true;
    out.code_id = r.i64(0);
    out.used = !r.null(2) || !r.null(3);
    out.expired = r.str(4) < now;
    out.live = !out.used && !out.expired;
    return out;
  }
  return out;
}
}  // namespace

bool code_matches(db::Connection& c, const std::string& login, const std::string& code) {
  auto u = auth::find_user(c, login);
  if (!u || !u->active) return false;
  return check_code(c, u->id, code).live;
}

Result<std::int64_t> activate(db::Connection& c, const std::string& login, const std::string& code,
                              const std::string& password, const std::string& password2, const std::string& ip) {
  if (login.empty() || code.empty())
    return fail(Error::invalid({{"code", "Vui lòng nhập tên đăng nhập và mã kích hoạt."}}));
  if (auth::login_throttled(c, login, ip))
    return fail(Error{ErrorCode::kTooManyRequests, "Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.", "", {}});
  auto u = find_account_by_login(c, login);
  CodeCheck chk = u && u->active ? check_code(c, u->id, code) : CodeCheck{};
  if (!chk.matched) {
    auth::record_login_attempt(c, login, ip, false);
    return fail(Error::invalid({{"code", "Tên đăng nhập hoặc mã kích hoạt không đúng."}}));
  }
  if (chk.used)
    return fail(Error::conflict("Mã này đã được dùng (hoặc đã có mã mới thay thế). Nếu chưa đặt được mật khẩu, "
                                "hãy đề nghị người phụ trách cấp mã mới."));
  if (chk.expired)
    return fail(Error::conflict("Mã này đã hết hạn (mã có giá trị 14 ngày). Hãy đề nghị người phụ trách cấp mã mới."));
  std::vector<FieldError> errs = password_problems(password, u->login, u->display_name);
  if (errs.empty() && password != password2) errs.push_back({"password2", "Hai lần nhập mật khẩu không giống nhau."});
  if (!errs.empty()) return fail(Error::invalid(std::move(errs)));
  return db::in_transaction(c, [&]() -> Result<std::int64_t> {
    // Used once: the update only succeeds while the code is still unused, so two tabs cannot both use it.
    if (c.exec("UPDATE activation_codes SET used_at = $1 WHERE id = $2 AND used_at IS NULL AND superseded_at IS NULL",
               {kernel::now_iso(), chk.code_id}) != 1)
      return fail(Error::conflict("Mã này vừa được dùng."));
    auth::set_password(c, u->id, password);
    end_all_sessions(c, u->id);
    auth::record_login_attempt(c, login, ip, true);
    auth::Principal self;
    self.user_id = u->id;
    self.login = u->login;
    self.display_name = u->display_name;
    audit::record(c, self, {"user.activate", "user", u->id, audit_path(*u), nullptr, {{"login", u->login}}});
    return u->id;
  });
}

Result<void> change_password(db::Connection& c, const auth::Principal& who, const std::string& current,
                             const std::string& password, const std::string& password2, const std::string& keep_hash) {
  auto u = auth::find_user(c, who.user_id);
  if (!u) return fail(Error::not_found("Không tìm thấy tài khoản."));
  if (!auth::verify_password(current, u->password_hash))
    return fail(Error::invalid({{"current", "Mật khẩu hiện tại không đúng."}}));
  std::vector<FieldError> errs = password_problems(password, u->login, u->display_name);
  if (errs.empty() && password == current) errs.push_back({"password", "Mật khẩu mới phải khác mật khẩu hiện tại."});
  if (errs.empty() && password != password2) errs.push_back({"password2", "Hai lần nhập mật khẩu không giống nhau."});
  if (!errs.empty()) return fail(Error::invalid(std::move(errs)));
  db::in_transaction(c, [&] {
    auth::set_password(c, u->id, password);
    c.exec("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2", {u->id, keep_hash});
    c.exec("UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL", {kernel::now_iso(), u->id});
    auth::accounts_changed();
    audit::record(c, who, {"user.passwd", "user", u->id, "/", nullptr, {{"login", u->login}}});
  });
  return {};
}

std::vector<SessionRow> sessions_of(db::Connection& c, std::int64_t user_id, const std::string& current_hash) {
  std::vector<SessionRow> out;
  for (const auto& r : c.query("SELECT token_hash, created_at, last_seen_at, ip, user_agent FROM sessions WHERE user_id = $1 "
                               "AND expires_at > $2 ORDER BY created_at DESC",
                               {user_id, kernel::now_iso()}))
    out.push_back(SessionRow{r.str(0).substr(0, 16), r.str(1), opt(r, 2), r.str(3), r.str(4), r.str(0) == current_hash});
  return out;
}

std::int64_t end_sessions(db::Connection& c, const auth::Principal& who, const std::string& key, const std::string& keep_hash) {
  std::int64_t n = 0;
  db::in_transaction(c, [&] {
    if (key.empty())
      n = c.exec("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2", {who.user_id, keep_hash});
    else
      n = c.exec("DELETE FROM sessions WHERE user_id = $1 AND substr(token_hash, 1, 16) = $2", {who.user_id, key});
    auth::accounts_changed();
    if (n > 0)
      audit::record(c, who, {"user.logout", "user", who.user_id, "/", nullptr,
                             {{"login", who.login}, {"sessions", n}, {"all", key.empty()}}});
  });
  return n;
}

std::vector<TokenRow> tokens_of(db::Connection& c, std::int64_t user_id) {
  std::vector<TokenRow> out;
  for (const auto& r : c.query("SELECT token_hash, label, created_at, last_used_at, last_ip, revoked_at FROM api_tokens "
                               "WHERE user_id = $1 ORDER BY created_at DESC",
                               {user_id}))
    out.push_back(TokenRow{r.str(0).substr(0, 16), r.str(1), r.str(2), opt(r, 3), r.str(4), opt(r, 5)});
  return out;
}

Result<std::string> create_token(db::Connection& c, const auth::Principal& who, const std::string& label) {
  std::string l = kernel::trim(label);
  if (l.empty()) return fail(Error::invalid({{"label", "Hãy đặt tên cho mã truy cập (dùng để làm gì)."}}));
  if (kernel::char_count(l) > 100) return fail(Error::invalid({{"label", "Tên mã truy cập dài quá 100 ký tự."}}));
  std::string raw;
  db::in_transaction(c, [&] {
    raw = auth::create_api_token(c, who.user_id, l);
    audit::record(c, who, {"user.token", "user", who.user_id, "/", nullptr, {{"login", who.login}, {"label", l}}});
  });
  return raw;
}

Result<void> revoke_token(db::Connection& c, const auth::Principal& who, const std::string& key) {
  auto n = db::in_transaction(c, [&]() -> Result<std::int64_t> {
    auto changed = c.exec("UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND substr(token_hash, 1, 16) = $3 "
                          "AND revoked_at IS NULL",
                          {kernel::now_iso(), who.user_id, key});
    if (changed == 0) return fail(Error::not_found("Không tìm thấy mã truy cập này (hoặc đã thu hồi)."));
    auth::accounts_changed();
    audit::record(c, who, {"user.token_revoke", "user", who.user_id, "/", nullptr, {{"login", who.login}}});
    return changed;
  });
  if (!n) return fail(n.error());
  return {};
}

std::int64_t count_without_account(db::Connection& c, std::int64_t unit_id) {
  auto u = org::find_unit(c, unit_id);
  if (!u) return 0;
  return c.scalar(std::string("SELECT COUNT(*) ") + kWithoutAccount, {u->path, db::subtree_end(u->path)});
}

std::vector<std::pair<std::string, std::string>> sample_without_account(db::Connection& c, std::int64_t unit_id, int limit) {
  std::vector<std::pair<std::string, std::string>> out;
  auto u = org::find_unit(c, unit_id);
  if (!u) return out;
  for (const auto& r : c.query(std::string("SELECT p.full_name, u.name ") + kWithoutAccount +
                                   "ORDER BY u.path, p.sort_name, p.id LIMIT $3",
                               {u->path, db::subtree_end(u->path), std::int64_t{limit}}))
    out.emplace_back(r.str(0), r.str(1));
  return out;
}

Result<std::vector<Slip>> bulk_create(db::Connection& c, const auth::Principal& who, std::int64_t unit_id) {
  auto unit = org::get_unit(c, who, unit_id, auth::Action::kManageUsers);
  if (!unit) return fail(unit.error());
  return db::in_transaction(c, [&]() -> Result<std::vector<Slip>> {
    std::vector<Slip> out;
    auto rows = c.query(std::string("SELECT p.id, p.full_name, u.id, u.name, u.path ") + kWithoutAccount +
                            "ORDER BY u.path, p.sort_name, p.id",
                        {unit->path, db::subtree_end(unit->path)});
    auto now = kernel::now_iso();
    for (const auto& r : rows) {
      // The batch's own new logins are rows of this transaction already, so free_login sees them.
      std::string login = free_login(c, propose_login(r.str(1)));
      auto row = c.query_one(kInsertUser, {login, r.str(1), r.i64(0), now, std::string(), folded_of(login, r.str(1), r.str(1)),
                                           who.actor()});
      std::int64_t id = row->i64(0);
      c.exec(kInsertGrant, {id, std::string("dang_vien"), r.i64(2), now, who.actor()});
      Account a;
      a.id = id;
      a.login = login;
      auto issued = new_code(c, who, a, "activation");
      audit::record(c, who, {"user.create", "user", id, r.str(4), nullptr,
                             {{"login", login}, {"name", r.str(1)}, {"person_id", r.i64(0)}, {"role", "dang_vien"},
                              {"unit_id", r.i64(2)}, {"bulk", true}}});
      audit::record(c, who, {"user.code", "user", id, r.str(4), nullptr,
                             {{"login", login}, {"purpose", "activation"}, {"expires_at", issued.expires_at}}});
      out.push_back(Slip{id, r.str(1), r.str(3), login, issued.code, issued.expires_at});
    }
    auth::accounts_changed();
    return out;
  });
}

Result<std::vector<Slip>> slips_for(db::Connection& c, const auth::Principal& who, std::int64_t unit_id,
                                    const std::vector<std::pair<std::string, std::string>>& pairs) {
  auto unit = org::get_unit(c, who, unit_id, auth::Action::kManageUsers);
  if (!unit) return fail(unit.error());
  if (pairs.empty()) return fail(Error::invalid({{"pairs", "Không có tài khoản nào để in phiếu."}}));
  std::vector<Slip> out;
  for (const auto& [login, code] : pairs) {
    auto a = find_account_by_login(c, login);
    auto chk = a ? check_code(c, a->id, code) : CodeCheck{};
    if (!a || !chk.live || !auth::in_subtree(a->person_unit_path.empty() ? audit_path(*a) : a->person_unit_path, unit->path))
      return fail(Error::invalid({{"pairs", "Mã của " + login + " không còn dùng được (đã dùng, đã thay hoặc sai). "
                                            "Không in phiếu cho mã không dùng được."}}));
    auto exp = c.query_one("SELECT expires_at FROM activation_codes WHERE id = $1", {chk.code_id});
    std::string unit_name = a->grants.empty() ? unit->name : a->grants.front().unit_name;
    out.push_back(Slip{a->id, a->person_name.empty() ? a->display_name : a->person_name, unit_name, a->login,
                       normalize_code(code).substr(0, 4) + "-" + normalize_code(code).substr(4, 4) + "-" +
                           normalize_code(code).substr(8, 4),
                       exp ? exp->str(0) : ""});
  }
  return out;
}

nlohmann::json to_json(const GrantRow& g, std::int64_t user_id) {
  return {{"id", g.id},           {"user_id", user_id},       {"role", auth::role_code(g.role)}, {"role_label", auth::role_label(g.role)},
          {"unit_id", g.unit_id}, {"unit_code", g.unit_code}, {"unit_name", g.unit_name},        {"granted_by", g.granted_by},
          {"granted_at", g.created_at}};
}

nlohmann::json to_json(const Account& a) {
  nlohmann::json grants = nlohmann::json::array();
  for (const auto& g : a.grants) grants.push_back(to_json(g, a.id));
  auto nul = [](const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); };
  return {{"id", a.id},
          {"login", a.login},
          {"display_name", a.display_name},
          {"person_id", a.person_id ? nlohmann::json(a.person_id) : nlohmann::json()},
          {"state", !a.active ? "disabled" : (a.has_password ? "active" : "pending")},
          {"active", a.active},
          {"email", a.email},
          {"email_notify", a.email_notify},
          {"last_login_at", nul(a.last_login_at)},
          {"created_at", a.created_at},
          {"created_by", a.created_by},
          {"grants", grants}};
}

}  // namespace ct05::accounts
