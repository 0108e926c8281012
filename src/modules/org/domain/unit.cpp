#include "modules/org/domain/unit.hpp"

#include "kernel/clock.hpp"
#include "kernel/text.hpp"

namespace ct05::org {

const std::vector<UnitKind>& unit_kinds() {
  static const std::vector<UnitKind> kinds = {
      {"tinh_uy", "Đảng bộ tỉnh (Tỉnh ủy)"},
      {"thanh_uy", "Đảng bộ thành phố, huyện (Thành ủy, Huyện ủy)"},
      {"dang_bo_co_so", "Đảng bộ cơ sở"},
      {"chi_bo", "Chi bộ"},
      {"co_quan", "Cơ quan, đơn vị"},
      {"xa_phuong", "Xã, phường"},
      {"thon", "Thôn, tổ dân phố"},
      {"doan_the", "Mặt trận, đoàn thể"},
      {"truong_hoc", "Trường học"},
  };
  return kinds;
}

std::string_view kind_label(std::string_view code) {
  for (const auto& k : unit_kinds())
    if (k.code == code) return k.label;
  return "";
}

std::vector<FieldError> validate(const UnitInput& in, bool creating) {
  std::vector<FieldError> e;
  if (in.code || creating) {
    const std::string c = in.code.value_or("");
    bool ok = c.size() >= 2 && c.size() <= 40;
    for (char ch : c) ok = ok && ((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_');
    if (c.empty()) e.push_back({"code", "Mã đơn vị không được để trống."});
    else if (!ok) e.push_back({"code", "Mã đơn vị dài 2–40 ký tự, chỉ gồm chữ in hoa không dấu, số, dấu gạch ngang (ví dụ CB-KHUOICUONG)."});
  }
  if (in.name || creating) {
    const std::string n = in.name.value_or("");
    if (n.empty()) e.push_back({"name", "Tên đơn vị không được để trống."});
    else if (n.size() > 200 || !kernel::valid_utf8(n)) e.push_back({"name", "Tên đơn vị quá dài (tối đa 200 ký tự)."});
  }
  if (in.kind || creating) {
    if (kind_label(in.kind.value_or("")).empty()) e.push_back({"kind", "Vui lòng chọn loại đơn vị trong danh sách."});
  }
  if (creating && (!in.parent_id || *in.parent_id <= 0)) e.push_back({"parent_id", "Vui lòng chọn đơn vị cấp trên."});
  if (in.valid_from && !in.valid_from->empty() && !kernel::valid_date(*in.valid_from))
    e.push_back({"valid_from", "Ngày hiệu lực không hợp lệ (định dạng năm-tháng-ngày, ví dụ 2020-01-15)."});
  if (in.valid_to && !in.valid_to->empty()) {
    if (!kernel::valid_date(*in.valid_to)) e.push_back({"valid_to", "Ngày hết hiệu lực không hợp lệ."});
    else if (in.valid_from && kernel::valid_date(*in.valid_from) && *in.valid_to < *in.valid_from)
      e.push_back({"valid_to", "Ngày hết hiệu lực phải sau ngày hiệu lực."});
  }
  if (in.note && in.note->size() > 2000) e.push_back({"note", "Ghi chú quá dài (tối đa 2000 ký tự)."});
  return e;
}

std::vector<std::int64_t> path_ids(std::string_view path) {
  std::vector<std::int64_t> out;
  std::int64_t cur = 0;
  bool any = false;
  for (char c : path) {
    if (c >= '0' && c <= '9') {
      cur = cur * 10 + (c - '0');
      any = true;
    } else if (c == '/' && any) {
      out.push_back(cur);
      cur = 0;
      any = false;
    }
  }
  return out;
}

}  // namespace ct05::org
