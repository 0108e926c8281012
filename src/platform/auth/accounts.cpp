#include "platform/auth/accounts.hpp"

#include <atomic>

#include <cctype>

#include "kernel/clock.hpp"
#include "kernel/text.hpp"
#include "platform/auth/crypto.hpp"

namespace ct05::auth {

namespace {
constexpr const char* kInsertUser =
    "INSERT INTO users (login, password_hash, display_name, person_id, active, created_at, folded) "
    "VALUES ($1, $2, $3, $4, 1, $5, $6) RETURNING id";
constexpr const char* kUserColumns = "SELECT id, login, display_name, person_id, active, password_hash FROM users ";
constexpr const char* kInsertSession =
    "INSERT INTO sessions (token_hash, user_id, csrf, created_at, expires_at, ip, user_agent, last_seen_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $4)";
constexpr const char* kSelectSession =
    "SELECT s.user_id, s.csrf, s.expires_at, s.last_seen_at FROM sessions s JOIN users u ON u.id = s.user_id "
    "WHERE s.token_hash = $1 AND u.active = 1";
constexpr const char* kInsertToken =
    "INSERT INTO api_tokens (token_hash, user_id, label, created_at) VALUES ($1, $2, $3, $4)";
constexpr const char* kSelectToken =
    "SELECT t.user_id, t.last_used_at FROM api_tokens t JOIN users u ON u.id = t.user_id "
    "WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.active = 1";
constexpr const char* kFailuresOfLoginFromIp =
    "SELECT COUNT(*), MAX(at) FROM login_attempts WHERE login = $1 AND ip = $2 AND ok = 0 AND at > $3";
constexpr const char* kFailuresOfLogin =
    "SELECT COUNT(*), MAX(at) FROM login_attempts WHERE login = $1 AND ok = 0";
constexpr const char* kLastFailureIp =
    "SELECT ip FROM login_attempts WHERE login = $1 AND ok = 0 ORDER BY at DESC, id DESC LIMIT 1";
constexpr const char* kCountFailuresByIp = "SELECT COUNT(*) FROM login_attempts WHERE ip = $1 AND ok = 0 AND at > $2";
constexpr const char* kInsertAttempt = "INSERT INTO login_attempts (login, ip, ok, at) VALUES ($1, $2, $3, $4)";

constexpr int kMaxFailuresPerLogin = 5;
// Last-seen times are written at most this often, so a busy reader does not write on every request.
constexpr std::int64_t kTouchSeconds = 300;

bool stale(const std::optional<std::string>& last, std::int64_t now) {
  return !last || *last < kernel::format_iso(now - kTouchSeconds);
}
constexpr int kMaxFailuresPerIp = 30;

User user_from(const db::Row& r) {
  return User{r.i64(0), r.str(1), r.str(2), r.i64(3), r.i64(4) != 0, r.str(5)};
}

}  // namespace

bool valid_login(const std::string& login) {
  if (login.size() < 3 || login.size() > 64) return false;
  for (char ch : login)
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '_' || ch == '-')) return false;
  return true;
}

namespace {
std::atomic<std::uint64_t> g_accounts_generation{0};
}

std::uint64_t accounts_generation() { return g_accounts_generation.load(std::memory_order_acquire); }
void accounts_changed() { g_accounts_generation.fetch_add(1, std::memory_order_acq_rel); }

Result<std::int64_t> create_user(db::Connection& c, const std::string& login, const std::string& password,
                                 const std::string& display_name, std::int64_t person_id) {
  std::vector<FieldError> errs;
  if (!valid_login(login))
    errs.push_back({"login", "Tên đăng nhập phải dài 3–64 ký tự, chỉ gồm chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang."});
  if (password.size() < 8) errs.push_back({"password", "Mật khẩu phải có ít nhất 8 ký tự."});
  if (!errs.empty()) return fail(Error::invalid(std::move(errs)));
  if (find_user(c, login)) return fail(Error::conflict("Tên đăng nhập \"" + login + "\" đã có người dùng."));
  db::Value person = person_id ? db::Value{person_id} : db::Value{};
  std::string shown = display_name.empty() ? login : display_name;
  auto row = c.query_one(kInsertUser, {login, hash_password(password), shown, person, kernel::now_iso(),
                                       kernel::fold(login + " " + shown)});
  return row->i64(0);
}

std::optional<User> find_user(db::Connection& c, const std::string& login) {
  auto r = c.query_one(std::string(kUserColumns) + "WHERE login = $1", {login});
  if (!r) return std::nullopt;
  return user_from(*r);
}

std::optional<User> find_user(db::Connection& c, std::int64_t id) {
  auto r = c.query_one(std::string(kUserColumns) + "WHERE id = $1", {id});
  if (!r) return std::nullopt;
  return user_from(*r);
}

void set_password(db::Connection& c, std::int64_t user_id, const std::string& password) {
  c.exec("UPDATE users SET password_hash = $1 WHERE id = $2", {hash_password(password), user_id});
  accounts_changed();
}

Session create_session(db::Connection& c, std::int64_t user_id, const std::string& ip, const std::string& user_agent) {
  Session s{user_id, random_token(), random_token(24)};
  auto now = kernel::now_seconds();
  c.exec(kInsertSession, {sha256_hex(s.token), user_id, s.csrf, kernel::format_iso(now),
                          kernel::format_iso(now + kSessionSeconds), ip, user_agent.substr(0, 200)});
  c.exec("UPDATE users SET last_login_at = $1 WHERE id = $2", {kernel::format_iso(now), user_id});
  // Expired sessions are swept here rather than by a timer: logins are rare and this keeps the table small.
  c.exec("DELETE FROM sessions WHERE expires_at < $1", {kernel::format_iso(now)});
  return s;
}

std::optional<Session> load_session(db::Connection& c, const std::string& raw_token, const std::string& ip) {
  if (raw_token.size() != 64) return std::nullopt;
  auto r = c.query_one(kSelectSession, {sha256_hex(raw_token)});
  if (!r || r->str(2) < kernel::now_iso()) return std::nullopt;
  if (auto now = kernel::now_seconds(); stale(r->opt(3), now))
    c.exec("UPDATE sessions SET last_seen_at = $1, ip = $2 WHERE token_hash = $3",
           {kernel::format_iso(now), ip, sha256_hex(raw_token)});
  return Session{r->i64(0), raw_token, r->str(1)};
}

void delete_session(db::Connection& c, const std::string& raw_token) {
  c.exec("DELETE FROM sessions WHERE token_hash = $1", {sha256_hex(raw_token)});
  accounts_changed();
}

std::string create_api_token(db::Connection& c, std::int64_t user_id, const std::string& label) {
  std::string raw = random_token();
  c.exec(kInsertToken, {sha256_hex(raw), user_id, label, kernel::now_iso()});
  return raw;
}

std::optional<std::int64_t> user_for_api_token(db::Connection& c, const std::string& raw_token, const std::string& ip) {
  if (raw_token.size() != 64) return std::nullopt;
  auto r = c.query_one(kSelectToken, {sha256_hex(raw_token)});
  if (!r) return std::nullopt;
  if (auto now = kernel::now_seconds(); stale(r->opt(1), now))
    c.exec("UPDATE api_tokens SET last_used_at = $1, last_ip = $2 WHERE token_hash = $3",
           {kernel::format_iso(now), ip, sha256_hex(raw_token)});
  return r->i64(0);
}

std::int64_t login_wait_seconds(db::Connection& c, const std::string& login, const std::string& ip) {
  auto now = kernel::now_seconds();
  std::string since = kernel::format_iso(now - 15 * 60);
  if (c.scalar(kCountFailuresByIp, {ip, since}) >= kMaxFailuresPerIp) return 15 * 60;
  auto r = c.query_one(kFailuresOfLoginFromIp, {login, ip, since});
  std::int64_t n = r ? r->i64(0) : 0;
  if (n < kMaxFailuresPerLogin || r->null(1)) return 0;
  std::int64_t delay = std::min<std::int64_t>(30LL << std::min<std::int64_t>(n - kMaxFailuresPerLogin, 10), 15 * 60);
  std::int64_t until = kernel::parse_iso_seconds(r->str(1)) + delay;
  return until > now ? until - now : 0;
}

Failures failures_since_last_login(db::Connection& c, std::int64_t user_id, const std::string& login) {
  Failures f;
  auto r = c.query_one(kFailuresOfLogin, {login});
  if (!r || r->i64(0) == 0) return f;
  f.count = r->i64(0);
  f.last_at = r->str(1);
  if (auto ip = c.query_one(kLastFailureIp, {login})) f.last_ip = ip->str(0);
  return f;
}

void record_login_attempt(db::Connection& c, const std::string& login, const std::string& ip, bool ok) {
  c.exec(kInsertAttempt, {login, ip, std::int64_t{ok ? 1 : 0}, kernel::now_iso()});
  if (ok) c.exec("DELETE FROM login_attempts WHERE login = $1 AND ok = 0", {login});
}

}  // namespace ct05::auth
