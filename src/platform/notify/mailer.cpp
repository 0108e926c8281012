#include "platform/notify/mailer.hpp"

#include <chrono>

#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/SMTPClientSession.h>
#include <spdlog/spdlog.h>

#include "platform/notify/notify.hpp"

namespace ct05::notify {

Result<SmtpTarget> parse_smtp_url(const std::string& url) {
  auto bad = [&] {
    return fail(Error::invalid({{"smtp", "Địa chỉ máy chủ thư phải có dạng smtp://MÁY:CỔNG hoặc smtp://TÊN:MẬTKHẨU@MÁY:CỔNG, "
                                         "nhận được \"" + url + "\"."}}));
  };
  const std::string scheme = "smtp://";
  if (url.rfind(scheme, 0) != 0) return bad();
  std::string rest = url.substr(scheme.size());
  while (!rest.empty() && rest.back() == '/') rest.pop_back();
  SmtpTarget t;
  if (auto at = rest.rfind('@'); at != std::string::npos) {
    std::string cred = rest.substr(0, at);
    rest = rest.substr(at + 1);
    auto colon = cred.find(':');
    if (colon == std::string::npos) return bad();
    t.user = cred.substr(0, colon);
    t.password = cred.substr(colon + 1);
  }
  if (auto colon = rest.rfind(':'); colon != std::string::npos) {
    std::string p = rest.substr(colon + 1);
    rest = rest.substr(0, colon);
    if (p.empty() || p.size() > 5 || p.find_first_not_of("0123456789") != std::string::npos) return bad();
    int port = std::stoi(p);
    if (port <= 0 || port > 65535) return bad();
    t.port = static_cast<std::uint16_t>(port);
  }
  if (rest.empty()) return bad();
  t.host = rest;
  return t;
}

int send_due(db::Connection& c, const SmtpTarget& target, int limit) {
  auto mails = due_mails(c, limit);
  if (mails.empty()) return 0;
  int sent = 0;
  try {
    Poco::Net::SMTPClientSession session(target.host, target.port);
    session.open();
    if (target.user.empty()) session.login();
    else session.login(Poco::Net::SMTPClientSession::AUTH_LOGIN, target.user, target.password);
    for (const auto& m : mails) {
      try {
        Poco::Net::MailMessage msg;
        msg.setSender(target.from);
        msg.addRecipient(Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, m.to));
        msg.setSubject(Poco::Net::MailMessage::encodeWord(m.subject, "UTF-8"));
        msg.setContentType("text/plain; charset=UTF-8");
        msg.setContent(m.body, Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
        session.sendMessage(msg);
        mail_sent(c, m.id);
        ++sent;
      } catch (const Poco::Exception& e) {
        mail_failed(c, m.id, e.displayText());
        spdlog::warn("mail {} to {}: {}", m.id, m.to, e.displayText());
      }
    }
    session.close();
  } catch (const Poco::Exception& e) {
    // The server is unreachable: every mail of this batch waits for its next try.
    for (const auto& m : mails)
      if (c.scalar("SELECT COUNT(*) FROM mail_queue WHERE id = $1 AND sent_at IS NULL", {m.id}) > 0)
        mail_failed(c, m.id, e.displayText());
    spdlog::warn("SMTP {}:{}: {}", target.host, target.port, e.displayText());
  }
  return sent;
}

Mailer::Mailer(db::Pool& pool, SmtpTarget target, int interval_seconds)
    : pool_(pool), target_(std::move(target)), interval_(interval_seconds), thread_([this] { loop(); }) {}

Mailer::~Mailer() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

void Mailer::loop() {
  while (!stop_) {
    try {
      auto lease = pool_.lease();
      while (!stop_ && send_due(*lease, target_) > 0) {
      }
    } catch (const std::exception& e) {
      spdlog::error("mail queue: {}", e.what());
    }
    for (int i = 0; i < interval_ * 10 && !stop_; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

}  // namespace ct05::notify
