#pragma once
// Sends the mail queue (notify.hpp) through an SMTP server: `ct05 serve --smtp smtp://HOST:PORT` (optionally
// smtp://USER:PASSWORD@HOST:PORT, AUTH LOGIN). A request only inserts into the queue; this sender works on its own
// thread, each mail at most once at a time, and a failure waits 1, 2, 4 … minutes before the next try. Encryption:
// send to a local relay (exim4, postfix) that forwards with TLS.
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <thread>

#include "kernel/error.hpp"
#include "platform/db/db.hpp"

namespace ct05::notify {

struct SmtpTarget {
  std::string host;
  std::uint16_t port = 25;
  std::string user, password;
  std::string from = "ct05@localhost";  //!< the sender address (serve --mail-from)
};
//! Parses smtp://[USER:PASSWORD@]HOST[:PORT]; Invalid with a Vietnamese message otherwise.
Result<SmtpTarget> parse_smtp_url(const std::string& url);

//! Sends up to limit due mails now; returns how many were sent (failures are recorded for a later try).
int send_due(db::Connection& c, const SmtpTarget& target, int limit = 20);

//! The background sender of `serve`.
class Mailer {
 public:
  Mailer(db::Pool& pool, SmtpTarget target, int interval_seconds = 5);
  ~Mailer();
  Mailer(const Mailer&) = delete;
  Mailer& operator=(const Mailer&) = delete;

 private:
  void loop();
  db::Pool& pool_;
  SmtpTarget target_;
  int interval_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace ct05::notify
