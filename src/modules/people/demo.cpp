// The people part of `ct05 demo`: the people the article names, in their roles, and generated
// members with realistic Vietnamese names (Tày and Nùng names common in Bắc Kạn), plus the demo
// accounts. Generation uses a fixed seed so every run (and every golden page) is the same.
#include <cstdint>
#include <stdexcept>

#include "modules/org/storage/unit_store.hpp"
#include "modules/people/storage/person_store.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/module.hpp"

namespace ct05::people {

namespace {

constexpr const char* kDemoPassword = "ct05-demo";

// A small deterministic generator (splitmix64); std::mt19937's distributions differ between libraries.
struct Rng {
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  template <class T, std::size_t N>
  const T& pick(const T (&a)[N]) { return a[below(static_cast<int>(N))]; }
};

constexpr const char* kSurnames[] = {"Hoàng", "Nông", "Lường", "Ma", "Hà", "Triệu", "Lý", "Bế", "Lăng", "Đàm", "Lục",
                                     "Nguyễn", "Trần", "Đặng", "Phùng", "Dương", "Lưu", "Hứa", "Chu", "Mạc", "Vi", "La"};
constexpr const char* kMaleMiddle[] = {"Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Thế"};
constexpr const char* kFemaleMiddle[] = {"Thị", "Thị", "Thị", "Thu", "Thanh", "Ngọc", "Kim"};
constexpr const char* kMaleGiven[] = {"Quân", "Tuấn", "Hùng", "Dũng", "Cường", "Thành", "Bình", "Hải", "Sơn", "Tâm",
                                      "Phúc", "Khánh", "Nam", "Long", "Trung", "Hưng", "Kiên", "Đông", "Lâm", "Vượng"};
constexpr const char* kFemaleGiven[] = {"Hoa", "Lan", "Mai", "Hương", "Thảo", "Hằng", "Nga", "Thu", "Yến", "Liên",
                                        "Nhung", "Dung", "Huyền", "Phương", "Thủy", "Xuân", "Hạnh", "Ngọc", "Chiêm", "Luyến"};
constexpr const char* kEthnic[] = {"Tày", "Tày", "Tày", "Tày", "Tày", "Kinh", "Kinh", "Nùng", "Nùng", "Dao", "Mông"};

PersonInput generated(Rng& rng, std::int64_t unit_id, bool party_cell, int index) {
  bool male = rng.below(2) == 0;
  PersonInput in;
  in.full_name = std::string(rng.pick(kSurnames)) + " " + (male ? rng.pick(kMaleMiddle) : rng.pick(kFemaleMiddle)) + " " +
                 (male ? rng.pick(kMaleGiven) : rng.pick(kFemaleGiven));
  in.gender = male ? "nam" : "nu";
  int year = 1950 + rng.below(52);
  in.birth_year = year;
  in.ethnicity = rng.pick(kEthnic);
  in.phone = "09" + std::to_string(10000000 + rng.below(89999999));
  in.id_number = std::string("006") + (male ? (year < 2000 ? "0" : "2") : (year < 2000 ? "1" : "3")) +
                 std::to_string(year % 100 + 100).substr(1) + std::to_string(100000 + rng.below(899999));
  in.is_party_member = party_cell || rng.below(3) == 0;
  if (*in.is_party_member) {
    int join = std::min(year + 20 + rng.below(15), 2020);  // members by the article's year, so "as of 2020" reads its figures
    in.party_join_date = std::to_string(join) + "-0" + std::to_string(1 + rng.below(9)) + "-1" + std::to_string(rng.below(9));
    in.party_card_no = std::to_string(10000000 + rng.below(89999999));
  }
  in.cadre_status = party_cell ? (index == 0 ? "can_bo" : "nhan_dan") : (rng.below(2) ? "cong_chuc" : "vien_chuc");
  in.position = party_cell ? (index == 0 ? "Bí thư chi bộ" : index == 1 ? "Phó Bí thư chi bộ" : "Đảng viên")
                           : (index == 0 ? "Trưởng đơn vị" : "Cán bộ");
  in.unit_id = unit_id;
  in.member_since = in.party_join_date ? *in.party_join_date : std::string("2016-05-15");
  return in;
}

std::int64_t named(db::Connection& c, const auth::Principal& who, const char* unit_code, const char* name, const char* gender,
                   int year, const char* position, const char* ethnicity, const char* status) {
  auto unit = org::find_unit_by_code(c, unit_code);
  PersonInput in;
  in.full_name = name;
  in.gender = gender;
  in.birth_year = year;
  in.position = position;
  in.ethnicity = ethnicity;
  in.is_party_member = true;
  in.party_join_date = std::to_string(year + 24) + "-05-19";
  in.cadre_status = status;
  in.unit_id = unit->id;
  in.member_since = "2015-10-01";
  auto p = create_person(c, who, in);
  if (!p) throw std::runtime_error("demo: " + p.error().message);
  return p->id;
}

void account(db::Connection& c, DemoReport& report, const char* login, const char* display, auth::Role role,
             const char* unit_code, std::int64_t person_id) {
  auto who = auth::system_principal();
  auto id = auth::create_user(c, login, kDemoPassword, display, person_id);
  if (!id) throw std::runtime_error("demo: " + id.error().message);
  auto unit = org::find_unit_by_code(c, unit_code);
  audit::record(c, who, {"user.create", "user", *id, unit->path, nullptr, {{"login", login}, {"name", display}}});
  org::grant_role(c, who, *id, role, org::find_unit_by_code(c, unit_code)->id);
  report.lines.push_back("  " + std::string(login) + " / " + kDemoPassword + "  " + std::string(auth::role_label(role)) +
                         " · " + unit_code + " · " + display);
}

}  // namespace

void load_demo(db::Connection& c, DemoReport& report) {
  if (auth::find_user(c, "admin")) {
    report.lines.push_back("Người và tài khoản mẫu đã có; không nạp lại. Tài khoản mẫu (mật khẩu " + std::string(kDemoPassword) +
                           "): admin, lanhdao, nongthuong, khuoicuong, dangvien.");
    return;
  }
  auto who = auth::system_principal();
  auto chien = named(c, who, "BTG-TU", "Phạm Quyết Chiến", "nam", 1972, "Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Thành ủy",
                     "Kinh", "can_bo");
  auto minh = named(c, who, "DB-NONGTHUONG", "Phượng Hoàng Minh", "nam", 1975, "Bí thư Đảng ủy xã Nông Thượng", "Tày", "can_bo");
  auto thoi = named(c, who, "CB-KHUOICUONG", "Lường Thị Thời", "nu", 1968, "Bí thư chi bộ thôn Khuổi Cuồng", "Tày", "nhan_dan");

  Rng rng{20160515};
  std::int64_t first_member = 0, total = 3;
  for (const auto& r : c.query("SELECT id, kind, code FROM units ORDER BY id")) {
    std::string kind = r.str(1);
    bool cell = kind == "chi_bo";
    if (!cell && kind != "co_quan" && kind != "doan_the" && kind != "truong_hoc") continue;
    int n = cell ? 8 + rng.below(10) : 2 + rng.below(4);
    for (int i = 0; i < n; ++i) {
      // Khuổi Cuồng's secretary is the article's Lường Thị Thời, so its generated members start at index 1.
      int index = r.str(2) == "CB-KHUOICUONG" ? i + 2 : i;
      auto p = create_person(c, who, generated(rng, r.i64(0), cell, index));
      if (!p) throw std::runtime_error("demo: " + p.error().message);
      if (r.str(2) == "CB-KHUOICUONG" && !first_member) first_member = p->id;
      ++total;
    }
  }
  report.lines.push_back("Đã tạo " + std::to_string(total) +
                         " người (có Phạm Quyết Chiến, Phượng Hoàng Minh, Lường Thị Thời như bài báo).");
  report.lines.push_back("Tài khoản mẫu (tên đăng nhập / mật khẩu):");
  account(c, report, "admin", "Ban Tuyên giáo Thành ủy", auth::Role::kQuanTri, "TU-BACKAN", 0);
  account(c, report, "lanhdao", "Phạm Quyết Chiến", auth::Role::kLanhDao, "TU-BACKAN", chien);
  account(c, report, "nongthuong", "Phượng Hoàng Minh", auth::Role::kPhuTrach, "DB-NONGTHUONG", minh);
  account(c, report, "khuoicuong", "Lường Thị Thời", auth::Role::kPhuTrach, "CB-KHUOICUONG", thoi);
  auto member = find_person(c, first_member);
  account(c, report, "dangvien", member->full_name.c_str(), auth::Role::kDangVien, "CB-KHUOICUONG", first_member);
}

}  // namespace ct05::people
