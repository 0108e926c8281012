#include "modules/imports/domain/import_plan.hpp"

#include <algorithm>
#include <cctype>

#include "kernel/text.hpp"
#include "platform/csv/csv_reader.hpp"
#include "platform/xlsx/xlsx_reader.hpp"

namespace ct05::imports {

namespace {

const char* kTooManyRows = "Tệp có quá 100.000 dòng dữ liệu; hãy chia thành nhiều tệp.";
const char* kDateHelp = "ngày/tháng/năm, ví dụ 15/03/2016";

std::string upper_ascii(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return s;
}

// A header compared the way people vary it: folded, lower case, letters and digits with single spaces.
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

// A number written as text in a spreadsheet may come back as "1.2345678901E+11" or "123456789012.0"; ID numbers
// and card numbers must be typed as text, so only the ".0" is forgiven.
std::string digits_cell(std::string s) {
  if (s.size() > 2 && s.substr(s.size() - 2) == ".0") s = s.substr(0, s.size() - 2);
  return s;
}

// The header row and where each column is.
struct Header {
  std::size_t index = 0;  // in t.rows
  std::map<std::string, std::size_t> column_of;
  std::map<std::string, std::string> header_text;
};

// Finds the header (the first of the first 10 rows holding the anchor column), maps the columns and reports
// missing or repeated ones as file issues.
std::optional<Header> find_header(const Table& t, const std::vector<ImportColumn>& columns, const std::string& anchor,
                                  Outcome& out) {
  auto file_issue = [&](std::string m) { out.issues.push_back({0, "", std::move(m)}); };
  std::map<std::string, std::string> key_of;
  std::string anchor_header;
  for (const auto& c : columns) {
    key_of[header_key(c.header)] = c.key;
    for (const auto& a : c.aliases) key_of[header_key(a)] = c.key;
    if (c.key == anchor) anchor_header = c.header;
  }
  Header h;
  h.index = t.rows.size();
  for (std::size_t i = 0; i < t.rows.size() && i < 10 && h.index == t.rows.size(); ++i)
    for (const auto& cell : t.rows[i].cells)
      if (auto k = key_of.find(header_key(cell)); k != key_of.end() && k->second == anchor) h.index = i;
  if (h.index == t.rows.size()) {
    file_issue("Không tìm thấy dòng tiêu đề có cột \"" + anchor_header +
               "\" trong 10 dòng đầu của tệp. Hãy dùng tệp mẫu.");
    return std::nullopt;
  }
  const auto& header = t.rows[h.index];
  for (const auto& m : t.merged)
    if (header.line >= m.first_row && header.line <= m.last_row)
      file_issue("Dòng tiêu đề có ô gộp " + m.ref + "; hãy bỏ gộp ô ở dòng tiêu đề.");
  for (std::size_t i = 0; i < header.cells.size(); ++i) {
    std::string text = csv::trim_cell(header.cells[i]);
    if (text.empty()) continue;
    auto k = key_of.find(header_key(text));
    if (k == key_of.end()) {
      out.ignored_columns.push_back(text);
      continue;
    }
    if (h.column_of.count(k->second)) {
      file_issue("Cột \"" + text + "\" trùng với cột \"" + h.header_text[k->second] + "\".");
      continue;
    }
    h.column_of[k->second] = i;
    h.header_text[k->second] = text;
  }
  std::string missing;
  for (const auto& c : columns)
    if (c.required && !h.column_of.count(c.key)) missing += (missing.empty() ? "\"" : ", \"") + c.header + "\"";
  if (!missing.empty()) file_issue("Thiếu cột bắt buộc: " + missing + ".");
  if (out.file_error()) return std::nullopt;
  return h;
}

// Walks the data rows below the header: skips blank ones, counts the others, refuses a file over the cap, and
// gives each row, its cells and an issue reporter to `each`, with the count of issues before the row (so a refused
// cell or a merged range the reader found makes the row invalid too).
template <class Fn>
void for_each_row(const Table& t, const Header& h, Outcome& out, Fn&& each) {
  std::set<std::size_t> bad;
  for (std::size_t r = h.index + 1; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    bool any = std::any_of(row.cells.begin(), row.cells.end(), [](const std::string& c) { return !csv::trim_cell(c).empty(); });
    bool flagged =
        std::any_of(t.issues.begin(), t.issues.end(), [&](const SourceIssue& s) { return s.line == row.line; });
    if (!any && !flagged) continue;
    ++out.data_rows;
    std::size_t before = out.issues.size();
    auto issue = [&](const std::string& key, std::string message) {
      auto ht = h.header_text.find(key);
      out.issues.push_back({row.line, ht == h.header_text.end() ? "" : ht->second, std::move(message)});
    };
    auto cell = [&](const std::string& key) -> std::string {
      auto c = h.column_of.find(key);
      if (c == h.column_of.end() || c->second >= row.cells.size()) return "";
      return csv::trim_cell(row.cells[c->second]);
    };
    for (const auto& s : t.issues)
      if (s.line == row.line) issue("", s.message);
    for (const auto& m : t.merged)
      if (row.line >= m.first_row && row.line <= m.last_row)
        issue("", "Dòng nằm trong vùng ô gộp " + m.ref + "; mỗi dòng phải là một bản ghi riêng, hãy bỏ gộp ô.");
    each(row, cell, issue, before);
    if (out.issues.size() > before) bad.insert(row.line);
  }
  out.invalid_rows = bad.size();
  if (out.data_rows == 0) out.issues.push_back({0, "", "Tệp chỉ có dòng tiêu đề, chưa có dòng dữ liệu nào."});
}

bool too_many_rows(const Table& t, Outcome& out) {
  // A quick bound before any validation: the header and a few title rows above it are not data.
  std::size_t nonblank = 0;
  for (const auto& r : t.rows)
    if (std::any_of(r.cells.begin(), r.cells.end(), [](const std::string& c) { return !c.empty(); })) ++nonblank;
  if (nonblank <= kMaxRows + 1) return false;
  out.issues.push_back({0, "", kTooManyRows});
  return true;
}

// A date cell: ISO, dd/mm/yyyy and the like, or an Excel serial in an .xlsx.
std::optional<std::string> date_cell(const Table& t, const std::string& v) {
  if (t.format == "xlsx" && !v.empty() && v.find_first_not_of("0123456789.") == std::string::npos) {
    try {
      if (auto iso = xlsx::serial_to_iso(std::stod(v), t.date1904)) return iso->substr(0, 10);
    } catch (const std::exception&) {
    }
    return std::nullopt;
  }
  return villages::parse_date_vn(v);
}

std::optional<bool> yes_no(const std::string& v) {
  std::string f = kernel::fold(v);
  if (f.empty()) return std::nullopt;
  if (f == "co" || f == "x" || f == "1" || f == "dang vien" || f == "yes" || f == "true") return true;
  if (f == "khong" || f == "0" || f == "no" || f == "false") return false;
  return std::nullopt;
}

}  // namespace

std::optional<Kind> kind_from_code(std::string_view code) {
  if (code == "units") return Kind::kUnits;
  if (code == "people") return Kind::kPeople;
  if (code == "households") return Kind::kHouseholds;
  return std::nullopt;
}

std::string_view kind_code(Kind k) {
  switch (k) {
    case Kind::kUnits:
      return "units";
    case Kind::kPeople:
      return "people";
    case Kind::kHouseholds:
      return "households";
  }
  return "";
}

std::string_view kind_noun(Kind k) {
  switch (k) {
    case Kind::kUnits:
      return "đơn vị";
    case Kind::kPeople:
      return "người";
    case Kind::kHouseholds:
      return "hộ gia đình";
  }
  return "";
}

std::string_view kind_title(Kind k) {
  switch (k) {
    case Kind::kUnits:
      return "Đơn vị";
    case Kind::kPeople:
      return "Nhân sự";
    case Kind::kHouseholds:
      return "Hộ gia đình";
  }
  return "";
}

Table read_table(std::string_view bytes) {
  Table t;
  if (bytes.size() > kMaxBytes) {
    t.error = "Tệp lớn quá 20 MB; hãy chia thành nhiều tệp.";
    return t;
  }
  const bool zip = bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4);
  const bool ole = bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("\xD0\xCF\x11\xE0", 4);
  if (zip || ole) {
    t.format = "xlsx";
    xlsx::ReadOptions o;
    o.max_bytes = kMaxBytes;
    o.max_rows = kMaxRows + 10;
    auto sheet = xlsx::read(bytes, o);
    if (!sheet) {
      t.error = sheet.error().message;
      if (t.error->find("quá nhiều dòng") != std::string::npos) t.error = kTooManyRows;
      return t;
    }
    t.date1904 = sheet->date1904;
    for (auto& r : sheet->rows) t.rows.push_back({r.number, std::move(r.cells)});
    for (const auto& f : sheet->refused) t.issues.push_back({f.row, f.message});
    for (const auto& m : sheet->merged) t.merged.push_back({m.ref, m.first_row, m.last_row});
  } else {
    t.format = "csv";
    csv::ReadOptions o;
    o.max_bytes = kMaxBytes;
    o.max_rows = kMaxRows + 10;
    auto rows = csv::read(bytes, o);
    if (!rows) {
      t.error = rows.error().message;
      if (t.error->find("quá nhiều dòng") != std::string::npos) t.error = kTooManyRows;
      return t;
    }
    for (auto& r : *rows) t.rows.push_back({r.line, std::move(r.cells)});
  }
  if (t.rows.empty()) t.error = "Tệp không có dữ liệu nào.";
  return t;
}

const std::vector<ImportColumn>& unit_columns() {
  static const std::vector<ImportColumn> v{
      {"code",
       "Mã đơn vị",
       true,
       {"Mã"},
       "Bắt buộc; chữ không dấu, số, - _ (ví dụ CB-KHUOICUONG). Không trùng với đơn vị đã có."},
      {"name", "Tên đơn vị", true, {"Tên"}, "Bắt buộc, ví dụ Chi bộ thôn Khuổi Cuồng."},
      {"kind", "Loại đơn vị", true, {"Loại"}, ""},
      {"parent_code",
       "Mã đơn vị cấp trên",
       false,
       {"Cấp trên", "Mã cấp trên"},
       "Mã của đơn vị trực thuộc nơi nhập (hoặc của một dòng phía trên trong tệp); bỏ trống: trực thuộc đơn vị nơi "
       "nhập."},
      {"valid_from", "Ngày thành lập", false, {"Hiệu lực từ", "Ngày hiệu lực"}, "Ngày/tháng/năm; bỏ trống: hôm nay."},
      {"territory_code",
       "Mã địa bàn",
       false,
       {"Địa bàn", "Mã thôn xã"},
       "Mã thôn hoặc xã, phường mà đơn vị phụ trách (nếu có), ví dụ THON-KHUOICUONG."},
      {"note", "Ghi chú", false, {}, ""},
  };
  return v;
}

const std::vector<ImportColumn>& person_columns() {
  static const std::vector<ImportColumn> v{
      {"full_name", "Họ và tên", true, {"Họ tên"}, "Bắt buộc."},
      {"gender", "Giới tính", false, {}, "Nam hoặc Nữ."},
      {"birth_year", "Năm sinh", false, {}, "Năm có 4 chữ số, ví dụ 1985."},
      {"unit_code",
       "Mã đơn vị",
       false,
       {"Mã đơn vị sinh hoạt", "Đơn vị sinh hoạt"},
       "Mã đơn vị sinh hoạt, thuộc đơn vị nơi nhập; bỏ trống: đơn vị nơi nhập."},
      {"member_since",
       "Ngày bắt đầu sinh hoạt",
       false,
       {"Sinh hoạt từ", "Ngày sinh hoạt"},
       "Ngày/tháng/năm; bỏ trống: hôm nay."},
      {"position", "Chức vụ", false, {}, "Ví dụ Bí thư chi bộ."},
      {"cadre_status", "Đối tượng", false, {"Cán bộ", "Loại cán bộ"}, ""},
      {"is_party_member", "Đảng viên", false, {}, "Có hoặc Không (dữ liệu nhạy cảm)."},
      {"party_join_date", "Ngày vào Đảng", false, {}, "Ngày/tháng/năm (dữ liệu nhạy cảm)."},
      {"party_card_no",
       "Số thẻ đảng viên",
       false,
       {"Số thẻ"},
       "Chỉ gồm chữ số; ghi ô dạng văn bản (dữ liệu nhạy cảm)."},
      {"ethnicity", "Dân tộc", false, {}, "Ví dụ Tày, Nùng, Kinh (dữ liệu nhạy cảm)."},
      {"phone",
       "Điện thoại",
       false,
       {"Số điện thoại"},
       "10 chữ số, bắt đầu bằng 0; ghi ô dạng văn bản (dữ liệu nhạy cảm)."},
      {"id_number",
       "Số CCCD",
       false,
       {"CCCD", "Số CMND", "Số định danh"},
       "12 chữ số; ghi ô dạng văn bản (dữ liệu nhạy cảm)."},
      {"note", "Ghi chú", false, {}, ""},
  };
  return v;
}

const std::vector<ImportColumn>& columns_of(Kind k) {
  switch (k) {
    case Kind::kUnits:
      return unit_columns();
    case Kind::kPeople:
      return person_columns();
    case Kind::kHouseholds:
      return villages::import_columns();
  }
  return unit_columns();
}

std::vector<std::string> example_row(Kind k) {
  switch (k) {
    case Kind::kUnits:
      return {"CB-KHUOICUONG2", "Chi bộ thôn Khuổi Cuồng 2", "Chi bộ", "", "01/07/2025", "", ""};
    case Kind::kPeople:
      return {"Hà Thị Lan", "Nữ",         "1985", "",    "01/01/2020", "Đảng viên", "Nhân dân",
              "Có",         "19/05/2010", "",     "Tày", "0912345678", "",          ""};
    case Kind::kHouseholds:
      return {"KC-99",     "Hà Văn Sơn", "1968",
              "Nam",       "Tày",        "Thôn Khuổi Cuồng",
              "Nông thôn", "15/03/2016", "Hà Thị Lan (vợ, 1970); Hà Văn Nam (con, 2000, nam)",
              "2020",      "Không",      ""};
  }
  return {};
}

std::set<std::string> unit_codes_in(const Table& t, Kind k) {
  Outcome scratch;
  std::set<std::string> out;
  const auto& cols = k == Kind::kUnits ? unit_columns() : person_columns();
  auto h = find_header(t, cols, k == Kind::kUnits ? "code" : "full_name", scratch);
  if (!h) return out;
  std::vector<std::size_t> idx;
  for (const char* key : {"code", "parent_code", "territory_code", "unit_code"})
    if (auto c = h->column_of.find(key); c != h->column_of.end()) idx.push_back(c->second);
  for (std::size_t r = h->index + 1; r < t.rows.size(); ++r)
    for (auto i : idx)
      if (i < t.rows[r].cells.size()) {
        std::string v = upper_ascii(csv::trim_cell(t.rows[r].cells[i]));
        if (!v.empty()) out.insert(v);
      }
  return out;
}

std::set<std::string> person_numbers_in(const Table& t, const std::string& column_key) {
  Outcome scratch;
  std::set<std::string> out;
  auto h = find_header(t, person_columns(), "full_name", scratch);
  if (!h) return out;
  auto c = h->column_of.find(column_key);
  if (c == h->column_of.end()) return out;
  for (std::size_t r = h->index + 1; r < t.rows.size(); ++r)
    if (c->second < t.rows[r].cells.size()) {
      std::string v = digits_cell(csv::trim_cell(t.rows[r].cells[c->second]));
      if (!v.empty()) out.insert(v);
    }
  return out;
}

UnitsPlan plan_units(const Table& t, const UnitsContext& ctx) {
  UnitsPlan plan;
  if (t.error) {
    plan.issues.push_back({0, "", *t.error});
    return plan;
  }
  if (too_many_rows(t, plan)) return plan;
  auto h = find_header(t, unit_columns(), "code", plan);
  if (!h) return plan;
  auto in_root = [&](const KnownUnit& u) {
    return u.path.size() >= ctx.root.path.size() && u.path.compare(0, ctx.root.path.size(), ctx.root.path) == 0;
  };
  struct Candidate {
    UnitRow row;
    bool ok = true;
    std::string territory_code;
  };
  std::vector<Candidate> candidates;
  std::map<std::string, std::size_t> line_of_code;   // code → line of its first row
  std::map<std::string, std::size_t> index_of_code;  // code → candidate index
  for_each_row(t, *h, plan, [&](const SourceRow& row, auto& cell, auto& issue, std::size_t before) {
    Candidate cand;
    UnitRow& out = cand.row;
    out.line = row.line;
    org::UnitInput& in = out.input;
    in.code = upper_ascii(cell("code"));
    in.name = cell("name");
    std::string kind_text = cell("kind");
    in.kind = "";
    if (!kind_text.empty()) {
      std::string f = kernel::fold(kind_text);
      for (const auto& k : org::unit_kinds())
        if (f == kernel::fold(k.label) || f == kernel::fold(k.code)) in.kind = std::string(k.code);
      if (in.kind->empty()) {
        std::string labels;
        for (const auto& k : org::unit_kinds()) labels += (labels.empty() ? "" : ", ") + std::string(k.label);
        issue("kind", "\"" + kind_text + "\" không phải loại đơn vị (" + labels + ").");
        in.kind = std::string(org::unit_kinds().front().code);  // reported once, not again by validate()
      }
    }
    if (auto d = cell("valid_from"); !d.empty()) {
      auto iso = date_cell(t, d);
      if (!iso)
        issue("valid_from", "\"" + d + "\" không phải ngày hợp lệ (" + kDateHelp + ").");
      else
        in.valid_from = *iso;
    }
    if (auto n = cell("note"); !n.empty()) in.note = n;
    out.parent_code = upper_ascii(cell("parent_code"));
    cand.territory_code = upper_ascii(cell("territory_code"));
    org::UnitInput checked = in;
    checked.parent_id = 1;  // the parent is checked below by its code
    for (const auto& f : org::validate(checked, true)) {
      if (f.field == "kind" && kind_text.empty())
        issue("kind", "Loại đơn vị không được để trống.");
      else if (f.field != "kind")
        issue(h->column_of.count(f.field) ? f.field : "", f.message);
    }
    if (in.code && !in.code->empty()) {
      if (auto s = line_of_code.find(*in.code); s != line_of_code.end())
        issue("code", "Mã đơn vị " + *in.code + " trùng với dòng " + std::to_string(s->second) + ".");
      else
        line_of_code[*in.code] = row.line;
      if (auto k = ctx.known.find(*in.code); k != ctx.known.end())
        issue("code", "Mã đơn vị " + *in.code + " đã được dùng cho " + k->second.name + ".");
    }
    if (plan.issues.size() > before) cand.ok = false;
    if (in.code && !index_of_code.count(*in.code)) index_of_code[*in.code] = candidates.size();
    candidates.push_back(std::move(cand));
  });
  if (plan.file_error()) return plan;

  // Parents and territories: the import's unit, a unit of its subtree, or another row of the file. A row whose
  // parent row is wrong cannot be created either; rows are put in creation order, parents first.
  auto file_row = [&](const std::string& code) -> const Candidate* {
    auto i = index_of_code.find(code);
    return i == index_of_code.end() ? nullptr : &candidates[i->second];
  };
  std::set<std::size_t> bad_lines;
  for (const auto& i : plan.issues)
    if (i.line) bad_lines.insert(i.line);
  auto issue_at = [&](Candidate& c, const std::string& key, std::string message) {
    auto ht = h->header_text.find(key);
    plan.issues.push_back({c.row.line, ht == h->header_text.end() ? "" : ht->second, std::move(message)});
    c.ok = false;
    bad_lines.insert(c.row.line);
  };
  for (auto& c : candidates) {
    const std::string& p = c.row.parent_code;
    if (!p.empty() && p != ctx.root.code && !file_row(p)) {
      auto k = ctx.known.find(p);
      if (k == ctx.known.end())
        issue_at(c, "parent_code", "Không có đơn vị mã " + p + " (trong cơ sở dữ liệu hay trong tệp).");
      else if (!in_root(k->second))
        issue_at(c, "parent_code",
                 "Đơn vị " + k->second.name + " (" + p + ") không thuộc " + ctx.root.name +
                     "; chỉ nhập được đơn vị vào cây của đơn vị nơi nhập.");
      else if (!k->second.active)
        issue_at(c, "parent_code", "Đơn vị cấp trên " + k->second.name + " đã ngừng hoạt động.");
    }
    const std::string& tc = c.territory_code;
    if (!tc.empty()) {
      auto k = ctx.known.find(tc);
      const Candidate* f = file_row(tc);
      bool territory_kind =
          (k != ctx.known.end() && (k->second.kind == "thon" || k->second.kind == "xa_phuong")) ||
          (f && f->row.input.kind && (*f->row.input.kind == "thon" || *f->row.input.kind == "xa_phuong"));
      if (!territory_kind)
        issue_at(c, "territory_code", "Mã địa bàn " + tc + " phải là mã của một thôn hoặc xã, phường.");
      else
        c.row.input.territory_code = tc;
    }
  }
  // Creation order: a row is ready when its parent exists already or is a row already placed.
  std::set<std::string> placed;
  std::vector<bool> done(candidates.size(), false);
  bool progress = true;
  while (progress) {
    progress = false;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      auto& c = candidates[i];
      if (done[i] || !c.ok) continue;
      const std::string& p = c.row.parent_code;
      bool parent_ready = p.empty() || p == ctx.root.code || (!file_row(p) && ctx.known.count(p)) || placed.count(p);
      const Candidate* pr = p.empty() ? nullptr : file_row(p);
      if (!parent_ready && pr && (!pr->ok || bad_lines.count(pr->row.line))) {
        issue_at(c, "parent_code",
                 "Đơn vị cấp trên " + p + " ở dòng " + std::to_string(pr->row.line) +
                     " có lỗi nên không tạo được đơn vị này.");
        done[i] = true;
        progress = true;
        continue;
      }
      if (!parent_ready) continue;
      done[i] = true;
      progress = true;
      placed.insert(*c.row.input.code);
      plan.rows.push_back(c.row);
    }
  }
  for (std::size_t i = 0; i < candidates.size(); ++i)
    if (!done[i] && candidates[i].ok)
      issue_at(
          candidates[i], "parent_code",
          "Mã đơn vị cấp trên " + candidates[i].row.parent_code + " tạo thành vòng (đơn vị là cấp trên của chính nó).");
  plan.invalid_rows = bad_lines.size();
  return plan;
}

PeoplePlan plan_people(const Table& t, const PeopleContext& ctx) {
  PeoplePlan plan;
  if (t.error) {
    plan.issues.push_back({0, "", *t.error});
    return plan;
  }
  if (too_many_rows(t, plan)) return plan;
  auto h = find_header(t, person_columns(), "full_name", plan);
  if (!h) return plan;
  static const std::vector<std::string> kSensitive{"is_party_member", "party_join_date", "party_card_no",
                                                   "ethnicity",       "phone",           "id_number"};
  std::map<std::string, std::size_t> seen_id, seen_card;
  for_each_row(t, *h, plan, [&](const SourceRow& row, auto& cell, auto& issue, std::size_t before) {
    PersonRow out;
    out.line = row.line;
    people::PersonInput& in = out.input;
    in.full_name = cell("full_name");
    if (auto g = cell("gender"); !g.empty()) {
      auto code = villages::gender_from_words(g);
      if (!code)
        issue("gender", "\"" + g + "\" không phải giới tính (Nam hoặc Nữ).");
      else
        in.gender = *code;
    }
    if (auto y = cell("birth_year"); !y.empty()) {
      auto n = csv::whole_number(y);
      if (!n)
        issue("birth_year", "\"" + y + "\" không phải năm sinh (năm có 4 chữ số, ví dụ 1985).");
      else
        in.birth_year = *n;
    }
    // The unit: the import's, or one of its subtree by code.
    std::string code = upper_ascii(cell("unit_code"));
    if (code.empty() || code == ctx.root.code) {
      in.unit_id = ctx.root.id;
      out.unit_path = ctx.root.path;
      out.unit_name = ctx.root.name;
      if (!ctx.root.active) issue("unit_code", "Đơn vị " + ctx.root.name + " đã ngừng hoạt động.");
    } else if (auto k = ctx.known.find(code); k == ctx.known.end()) {
      issue("unit_code", "Không có đơn vị mã " + code + ".");
    } else if (k->second.path.compare(0, ctx.root.path.size(), ctx.root.path) != 0) {
      issue("unit_code", "Đơn vị " + k->second.name + " (" + code + ") không thuộc " + ctx.root.name +
                             "; chỉ nhập được người vào đơn vị nơi nhập và các đơn vị trực thuộc.");
    } else if (!k->second.active) {
      issue("unit_code", "Đơn vị " + k->second.name + " đã ngừng hoạt động.");
    } else {
      in.unit_id = k->second.id;
      out.unit_path = k->second.path;
      out.unit_name = k->second.name;
    }
    if (auto d = cell("member_since"); !d.empty()) {
      auto iso = date_cell(t, d);
      if (!iso)
        issue("member_since", "\"" + d + "\" không phải ngày hợp lệ (" + kDateHelp + ").");
      else
        in.member_since = *iso;
    }
    if (auto p = cell("position"); !p.empty()) in.position = p;
    if (auto s = cell("cadre_status"); !s.empty()) {
      std::string f = kernel::fold(s), labels;
      for (const auto& [c, l] : people::cadre_statuses()) {
        if (f == kernel::fold(l) || f == c) in.cadre_status = std::string(c);
        labels += (labels.empty() ? "" : ", ") + std::string(l);
      }
      if (!in.cadre_status) issue("cadre_status", "\"" + s + "\" không phải đối tượng (" + labels + ").");
    }
    if (auto n = cell("note"); !n.empty()) in.note = n;
    // Sensitive fields, only for those who may write them (D4).
    for (const auto& key : kSensitive) {
      std::string v = cell(key);
      if (v.empty()) continue;
      if (!ctx.sensitive_allowed) {
        issue(key, "Bạn không có quyền ghi dữ liệu cá nhân nhạy cảm; hãy để trống cột này.");
        continue;
      }
      if (key == "is_party_member") {
        auto b = yes_no(v);
        if (!b)
          issue(key, "\"" + v + "\" phải là Có hoặc Không.");
        else
          in.is_party_member = *b;
      } else if (key == "party_join_date") {
        auto iso = date_cell(t, v);
        if (!iso)
          issue(key, "\"" + v + "\" không phải ngày hợp lệ (" + kDateHelp + ").");
        else
          in.party_join_date = *iso;
      } else if (key == "party_card_no") {
        in.party_card_no = digits_cell(v);
      } else if (key == "ethnicity") {
        in.ethnicity = v;
      } else if (key == "phone") {
        in.phone = v;
      } else if (key == "id_number") {
        in.id_number = digits_cell(v);
      }
    }
    // A card or a join date says the person is a member, unless the row says otherwise.
    if (!in.is_party_member && ((in.party_card_no && !in.party_card_no->empty()) || in.party_join_date))
      in.is_party_member = true;
    people::PersonInput checked = in;
    checked.unit_id = in.unit_id.value_or(1);
    checked.member_since.reset();  // checked below against the file's "today"
    for (const auto& f : people::validate(checked, true, ctx.current_year)) {
      std::string key = f.field == "unit_id" ? "unit_code" : f.field;
      issue(h->column_of.count(key) ? key : "", f.message);
    }
    if (in.member_since && *in.member_since > ctx.today)
      issue("member_since", "Ngày bắt đầu sinh hoạt không thể ở tương lai.");
    if (in.id_number && !in.id_number->empty()) {
      if (auto s = seen_id.find(*in.id_number); s != seen_id.end())
        issue("id_number", "Số CCCD " + *in.id_number + " trùng với dòng " + std::to_string(s->second) + ".");
      else
        seen_id[*in.id_number] = row.line;
      if (ctx.existing_id_numbers.count(*in.id_number))
        issue("id_number", "Số CCCD " + *in.id_number + " đã có trong danh sách nhân sự.");
    }
    if (in.party_card_no && !in.party_card_no->empty()) {
      if (auto s = seen_card.find(*in.party_card_no); s != seen_card.end())
        issue("party_card_no",
              "Số thẻ đảng viên " + *in.party_card_no + " trùng với dòng " + std::to_string(s->second) + ".");
      else
        seen_card[*in.party_card_no] = row.line;
      if (ctx.existing_party_cards.count(*in.party_card_no))
        issue("party_card_no", "Số thẻ đảng viên " + *in.party_card_no + " đã có trong danh sách nhân sự.");
    }
    if (plan.issues.size() == before) plan.rows.push_back(std::move(out));
  });
  return plan;
}

}  // namespace ct05::imports
