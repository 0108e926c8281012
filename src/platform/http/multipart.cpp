#include "platform/http/multipart.hpp"

#include <optional>

namespace ct05::http {

namespace {

// Header blocks of a part are a few hundred bytes in practice; a larger one is not a browser form.
constexpr std::size_t kMaxPartHeaderBytes = 8 * 1024;
// RFC 2046: a boundary is 1 to 70 characters.
constexpr std::size_t kMaxBoundary = 70;

using Params = std::vector<std::pair<std::string, std::string>>;

Error malformed(std::string detail) {
  Error e = Error::invalid({}, "Biểu mẫu gửi lên không đúng định dạng. Vui lòng tải lại trang và thử lại.");
  e.detail = "multipart/form-data: " + std::move(detail);
  return e;
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Parses the `; name=value; name="quoted value"` list that follows the first token of a header value.
// Names are lower-cased. Inside quotes only \" and \\ are escapes, so that a Windows path sent as a
// file name ("C:\Users\…") keeps its backslashes; browsers send a quote in a name as %22.
std::optional<Params> parse_params(std::string_view s) {
  Params out;
  std::size_t i = 0;
  auto skip_space = [&] {
    while (i < s.size() && is_space(s[i])) ++i;
  };
  for (;;) {
    skip_space();
    if (i == s.size()) return out;
    if (s[i] != ';') return std::nullopt;
    ++i;
    skip_space();
    if (i == s.size()) return out;  // a trailing ';'
    std::size_t start = i;
    while (i < s.size() && s[i] != '=' && s[i] != ';' && !is_space(s[i])) ++i;
    std::string name = lower(s.substr(start, i - start));
    skip_space();
    if (name.empty() || i == s.size() || s[i] != '=') return std::nullopt;
    ++i;
    skip_space();
    std::string value;
    if (i < s.size() && s[i] == '"') {
      ++i;
      bool closed = false;
      while (i < s.size()) {
        char c = s[i++];
        if (c == '"') {
          closed = true;
          break;
        }
        if (c == '\\' && i < s.size() && (s[i] == '"' || s[i] == '\\')) c = s[i++];
        value += c;
      }
      if (!closed) return std::nullopt;
    } else {
      start = i;
      while (i < s.size() && s[i] != ';' && !is_space(s[i])) ++i;
      value = s.substr(start, i - start);
    }
    out.emplace_back(std::move(name), std::move(value));
  }
}

const std::string* find_param(const Params& params, std::string_view name) {
  for (const auto& [k, v] : params)
    if (k == name) return &v;
  return nullptr;
}

// A delimiter line found in the body: [begin, end) covers CRLF "--" boundary and what closes the line.
struct Delimiter {
  std::size_t begin = 0, end = 0;
  bool closing = false;  //!< "--boundary--": the last one
};

// Checks what follows a "--boundary" that ends at `after`: "--" (the closing delimiter) or optional
// spaces and CRLF. Anything else means the text only looks like a boundary and is part of the data.
std::optional<Delimiter> delimiter_line(std::string_view body, std::size_t begin, std::size_t after) {
  if (body.substr(after, 2) == "--") return Delimiter{begin, after + 2, true};
  while (after < body.size() && is_space(body[after])) ++after;
  if (body.substr(after, 2) == "\r\n") return Delimiter{begin, after + 2, false};
  return std::nullopt;
}

// The next delimiter line at or after `from`. The CRLF before "--boundary" belongs to the delimiter,
// so "--boundary" that does not start a line is data (RFC 2046 §5.1.1).
std::optional<Delimiter> next_delimiter(std::string_view body, std::size_t from, std::string_view delimiter) {
  for (std::size_t at = body.find(delimiter, from); at != std::string_view::npos; at = body.find(delimiter, at + 1))
    if (auto d = delimiter_line(body, at, at + delimiter.size())) return d;
  return std::nullopt;
}

// Adds one part (headers CRLF CRLF data) to the form.
Result<bool> parse_part(std::string_view part, MultipartForm& form) {
  std::string_view headers, data;
  if (part.substr(0, 2) == "\r\n") {
    data = part.substr(2);  // no headers at all: rejected below for want of a Content-Disposition
  } else {
    std::size_t end = part.find("\r\n\r\n");
    if (end == std::string_view::npos) return fail(malformed("part headers do not end"));
    headers = part.substr(0, end);
    data = part.substr(end + 4);
  }
  if (headers.size() > kMaxPartHeaderBytes) return fail(malformed("part headers too long"));

  std::optional<std::string> name, filename;
  std::string content_type;
  bool seen_disposition = false;
  std::size_t pos = 0;
  while (pos < headers.size()) {
    std::size_t eol = headers.find("\r\n", pos);
    std::string_view line = headers.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
    pos = eol == std::string_view::npos ? headers.size() : eol + 2;
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 || is_space(line[0]))
      return fail(malformed("bad part header line"));
    std::string header = lower(trim(line.substr(0, colon)));
    std::string_view value = trim(line.substr(colon + 1));
    if (header == "content-disposition") {
      if (seen_disposition) return fail(malformed("two Content-Disposition headers"));
      seen_disposition = true;
      std::size_t semi = value.find(';');
      if (lower(trim(value.substr(0, semi))) != "form-data") return fail(malformed("disposition is not form-data"));
      auto params = parse_params(semi == std::string_view::npos ? std::string_view{} : value.substr(semi));
      if (!params) return fail(malformed("bad Content-Disposition parameters"));
      if (const auto* n = find_param(*params, "name")) name = *n;
      if (const auto* f = find_param(*params, "filename")) filename = *f;
    } else if (header == "content-type") {
      content_type = std::string(value);
    }
  }
  if (!name) return fail(malformed("part without a name"));
  if (!filename) {
    form.fields.emplace_back(std::move(*name), std::string(data));
  } else if (!filename->empty()) {  // filename="" is a file input left empty
    form.files.push_back(
        UploadedFile{std::move(*name), std::move(*filename), std::move(content_type), std::string(data)});
  }
  return true;
}

}  // namespace

Result<MultipartForm> parse_multipart(std::string_view content_type_header, std::string_view body) {
  std::size_t semi = content_type_header.find(';');
  if (lower(trim(content_type_header.substr(0, semi))) != "multipart/form-data")
    return fail(malformed("not multipart/form-data"));
  auto params = parse_params(semi == std::string_view::npos ? std::string_view{} : content_type_header.substr(semi));
  if (!params) return fail(malformed("bad Content-Type parameters"));
  const std::string* boundary = find_param(*params, "boundary");
  if (!boundary || boundary->empty() || boundary->size() > kMaxBoundary ||
      boundary->find_first_of("\r\n") != std::string::npos)
    return fail(malformed("missing or invalid boundary"));

  const std::string delimiter = "\r\n--" + *boundary;
  const std::string_view dash_boundary = std::string_view(delimiter).substr(2);
  // The first delimiter usually opens the body, without a CRLF before it; anything before it is a preamble.
  std::optional<Delimiter> d;
  if (body.substr(0, dash_boundary.size()) == dash_boundary) d = delimiter_line(body, 0, dash_boundary.size());
  if (!d) d = next_delimiter(body, 0, delimiter);
  if (!d) return fail(malformed("no boundary in the body"));

  MultipartForm form;
  std::size_t parts = 0;
  while (!d->closing) {
    std::size_t start = d->end;
    auto next = next_delimiter(body, start, delimiter);
    if (!next) return fail(malformed("missing closing boundary"));
    if (++parts > kMaxMultipartParts) {
      Error e = Error::invalid({}, "Biểu mẫu có quá nhiều phần (tối đa " + std::to_string(kMaxMultipartParts) +
                                       " trường và tệp). Vui lòng gửi ít tệp hơn.");
      e.detail = "multipart/form-data: more than " + std::to_string(kMaxMultipartParts) + " parts";
      return fail(std::move(e));
    }
    auto added = parse_part(body.substr(start, next->begin - start), form);
    if (!added) return fail(std::move(added.error()));
    d = next;
  }
  return form;
}

}  // namespace ct05::http
