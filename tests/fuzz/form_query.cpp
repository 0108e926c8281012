// libFuzzer target: the application/x-www-form-urlencoded parser (http::Fields) behind Request::query() and
// Request::form(), plus the control-character check of every request (text_input_error), url_decode, parse_id and the cookie reader that read the same kind of text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "platform/http/http.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ct05::http;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  auto f = Fields::parse(in);
  for (const auto& [name, value] : f.items()) {
    if (!f.has(name)) std::abort();
    (void)f.get(name);
    (void)f.trimmed(name);
    if (auto id = f.id(name); id && *id <= 0) std::abort();
  }
  if (url_decode(in, true).size() > in.size() || url_decode(in, false).size() > in.size()) std::abort();
  if (auto id = parse_id(in); id && *id <= 0) std::abort();
  (void)url_encode(in);
  (void)html_escape(in);

  Request req;
  req.method = "POST";
  req.query_string = std::string(in);
  req.body = std::string(in);
  req.headers["content-type"] = "application/x-www-form-urlencoded";
  req.headers["cookie"] = std::string(in);
  (void)req.query().get("q");
  (void)req.form().get("full_name");
  (void)req.cookie("ct05_session");
  (void)text_input_error(req);  // the control-character check every request goes through
  return 0;
}
