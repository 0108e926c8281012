// Imports on both engines. On a tree built here: a corpus of bad files, each refused with its Vietnamese reason
// at its line (wrong types, missing columns, duplicate codes in the file and with the database, bad dates,
// formulas without results, merged cells, a legacy .xls, a non-zip, a file over the cap, another encoding);
// nothing written before the commit; the commit writing exactly the valid rows (all or nothing by default); units
// with parents inside the file; 100,000 people in one CSV (counts, not time). On the demo: the pages (upload,
// preview with paginated issues, commit), CSRF, 403 outside the subtree, the templates, the API and households
// through the village's page.
#include <gtest/gtest.h>

#include "platform/progress/progress.hpp"
#include <nlohmann/json.hpp>

#include "modules/imports/storage/import_store.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "platform/csv/csv_reader.hpp"
#include "platform/search/search.hpp"
#include "platform/xlsx/xlsx_reader.hpp"
#include "support/demo_suite.hpp"
#include "support/factories.hpp"
#include "support/test_db.hpp"
#include "support/xlsx_fixture.hpp"

namespace ct05::imports {
namespace {

std::string csv(const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  for (const auto& r : rows) out += ct05::csv::format_row(r) + "\r\n";
  return out;
}

bool has_issue(const std::vector<Issue>& list, std::int64_t line, const std::string& text) {
  for (const auto& i : list)
    if (i.line == line && i.message.find(text) != std::string::npos) return true;
  return false;
}

std::string dump(const std::vector<Issue>& list) {
  std::string out;
  for (const auto& i : list) out += std::to_string(i.line) + " [" + i.column + "] " + i.message + "\n";
  return out;
}

class Imports : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& c = db.conn();
    city = testing::make_unit(c, "TP-X", "Thành phố X", "thanh_uy", 0);
    committee = testing::make_unit(c, "DB-A", "Đảng bộ xã A", "dang_bo_co_so", city.id);
    cell = testing::make_unit(c, "CB-A1", "Chi bộ thôn A1", "chi_bo", committee.id);
    other = testing::make_unit(c, "DB-B", "Đảng bộ xã B", "dang_bo_co_so", city.id);
    commune = testing::make_unit(c, "XA-A", "Xã A", "xa_phuong", city.id);
    village = testing::make_unit(c, "THON-A1", "Thôn A1", "thon", commune.id);
    officer = testing::principal_on(auth::Role::kPhuTrach, committee);
    commune_officer = testing::principal_on(auth::Role::kPhuTrach, commune);
    leader = testing::principal_on(auth::Role::kLanhDao, city);
  }
  std::int64_t count(const std::string& sql, const db::Params& p = {}) { return db.conn().scalar(sql, p); }
  std::int64_t people_in(const org::Unit& u) {
    return count("SELECT COUNT(*) FROM memberships WHERE unit_id = $1 AND valid_to IS NULL", {u.id});
  }
  Import previewed(Kind k, const org::Unit& u, const std::string& bytes, const auth::Principal* who = nullptr) {
    auto r = preview(db.conn(), who ? *who : officer, k, u.id, "tep.csv", bytes);
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return *r;
  }
  std::vector<Issue> all_issues(const Import& i) { return issues(db.conn(), i.id, 100000, 0); }

  testing::TestDb db;
  org::Unit city, committee, cell, other, commune, village;
  auth::Principal officer, commune_officer, leader;
};

const std::vector<std::string> kPeopleHeader{
    "Họ và tên", "Giới tính", "Năm sinh", "Mã đơn vị", "Ngày bắt đầu sinh hoạt", "Chức vụ", "Đảng viên", "Số CCCD"};

TEST_F(Imports, PeoplePreviewWritesNothingAndTheCommitWritesExactlyTheValidRows) {
  std::string file = csv({kPeopleHeader,
                          {"Hà Thị Lan", "Nữ", "1985", "CB-A1", "01/01/2020", "Bí thư chi bộ", "Có", "001085000001"},
                          {"Nông Văn Dũng", "Nam", "19x0", "", "", "", "", ""},
                          {"Lý Thị Mai", "nữ", "1990", "DB-B", "", "", "", ""},
                          {"Hoàng Văn Thào", "Nam", "1970", "", "31/02/2020", "", "", ""},
                          {"Triệu Văn An", "Nam", "1975", "", "", "", "", "001085000001"},
                          {"", "Nam", "1975", "", "", "", "", ""},
                          {"Vi Văn Bình", "Nam", "1979", "", "", "", "không", ""}});
  const auto persons_before = count("SELECT COUNT(*) FROM persons");
  auto p = previewed(Kind::kPeople, committee, file);
  EXPECT_EQ(p.data_rows, 7);
  EXPECT_EQ(p.valid_rows, 2);
  EXPECT_EQ(p.invalid_rows, 5);
  EXPECT_FALSE(p.committed);
  auto list = all_issues(p);
  EXPECT_TRUE(has_issue(list, 3, "\"19x0\" không phải năm sinh")) << dump(list);
  EXPECT_TRUE(has_issue(list, 4, "Đảng bộ xã B (DB-B) không thuộc Đảng bộ xã A")) << dump(list);
  EXPECT_TRUE(has_issue(list, 5, "\"31/02/2020\" không phải ngày hợp lệ")) << dump(list);
  EXPECT_TRUE(has_issue(list, 6, "Số CCCD 001085000001 trùng với dòng 2.")) << dump(list);
  EXPECT_TRUE(has_issue(list, 7, "Họ và tên không được để trống.")) << dump(list);
  EXPECT_EQ(list.front().column, "Năm sinh");
  // Nothing written by the preview; all or nothing refuses while a row is wrong.
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons"), persons_before);
  auto refused = commit(db.conn(), officer, p.id, CommitMode::kAllOrNothing);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalid);
  EXPECT_NE(refused.error().message.find("Tệp có 5 dòng lỗi nên chưa nhập dòng nào."), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons"), persons_before);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'import.commit'"), 0);
  // Only the valid rows: exactly the two, in their units, with their fields, searchable, audited once.
  auto done = commit(db.conn(), officer, p.id, CommitMode::kValidRowsOnly);
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_TRUE(done->committed);
  EXPECT_EQ(done->imported, 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons"), persons_before + 2);
  EXPECT_EQ(people_in(cell), 1);
  EXPECT_EQ(people_in(committee), 1);
  auto lan = db.conn().query_one(
      "SELECT p.gender, p.birth_year, p.is_party_member, p.id_number, m.valid_from, p.position FROM persons p JOIN "
      "memberships m ON m.person_id = p.id WHERE p.full_name = $1",
      {std::string("Hà Thị Lan")});
  ASSERT_TRUE(lan);
  EXPECT_EQ(lan->str(0), "nu");
  EXPECT_EQ(lan->i64(1), 1985);
  EXPECT_EQ(lan->i64(2), 1);
  EXPECT_EQ(lan->str(3), "001085000001");
  EXPECT_EQ(lan->str(4), "2020-01-01");
  EXPECT_EQ(lan->str(5), "Bí thư chi bộ");
  EXPECT_EQ(count("SELECT is_party_member FROM persons WHERE full_name = $1", {std::string("Vi Văn Bình")}), 0);
  auto hits = search::find(db.conn(), "ha thi lan", {committee.path}, 5);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].kind, "person");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'import.commit'"), 1);
  auto audit = nlohmann::json::parse(
      db.conn().query_one("SELECT after_json FROM audit_log WHERE action = 'import.commit'")->str(0));
  EXPECT_EQ(audit["imported"], 2);
  EXPECT_EQ(audit["invalid_rows"], 5);
  EXPECT_EQ(audit["mode"], "valid_rows_only");
  EXPECT_EQ(audit["kind"], "people");
  // Once only.
  auto again = commit(db.conn(), officer, p.id, CommitMode::kValidRowsOnly);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons"), persons_before + 2);
  // The same file again: the ID number is now taken in the database.
  auto second = previewed(Kind::kPeople, committee, file);
  EXPECT_TRUE(has_issue(all_issues(second), 2, "Số CCCD 001085000001 đã có trong danh sách nhân sự."))
      << dump(all_issues(second));
}

TEST_F(Imports, ACorpusOfBadFilesEachWithItsReasonAndLine) {
  testing::XlsxSpec formula;
  formula.shared = {"Họ và tên", "Năm sinh", "Hà Thị Lan"};
  formula.sheet_data =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\"><f>2026-41</f></c></row>";
  testing::XlsxSpec merged = formula;
  merged.sheet_data =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\"><v>1985</v></c></row>"
      "<row r=\"3\"><c r=\"B3\"><v>1986</v></c></row>";
  merged.after_sheet_data = "<mergeCells count=\"1\"><mergeCell ref=\"A2:A3\"/></mergeCells>";
  testing::XlsxSpec wrong_type = formula;
  wrong_type.sheet_data =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\"><v>1985.5</v></c></row>";
  // A sheet in UTF-16 whose DTD a search of the bytes for "<!DOCTYPE" did not see (issue 16): refused as a whole
  // file, before any entity is expanded.
  testing::XlsxSpec utf16_dtd = wrong_type;
  utf16_dtd.encoding = testing::XmlEncoding::kUtf16Le;
  utf16_dtd.doctype = "<!DOCTYPE worksheet [<!ENTITY ten \"Hà Thị Lan\">]>";
  std::string huge = "Họ và tên,Năm sinh\n";
  for (int i = 0; i < 100001; ++i) huge += "Người " + std::to_string(i) + ",1980\n";
  struct Case {
    std::string name, bytes;
    std::int64_t line;
    std::string expect;
  };
  std::vector<Case> cases{
      {"wrong type in a CSV", csv({{"Họ và tên", "Năm sinh"}, {"Hà Thị Lan", "năm 85"}}), 2,
       "\"năm 85\" không phải năm sinh"},
      {"wrong type in an xlsx", testing::xlsx_workbook(wrong_type), 2, "\"1985.5\" không phải năm sinh"},
      {"missing column", csv({{"Tên đệm", "Năm sinh"}, {"Lan", "1985"}}), 0,
       "Không tìm thấy dòng tiêu đề có cột \"Họ và tên\""},
      {"a column twice", csv({{"Họ và tên", "Họ tên"}, {"Lan", "Lan"}}), 0,
       "Cột \"Họ tên\" trùng với cột \"Họ và tên\"."},
      {"bad date", csv({{"Họ và tên", "Ngày bắt đầu sinh hoạt"}, {"Hà Thị Lan", "2020-13-01"}}), 2,
       "\"2020-13-01\" không phải ngày hợp lệ"},
      {"a date in the future", csv({{"Họ và tên", "Ngày bắt đầu sinh hoạt"}, {"Hà Thị Lan", "31/12/2030"}}), 2,
       "Ngày bắt đầu sinh hoạt không thể ở tương lai."},
      {"unknown unit", csv({{"Họ và tên", "Mã đơn vị"}, {"Hà Thị Lan", "CB-ZZ"}}), 2, "Không có đơn vị mã CB-ZZ."},
      {"formula without a result", testing::xlsx_workbook(formula), 2, "Ô B2 chứa công thức chưa có kết quả tính sẵn"},
      {"merged cells", testing::xlsx_workbook(merged), 2, "vùng ô gộp A2:A3"},
      {"a legacy .xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0'), 0,
       "Tệp .xls (Excel 97–2003)"},
      {"a UTF-16 sheet with a DTD", testing::xlsx_workbook(utf16_dtd), 0,
       "Tệp Excel có phần xl/worksheets/sheet1.xml chứa khai báo DTD"},
      {"a zip that is no workbook", testing::zip_package({{"word/document.xml", "<w:document/>"}}), 0,
       "Tệp không phải bảng tính Excel (.xlsx) hợp lệ"},
      {"a PDF (no zip, no text)", "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj", 0, "Tệp không phải văn bản UTF-8"},
      {"Windows-1258 text", "H\xF4 v\xE0 t\xEAn\r\nH\xE0 Th\xEF Lan\r\n", 0, "Tệp không phải văn bản UTF-8"},
      {"over the cap", huge, 0, "Tệp có quá 100.000 dòng dữ liệu; hãy chia thành nhiều tệp."},
      {"header only", csv({kPeopleHeader}), 0, "Tệp chỉ có dòng tiêu đề, chưa có dòng dữ liệu nào."},
      {"empty", "", 0, "Tệp không có dữ liệu nào."},
  };
  const auto persons_before = count("SELECT COUNT(*) FROM persons");
  for (const auto& k : cases) {
    auto r = preview(db.conn(), officer, Kind::kPeople, committee.id, "tep", k.bytes);
    if (k.name == "empty") {
      // An empty upload is a form error, not a preview.
      ASSERT_FALSE(r);
      EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
      continue;
    }
    ASSERT_TRUE(r) << k.name << ": " << r.error().message;
    auto list = all_issues(*r);
    EXPECT_TRUE(has_issue(list, k.line, k.expect)) << k.name << ":\n" << dump(list);
    EXPECT_EQ(r->file_error, k.line == 0) << k.name;
    auto c = commit(db.conn(), officer, r->id, CommitMode::kValidRowsOnly);
    EXPECT_FALSE(c) << k.name;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons"), persons_before);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'import.commit'"), 0);
}

TEST_F(Imports, UnitsWithParentsInTheFileDuplicatesAndTheSubtreeRule) {
  std::string file = csv({{"Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Mã đơn vị cấp trên", "Ngày thành lập"},
                          {"cb-a2", "Chi bộ thôn A2", "Chi bộ", "", "01/07/2025"},
                          {"CB-A2-1", "Tổ đảng 1", "chi_bo", "CB-A2", ""},
                          {"CB-A3", "Chi bộ thôn A3", "Hội đồng", "", ""},
                          {"CB-A4", "Chi bộ thôn A4", "Chi bộ", "CB-A3", ""},
                          {"CB-A1", "Chi bộ trùng", "Chi bộ", "", ""},
                          {"CB-A5", "Chi bộ thôn A5", "Chi bộ", "DB-B", ""},
                          {"CB-A2", "Chi bộ lặp", "Chi bộ", "", ""},
                          {"CB-A6", "Vòng 1", "Chi bộ", "CB-A7", ""},
                          {"CB-A7", "Vòng 2", "Chi bộ", "CB-A6", ""}});
  const auto units_before = count("SELECT COUNT(*) FROM units");
  auto p = previewed(Kind::kUnits, committee, file);
  auto list = all_issues(p);
  EXPECT_EQ(p.data_rows, 9);
  EXPECT_EQ(p.valid_rows, 2) << dump(list);
  EXPECT_TRUE(has_issue(list, 4, "\"Hội đồng\" không phải loại đơn vị")) << dump(list);
  EXPECT_TRUE(has_issue(list, 5, "Đơn vị cấp trên CB-A3 ở dòng 4 có lỗi")) << dump(list);
  EXPECT_TRUE(has_issue(list, 6, "Mã đơn vị CB-A1 đã được dùng cho Chi bộ thôn A1.")) << dump(list);
  EXPECT_TRUE(has_issue(list, 7, "Đảng bộ xã B (DB-B) không thuộc Đảng bộ xã A")) << dump(list);
  EXPECT_TRUE(has_issue(list, 8, "Mã đơn vị CB-A2 trùng với dòng 2.")) << dump(list);
  EXPECT_TRUE(has_issue(list, 9, "tạo thành vòng")) << dump(list);
  EXPECT_EQ(count("SELECT COUNT(*) FROM units"), units_before);
  // A leader may not create units; an officer of another committee may not import under this one.
  EXPECT_EQ(preview(db.conn(), leader, Kind::kUnits, committee.id, "x", file).error().code, ErrorCode::kForbidden);
  auto outsider = testing::principal_on(auth::Role::kPhuTrach, other);
  EXPECT_EQ(preview(db.conn(), outsider, Kind::kUnits, committee.id, "x", file).error().code, ErrorCode::kForbidden);
  // Another account cannot see or commit this preview.
  EXPECT_EQ(get_import(db.conn(), outsider, p.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(commit(db.conn(), outsider, p.id, CommitMode::kValidRowsOnly).error().code, ErrorCode::kNotFound);
  auto done = commit(db.conn(), officer, p.id, CommitMode::kValidRowsOnly);
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(count("SELECT COUNT(*) FROM units"), units_before + 2);
  auto a2 = org::find_unit_by_code(db.conn(), "CB-A2");
  auto a21 = org::find_unit_by_code(db.conn(), "CB-A2-1");
  ASSERT_TRUE(a2 && a21);
  EXPECT_EQ(a2->parent_id, committee.id);
  EXPECT_EQ(a2->valid_from, "2025-07-01");
  EXPECT_EQ(a2->path, committee.path + std::to_string(a2->id) + "/");
  EXPECT_EQ(a21->parent_id, a2->id);
  EXPECT_EQ(a21->depth, a2->depth + 1);
  EXPECT_EQ(a21->path, a2->path + std::to_string(a21->id) + "/");
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM audit_log WHERE action = 'unit.create' AND entity_id IN ($1, $2)", {a2->id, a21->id}),
      2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'import.commit'"), 1);
  // The new units are where the officer's grant reaches.
  EXPECT_TRUE(auth::allowed(officer, auth::Action::kEditUnit, {a21->path}));
}

TEST_F(Imports, HouseholdsGoThroughTheSamePreviewAndCommit) {
  std::string file = csv({{"Mã hộ", "Họ và tên chủ hộ", "Năm sinh chủ hộ", "Năm rà soát", "Kết quả rà soát"},
                          {"A1-01", "Hoàng Văn Thào", "1968", "2024", "Cận nghèo"},
                          {"A1-02", "Hà Thị Lan", "1970", "", ""},
                          {"A1-02", "Lặp lại", "1970", "", ""}});
  // Households need the village's rule (kEditHouseholds): the committee's officer has no grant on the village.
  EXPECT_EQ(preview(db.conn(), officer, Kind::kHouseholds, village.id, "x", file).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(preview(db.conn(), commune_officer, Kind::kHouseholds, commune.id, "x", file).error().code,
            ErrorCode::kInvalid);
  auto p = previewed(Kind::kHouseholds, village, file, &commune_officer);
  EXPECT_EQ(p.valid_rows, 2);
  EXPECT_EQ(p.invalid_rows, 1);
  EXPECT_TRUE(has_issue(all_issues(p), 4, "Mã hộ A1-02 trùng với dòng 3.")) << dump(all_issues(p));
  EXPECT_EQ(count("SELECT COUNT(*) FROM households"), 0);
  ASSERT_FALSE(commit(db.conn(), commune_officer, p.id, CommitMode::kAllOrNothing));
  EXPECT_EQ(count("SELECT COUNT(*) FROM households"), 0);
  ASSERT_TRUE(commit(db.conn(), commune_officer, p.id, CommitMode::kValidRowsOnly));
  EXPECT_EQ(count("SELECT COUNT(*) FROM households WHERE village_id = $1", {village.id}), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM household_statuses WHERE year = 2024 AND status = 'can_ngheo'"), 1);
}

TEST_F(Imports, AHundredThousandPeopleInOneCsv) {
  std::string file = "Họ và tên,Giới tính,Năm sinh,Mã đơn vị,Chức vụ\n";
  file.reserve(100000 * 48);
  for (int i = 0; i < 100000; ++i)
    file += "Nguyễn Văn Người" + std::to_string(i) + (i % 2 ? ",Nam," : ",Nữ,") + std::to_string(1950 + i % 50) +
            (i % 4 ? ",CB-A1" : ",DB-A") + ",Đảng viên\n";
  auto p = previewed(Kind::kPeople, committee, file);
  ASSERT_EQ(p.data_rows, 100000);
  ASSERT_EQ(p.valid_rows, 100000) << dump(issues(db.conn(), p.id, 10, 0));
  EXPECT_EQ(p.invalid_rows, 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons"), 0);
  auto done = commit(db.conn(), officer, p.id, CommitMode::kAllOrNothing);
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(done->imported, 100000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons"), 100000);
  EXPECT_EQ(people_in(cell), 75000);
  EXPECT_EQ(people_in(committee), 25000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM search_items WHERE kind = 'person'"), 100000);
  auto hits = search::find(db.conn(), "nguoi99999", {committee.path}, 5);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].title, "Nguyễn Văn Người99999");
  // A person made by hand afterwards gets a fresh id (the sequence moved past the imported ids).
  EXPECT_GT(testing::make_member(db.conn(), "Người sau", cell.id),
            count("SELECT MAX(id) FROM persons WHERE full_name LIKE 'Nguyễn%'"));
}

TEST_F(Imports, SensitiveColumnsOnlyForThoseWhoMayWriteThem) {
  // The planner is told whether the uploader may write sensitive fields (D4); officers may, so the refusal is
  // checked on the plan itself.
  Table t = read_table(csv({{"Họ và tên", "Dân tộc", "Số CCCD"}, {"Hà Thị Lan", "Tày", ""}, {"Vi Văn Bình", "", ""}}));
  PeopleContext ctx;
  ctx.root = KnownUnit{committee.id, committee.code, committee.name, committee.kind, committee.path, true};
  ctx.today = "2026-01-01";
  ctx.sensitive_allowed = false;
  auto refused = plan_people(t, ctx);
  ASSERT_EQ(refused.issues.size(), 1u);
  EXPECT_EQ(refused.issues[0].line, 2u);
  EXPECT_EQ(refused.issues[0].column, "Dân tộc");
  EXPECT_EQ(refused.issues[0].message, "Bạn không có quyền ghi dữ liệu cá nhân nhạy cảm; hãy để trống cột này.");
  EXPECT_EQ(refused.rows.size(), 1u);  // the row without a sensitive value is fine
  ctx.sensitive_allowed = true;
  auto allowed = plan_people(t, ctx);
  EXPECT_TRUE(allowed.issues.empty());
  ASSERT_EQ(allowed.rows.size(), 2u);
  EXPECT_EQ(*allowed.rows[0].input.ethnicity, "Tày");
  EXPECT_TRUE(auth::allowed(officer, auth::Action::kViewPersonSensitive, {committee.path}));
}

// ---- the pages and the API, on the demo

class ImportsDemo : public testing::DemoSuite<ImportsDemo> {
 protected:
  static org::Unit unit(const std::string& code) { return *org::find_unit_by_code(c(), code); }
  static std::string id_of(const std::string& code) { return std::to_string(unit(code).id); }
  static std::string import_id(const http::Response& r) {
    auto loc = r.header_value("Location");
    return loc.substr(loc.rfind('/') + 1);
  }
};

TEST_F(ImportsDemo, UploadPreviewPaginatedIssuesAndCommitThroughThePages) {
  auto officer = app_->browser_for("nongthuong");
  const std::string unit_path = "/units/" + id_of("DB-NONGTHUONG") + "/imports";
  auto form = app_->get(unit_path, &officer);
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("/imports/templates/people.xlsx"), std::string::npos);
  std::string file = "Họ và tên,Năm sinh\n";
  for (int i = 0; i < 60; ++i) file += "Người " + std::to_string(i) + ",19x" + std::to_string(i % 10) + "\n";
  file += "Đàm Thị Hợp,1988\n";
  // Without the CSRF token the upload is refused and nothing is stored.
  auto before = c().scalar("SELECT COUNT(*) FROM imports");
  EXPECT_EQ(
      app_->post_multipart(unit_path, {{"kind", "people"}}, {{"file", "nguoi.csv", "text/csv", file}}, &officer, false)
          .status,
      403);
  EXPECT_EQ(c().scalar("SELECT COUNT(*) FROM imports"), before);
  auto up = app_->post_multipart(unit_path, {{"kind", "people"}}, {{"file", "nguoi.csv", "text/csv", file}}, &officer);
  ASSERT_EQ(up.status, 303) << up.body;
  const std::string preview_path = "/imports/" + import_id(up);
  auto page = app_->get(preview_path, &officer);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("id=\"invalid-rows\">60<"), std::string::npos);
  EXPECT_NE(page.body.find("id=\"valid-rows\">1<"), std::string::npos);
  EXPECT_NE(page.body.find("Nhập 1 dòng hợp lệ"), std::string::npos);
  EXPECT_NE(page.body.find("<td>2</td><td>Năm sinh</td><td>&quot;19x0&quot; không phải năm sinh"), std::string::npos);
  EXPECT_EQ(page.body.find("<td>61</td>"), std::string::npos);  // on page 2
  auto page2 = app_->get(preview_path + "?page=2", &officer);
  EXPECT_NE(page2.body.find("<td>61</td><td>Năm sinh</td>"), std::string::npos);
  // Someone else's preview is not found; the cell's officer cannot import into the commune's committee.
  auto cell_officer = app_->browser_for("khuoicuong");
  EXPECT_EQ(app_->get(preview_path, &cell_officer).status, 404);
  EXPECT_EQ(
      app_->post_multipart(unit_path, {{"kind", "people"}}, {{"file", "nguoi.csv", "text/csv", file}}, &cell_officer)
          .status,
      403);
  EXPECT_EQ(app_->get(unit_path, &cell_officer).status, 403);
  // All or nothing by default: 422 and nothing written; then the valid row only.
  auto members = c().scalar("SELECT COUNT(*) FROM persons");
  EXPECT_EQ(app_->post(preview_path + "/commit", "", &officer, false).status, 403);
  auto refused = app_->post(preview_path + "/commit", "", &officer);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("Tệp có 60 dòng lỗi nên chưa nhập dòng nào."), std::string::npos);
  EXPECT_EQ(c().scalar("SELECT COUNT(*) FROM persons"), members);
  auto done = app_->post(preview_path + "/commit", "valid_only=1", &officer);
  ASSERT_EQ(done.status, 303);
  EXPECT_EQ(c().scalar("SELECT COUNT(*) FROM persons"), members + 1);
  auto after = app_->get(preview_path, &officer);
  EXPECT_NE(after.body.find("Đã nhập 1 người"), std::string::npos);
  EXPECT_EQ(after.body.find("/commit\""), std::string::npos);  // no second commit button
  EXPECT_EQ(app_->post(preview_path + "/commit", "valid_only=1", &officer).status, 409);
}

TEST_F(ImportsDemo, TheCommitShowsItsProgressToTheUploader) {
  auto officer = app_->browser_for("nongthuong");
  const std::string unit_path = "/units/" + id_of("DB-NONGTHUONG") + "/imports";
  auto up = app_->post_multipart(unit_path, {{"kind", "people"}},
                                 {{"file", "nguoi.csv", "text/csv", "Họ và tên,Năm sinh\nLý Thị Mai,1990\n"}}, &officer);
  ASSERT_EQ(up.status, 303) << up.body;
  const std::string id = import_id(up);
  auto page = app_->get("/imports/" + id, &officer);
  // The preview polls the progress once its form is submitted.
  EXPECT_NE(page.body.find("hx-get=\"/imports/" + id + "/progress\" hx-trigger=\"htmx:beforeRequest from:#import-commit-form delay"),
            std::string::npos);
  auto waiting = app_->get("/imports/" + id + "/progress", &officer);
  EXPECT_EQ(waiting.status, 200);
  EXPECT_NE(waiting.body.find("Đang xử lý…"), std::string::npos);
  {
    // What a poll sees while the commit is in its second stage (the stage the store sets, by its key).
    progress::Scope job("import:" + id);
    job.stage("Đang ghi 1 dòng vào cơ sở dữ liệu", 2, 3);
    auto running = app_->get("/imports/" + id + "/progress", &officer);
    EXPECT_NE(running.body.find("Bước 2/3: Đang ghi 1 dòng vào cơ sở dữ liệu…"), std::string::npos) << running.body;
    EXPECT_NE(running.body.find("<progress class=\"w-100\" max=\"3\" value=\"2\">"), std::string::npos);
    EXPECT_NE(running.body.find("hx-trigger=\"load delay:1s\""), std::string::npos);  // and polls again
    EXPECT_EQ(app_->get("/imports/" + id + "/progress", nullptr).status == 200, false);  // not for the logged out
    auto other = app_->browser_for("khuoicuong");
    EXPECT_EQ(app_->get("/imports/" + id + "/progress", &other).status, 404);
  }
  // The page's form posts through htmx: the answer sends the browser to the result.
  http::Request req;
  req.method = "POST";
  req.path = "/imports/" + id + "/commit";
  req.remote_ip = "127.0.0.1";
  req.headers["content-type"] = "application/x-www-form-urlencoded";
  req.headers["cookie"] = officer.cookie;
  req.headers["hx-request"] = "true";
  req.body = "_csrf=" + officer.csrf;
  auto hx = app_->app().handle(req);
  ASSERT_EQ(hx.status, 200) << hx.body;
  EXPECT_EQ(hx.header_value("HX-Redirect"), "/imports/" + id + "?msg=committed");
  EXPECT_FALSE(progress::get("import:" + id));  // the commit's own stages are gone once it answered
  auto done = app_->get("/imports/" + id + "/progress", &officer);
  EXPECT_NE(done.body.find("Đã nhập xong."), std::string::npos);
  EXPECT_EQ(done.body.find("hx-get"), std::string::npos);  // polling stops
}

TEST_F(ImportsDemo, TemplatesAsXlsxWithAGuideAndAsCsv) {
  auto officer = app_->browser_for("nongthuong");
  for (const std::string kind : {"units", "people", "households"}) {
    auto x = app_->get("/imports/templates/" + kind + ".xlsx", &officer);
    ASSERT_EQ(x.status, 200) << kind;
    auto names = xlsx::sheet_names(x.body);
    ASSERT_TRUE(names) << kind;
    EXPECT_EQ(*names, (std::vector<std::string>{"Mẫu", "Hướng dẫn"})) << kind;
    auto sheet = xlsx::read(x.body);
    ASSERT_TRUE(sheet);
    ASSERT_EQ(sheet->rows.size(), 2u);  // the header and one example
    xlsx::ReadOptions guide_sheet;
    guide_sheet.sheet = "Hướng dẫn";
    auto guide = xlsx::read(x.body, guide_sheet);
    ASSERT_TRUE(guide);
    EXPECT_EQ(guide->rows[0].cells[0], "Cột");
    auto csvt = app_->get("/imports/templates/" + kind + ".csv", &officer);
    ASSERT_EQ(csvt.status, 200);
    EXPECT_EQ(csvt.body.substr(0, 3), "\xEF\xBB\xBF");
  }
  auto people = xlsx::read(app_->get("/imports/templates/people.xlsx", &officer).body);
  EXPECT_EQ(people->rows[0].cells[0], "Họ và tên");
  EXPECT_EQ(app_->get("/imports/templates/votes.xlsx", &officer).status, 404);
  // The example row of the template is a valid import of its own.
  auto t = app_->get("/imports/templates/people.xlsx", &officer).body;
  auto r = preview(c(), *org::principal_of(c(), "nongthuong"), Kind::kPeople, unit("DB-NONGTHUONG").id, "mau.xlsx", t);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->valid_rows, 1) << dump(issues(c(), r->id, 10, 0));
}

TEST_F(ImportsDemo, TheApiPreviewsReadsAndCommits) {
  auto token = app_->token_for("nongthuong");
  std::string boundary = "ct05boundary";
  auto body = [&](const std::string& kind, const std::string& unit_field, const std::string& file) {
    std::string b;
    b += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n";
    b += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"unit\"\r\n\r\n" + unit_field + "\r\n";
    b += "--" + boundary +
         "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"don-vi.csv\"\r\n"
         "Content-Type: text/csv\r\n\r\n" +
         file + "\r\n";
    b += "--" + boundary + "--\r\n";
    return b;
  };
  std::string file = "Mã đơn vị,Tên đơn vị,Loại đơn vị\nCB-NAMOI,Chi bộ thôn Nà Mới,Chi bộ\nCB-SAI,,Chi bộ\n";
  auto r = app_->api_raw("POST", "/api/v1/imports", token, "multipart/form-data; boundary=" + boundary,
                         body("units", "DB-NONGTHUONG", file));
  ASSERT_EQ(r.status, 201) << r.body;
  auto j = nlohmann::json::parse(r.body);
  EXPECT_EQ(j["status"], "pending");
  EXPECT_EQ(j["valid_rows"], 1);
  EXPECT_EQ(j["invalid_rows"], 1);
  EXPECT_EQ(j["issues"][0]["line"], 3);
  EXPECT_EQ(j["issues"][0]["column"], "Tên đơn vị");
  std::string id = std::to_string(j["id"].get<std::int64_t>());
  EXPECT_EQ(app_->api("GET", "/api/v1/imports/" + id, token).status, 200);
  EXPECT_EQ(app_->api("GET", "/api/v1/imports/" + id, app_->token_for("khuoicuong")).status, 404);
  // A leader may not import units; nor may the cell's officer into the commune's committee.
  EXPECT_EQ(app_->api_raw("POST", "/api/v1/imports", app_->token_for("lanhdao"),
                          "multipart/form-data; boundary=" + boundary, body("units", "DB-NONGTHUONG", file))
                .status,
            403);
  EXPECT_EQ(app_->api_raw("POST", "/api/v1/imports", token, "multipart/form-data; boundary=" + boundary,
                          body("votes", "DB-NONGTHUONG", file))
                .status,
            422);
  auto refused = app_->api("POST", "/api/v1/imports/" + id + "/commit", token);
  EXPECT_EQ(refused.status, 422);
  EXPECT_FALSE(org::find_unit_by_code(c(), "CB-NAMOI"));
  auto ok = app_->api("POST", "/api/v1/imports/" + id + "/commit", token, R"({"valid_rows_only": true})");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(nlohmann::json::parse(ok.body)["imported"], 1);
  auto made = org::find_unit_by_code(c(), "CB-NAMOI");
  ASSERT_TRUE(made);
  EXPECT_EQ(made->parent_id, unit("DB-NONGTHUONG").id);
  EXPECT_EQ(app_->api("POST", "/api/v1/imports/" + id + "/commit", token, R"({"valid_rows_only": true})").status, 409);
}

TEST_F(ImportsDemo, AnUploadedWorkbookWithADtdInUtf16IsRefusedOnThePreview) {
  // The issue's attack: entities ten levels deep in a UTF-16 sheet took 1–2 GB and ended in a 500. Now the preview
  // names the part and what to do, and nothing is expanded.
  std::string dtd = "<!DOCTYPE worksheet [<!ENTITY l0 \"Khuổi Cuồng \">";
  for (int i = 1; i <= 10; ++i) {
    dtd += "<!ENTITY l" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) dtd += "&l" + std::to_string(i - 1) + ";";
    dtd += "\">";
  }
  testing::XlsxSpec spec;
  spec.encoding = testing::XmlEncoding::kUtf16Be;
  spec.bom = testing::Bom::kWith;
  spec.doctype = dtd + "]>";
  spec.shared = {"Họ và tên"};
  spec.sheet_data =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>&l10;</t></is></c></row>";
  auto officer = app_->browser_for("nongthuong");
  auto up = app_->post_multipart("/units/" + id_of("DB-NONGTHUONG") + "/imports", {{"kind", "people"}},
                                 {{"file", "nguoi.xlsx", "application/octet-stream", testing::xlsx_workbook(spec)}},
                                 &officer);
  ASSERT_EQ(up.status, 303) << up.body;
  auto page = app_->get("/imports/" + import_id(up), &officer);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Tệp Excel có phần xl/worksheets/sheet1.xml chứa khai báo DTD"), std::string::npos);
  EXPECT_EQ(page.body.find("Khuổi Cuồng Khuổi Cuồng"), std::string::npos);
}

TEST_F(ImportsDemo, TheVillagePagesImportFormGoesToThePreview) {
  auto officer = app_->browser_for("nongthuong");
  auto page = app_->get("/units/" + id_of("THON-KHUOICUONG") + "/households/import", &officer);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("action=\"/units/" + id_of("THON-KHUOICUONG") + "/imports\""), std::string::npos);
  EXPECT_NE(page.body.find("name=\"kind\" value=\"households\""), std::string::npos);
  auto up = app_->post_multipart("/units/" + id_of("THON-KHUOICUONG") + "/imports", {{"kind", "households"}},
                                 {{"file", "ho.csv", "text/csv", "Mã hộ,Chủ hộ\nKC-01,Trùng mã\nKC-901,Hà Văn Mới\n"}},
                                 &officer);
  ASSERT_EQ(up.status, 303) << up.body;
  auto preview_page = app_->get("/imports/" + import_id(up), &officer);
  EXPECT_NE(preview_page.body.find("Mã hộ KC-01 đã có trong thôn"), std::string::npos);
  EXPECT_NE(preview_page.body.find("Nhập 1 dòng hợp lệ"), std::string::npos);
}

}  // namespace
}  // namespace ct05::imports
