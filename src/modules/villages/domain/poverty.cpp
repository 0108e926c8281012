#include "modules/villages/domain/poverty.hpp"

#include <algorithm>
#include <set>

#include "kernel/text.hpp"

namespace ct05::villages {

const std::vector<PovertyStatus>& statuses() {
  static const std::vector<PovertyStatus> v{PovertyStatus::kPoor, PovertyStatus::kNearPoor, PovertyStatus::kLeftPoverty,
                                            PovertyStatus::kNone};
  return v;
}

std::string_view status_code(PovertyStatus s) {
  switch (s) {
    case PovertyStatus::kPoor:
      return "ngheo";
    case PovertyStatus::kNearPoor:
      return "can_ngheo";
    case PovertyStatus::kLeftPoverty:
      return "thoat_ngheo";
    case PovertyStatus::kNone:
      return "khong";
  }
  return "";
}

std::string_view status_label(PovertyStatus s) {
  switch (s) {
    case PovertyStatus::kPoor:
      return "Hộ nghèo";
    case PovertyStatus::kNearPoor:
      return "Hộ cận nghèo";
    case PovertyStatus::kLeftPoverty:
      return "Thoát nghèo";
    case PovertyStatus::kNone:
      return "Không nghèo";
  }
  return "";
}

std::optional<PovertyStatus> parse_status(std::string_view code) {
  for (auto s : statuses())
    if (status_code(s) == code) return s;
  return std::nullopt;
}

std::optional<PovertyStatus> status_from_words(std::string_view text) {
  std::string f = kernel::fold(text);
  if (f.rfind("ho ", 0) == 0) f = f.substr(3);
  if (f == "ngheo") return PovertyStatus::kPoor;
  if (f == "can ngheo") return PovertyStatus::kNearPoor;
  if (f == "thoat ngheo") return PovertyStatus::kLeftPoverty;
  if (f == "khong" || f == "khong ngheo") return PovertyStatus::kNone;
  if (auto s = parse_status(text)) return s;
  return std::nullopt;
}

std::string_view area_code(Area a) { return a == Area::kUrban ? "thanh_thi" : "nong_thon"; }
std::string_view area_label(Area a) { return a == Area::kUrban ? "Thành thị" : "Nông thôn"; }

std::optional<Area> parse_area(std::string_view code) {
  if (code == "nong_thon") return Area::kRural;
  if (code == "thanh_thi") return Area::kUrban;
  return std::nullopt;
}

std::optional<Area> area_from_words(std::string_view text) {
  std::string f = kernel::fold(text);
  if (f == "nong thon" || f == "nong_thon") return Area::kRural;
  if (f == "thanh thi" || f == "thanh_thi" || f == "do thi") return Area::kUrban;
  return std::nullopt;
}

const Indicator* PovertyStandard::indicator(std::string_view code) const {
  for (const auto& i : indicators)
    if (i.code == code) return &i;
  return nullptr;
}

namespace {

// The 12 indicators of Nghị định 07/2021/NĐ-CP (Điều 2 and its Phụ lục), grouped by the 6 basic social services;
// the thresholds are summaries of the appendix, for the form, not its text.
std::vector<Indicator> indicators_2021() {
  return {
      {"viec_lam", "Việc làm", "Việc làm",
       "Có ít nhất một người trong độ tuổi lao động thất nghiệp, hoặc làm công hưởng lương mà không có hợp đồng lao "
       "động."},
      {"nguoi_phu_thuoc", "Việc làm", "Người phụ thuộc trong hộ gia đình",
       "Người phụ thuộc (trẻ em, người cao tuổi, người không còn khả năng lao động) chiếm trên 50% nhân khẩu của hộ."},
      {"dinh_duong", "Y tế", "Dinh dưỡng",
       "Có ít nhất một trẻ em dưới 16 tuổi suy dinh dưỡng chiều cao theo tuổi hoặc cân nặng theo tuổi."},
      {"bao_hiem_y_te", "Y tế", "Bảo hiểm y tế", "Có ít nhất một người từ đủ 6 tuổi trở lên không có bảo hiểm y tế."},
      {"giao_duc_nguoi_lon", "Giáo dục", "Trình độ giáo dục của người lớn",
       "Có ít nhất một người từ 16 đến 30 tuổi không tham gia đào tạo và không có bằng cấp, chứng chỉ phù hợp với độ "
       "tuổi."},
      {"di_hoc_tre_em", "Giáo dục", "Tình trạng đi học của trẻ em",
       "Có ít nhất một trẻ em từ 3 đến dưới 16 tuổi không được học đúng bậc, cấp học phù hợp với độ tuổi."},
      {"chat_luong_nha", "Nhà ở", "Chất lượng nhà ở", "Hộ đang sống trong nhà thiếu kiên cố hoặc nhà đơn sơ."},
      {"dien_tich_nha", "Nhà ở", "Diện tích nhà ở bình quân đầu người",
       "Diện tích nhà ở bình quân đầu người dưới 8 m²."},
      {"nuoc_sinh_hoat", "Nước sinh hoạt và vệ sinh", "Nguồn nước sinh hoạt",
       "Hộ không được tiếp cận nguồn nước sinh hoạt an toàn."},
      {"nha_tieu", "Nước sinh hoạt và vệ sinh", "Nhà tiêu hợp vệ sinh",
       "Hộ không sử dụng nhà tiêu (hố xí) hợp vệ sinh."},
      {"vien_thong", "Thông tin", "Sử dụng dịch vụ viễn thông",
       "Không thành viên nào của hộ sử dụng dịch vụ viễn thông (điện thoại, internet)."},
      {"tiep_can_thong_tin", "Thông tin", "Phương tiện phục vụ tiếp cận thông tin",
       "Hộ không có phương tiện nào để tiếp cận thông tin (ti vi, radio, máy tính, điện thoại thông minh, loa đài)."},
  };
}

}  // namespace

const std::vector<PovertyStandard>& national_standards() {
  static const std::vector<PovertyStandard> v = [] {
    PovertyStandard nd07;
    nd07.code = "ND-07-2021";
    nd07.name = "Chuẩn nghèo đa chiều giai đoạn 2022–2026";
    nd07.legal_basis = "Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ";
    nd07.from_year = 2022;
    nd07.to_year = 2026;
    nd07.rural_line = 1'500'000;
    nd07.urban_line = 2'000'000;
    nd07.min_lacking = 3;
    nd07.note =
        "Hộ nghèo: thu nhập bình quân đầu người/tháng từ chuẩn trở xuống và thiếu hụt từ 3 chỉ số trở lên; hộ "
        "cận nghèo: thu nhập từ chuẩn trở xuống và thiếu hụt dưới 3 chỉ số. Ngưỡng thiếu hụt ghi ở đây là tóm "
        "tắt Phụ lục của Nghị định.";
    nd07.indicators = indicators_2021();
    PovertyStandard nd351;
    nd351.code = "ND-351-2025";
    nd351.name = "Chuẩn nghèo đa chiều từ năm 2027";
    nd351.legal_basis = "Nghị định số 351/2025/NĐ-CP của Chính phủ";
    nd351.from_year = 2027;
    nd351.to_year = 2030;
    nd351.rural_line = 2'200'000;
    nd351.urban_line = 2'800'000;
    nd351.min_lacking = 3;
    nd351.note =
        "Chuẩn thu nhập 2.200.000 đ (nông thôn) và 2.800.000 đ (thành thị). Danh mục chỉ số và ngưỡng thiếu hụt "
        "đang lấy theo giai đoạn trước; quản trị đối chiếu Phụ lục của Nghị định và sửa trước khi dùng cho năm "
        "2027.";
    nd351.indicators = indicators_2021();
    return std::vector<PovertyStandard>{nd07, nd351};
  }();
  return v;
}

const PovertyStandard* standard_for(const std::vector<PovertyStandard>& standards, int year) {
  for (const auto& s : standards)
    if (s.covers(year)) return &s;
  return nullptr;
}

std::string no_standard_message(int year) {
  return "Chưa có chuẩn nghèo đa chiều áp dụng cho năm " + std::to_string(year) +
         " nên ct05 không tự phân loại được; hãy ghi kết quả rà soát đã được xã phê duyệt.";
}

std::string money_vn(std::int64_t dong) {
  std::string digits = std::to_string(dong < 0 ? -dong : dong), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return (dong < 0 ? "-" : "") + out + " đ";
}

std::string rate_vn(std::int64_t part, std::int64_t whole) {
  if (whole <= 0 || part <= 0) return "0%";
  // Rounded half up to hundredths of a percent, in integers so 2/58 is always "3,45%".
  std::int64_t hundredths = (part * 20000 / whole + 1) / 2;
  std::string frac = std::to_string(hundredths % 100);
  if (frac.size() < 2) frac = "0" + frac;
  return std::to_string(hundredths / 100) + "," + frac + "%";
}

Result<Classification> classify(const PovertyStandard& standard, Area area, const Answers& answers,
                                std::optional<PovertyStatus> previous_year) {
  std::vector<FieldError> errors;
  if (!answers.income)
    errors.push_back({"income", "Vui lòng nhập thu nhập bình quân đầu người một tháng (đồng)."});
  else if (*answers.income < 0)
    errors.push_back({"income", "Thu nhập không được là số âm."});
  else if (*answers.income > 1'000'000'000)
    errors.push_back({"income", "Thu nhập bình quân đầu người một tháng quá lớn; hãy kiểm tra lại (đơn vị là đồng)."});
  std::set<std::string> seen;
  for (const auto& code : answers.lacking) {
    if (!standard.indicator(code)) {
      errors.push_back({"lacking", "Chỉ số \"" + code + "\" không có trong " + standard.name + "."});
    } else if (!seen.insert(code).second) {
      errors.push_back({"lacking", "Chỉ số \"" + standard.indicator(code)->name + "\" được chọn hai lần."});
    }
  }
  if (!errors.empty()) return fail(Error::invalid(std::move(errors)));

  Classification c;
  c.line = standard.line(area);
  c.under_line = *answers.income <= c.line;  // "từ … trở xuống": the line itself is under it
  for (const auto& i : standard.indicators)
    if (seen.count(i.code)) c.codes.push_back(i.code);
  c.lacking = static_cast<int>(c.codes.size());
  const std::string figures = "thu nhập " + money_vn(*answers.income) + "/người/tháng " +
                              (c.under_line ? "không vượt" : "cao hơn") + " chuẩn " + money_vn(c.line) + " (" +
                              std::string(area == Area::kUrban ? "thành thị" : "nông thôn") + "), thiếu hụt " +
                              std::to_string(c.lacking) + "/" + std::to_string(standard.indicators.size()) + " chỉ số";
  if (c.under_line) {
    c.status = c.lacking >= standard.min_lacking ? PovertyStatus::kPoor : PovertyStatus::kNearPoor;
    c.reason = "Hộ " + std::string(c.status == PovertyStatus::kPoor ? "nghèo" : "cận nghèo") + ": " + figures + " (" +
               (c.status == PovertyStatus::kPoor ? "từ " : "dưới ") + std::to_string(standard.min_lacking) + " chỉ số" +
               (c.status == PovertyStatus::kPoor ? " trở lên" : "") + ") theo " + standard.legal_basis + ".";
  } else {
    c.status = previous_year == PovertyStatus::kPoor ? PovertyStatus::kLeftPoverty : PovertyStatus::kNone;
    c.reason = std::string(c.status == PovertyStatus::kLeftPoverty ? "Thoát nghèo (năm trước là hộ nghèo)"
                                                                   : "Không thuộc hộ nghèo, cận nghèo") +
               ": " + figures + " theo " + standard.legal_basis + ".";
  }
  return c;
}

std::vector<FieldError> validate(const PovertyStandard& s) {
  std::vector<FieldError> e;
  if (s.code.empty() || s.code.size() > 40) e.push_back({"code", "Vui lòng nhập mã chuẩn nghèo (tối đa 40 ký tự)."});
  if (s.name.empty() || s.name.size() > 300) e.push_back({"name", "Vui lòng nhập tên chuẩn nghèo (tối đa 300 ký tự)."});
  if (s.legal_basis.empty() || s.legal_basis.size() > 500)
    e.push_back({"legal_basis", "Vui lòng nhập văn bản quy định (tối đa 500 ký tự)."});
  if (s.from_year < 2000 || s.from_year > 2100 || s.to_year < s.from_year || s.to_year > 2100)
    e.push_back({"years", "Giai đoạn áp dụng phải là các năm từ 2000 đến 2100, năm cuối không trước năm đầu."});
  if (s.rural_line <= 0 || s.urban_line <= 0)
    e.push_back({"lines", "Chuẩn thu nhập ở nông thôn và thành thị phải là số đồng lớn hơn 0."});
  if (s.min_lacking < 1 || s.min_lacking > static_cast<int>(std::max<std::size_t>(1, s.indicators.size())))
    e.push_back({"min_lacking", "Số chỉ số thiếu hụt để là hộ nghèo phải từ 1 đến số chỉ số của chuẩn."});
  if (s.indicators.empty())
    e.push_back({"indicators", "Chuẩn nghèo cần ít nhất một chỉ số đo lường mức độ thiếu hụt."});
  std::set<std::string> codes;
  for (const auto& i : s.indicators) {
    if (i.code.empty() || i.name.empty() || i.dimension.empty()) {
      e.push_back({"indicators", "Mỗi chỉ số cần mã, tên và dịch vụ xã hội cơ bản mà nó đo."});
      break;
    }
    if (!codes.insert(i.code).second) {
      e.push_back({"indicators", "Mã chỉ số \"" + i.code + "\" bị trùng."});
      break;
    }
  }
  return e;
}

}  // namespace ct05::villages
