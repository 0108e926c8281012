// Reports on the demo database: the document's figures against the modules' own, the golden document.xml and PDF
// text, the files opened as a user would (LibreOffice converts the DOCX; pdftotext and pdftoppm read the PDF),
// template versions, and who may make a report.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "modules/meetings/storage/meeting_store.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/plans/storage/plan_store.hpp"
#include "modules/reports/render/render.hpp"
#include "modules/reports/storage/report_store.hpp"
#include "support/demo_suite.hpp"

namespace ct05::reports {
namespace {

namespace fs = std::filesystem;

std::string run(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "ct05-report-XXXXXX").string();
    path = mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path); }
};

void check_golden(const std::string& name, const std::string& actual) {
  std::string path = std::string(CT05_GOLDEN_DIR) + "/" + name;
  if (std::getenv("UPDATE_GOLDEN")) {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::string want = slurp(path);
  ASSERT_FALSE(want.empty()) << "missing golden file " << path << " (run with UPDATE_GOLDEN=1 and review it)";
  EXPECT_EQ(actual, want) << "differs from " << path << " (UPDATE_GOLDEN=1 rewrites it; review the diff)";
}

class Reports : public testing::DemoSuite<Reports> {
 protected:
  static org::Unit unit(const std::string& code) { return *org::find_unit_by_code(c(), code); }
  static Made made(const std::string& code, const std::string& kind, const std::string& period, const std::string& format) {
    auto m = make(c(), auth::system_principal(), {unit(code).id, kind, period, format, "2020-12-15"});
    EXPECT_TRUE(m) << (m ? "" : m.error().message);
    return m ? *m : Made{};
  }
};

TEST_F(Reports, FiguresAreTheModulesOwn) {
  auto u = unit("DB-NONGTHUONG");
  auto m = made("DB-NONGTHUONG", "nam", "2020", "json");
  auto ind = plans::indicators(c(), u.id, 2020);
  const auto& v = m.figures.values;
  EXPECT_EQ(v.at("so_don_vi_ke_hoach"), html::number_vn(ind.units));
  EXPECT_EQ(v.at("so_ke_hoach_duyet"), html::number_vn(ind.plans_accepted));
  EXPECT_EQ(v.at("so_can_bo"), html::number_vn(ind.cadres));
  auto ms = meetings::meeting_summary(c(), u.path, 2020, "2020-12-31");
  EXPECT_EQ(v.at("sinh_hoat_da_co"), html::number_vn(ms.held));
  EXPECT_EQ(v.at("sinh_hoat_phai_co"), html::number_vn(ms.expected));
  // The article's villages: Khuổi Cuồng's 58 households with no poor one, Nà Nàng recognised.
  EXPECT_EQ(v.at("so_thon_nong_thon_moi"), "1");
  EXPECT_EQ(v.at("chuyen_de").empty(), false);
  // The filled text carries them, and no placeholder is left.
  std::string all;
  for (const auto& b : m.document.blocks) all += b.text + "\n";
  EXPECT_NE(all.find(v.at("so_ke_hoach_duyet") + "/" + v.at("so_don_vi_ke_hoach") + " chi bộ, đảng bộ"), std::string::npos)
      << all;
  EXPECT_EQ(all.find('{'), std::string::npos) << all;
  EXPECT_EQ(m.document.issuer, "ĐẢNG ỦY XÃ NÔNG THƯỢNG");
  EXPECT_EQ(m.document.superior, "THÀNH ỦY BẮC KẠN");
  EXPECT_EQ(m.document.number, "Số       -BC/ĐU");
  EXPECT_EQ(m.document.place_date, "Nông Thượng, ngày 15 tháng 12 năm 2020");
  EXPECT_EQ(m.document.on_behalf, "T/M ĐẢNG ỦY");
  EXPECT_EQ(m.document.signer, "Phượng Hoàng Minh");
  EXPECT_EQ(m.document.recipients.at(0), "- Ban Thường vụ Thành ủy Bắc Kạn (b/c),");
}

TEST_F(Reports, HalfYearCountsMeetingsToTheEndOfJune) {
  auto u = unit("DB-NONGTHUONG");
  auto m = made("DB-NONGTHUONG", "6-thang", "2020-H1", "json");
  auto ms = meetings::meeting_summary(c(), u.path, 2020, "2020-06-30");
  EXPECT_EQ(m.figures.values.at("sinh_hoat_phai_co"), html::number_vn(ms.expected));
  auto year = meetings::meeting_summary(c(), u.path, 2020, "2020-12-31");
  EXPECT_LT(ms.expected, year.expected);
  EXPECT_EQ(m.document.subject.rfind("Sơ kết 6 tháng đầu năm 2020", 0), 0u) << m.document.subject;
}

TEST_F(Reports, FiveYearsHaveAYearByYearTable) {
  auto m = made("TU-BACKAN", "5-nam", "2016-2020", "json");
  ASSERT_TRUE(m.figures.tables.count("theo_nam"));
  EXPECT_EQ(m.figures.tables.at("theo_nam").rows.size(), 5u);
  EXPECT_EQ(m.figures.tables.at("theo_nam").rows.back().at(0), "2020");
  EXPECT_EQ(m.document.number, "Số       -BC/TU");
  EXPECT_EQ(m.document.on_behalf, "T/M BAN THƯỜNG VỤ");
}

TEST_F(Reports, GoldenDocumentXmlAndPdfText) {
  auto m = made("DB-NONGTHUONG", "nam", "2020", "docx");
  check_golden("report_nongthuong_2020.document.xml", docx_document_xml(m.document));
  TempDir dir;
  std::ofstream(dir.path / "r.docx", std::ios::binary) << m.bytes;
  // The package holds exactly that part.
  EXPECT_EQ(run("unzip -p " + (dir.path / "r.docx").string() + " word/document.xml"), docx_document_xml(m.document));
  auto pdf = made("DB-NONGTHUONG", "nam", "2020", "pdf");
  std::ofstream(dir.path / "r.pdf", std::ios::binary) << pdf.bytes;
  std::string text = run("pdftotext -enc UTF-8 " + (dir.path / "r.pdf").string() + " -");
  check_golden("report_nongthuong_2020.pdf.txt", text);
  for (const char* s : {"ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG ỦY XÃ NÔNG THƯỢNG", "Nông Thượng, ngày 15 tháng 12 năm 2020",
                        "BÁO CÁO", "Nơi nhận:", "T/M ĐẢNG ỦY", "Phượng Hoàng Minh"})
    EXPECT_NE(text.find(s), std::string::npos) << s;
}

TEST_F(Reports, LibreOfficeOpensTheDocxAndThePdfRendersOnA4) {
  TempDir dir;
  auto m = made("DB-NONGTHUONG", "nam", "2020", "docx");
  std::ofstream(dir.path / "bao-cao.docx", std::ios::binary) << m.bytes;
  std::string profile = "file://" + (dir.path / "profile").string();
  run("cd " + dir.path.string() + " && soffice -env:UserInstallation=" + profile +
      " --headless --convert-to pdf bao-cao.docx >/dev/null 2>&1");
  ASSERT_TRUE(fs::exists(dir.path / "bao-cao.pdf")) << "LibreOffice could not convert the DOCX";
  std::string converted = run("pdftotext -enc UTF-8 " + (dir.path / "bao-cao.pdf").string() + " -");
  for (const char* s : {"ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG ỦY XÃ NÔNG THƯỢNG", "BÁO CÁO", "KẾT QUẢ THỰC HIỆN"})
    EXPECT_NE(converted.find(s), std::string::npos) << s;
  std::string info = run("pdfinfo " + (dir.path / "bao-cao.pdf").string());
  EXPECT_NE(info.find("(A4)"), std::string::npos) << info;

  auto pdf = made("DB-NONGTHUONG", "nam", "2020", "pdf");
  std::ofstream(dir.path / "ours.pdf", std::ios::binary) << pdf.bytes;
  std::string ours = run("pdfinfo " + (dir.path / "ours.pdf").string());
  EXPECT_NE(ours.find("(A4)"), std::string::npos) << ours;
  // Each page rendered in grey at 30 dpi: A4's size, and more ink than a page number alone.
  run("pdftoppm -gray -r 30 " + (dir.path / "ours.pdf").string() + " " + (dir.path / "page").string());
  int pages = 0;
  for (const auto& e : fs::directory_iterator(dir.path)) {
    if (e.path().filename().string().rfind("page", 0) != 0) continue;
    ++pages;
    std::ifstream in(e.path(), std::ios::binary);
    std::string magic;
    int w = 0, h = 0, max = 0;
    in >> magic >> w >> h >> max;
    in.get();
    EXPECT_EQ(magic, "P5");
    EXPECT_NEAR(w, 248, 1);  // 210 mm at 30 dpi
    EXPECT_NEAR(h, 351, 1);  // 297 mm
    std::string px((std::istreambuf_iterator<char>(in)), {});
    auto dark = std::count_if(px.begin(), px.end(), [](char ch) { return static_cast<unsigned char>(ch) < 128; });
    EXPECT_GT(dark, 100) << e.path() << " looks blank";
  }
  EXPECT_GE(pages, 2);
}

TEST_F(Reports, BadInputIsRefusedWithTheReason) {
  auto u = unit("DB-NONGTHUONG");
  auto r = make(c(), auth::system_principal(), {u.id, "quy", "2020", "docx", ""});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.at(0).message, "Vui lòng chọn loại báo cáo: 6-thang, nam, 5-nam hoặc 10-nam.");
  r = make(c(), auth::system_principal(), {u.id, "5-nam", "2016-2019", "odt", "2020-13-01"});
  ASSERT_FALSE(r);
  ASSERT_EQ(r.error().fields.size(), 3u);
  EXPECT_EQ(r.error().fields[0].field, "format");
  EXPECT_EQ(r.error().fields[1].field, "date");
  EXPECT_EQ(r.error().fields[2].message, "Giai đoạn 5 năm phải gồm đúng 5 năm (ví dụ 2016-2020).");
}

TEST_F(Reports, WhoMayMakeAReport) {
  auto nt = unit("DB-NONGTHUONG");
  auto page = "/units/" + std::to_string(nt.id) + "/reports?kind=nam&period=2020&date=2020-12-15";
  auto officer = app_->browser_for("nongthuong");
  auto leader = app_->browser_for("lanhdao");
  auto cell = app_->browser_for("khuoicuong");
  auto member = app_->browser_for("dangvien");
  auto ok = app_->get(page, &officer);
  EXPECT_EQ(ok.status, 200);
  EXPECT_NE(ok.body.find("ĐẢNG ỦY XÃ NÔNG THƯỢNG"), std::string::npos);
  EXPECT_NE(ok.body.find("Tải DOCX"), std::string::npos);
  EXPECT_EQ(app_->get(page, &leader).status, 200);
  EXPECT_EQ(app_->get(page, &cell).status, 403);    // the cell below does not report for the commune
  EXPECT_EQ(app_->get(page, &member).status, 403);  // a member reads dashboards, not the committee's reports
  auto file = app_->get("/units/" + std::to_string(nt.id) + "/reports/file?kind=nam&period=2020&format=pdf", &officer);
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(file.body.substr(0, 5), "%PDF-");
  EXPECT_EQ(file.header_value("Content-Disposition"), "attachment; filename=\"bao-cao-nam-2020-DB-NONGTHUONG.pdf\"");
  auto bad = app_->get("/units/" + std::to_string(nt.id) + "/reports?kind=nam&period=20", &officer);
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Năm báo cáo ghi bốn chữ số, ví dụ 2020."), std::string::npos);
  EXPECT_EQ(c().scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'report.generate' AND entity_id = $1", {nt.id}) > 0,
            true);
}

TEST_F(Reports, ApiGivesTheFileOrTheFigures) {
  auto token = app_->token_for("nongthuong");
  auto json = app_->api("GET", "/api/v1/reports?unit_code=DB-NONGTHUONG&kind=nam&period=2020&format=json", token);
  ASSERT_EQ(json.status, 200) << json.body;
  auto j = nlohmann::json::parse(json.body);
  EXPECT_EQ(j["document"]["issuer"], "ĐẢNG ỦY XÃ NÔNG THƯỢNG");
  EXPECT_TRUE(j["figures"]["values"].contains("ty_le_ke_hoach"));
  auto docx = app_->api("GET", "/api/v1/reports?unit_code=DB-NONGTHUONG&kind=6-thang&period=2020-H1&format=docx", token);
  EXPECT_EQ(docx.status, 200);
  EXPECT_EQ(docx.header_value("Content-Type"), kDocxType);
  EXPECT_EQ(docx.body.substr(0, 2), "PK");
  auto bad = app_->api("GET", "/api/v1/reports?unit_code=DB-NONGTHUONG&kind=nam&period=abc", token);
  EXPECT_EQ(bad.status, 422);
  auto outside = app_->api("GET", "/api/v1/reports?unit_code=TU-BACKAN&kind=nam&period=2020", token);
  EXPECT_EQ(outside.status, 403);
}

TEST_F(Reports, TheDashboardChartsTheRegisterAndTheModelsOverTheYears) {
  auto nt = unit("DB-NONGTHUONG");
  auto officer = app_->browser_for("nongthuong");
  auto page = app_->get("/units/" + std::to_string(nt.id) + "/dashboard?year=2020", &officer);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Người tốt, việc tốt được ghi danh qua các năm"), std::string::npos);
  EXPECT_NE(page.body.find("Mô hình, cách làm sáng tạo được áp dụng qua các năm"), std::string::npos);
  // The chart's table is the report's own count of the year.
  auto m = made("DB-NONGTHUONG", "nam", "2020", "json");
  auto csv = app_->get("/units/" + std::to_string(nt.id) + "/dashboard/charts/register-years?year=2020&format=csv", &officer);
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.body.find("\r\n2020," + m.figures.values.at("so_ghi_danh") + "," + m.figures.values.at("so_ghi_danh_duyet") +
                          "," + m.figures.values.at("so_ghi_danh_cong_bo") + "\r\n"),
            std::string::npos)
      << csv.body;
  auto models = app_->get("/units/" + std::to_string(nt.id) + "/dashboard/charts/models-years?year=2020&format=csv", &officer);
  ASSERT_EQ(models.status, 200);
  EXPECT_NE(models.body.find("\r\n2020," + m.figures.values.at("so_don_vi_ap_dung") + "," + m.figures.values.at("so_mo_hinh")),
            std::string::npos)
      << models.body;
  auto cell = app_->browser_for("khuoicuong");
  EXPECT_EQ(app_->get("/units/" + std::to_string(nt.id) + "/dashboard/charts/models-years?year=2020&format=csv", &cell).status,
            403);
}

TEST_F(Reports, TemplatesAreVersionedAndChecked) {
  auto admin = app_->browser_for("admin");
  auto officer = app_->browser_for("nongthuong");
  EXPECT_EQ(app_->get("/report-templates/nam", &officer).status, 403);
  auto form = app_->get("/report-templates/nam", &admin);
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("{ty_le_ke_hoach}"), std::string::npos);
  int before = current_template(c(), Kind::kYear)->version;
  // A typo in a placeholder is refused with its line, and what was typed stays in the form.
  auto bad = app_->post("/report-templates/nam",
                        "title=T%E1%BB%95ng+k%E1%BA%BFt+%7Bnam%7D&body=D%C3%B2ng+m%E1%BB%99t%0A%C4%90%E1%BA%A1t+%7Bty_le%7D&recipients=&note=",
                        &admin);
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Nội dung, dòng 2: không có số liệu {ty_le}."), std::string::npos);
  EXPECT_NE(bad.body.find("Dòng một"), std::string::npos);
  EXPECT_EQ(current_template(c(), Kind::kYear)->version, before);
  EXPECT_EQ(app_->post("/report-templates/nam", "title=x&body=y", &officer).status, 403);
  EXPECT_EQ(app_->post("/report-templates/nam", "title=x&body=y", &admin, false).status, 403);  // no CSRF token
  auto saved = app_->post("/report-templates/nam",
                          "title=B%C3%A1o+c%C3%A1o+n%C4%83m+%7Bnam%7D&body=%C4%90%E1%BA%A1t+%7Bty_le_ke_hoach%7D.&"
                          "recipients=L%C6%B0u&note=H%C6%B0%E1%BB%9Bng+d%E1%BA%ABn+m%E1%BB%9Bi",
                          &admin);
  EXPECT_EQ(saved.status, 303);
  auto now = current_template(c(), Kind::kYear);
  EXPECT_EQ(now->version, before + 1);
  EXPECT_EQ(template_history(c(), Kind::kYear).size(), static_cast<std::size_t>(before + 1));
  auto m = made("DB-NONGTHUONG", "nam", "2020", "json");
  EXPECT_EQ(m.used.version, before + 1);
  EXPECT_EQ(m.document.subject, "Báo cáo năm 2020");
  ASSERT_EQ(m.document.blocks.size(), 1u);
  EXPECT_EQ(m.document.blocks[0].text, "Đạt " + m.figures.values.at("ty_le_ke_hoach") + ".");
  EXPECT_EQ(c().scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'report_template.create'"), 1);
  // Put the shipped text back for the other tests of the suite.
  Template t = default_template(Kind::kYear);
  ASSERT_TRUE(save_template(c(), auth::system_principal(), Kind::kYear, t));
}


// A report as of a day counts under the tree of that day (D25): the city's 2020 report as of 31/12/2020 has the two
// ward committees merged on 1/7/2025 and no superior (the city was a root then); today's has the merged committee,
// under Tỉnh ủy Thái Nguyên; with continuity today's carries the predecessors' 2020 figures.
TEST_F(Reports, AsOfADayTheReportUsesThatDaysTree) {
  auto city = unit("TU-BACKAN");
  auto ask = [&](const std::string& as_of, bool continuity) {
    Request r{city.id, "nam", "2020", "json", "2020-12-15"};
    r.as_of = as_of;
    r.continuity = continuity;
    auto m = make(c(), auth::system_principal(), r);
    EXPECT_TRUE(m) << (m ? "" : m.error().message);
    return m ? *m : Made{};
  };
  auto rows = [](const Made& m) {
    std::string all;
    auto it = m.figures.tables.find("don_vi_truc_thuoc");
    if (it != m.figures.tables.end())
      for (const auto& r : it->second.rows) all += r.at(1) + "\n";
    return all;
  };
  auto now = ask("", false), then = ask("2020-12-31", false), carried = ask("", true);
  EXPECT_EQ(now.figures.values.at("so_ke_hoach_duyet"), "49");
  EXPECT_EQ(now.figures.values.at("so_don_vi_ke_hoach"), "59");
  EXPECT_EQ(now.document.superior, "TỈNH ỦY THÁI NGUYÊN");
  EXPECT_NE(rows(now).find("Đảng bộ phường Bắc Kạn"), std::string::npos) << rows(now);
  EXPECT_EQ(then.figures.values.at("so_ke_hoach_duyet"), "50");
  EXPECT_EQ(then.figures.values.at("so_don_vi_ke_hoach"), "61");
  EXPECT_EQ(then.figures.values.at("so_cam_ket_duyet"), "443");
  EXPECT_EQ(then.document.superior, "");
  EXPECT_EQ(then.as_of, "2020-12-31");
  EXPECT_NE(then.document.meta.find("theo cây tổ chức ngày 31/12/2020"), std::string::npos) << then.document.meta;
  EXPECT_NE(rows(then).find("Đảng bộ phường Huyền Tụng"), std::string::npos) << rows(then);
  EXPECT_EQ(rows(then).find("Đảng bộ phường Bắc Kạn"), std::string::npos) << rows(then);
  EXPECT_EQ(carried.figures.values.at("so_ke_hoach_duyet"), "50");
  EXPECT_EQ(carried.figures.values.at("so_don_vi_ke_hoach"), "61");
  // Every other figure of the year is the same either way: the rows did not move, only the tree.
  for (const char* k : {"so_ghi_danh", "sinh_hoat_da_co", "so_ho", "so_mo_hinh", "so_luot_thi"})
    EXPECT_EQ(then.figures.values.at(k), carried.figures.values.at(k)) << k;
  // The closed committee's own report, as of its time, carries its name then.
  Request old{unit("DB-HUYENTUNG").id, "nam", "2020", "json", "2020-12-15"};
  old.as_of = "2020-12-31";
  auto o = make(c(), auth::system_principal(), old);
  ASSERT_TRUE(o);
  EXPECT_EQ(o->document.issuer, "ĐẢNG ỦY PHƯỜNG HUYỀN TỤNG");
  EXPECT_EQ(o->document.superior, "THÀNH ỦY BẮC KẠN");
}

TEST_F(Reports, ApiTakesAsOfAndContinuity) {
  auto token = app_->token_for("admin");
  auto then = app_->api("GET", "/api/v1/reports?unit_code=TU-BACKAN&kind=nam&period=2020&format=json&as_of=2020-12-31", token);
  ASSERT_EQ(then.status, 200) << then.body;
  auto j = nlohmann::json::parse(then.body);
  EXPECT_EQ(j["as_of"], "2020-12-31");
  EXPECT_EQ(j["figures"]["values"]["so_ke_hoach_duyet"], "50");
  auto bad = app_->api("GET", "/api/v1/reports?unit_code=TU-BACKAN&kind=nam&period=2020&as_of=31/12/2020", token);
  ASSERT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("as_of"), std::string::npos) << bad.body;
  auto odd = app_->api("GET", "/api/v1/reports?unit_code=TU-BACKAN&kind=nam&period=2020&continuity=yes", token);
  EXPECT_EQ(odd.status, 422);
}

}  // namespace
}  // namespace ct05::reports
