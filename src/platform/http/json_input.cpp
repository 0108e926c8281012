#include "platform/http/json_input.hpp"

namespace ct05::http {

Result<nlohmann::json> json_object(const Request& req) {
  auto j = nlohmann::json::parse(req.body, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return fail(Error{ErrorCode::kInvalid, "Nội dung yêu cầu phải là một đối tượng JSON hợp lệ (UTF-8).", {}, {}});
  return j;
}

std::optional<std::string> JsonFields::text(const std::string& name) {
  auto it = j_.find(name);
  if (it == j_.end()) return std::nullopt;
  if (it->is_null()) return std::string();
  if (!it->is_string()) {
    errors_.push_back({name, "Trường " + name + " phải là chuỗi ký tự."});
    return std::nullopt;
  }
  std::string s = it->get<std::string>();
  auto b = s.find_first_not_of(" \t\r\n");
  auto e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::optional<std::int64_t> JsonFields::integer(const std::string& name) {
  auto it = j_.find(name);
  if (it == j_.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer()) {
    errors_.push_back({name, "Trường " + name + " phải là số nguyên."});
    return std::nullopt;
  }
  return it->get<std::int64_t>();
}

std::optional<bool> JsonFields::boolean(const std::string& name) {
  auto it = j_.find(name);
  if (it == j_.end() || it->is_null()) return std::nullopt;
  if (!it->is_boolean()) {
    errors_.push_back({name, "Trường " + name + " phải là true hoặc false."});
    return std::nullopt;
  }
  return it->get<bool>();
}

std::vector<std::pair<std::string, std::string>> field_pairs(const Error& e) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& f : e.fields) out.emplace_back(f.field, f.message);
  return out;
}

}  // namespace ct05::http
