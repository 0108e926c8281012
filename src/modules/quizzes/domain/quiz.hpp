#pragma once
// "Hái hoa dân chủ": question kinds and categories, what makes a question valid, how an answer is scored, and the
// small date arithmetic of rounds (Vietnam time on forms, UTC in storage). Pure logic, no I/O.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kernel/error.hpp"

namespace ct05::quizzes {

enum class Kind { kSingle, kMultiple, kOpen };
std::string_view kind_code(Kind k);
std::optional<Kind> parse_kind(std::string_view s);
//! "Một đáp án", "Nhiều đáp án", "Trả lời tự do (người dẫn chấm)".
std::string_view kind_label(Kind k);

struct Category {
  std::string_view code, label;
};
//! The categories of the issue, in the order forms list them.
const std::vector<Category>& categories();
//! The label of a category code ("" when unknown).
std::string_view category_label(std::string_view code);

//! A question as a form or the API sends it (options one per line on forms; answer as option numbers).
struct QuestionInput {
  std::optional<std::string> kind, category, question, explanation, source;
  std::optional<int> difficulty;
  std::optional<std::vector<std::string>> options;
  std::optional<std::vector<int>> answer;  //!< 0-based indices of the right options
  std::optional<bool> active;
};
//! Per-field Vietnamese messages; `creating` requires every field a question needs.
std::vector<FieldError> validate(const QuestionInput& in, bool creating);

//! Is `given` (0-based option indices, any order, repeats ignored) exactly the right set?
bool is_correct(Kind kind, const std::vector<int>& answer, std::vector<int> given);

//! "[0,2]" ↔ {0, 2}: how option indices are stored.
std::string indices_json(const std::vector<int>& v);
std::vector<int> parse_indices(std::string_view json);
//! Options are stored as a JSON array of strings.
std::string strings_json(const std::vector<std::string>& v);
std::vector<std::string> parse_strings(std::string_view json);

//! "2026-12-01T08:30" read as Vietnam time (UTC+7) → epoch seconds, or nothing when malformed.
std::optional<std::int64_t> parse_local_datetime(std::string_view s);
//! Epoch seconds → "2026-12-01T08:30" in Vietnam time (for datetime-local inputs).
std::string local_datetime(std::int64_t epoch);
//! "YYYY-MM-DDTHH:MM:SSZ" → epoch seconds (0 when malformed).
std::int64_t parse_iso(std::string_view iso);

//! Picks n distinct items of pool with rand(k) returning a uniform number in [0, k): a partial Fisher–Yates.
template <class T, class Rand>
std::vector<T> draw_distinct(std::vector<T> pool, std::size_t n, Rand&& rand) {
  if (n > pool.size()) n = pool.size();
  for (std::size_t i = 0; i < n; ++i) std::swap(pool[i], pool[i + rand(pool.size() - i)]);
  pool.resize(n);
  return pool;
}

}  // namespace ct05::quizzes
