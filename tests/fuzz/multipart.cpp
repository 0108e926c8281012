// libFuzzer target: http::parse_multipart. The input is "<Content-Type header>\n<body>" (the part before the first
// newline is the header), so the fuzzer varies the boundary as well as the body.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "platform/http/multipart.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ct05::http;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  auto nl = in.find('\n');
  std::string_view type = nl == std::string_view::npos ? in : in.substr(0, nl);
  std::string_view body = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);
  auto form = parse_multipart(type, body);
  if (form) {
    if (form->fields.size() + form->files.size() > kMaxMultipartParts) std::abort();
    for (const auto& f : form->files) {
      if (f.filename.empty()) std::abort();  // empty file inputs are skipped
      if (f.data.size() > body.size()) std::abort();
    }
  } else if (form.error().message.empty()) {
    std::abort();
  }
  return 0;
}
