#include "support/smtp_sink.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

extern char** environ;

namespace ct05::testing {

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
int free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = 0;
  inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
  socklen_t len = sizeof a;
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
    port = ntohs(a.sin_port);
  close(fd);
  return port;
}
bool alive(pid_t pid) { return waitpid(pid, nullptr, WNOHANG) == 0; }

}  // namespace

SmtpSink::SmtpSink() {
  dir_ =
      std::filesystem::temp_directory_path() / ("ct05-mail-" + std::to_string(getpid()) + "-" + std::to_string(rand()));
  std::filesystem::create_directories(dir_);
  // The kernel names a free port; the child must be alive once the port answers, else another process took the
  // port in between (the db suites of both engines run at once under ctest) and we try again with a new one.
  for (int attempt = 0; attempt < 5 && !up(); ++attempt) {
    if (pid_) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
      pid_ = 0;
    }
    port_ = free_port();
    if (!port_) continue;
    std::string listen = "127.0.0.1:" + std::to_string(port_);
    std::string box = (dir_ / "Maildir").string();
    std::vector<std::string> args = {"/usr/bin/python3",          "-m", "aiosmtpd", "-n", "-l", listen, "-c",
                                     "aiosmtpd.handlers.Mailbox", box};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, argv[0], nullptr, nullptr, argv.data(), environ) != 0) pid_ = 0;
    // A deadline for a slow machine, not a timing check: 20 s.
    for (int i = 0; i < 400 && pid_ && !port_open(port_) && alive(pid_); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (pid_ && !alive(pid_)) {
      waitpid(pid_, nullptr, 0);
      pid_ = 0;
    }
  }
}
SmtpSink::~SmtpSink() {
  if (pid_) {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }
  std::filesystem::remove_all(dir_);
}
bool SmtpSink::up() const { return pid_ && port_ && alive(pid_) && port_open(port_); }
std::vector<std::string> SmtpSink::messages() const {
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

std::vector<std::string> SmtpSink::wait_for(std::size_t n) const {
  auto got = messages();
  for (int i = 0; i < 400 && got.size() < n; ++i) {  // up to 20 s on a slow machine
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    got = messages();
  }
  return got;
}

namespace {
int hex(char ch) { return ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10; }

}  // namespace

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

std::string to_of(const std::string& raw) {
  auto at = raw.find("\nTo: ");
  if (at == std::string::npos) return "";
  auto end = raw.find('\n', at + 1);
  std::string v = raw.substr(at + 5, end - at - 5);
  while (!v.empty() && (v.back() == '\r' || v.back() == ' ')) v.pop_back();
  return v;
}

}  // namespace ct05::testing
