#include "modules/people/domain/person.hpp"

#include "kernel/clock.hpp"
#include "kernel/text.hpp"

namespace ct05::people {

namespace {
bool all_digits(const std::string& s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; }
}  // namespace

std::string_view gender_label(std::string_view code) {
  if (code == "nam") return "Nam";
  if (code == "nu") return "Nữ";
  return "";
}

const std::vector<std::pair<std::string_view, std::string_view>>& cadre_statuses() {
  static const std::vector<std::pair<std::string_view, std::string_view>> v = {
      {"can_bo", "Cán bộ"},       {"cong_chuc", "Công chức"},   {"vien_chuc", "Viên chức"},
      {"nguoi_lao_dong", "Người lao động"}, {"nhan_dan", "Nhân dân"},
  };
  return v;
}

std::string_view cadre_status_label(std::string_view code) {
  for (const auto& [c, l] : cadre_statuses())
    if (c == code) return l;
  return "";
}

const std::vector<std::string_view>& common_ethnicities() {
  static const std::vector<std::string_view> v = {"Tày", "Kinh", "Nùng", "Dao", "Mông", "Sán Chay", "Hoa", "Sán Dìu"};
  return v;
}

std::vector<FieldError> validate(const PersonInput& in, bool creating, int current_year) {
  std::vector<FieldError> e;
  if (in.full_name || creating) {
    const std::string n = in.full_name.value_or("");
    if (n.empty()) e.push_back({"full_name", "Họ và tên không được để trống."});
    else if (n.size() > 120 || !kernel::valid_utf8(n)) e.push_back({"full_name", "Họ và tên quá dài (tối đa 120 ký tự)."});
  }
  if (creating && (!in.unit_id || *in.unit_id <= 0)) e.push_back({"unit_id", "Vui lòng chọn đơn vị sinh hoạt."});
  if (in.gender && !in.gender->empty() && gender_label(*in.gender).empty())
    e.push_back({"gender", "Giới tính chỉ có thể là Nam hoặc Nữ."});
  if (in.birth_year_invalid) e.push_back({"birth_year", "Năm sinh phải là một số (ví dụ 1985)."});
  else if (in.birth_year && *in.birth_year != 0 && (*in.birth_year < 1900 || *in.birth_year > current_year))
    e.push_back({"birth_year", "Năm sinh phải trong khoảng 1900–" + std::to_string(current_year) + "."});
  if (in.phone && !in.phone->empty()) {
    std::string digits;
    for (char c : *in.phone)
      if (c != ' ' && c != '.' && c != '-') digits += c;
    if (digits.rfind("+84", 0) == 0) digits = "0" + digits.substr(3);
    if (!all_digits(digits) || digits.size() != 10 || digits[0] != '0')
      e.push_back({"phone", "Số điện thoại phải có 10 chữ số, bắt đầu bằng 0 (ví dụ 0912345678)."});
  }
  if (in.id_number && !in.id_number->empty() && (!all_digits(*in.id_number) || (in.id_number->size() != 12 && in.id_number->size() != 9)))
    e.push_back({"id_number", "Số CCCD/CMND phải gồm 12 (hoặc 9) chữ số."});
  if (in.party_card_no && !in.party_card_no->empty() && (!all_digits(*in.party_card_no) || in.party_card_no->size() > 20))
    e.push_back({"party_card_no", "Số thẻ đảng viên chỉ gồm chữ số (tối đa 20)."});
  if (in.party_join_date && !in.party_join_date->empty()) {
    if (!kernel::valid_date(*in.party_join_date)) e.push_back({"party_join_date", "Ngày vào Đảng không hợp lệ."});
    else if (*in.party_join_date > kernel::today_iso()) e.push_back({"party_join_date", "Ngày vào Đảng không thể ở tương lai."});
    else if (in.birth_year && *in.birth_year && std::stoi(in.party_join_date->substr(0, 4)) < *in.birth_year + 18)
      e.push_back({"party_join_date", "Ngày vào Đảng phải khi đã đủ 18 tuổi."});
  }
  if (in.member_since && !in.member_since->empty() &&
      (!kernel::valid_date(*in.member_since) || *in.member_since > kernel::today_iso()))
    e.push_back({"member_since", "Ngày bắt đầu sinh hoạt không hợp lệ hoặc ở tương lai."});
  if (in.cadre_status && !in.cadre_status->empty() && cadre_status_label(*in.cadre_status).empty())
    e.push_back({"cadre_status", "Vui lòng chọn đối tượng trong danh sách."});
  if (in.ethnicity && in.ethnicity->size() > 40) e.push_back({"ethnicity", "Dân tộc quá dài."});
  if (in.position && in.position->size() > 200) e.push_back({"position", "Chức vụ quá dài (tối đa 200 ký tự)."});
  if (in.note && in.note->size() > 2000) e.push_back({"note", "Ghi chú quá dài (tối đa 2000 ký tự)."});
  return e;
}

}  // namespace ct05::people
