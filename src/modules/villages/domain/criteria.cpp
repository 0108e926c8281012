#include "modules/villages/domain/criteria.hpp"

#include <cctype>
#include <set>

#include "kernel/clock.hpp"
#include "kernel/text.hpp"

namespace ct05::villages {

namespace {

std::string trim(const std::string& s) {
  std::size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return s.substr(a, b - a);
}

std::size_t chars(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char ch : s)
    if ((ch & 0xC0) != 0x80) ++n;
  return n;
}

void check(std::vector<FieldError>& e, const std::string& v, const char* field, std::size_t max,
           const std::string& label, bool required) {
  if (required && v.empty())
    e.push_back({field, "Vui lòng nhập " + label + "."});
  else if (!kernel::valid_utf8(v))
    e.push_back({field, "Trường " + label + " có ký tự không hợp lệ."});
  else if (chars(v) > max)
    e.push_back({field, "Trường " + label + " dài quá " + std::to_string(max) + " ký tự."});
}

}  // namespace

const std::vector<std::pair<std::string_view, std::string_view>>& figure_sources() {
  static const std::vector<std::pair<std::string_view, std::string_view>> v{
      {"poverty_rate", "Tỷ lệ hộ nghèo của thôn trong năm (ct05 tính từ danh sách hộ)"},
      {"near_poor_rate", "Tỷ lệ hộ cận nghèo của thôn trong năm (ct05 tính)"},
      {"households", "Số hộ của thôn trong năm (ct05 tính)"},
  };
  return v;
}

std::string_view figure_source_label(std::string_view code) {
  for (const auto& [c, l] : figure_sources())
    if (c == code) return l;
  return "";
}

CriteriaSetInput normalized(CriteriaSetInput in) {
  in.code = trim(in.code);
  for (auto& ch : in.code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  in.name = trim(in.name);
  in.legal_basis = trim(in.legal_basis);
  in.note = trim(in.note);
  std::vector<Criterion> kept;
  for (auto c : in.criteria) {
    c.group_name = trim(c.group_name);
    c.number = trim(c.number);
    c.name = trim(c.name);
    c.requirement = trim(c.requirement);
    c.figure_label = trim(c.figure_label);
    c.figure_source = trim(c.figure_source);
    if (c.group_name.empty() && c.number.empty() && c.name.empty() && c.requirement.empty() && c.figure_label.empty() &&
        c.figure_source.empty())
      continue;
    c.position = static_cast<int>(kept.size()) + 1;
    kept.push_back(std::move(c));
  }
  in.criteria = std::move(kept);
  return in;
}

std::vector<FieldError> validate(const CriteriaSetInput& in) {
  std::vector<FieldError> e;
  if (in.code.empty() || in.code.size() > 40 ||
      in.code.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") != std::string::npos)
    e.push_back({"code", "Mã bộ tiêu chí chỉ gồm chữ không dấu, chữ số và - _ . (tối đa 40 ký tự)."});
  check(e, in.name, "name", 300, "tên bộ tiêu chí", true);
  check(e, in.legal_basis, "legal_basis", 500, "văn bản ban hành", true);
  check(e, in.note, "note", 2000, "ghi chú", false);
  if (in.years_invalid || !in.from_year || *in.from_year < 2000 || *in.from_year > 2100)
    e.push_back({"from_year", "Năm bắt đầu áp dụng phải là năm từ 2000 đến 2100."});
  else if (in.to_year && *in.to_year != 0 && (*in.to_year < *in.from_year || *in.to_year > 2100))
    e.push_back({"to_year", "Năm cuối áp dụng không được trước năm bắt đầu (để trống nếu còn hiệu lực)."});
  if (in.criteria.empty()) e.push_back({"criteria", "Bộ tiêu chí cần ít nhất một tiêu chí."});
  if (in.criteria.size() > 60) e.push_back({"criteria", "Bộ tiêu chí có tối đa 60 tiêu chí."});
  std::set<std::string> numbers;
  for (const auto& c : in.criteria) {
    std::string at = "Tiêu chí ở dòng " + std::to_string(c.position);
    if (c.name.empty() || c.number.empty() || c.group_name.empty()) {
      e.push_back({"criteria", at + ": cần nhóm, số thứ tự và tên tiêu chí."});
      continue;
    }
    if (!numbers.insert(c.number).second) e.push_back({"criteria", at + ": số thứ tự " + c.number + " bị trùng."});
    if (chars(c.name) > 300 || chars(c.group_name) > 300 || chars(c.number) > 10 || chars(c.requirement) > 4000 ||
        chars(c.figure_label) > 200)
      e.push_back({"criteria", at + ": nội dung quá dài."});
    if (!c.figure_source.empty() && figure_source_label(c.figure_source).empty())
      e.push_back({"criteria", at + ": số liệu tự điền \"" + c.figure_source + "\" không có."});
  }
  return e;
}

std::vector<FieldError> validate(const std::vector<CriterionResult>& results) {
  std::vector<FieldError> e;
  std::set<std::int64_t> seen;
  for (const auto& r : results) {
    std::string f = "c" + std::to_string(r.criterion_id);
    if (!seen.insert(r.criterion_id).second) e.push_back({f, "Tiêu chí được gửi hai lần."});
    if (chars(r.figure) > 200 || !kernel::valid_utf8(r.figure)) e.push_back({f, "Số liệu dài quá 200 ký tự."});
    if (chars(r.note) > 2000 || !kernel::valid_utf8(r.note)) e.push_back({f, "Nhận xét dài quá 2000 ký tự."});
  }
  return e;
}

RecognitionInput normalized(RecognitionInput in) {
  in.decision_no = trim(in.decision_no);
  in.decided_on = trim(in.decided_on);
  in.issuer = trim(in.issuer);
  in.note = trim(in.note);
  return in;
}

std::vector<FieldError> validate(const RecognitionInput& in) {
  std::vector<FieldError> e;
  if (!in.village_id) e.push_back({"village_id", "Vui lòng chọn thôn được công nhận."});
  if (!in.year || *in.year < 2000 || *in.year > 2100)
    e.push_back({"year", "Năm công nhận phải là năm từ 2000 đến 2100."});
  check(e, in.decision_no, "decision_no", 100, "số quyết định", true);
  check(e, in.issuer, "issuer", 200, "cơ quan ban hành quyết định", true);
  check(e, in.note, "note", 2000, "ghi chú", false);
  if (in.decided_on.empty()) {
    e.push_back({"decided_on", "Vui lòng nhập ngày ký quyết định."});
  } else if (!kernel::valid_date(in.decided_on)) {
    e.push_back({"decided_on", "Ngày ký quyết định không phải ngày hợp lệ."});
  } else if (in.year && *in.year >= 2000 && *in.year <= 2100) {
    int y = std::stoi(in.decided_on.substr(0, 4));
    if (y < *in.year || y > *in.year + 1)
      e.push_back({"decided_on", "Quyết định công nhận cho năm " + std::to_string(*in.year) + " phải ký trong năm " +
                                     std::to_string(*in.year) + " hoặc năm " + std::to_string(*in.year + 1) + "."});
  }
  return e;
}

}  // namespace ct05::villages
