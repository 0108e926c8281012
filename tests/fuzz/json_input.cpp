// libFuzzer target: http::json_object on an API request body, then the typed field readers on what it gives.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "platform/http/json_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ct05::http;
  Request req;
  req.method = "POST";
  req.headers["content-type"] = "application/json";
  req.body.assign(reinterpret_cast<const char*>(data), size);
  (void)text_input_error(req);  // walks every key and string of any JSON body
  auto j = json_object(req);
  if (!j) return 0;
  if (!j->is_object()) std::abort();
  JsonFields f(*j);
  for (const auto& [name, value] : j->items()) {
    (void)f.text(name);
    (void)f.integer(name);
    (void)f.boolean(name);
  }
  (void)f.text("full_name");
  (void)f.integer("unit_id");
  (void)f.boolean("public");
  // Dumping checks what was parsed is well-formed: invalid UTF-8 in a string would throw here.
  (void)j->dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
  return 0;
}
