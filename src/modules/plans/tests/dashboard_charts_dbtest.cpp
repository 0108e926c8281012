// The dashboard's charts on both engines: the table over time carries, for every year in `years`, exactly the
// figures indicators() gives; the per-child table those of each child; and over HTTP each chart's table is in
// the page without JavaScript and downloads as the same figures (CSV with a BOM, XLSX), with the dashboard's
// permission.
#include <gtest/gtest.h>

#include <cmath>

#include "modules/org/storage/unit_store.hpp"
#include "modules/plans/storage/plan_store.hpp"
#include "modules/plans/web/dashboard_charts.hpp"
#include "modules/quizzes/storage/quiz_store.hpp"
#include "modules/villages/storage/household_store.hpp"
#include "platform/exports/exports.hpp"
#include "support/demo_suite.hpp"
#include "support/factories.hpp"
#include "support/test_db.hpp"

namespace ct05::plans {
namespace {

using testing::make_member;
using testing::make_unit;

class DashboardCharts : public ::testing::Test {
 protected:
  void SetUp() override {
    root = make_unit(c(), "TU-X", "Thành ủy X", "thanh_uy", 0);
    commune = make_unit(c(), "DB-A", "Đảng bộ xã A", "dang_bo_co_so", root.id);
    cell1 = make_unit(c(), "CB-A1", "Chi bộ thôn A1", "chi_bo", commune.id);
    cell2 = make_unit(c(), "CB-A2", "Chi bộ thôn A2", "chi_bo", commune.id);
    ward = make_unit(c(), "DB-B", "Đảng bộ phường B", "dang_bo_co_so", root.id);
    member1 = make_member(c(), "Hoàng Văn An", cell1.id);
    member2 = make_member(c(), "Nông Thị Bình", cell2.id);
    make_member(c(), "Lý Văn Cư", ward.id);
    for (int y : {2020, 2021, 2022}) ASSERT_TRUE(set_year(c(), sys, {y, "Nói đi đôi với làm", ""}));
  }
  db::Connection& c() { return db.conn(); }
  void accept(Result<Plan> p) {
    ASSERT_TRUE(p) << p.error().message;
    ItemInput in;
    in.content = "Kể chuyện về Bác hằng tháng";
    ASSERT_TRUE(add_item(c(), sys, p->id, in));
    ASSERT_TRUE(transition(c(), sys, p->id, Transition::kSubmit, ""));
    ASSERT_TRUE(transition(c(), sys, p->id, Transition::kAccept, ""));
  }
  testing::TestDb db;
  auth::Principal sys = auth::system_principal();
  org::Unit root, commune, cell1, cell2, ward;
  std::int64_t member1 = 0, member2 = 0;
};

// The column of a series by its name, so the test reads like the table's header.
const charts::Series& column(const charts::Chart& ch, const std::string& name) {
  for (const auto& s : ch.series)
    if (s.name == name) return s;
  ADD_FAILURE() << "no column " << name;
  static const charts::Series kNone;
  return kNone;
}

TEST_F(DashboardCharts, TheTableOverTimeEqualsTheIndicatorsOfEachYear) {
  accept(open_unit_plan(c(), sys, cell1.id, 2020));
  accept(open_unit_plan(c(), sys, cell1.id, 2021));
  accept(open_unit_plan(c(), sys, cell2.id, 2021));
  accept(open_unit_plan(c(), sys, ward.id, 2021));
  accept(open_commitment(c(), sys, member1, 2020));
  accept(open_commitment(c(), sys, member2, 2021));
  IssueInput issue;
  issue.unit_id = cell1.id;
  issue.year = 2021;
  issue.title = "Đường vào thôn xuống cấp";
  auto i1 = create_issue(c(), sys, issue);
  ASSERT_TRUE(i1) << i1.error().message;
  issue.title = "Nước sinh hoạt";
  ASSERT_TRUE(create_issue(c(), sys, issue));
  IssueInput resolved;
  resolved.status = "resolved";
  ASSERT_TRUE(update_issue(c(), sys, i1->id, resolved));

  auto years = chart_years(c(), 2021);
  ASSERT_EQ(years, (std::vector<int>{2020, 2021, 2022}));
  for (const auto& unit : {root, commune, ward}) {
    auto ch = coverage_by_year(c(), unit, years);
    ASSERT_EQ(ch.labels, (std::vector<std::string>{"2020", "2021", "2022"})) << unit.code;
    for (std::size_t i = 0; i < years.size(); ++i) {
      auto x = indicators(c(), unit.id, years[i]);
      SCOPED_TRACE(unit.code + " " + ch.labels[i]);
      EXPECT_EQ(column(ch, "Đơn vị phải có kế hoạch").values[i], x.units);
      EXPECT_EQ(column(ch, "Kế hoạch đã duyệt").values[i], x.plans_accepted);
      EXPECT_EQ(column(ch, "Cán bộ, đảng viên").values[i], x.cadres);
      EXPECT_EQ(column(ch, "Cam kết đã duyệt").values[i], x.commitments_accepted);
      EXPECT_EQ(column(ch, "Vấn đề đã đăng ký").values[i], x.issues_registered);
      EXPECT_EQ(column(ch, "Vấn đề đã giải quyết").values[i], x.issues_resolved);
      EXPECT_EQ(column(ch, "Kế hoạch được chấp thuận").values[i], charts::rate(x.plans_accepted, x.units));
      EXPECT_EQ(column(ch, "Cam kết được chấp thuận").values[i], charts::rate(x.commitments_accepted, x.cadres));
      EXPECT_EQ(column(ch, "Vấn đề bức xúc đã giải quyết").values[i],
                charts::rate(x.issues_resolved, x.issues_registered));
    }
  }
  // What a reader checks on the root's table: 2021 has 3 of the 4 units' plans (75%), 1 of 2 issues resolved,
  // and 2022 nothing accepted yet; a year without issues has no rate rather than 0%.
  auto ch = coverage_by_year(c(), root, years);
  EXPECT_EQ(column(ch, "Đơn vị phải có kế hoạch").values[1], 4);
  EXPECT_EQ(column(ch, "Kế hoạch được chấp thuận").values[1], 75.0);
  EXPECT_EQ(column(ch, "Cam kết được chấp thuận").values[0], 33.3);
  EXPECT_EQ(column(ch, "Vấn đề bức xúc đã giải quyết").values[1], 50.0);
  EXPECT_EQ(column(ch, "Vấn đề bức xúc đã giải quyết").values[0], std::nullopt);
  EXPECT_EQ(column(ch, "Kế hoạch được chấp thuận").values[2], 0.0);
  EXPECT_EQ(charts::format_value(column(ch, "Cam kết được chấp thuận").values[0], charts::Measure::kPercent), "33,3%");
}

TEST_F(DashboardCharts, TheChildTableHasEachChildsCoverage) {
  accept(open_unit_plan(c(), sys, cell1.id, 2020));
  accept(open_unit_plan(c(), sys, commune.id, 2020));
  auto ch = coverage_by_child(c(), root, 2020);
  ASSERT_EQ(ch.labels, (std::vector<std::string>{"Đảng bộ phường B", "Đảng bộ xã A"}));
  EXPECT_EQ(ch.links[1], "/units/" + std::to_string(commune.id) + "/dashboard?year=2020");
  EXPECT_EQ(column(ch, "Kế hoạch được chấp thuận").values, (std::vector<std::optional<double>>{0.0, 66.7}));
  EXPECT_EQ(column(ch, "Đã duyệt").values, (std::vector<std::optional<double>>{0.0, 2.0}));
  EXPECT_EQ(column(ch, "Phải có").values, (std::vector<std::optional<double>>{1.0, 3.0}));
}

// ---- over HTTP, on the demo
class DashboardChartPages : public testing::DemoSuite<DashboardChartPages> {
 protected:
  static org::Unit unit(const std::string& code) { return *org::find_unit_by_code(c(), code); }
};

std::vector<std::string> csv_lines(const std::string& body) {
  std::vector<std::string> out;
  std::size_t at = 3;  // after the BOM
  while (at < body.size()) {
    auto end = body.find("\r\n", at);
    out.push_back(body.substr(at, end - at));
    at = end == std::string::npos ? body.size() : end + 2;
  }
  return out;
}

TEST_F(DashboardChartPages, EachChartIsATableInThePageWithoutJavaScript) {
  auto b = app_->browser_for("lanhdao");
  auto commune = unit("DB-NONGTHUONG");
  auto page = app_->get("/units/" + std::to_string(commune.id) + "/dashboard?year=2020", &b);
  ASSERT_EQ(page.status, 200);
  for (const char* id : {"plans-years", "villages-years", "plans-children"})
    EXPECT_NE(page.body.find(std::string("<figure class=\"chart mb-4\" id=\"chart-") + id + "\">"), std::string::npos) << id;
  EXPECT_NE(page.body.find("<table class=\"table table-sm align-middle\" data-chart=\"line\">"), std::string::npos);
  EXPECT_NE(page.body.find("Tải Excel"), std::string::npos);
  // Chart.js and our script only where there are charts.
  EXPECT_NE(page.body.find("/static/charts.js?v="), std::string::npos);
  EXPECT_NE(page.body.find("/static/chart.umd.min.js?v="), std::string::npos);
  auto plain = app_->get("/units/" + std::to_string(commune.id), &b);
  ASSERT_EQ(plain.status, 200);
  EXPECT_EQ(plain.body.find("charts.js"), std::string::npos);
  EXPECT_EQ(app_->get("/static/charts.js").status, 200);
}

TEST_F(DashboardChartPages, TheExportIsExactlyTheTable) {
  auto b = app_->browser_for("lanhdao");
  auto commune = unit("DB-NONGTHUONG");
  std::string base = "/units/" + std::to_string(commune.id) + "/dashboard/charts/";
  auto r = app_->get(base + "plans-years?year=2020&format=csv", &b);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(r.header_value("Content-Disposition"),
            "attachment; filename=\"ke-hoach-cam-ket-va-van-de-buc-xuc-qua-cac-nam-db-nongthuong.csv\"");
  ASSERT_EQ(r.body.substr(0, 3), "\xEF\xBB\xBF");
  auto lines = csv_lines(r.body);
  ASSERT_EQ(lines.size(), 2u);  // the demo has one year
  EXPECT_EQ(lines[0],
            "Năm,Kế hoạch được chấp thuận (%),Cam kết được chấp thuận (%),Vấn đề bức xúc đã giải quyết (%),"
            "Đơn vị phải có kế hoạch,Kế hoạch đã duyệt,\"Cán bộ, đảng viên\",Cam kết đã duyệt,Vấn đề đã đăng ký,"
            "Vấn đề đã giải quyết");
  auto x = indicators(c(), commune.id, 2020);
  auto pct = [](std::int64_t done, std::int64_t total) {
    double v = std::round(static_cast<double>(done) * 1000.0 / static_cast<double>(total)) / 10.0;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    return std::string(buf);
  };
  EXPECT_EQ(lines[1], "2020," + pct(x.plans_accepted, x.units) + "," + pct(x.commitments_accepted, x.cadres) + "," +
                          pct(x.issues_resolved, x.issues_registered) + "," + std::to_string(x.units) + "," +
                          std::to_string(x.plans_accepted) + "," + std::to_string(x.cadres) + "," +
                          std::to_string(x.commitments_accepted) + "," + std::to_string(x.issues_registered) + "," +
                          std::to_string(x.issues_resolved));
  // The page shows the same row.
  auto page = app_->get("/units/" + std::to_string(commune.id) + "/dashboard?year=2020", &b);
  std::string shown = pct(x.plans_accepted, x.units);
  EXPECT_NE(page.body.find("<th scope=\"row\" class=\"fw-normal\">2020</th><td class=\"text-end\" data-value=\"" + shown + "\">"),
            std::string::npos);

  // The poverty chart's figures are the villages module's.
  auto v = app_->get(base + "villages-years?year=2020&format=csv", &b);
  ASSERT_EQ(v.status, 200);
  auto f = villages::subtree_figures(c(), commune.path, 2020, false);
  auto vl = csv_lines(v.body);
  ASSERT_EQ(vl.size(), 2u);
  EXPECT_EQ(vl[1].substr(0, 5), "2020,");
  EXPECT_NE(vl[1].find("," + std::to_string(f.households) + "," + std::to_string(f.poor) + "," +
                       std::to_string(f.near_poor) + "," + std::to_string(f.recognised)),
            std::string::npos)
      << vl[1];

  // And the quizzes' are the quizzes module's summary of the year.
  auto q = app_->get(base + "quizzes-years?year=2020&format=csv", &b);
  ASSERT_EQ(q.status, 200);
  auto qs = quizzes::summary(c(), commune.path, 2020);
  auto ql = csv_lines(q.body);
  ASSERT_EQ(ql.size(), 2u);
  EXPECT_EQ(ql[0], "Năm,Bài thi trực tuyến đã nộp,Câu hỏi đã hái trong buổi sinh hoạt,Đợt thi trực tuyến,Buổi hái hoa,"
                   "Điểm trung bình trên điểm tối đa (%)");
  EXPECT_EQ(ql[1].substr(0, ql[1].find(',', 5)), "2020," + std::to_string(qs.attempts));
  EXPECT_GT(qs.attempts, 0);

  auto xl = app_->get(base + "plans-children?year=2020&format=xlsx", &b);
  ASSERT_EQ(xl.status, 200);
  EXPECT_EQ(xl.header_value("Content-Type"), xlsx::kContentType);
  EXPECT_EQ(xl.body.substr(0, 2), "PK");
}

TEST_F(DashboardChartPages, TheExportHasTheDashboardsPermissionAndClearErrors) {
  auto commune = unit("DB-NONGTHUONG");
  std::string base = "/units/" + std::to_string(commune.id) + "/dashboard/charts/";
  auto cell = app_->browser_for("khuoicuong");  // an officer of one cell below the commune
  EXPECT_EQ(app_->get(base + "plans-years?year=2020&format=csv", &cell).status, 403);
  auto own = unit("CB-KHUOICUONG");
  EXPECT_EQ(app_->get("/units/" + std::to_string(own.id) + "/dashboard/charts/plans-years?year=2020&format=csv", &cell).status,
            200);
  auto b = app_->browser_for("lanhdao");
  auto bad = app_->get(base + "plans-years?year=2020&format=pdf", &b);
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Định dạng tải về phải là xlsx (Excel) hoặc csv."), std::string::npos);
  auto none = app_->get(base + "khong-co?year=2020&format=csv", &b);
  EXPECT_EQ(none.status, 404);
  EXPECT_NE(none.body.find("Không tìm thấy biểu đồ này."), std::string::npos);
  EXPECT_EQ(app_->get(base + "plans-years?year=2020&format=csv").status, 303);  // not signed in: to the login page
}

TEST_F(DashboardChartPages, TheMeetingsDashboardChartsExportToo) {
  auto b = app_->browser_for("lanhdao");
  auto commune = unit("DB-NONGTHUONG");
  auto page = app_->get("/units/" + std::to_string(commune.id) + "/meetings/dashboard?year=2020", &b);
  ASSERT_EQ(page.status, 200);
  for (const char* id : {"meetings-years", "ratings-years", "meetings-children"})
    EXPECT_NE(page.body.find(std::string("id=\"chart-") + id + "\""), std::string::npos) << id;
  auto r = app_->get("/units/" + std::to_string(commune.id) + "/meetings/dashboard/charts/meetings-children?year=2020&format=csv", &b);
  ASSERT_EQ(r.status, 200);
  auto lines = csv_lines(r.body);
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(lines[0], "Đơn vị,Đã tổ chức / phải tổ chức (%),Đã tổ chức,Phải tổ chức");
  EXPECT_NE(r.body.find("Chi bộ thôn Khuổi Cuồng,"), std::string::npos);
}

TEST_F(DashboardChartPages, TheRegistersFiguresAreChartsWithExportsToo) {
  auto commune = unit("DB-NONGTHUONG");
  auto b = app_->browser_for("nongthuong");
  std::string base = "/units/" + std::to_string(commune.id) + "/register";
  auto page = app_->get(base, &b);
  ASSERT_EQ(page.status, 200);
  for (const char* id : {"register-status", "register-fields", "register-children", "register-months"})
    EXPECT_NE(page.body.find(std::string("id=\"chart-") + id + "\""), std::string::npos) << id;
  auto r = app_->get(base + "/charts/register-status?format=csv", &b);
  ASSERT_EQ(r.status, 200);
  auto lines = csv_lines(r.body);
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(lines[0], "Trạng thái,Số mục");
  // The rows add up to the entries of the subtree the page counts.
  std::int64_t sum = 0;
  for (std::size_t i = 1; i < lines.size(); ++i) sum += std::stoll(lines[i].substr(lines[i].rfind(',') + 1));
  EXPECT_EQ(sum, c().scalar("SELECT COUNT(*) FROM register_entries e JOIN units u ON u.id = e.unit_id "
                            "WHERE u.path >= $1 AND u.path < $2",
                            {commune.path, db::subtree_end(commune.path)}));
  auto outsider = app_->browser_for("khuoicuong");
  EXPECT_EQ(app_->get(base + "/charts/register-status?format=csv", &outsider).status, 403);
}

TEST_F(DashboardChartPages, AQuizRoundsParticipationPerChildIsAChartWithItsExport) {
  auto round_id = c().scalar("SELECT MIN(id) FROM quiz_rounds");
  auto round = quizzes::find_round(c(), round_id);
  ASSERT_TRUE(round);
  auto res = quizzes::results(c(), *round, 1, 0);
  ASSERT_FALSE(res.children.empty());
  auto b = app_->browser_for("nongthuong");
  std::string url = "/quiz-rounds/" + std::to_string(round_id);
  auto page = app_->get(url, &b);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("id=\"chart-quiz-children\""), std::string::npos);
  auto r = app_->get(url + "/charts/quiz-children?format=csv", &b);
  ASSERT_EQ(r.status, 200);
  auto lines = csv_lines(r.body);
  ASSERT_EQ(lines.size(), res.children.size() + 1);
  EXPECT_EQ(lines[0], "Đơn vị,Tham gia (%),Người tham gia,Số người,Điểm trung bình");
  const auto& first = res.children.front();
  EXPECT_EQ(lines[1].substr(0, lines[1].find(',')), first.name);
  EXPECT_NE(lines[1].find("," + std::to_string(first.participants) + "," + std::to_string(first.members) + ","),
            std::string::npos)
      << lines[1];
  auto member = app_->browser_for("dangvien");  // takes quizzes, does not run them
  EXPECT_EQ(app_->get(url + "/charts/quiz-children?format=csv", &member).status, 403);
}

}  // namespace
}  // namespace ct05::plans
