#pragma once
// Accounts, browser sessions, API tokens and login throttling, stored in the database so several
// `ct05 serve` processes can share them (DESIGN §6).
#include <cstdint>
#include <optional>
#include <string>

#include "kernel/error.hpp"
#include "platform/db/db.hpp"

namespace ct05::auth {

struct User {
  std::int64_t id = 0;
  std::string login;
  std::string display_name;
  std::int64_t person_id = 0;
  bool active = true;
  std::string password_hash;
};

//! 3–64 characters of ASCII letters, digits, '.', '_' and '-'.
bool valid_login(const std::string& login);
//! Creates an account; a Conflict when the login exists, Invalid for a bad login or a short password.
Result<std::int64_t> create_user(db::Connection& c, const std::string& login, const std::string& password,
                                 const std::string& display_name, std::int64_t person_id);
std::optional<User> find_user(db::Connection& c, const std::string& login);
std::optional<User> find_user(db::Connection& c, std::int64_t id);
//! Sets a new password (already validated by the caller).
void set_password(db::Connection& c, std::int64_t user_id, const std::string& password);

struct Session {
  std::int64_t user_id = 0;
  std::string token;  //!< the raw cookie value (only ever in the cookie; the table keeps its hash)
  std::string csrf;   //!< per-session CSRF token for forms and htmx
};

constexpr std::int64_t kSessionSeconds = 12 * 3600;

//! Opens a session for user_id from this address and browser, records the login time and returns the session
//! with its raw token.
Session create_session(db::Connection& c, std::int64_t user_id, const std::string& ip = "", const std::string& user_agent = "");
//! The live session behind a raw token, or nothing when unknown, expired or its account is disabled. Notes when
//! it was last seen (at most every few minutes, so reads stay reads).
std::optional<Session> load_session(db::Connection& c, const std::string& raw_token, const std::string& ip = "");
void delete_session(db::Connection& c, const std::string& raw_token);

//! A number that changes whenever an account, a session or a grant changes in this process; the web layer
//! drops the principals it keeps for a moment (http::App) when it moves. Call accounts_changed() after such
//! a change.
std::uint64_t accounts_generation();
void accounts_changed();

//! Issues a bearer token for the API; only its hash is stored.
std::string create_api_token(db::Connection& c, std::int64_t user_id, const std::string& label);
//! The active user behind a bearer token (not revoked, account not disabled); notes when and from where it was
//! last used (at most every few minutes).
std::optional<std::int64_t> user_for_api_token(db::Connection& c, const std::string& raw_token, const std::string& ip = "");

//! How long (seconds) this login must wait before another try from this address; 0 when it may try now. After 5
//! failures of the login from the address in 15 minutes the wait grows (30 s, 1, 2, 4 … minutes, at most 15), and an
//! address that failed 30 times in 15 minutes over any logins waits until its failures age out. The owner trying
//! from elsewhere is not held back by someone else's guesses.
std::int64_t login_wait_seconds(db::Connection& c, const std::string& login, const std::string& ip);
inline bool login_throttled(db::Connection& c, const std::string& login, const std::string& ip) {
  return login_wait_seconds(c, login, ip) > 0;
}
//! Failed logins of an account since its last successful one (they are cleared by a success), for telling the owner.
struct Failures {
  std::int64_t count = 0;
  std::string last_at, last_ip;
};
Failures failures_since_last_login(db::Connection& c, std::int64_t user_id, const std::string& login);
void record_login_attempt(db::Connection& c, const std::string& login, const std::string& ip, bool ok);

}  // namespace ct05::auth
