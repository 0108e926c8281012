#include "platform/notify/notify.hpp"

#include <algorithm>
#include <mutex>

#include "kernel/clock.hpp"
#include "kernel/text.hpp"

namespace ct05::notify {

namespace {
constexpr const char* kActiveAccount = "SELECT email, email_notify FROM users WHERE id = $1 AND active = 1";
constexpr const char* kInsertNotification =
    "INSERT INTO notifications (user_id, kind, subject, body, href, created_at) VALUES ($1, $2, $3, $4, $5, $6)";
constexpr const char* kInsertMail =
    "INSERT INTO mail_queue (to_addr, subject, body, created_at, next_at) VALUES ($1, $2, $3, $4, $4)";
constexpr const char* kColumns = "SELECT id, kind, subject, body, href, created_at, read_at FROM notifications ";
constexpr const char* kDueMails =
    "SELECT id, to_addr, subject, body, attempts FROM mail_queue WHERE sent_at IS NULL AND given_up_at IS NULL AND "
    "next_at <= $1 ORDER BY id LIMIT $2";
constexpr int kMaxAttempts = 12;

std::mutex g_url_mu;
std::string& url_store() {
  static std::string u = "http://127.0.0.1:8080";
  return u;
}

Notification from(const db::Row& r) {
  return Notification{r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4), r.str(5), r.null(6) ? "" : r.str(6)};
}

std::string mail_body(const Message& m) {
  std::string b = "Kính gửi anh/chị,\n\n" + m.subject + ".\n";
  if (!m.body.empty()) b += "\n" + m.body + "\n";
  if (!m.href.empty()) b += "\nXem và xử lý tại: " + public_url() + m.href + "\n";
  b += "\n--\nThư gửi tự động từ ct05 (Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh).\n"
       "Không muốn nhận thư: tắt mục \"Nhận thông báo qua thư điện tử\" tại " +
       public_url() + "/account\n";
  return b;
}
}  // namespace

void send(db::Connection& c, const std::vector<std::int64_t>& user_ids, const Message& m) {
  std::vector<std::int64_t> ids = user_ids;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  auto now = kernel::now_iso();
  for (auto id : ids) {
    if (id <= 0) continue;
    auto acc = c.query_one(kActiveAccount, {id});
    if (!acc) continue;
    c.exec(kInsertNotification, {id, m.kind, kernel::truncate_utf8(m.subject, 500), m.body, m.href, now});
    if (!acc->str(0).empty() && acc->i64(1) != 0)
      c.exec(kInsertMail, {acc->str(0), "[ct05] " + kernel::truncate_utf8(m.subject, 300), mail_body(m), now});
  }
}

void send_to_person(db::Connection& c, std::int64_t person_id, const Message& m) {
  if (person_id <= 0) return;
  std::vector<std::int64_t> ids;
  for (const auto& r : c.query("SELECT id FROM users WHERE person_id = $1 AND active = 1", {person_id}))
    ids.push_back(r.i64(0));
  send(c, ids, m);
}

std::vector<Notification> list(db::Connection& c, std::int64_t user_id, int limit, int offset) {
  std::vector<Notification> out;
  for (const auto& r : c.query(std::string(kColumns) + "WHERE user_id = $1 ORDER BY id DESC LIMIT $2 OFFSET $3",
                               {user_id, std::int64_t{limit}, std::int64_t{offset}}))
    out.push_back(from(r));
  return out;
}

std::int64_t count(db::Connection& c, std::int64_t user_id) {
  return c.scalar("SELECT COUNT(*) FROM notifications WHERE user_id = $1", {user_id});
}

std::int64_t count_unread(db::Connection& c, std::int64_t user_id) {
  return c.scalar("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL", {user_id});
}

std::optional<Notification> find(db::Connection& c, std::int64_t user_id, std::int64_t id) {
  auto r = c.query_one(std::string(kColumns) + "WHERE id = $1 AND user_id = $2", {id, user_id});
  if (!r) return std::nullopt;
  return from(*r);
}

std::int64_t mark_read(db::Connection& c, std::int64_t user_id, std::int64_t id) {
  if (id == 0)
    return c.exec("UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL",
                  {kernel::now_iso(), user_id});
  return c.exec("UPDATE notifications SET read_at = $1 WHERE id = $2 AND user_id = $3 AND read_at IS NULL",
                {kernel::now_iso(), id, user_id});
}

std::vector<Mail> due_mails(db::Connection& c, int limit) {
  std::vector<Mail> out;
  for (const auto& r : c.query(kDueMails, {kernel::now_iso(), std::int64_t{limit}}))
    out.push_back(Mail{r.i64(0), r.str(1), r.str(2), r.str(3), static_cast<int>(r.i64(4))});
  return out;
}

void mail_sent(db::Connection& c, std::int64_t id) {
  c.exec("UPDATE mail_queue SET sent_at = $1, attempts = attempts + 1 WHERE id = $2", {kernel::now_iso(), id});
}

void mail_failed(db::Connection& c, std::int64_t id, const std::string& error) {
  auto r = c.query_one("SELECT attempts FROM mail_queue WHERE id = $1", {id});
  if (!r) return;
  int attempts = static_cast<int>(r->i64(0)) + 1;
  std::int64_t wait = std::min<std::int64_t>(60LL << std::min(attempts - 1, 20), 6 * 3600);
  auto now = kernel::now_seconds();
  c.exec("UPDATE mail_queue SET attempts = $1, last_error = $2, next_at = $3, given_up_at = $4 WHERE id = $5",
         {std::int64_t{attempts}, kernel::truncate_utf8(error, 500), kernel::format_iso(now + wait),
          attempts >= kMaxAttempts ? db::Value{kernel::format_iso(now)} : db::Value{}, id});
}

void set_public_url(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  std::lock_guard g(g_url_mu);
  url_store() = std::move(url);
}

const std::string& public_url() {
  std::lock_guard g(g_url_mu);
  return url_store();
}

}  // namespace ct05::notify
