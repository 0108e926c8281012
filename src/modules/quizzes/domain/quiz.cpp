#include "modules/quizzes/domain/quiz.hpp"

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "kernel/clock.hpp"
#include "kernel/text.hpp"

namespace ct05::quizzes {

namespace {

// Days from 1970-01-01 to y-m-d (proleptic Gregorian; Howard Hinnant's algorithm).
std::int64_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool digits(std::string_view s, std::size_t at, std::size_t n) {
  if (at + n > s.size()) return false;
  for (std::size_t i = at; i < at + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

int num(std::string_view s, std::size_t at, std::size_t n) { return std::stoi(std::string(s.substr(at, n))); }

}  // namespace

std::string_view kind_code(Kind k) {
  switch (k) {
    case Kind::kSingle: return "single";
    case Kind::kMultiple: return "multiple";
    case Kind::kOpen: return "open";
  }
  return "";
}
std::optional<Kind> parse_kind(std::string_view s) {
  for (auto k : {Kind::kSingle, Kind::kMultiple, Kind::kOpen})
    if (kind_code(k) == s) return k;
  return std::nullopt;
}
std::string_view kind_label(Kind k) {
  switch (k) {
    case Kind::kSingle: return "Một đáp án";
    case Kind::kMultiple: return "Nhiều đáp án";
    case Kind::kOpen: return "Trả lời tự do (người dẫn chấm)";
  }
  return "";
}

const std::vector<Category>& categories() {
  static const std::vector<Category> all = {
      {"cuoc_doi", "Cuộc đời và sự nghiệp của Bác"},
      {"tu_tuong", "Tư tưởng Hồ Chí Minh"},
      {"dao_duc", "Đạo đức Hồ Chí Minh"},
      {"phong_cach", "Phong cách Hồ Chí Minh"},
      {"phong_cach_can_bo", "Phong cách làm việc của cán bộ, đảng viên"},
      {"nam_dieu", "5 Điều Bác Hồ dạy"},
      {"dia_phuong", "Chủ đề địa phương"},
  };
  return all;
}
std::string_view category_label(std::string_view code) {
  for (const auto& c : categories())
    if (c.code == code) return c.label;
  return "";
}

std::vector<FieldError> validate(const QuestionInput& in, bool creating) {
  std::vector<FieldError> e;
  auto kind = parse_kind(in.kind.value_or(""));
  if ((creating || in.kind) && !kind) e.push_back({"kind", "Vui lòng chọn loại câu hỏi."});
  if ((creating || in.category) && category_label(in.category.value_or("")).empty())
    e.push_back({"category", "Vui lòng chọn chủ đề của câu hỏi."});
  if (creating || in.question) {
    auto q = in.question.value_or("");
    if (q.empty()) e.push_back({"question", "Vui lòng nhập nội dung câu hỏi."});
    else if (kernel::char_count(q) > 1000) e.push_back({"question", "Câu hỏi quá dài (tối đa 1000 ký tự)."});
  }
  if ((creating || in.difficulty) && (in.difficulty.value_or(0) < 1 || in.difficulty.value_or(0) > 3))
    e.push_back({"difficulty", "Độ khó là 1 (dễ), 2 (vừa) hoặc 3 (khó)."});
  if (in.explanation && kernel::char_count(*in.explanation) > 2000)
    e.push_back({"explanation", "Phần giải thích quá dài (tối đa 2000 ký tự)."});
  if (in.source && kernel::char_count(*in.source) > 500) e.push_back({"source", "Nguồn quá dài (tối đa 500 ký tự)."});
  if (kind && (creating || in.options || in.answer)) {
    auto options = in.options.value_or(std::vector<std::string>{});
    auto answer = in.answer.value_or(std::vector<int>{});
    std::sort(answer.begin(), answer.end());
    answer.erase(std::unique(answer.begin(), answer.end()), answer.end());
    if (*kind == Kind::kOpen) {
      if (!options.empty()) e.push_back({"options", "Câu trả lời tự do không có phương án chọn."});
      if (in.explanation.value_or("").empty())
        e.push_back({"explanation", "Câu trả lời tự do cần ghi đáp án mong đợi để người dẫn chấm."});
    } else {
      bool blank = std::any_of(options.begin(), options.end(), [](const std::string& o) { return o.empty(); });
      if (options.size() < 2 || options.size() > 6 || blank)
        e.push_back({"options", "Cần từ 2 đến 6 phương án, mỗi phương án một dòng, không để trống."});
      else if (std::any_of(options.begin(), options.end(), [](const std::string& o) { return kernel::char_count(o) > 300; }))
        e.push_back({"options", "Mỗi phương án tối đa 300 ký tự."});
      bool in_range = std::all_of(answer.begin(), answer.end(), [&](int i) { return i >= 0 && i < static_cast<int>(options.size()); });
      if (answer.empty() || !in_range) e.push_back({"answer", "Vui lòng chọn (các) phương án đúng trong số các phương án."});
      else if (*kind == Kind::kSingle && answer.size() != 1) e.push_back({"answer", "Câu một đáp án chỉ có đúng một phương án đúng."});
      else if (*kind == Kind::kMultiple && answer.size() < 2) e.push_back({"answer", "Câu nhiều đáp án cần ít nhất hai phương án đúng."});
    }
  }
  return e;
}

bool is_correct(Kind kind, const std::vector<int>& answer, std::vector<int> given) {
  if (kind == Kind::kOpen) return false;
  std::sort(given.begin(), given.end());
  given.erase(std::unique(given.begin(), given.end()), given.end());
  std::vector<int> right = answer;
  std::sort(right.begin(), right.end());
  return !given.empty() && given == right;
}

std::string indices_json(const std::vector<int>& v) { return nlohmann::json(v).dump(); }
std::vector<int> parse_indices(std::string_view s) {
  auto j = nlohmann::json::parse(s, nullptr, false);
  std::vector<int> out;
  if (!j.is_array()) return out;
  for (const auto& x : j)
    if (x.is_number_integer()) out.push_back(x.get<int>());
  return out;
}
std::string strings_json(const std::vector<std::string>& v) { return nlohmann::json(v).dump(); }
std::vector<std::string> parse_strings(std::string_view s) {
  auto j = nlohmann::json::parse(s, nullptr, false);
  std::vector<std::string> out;
  if (!j.is_array()) return out;
  for (const auto& x : j)
    if (x.is_string()) out.push_back(x.get<std::string>());
  return out;
}

std::optional<std::int64_t> parse_local_datetime(std::string_view s) {
  // "YYYY-MM-DDTHH:MM" (a datetime-local input), seconds optional.
  if (s.size() < 16 || !digits(s, 0, 4) || s[4] != '-' || !digits(s, 5, 2) || s[7] != '-' || !digits(s, 8, 2) ||
      (s[10] != 'T' && s[10] != ' ') || !digits(s, 11, 2) || s[13] != ':' || !digits(s, 14, 2))
    return std::nullopt;
  std::string date(s.substr(0, 10));
  if (!kernel::valid_date(date)) return std::nullopt;
  int h = num(s, 11, 2), mi = num(s, 14, 2), sec = 0;
  if (s.size() >= 19 && s[16] == ':' && digits(s, 17, 2)) sec = num(s, 17, 2);
  if (h > 23 || mi > 59 || sec > 59) return std::nullopt;
  auto days = days_from_civil(num(s, 0, 4), static_cast<unsigned>(num(s, 5, 2)), static_cast<unsigned>(num(s, 8, 2)));
  return days * 86400 + h * 3600 + mi * 60 + sec - 7 * 3600;
}

std::string local_datetime(std::int64_t epoch) {
  std::string iso = kernel::format_iso(epoch + 7 * 3600);  // "YYYY-MM-DDTHH:MM:SSZ" shifted to Vietnam
  return iso.substr(0, 16);
}

std::int64_t parse_iso(std::string_view iso) {
  if (iso.size() < 19) return 0;
  auto t = parse_local_datetime(iso.substr(0, 19));
  return t ? *t + 7 * 3600 : 0;
}

}  // namespace ct05::quizzes
