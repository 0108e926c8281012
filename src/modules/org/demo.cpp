// The org part of `ct05 demo`: Thành ủy Bắc Kạn as the article describes it (seeds/000_…txt), with
// Nông Thượng commune, the villages Khuổi Cuồng and Nà Nàng, the 3 pilot committees of the register,
// the mass organizations and schools; plus the wards of the city, so lists and rollups have substance.
#include <stdexcept>

#include "modules/org/module.hpp"
#include "modules/org/storage/unit_store.hpp"

namespace ct05::org {

namespace {

struct Spec {
  const char* code;
  const char* name;
  const char* kind;
  const char* parent;     // parent code, nullptr for the root
  const char* territory;  // code of the village/commune the unit serves
};

// Wards and communes of Bắc Kạn city before 1/7/2025.
struct Ward {
  const char* slug;
  const char* name;  // "phường Đức Xuân"
  bool commune;
};
constexpr Ward kWards[] = {
    {"DUCXUAN", "phường Đức Xuân", false},          {"SONGCAU", "phường Sông Cầu", false},
    {"PHUNGCHIKIEN", "phường Phùng Chí Kiên", false}, {"NTMK", "phường Nguyễn Thị Minh Khai", false},
    {"HUYENTUNG", "phường Huyền Tụng", false},        {"XUATHOA", "phường Xuất Hóa", false},
    {"DUONGQUANG", "xã Dương Quang", true},
};

constexpr const char* kNongThuongVillages[][2] = {
    {"KHUOICUONG", "Khuổi Cuồng"}, {"NANANG", "Nà Nàng"},   {"COCMUONG", "Cốc Muồng"},
    {"THOMLUONG", "Thôm Luông"},   {"NAOI", "Nà Ỏi"},      {"BANANG", "Bản Áng"},
};

std::string cap_first(const std::string& s) {
  // "phường …" → "Phường …" (the first letter is ASCII in every name used here)
  std::string out = s;
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::vector<Spec> specs(std::vector<std::string>& names) {
  std::vector<Spec> v = {
      {"TU-BACKAN", "Thành ủy Bắc Kạn", "thanh_uy", nullptr, nullptr},
      {"BTG-TU", "Ban Tuyên giáo Thành ủy", "co_quan", "TU-BACKAN", nullptr},
      {"VP-TU", "Văn phòng Thành ủy", "co_quan", "TU-BACKAN", nullptr},
      {"UBND-TP", "Ủy ban nhân dân thành phố Bắc Kạn", "co_quan", "TU-BACKAN", nullptr},
      {"MTTQ-TP", "Ủy ban MTTQ Việt Nam thành phố Bắc Kạn", "doan_the", "TU-BACKAN", nullptr},
      {"DOAN-TP", "Thành đoàn Bắc Kạn", "doan_the", "TU-BACKAN", nullptr},
      {"HPN-TP", "Hội Liên hiệp Phụ nữ thành phố", "doan_the", "TU-BACKAN", nullptr},
      {"HND-TP", "Hội Nông dân thành phố", "doan_the", "TU-BACKAN", nullptr},
      {"HCCB-TP", "Hội Cựu chiến binh thành phố", "doan_the", "TU-BACKAN", nullptr},
      {"DB-COQUAN", "Đảng bộ Cơ quan Chính quyền thành phố", "dang_bo_co_so", "TU-BACKAN", nullptr},
      {"CB-VPUBND", "Chi bộ Văn phòng HĐND và UBND thành phố", "chi_bo", "DB-COQUAN", nullptr},
      {"CB-PHONGNOIVU", "Chi bộ Phòng Nội vụ", "chi_bo", "DB-COQUAN", nullptr},
      {"CB-PHONGVHTT", "Chi bộ Phòng Văn hóa và Thông tin", "chi_bo", "DB-COQUAN", nullptr},
      {"DB-NONGTHUONG", "Đảng bộ xã Nông Thượng", "dang_bo_co_so", "TU-BACKAN", nullptr},
      {"XA-NONGTHUONG", "Xã Nông Thượng", "xa_phuong", "DB-NONGTHUONG", nullptr},
      {"MTTQ-NONGTHUONG", "Ban Thường trực Ủy ban MTTQ xã Nông Thượng", "doan_the", "DB-NONGTHUONG", nullptr},
      {"DOAN-NONGTHUONG", "Đoàn Thanh niên xã Nông Thượng", "doan_the", "DB-NONGTHUONG", nullptr},
      {"HPN-NONGTHUONG", "Hội Phụ nữ xã Nông Thượng", "doan_the", "DB-NONGTHUONG", nullptr},
      {"HND-NONGTHUONG", "Hội Nông dân xã Nông Thượng", "doan_the", "DB-NONGTHUONG", nullptr},
      {"HCCB-NONGTHUONG", "Hội Cựu chiến binh xã Nông Thượng", "doan_the", "DB-NONGTHUONG", nullptr},
      {"CB-TRUONG-NONGTHUONG", "Chi bộ Trường Tiểu học và THCS Nông Thượng", "chi_bo", "DB-NONGTHUONG", nullptr},
      {"TH-NONGTHUONG", "Trường Tiểu học và THCS Nông Thượng", "truong_hoc", "XA-NONGTHUONG", nullptr},
  };
  // Villages of Nông Thượng and their party cells.
  for (const auto& vil : kNongThuongVillages) {
    names.push_back(std::string("THON-") + vil[0]);
    names.push_back(std::string("Thôn ") + vil[1]);
    names.push_back(std::string("CB-") + vil[0]);
    names.push_back(std::string("Chi bộ thôn ") + vil[1]);
  }
  // Wards and the other commune: a party committee, the ward itself, 4 residential groups and their cells.
  for (const auto& w : kWards) {
    names.push_back(std::string("DB-") + w.slug);
    names.push_back(std::string("Đảng bộ ") + w.name);
    names.push_back(std::string("XA-") + w.slug);
    names.push_back(cap_first(w.name));
    for (int t = 1; t <= 4; ++t) {
      std::string group = w.commune ? "Thôn " : "Tổ ";
      std::string n = std::to_string(t);
      names.push_back(std::string("THON-") + w.slug + "-" + n);
      names.push_back(group + (w.commune ? std::string(t == 1 ? "Bản Cạu" : t == 2 ? "Khuổi Chang" : t == 3 ? "Nà Pài" : "Nà Chuông")
                                         : std::string("dân phố ") + n) + ", " + w.name);
      names.push_back(std::string("CB-") + w.slug + "-" + n);
      names.push_back(std::string("Chi bộ ") + (w.commune ? "thôn " : "tổ ") +
                      (w.commune ? std::string(t == 1 ? "Bản Cạu" : t == 2 ? "Khuổi Chang" : t == 3 ? "Nà Pài" : "Nà Chuông")
                                 : n));
    }
  }
  return v;
}

}  // namespace

void load_demo(db::Connection& c, DemoReport& report) {
  if (find_unit_by_code(c, "TU-BACKAN")) {
    report.lines.push_back("Cây tổ chức mẫu đã có (TU-BACKAN); không nạp lại.");
    return;
  }
  auto who = auth::system_principal();
  auto code_id = [&](const std::string& code) -> std::int64_t {
    auto u = find_unit_by_code(c, code);
    if (!u) throw std::runtime_error("demo: missing unit " + code);
    return u->id;
  };
  auto add = [&](const std::string& code, const std::string& name, const std::string& kind, const char* parent,
                 const std::string& territory, const std::string& from) {
    UnitInput in;
    in.code = code;
    in.name = name;
    in.kind = kind;
    in.valid_from = from;
    if (!territory.empty()) in.territory_code = territory;
    Result<Unit> r = parent ? (in.parent_id = code_id(parent), create_unit(c, who, in)) : create_root_unit(c, who, in);
    if (!r) throw std::runtime_error("demo: cannot create " + code + ": " + r.error().message);
  };

  std::vector<std::string> extra;
  for (const auto& s : specs(extra)) add(s.code, s.name, s.kind, s.parent, s.territory ? s.territory : "", "2016-05-15");
  // Villages go under the commune (a territorial unit); their cells under the commune's party committee.
  for (std::size_t i = 0; i < 6; ++i) {
    const std::string& thon = extra[i * 4], &thon_name = extra[i * 4 + 1], &cb = extra[i * 4 + 2], &cb_name = extra[i * 4 + 3];
    add(thon, thon_name, "thon", "XA-NONGTHUONG", "", "2016-05-15");
    add(cb, cb_name, "chi_bo", "DB-NONGTHUONG", thon, "2016-05-15");
  }
  std::size_t pos = 24;
  for (std::size_t w = 0; w < std::size(kWards); ++w) {
    std::string db_code = extra[pos], db_name = extra[pos + 1], xa_code = extra[pos + 2], xa_name = extra[pos + 3];
    pos += 4;
    add(db_code, db_name, "dang_bo_co_so", "TU-BACKAN", "", "2016-05-15");
    add(xa_code, xa_name, "xa_phuong", db_code.c_str(), "", "2016-05-15");
    for (int t = 0; t < 4; ++t) {
      add(extra[pos], extra[pos + 1], "thon", xa_code.c_str(), "", "2016-05-15");
      add(extra[pos + 2], extra[pos + 3], "chi_bo", db_code.c_str(), extra[pos], "2016-05-15");
      pos += 4;
    }
  }
  // The register's pilot: Nông Thượng and two wards (the article names Nông Thượng as one of three).
  std::string now = "2020-01-01T00:00:00Z";
  auto gid = c.query_one("INSERT INTO unit_groups (code, name, created_at) VALUES ($1, $2, $3) RETURNING id",
                         {std::string("THI-DIEM-SO-GHI-DANH"), std::string("Thí điểm Sổ ghi danh người tốt, việc tốt"), now})
                 ->i64(0);
  for (const char* code : {"DB-NONGTHUONG", "DB-SONGCAU", "DB-DUCXUAN"})
    c.exec("INSERT INTO unit_group_members (group_id, unit_id) VALUES ($1, $2)", {gid, code_id(code)});

  report.lines.push_back("Đã tạo " + std::to_string(count_subtree(c, "/")) + " đơn vị. Mã chính:");
  for (const char* code : {"TU-BACKAN", "BTG-TU", "DB-NONGTHUONG", "XA-NONGTHUONG", "THON-KHUOICUONG", "CB-KHUOICUONG",
                           "THON-NANANG", "CB-NANANG", "DB-SONGCAU", "DB-DUCXUAN"}) {
    auto u = find_unit_by_code(c, code);
    report.lines.push_back("  " + std::string(code) + "  " + u->name);
  }
  report.lines.push_back("Nhóm thí điểm Sổ ghi danh: DB-NONGTHUONG, DB-SONGCAU, DB-DUCXUAN.");
}

}  // namespace ct05::org
