#pragma once
// A throwaway SMTP server for the mail tests: Debian's python3-aiosmtpd on a loopback port, storing every mail it
// receives in a Maildir, and the decoding a mail reader does (quoted-printable bodies, RFC 2047 subjects).
#include <filesystem>
#include <string>
#include <vector>

#include <sys/types.h>

namespace ct05::testing {

class SmtpSink {
 public:
  SmtpSink();
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;
  bool up() const;
  int port() const { return port_; }
  //! The raw messages received so far.
  std::vector<std::string> messages() const;
  //! Waits up to 20 s (a deadline for a loaded machine) for at least n messages and returns what arrived.
  std::vector<std::string> wait_for(std::size_t n) const;

 private:
  std::filesystem::path dir_;
  int port_ = 0;
  pid_t pid_ = 0;
};

//! Decodes quoted-printable text.
std::string unqp(const std::string& s, bool underscore_is_space = false);
//! The decoded Subject header of a raw mail.
std::string subject_of(const std::string& raw);
//! The address of the To: header.
std::string to_of(const std::string& raw);

}  // namespace ct05::testing
