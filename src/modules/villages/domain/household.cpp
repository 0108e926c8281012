#include "modules/villages/domain/household.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "kernel/clock.hpp"
#include "kernel/text.hpp"
#include "platform/csv/csv_reader.hpp"

namespace ct05::villages {

namespace {

std::optional<std::string> trimmed(const std::optional<std::string>& s) {
  if (!s) return s;
  return csv::trim_cell(*s);
}

// Length in characters (code points) of valid UTF-8.
std::size_t chars(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char ch : s)
    if ((ch & 0xC0) != 0x80) ++n;
  return n;
}

bool valid_code(std::string_view s) {
  if (s.empty() || s.size() > 30) return false;
  return std::all_of(s.begin(), s.end(), [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' || ch == '.' || ch == '/';
  });
}

void check_length(std::vector<FieldError>& e, const std::optional<std::string>& v, const char* field, std::size_t max,
                  const char* label) {
  if (!v) return;
  if (!kernel::valid_utf8(*v))
    e.push_back({field, std::string(label) + " có ký tự không hợp lệ."});
  else if (chars(*v) > max)
    e.push_back({field, std::string(label) + " dài quá " + std::to_string(max) + " ký tự."});
}

// A header compared the way people vary it: no diacritics, lower case, only letters, digits and single spaces
// ("Mã hộ (*)" and "MÃ HỘ" are "ma ho").
std::string header_key(std::string_view h) {
  std::string f = kernel::fold(h), out;
  for (char ch : f) {
    bool keep = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    if (keep)
      out += ch;
    else if (!out.empty() && out.back() != ' ')
      out += ' ';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::optional<std::string> gender_from_words(std::string_view text) {
  std::string f = kernel::fold(text);
  if (f.empty()) return std::string();
  if (f == "nam") return std::string("nam");
  if (f == "nu") return std::string("nu");
  return std::nullopt;
}

std::string_view gender_label(std::string_view code) {
  if (code == "nam") return "Nam";
  if (code == "nu") return "Nữ";
  return "";
}

std::optional<std::string> parse_date_vn(std::string_view text) {
  std::string t = csv::trim_cell(text);
  // "2020-03-15 00:00:00" from a spreadsheet cell with a time.
  if (t.size() == 19 && t[10] == ' ') t = t.substr(0, 10);
  if (kernel::valid_date(t)) return t;
  int part[3] = {0, 0, 0}, digits[3] = {0, 0, 0}, idx = 0;
  char sep = 0;
  for (char ch : t) {
    if (ch >= '0' && ch <= '9') {
      if (++digits[idx] > 4) return std::nullopt;
      part[idx] = part[idx] * 10 + (ch - '0');
    } else if (ch == '/' || ch == '-' || ch == '.') {
      if (sep && ch != sep) return std::nullopt;
      sep = ch;
      if (++idx > 2 || digits[idx - 1] == 0) return std::nullopt;
    } else {
      return std::nullopt;
    }
  }
  if (idx != 2 || digits[0] > 2 || digits[1] > 2 || digits[2] != 4) return std::nullopt;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", part[2] % 10000, part[1] % 100, part[0] % 100);
  if (!kernel::valid_date(buf)) return std::nullopt;
  return std::string(buf);
}

Result<std::vector<Member>> parse_members(std::string_view text, int current_year) {
  std::vector<Member> out;
  std::vector<FieldError> errors;
  std::string piece;
  std::vector<std::string> pieces;
  for (char ch : text) {
    if (ch == ';' || ch == '\n' || ch == '\r') {
      pieces.push_back(piece);
      piece.clear();
    } else {
      piece += ch;
    }
  }
  pieces.push_back(piece);
  int n = 0;
  for (const auto& raw : pieces) {
    std::string p = csv::trim_cell(raw);
    if (p.empty()) continue;
    ++n;
    const std::string who = "Thành viên thứ " + std::to_string(n);
    Member m;
    auto open = p.find('(');
    if (open == std::string::npos) {
      if (p.find(')') != std::string::npos) errors.push_back({"members", who + ": thừa dấu ngoặc đóng."});
      m.full_name = p;
    } else {
      auto close = p.find(')', open);
      if (close == std::string::npos || csv::trim_cell(p.substr(close + 1)) != "") {
        errors.push_back({"members", who + " (" + p + "): viết theo dạng Họ tên (quan hệ, năm sinh)."});
        continue;
      }
      m.full_name = csv::trim_cell(p.substr(0, open));
      std::string inside = p.substr(open + 1, close - open - 1);
      std::size_t at = 0;
      while (at <= inside.size()) {
        auto comma = inside.find(',', at);
        std::string token = csv::trim_cell(inside.substr(at, comma == std::string::npos ? std::string::npos : comma - at));
        if (!token.empty()) {
          auto year = csv::whole_number(token);
          auto gender = gender_from_words(token);
          if (year && token.size() == 4) {
            if (*year < 1900 || *year > current_year)
              errors.push_back({"members", who + ": năm sinh " + token + " không hợp lệ."});
            m.birth_year = *year;
          } else if (gender && !gender->empty()) {
            m.gender = *gender;
          } else if (m.relation.empty()) {
            m.relation = token;
          } else {
            errors.push_back(
                {"members", who + ": không hiểu \"" + token + "\" (chỉ ghi quan hệ, năm sinh, giới tính)."});
          }
        }
        if (comma == std::string::npos) break;
        at = comma + 1;
      }
    }
    if (m.full_name.empty()) errors.push_back({"members", who + ": thiếu họ tên."});
    out.push_back(std::move(m));
  }
  if (!errors.empty()) return fail(Error::invalid(std::move(errors)));
  return out;
}

std::string format_members(const std::vector<Member>& members) {
  std::string out;
  for (const auto& m : members) {
    if (!out.empty()) out += "; ";
    out += m.full_name;
    std::vector<std::string> details;
    if (!m.relation.empty()) details.push_back(m.relation);
    if (m.birth_year) details.push_back(std::to_string(m.birth_year));
    if (!m.gender.empty()) details.push_back(std::string(gender_label(m.gender)));
    if (details.empty()) continue;
    out += " (";
    for (std::size_t i = 0; i < details.size(); ++i) out += (i ? ", " : "") + details[i];
    out += ")";
  }
  return out;
}

HouseholdInput normalized(HouseholdInput in) {
  in.code = trimmed(in.code);
  if (in.code)
    for (auto& ch : *in.code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  for (auto* f : {&in.head_name, &in.head_gender, &in.ethnicity, &in.address, &in.area, &in.registered_on, &in.ended_on,
                  &in.ended_reason})
    *f = trimmed(*f);
  if (in.note) {
    std::string n = *in.note;
    while (!n.empty() && std::isspace(static_cast<unsigned char>(n.back()))) n.pop_back();
    in.note = n;
  }
  if (in.members)
    for (auto& m : *in.members) {
      m.full_name = csv::trim_cell(m.full_name);
      m.relation = csv::trim_cell(m.relation);
      m.gender = csv::trim_cell(m.gender);
    }
  return in;
}

std::vector<FieldError> validate(const HouseholdInput& in, bool creating, int current_year) {
  std::vector<FieldError> e;
  if (creating && !in.village_id) e.push_back({"village_id", "Vui lòng chọn thôn của hộ."});
  if (creating || in.code) {
    if (!in.code || in.code->empty())
      e.push_back({"code", "Vui lòng nhập mã hộ."});
    else if (!valid_code(*in.code))
      e.push_back({"code", "Mã hộ chỉ gồm chữ không dấu, chữ số và các dấu - _ . / (tối đa 30 ký tự)."});
  }
  if (creating || in.head_name) {
    if (!in.head_name || in.head_name->empty())
      e.push_back({"head_name", "Vui lòng nhập họ và tên chủ hộ."});
    else
      check_length(e, in.head_name, "head_name", 120, "Họ và tên chủ hộ");
  }
  if (in.head_birth_year_invalid)
    e.push_back({"head_birth_year", "Năm sinh phải là năm có 4 chữ số."});
  else if (in.head_birth_year && *in.head_birth_year != 0 &&
           (*in.head_birth_year < 1900 || *in.head_birth_year > current_year))
    e.push_back({"head_birth_year", "Năm sinh phải từ 1900 đến " + std::to_string(current_year) + "."});
  if (in.head_gender && *in.head_gender != "" && *in.head_gender != "nam" && *in.head_gender != "nu")
    e.push_back({"head_gender", "Giới tính là Nam hoặc Nữ."});
  check_length(e, in.ethnicity, "ethnicity", 50, "Dân tộc");
  check_length(e, in.address, "address", 300, "Địa chỉ");
  check_length(e, in.ended_reason, "ended_reason", 300, "Lý do");
  check_length(e, in.note, "note", 2000, "Ghi chú");
  if (creating || in.area) {
    if (!in.area || !parse_area(*in.area)) e.push_back({"area", "Vui lòng chọn khu vực: nông thôn hoặc thành thị."});
  }
  if (in.registered_on && !in.registered_on->empty() && !kernel::valid_date(*in.registered_on))
    e.push_back({"registered_on", "Ngày đăng ký hộ không phải ngày hợp lệ."});
  if (in.ended_on && !in.ended_on->empty()) {
    if (!kernel::valid_date(*in.ended_on))
      e.push_back({"ended_on", "Ngày hộ chuyển đi, giải thể không phải ngày hợp lệ."});
    else if (in.registered_on && kernel::valid_date(*in.registered_on) && *in.ended_on < *in.registered_on)
      e.push_back({"ended_on", "Ngày hộ chuyển đi, giải thể không được trước ngày đăng ký hộ."});
  }
  if (in.members) {
    if (in.members->size() > 30) e.push_back({"members", "Một hộ có tối đa 30 thành viên."});
    int n = 0;
    for (const auto& m : *in.members) {
      ++n;
      const std::string who = "Thành viên thứ " + std::to_string(n);
      if (m.full_name.empty())
        e.push_back({"members", who + ": thiếu họ tên."});
      else if (chars(m.full_name) > 120 || !kernel::valid_utf8(m.full_name))
        e.push_back({"members", who + ": họ tên dài quá 120 ký tự."});
      if (chars(m.relation) > 50) e.push_back({"members", who + ": quan hệ với chủ hộ dài quá 50 ký tự."});
      if (m.birth_year != 0 && (m.birth_year < 1900 || m.birth_year > current_year))
        e.push_back({"members", who + ": năm sinh phải từ 1900 đến " + std::to_string(current_year) + "."});
      if (!m.gender.empty() && m.gender != "nam" && m.gender != "nu")
        e.push_back({"members", who + ": giới tính là Nam hoặc Nữ."});
    }
  }
  for (const auto& m : in.member_errors) e.push_back(m);
  return e;
}

// ---- import

const std::vector<ImportColumn>& import_columns() {
  static const std::vector<ImportColumn> v{
      {"code",
       "Mã hộ",
       true,
       {"Mã hộ gia đình", "Mã số hộ"},
       "Bắt buộc; chữ không dấu, số, - _ . / (ví dụ KC-01). Không trùng trong thôn."},
      {"head_name", "Họ và tên chủ hộ", true, {"Chủ hộ", "Họ tên chủ hộ", "Tên chủ hộ"}, "Bắt buộc."},
      {"head_birth_year", "Năm sinh chủ hộ", false, {"Năm sinh"}, "Năm có 4 chữ số, ví dụ 1968."},
      {"head_gender", "Giới tính", false, {"Giới tính chủ hộ"}, "Nam hoặc Nữ."},
      {"ethnicity", "Dân tộc", false, {}, "Ví dụ Tày, Nùng, Kinh, Dao."},
      {"address", "Địa chỉ", false, {"Nơi ở"}, "Ví dụ Thôn Khuổi Cuồng, xã Nông Thượng."},
      {"area", "Khu vực", false, {}, "Nông thôn hoặc Thành thị; bỏ trống thì theo xã, phường của thôn."},
      {"registered_on", "Ngày đăng ký hộ", false, {"Ngày đăng ký", "Ngày lập hộ"}, "Ngày/tháng/năm, ví dụ 15/03/2016."},
      {"members",
       "Thành viên khác",
       false,
       {"Thành viên", "Các thành viên"},
       "Mỗi người cách nhau dấu chấm phẩy: Họ tên (quan hệ, năm sinh), ví dụ Hà Thị Lan (vợ, 1980); Hà Văn Nam (con, "
       "2005)."},
      {"status_year", "Năm rà soát", false, {"Năm"}, "Năm của kết quả rà soát hộ nghèo, ví dụ 2020."},
      {"status",
       "Kết quả rà soát",
       false,
       {"Phân loại", "Tình trạng"},
       "Nghèo, Cận nghèo, Thoát nghèo hoặc Không — kết quả đã được xã phê duyệt."},
      {"note", "Ghi chú", false, {}, ""},
  };
  return v;
}

std::vector<std::string> template_header() {
  std::vector<std::string> out;
  for (const auto& c : import_columns()) out.push_back(c.header);
  return out;
}

ImportPlan plan_import(const std::vector<SourceRow>& rows, const std::vector<SourceIssue>& source_issues,
                       const std::vector<MergedSpan>& merged, const ImportContext& ctx) {
  ImportPlan plan;
  auto file_issue = [&](std::string m) { plan.issues.push_back({0, "", std::move(m)}); };
  for (const auto& s : source_issues)
    if (s.line == 0) file_issue(s.message);
  if (rows.empty()) {
    file_issue("Tệp không có dữ liệu nào.");
    return plan;
  }
  // Which header names which column.
  std::map<std::string, std::string> key_of;  // header key → column key
  for (const auto& c : import_columns()) {
    key_of[header_key(c.header)] = c.key;
    for (const auto& a : c.aliases) key_of[header_key(a)] = c.key;
  }
  std::size_t header_index = rows.size();
  for (std::size_t i = 0; i < rows.size() && i < 10; ++i) {
    bool found = false;
    for (const auto& cell : rows[i].cells)
      if (auto k = key_of.find(header_key(cell)); k != key_of.end() && k->second == "code") found = true;
    if (found) {
      header_index = i;
      break;
    }
  }
  if (header_index == rows.size()) {
    file_issue("Không tìm thấy dòng tiêu đề có cột \"Mã hộ\" trong 10 dòng đầu của tệp. Hãy dùng tệp mẫu.");
    return plan;
  }
  const auto& header = rows[header_index];
  for (const auto& m : merged)
    if (header.line >= m.first_row && header.line <= m.last_row)
      file_issue("Dòng tiêu đề có ô gộp " + m.ref + "; hãy bỏ gộp ô ở dòng tiêu đề.");
  std::map<std::string, std::size_t> column_of;  // column key → index
  std::map<std::string, std::string> header_text;
  for (std::size_t i = 0; i < header.cells.size(); ++i) {
    std::string h = csv::trim_cell(header.cells[i]);
    if (h.empty()) continue;
    auto k = key_of.find(header_key(h));
    if (k == key_of.end()) {
      plan.ignored_columns.push_back(h);
      continue;
    }
    if (column_of.count(k->second)) {
      file_issue("Cột \"" + h + "\" trùng với cột \"" + header_text[k->second] + "\".");
      continue;
    }
    column_of[k->second] = i;
    header_text[k->second] = h;
  }
  std::vector<std::string> missing;
  for (const auto& c : import_columns())
    if (c.required && !column_of.count(c.key)) missing.push_back(c.header);
  if (!missing.empty()) {
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "" : ", ") + ("\"" + m + "\"");
    file_issue("Thiếu cột bắt buộc: " + list + ".");
  }
  if (plan.file_error()) return plan;

  std::map<std::string, std::size_t> seen_codes;  // code → line
  std::set<std::size_t> bad;
  for (std::size_t r = header_index + 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    bool any = std::any_of(row.cells.begin(), row.cells.end(), [](const std::string& c) { return !csv::trim_cell(c).empty(); });
    bool flagged = std::any_of(source_issues.begin(), source_issues.end(),
                               [&](const SourceIssue& s) { return s.line == row.line; });
    if (!any && !flagged) continue;
    ++plan.data_rows;
    if (plan.data_rows > kMaxImportRows) {
      plan.issues.clear();
      file_issue("Tệp có quá 100.000 hộ; hãy chia thành nhiều tệp.");
      plan.rows.clear();
      return plan;
    }
    std::size_t before = plan.issues.size();
    auto issue = [&](const std::string& key, std::string message) {
      plan.issues.push_back({row.line, key.empty() ? "" : header_text[key], std::move(message)});
    };
    auto cell = [&](const std::string& key) -> std::string {
      auto c = column_of.find(key);
      if (c == column_of.end() || c->second >= row.cells.size()) return "";
      return csv::trim_cell(row.cells[c->second]);
    };
    for (const auto& s : source_issues)
      if (s.line == row.line) issue("", s.message);
    for (const auto& m : merged)
      if (row.line >= m.first_row && row.line <= m.last_row)
        issue("", "Dòng nằm trong vùng ô gộp " + m.ref + "; mỗi hộ phải ở một dòng riêng, hãy bỏ gộp ô.");

    ImportRow out;
    out.line = row.line;
    HouseholdInput& h = out.household;
    h.village_id = ctx.village_id;
    h.code = cell("code");
    h.head_name = cell("head_name");
    if (auto y = cell("head_birth_year"); !y.empty()) {
      auto n = csv::whole_number(y);
      if (!n || y.size() > 6)
        issue("head_birth_year", "\"" + y + "\" không phải năm sinh (năm có 4 chữ số).");
      else
        h.head_birth_year = *n;
    }
    if (auto g = cell("head_gender"); !g.empty()) {
      auto code = gender_from_words(g);
      if (!code)
        issue("head_gender", "\"" + g + "\" không phải giới tính (Nam hoặc Nữ).");
      else
        h.head_gender = *code;
    }
    h.ethnicity = cell("ethnicity");
    h.address = cell("address");
    if (auto a = cell("area"); !a.empty()) {
      auto area = area_from_words(a);
      if (!area) issue("area", "\"" + a + "\" không phải khu vực (Nông thôn hoặc Thành thị).");
      // The default stands in for a word not understood, so the row is reported once for it.
      h.area = std::string(area_code(area.value_or(ctx.default_area)));
    } else {
      h.area = std::string(area_code(ctx.default_area));
    }
    if (auto d = cell("registered_on"); !d.empty()) {
      auto iso = parse_date_vn(d);
      if (!iso)
        issue("registered_on", "\"" + d + "\" không phải ngày hợp lệ (ngày/tháng/năm, ví dụ 15/03/2016).");
      else
        h.registered_on = *iso;
    }
    if (auto m = cell("members"); !m.empty()) {
      auto members = parse_members(m, ctx.current_year);
      if (!members) {
        for (const auto& f : members.error().fields) issue("members", f.message);
      } else {
        h.members = *members;
      }
    }
    h.note = cell("note");
    auto year_text = cell("status_year"), status_text = cell("status");
    if (!year_text.empty() || !status_text.empty()) {
      if (year_text.empty()) issue("status_year", "Có kết quả rà soát thì cần ghi năm rà soát.");
      if (status_text.empty()) issue("status", "Có năm rà soát thì cần ghi kết quả rà soát.");
      if (!year_text.empty()) {
        auto y = csv::whole_number(year_text);
        if (!y || *y < 2000 || *y > 2100)
          issue("status_year", "\"" + year_text + "\" không phải năm rà soát (2000–2100).");
        else
          out.status_year = *y;
      }
      if (!status_text.empty()) {
        auto s = status_from_words(status_text);
        if (!s)
          issue("status", "\"" + status_text + "\" không phải kết quả rà soát (Nghèo, Cận nghèo, Thoát nghèo, Không).");
        else
          out.status = *s;
      }
    }
    h = normalized(h);
    for (const auto& f : validate(h, true, ctx.current_year)) issue(column_of.count(f.field) ? f.field : "", f.message);
    if (h.code && !h.code->empty()) {
      if (auto s = seen_codes.find(*h.code); s != seen_codes.end())
        issue("code", "Mã hộ " + *h.code + " trùng với dòng " + std::to_string(s->second) + ".");
      else
        seen_codes[*h.code] = row.line;
      if (auto e = ctx.existing_codes.find(*h.code); e != ctx.existing_codes.end())
        issue("code", "Mã hộ " + *h.code + " đã có trong thôn (chủ hộ " + e->second + ").");
    }
    if (plan.issues.size() > before) {
      bad.insert(row.line);
      continue;
    }
    plan.rows.push_back(std::move(out));
  }
  plan.invalid_rows = bad.size();
  if (plan.data_rows == 0) file_issue("Tệp chỉ có dòng tiêu đề, chưa có hộ nào.");
  return plan;
}

}  // namespace ct05::villages
