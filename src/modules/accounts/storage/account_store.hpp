#pragma once
// Accounts, grants, one-time codes, sessions and API tokens as commands: each checks permission in one place
// (may_manage / grant rules below, through auth::authorize), writes the audit log (never a secret) and the change
// in one transaction, and drops the principals the web layer keeps (auth::accounts_changed).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kernel/error.hpp"
#include "platform/auth/principal.hpp"
#include "platform/db/db.hpp"

namespace ct05::accounts {

struct GrantRow {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  auth::Role role = auth::Role::kDangVien;
  std::int64_t unit_id = 0;
  std::string unit_name, unit_code, unit_path;
  bool unit_active = true;
  std::string granted_by, created_at;
};

struct Account {
  std::int64_t id = 0;
  std::string login, display_name, email;
  std::int64_t person_id = 0;
  std::string person_name;
  std::string person_unit_path;  //!< the person's current unit, "" when none
  bool active = true;
  bool email_notify = true;
  bool has_password = false;  //!< false until activated (or after a reset)
  std::string last_login_at, created_at, created_by, disabled_at;
  std::vector<GrantRow> grants;
};

struct AccountFilter {
  std::string q;              //!< login, display name or person's name, without diacritics
  std::int64_t unit_id = 0;   //!< accounts with a grant in this unit's subtree or a person there
  std::string role;           //!< role code of a grant
  std::string state;          //!< "active", "disabled", "pending" (never activated), or ""
};

std::optional<Account> find_account(db::Connection& c, std::int64_t id);
std::optional<Account> find_account_by_login(db::Connection& c, const std::string& login);
//! Accounts the principal may see (kManageUsers over their grants' units or their person's unit), by login.
std::vector<Account> list_accounts(db::Connection& c, const auth::Principal& who, const AccountFilter& f, int limit,
                                   int offset);
std::int64_t count_accounts(db::Connection& c, const auth::Principal& who, const AccountFilter& f);

//! The account when the principal may manage it: every grant and the person's unit lie in the principal's
//! kManageUsers scope, and an account holding quản trị is managed only by a quản trị above it. NotFound/Forbidden.
Result<Account> get_account(db::Connection& c, const auth::Principal& who, std::int64_t id);

struct NewAccount {
  std::string login;         //!< empty: proposed from the person's name (or the display name)
  std::string display_name;  //!< empty: the person's name
  std::int64_t person_id = 0;
  std::string role = "dang_vien";
  std::int64_t unit_id = 0;  //!< where the role is granted; 0: the person's unit
  std::string email;
};
struct Issued {
  Account account;
  std::string code;        //!< the one-time code, to show once
  std::string expires_at;  //!< ISO time
};
//! Creates an account with its first grant and an activation code.
Result<Issued> create_account(db::Connection& c, const auth::Principal& who, const NewAccount& in);
//! A free login: base, else base2, base3, …
std::string free_login(db::Connection& c, const std::string& base);

struct AccountEdit {
  std::optional<std::string> display_name, email;
  std::optional<bool> email_notify;
};
Result<Account> update_account(db::Connection& c, const auth::Principal& who, std::int64_t id, const AccountEdit& e);
//! Disables (sessions and tokens end at once) or re-enables. Refuses one's own account and the last quản trị.
Result<Account> set_active(db::Connection& c, const auth::Principal& who, std::int64_t id, bool active);

//! Grants a role on a unit: the unit inside the granter's scope, the role not above the granter's own there.
Result<GrantRow> grant(db::Connection& c, const auth::Principal& who, std::int64_t user_id, const std::string& role,
                       std::int64_t unit_id);
//! Revokes a grant (refused for the last quản trị over its unit).
Result<void> revoke(db::Connection& c, const auth::Principal& who, std::int64_t grant_id);
std::optional<GrantRow> find_grant(db::Connection& c, std::int64_t grant_id);
//! Grants still held on a unit (the closed units' panel offers to move them).
std::vector<std::pair<Account, GrantRow>> grants_on_unit(db::Connection& c, std::int64_t unit_id);
//! Moves grants from a closed unit to its successor (the restructurings' panel); returns how many moved.
Result<int> move_grants(db::Connection& c, const auth::Principal& who, std::int64_t from_unit, std::int64_t to_unit);

//! A new one-time code for the account: "reset" also clears the password and ends its sessions and tokens.
Result<Issued> issue_code(db::Connection& c, const auth::Principal& who, std::int64_t user_id, const std::string& purpose);

//! The first login with a code: checks the code (once, within 14 days) and sets the chosen password.
//! Returns the account id; the caller opens the session.
Result<std::int64_t> activate(db::Connection& c, const std::string& login, const std::string& code,
                              const std::string& password, const std::string& password2, const std::string& ip);
//! True when the text could be a code and a live code of this login matches it (the login form hands over).
bool code_matches(db::Connection& c, const std::string& login, const std::string& code);

//! The signed-in person changes their password: the current one is required; their other sessions and every
//! API token end.
Result<void> change_password(db::Connection& c, const auth::Principal& who, const std::string& current,
                             const std::string& password, const std::string& password2, const std::string& keep_session_hash);

// ---- sessions and tokens of the signed-in account
struct SessionRow {
  std::string key;  //!< first 16 hex digits of the token's hash: names it in forms without revealing it
  std::string created_at, last_seen_at, ip, user_agent;
  bool current = false;
};
std::vector<SessionRow> sessions_of(db::Connection& c, std::int64_t user_id, const std::string& current_hash);
//! Ends one session (key) or, with key "", every session but keep_hash's ("": every one); returns how many ended.
std::int64_t end_sessions(db::Connection& c, const auth::Principal& who, const std::string& key,
                          const std::string& keep_hash);
struct TokenRow {
  std::string key, label, created_at, last_used_at, last_ip, revoked_at;
};
std::vector<TokenRow> tokens_of(db::Connection& c, std::int64_t user_id);
Result<std::string> create_token(db::Connection& c, const auth::Principal& who, const std::string& label);
Result<void> revoke_token(db::Connection& c, const auth::Principal& who, const std::string& key);

// ---- bulk onboarding
struct Slip {
  std::int64_t user_id = 0;
  std::string full_name, unit_name, login, code, expires_at;
};
//! Cadres (party members, cán bộ, công chức, viên chức) of the unit's subtree still without an account.
std::int64_t count_without_account(db::Connection& c, std::int64_t unit_id);
std::vector<std::pair<std::string, std::string>> sample_without_account(db::Connection& c, std::int64_t unit_id, int limit);
//! Creates an account (đảng viên on their unit) and an activation code for each of them, in one transaction.
Result<std::vector<Slip>> bulk_create(db::Connection& c, const auth::Principal& who, std::int64_t unit_id);
//! The slips of (login, code) pairs typed back from the result page: each code must be live and the account
//! in the unit's subtree, so nobody prints slips of codes that do not work.
Result<std::vector<Slip>> slips_for(db::Connection& c, const auth::Principal& who, std::int64_t unit_id,
                                    const std::vector<std::pair<std::string, std::string>>& pairs);

nlohmann::json to_json(const Account& a);
nlohmann::json to_json(const GrantRow& g, std::int64_t user_id);

//! The role's label for a code ("quan_tri" → "Quản trị"), the code itself when unknown.
std::string role_label(const std::string& code);

}  // namespace ct05::accounts
