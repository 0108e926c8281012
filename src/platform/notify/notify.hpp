#pragma once
// In-app notifications and their e-mail twins. A workflow step that hands work to someone or answers someone
// (a commitment submitted → its reviewers; returned or accepted → its author; a register entry verified,
// approved, rejected or published → its nominator; a reset code issued → the account) calls send() inside its
// transaction: the notification and, when the account has an e-mail address and wants mail, a row of the mail
// queue are written with the change or not at all. `ct05 serve --smtp URL` sends the queue (platform/notify/mailer).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/db/db.hpp"

namespace ct05::notify {

struct Message {
  std::string kind;     //!< "plan.submitted", "plan.returned", "register.verified", "account.reset", …
  std::string subject;  //!< one Vietnamese line: "Cam kết năm 2026 của Hoàng Văn Bình chờ anh/chị duyệt"
  std::string body;     //!< plain Vietnamese text (may be empty); the link is added below it in the mail
  std::string href;     //!< the page to open, a local path ("/plans/12")
};

//! Notifies these accounts (inactive accounts and duplicates are skipped) inside the caller's transaction.
void send(db::Connection& c, const std::vector<std::int64_t>& user_ids, const Message& m);
//! Notifies the active accounts of a person (none: nothing happens).
void send_to_person(db::Connection& c, std::int64_t person_id, const Message& m);

struct Notification {
  std::int64_t id = 0;
  std::string kind, subject, body, href, created_at, read_at;
  bool read() const { return !read_at.empty(); }
};
std::vector<Notification> list(db::Connection& c, std::int64_t user_id, int limit, int offset);
std::int64_t count(db::Connection& c, std::int64_t user_id);
std::int64_t count_unread(db::Connection& c, std::int64_t user_id);
//! The notification if it belongs to the account.
std::optional<Notification> find(db::Connection& c, std::int64_t user_id, std::int64_t id);
//! Marks one (or, with id 0, every) notification of the account read; returns how many changed.
std::int64_t mark_read(db::Connection& c, std::int64_t user_id, std::int64_t id);

// ---- the mail queue
struct Mail {
  std::int64_t id = 0;
  std::string to, subject, body;
  int attempts = 0;
};
//! Up to limit mails due now (not sent, next attempt reached), oldest first.
std::vector<Mail> due_mails(db::Connection& c, int limit);
void mail_sent(db::Connection& c, std::int64_t id);
//! Records a failed attempt; the next one waits 1, 2, 4 … minutes (at most 6 hours); after 12 the mail is given up.
void mail_failed(db::Connection& c, std::int64_t id, const std::string& error);

//! The base URL put before links in mails ("https://ct05.backan.gov.vn"; set by serve --public-url).
void set_public_url(std::string url);
const std::string& public_url();

}  // namespace ct05::notify
