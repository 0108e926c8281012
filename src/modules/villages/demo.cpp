// The villages part of `ct05 demo`, from the article: Khuổi Cuồng's 58 households with no poor household left and 2
// near-poor ones in 2020 (and the poor ones of 2018–2019 who left poverty), Nà Nàng recognised as a new-rural village
// in 2020 and assessed against Bắc Kạn's 2021 criteria set, and the other villages of Nông Thượng with their
// households. Households come in through the import (a CSV built here), as an officer would bring them; earlier
// years' statuses through the commune's decisions, and two 2022 classifications by the standard show the other way.
// Generation uses a fixed seed so every run (and every golden page) is the same. Decision numbers are illustrative.
#include <cstdint>
#include <stdexcept>

#include "modules/org/storage/unit_store.hpp"
#include "modules/villages/storage/assessment_store.hpp"
#include "modules/villages/storage/household_store.hpp"
#include "platform/csv/csv_reader.hpp"
#include "platform/files/file_store.hpp"
#include "platform/module.hpp"

namespace ct05::villages {

namespace {

// splitmix64, as the people demo: the same sequence on every platform.
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
  const T& pick(const T (&a)[N]) {
    return a[below(static_cast<int>(N))];
  }
};

// Surnames common among the Tày and Nùng of Bắc Kạn, then a few Kinh ones.
constexpr const char* kSurnames[] = {"Hoàng", "Nông", "Lường", "Ma",  "Hà", "Triệu", "Lý",    "Bế",  "Lăng",   "Đàm",
                                     "Lục",   "Hứa",  "Chu",   "Mạc", "Vi", "La",    "Dương", "Lưu", "Nguyễn", "Đặng"};
constexpr const char* kMaleMiddle[] = {"Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Thế"};
constexpr const char* kFemaleMiddle[] = {"Thị", "Thị", "Thị", "Thu", "Thanh", "Ngọc", "Kim"};
constexpr const char* kMaleGiven[] = {"Thào", "Tủa",  "Pằn",   "Sinh",  "Chiến", "Quân", "Tuấn",
                                      "Hùng", "Dũng", "Cường", "Thành", "Bình",  "Hải",  "Sơn",
                                      "Tâm",  "Phúc", "Khánh", "Long",  "Kiên",  "Vượng"};
constexpr const char* kFemaleGiven[] = {"Thời",  "Slao", "Mỷ",   "Hoa",  "Lan",   "Mai",   "Hương",
                                        "Thảo",  "Hằng", "Nga",  "Yến",  "Liên",  "Nhung", "Dung",
                                        "Huyền", "Thủy", "Xuân", "Hạnh", "Chiêm", "Luyến"};
constexpr const char* kEthnic[] = {"Tày", "Tày", "Tày", "Tày", "Tày", "Tày", "Nùng", "Nùng", "Nùng", "Kinh", "Dao"};

std::string person_name(Rng& rng, bool male, const std::string& surname) {
  return surname + " " + (male ? rng.pick(kMaleMiddle) : rng.pick(kFemaleMiddle)) + " " +
         (male ? rng.pick(kMaleGiven) : rng.pick(kFemaleGiven));
}

// One row of the import file for a generated household.
std::vector<std::string> household_row(Rng& rng, const std::string& code, const std::string& village, int head_year,
                                       const std::string& registered, const std::string& status2020) {
  bool male = rng.below(5) != 0;  // most heads of household are registered as the husband
  std::string surname = rng.pick(kSurnames);
  std::string head = person_name(rng, male, surname);
  std::vector<Member> members;
  if (rng.below(8) != 0)
    members.push_back({person_name(rng, !male, rng.pick(kSurnames)), male ? "Vợ" : "Chồng",
                       head_year + rng.below(5) - 2, male ? "nu" : "nam"});
  int children = rng.below(4);
  for (int i = 0; i < children; ++i) {
    bool boy = rng.below(2) == 0;
    members.push_back({person_name(rng, boy, surname), "Con", std::min(head_year + 22 + 3 * i + rng.below(3), 2019),
                       boy ? "nam" : "nu"});
  }
  if (rng.below(6) == 0)
    members.push_back(
        {person_name(rng, rng.below(2) == 0, surname), male ? "Mẹ" : "Mẹ chồng", head_year - 24 - rng.below(5), "nu"});
  return {code,
          head,
          std::to_string(head_year),
          male ? "Nam" : "Nữ",
          rng.pick(kEthnic),
          "Thôn " + village,
          "",
          registered,
          format_members(members),
          "2020",
          status2020,
          ""};
}

std::string csv_of(const std::vector<std::vector<std::string>>& rows) {
  std::string out = csv::format_row(template_header()) + "\r\n";
  for (const auto& r : rows) out += csv::format_row(r) + "\r\n";
  return out;
}

struct VillageSpec {
  const char* code;    // unit code
  const char* prefix;  // household codes
  const char* name;
  int households;
  std::vector<int> poor2020, near2020;  // household numbers
  std::uint64_t seed;
};

std::string hh_code(const char* prefix, int n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s-%02d", prefix, n);
  return buf;
}

std::int64_t household_id(db::Connection& c, std::int64_t village_id, const std::string& code) {
  return c.scalar("SELECT id FROM households WHERE village_id = $1 AND code = $2", {village_id, code});
}

template <class T>
T must(Result<T> r, const std::string& what) {
  if (!r) throw std::runtime_error("demo: " + what + ": " + r.error().message);
  return std::move(*r);
}

CriteriaSetInput bac_kan_2021() {
  CriteriaSetInput in;
  in.code = "BK-THON-NTM";
  in.name = "Bộ tiêu chí thôn đạt chuẩn nông thôn mới tỉnh Bắc Kạn giai đoạn 2021–2025";
  in.legal_basis = "Quyết định số 902/QĐ-UBND năm 2021 của Ủy ban nhân dân tỉnh Bắc Kạn";
  in.from_year = 2021;
  in.to_year = 2025;
  in.note = "Tên nhóm và yêu cầu của từng tiêu chí ghi tóm tắt; đối chiếu văn bản gốc khi đánh giá.";
  const std::string a = "I. Tổ chức, quản lý và sự tham gia của người dân";
  const std::string b = "II. Hạ tầng, kinh tế, văn hóa – xã hội, môi trường và an ninh";
  auto add = [&](const std::string& group, const char* number, const char* name, const char* req,
                 const char* label = "", const char* source = "") {
    in.criteria.push_back({0, static_cast<int>(in.criteria.size()) + 1, group, number, name, req, label, source});
  };
  add(a, "1", "Ban phát triển thôn", "Có Ban phát triển thôn được thành lập, có quy chế và hoạt động hiệu quả.");
  add(a, "2", "Hương ước, quy ước", "Có hương ước, quy ước được công nhận và được người dân thực hiện nghiêm túc.");
  add(a, "3", "Kế hoạch có sự tham gia của người dân",
      "Có kế hoạch phát triển kinh tế – xã hội của thôn được xây dựng với sự tham gia của người dân.");
  add(b, "4", "Giao thông", "Đường trục thôn, đường ngõ xóm được cứng hóa, sạch và thuận tiện đi lại quanh năm.",
      "Tỷ lệ đường được cứng hóa (%)");
  add(b, "5", "Thủy lợi", "Hệ thống thủy lợi nội đồng đáp ứng nhu cầu tưới, tiêu cho sản xuất.");
  add(b, "6", "Điện", "Hộ sử dụng điện thường xuyên, an toàn từ các nguồn đạt từ 98% trở lên.",
      "Tỷ lệ hộ sử dụng điện (%)");
  add(b, "7", "Cơ sở vật chất văn hóa", "Có nhà văn hóa và khu thể thao thôn đạt chuẩn, được sử dụng thường xuyên.");
  add(b, "8", "Nhà ở dân cư", "Không còn nhà tạm, nhà dột nát; nhà ở đạt chuẩn theo quy định.");
  add(b, "9", "Giáo dục", "Trẻ em trong độ tuổi được đi học đầy đủ; duy trì phổ cập giáo dục.");
  add(b, "10", "Y tế", "Người dân tham gia bảo hiểm y tế đạt tỷ lệ theo quy định.", "Tỷ lệ tham gia bảo hiểm y tế (%)");
  add(b, "11", "Văn hóa", "Thôn được công nhận danh hiệu thôn văn hóa; gia đình văn hóa đạt tỷ lệ theo quy định.");
  add(b, "12", "Mô hình sản xuất", "Có ít nhất một mô hình sản xuất, kinh doanh hiệu quả, có liên kết tiêu thụ.");
  add(b, "13", "Kinh tế hộ", "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều dưới mức quy định của tỉnh.", "Tỷ lệ hộ nghèo",
      "poverty_rate");
  add(b, "14", "Môi trường", "Rác thải sinh hoạt được thu gom, xử lý; đường làng, ngõ xóm xanh, sạch, đẹp.");
  add(b, "15", "An ninh, trật tự xã hội", "Thôn đạt chuẩn an toàn về an ninh, trật tự; không có tệ nạn xã hội.");
  add(b, "16", "Hệ thống chính trị",
      "Chi bộ thôn hoàn thành tốt nhiệm vụ trở lên; Ban công tác Mặt trận và các đoàn thể hoạt động hiệu quả.");
  return in;
}

}  // namespace

void load_demo(db::Connection& c, DemoReport& report) {
  auto khuoi = org::find_unit_by_code(c, "THON-KHUOICUONG");
  if (!khuoi) return;  // no org demo, nothing to hang households on
  if (c.scalar("SELECT COUNT(*) FROM households WHERE village_id = $1", {khuoi->id}) > 0) {
    report.lines.push_back("Dữ liệu thôn mẫu đã có (Khuổi Cuồng); không nạp lại.");
    return;
  }
  // The commune committee's officer keeps the villages' data, as in the article's Nông Thượng.
  auto officer = org::principal_of(c, "nongthuong");
  auto who = officer ? *officer : auth::system_principal();
  auto admin = auth::system_principal();

  auto set = must(create_set(c, admin, bac_kan_2021()), "criteria set");

  std::vector<VillageSpec> villages{
      {"THON-KHUOICUONG", "KC", "Khuổi Cuồng", 58, {}, {8, 30}, 0x4b43},
      {"THON-NANANG", "NN", "Nà Nàng", 64, {}, {6, 19, 44}, 0x4e4e},
      {"THON-COCMUONG", "CM", "Cốc Muồng", 46, {14, 37}, {3, 21, 40}, 0x434d},
      {"THON-THOMLUONG", "TL", "Thôm Luông", 52, {9}, {17, 28, 45}, 0x544c},
      {"THON-NAOI", "NO", "Nà Ỏi", 38, {5, 22, 31}, {12, 26}, 0x4e4f},
      {"THON-BANANG", "BA", "Bản Áng", 41, {18}, {7, 33}, 0x4241},
  };
  for (const auto& v : villages) {
    auto unit = org::find_unit_by_code(c, v.code);
    if (!unit) continue;
    Rng rng{v.seed};
    std::vector<std::vector<std::string>> rows;
    for (int n = 1; n <= v.households; ++n) {
      std::string status = "Không";
      if (std::find(v.poor2020.begin(), v.poor2020.end(), n) != v.poor2020.end()) status = "Nghèo";
      if (std::find(v.near2020.begin(), v.near2020.end(), n) != v.near2020.end()) status = "Cận nghèo";
      // Khuổi Cuồng's household 23 was the last to leave poverty (2019 → 2020).
      if (std::string(v.prefix) == "KC" && n == 23) status = "Thoát nghèo";
      // Two young couples set up their own households in 2019 (tách hộ).
      std::string registered = n > v.households - 2 ? "12/03/2019" : "15/05/2016";
      rows.push_back(household_row(rng, hh_code(v.prefix, n), v.name, 1950 + rng.below(45), registered, status));
    }
    auto r = must(import_households(c, who, unit->id, csv_of(rows), ImportMode::kAllOrNothing),
                  "import " + std::string(v.code));
    if (r.imported != static_cast<std::size_t>(v.households))
      throw std::runtime_error("demo: import of " + std::string(v.code) + " wrote " + std::to_string(r.imported) +
                               " households: " + (r.plan.issues.empty() ? "" : r.plan.issues.front().message));
  }

  // Khuổi Cuồng's earlier reviews, so "thoát nghèo" has a year to be compared with.
  const std::string kc_note_2018 = "Quyết định số 215/QĐ-UBND ngày 24/12/2018 của UBND xã Nông Thượng (minh họa)";
  const std::string kc_note_2019 = "Quyết định số 198/QĐ-UBND ngày 23/12/2019 của UBND xã Nông Thượng (minh họa)";
  auto decide = [&](const char* code, int year, PovertyStatus s, const std::string& note) {
    auto id = household_id(c, khuoi->id, code);
    must(decide_status(c, who, id, year, s, note), std::string("status ") + code);
  };
  for (const char* code : {"KC-05", "KC-12", "KC-23", "KC-41"}) decide(code, 2018, PovertyStatus::kPoor, kc_note_2018);
  for (const char* code : {"KC-08", "KC-30", "KC-47"}) decide(code, 2018, PovertyStatus::kNearPoor, kc_note_2018);
  decide("KC-23", 2019, PovertyStatus::kPoor, kc_note_2019);
  for (const char* code : {"KC-05", "KC-12", "KC-41"}) decide(code, 2019, PovertyStatus::kLeftPoverty, kc_note_2019);
  for (const char* code : {"KC-08", "KC-30", "KC-47"}) decide(code, 2019, PovertyStatus::kNearPoor, kc_note_2019);
  // The two near-poor households of 2020 are so because of illness (the article); in 2022 ct05 classifies them by
  // Nghị định 07/2021/NĐ-CP from their survey answers.
  for (const char* code : {"KC-08", "KC-30"}) {
    auto id = household_id(c, khuoi->id, code);
    must(classify_household(
             c, who, id, 2022,
             Answers{std::string(code) == "KC-08" ? 1'350'000 : 1'480'000, {"bao_hiem_y_te", "viec_lam"}}),
         std::string("classify ") + code);
  }

  // Nà Nàng: recognised in 2020 (illustrative decision), reviewed again in 2021 and assessed against the 2021 set.
  auto nanang = org::find_unit_by_code(c, "THON-NANANG");
  if (nanang) {
    for (const char* code : {"NN-06", "NN-44"}) {
      auto id = household_id(c, nanang->id, code);
      must(decide_status(c, who, id, 2021, PovertyStatus::kNearPoor,
                         "Quyết định số 206/QĐ-UBND ngày 27/12/2021 của UBND xã Nông Thượng (minh họa)"),
           "Nà Nàng 2021");
    }
    RecognitionInput rec;
    rec.village_id = nanang->id;
    rec.year = 2020;
    rec.decision_no = "3458/QĐ-UBND";
    rec.decided_on = "2020-11-25";
    rec.issuer = "Ủy ban nhân dân thành phố Bắc Kạn";
    rec.note = "Số và ngày quyết định là minh họa.";
    auto recognised = must(record_recognition(c, who, rec, "", {}, files::shared()), "recognition");
    auto a = must(open_assessment(c, who, nanang->id, set.id, 2021), "assessment");
    std::vector<CriterionResult> results;
    for (const auto& item : a.items) {
      CriterionResult r{item.criterion.id, true, item.result.figure, ""};
      if (item.criterion.number == "4") r.figure = "100";
      if (item.criterion.number == "6") r.figure = "100";
      if (item.criterion.number == "10") r.figure = "96,5";
      if (item.criterion.number == "12") {
        r.met = false;
        r.note = "Mô hình nuôi lợn đen địa phương chưa có liên kết tiêu thụ ổn định.";
      }
      results.push_back(r);
    }
    must(save_results(c, who, a.id, results, std::string("Duy trì đạt chuẩn; cần hoàn thiện tiêu chí 12.")), "results");
    report.lines.push_back("Thôn Nà Nàng: đạt chuẩn nông thôn mới theo Quyết định số " + recognised.decision_no +
                           " ngày 25/11/2020 (minh họa); đánh giá năm 2021 theo bộ tiêu chí " + set.code + ".");
  }
  auto f = subtree_figures(c, khuoi->path, 2020, false);
  report.lines.push_back("Thôn Khuổi Cuồng năm 2020: " + std::to_string(f.households) + " hộ, " +
                         std::to_string(f.poor) + " hộ nghèo, " + std::to_string(f.near_poor) + " hộ cận nghèo.");
}

}  // namespace ct05::villages
