// The restructurings part of `ct05 demo`: the 1/7/2025 change. Vietnam abolished the district level and merged
// Bắc Kạn province into Thái Nguyên: Thành ủy Bắc Kạn and all its units move under Tỉnh ủy Thái Nguyên, and two of
// the city's wards are merged into one (an illustration: the demo does not reproduce the whole arrangement of
// communes, whose composition the admin records from the resolution itself).
#include <stdexcept>

#include "modules/org/storage/unit_store.hpp"
#include "modules/restructurings/module.hpp"
#include "modules/restructurings/storage/restructuring_store.hpp"

namespace ct05::restructurings {

void load_demo(db::Connection& c, DemoReport& report) {
  if (org::find_unit_by_code(c, "TU-THAINGUYEN")) {
    report.lines.push_back("Sắp xếp 1/7/2025 đã có (TU-THAINGUYEN); không nạp lại.");
    return;
  }
  if (!org::find_unit_by_code(c, "TU-BACKAN")) return;
  auto who = auth::system_principal();
  org::UnitInput root;
  root.code = "TU-THAINGUYEN";
  root.name = "Tỉnh ủy Thái Nguyên";
  root.kind = "tinh_uy";
  root.valid_from = "1997-01-01";
  if (auto r = org::create_root_unit(c, who, root); !r) throw std::runtime_error("demo: " + r.error().message);
  auto must = [&](const Request& r) {
    auto o = run(c, who, r, true);
    if (!o) {
      std::string why = o.error().message;
      for (const auto& f : o.error().fields) why += " " + f.field + ": " + f.message;
      throw std::runtime_error("demo restructuring: " + why);
    }
  };
  Request move;
  move.kind = "move";
  move.effective_on = "2025-07-01";
  move.legal_basis = "Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh";
  move.note = "Tỉnh Bắc Kạn nhập vào tỉnh Thái Nguyên; các đơn vị của thành phố Bắc Kạn trực thuộc Tỉnh ủy Thái Nguyên.";
  move.unit = "TU-BACKAN";
  move.parent = "TU-THAINGUYEN";
  must(move);
  const std::string basis = "Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã của tỉnh Thái "
                            "Nguyên năm 2025 (dữ liệu mẫu)";
  // The wards first (the new ward starts under the first ward's committee), then the committees, whose merge takes
  // the new ward along; the closed wards stay under their own closed committees.
  Request wards;
  wards.kind = "merge";
  wards.effective_on = "2025-07-01";
  wards.legal_basis = basis;
  wards.sources = {"XA-HUYENTUNG", "XA-XUATHOA"};
  wards.target = UnitRef{"XA-PHUONGBACKAN", "Phường Bắc Kạn", "xa_phuong", ""};
  must(wards);
  Request committees = wards;
  committees.sources = {"DB-HUYENTUNG", "DB-XUATHOA"};
  committees.target = UnitRef{"DB-PHUONGBACKAN", "Đảng bộ phường Bắc Kạn", "dang_bo_co_so", ""};
  must(committees);
  report.lines.push_back("Sắp xếp 1/7/2025: Thành ủy Bắc Kạn chuyển về Tỉnh ủy Thái Nguyên; phường Huyền Tụng và phường "
                         "Xuất Hóa hợp thành phường Bắc Kạn (dữ liệu mẫu).");
}

}  // namespace ct05::restructurings
