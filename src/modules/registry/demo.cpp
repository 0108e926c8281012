// The register part of `ct05 demo`: the register opened for the 3 pilot committees of the article
// (Nông Thượng, Sông Cầu, Đức Xuân), and entries at every step of the workflow, nominated, verified,
// approved, commended and published by the demo accounts themselves, so the timeline is real.
#include <stdexcept>

#include "modules/org/storage/unit_store.hpp"
#include "modules/registry/module.hpp"
#include "modules/registry/storage/entry_store.hpp"

namespace ct05::registry {

namespace {

auth::Principal account(db::Connection& c, const char* login) {
  auto p = org::principal_of(c, login);
  if (!p) throw std::runtime_error(std::string("demo: no account ") + login);
  return *p;
}

template <class T>
T must(Result<T> r, const char* what) {
  if (!r) throw std::runtime_error(std::string("demo: ") + what + ": " + r.error().message);
  return std::move(*r);
}

struct Seed {
  const char* unit;
  const char* kind;
  const char* name;
  const char* deed;
  const char* date;
  const char* place;
  const char* category;
  const char* until;  //!< the last status it reaches
  const char* commendation;
  const char* decision;
  bool consent;
};

constexpr Seed kSeeds[] = {
    {"CB-KHUOICUONG", "ca_nhan", "Hoàng Văn Pản",
     "Tự nguyện hiến 300 m² đất vườn để mở rộng đường bê tông liên thôn Khuổi Cuồng – Nà Nàng, vận động 5 hộ lân cận cùng hiến đất.",
     "2020-03-12", "Thôn Khuổi Cuồng, xã Nông Thượng", "hien_dat_lam_duong", "published", "giay_khen", "125-QĐ/ĐU", true},
    {"CB-NANANG", "tap_the", "Chi hội Phụ nữ thôn Nà Nàng",
     "Duy trì mô hình “nuôi lợn đất” tiết kiệm, trong năm giúp 3 hội viên hộ cận nghèo có vốn mua giống lợn, gà.",
     "2020-05-20", "Thôn Nà Nàng", "giup_do_nguoi_ngheo", "published", "bieu_duong", "", true},
    {"CB-KHUOICUONG", "ca_nhan", "Nông Thị Hoa",
     "Đi đầu chuyển đổi 1 ha ruộng kém hiệu quả sang trồng dong riềng, hướng dẫn kỹ thuật cho 7 hộ trong thôn cùng làm.",
     "2020-06-02", "Thôn Khuổi Cuồng", "phat_trien_kinh_te", "commended", "giay_khen", "131-QĐ/ĐU", true},
    {"CB-KHUOICUONG", "tap_the", "Tổ thu gom rác thải thôn Khuổi Cuồng",
     "Mỗi tháng hai lần thu gom, phân loại rác thải sinh hoạt dọc đường liên thôn; trồng 400 m hàng rào hoa.",
     "2020-07-18", "Thôn Khuổi Cuồng", "bao_ve_moi_truong", "approved", "", "", true},
    {"CB-KHUOICUONG", "ca_nhan", "Hà Thị Mai",
     "Học sinh lớp 9 đạt giải Ba học sinh giỏi cấp tỉnh môn Ngữ văn, dạy kèm miễn phí cho 4 em nhỏ trong thôn.",
     "2020-08-25", "Thôn Khuổi Cuồng", "hoc_tap", "verified", "", "", false},
    {"CB-NANANG", "ca_nhan", "Lý Văn Sáng",
     "Phát hiện và báo kịp thời cho công an xã một đối tượng lạ dụ dỗ trẻ em, góp phần giữ an ninh thôn bản.",
     "2020-09-10", "Thôn Nà Nàng", "an_ninh_trat_tu", "submitted", "", "", false},
    {"CB-NANANG", "ca_nhan", "Triệu Văn Đông",
     "Nhặt được ví có 5 triệu đồng và giấy tờ tùy thân, đã trả lại người đánh rơi.",
     "2020-04-03", "Chợ Nông Thượng", "nghia_cu_cao_dep", "rejected", "", "", false},
    {"DB-SONGCAU", "tap_the", "Tổ dân phố 7, phường Sông Cầu",
     "Góp 120 ngày công và 35 triệu đồng chỉnh trang ngõ xóm, lắp 40 bóng đèn chiếu sáng đường ngõ.",
     "2020-04-28", "Phường Sông Cầu", "xay_dung_nong_thon_moi", "published", "bang_khen", "2015-QĐ/UBND", true},
    {"DB-DUCXUAN", "ca_nhan", "Đàm Thị Lan",
     "Nhiều năm tình nguyện nấu cơm miễn phí cho bệnh nhân nghèo điều trị tại Bệnh viện Đa khoa tỉnh.",
     "2020-10-15", "Phường Đức Xuân", "giup_do_nguoi_ngheo", "published", "bieu_duong", "", true},
    {"DB-DUCXUAN", "ca_nhan", "Ma Văn Thắng",
     "Cứu hai em nhỏ bị đuối nước ở sông Cầu đoạn chảy qua phường.",
     "2020-07-02", "Sông Cầu, phường Đức Xuân", "nghia_cu_cao_dep", "published", "giay_khen", "88-QĐ/UBND", true},
};

}  // namespace

void load_demo(db::Connection& c, DemoReport& report) {
  if (c.scalar("SELECT COUNT(*) FROM register_entries") > 0) {
    report.lines.push_back("Sổ ghi danh đã có dữ liệu; không nạp lại.");
    return;
  }
  auto admin = account(c, "admin");
  auto commune = account(c, "nongthuong");
  auto cell = account(c, "khuoicuong");
  auto group = c.scalar("SELECT id FROM unit_groups WHERE code = 'THI-DIEM-SO-GHI-DANH'");
  if (auto ok = set_openness(c, admin, false, {group}); !ok) throw std::runtime_error("demo: register openness");
  std::int64_t first_published = 0;
  int made = 0;
  for (const auto& s : kSeeds) {
    auto unit = org::find_unit_by_code(c, s.unit);
    auto cat = c.scalar("SELECT id FROM register_categories WHERE code = $1", {std::string(s.category)});
    if (!unit || !cat) throw std::runtime_error(std::string("demo: register seed ") + s.unit + " " + s.category);
    bool in_cell = std::string(s.unit) == "CB-KHUOICUONG";
    bool in_commune = in_cell || std::string(s.unit) == "CB-NANANG";
    const auth::Principal& nominator = in_cell ? cell : in_commune ? commune : admin;
    const auth::Principal& verifier = in_commune ? (in_cell ? cell : commune) : admin;
    const auth::Principal& committee = in_commune ? commune : admin;
    EntryInput in;
    in.unit_id = unit->id;
    in.category_id = cat;
    in.subject_kind = s.kind;
    in.subject_name = s.name;
    in.deed = s.deed;
    in.deed_date = s.date;
    in.place = s.place;
    in.consent = s.consent;
    auto e = must(nominate(c, nominator, in, {}, file_store()), "nominate");
    std::string until = s.until;
    auto step = [&](const auth::Principal& who, Step st, StepInput si = {}) { e = must(take_step(c, who, e.id, st, si), "step"); };
    if (until == "rejected") {
      step(verifier, Step::kReject, {"Việc tốt đã được ghi danh ở mục khác của Chi bộ; không ghi trùng.", "", "", ""});
    } else if (until != "submitted") {
      step(verifier, Step::kVerify, {"Đã gặp người được đề nghị và người dân trong thôn, đúng sự thật.", "", "", ""});
      if (until != "verified") step(committee, Step::kApprove);
      if (until == "commended" || until == "published")
        step(committee, Step::kCommend, {"", s.commendation, s.decision, s.decision[0] ? "2020-11-20" : ""});
      if (until == "published") {
        step(committee, Step::kPublish);
        if (!first_published) first_published = e.id;
      }
    }
    ++made;
  }
  // Khuổi Cuồng's women's branch took up Nà Nàng's piggy-bank savings.
  auto nanang = c.scalar("SELECT e.id FROM register_entries e JOIN units u ON u.id = e.unit_id WHERE u.code = 'CB-NANANG' "
                         "AND e.status = 'published' ORDER BY e.id LIMIT 1");
  must(add_replication(c, cell, nanang, org::find_unit_by_code(c, "CB-KHUOICUONG")->id,
                       "Chi hội Phụ nữ thôn Khuổi Cuồng lập 12 “lợn đất” tiết kiệm, giúp 2 hộ cận nghèo.", "2020-09-05"),
       "replicate");
  report.lines.push_back("Sổ ghi danh: mở cho 3 đảng bộ thí điểm, " + std::to_string(made) +
                         " mục ở mọi bước (trang công khai /register).");
}

}  // namespace ct05::registry
