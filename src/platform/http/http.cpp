#include "platform/http/http.hpp"

#include <cctype>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "kernel/text.hpp"

namespace ct05::http {

namespace {
int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}
std::string trim(std::string s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}
}  // namespace

std::string url_decode(std::string_view s, bool form) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '+' && form) out += ' ';
    else if (c == '%' && i + 2 < s.size() && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
      out += static_cast<char>(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
      i += 2;
    } else out += c;
  }
  return out;
}

std::string url_encode(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
    else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

Fields Fields::parse(std::string_view encoded) {
  Fields f;
  std::size_t pos = 0;
  while (pos <= encoded.size()) {
    std::size_t amp = encoded.find('&', pos);
    std::string_view part = encoded.substr(pos, amp == std::string_view::npos ? std::string_view::npos : amp - pos);
    if (!part.empty()) {
      std::size_t eq = part.find('=');
      if (eq == std::string_view::npos) f.add(url_decode(part, true), "");
      else f.add(url_decode(part.substr(0, eq), true), url_decode(part.substr(eq + 1), true));
    }
    if (amp == std::string_view::npos) break;
    pos = amp + 1;
  }
  return f;
}

std::string Fields::get(std::string_view name) const {
  for (const auto& [k, v] : items_)
    if (k == name) return v;
  return "";
}
std::string Fields::trimmed(std::string_view name) const { return trim(get(name)); }
std::optional<std::int64_t> Fields::id(std::string_view name) const { return parse_id(trim(get(name))); }

std::optional<std::int64_t> parse_id(std::string_view s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  std::int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v <= 0) return std::nullopt;
  return v;
}
bool Fields::has(std::string_view name) const {
  for (const auto& [k, v] : items_)
    if (k == name) return true;
  return false;
}

std::string Request::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? "" : it->second;
}

std::string Request::cookie(std::string_view name) const {
  std::string all = header("cookie");
  std::size_t pos = 0;
  while (pos < all.size()) {
    std::size_t semi = all.find(';', pos);
    std::string part = trim(all.substr(pos, semi == std::string::npos ? std::string::npos : semi - pos));
    std::size_t eq = part.find('=');
    if (eq != std::string::npos && part.substr(0, eq) == name) return part.substr(eq + 1);
    if (semi == std::string::npos) break;
    pos = semi + 1;
  }
  return "";
}

const Fields& Request::query() const {
  if (!query_) query_ = Fields::parse(query_string);
  return *query_;
}

const Fields& Request::form() const {
  if (!form_) {
    std::string type = header("content-type");
    if (type.rfind("application/x-www-form-urlencoded", 0) == 0) {
      form_ = Fields::parse(body);
    } else if (starts_with_ci(type, "multipart/form-data")) {
      // Text fields go with the urlencoded ones so that every reader of form() (the CSRF check first)
      // works for upload forms too; a malformed body yields neither fields nor files.
      form_ = Fields{};
      if (auto parsed = parse_multipart(type, body)) {
        for (auto& [name, value] : parsed->fields) form_->add(std::move(name), std::move(value));
        files_ = std::move(parsed->files);
      }
    } else {
      form_ = Fields{};
    }
  }
  return *form_;
}

const std::vector<UploadedFile>& Request::files() const {
  form();
  return files_;
}

std::string Response::header_value(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (k == name) return v;
  return "";
}

Response Response::html(std::string body, int status) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.header("Content-Type", "text/html; charset=utf-8");
  return r;
}
Response Response::json(std::string body, int status) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.header("Content-Type", "application/json; charset=utf-8");
  return r;
}
Response Response::text(std::string body, int status, std::string type) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.header("Content-Type", std::move(type));
  return r;
}
Response Response::redirect(std::string location) {
  Response r;
  r.status = 303;
  r.header("Location", std::move(location));
  return r;
}

int status_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalid: return 422;
    case ErrorCode::kUnauthenticated: return 401;
    case ErrorCode::kForbidden: return 403;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kTooManyRequests: return 429;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

std::string_view reason_phrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    default: return "Unknown";
  }
}

namespace {

// A field's name as the message shows it: its control characters as '?'.
std::string shown_name(std::string_view name) {
  std::string out;
  for (char c : name) out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) ? '?' : c;
  if (!kernel::valid_utf8(out)) out = "(tên không đọc được)";
  return out.size() > 80 ? kernel::truncate_utf8(out, 80) + "…" : out;
}

std::optional<Error> text_error(std::string_view where, std::string_view text) {
  std::string message;
  if (!kernel::valid_utf8(text)) {
    message = "Trường «" + shown_name(where) + "» không phải văn bản UTF-8 hợp lệ. Vui lòng nhập lại; dữ liệu chưa được lưu.";
  } else if (auto c = kernel::first_control_char(text)) {
    char code[8];
    std::snprintf(code, sizeof code, "%04X", static_cast<unsigned>(*c));
    message = "Trường «" + shown_name(where) + "» chứa ký tự điều khiển (U+" + code +
              ") không được phép; chỉ cho phép tab và xuống dòng. Vui lòng xoá ký tự đó; dữ liệu chưa được lưu.";
  } else {
    return std::nullopt;
  }
  return Error::invalid({{std::string(shown_name(where)), message}}, message);
}

std::optional<Error> fields_error(const Fields& fields) {
  for (const auto& [name, value] : fields.items()) {
    if (auto e = text_error(name, name)) return e;
    if (auto e = text_error(name, value)) return e;
  }
  return std::nullopt;
}

std::optional<Error> json_error(const nlohmann::json& j, const std::string& where, int depth) {
  if (depth > 64) return std::nullopt;  // the handler's own parse refuses what is too deep to matter
  if (j.is_string()) return text_error(where, j.get_ref<const std::string&>());
  if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      if (auto e = text_error(key, key)) return e;
      if (auto e = json_error(value, key, depth + 1)) return e;
    }
  } else if (j.is_array()) {
    for (const auto& value : j) {
      if (auto e = json_error(value, where, depth + 1)) return e;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Error> text_input_error(const Request& req) {
  if (auto e = fields_error(req.query())) return e;
  if (req.body.empty()) return std::nullopt;
  const std::string type = req.header("content-type");
  if (type.rfind("application/x-www-form-urlencoded", 0) == 0 || type.rfind("multipart/form-data", 0) == 0) {
    if (auto e = fields_error(req.form())) return e;
    for (const auto& f : req.files()) {
      if (auto e = text_error(f.field, f.field)) return e;
      if (auto e = text_error(f.field, f.filename)) return e;
    }
    return std::nullopt;
  }
  const auto first = req.body.find_first_not_of(" \t\r\n");
  if (first == std::string::npos || (req.body[first] != '{' && req.body[first] != '[')) return std::nullopt;
  auto j = nlohmann::json::parse(req.body, nullptr, false);
  if (j.is_discarded()) return std::nullopt;  // the handler answers a body that is not JSON
  return json_error(j, "", 0);
}

}  // namespace ct05::http
