#include "modules/reports/domain/report.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "kernel/text.hpp"

namespace ct05::reports {

const std::vector<KindInfo>& kinds() {
  static const std::vector<KindInfo> k = {
      {Kind::kHalfYear, "6-thang", "Sơ kết 6 tháng"},
      {Kind::kYear, "nam", "Tổng kết năm"},
      {Kind::kFiveYear, "5-nam", "Sơ kết, tổng kết 5 năm"},
      {Kind::kTenYear, "10-nam", "Tổng kết 10 năm"},
  };
  return k;
}

std::optional<Kind> kind_of(std::string_view code) {
  for (const auto& k : kinds())
    if (k.code == code) return k.kind;
  return std::nullopt;
}

std::string_view kind_code(Kind k) {
  for (const auto& i : kinds())
    if (i.kind == k) return i.code;
  return "";
}

std::string_view kind_label(Kind k) {
  for (const auto& i : kinds())
    if (i.kind == k) return i.label;
  return "";
}

namespace {

std::optional<int> parse_year(std::string_view s) {
  if (s.size() != 4 || !std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return std::nullopt;
  int y = std::stoi(std::string(s));
  if (y < 1990 || y > 2100) return std::nullopt;
  return y;
}

Error period_error(std::string message) { return Error::invalid({{"period", std::move(message)}}, "Kỳ báo cáo không hợp lệ."); }

}  // namespace

Result<Period> parse_period(Kind kind, std::string_view text) {
  Period p;
  p.kind = kind;
  p.code = std::string(text);
  switch (kind) {
    case Kind::kHalfYear: {
      auto y = text.size() == 7 && text.substr(4) == "-H1" ? parse_year(text.substr(0, 4)) : std::nullopt;
      if (!y) return fail(period_error("Kỳ sơ kết 6 tháng ghi theo dạng năm-H1, ví dụ 2020-H1."));
      p.year = *y;
      p.from = std::to_string(*y) + "-01-01";
      p.to = std::to_string(*y) + "-06-30";
      p.phrase = "6 tháng đầu năm " + std::to_string(*y);
      break;
    }
    case Kind::kYear: {
      auto y = parse_year(text);
      if (!y) return fail(period_error("Năm báo cáo ghi bốn chữ số, ví dụ 2020."));
      p.year = *y;
      p.from = std::to_string(*y) + "-01-01";
      p.to = std::to_string(*y) + "-12-31";
      p.phrase = "năm " + std::to_string(*y);
      break;
    }
    case Kind::kFiveYear:
    case Kind::kTenYear: {
      int span = kind == Kind::kFiveYear ? 5 : 10;
      auto dash = text.find('-');
      auto a = dash == std::string_view::npos ? std::nullopt : parse_year(text.substr(0, dash));
      auto b = dash == std::string_view::npos ? std::nullopt : parse_year(text.substr(dash + 1));
      if (!a || !b)
        return fail(period_error("Giai đoạn ghi theo dạng năm đầu-năm cuối, ví dụ " +
                                 std::string(span == 5 ? "2016-2020." : "2016-2025.")));
      if (*b - *a + 1 != span)
        return fail(period_error("Giai đoạn " + std::string(span == 5 ? "5 năm" : "10 năm") + " phải gồm đúng " +
                                 std::to_string(span) + " năm (ví dụ " + std::to_string(*a) + "-" +
                                 std::to_string(*a + span - 1) + ")."));
      p.year = *b;
      p.from = std::to_string(*a) + "-01-01";
      p.to = std::to_string(*b) + "-12-31";
      p.phrase = std::to_string(span) + " năm (" + std::to_string(*a) + " – " + std::to_string(*b) + ")";
      break;
    }
  }
  int first = std::stoi(p.from.substr(0, 4));
  for (int y = first; y <= p.year; ++y) p.years.push_back(y);
  return p;
}

std::string default_period(Kind kind, std::string_view today) {
  int y = parse_year(today.substr(0, 4)).value_or(2020);
  int month = today.size() >= 7 ? std::atoi(std::string(today.substr(5, 2)).c_str()) : 12;
  switch (kind) {
    case Kind::kHalfYear: return std::to_string(month >= 6 ? y : y - 1) + "-H1";
    case Kind::kYear: return std::to_string(month >= 12 ? y : y - 1);
    case Kind::kFiveYear: {
      int end = month >= 12 ? y : y - 1;
      return std::to_string(end - 4) + "-" + std::to_string(end);
    }
    case Kind::kTenYear: {
      int end = month >= 12 ? y : y - 1;
      return std::to_string(end - 9) + "-" + std::to_string(end);
    }
  }
  return std::to_string(y);
}

std::string date_phrase(std::string_view iso) {
  if (iso.size() < 10) return std::string(iso);
  int y = std::atoi(std::string(iso.substr(0, 4)).c_str());
  int m = std::atoi(std::string(iso.substr(5, 2)).c_str());
  int d = std::atoi(std::string(iso.substr(8, 2)).c_str());
  char day[8], month[8];
  std::snprintf(day, sizeof day, d < 10 ? "0%d" : "%d", d);
  std::snprintf(month, sizeof month, m < 3 ? "0%d" : "%d", m);
  return "ngày " + std::string(day) + " tháng " + month + " năm " + std::to_string(y);
}

const std::vector<Placeholder>& placeholders() {
  static const std::vector<Placeholder> p = {
      {"don_vi", "Tên đơn vị báo cáo"},
      {"cap_tren", "Tên cấp ủy cấp trên"},
      {"ky_bao_cao", "Kỳ báo cáo (\"6 tháng đầu năm 2020\", \"năm 2020\", \"5 năm (2016 – 2020)\")"},
      {"nam", "Năm cuối của kỳ báo cáo"},
      {"tu_ngay", "Ngày đầu kỳ (dd/mm/yyyy)"},
      {"den_ngay", "Ngày cuối kỳ (dd/mm/yyyy)"},
      {"chuyen_de", "Chuyên đề học tập của năm"},
      {"dot_pha", "Nội dung đột phá của năm"},
      {"so_don_vi_ke_hoach", "Số đơn vị phải xây dựng kế hoạch làm theo Bác"},
      {"so_ke_hoach_duyet", "Số kế hoạch đã được cấp trên duyệt"},
      {"ty_le_ke_hoach", "Tỷ lệ kế hoạch được duyệt"},
      {"so_can_bo", "Số cán bộ, đảng viên phải đăng ký cam kết"},
      {"so_cam_ket_duyet", "Số bản cam kết đã được duyệt"},
      {"ty_le_cam_ket", "Tỷ lệ cam kết được duyệt"},
      {"so_van_de", "Số vấn đề bức xúc đăng ký giải quyết"},
      {"so_van_de_giai_quyet", "Số vấn đề bức xúc đã giải quyết"},
      {"sinh_hoat_phai_co", "Số buổi sinh hoạt định kỳ phải tổ chức trong kỳ"},
      {"sinh_hoat_da_co", "Số buổi sinh hoạt định kỳ đã tổ chức"},
      {"ty_le_sinh_hoat", "Tỷ lệ sinh hoạt định kỳ"},
      {"so_buoi_chuyen_de", "Số buổi sinh hoạt chuyên đề"},
      {"so_cau_chuyen", "Số buổi có kể chuyện về Bác"},
      {"so_buoi_hai_hoa", "Số buổi có hái hoa dân chủ"},
      {"don_vi_cham", "Số đơn vị chưa sinh hoạt đủ"},
      {"xep_loai_xuat_sac", "Số cam kết xếp loại hoàn thành xuất sắc"},
      {"xep_loai_tot", "Số cam kết xếp loại hoàn thành tốt"},
      {"xep_loai_hoan_thanh", "Số cam kết xếp loại hoàn thành"},
      {"xep_loai_khong", "Số cam kết xếp loại không hoàn thành"},
      {"so_ghi_danh", "Số người tốt, việc tốt được ghi danh trong kỳ"},
      {"so_ghi_danh_duyet", "Số trường hợp được duyệt"},
      {"so_ghi_danh_cong_bo", "Số trường hợp đã công bố"},
      {"so_bieu_duong", "Số trường hợp được biểu dương, khen thưởng"},
      {"so_mo_hinh", "Số mô hình, cách làm sáng tạo đang áp dụng"},
      {"so_don_vi_ap_dung", "Số lượt đơn vị áp dụng mô hình"},
      {"so_cuoc_thi", "Số đợt thi hái hoa dân chủ trực tuyến"},
      {"so_luot_thi", "Số lượt tham gia thi"},
      {"so_buoi_hai_hoa_truc_tiep", "Số buổi hái hoa dân chủ trực tiếp"},
      {"diem_trung_binh", "Điểm trung bình các bài thi (%)"},
      {"so_thon", "Số thôn, tổ dân phố"},
      {"so_thon_nong_thon_moi", "Số thôn được công nhận đạt chuẩn nông thôn mới"},
      {"so_ho", "Số hộ gia đình"},
      {"so_ho_ngheo", "Số hộ nghèo"},
      {"ty_le_ho_ngheo", "Tỷ lệ hộ nghèo"},
      {"so_ho_can_ngheo", "Số hộ cận nghèo"},
      {"ty_le_ho_can_ngheo", "Tỷ lệ hộ cận nghèo"},
      {"so_ho_thoat_ngheo", "Số hộ thoát nghèo trong năm"},
  };
  return p;
}

const std::vector<Placeholder>& table_placeholders() {
  static const std::vector<Placeholder> p = {
      {"don_vi_truc_thuoc", "Kế hoạch, sinh hoạt của từng đơn vị trực thuộc"},
      {"theo_nam", "Các chỉ số qua từng năm của kỳ"},
      {"mo_hinh", "Các mô hình và số đơn vị áp dụng"},
      {"xep_loai", "Kết quả đánh giá, xếp loại"},
  };
  return p;
}

namespace {

bool known(const std::vector<Placeholder>& list, std::string_view name) {
  return std::any_of(list.begin(), list.end(), [&](const Placeholder& p) { return p.name == name; });
}

std::string trim(std::string_view s) {
  auto a = s.find_first_not_of(" \t");
  if (a == std::string_view::npos) return "";
  auto b = s.find_last_not_of(" \t");
  return std::string(s.substr(a, b - a + 1));
}

std::optional<std::string> table_name(const std::string& line) {
  if (line.rfind("[bang:", 0) == 0 && line.size() > 7 && line.back() == ']') return line.substr(6, line.size() - 7);
  return std::nullopt;
}

void check_text(std::string_view field, std::string_view label, std::string_view text, std::vector<FieldError>& out) {
  auto lines = kernel::lines_of(text);
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const auto& line = lines[n];
    std::string where = std::string(label) + ", dòng " + std::to_string(n + 1) + ": ";
    if (auto t = table_name(trim(line))) {
      if (field != "body") out.push_back({std::string(field), where + "bảng chỉ đặt được trong nội dung báo cáo."});
      else if (!known(table_placeholders(), *t))
        out.push_back({std::string(field), where + "không có bảng [bang:" + *t + "]."});
      continue;
    }
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '}') {
        out.push_back({std::string(field), where + "dấu } không có dấu { mở trước."});
        break;
      }
      if (line[i] != '{') continue;
      auto close = line.find('}', i);
      auto next_open = line.find('{', i + 1);
      if (close == std::string::npos || (next_open != std::string::npos && next_open < close)) {
        out.push_back({std::string(field), where + "dấu { chưa được đóng bằng }."});
        break;
      }
      std::string name = line.substr(i + 1, close - i - 1);
      if (!known(placeholders(), name)) out.push_back({std::string(field), where + "không có số liệu {" + name + "}."});
      i = close;
    }
  }
}

}  // namespace

std::vector<FieldError> check_template(const Template& t) {
  std::vector<FieldError> out;
  if (trim(t.title).empty()) out.push_back({"title", "Trích yếu không được để trống."});
  if (trim(t.body).empty()) out.push_back({"body", "Nội dung báo cáo không được để trống."});
  if (t.body.size() > 100000) out.push_back({"body", "Nội dung báo cáo quá dài (tối đa 100.000 ký tự)."});
  check_text("title", "Trích yếu", t.title, out);
  check_text("body", "Nội dung", t.body, out);
  check_text("recipients", "Nơi nhận", t.recipients, out);
  return out;
}

std::string fill(std::string_view text, const Figures& f) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      auto close = text.find('}', i);
      if (close != std::string_view::npos) {
        auto it = f.values.find(std::string(text.substr(i + 1, close - i - 1)));
        if (it != f.values.end()) {
          out += it->second;
          i = close;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
}

std::vector<Block> body_blocks(const Template& t, const Figures& f) {
  std::vector<Block> out;
  for (const auto& raw : kernel::lines_of(t.body)) {
    std::string line = trim(raw);
    if (line.empty()) continue;
    Block b;
    if (auto name = table_name(line)) {
      auto it = f.tables.find(*name);
      if (it == f.tables.end() || it->second.rows.empty()) continue;  // nothing to show: no empty table
      b.type = Block::Type::kTable;
      b.table = it->second;
    } else if (line.rfind("## ", 0) == 0) {
      b.type = Block::Type::kSubheading;
      b.text = fill(trim(line.substr(3)), f);
    } else if (line.rfind("# ", 0) == 0) {
      b.type = Block::Type::kHeading;
      b.text = fill(trim(line.substr(2)), f);
    } else if (line.rfind("- ", 0) == 0) {
      b.type = Block::Type::kDash;
      b.text = "- " + fill(trim(line.substr(2)), f);
    } else {
      b.text = fill(line, f);
    }
    out.push_back(std::move(b));
  }
  return out;
}

namespace {

char32_t upper_cp(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 32;
  if ((c >= 0xE0 && c <= 0xFE && c != 0xF7)) return c - 0x20;
  if (c == 0x103 || c == 0x111 || c == 0x129 || c == 0x169) return c - 1;  // ă đ ĩ ũ
  if (c == 0x1A1) return 0x1A0;  // ơ
  if (c == 0x1B0) return 0x1AF;  // ư
  if (c >= 0x1EA0 && c <= 0x1EF9 && (c & 1)) return c - 1;
  return c;
}

}  // namespace

std::string upper_vn(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    std::size_t len = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    if (i + len > s.size()) len = 1;
    char32_t cp = len == 1 ? b : b & (0xFF >> (len + 1));
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    char32_t u = upper_cp(cp);
    if (u == cp) {
      out.append(s.substr(i, len));
    } else if (u < 0x80) {
      out += static_cast<char>(u);
    } else if (u < 0x800) {
      out += static_cast<char>(0xC0 | (u >> 6));
      out += static_cast<char>(0x80 | (u & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (u >> 12));
      out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (u & 0x3F));
    }
    i += len;
  }
  return out;
}

}  // namespace ct05::reports
