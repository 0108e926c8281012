#pragma once
// Ethics standards ("chuẩn mực đạo đức công vụ"): what an officer submits to publish a version, its validation,
// Pure logic, no I/O (paragraphs and character counts are kernel/text.hpp's).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kernel/error.hpp"

namespace ct05::ethics {

//! Limits in characters (code points), since a Vietnamese letter takes up to three bytes.
constexpr std::size_t kMaxTitle = 300;
constexpr std::size_t kMaxBody = 20000;
constexpr std::size_t kMaxNote = 2000;

//! A new version as the form or the API sends it.
struct StandardInput {
  std::optional<std::int64_t> unit_id;
  std::optional<std::string> title;
  std::optional<std::string> body;
  std::optional<std::string> note;  //!< what changed from the previous version (optional)
};

//! Windows and old Mac line ends become "\n", spaces at line ends and blank lines around the text go.
std::string normalize_body(std::string_view body);

//! The input as it is stored: title and note trimmed of surrounding whitespace, the body normalized.
StandardInput normalized(StandardInput in);

//! Per-field Vietnamese messages for a version to publish: title and body required, within the limits, valid UTF-8.
//! Expects normalized() input.
std::vector<FieldError> validate(const StandardInput& in);

}  // namespace ct05::ethics
