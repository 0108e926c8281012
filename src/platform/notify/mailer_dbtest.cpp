// Notifications and their mails on both engines, against a real SMTP server on loopback (Debian's python3-aiosmtpd
// writing a Maildir): the mail arrives with its Vietnamese subject and link, a person who turned mail off gets
// none, and an unreachable server leaves the mail queued for a later try.

#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "kernel/clock.hpp"
#include "platform/notify/mailer.hpp"
#include "platform/notify/notify.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_db.hpp"

namespace ct05::notify {
namespace {

using testing::SmtpSink;
using testing::subject_of;
using testing::unqp;

class Mail : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TestDb>();
    set_public_url("https://ct05.example.vn");
  }
  std::int64_t user(const std::string& login, const std::string& email, bool wants_mail) {
    return db_->conn()
        .query_one(
            "INSERT INTO users (login, password_hash, display_name, active, created_at, email, email_notify) "
            "VALUES ($1, '', $1, 1, $2, $3, $4) RETURNING id",
            {login, kernel::now_iso(), email, std::int64_t{wants_mail ? 1 : 0}})
        ->i64(0);
  }
  std::unique_ptr<testing::TestDb> db_;
};

TEST_F(Mail, ANotificationArrivesByMailWithItsSubjectAndLink) {
  SmtpSink sink;
  ASSERT_TRUE(sink.up()) << "python3-aiosmtpd must be installed (scripts/setup.sh)";
  auto& c = db_->conn();
  auto wants = user("thoilt", "thoi@example.vn", true);
  auto declines = user("minhph", "minh@example.vn", false);
  send(c, {wants, declines},
       {"plan.returned", "Cam kết năm 2026 của bạn bị trả lại: bổ sung thời hạn", "", "/plans/12"});
  EXPECT_EQ(count_unread(c, wants), 1);
  EXPECT_EQ(count_unread(c, declines), 1);  // in the app always; by mail only when wanted
  SmtpTarget t;
  t.host = "127.0.0.1";
  t.port = static_cast<std::uint16_t>(sink.port());
  t.from = "ct05@example.vn";
  EXPECT_EQ(send_due(c, t), 1);
  auto got = sink.wait_for(1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_NE(got[0].find("thoi@example.vn"), std::string::npos);
  EXPECT_EQ(subject_of(got[0]), "[ct05] Cam kết năm 2026 của bạn bị trả lại: bổ sung thời hạn");
  EXPECT_NE(unqp(got[0], false).find("https://ct05.example.vn/plans/12"), std::string::npos);
  EXPECT_EQ(send_due(c, t), 0);  // sent once
  EXPECT_EQ(c.scalar("SELECT COUNT(*) FROM mail_queue WHERE sent_at IS NOT NULL"), 1);
}

TEST_F(Mail, AnUnreachableServerLeavesTheMailQueuedWithBackoff) {
  auto& c = db_->conn();
  auto id = user("thoilt", "thoi@example.vn", true);
  send(c, {id}, {"account.reset", "Mật khẩu đã được đặt lại", "", "/activate"});
  SmtpTarget t;
  t.host = "127.0.0.1";
  t.port = 9;  // nothing listens on discard
  EXPECT_EQ(send_due(c, t), 0);
  auto r = c.query_one("SELECT attempts, last_error, next_at, sent_at FROM mail_queue");
  EXPECT_EQ(r->i64(0), 1);
  EXPECT_FALSE(r->str(1).empty());
  EXPECT_GT(r->str(2), kernel::now_iso());  // waits before the next try
  EXPECT_TRUE(r->null(3));
  EXPECT_TRUE(due_mails(c, 10).empty());
}

TEST(SmtpUrl, Parses) {
  auto t = parse_smtp_url("smtp://ct05:bi-mat@mail.backan.gov.vn:587");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->host, "mail.backan.gov.vn");
  EXPECT_EQ(t->port, 587);
  EXPECT_EQ(t->user, "ct05");
  EXPECT_EQ(t->password, "bi-mat");
  EXPECT_EQ(parse_smtp_url("smtp://localhost")->port, 25);
  EXPECT_FALSE(parse_smtp_url("http://localhost:25"));
  EXPECT_FALSE(parse_smtp_url("smtp://localhost:99999"));
}

}  // namespace
}  // namespace ct05::notify
