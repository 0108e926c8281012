#pragma once
// Request and response as plain values, so handlers and tests never see the server library.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kernel/error.hpp"
#include "platform/http/multipart.hpp"

namespace ct05::http {

//! Decoded query or form fields; a name may repeat.
class Fields {
 public:
  Fields() = default;
  //! Parses application/x-www-form-urlencoded text.
  static Fields parse(std::string_view encoded);
  //! The first value of name, or "".
  std::string get(std::string_view name) const;
  //! The first value, trimmed of surrounding whitespace.
  std::string trimmed(std::string_view name) const;
  bool has(std::string_view name) const;
  //! The first value as a record id (a positive integer), or nothing.
  std::optional<std::int64_t> id(std::string_view name) const;
  void add(std::string name, std::string value) { items_.emplace_back(std::move(name), std::move(value)); }
  const std::vector<std::pair<std::string, std::string>>& items() const { return items_; }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

struct Request {
  std::string method;  //!< "GET", "POST", …
  std::string path;    //!< decoded path without the query
  std::string query_string;
  std::string body;
  std::map<std::string, std::string> headers;  //!< lower-case names
  std::string remote_ip;  //!< the client's address: the peer's, or what a trusted proxy says (App::handle)
  bool secure = false;    //!< reached over HTTPS (directly or through a trusted proxy): cookies get Secure, HSTS is sent

  std::string header(const std::string& lower_name) const;
  std::string cookie(std::string_view name) const;
  const Fields& query() const;
  //! Form fields of a urlencoded body, or the text fields of a multipart/form-data body
  //! (none when the multipart body is malformed).
  const Fields& form() const;
  //! The files of a multipart/form-data body (file inputs left empty are not there); empty for other
  //! bodies and for a malformed multipart body.
  const std::vector<UploadedFile>& files() const;

 private:
  mutable std::optional<Fields> query_, form_;
  mutable std::vector<UploadedFile> files_;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  //! The answer shows a secret once (an activation code, a new API token): a retry's replay never keeps its body.
  bool secret = false;

  Response& header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  std::string header_value(std::string_view name) const;

  static Response html(std::string body, int status = 200);
  static Response json(std::string body, int status = 200);
  static Response text(std::string body, int status = 200, std::string type = "text/plain; charset=utf-8");
  //! 303 See Other, the answer to a successful form POST.
  static Response redirect(std::string location);
};

//! The one mapping from error codes to HTTP statuses; handlers never pick statuses by hand.
int status_for(ErrorCode code);
//! "Forbidden", "Not Found", … for a status.
std::string_view reason_phrase(int status);
//! A record id: 1–18 decimal digits, greater than zero.
std::optional<std::int64_t> parse_id(std::string_view s);
//! Percent-decodes a URL component ('+' as space when form is true).
std::string url_decode(std::string_view s, bool form);
//! Percent-encodes a query value.
std::string url_encode(std::string_view s);
//! Escapes text for HTML outside templates (error pages built in C++).
std::string html_escape(std::string_view s);
//! The one check of every text input (App::dispatch runs it before any handler): query and form
//! fields (names and values), multipart text fields and file names, and a JSON body's keys and
//! strings must be valid UTF-8 without control characters other than tab and newline. An error
//! naming the first offending field, or nothing. Uploaded file contents and non-JSON bodies are
//! left to their readers.
std::optional<Error> text_input_error(const Request& req);

}  // namespace ct05::http
