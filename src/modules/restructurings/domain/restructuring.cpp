#include "modules/restructurings/domain/restructuring.hpp"

#include <cstdio>

#include "kernel/clock.hpp"
#include "kernel/text.hpp"
#include "platform/csv/csv_reader.hpp"

namespace ct05::restructurings {

const std::vector<std::pair<std::string_view, std::string_view>>& kinds() {
  static const std::vector<std::pair<std::string_view, std::string_view>> k = {
      {"merge", "Sáp nhập"}, {"split", "Chia tách"}, {"move", "Chuyển trực thuộc"},
      {"rename", "Đổi tên"}, {"dissolve", "Giải thể"}};
  return k;
}

std::string_view kind_label(std::string_view kind) {
  for (const auto& [k, l] : kinds())
    if (k == kind) return l;
  return "";
}

namespace {

// Days since 1970-01-01 of a civil date, and back (H. Hinnant's algorithms).
long days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097L + static_cast<long>(doe) - 719468L;
}

std::string civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04ld-%02u-%02u", (y + (m <= 2)) % 10000, m % 100, d % 100);
  return buf;
}

std::string text(const nlohmann::json& j, const char* key, std::vector<FieldError>& errs) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  if (!it->is_string()) {
    errs.push_back({key, std::string("Trường ") + key + " phải là chuỗi ký tự."});
    return "";
  }
  return csv::trim_cell(it->get<std::string>());
}

UnitRef ref_of(const nlohmann::json& j, const char* field, std::vector<FieldError>& errs) {
  UnitRef r;
  if (j.is_string()) {
    r.code = csv::trim_cell(j.get<std::string>());
  } else if (j.is_object()) {
    r.code = text(j, "code", errs);
    r.name = text(j, "name", errs);
    r.kind = text(j, "kind", errs);
    r.parent = text(j, "parent", errs);
  } else if (!j.is_null()) {
    errs.push_back({field, std::string("Trường ") + field + " phải là mã đơn vị hoặc một đối tượng {code, name, kind, parent}."});
  }
  return r;
}

nlohmann::json ref_json(const UnitRef& r) {
  if (!r.is_new()) return r.code;
  return {{"code", r.code}, {"name", r.name}, {"kind", r.kind}, {"parent", r.parent}};
}

}  // namespace

std::string add_days(const std::string& iso, int days) {
  int y = std::stoi(iso.substr(0, 4));
  unsigned m = static_cast<unsigned>(std::stoi(iso.substr(5, 2))), d = static_cast<unsigned>(std::stoi(iso.substr(8, 2)));
  return civil_from_days(days_from_civil(y, m, d) + days);
}

namespace {
std::vector<std::string> split_on(std::string_view s, std::string_view separators) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : s) {
    if (separators.find(ch) != std::string_view::npos) {
      if (auto t = csv::trim_cell(cur); !t.empty()) out.push_back(t);
      cur.clear();
    } else {
      cur += ch;
    }
  }
  if (auto t = csv::trim_cell(cur); !t.empty()) out.push_back(t);
  return out;
}
}  // namespace

std::vector<std::string> codes_of(std::string_view s) { return split_on(s, "\n\r,; \t"); }
std::vector<std::string> rows_of(std::string_view s) { return split_on(s, "\n\r;"); }

Result<Request> from_json(const nlohmann::json& j) {
  if (!j.is_object()) return fail(Error::invalid({{"", "Nội dung gửi lên phải là một đối tượng JSON."}}));
  std::vector<FieldError> errs;
  Request r;
  r.kind = text(j, "kind", errs);
  r.effective_on = text(j, "effective_on", errs);
  r.legal_basis = text(j, "legal_basis", errs);
  r.note = text(j, "note", errs);
  r.unit = text(j, "unit", errs);
  r.parent = text(j, "parent", errs);
  r.new_name = text(j, "new_name", errs);
  r.new_code = text(j, "new_code", errs);
  r.default_successor = text(j, "default_successor", errs);
  if (auto it = j.find("sources"); it != j.end()) {
    if (it->is_array()) {
      for (const auto& s : *it)
        if (s.is_string()) r.sources.push_back(csv::trim_cell(s.get<std::string>()));
        else errs.push_back({"sources", "Mỗi phần tử của sources phải là một mã đơn vị."});
    } else if (it->is_string()) {
      r.sources = codes_of(it->get<std::string>());
    } else {
      errs.push_back({"sources", "Trường sources phải là một mảng mã đơn vị."});
    }
  }
  if (auto it = j.find("target"); it != j.end()) r.target = ref_of(*it, "target", errs);
  if (auto it = j.find("successors"); it != j.end()) {
    if (!it->is_array()) errs.push_back({"successors", "Trường successors phải là một mảng."});
    else
      for (const auto& s : *it) r.successors.push_back(ref_of(s, "successors", errs));
  }
  if (auto it = j.find("assign"); it != j.end()) {
    if (!it->is_object()) errs.push_back({"assign", "Trường assign phải là một đối tượng {\"mã\": \"mã đơn vị kế thừa\"}."});
    else
      for (const auto& [k, v] : it->items())
        if (v.is_string()) r.assign[csv::trim_cell(k)] = csv::trim_cell(v.get<std::string>());
        else errs.push_back({"assign", "Mỗi giá trị của assign phải là mã một đơn vị kế thừa."});
  }
  if (!errs.empty()) return fail(Error::invalid(std::move(errs)));
  return r;
}

nlohmann::json to_json(const Request& r) {
  nlohmann::json j{{"kind", r.kind}, {"effective_on", r.effective_on}, {"legal_basis", r.legal_basis}, {"note", r.note}};
  if (r.kind == "merge") {
    j["sources"] = r.sources;
    j["target"] = ref_json(r.target);
  } else {
    j["unit"] = r.unit;
  }
  if (r.kind == "split") {
    nlohmann::json s = nlohmann::json::array();
    for (const auto& x : r.successors) s.push_back(ref_json(x));
    j["successors"] = s;
    j["assign"] = r.assign;
    j["default_successor"] = r.default_successor;
  }
  if (r.kind == "move") j["parent"] = r.parent;
  if (r.kind == "rename") {
    j["new_name"] = r.new_name;
    if (!r.new_code.empty()) j["new_code"] = r.new_code;
  }
  return j;
}

std::vector<FieldError> validate(const Request& r, const std::string& today) {
  std::vector<FieldError> e;
  if (kind_label(r.kind).empty())
    e.push_back({"kind", "Hãy chọn loại sắp xếp: sáp nhập, chia tách, chuyển trực thuộc, đổi tên hoặc giải thể."});
  if (r.effective_on.empty()) e.push_back({"effective_on", "Hãy nhập ngày có hiệu lực."});
  else if (!kernel::valid_date(r.effective_on)) e.push_back({"effective_on", "Ngày có hiệu lực không hợp lệ (dạng YYYY-MM-DD)."});
  else if (r.effective_on > today)
    e.push_back({"effective_on", "Chỉ ghi nhận sắp xếp đã có hiệu lực: ngày có hiệu lực không được sau hôm nay."});
  if (r.legal_basis.empty())
    e.push_back({"legal_basis", "Hãy nhập căn cứ pháp lý (số, ngày của nghị quyết, quyết định)."});
  else if (kernel::char_count(r.legal_basis) > 500)
    e.push_back({"legal_basis", "Căn cứ pháp lý dài quá 500 ký tự."});
  if (kernel::char_count(r.note) > 2000) e.push_back({"note", "Ghi chú dài quá 2.000 ký tự."});
  if (r.kind == "merge") {
    if (r.sources.empty()) e.push_back({"sources", "Hãy nhập mã các đơn vị được sáp nhập."});
    if (r.target.code.empty()) e.push_back({"target", "Hãy nhập mã đơn vị sau sáp nhập (đơn vị đã có hoặc đơn vị mới)."});
    if (!r.target.is_new() && r.sources.size() < 1) e.push_back({"sources", "Cần ít nhất một đơn vị sáp nhập vào đơn vị đã có."});
    if (r.target.is_new() && r.sources.size() < 2)
      e.push_back({"sources", "Sáp nhập thành đơn vị mới cần ít nhất hai đơn vị; để đổi tên một đơn vị, hãy chọn “Đổi tên”."});
  } else if (!r.kind.empty() && !kind_label(r.kind).empty() && r.unit.empty()) {
    e.push_back({"unit", "Hãy nhập mã đơn vị."});
  }
  if (r.kind == "split" && r.successors.size() < 2) e.push_back({"successors", "Chia tách cần ít nhất hai đơn vị kế thừa."});
  if (r.kind == "move" && r.parent.empty()) e.push_back({"parent", "Hãy nhập mã đơn vị cấp trên mới."});
  if (r.kind == "rename" && r.new_name.empty() && r.new_code.empty()) e.push_back({"new_name", "Hãy nhập tên mới."});
  return e;
}

}  // namespace ct05::restructurings
