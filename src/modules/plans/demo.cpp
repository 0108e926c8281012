// The plans part of `ct05 demo`: the 2020 breakthrough theme of Thành ủy Bắc Kạn (from the article),
// plans of the collectives and commitments of cadres with realistic contents, most of them accepted
// (the article reports 100%; the demo leaves a few pending so the dashboard has something to show),
// and pressing issues registered by Nông Thượng and Khuổi Cuồng; and, in the current year, a few plans and
// commitments waiting for review, so that the demo accounts' "Việc cần làm" has today's work in it.
#include <algorithm>
#include <stdexcept>

#include "modules/org/storage/unit_store.hpp"
#include "modules/plans/storage/plan_store.hpp"
#include "platform/module.hpp"

namespace ct05::plans {

namespace {

constexpr int kYear = 2020;

constexpr const char* kPlanItems[] = {
    "Tổ chức kể chuyện về Bác trong các buổi sinh hoạt định kỳ hằng tháng",
    "Tổ chức hái hoa dân chủ trả lời câu hỏi về Bác Hồ, về phong cách làm việc của cán bộ, đảng viên",
    "Vận động nhân dân tham gia xây dựng nông thôn mới, hiến đất làm đường",
    "Cải cách thủ tục hành chính, giải quyết hồ sơ đúng hạn, không để tồn đọng",
    "Giúp đỡ hộ cận nghèo phát triển kinh tế gia đình",
    "Xây dựng và thực hiện chuẩn mực đạo đức công vụ sát với nhiệm vụ của đơn vị",
};
constexpr const char* kCommitmentItems[] = {
    "Nêu cao tinh thần trách nhiệm, nói đi đôi với làm, gắn bó với nhân dân",
    "Gương mẫu đi đầu trong phát triển kinh tế gia đình, giúp đỡ một hộ khó khăn trong thôn",
    "Tham gia đầy đủ sinh hoạt chi bộ, đóng góp ý kiến xây dựng tổ chức đảng",
    "Thực hiện tốt chuẩn mực đạo đức công vụ, phục vụ nhân dân tận tình",
    "Nuôi lợn đất tiết kiệm, tham gia phong trào “Dân vận khéo”",
};

void must(const Result<Plan>& r, const char* what) {
  if (!r) throw std::runtime_error(std::string("demo: ") + what + ": " + r.error().message);
}

void fill(db::Connection& c, const auth::Principal& who, const Plan& p, const char* const* items, int count, int first,
          const std::string& responsible, bool under_way = false) {
  for (int i = 0; i < 2; ++i) {
    ItemInput in;
    in.content = items[(first + i) % count];
    in.responsible = responsible;
    in.due_date = std::to_string(p.year) + "-12-31";
    in.status = under_way ? "dang_thuc_hien" : i == 0 ? "hoan_thanh" : "dang_thuc_hien";
    must(add_item(c, who, p.id, in), "item");
  }
}

void load_article_year(db::Connection& c, DemoReport& report) {
  if (find_year(c, kYear)) {
    report.lines.push_back("Kế hoạch, cam kết năm 2020 đã có; không nạp lại.");
    return;
  }
  auto who = auth::system_principal();
  if (!set_year(c, who, {kYear, "Nêu cao tinh thần trách nhiệm, nói đi đôi với làm, gắn bó với nhân dân",
                         "Chuyên đề năm 2020: Tăng cường khối đại đoàn kết toàn dân tộc, xây dựng Đảng và hệ thống chính trị"}))
    throw std::runtime_error("demo: year");

  int index = 0, accepted = 0, total = 0;
  for (const auto& r : c.query("SELECT id, kind, code, name FROM units WHERE active = 1 ORDER BY id")) {
    if (!requires_plan(r.str(1))) continue;
    ++index;
    std::string code = r.str(2);
    // Every ninth unit has not started; Nà Nàng's plan waits for the commune committee's review.
    if (index % 9 == 0 && code != "CB-KHUOICUONG") continue;
    auto p = open_unit_plan(c, who, r.i64(0), kYear);
    must(p, "plan");
    ++total;
    fill(c, who, *p, kPlanItems, 6, index, "Cấp ủy " + r.str(3));
    must(transition(c, who, p->id, Transition::kSubmit, ""), "submit");
    if (code == "CB-NANANG" || index % 13 == 0) continue;
    must(transition(c, who, p->id, Transition::kAccept, "Kế hoạch cụ thể, sát thực tế."), "accept");
    ++accepted;
  }

  int cadres = 0, commitments = 0;
  const char* kCadreSql =
      "SELECT p.id, p.full_name FROM persons p JOIN memberships m ON m.person_id = p.id AND m.valid_to IS NULL "
      "WHERE p.active = 1 AND (p.is_party_member = 1 OR p.cadre_status IN ('can_bo','cong_chuc','vien_chuc')) ORDER BY p.id";
  for (const auto& r : c.query(kCadreSql)) {
    ++cadres;
    if (cadres % 17 == 0) continue;  // a few have not written theirs
    auto p = open_commitment(c, who, r.i64(0), kYear);
    must(p, "commitment");
    fill(c, who, *p, kCommitmentItems, 5, cadres, r.str(1));
    must(transition(c, who, p->id, Transition::kSubmit, ""), "submit");
    if (cadres % 23 == 0) continue;  // waiting for review
    must(transition(c, who, p->id, Transition::kAccept, ""), "accept");
    ++commitments;
  }

  struct IssueSpec {
    const char* unit;
    const char* title;
    const char* status;
  };
  const IssueSpec kIssues[] = {
      {"DB-NONGTHUONG", "Một số cán bộ còn chậm giải quyết kiến nghị của nhân dân", "resolved"},
      {"DB-NONGTHUONG", "Vệ sinh môi trường nông thôn ở các thôn xa chưa thường xuyên", "in_progress"},
      {"CB-KHUOICUONG", "Còn 02 hộ cận nghèo do ốm đau, bệnh tật cần giúp đỡ", "in_progress"},
      {"CB-KHUOICUONG", "Đường vào khu sản xuất lầy lội mùa mưa", "resolved"},
      {"DB-SONGCAU", "Thủ tục hành chính một cửa còn để người dân chờ lâu", "resolved"},
  };
  for (const auto& s : kIssues) {
    IssueInput in;
    in.unit_id = org::find_unit_by_code(c, s.unit)->id;
    in.year = kYear;
    in.title = s.title;
    in.status = s.status;
    if (std::string(s.status) == "resolved") in.resolved_on = "2020-10-15";
    if (!create_issue(c, who, in)) throw std::runtime_error("demo: issue");
  }
  report.lines.push_back("Năm 2020: nội dung đột phá “Nêu cao tinh thần trách nhiệm, nói đi đôi với làm, gắn bó với nhân dân”; " +
                         std::to_string(accepted) + " kế hoạch được chấp thuận / " + std::to_string(total) + " đã lập; " +
                         std::to_string(commitments) + " cam kết được chấp thuận / " + std::to_string(cadres) + " cán bộ, đảng viên.");
}

// The current year, so "Việc cần làm" has something to show today: Khuổi Cuồng has sent its plan to the commune
// committee and three of its members have sent their commitments to the cell; nobody else has written theirs yet
// (the secretary, the commune's and the city's officers, the `dangvien` account: each inbox says "Viết cam kết").
// No theme is set for the year, so the pages still open on 2020, the article's year.
constexpr int kSentCommitments = 3;

void load_current_year(db::Connection& c, DemoReport& report) {
  const int year = current_year();
  auto cell = org::find_unit_by_code(c, "CB-KHUOICUONG");
  if (!cell || year == kYear) return;
  if (find_unit_plan(c, cell->id, year)) {
    report.lines.push_back("Kế hoạch, cam kết năm " + std::to_string(year) + " của Chi bộ thôn Khuổi Cuồng đã có; không nạp lại.");
    return;
  }
  auto who = auth::system_principal();
  auto plan = open_unit_plan(c, who, cell->id, year);
  must(plan, "plan");
  fill(c, who, *plan, kPlanItems, 6, year, "Cấp ủy " + cell->name, true);
  must(transition(c, who, plan->id, Transition::kSubmit, ""), "submit");
  // The members who sent theirs: the first by name, but not the secretary, who reviews them, nor the member whose
  // account the demo gives out, who is still to write theirs.
  std::vector<std::int64_t> others;
  for (const auto& r : c.query("SELECT person_id FROM users WHERE login IN ('khuoicuong', 'dangvien') AND person_id IS NOT NULL"))
    others.push_back(r.i64(0));
  int sent = 0;
  for (const auto& [person_id, name, status] : unit_commitments(c, cell->id, year)) {
    if (sent == kSentCommitments) break;
    if (!status.empty() || std::find(others.begin(), others.end(), person_id) != others.end()) continue;
    auto p = open_commitment(c, who, person_id, year);
    must(p, "commitment");
    fill(c, who, *p, kCommitmentItems, 5, static_cast<int>(person_id), name, true);
    must(transition(c, who, p->id, Transition::kSubmit, ""), "submit");
    ++sent;
  }
  report.lines.push_back("Năm " + std::to_string(year) + ": Chi bộ thôn Khuổi Cuồng đã gửi kế hoạch lên Đảng ủy xã Nông Thượng, " +
                         std::to_string(sent) + " đảng viên đã gửi cam kết chờ chi bộ duyệt.");
}

}  // namespace

void load_demo(db::Connection& c, DemoReport& report) {
  load_article_year(c, report);
  load_current_year(c, report);
}

}  // namespace ct05::plans
