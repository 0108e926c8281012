#pragma once
// Reading API request bodies: JSON objects with typed, optional fields and Vietnamese errors.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kernel/error.hpp"
#include "platform/http/http.hpp"

namespace ct05::http {

//! The body as a JSON object, or Invalid with a Vietnamese message.
Result<nlohmann::json> json_object(const Request& req);

//! Collects type errors while reading fields of a JSON object.
class JsonFields {
 public:
  explicit JsonFields(const nlohmann::json& j) : j_(j) {}
  std::optional<std::string> text(const std::string& name);
  std::optional<std::int64_t> integer(const std::string& name);
  std::optional<bool> boolean(const std::string& name);
  const std::vector<FieldError>& errors() const { return errors_; }

 private:
  const nlohmann::json& j_;
  std::vector<FieldError> errors_;
};

//! Converts an Error's field list for html::set_field_errors.
std::vector<std::pair<std::string, std::string>> field_pairs(const Error& e);

}  // namespace ct05::http
