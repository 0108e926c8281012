// Downloads of every list as their users take them: /exports/{kind} from a page's "Tải Excel" / "Tải CSV" links and
// /api/v1/exports/{kind} with a token. Each list holds only rows of the caller's subtree, honours its filters, leaves
// out the sensitive columns for those not entitled, is refused outside the scope, is audited, and reads back: the CSV
// with the platform's CSV reader (BOM first), the XLSX with its XLSX reader (dates and numbers typed).
#include <algorithm>
#include <regex>
#include <set>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "kernel/text.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "platform/audit/audit.hpp"
#include "platform/csv/csv_reader.hpp"
#include "platform/exports/export_kinds.hpp"
#include "platform/xlsx/xlsx_reader.hpp"
#include "support/demo_suite.hpp"
#include "support/xlsx_fixture.hpp"

namespace ct05 {
namespace {

using Table = std::vector<std::vector<std::string>>;

class Exports : public testing::DemoSuite<Exports> {
 protected:
  static std::int64_t unit(const std::string& code) { return org::find_unit_by_code(c(), code)->id; }
  static std::string path(const std::string& code) { return org::find_unit_by_code(c(), code)->path; }
  static std::string url(const std::string& kind, const std::string& code, const std::string& rest) {
    return "/exports/" + kind + "?unit=" + std::to_string(unit(code)) + "&" + rest;
  }
  //! The CSV's rows (header first); the body must start with the UTF-8 BOM.
  static Table csv_of(const http::Response& r) {
    EXPECT_EQ(r.status, 200) << r.body.substr(0, 300);
    EXPECT_EQ(r.header_value("Content-Type"), "text/csv; charset=utf-8");
    EXPECT_EQ(r.body.substr(0, 3), "\xEF\xBB\xBF");
    auto rows = csv::read(r.body);
    EXPECT_TRUE(rows.has_value());
    Table out;
    if (rows)
      for (auto& row : *rows) out.push_back(row.cells);
    return out;
  }
  //! The first (or the named) sheet's rows of the XLSX, header first.
  static Table xlsx_of(const http::Response& r, const std::string& sheet = "") {
    EXPECT_EQ(r.status, 200) << r.body.substr(0, 300);
    EXPECT_EQ(r.header_value("Content-Type"), xlsx::kContentType);
    xlsx::ReadOptions o;
    o.sheet = sheet;
    auto s = xlsx::read(r.body, o);
    EXPECT_TRUE(s.has_value()) << (s ? "" : s.error().message);
    Table out;
    if (s)
      for (auto& row : s->rows) out.push_back(row.cells);
    return out;
  }
  static std::size_t column(const Table& t, const std::string& header) {
    for (std::size_t i = 0; !t.empty() && i < t.front().size(); ++i)
      if (t.front()[i] == header) return i;
    ADD_FAILURE() << "no column " << header;
    return 0;
  }
  static bool has_column(const Table& t, const std::string& header) {
    return !t.empty() && std::find(t.front().begin(), t.front().end(), header) != t.front().end();
  }
  static std::int64_t last_audit_id() { return c().scalar("SELECT COALESCE(MAX(id), 0) FROM audit_log"); }
  static nlohmann::json last_export(const std::string& kind) {
    auto r = c().query_one("SELECT after_json, actor, unit_path FROM audit_log WHERE action = $1 ORDER BY id DESC LIMIT 1",
                           {"export." + kind});
    if (!r) return nullptr;
    auto j = nlohmann::json::parse(r->str(0));
    j["_actor"] = r->str(1);
    j["_path"] = r->str(2);
    return j;
  }
};

TEST_F(Exports, UnitsOfTheSubtreeOnlyWithTheKindFilter) {
  auto nb = app_->browser_for("nongthuong");
  auto t = csv_of(app_->get(url("units", "DB-NONGTHUONG", "format=csv"), &nb));
  ASSERT_GT(t.size(), 2u);
  EXPECT_EQ(t.front().front(), "Mã");
  std::string sub = path("DB-NONGTHUONG");
  std::set<std::string> codes;
  for (std::size_t i = 1; i < t.size(); ++i) {
    codes.insert(t[i][0]);
    auto u = org::find_unit_by_code(c(), t[i][0]);
    ASSERT_TRUE(u) << t[i][0];
    EXPECT_EQ(u->path.rfind(sub, 0), 0u) << t[i][0] << " is outside the subtree";
  }
  EXPECT_EQ(static_cast<std::int64_t>(t.size() - 1), org::count_subtree(c(), sub));
  EXPECT_TRUE(codes.count("CB-KHUOICUONG"));
  EXPECT_FALSE(codes.count("TU-BACKAN"));
  // The kind filter: only party cells, as many as the subtree has.
  auto cells = csv_of(app_->get(url("units", "DB-NONGTHUONG", "kind=chi_bo&format=csv"), &nb));
  auto n = c().scalar("SELECT COUNT(*) FROM units WHERE kind = 'chi_bo' AND path >= $1 AND path < $2",
                      {sub, db::subtree_end(sub)});
  ASSERT_GT(n, 0);
  EXPECT_EQ(static_cast<std::int64_t>(cells.size() - 1), n);
  for (std::size_t i = 1; i < cells.size(); ++i) EXPECT_EQ(cells[i][column(cells, "Loại")], "Chi bộ");
  // Outside the scope: 403, and nothing is written to the audit log.
  auto before = last_audit_id();
  EXPECT_EQ(app_->get(url("units", "TU-BACKAN", "format=csv"), &nb).status, 403);
  EXPECT_EQ(last_audit_id(), before);
  // A bad filter value is named in Vietnamese.
  auto bad = app_->get(url("units", "DB-NONGTHUONG", "kind=vuong_quoc&format=csv"), &nb);
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Không có loại đơn vị"), std::string::npos);
}

TEST_F(Exports, MembersCarrySensitiveColumnsOnlyForTheEntitledAndAreAudited) {
  auto kc = app_->browser_for("khuoicuong");
  auto officer = xlsx_of(app_->get(url("members", "CB-KHUOICUONG", "format=xlsx"), &kc));
  auto n = c().scalar("SELECT COUNT(*) FROM memberships m JOIN persons p ON p.id = m.person_id "
                      "WHERE m.unit_id = $1 AND m.valid_to IS NULL AND p.active = 1",
                      {unit("CB-KHUOICUONG")});
  ASSERT_GT(n, 0);
  EXPECT_EQ(static_cast<std::int64_t>(officer.size() - 1), n);
  for (const char* h : {"Dân tộc", "Điện thoại", "Số định danh", "Đảng viên", "Ngày vào Đảng"})
    EXPECT_TRUE(has_column(officer, h)) << h;
  auto audited = last_export("members");
  ASSERT_FALSE(audited.is_null());
  EXPECT_EQ(audited["personal"], true);
  EXPECT_EQ(audited["rows"], n);
  EXPECT_EQ(audited["_path"], path("CB-KHUOICUONG"));
  // The leader reads the same list without any sensitive column, and no ethnicity appears anywhere in it.
  auto ld = app_->browser_for("lanhdao");
  auto leader = csv_of(app_->get(url("members", "CB-KHUOICUONG", "format=csv"), &ld));
  EXPECT_EQ(leader.size(), officer.size());
  for (const char* h : {"Dân tộc", "Điện thoại", "Số định danh", "Đảng viên", "Số thẻ đảng viên", "Ngày vào Đảng"})
    EXPECT_FALSE(has_column(leader, h)) << h;
  std::set<std::string> ethnicities;
  for (std::size_t i = 1; i < officer.size(); ++i)
    if (!officer[i][column(officer, "Dân tộc")].empty()) ethnicities.insert(officer[i][column(officer, "Dân tộc")]);
  ASSERT_FALSE(ethnicities.empty());
  for (const auto& row : leader)
    for (const auto& cell : row) EXPECT_FALSE(ethnicities.count(cell)) << cell;
  EXPECT_EQ(last_export("members")["personal"], false);
  // The name filter, without diacritics.
  std::string first = officer[1][0];
  std::string word = kernel::fold_tokens(first).back();
  auto some = csv_of(app_->get(url("members", "CB-KHUOICUONG", "q=" + word + "&format=csv"), &kc));
  ASSERT_GT(some.size(), 1u);
  for (std::size_t i = 1; i < some.size(); ++i) EXPECT_NE(kernel::fold(some[i][0]).find(word), std::string::npos);
  // Another cell's members: 403.
  EXPECT_EQ(app_->get(url("members", "CB-NANANG", "format=csv"), &kc).status, 403);
}

TEST_F(Exports, CsvAndXlsxGiveTheSameRows) {
  auto kc = app_->browser_for("khuoicuong");
  auto x = xlsx_of(app_->get(url("members", "CB-KHUOICUONG", "format=xlsx"), &kc));
  auto v = csv_of(app_->get(url("members", "CB-KHUOICUONG", "format=csv"), &kc));
  ASSERT_EQ(x.size(), v.size());
  // The date columns: a real date in the XLSX (read back as ISO), dd/mm/yyyy in the CSV; every other cell equal.
  std::set<std::size_t> dates = {column(x, "Sinh hoạt từ"), column(x, "Ngày vào Đảng")};
  std::size_t date_cells = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    ASSERT_EQ(x[i].size(), v[i].size()) << "row " << i;
    for (std::size_t j = 0; j < x[i].size(); ++j) {
      if (i > 0 && dates.count(j) && !x[i][j].empty()) {
        ASSERT_TRUE(std::regex_match(x[i][j], std::regex("\\d{4}-\\d\\d-\\d\\d"))) << x[i][j];
        EXPECT_EQ(v[i][j], x[i][j].substr(8, 2) + "/" + x[i][j].substr(5, 2) + "/" + x[i][j].substr(0, 4));
        ++date_cells;
      } else {
        EXPECT_EQ(x[i][j], v[i][j]) << "row " << i << " column " << j;
      }
    }
  }
  EXPECT_GT(date_cells, x.size() - 1);
}

TEST_F(Exports, MeetingsHaveTypedDatesAndNumbers) {
  auto kc = app_->browser_for("khuoicuong");
  auto r = app_->get(url("meetings", "CB-KHUOICUONG", "year=2020&format=xlsx"), &kc);
  auto t = xlsx_of(r, "Sinh hoạt 2020");
  auto n = c().scalar("SELECT COUNT(*) FROM meetings WHERE unit_id = $1 AND held_on >= '2020-01-01' AND held_on <= '2020-12-31'",
                      {unit("CB-KHUOICUONG")});
  ASSERT_GT(n, 0);
  ASSERT_EQ(static_cast<std::int64_t>(t.size() - 1), n);
  EXPECT_EQ(t.front()[0], "Ngày");
  // Read without naming date columns, the first column comes back as ISO dates: the cells are Excel dates.
  for (std::size_t i = 1; i < t.size(); ++i) EXPECT_TRUE(std::regex_match(t[i][0], std::regex("2020-\\d\\d-\\d\\d"))) << t[i][0];
  // In the sheet itself the date and the attendance are numbers (no t="s"), the topic is a shared string.
  std::string sheet = testing::unzip_part(r.body, "xl/worksheets/sheet1.xml");
  ASSERT_FALSE(sheet.empty());
  std::smatch m;
  ASSERT_TRUE(std::regex_search(sheet, m, std::regex("<c r=\"A2\"([^>]*)>")));
  EXPECT_EQ(m[1].str().find("t=\""), std::string::npos);
  ASSERT_TRUE(std::regex_search(sheet, m, std::regex("<c r=\"D2\"([^>]*)>")));
  EXPECT_EQ(m[1].str().find("t=\""), std::string::npos);
  ASSERT_TRUE(std::regex_search(sheet, m, std::regex("<c r=\"C2\"([^>]*)>")));
  EXPECT_NE(m[1].str().find("t=\"s\""), std::string::npos);
  EXPECT_NE(sheet.find("<pane ySplit=\"1\""), std::string::npos);  // the header row stays in view
  // The CSV writes the same dates dd/mm/yyyy; the kind filter keeps thematic meetings only.
  auto v = csv_of(app_->get(url("meetings", "CB-KHUOICUONG", "year=2020&format=csv"), &kc));
  ASSERT_EQ(v.size(), t.size());
  EXPECT_EQ(v[1][0], t[1][0].substr(8, 2) + "/" + t[1][0].substr(5, 2) + "/2020");
  auto thematic = csv_of(app_->get(url("meetings", "CB-KHUOICUONG", "year=2020&kind=chuyen_de&format=csv"), &kc));
  auto nt = c().scalar("SELECT COUNT(*) FROM meetings WHERE unit_id = $1 AND kind = 'chuyen_de' AND held_on >= '2020-01-01' "
                       "AND held_on <= '2020-12-31'",
                       {unit("CB-KHUOICUONG")});
  EXPECT_EQ(static_cast<std::int64_t>(thematic.size() - 1), nt);
  for (std::size_t i = 1; i < thematic.size(); ++i) EXPECT_EQ(thematic[i][1], "Sinh hoạt chuyên đề");
  auto bad = app_->get(url("meetings", "CB-KHUOICUONG", "year=20x&format=csv"), &kc);
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Năm"), std::string::npos);
}

TEST_F(Exports, PlansAndCommitmentsOfTheYearInTheSubtree) {
  auto nb = app_->browser_for("nongthuong");
  std::string sub = path("DB-NONGTHUONG");
  auto plans = csv_of(app_->get(url("plans", "DB-NONGTHUONG", "year=2020&format=csv"), &nb));
  auto n = c().scalar("SELECT COUNT(*) FROM plans pl JOIN units u ON u.id = pl.unit_id WHERE pl.owner_kind = 'unit' "
                      "AND pl.year = 2020 AND u.path >= $1 AND u.path < $2",
                      {sub, db::subtree_end(sub)});
  ASSERT_GT(n, 0);
  EXPECT_EQ(static_cast<std::int64_t>(plans.size() - 1), n);
  for (std::size_t i = 1; i < plans.size(); ++i) EXPECT_EQ(org::find_unit_by_code(c(), plans[i][0])->path.rfind(sub, 0), 0u);
  auto accepted = csv_of(app_->get(url("plans", "DB-NONGTHUONG", "year=2020&status=accepted&format=csv"), &nb));
  auto na = c().scalar("SELECT COUNT(*) FROM plans pl JOIN units u ON u.id = pl.unit_id WHERE pl.owner_kind = 'unit' "
                       "AND pl.year = 2020 AND pl.status = 'accepted' AND u.path >= $1 AND u.path < $2",
                       {sub, db::subtree_end(sub)});
  EXPECT_EQ(static_cast<std::int64_t>(accepted.size() - 1), na);
  std::size_t status = column(accepted, "Trạng thái");
  for (std::size_t i = 1; i < accepted.size(); ++i) EXPECT_EQ(accepted[i][status], accepted[1][status]);
  auto commitments = xlsx_of(app_->get(url("commitments", "DB-NONGTHUONG", "year=2020&format=xlsx"), &nb), "Cam kết 2020");
  auto nc = c().scalar("SELECT COUNT(*) FROM plans pl JOIN units u ON u.id = pl.unit_id WHERE pl.owner_kind = 'person' "
                       "AND pl.year = 2020 AND u.path >= $1 AND u.path < $2",
                       {sub, db::subtree_end(sub)});
  ASSERT_GT(nc, 0);
  EXPECT_EQ(static_cast<std::int64_t>(commitments.size() - 1), nc);
  // The cell's officer: their own cell yes, the commune's committee no.
  auto kc = app_->browser_for("khuoicuong");
  auto own = csv_of(app_->get(url("commitments", "CB-KHUOICUONG", "year=2020&format=csv"), &kc));
  EXPECT_LT(own.size(), commitments.size());
  EXPECT_EQ(app_->get(url("commitments", "DB-NONGTHUONG", "year=2020&format=csv"), &kc).status, 403);
  EXPECT_EQ(app_->get(url("plans", "DB-NONGTHUONG", "year=2020&format=csv"), &kc).status, 403);
}

TEST_F(Exports, RegisterEntriesOfTheSubtreeWithTheStatusFilter) {
  // The commune committee's officer, and the admin at the root for comparison.
  auto nb = app_->browser_for("nongthuong");
  std::string sub = path("DB-NONGTHUONG");
  auto mine = csv_of(app_->get(url("register-entries", "DB-NONGTHUONG", "format=csv"), &nb));
  auto n = c().scalar("SELECT COUNT(*) FROM register_entries e JOIN units u ON u.id = e.unit_id WHERE u.path >= $1 AND u.path < $2",
                      {sub, db::subtree_end(sub)});
  EXPECT_EQ(static_cast<std::int64_t>(mine.size() - 1), n);
  auto admin = app_->browser_for("admin");
  auto all = csv_of(app_->get(url("register-entries", "TU-BACKAN", "format=csv"), &admin));
  ASSERT_GT(all.size(), mine.size());
  // Every code of the commune's export is an entry of the commune's subtree.
  for (std::size_t i = 1; i < mine.size(); ++i) {
    auto p = c().query_one("SELECT u.path FROM register_entries e JOIN units u ON u.id = e.unit_id WHERE e.code = $1", {mine[i][0]});
    ASSERT_TRUE(p) << mine[i][0];
    EXPECT_EQ(p->str(0).rfind(sub, 0), 0u);
  }
  auto published = csv_of(app_->get(url("register-entries", "TU-BACKAN", "status=published&format=csv"), &admin));
  std::string root = path("TU-BACKAN");
  auto np = c().scalar("SELECT COUNT(*) FROM register_entries e JOIN units u ON u.id = e.unit_id WHERE e.status = 'published' "
                       "AND u.path >= $1 AND u.path < $2",
                       {root, db::subtree_end(root)});
  ASSERT_GT(np, 0);
  EXPECT_EQ(static_cast<std::int64_t>(published.size() - 1), np);
  for (std::size_t i = 1; i < published.size(); ++i) EXPECT_EQ(published[i][column(published, "Trạng thái")], "Đã công bố");
  EXPECT_FALSE(has_column(all, "Liên hệ"));  // nominators' contacts never leave the system
  EXPECT_EQ(app_->get(url("register-entries", "TU-BACKAN", "format=csv"), &nb).status, 403);
}

TEST_F(Exports, HouseholdsOnlyForThoseWhoMaySeeThem) {
  auto nb = app_->browser_for("nongthuong");
  auto all = csv_of(app_->get(url("households", "THON-KHUOICUONG", "year=2020&format=csv"), &nb));
  EXPECT_EQ(all.size() - 1, 58u);  // the article's 58 households
  auto near_poor = csv_of(app_->get(url("households", "THON-KHUOICUONG", "year=2020&status=can_ngheo&format=csv"), &nb));
  EXPECT_EQ(near_poor.size() - 1, 2u);  // and its 2 near-poor ones
  EXPECT_FALSE(has_column(all, "Dân tộc"));
  auto audited = last_export("households");
  EXPECT_EQ(audited["personal"], true);
  EXPECT_EQ(audited["filters"]["status"], "can_ngheo");
  // The village's own party cell and the leaders do not see households (D19).
  auto kc = app_->browser_for("khuoicuong");
  EXPECT_EQ(app_->get(url("households", "THON-KHUOICUONG", "year=2020&format=csv"), &kc).status, 403);
  auto ld = app_->browser_for("lanhdao");
  EXPECT_EQ(app_->get(url("households", "THON-KHUOICUONG", "year=2020&format=csv"), &ld).status, 403);
}

TEST_F(Exports, QuizResultsForTheOrganizersOnly) {
  auto round = std::to_string(c().scalar("SELECT MIN(id) FROM quiz_rounds"));
  auto nb = app_->browser_for("nongthuong");
  auto r = app_->get("/exports/quiz-results?round=" + round + "&format=xlsx", &nb);
  auto ranking = xlsx_of(r, "Xếp hạng");
  auto units = xlsx_of(r, "Theo đơn vị");
  ASSERT_GT(ranking.size(), 1u);
  EXPECT_EQ(ranking[1][0], "1");
  ASSERT_GT(units.size(), 1u);
  auto csv = csv_of(app_->get("/exports/quiz-results?round=" + round + "&format=csv", &nb));
  EXPECT_EQ(csv.size(), ranking.size());
  auto dv = app_->browser_for("dangvien");
  EXPECT_EQ(app_->get("/exports/quiz-results?round=" + round + "&format=csv", &dv).status, 403);
  EXPECT_EQ(app_->get("/exports/quiz-results?format=csv", &nb).status, 422);
}

TEST_F(Exports, AuditLogOfTheScope) {
  auto nb = app_->browser_for("nongthuong");
  csv_of(app_->get(url("units", "DB-NONGTHUONG", "format=csv"), &nb));
  auto admin = app_->browser_for("admin");
  csv_of(app_->get(url("units", "TU-BACKAN", "kind=thanh_uy&format=csv"), &admin));
  auto scope = org::principal_of(c(), "nongthuong")->scope_paths(auth::Action::kViewAudit);
  ASSERT_FALSE(scope.empty());
  auto n = audit::count(c(), scope, "export.");
  auto t = csv_of(app_->get("/exports/audit?action=export.&format=csv", &nb));
  ASSERT_GT(n, 0);
  EXPECT_EQ(static_cast<std::int64_t>(t.size() - 1), n);  // every export in the officer's scope, before this one
  for (std::size_t i = 1; i < t.size(); ++i) EXPECT_EQ(t[i][column(t, "Thao tác")].rfind("Tải danh sách", 0), 0u);
  EXPECT_LT(n, audit::count(c(), {"/"}, "export."));  // the admin's exports elsewhere are not in it
  auto kc = app_->browser_for("khuoicuong");
  EXPECT_EQ(app_->get(url("audit", "DB-NONGTHUONG", "format=csv"), &kc).status, 403);
  auto dv = app_->browser_for("dangvien");
  EXPECT_EQ(app_->get("/exports/audit?format=csv", &dv).status, 403);
}

TEST_F(Exports, LoggedOutRefusedAndTheApiShareTheRules) {
  auto logged_out = app_->get(url("members", "CB-KHUOICUONG", "format=csv"));
  EXPECT_EQ(logged_out.status, 303);
  EXPECT_EQ(logged_out.header_value("Location").rfind("/login", 0), 0u);
  EXPECT_EQ(app_->api("GET", "/api/v1/exports/members?unit=" + std::to_string(unit("CB-KHUOICUONG")) + "&format=csv", "").status,
            401);
  auto token = app_->token_for("khuoicuong");
  auto own = app_->api("GET", "/api/v1/exports/members?unit=" + std::to_string(unit("CB-KHUOICUONG")) + "&format=csv", token);
  auto rows = csv_of(own);
  EXPECT_GT(rows.size(), 1u);
  EXPECT_EQ(own.header_value("Content-Disposition").rfind("attachment; filename=\"thanh-vien-chi-bo-thon-khuoi-cuong", 0), 0u);
  EXPECT_EQ(last_export("members")["via"], "api");
  auto out = app_->api("GET", "/api/v1/exports/members?unit=" + std::to_string(unit("CB-NANANG")) + "&format=csv", token);
  EXPECT_EQ(out.status, 403);
  EXPECT_EQ(out.header_value("Content-Type").rfind("application/problem+json", 0), 0u);
  EXPECT_EQ(app_->api("GET", "/api/v1/exports/members?unit=" + std::to_string(unit("CB-KHUOICUONG")) + "&format=pdf", token).status,
            422);
  EXPECT_EQ(app_->api("GET", "/api/v1/exports/nothing?unit=1&format=csv", token).status, 404);
  EXPECT_EQ(app_->api("GET", "/api/v1/exports/members?format=csv", token).status, 422);
}

TEST_F(Exports, TheListPagesLinkToTheirDownloadsWithTheirFilters) {
  auto nb = app_->browser_for("nongthuong");
  auto page = app_->get("/units/" + std::to_string(unit("THON-KHUOICUONG")) + "/households?year=2020&status=can_ngheo", &nb);
  ASSERT_EQ(page.status, 200);
  std::string href = "/exports/households?unit=" + std::to_string(unit("THON-KHUOICUONG")) + "&amp;year=2020&amp;status=can_ngheo&amp;format=";
  EXPECT_NE(page.body.find(href + "xlsx\""), std::string::npos);
  EXPECT_NE(page.body.find(href + "csv\""), std::string::npos);
  EXPECT_NE(page.body.find("Tải Excel"), std::string::npos);
  auto kc = app_->browser_for("khuoicuong");
  auto unit_page = app_->get("/units/" + std::to_string(unit("CB-KHUOICUONG")), &kc);
  EXPECT_NE(unit_page.body.find("/exports/members?unit=" + std::to_string(unit("CB-KHUOICUONG"))), std::string::npos);
  auto meetings = app_->get("/units/" + std::to_string(unit("CB-KHUOICUONG")) + "/meetings?year=2020", &kc);
  EXPECT_NE(meetings.body.find("/exports/meetings?unit=" + std::to_string(unit("CB-KHUOICUONG")) + "&amp;year=2020"),
            std::string::npos);
}

TEST_F(Exports, ATooLongListIsRefusedWithAMessage) {
  auto nb = app_->browser_for("nongthuong");
  exports::set_max_rows(3);
  auto r = app_->get(url("units", "DB-NONGTHUONG", "format=xlsx"), &nb);
  exports::set_max_rows(exports::kMaxRows);
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Danh sách có hơn 3 dòng"), std::string::npos);
  EXPECT_NE(r.body.find("đơn vị nhỏ hơn"), std::string::npos);
}

}  // namespace
}  // namespace ct05
