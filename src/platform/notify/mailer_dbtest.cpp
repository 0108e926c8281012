// Notifications and their mails on both engines, against a real SMTP server on loopback (Debian's python3-aiosmtpd
// writing a Maildir): the mail arrives with its Vietnamese subject and link, a person who turned mail off gets
// none, and an unreachable server leaves the mail queued for a later try.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include "kernel/clock.hpp"
#include "platform/notify/mailer.hpp"
#include "platform/notify/notify.hpp"
#include "support/test_db.hpp"

extern char** environ;

namespace ct05::notify {
namespace {

bool port_open(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
  bool ok = connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  close(fd);
  return ok;
}

// A throwaway SMTP server that stores every mail it receives in a Maildir.
class SmtpSink {
 public:
  SmtpSink() {
    dir_ = std::filesystem::temp_directory_path() / ("ct05-mail-" + std::to_string(getpid()) + "-" + std::to_string(rand()));
    std::filesystem::create_directories(dir_);
    std::mt19937 rng(std::random_device{}());
    port_ = 20000 + static_cast<int>(rng() % 20000);
    std::string listen = "127.0.0.1:" + std::to_string(port_);
    std::string box = (dir_ / "Maildir").string();
    std::vector<std::string> args = {"/usr/bin/python3", "-m", "aiosmtpd", "-n", "-l", listen, "-c", "aiosmtpd.handlers.Mailbox", box};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, argv[0], nullptr, nullptr, argv.data(), environ) != 0) pid_ = 0;
    for (int i = 0; i < 100 && pid_ && !port_open(port_); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ~SmtpSink() {
    if (pid_) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
    std::filesystem::remove_all(dir_);
  }
  bool up() const { return pid_ && port_open(port_); }
  int port() const { return port_; }
  //! The raw messages received so far.
  std::vector<std::string> messages() const {
    std::vector<std::string> out;
    auto nd = dir_ / "Maildir" / "new";
    if (!std::filesystem::exists(nd)) return out;
    for (const auto& f : std::filesystem::directory_iterator(nd)) {
      std::ifstream in(f.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      out.push_back(ss.str());
    }
    return out;
  }

 private:
  std::filesystem::path dir_;
  int port_ = 0;
  pid_t pid_ = 0;
};

int hex(char ch) { return ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10; }

// Decodes quoted-printable text (the body) and RFC 2047 words (the subject), as a mail reader does.
std::string unqp(const std::string& s, bool underscore_is_space) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '=' && i + 1 < s.size() && (s[i + 1] == '\r' || s[i + 1] == '\n')) {
      i += (s[i + 1] == '\r' && i + 2 < s.size() && s[i + 2] == '\n') ? 2 : 1;
    } else if (s[i] == '=' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1]))) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else if (underscore_is_space && s[i] == '_') {
      out += ' ';
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string subject_of(const std::string& raw) {
  auto at = raw.find("\nSubject: ");
  if (at == std::string::npos) return "";
  auto end = raw.find('\n', at + 1);
  std::string v = raw.substr(at + 10, end - at - 10);
  while (end + 1 < raw.size() && (raw[end + 1] == ' ' || raw[end + 1] == '\t')) {  // folded header
    auto next = raw.find('\n', end + 1);
    v += raw.substr(end + 1, next - end - 1);
    end = next;
  }
  std::string out;
  for (std::size_t p = 0; (p = v.find("=?", p)) != std::string::npos;) {
    auto q = v.find("?q?", p);
    if (q == std::string::npos) q = v.find("?Q?", p);
    auto e = v.find("?=", q + 3);
    out += unqp(v.substr(q + 3, e - q - 3), true);
    p = e + 2;
  }
  return out.empty() ? v : out;
}

class Mail : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TestDb>();
    set_public_url("https://ct05.example.vn");
  }
  std::int64_t user(const std::string& login, const std::string& email, bool wants_mail) {
    return db_->conn()
        .query_one("INSERT INTO users (login, password_hash, display_name, active, created_at, email, email_notify) "
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
  send(c, {wants, declines}, {"plan.returned", "Cam kết năm 2026 của bạn bị trả lại: bổ sung thời hạn", "", "/plans/12"});
  EXPECT_EQ(count_unread(c, wants), 1);
  EXPECT_EQ(count_unread(c, declines), 1);  // in the app always; by mail only when wanted
  SmtpTarget t;
  t.host = "127.0.0.1";
  t.port = static_cast<std::uint16_t>(sink.port());
  t.from = "ct05@example.vn";
  EXPECT_EQ(send_due(c, t), 1);
  std::vector<std::string> got;
  for (int i = 0; i < 50 && got.empty(); ++i) {
    got = sink.messages();
    if (got.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
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
