// Villages on both engines. On a tree built here: rollups over any subtree (village, commune, ward, city) for a
// year, households counted as at the year's end, the statuses (classified by the standard, decided by the
// commune, both kept), the permission rule and the audit log; the import with a corpus of bad files (nothing
// written unless asked); criteria sets, assessments with ct05's figures and recognition decisions. On the demo:
// Khuổi Cuồng's 58 households, 0 poor and 2 near-poor in 2020, through the store, the pages and
// /api/v1/indicators; what a leader may and may not see.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "modules/org/storage/unit_store.hpp"
#include "modules/villages/storage/assessment_store.hpp"
#include "modules/villages/storage/household_store.hpp"
#include "platform/csv/csv_reader.hpp"
#include "platform/files/file_store.hpp"
#include "support/http_client.hpp"
#include "support/test_db.hpp"
#include "support/xlsx_fixture.hpp"

namespace ct05::villages {
namespace {

// ---- a tree of our own: city → commune (2 villages) and ward (1 group), each with an officer

class Villages : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& c = db.conn();
    auto unit = [&](const char* code, const char* name, const char* kind, std::int64_t parent) {
      org::UnitInput in;
      in.code = code;
      in.name = name;
      in.kind = kind;
      in.parent_id = parent;
      in.valid_from = "2016-01-01";
      auto r = parent ? org::create_unit(c, sys, in) : org::create_root_unit(c, sys, in);
      EXPECT_TRUE(r) << (r ? "" : r.error().message);
      return *r;
    };
    city = unit("TP-X", "Thành phố X", "thanh_uy", 0);
    commune = unit("XA-A", "Xã A", "xa_phuong", city.id);
    v1 = unit("THON-A1", "Thôn A1", "thon", commune.id);
    v2 = unit("THON-A2", "Thôn A2", "thon", commune.id);
    ward = unit("XA-B", "Phường B", "xa_phuong", city.id);
    g1 = unit("THON-B1", "Tổ dân phố 1", "thon", ward.id);
    cell = unit("CB-A1", "Chi bộ thôn A1", "chi_bo", city.id);
    commune_officer = principal(auth::Role::kPhuTrach, commune);
    ward_officer = principal(auth::Role::kPhuTrach, ward);
    cell_officer = principal(auth::Role::kPhuTrach, cell);
    leader = principal(auth::Role::kLanhDao, city);
    member = principal(auth::Role::kDangVien, commune);
    admin = principal(auth::Role::kQuanTri, city);
  }
  auth::Principal principal(auth::Role role, const org::Unit& u) {
    auth::Principal p;
    p.user_id = ++next_user;
    p.login = "u" + std::to_string(p.user_id);
    p.display_name = "Cán bộ " + std::to_string(p.user_id);
    p.grants.push_back({role, u.id, u.path, u.name});
    return p;
  }
  HouseholdInput input(const org::Unit& v, const std::string& code, const std::string& head,
                       const std::string& registered = "2016-05-15") {
    HouseholdInput in;
    in.village_id = v.id;
    in.code = code;
    in.head_name = head;
    in.ethnicity = "Tày";
    in.registered_on = registered;
    return in;
  }
  Household add(const org::Unit& v, const std::string& code, const std::string& head,
                const std::string& registered = "2016-05-15") {
    auto h = create_household(db.conn(), sys, input(v, code, head, registered));
    EXPECT_TRUE(h) << (h ? "" : h.error().message);
    return *h;
  }
  void decide(const Household& h, int year, PovertyStatus s) {
    auto r = decide_status(db.conn(), sys, h.id, year, s, "Quyết định của xã");
    ASSERT_TRUE(r) << r.error().message;
  }
  std::int64_t households_in(const org::Unit& v) {
    return db.conn().scalar("SELECT COUNT(*) FROM households WHERE village_id = $1", {v.id});
  }
  std::int64_t audits(const std::string& action) {
    return db.conn().scalar("SELECT COUNT(*) FROM audit_log WHERE action = $1", {action});
  }

  testing::TestDb db;
  auth::Principal sys = auth::system_principal();
  org::Unit city, commune, v1, v2, ward, g1, cell;
  auth::Principal commune_officer, ward_officer, cell_officer, leader, member, admin;
  std::int64_t next_user = 1000;
};

TEST_F(Villages, TheNationalStandardsAreThereFromTheStart) {
  auto all = list_standards(db.conn());
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].code, "ND-07-2021");
  EXPECT_EQ(all[0].indicators.size(), 12u);
  EXPECT_EQ(all[0].indicators[0].code, "viec_lam");
  EXPECT_EQ(all[1].rural_line, 2'200'000);
  EXPECT_EQ(all[1].urban_line, 2'800'000);
  ensure_national_standards(db.conn());  // a restart changes nothing
  EXPECT_EQ(list_standards(db.conn()).size(), 2u);
}

TEST_F(Villages, RollupsOverAnySubtreeAsAtTheYearsEnd) {
  auto a = add(v1, "A1-01", "Hoàng Văn Thào");
  auto b = add(v1, "A1-02", "Nông Thị Mai");
  auto c2 = add(v1, "A1-03", "Lường Văn Tủa");
  auto d = add(v2, "A2-01", "Ma Thị Slao");
  auto late = add(v2, "A2-02", "Hà Văn Pằn", "2021-02-01");  // not there at the end of 2020
  auto e = add(g1, "B1-01", "Nguyễn Văn An");
  decide(a, 2020, PovertyStatus::kPoor);
  decide(b, 2020, PovertyStatus::kNearPoor);
  decide(c2, 2020, PovertyStatus::kLeftPoverty);
  decide(d, 2020, PovertyStatus::kNearPoor);
  decide(e, 2020, PovertyStatus::kPoor);
  auto& c = db.conn();
  auto f1 = subtree_figures(c, v1.path, 2020, true);
  EXPECT_EQ(f1.households, 3);
  EXPECT_EQ(f1.poor, 1);
  EXPECT_EQ(f1.near_poor, 1);
  EXPECT_EQ(f1.left_poverty, 1);
  EXPECT_EQ(f1.recorded, 3);
  EXPECT_EQ(f1.villages, 1);
  auto fa = subtree_figures(c, commune.path, 2020, true);
  EXPECT_EQ(fa.households, 4);
  EXPECT_EQ(fa.poor, 1);
  EXPECT_EQ(fa.near_poor, 2);
  EXPECT_EQ(fa.villages, 2);
  auto fcity = subtree_figures(c, city.path, 2020, true);
  EXPECT_EQ(fcity.households, 5);
  EXPECT_EQ(fcity.poor, 2);
  EXPECT_EQ(fcity.near_poor, 2);
  EXPECT_EQ(fcity.villages, 3);
  // In 2021 the late household counts, nothing was reviewed yet, and a household that left in 2021 does not count.
  HouseholdInput moved;
  moved.ended_on = "2021-06-30";
  moved.ended_reason = "Chuyển đến xã khác";
  ASSERT_TRUE(update_household(c, commune_officer, d.id, moved));
  auto f21 = subtree_figures(c, commune.path, 2021, false);
  EXPECT_EQ(f21.households, 4);  // a, b, c2, late
  EXPECT_EQ(f21.recorded, 0);
  EXPECT_EQ(subtree_figures(c, commune.path, 2020, false).households, 4);  // d was still there at the end of 2020
  // A cell's subtree holds no village: nothing.
  EXPECT_EQ(subtree_figures(c, cell.path, 2020, true).households, 0);
  (void)late;
  EXPECT_EQ(status_years(c, city.path), (std::vector<int>{2020}));
}

TEST_F(Villages, WardsDefaultToTheUrbanLine) {
  auto& c = db.conn();
  EXPECT_EQ(default_area(c, g1), Area::kUrban);
  EXPECT_EQ(default_area(c, v1), Area::kRural);
  EXPECT_EQ(add(g1, "B1-09", "Đặng Văn Hải").area, Area::kUrban);
  // 1.800.000 đ with 3 lacking: poor in the ward (line 2.000.000), not poor in the commune (1.500.000).
  auto urban = add(g1, "B1-10", "Lưu Thị Hằng");
  auto rural = add(v1, "A1-10", "Lục Văn Sinh");
  Answers answers{1'800'000, {"bao_hiem_y_te", "nha_tieu", "vien_thong"}};
  EXPECT_EQ(classify_household(c, ward_officer, urban.id, 2023, answers)->status, PovertyStatus::kPoor);
  EXPECT_EQ(classify_household(c, commune_officer, rural.id, 2023, answers)->status, PovertyStatus::kNone);
}

TEST_F(Villages, ClassificationAndDecisionAreBothKept) {
  auto& c = db.conn();
  auto h = add(v1, "A1-01", "Hoàng Văn Thào");
  // 2020 is before Nghị định 07/2021/NĐ-CP: classification is refused, the commune's decision is recorded.
  auto refused = classify_household(c, commune_officer, h.id, 2020, Answers{1'000'000, {}});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(refused.error().fields.at(0).message, no_standard_message(2020));
  ASSERT_TRUE(decide_status(c, commune_officer, h.id, 2021, PovertyStatus::kPoor, "QĐ 12/QĐ-UBND"));
  // 2022: exactly the line with 3 lacking is poor.
  auto at_line = classify_household(c, commune_officer, h.id, 2022,
                                    Answers{1'500'000, {"nha_tieu", "bao_hiem_y_te", "chat_luong_nha"}});
  ASSERT_TRUE(at_line) << at_line.error().message;
  EXPECT_EQ(at_line->status, PovertyStatus::kPoor);
  EXPECT_EQ(at_line->computed, PovertyStatus::kPoor);
  EXPECT_FALSE(at_line->decided);
  EXPECT_EQ(at_line->standard_name, "Chuẩn nghèo đa chiều giai đoạn 2022–2026");
  EXPECT_EQ(at_line->lacking, (std::vector<std::string>{"bao_hiem_y_te", "chat_luong_nha", "nha_tieu"}));
  // 2023: one đồng above the line, after a poor 2022: left poverty.
  auto above = classify_household(c, commune_officer, h.id, 2023, Answers{1'500'001, {"nha_tieu"}});
  ASSERT_TRUE(above);
  EXPECT_EQ(above->status, PovertyStatus::kLeftPoverty);
  // The commune decides 2023 otherwise: the decision is in force, the classification stays beside it.
  auto decided = decide_status(c, commune_officer, h.id, 2023, PovertyStatus::kNearPoor, "Rà soát bổ sung");
  ASSERT_TRUE(decided);
  EXPECT_EQ(decided->status, PovertyStatus::kNearPoor);
  EXPECT_EQ(decided->computed, PovertyStatus::kLeftPoverty);
  EXPECT_EQ(*decided->income, 1'500'001);
  // Withdrawing the decision puts the classification back in force.
  auto withdrawn = decide_status(c, commune_officer, h.id, 2023, std::nullopt, "");
  ASSERT_TRUE(withdrawn);
  EXPECT_EQ(withdrawn->status, PovertyStatus::kLeftPoverty);
  EXPECT_FALSE(withdrawn->decided);
  // 2022 reclassified as near-poor: 2023 is no longer "left poverty" (the next year follows).
  ASSERT_TRUE(classify_household(c, commune_officer, h.id, 2022, Answers{1'400'000, {"nha_tieu"}}));
  EXPECT_EQ(status_of(c, h.id, 2023)->status, PovertyStatus::kNone);
  EXPECT_EQ(statuses_of(c, h.id).size(), 3u);
  EXPECT_EQ(audits("household.classify"), 3);
  EXPECT_EQ(audits("household.reclassify"), 1);  // 2023, because 2022 changed
  EXPECT_EQ(audits("household.decide"), 3);
}

TEST_F(Villages, StatusesOutsideTheHouseholdsYearsAreRefused) {
  auto& c = db.conn();
  auto h = add(v1, "A1-01", "Hoàng Văn Thào", "2021-03-01");
  auto before = decide_status(c, commune_officer, h.id, 2020, PovertyStatus::kPoor, "");
  ASSERT_FALSE(before);
  EXPECT_EQ(before.error().fields.at(0).field, "year");
  HouseholdInput ended;
  ended.ended_on = "2023-01-10";
  ASSERT_TRUE(update_household(c, commune_officer, h.id, ended));
  EXPECT_TRUE(decide_status(c, commune_officer, h.id, 2022, PovertyStatus::kNone, ""));
  EXPECT_FALSE(decide_status(c, commune_officer, h.id, 2023, PovertyStatus::kNone, ""));
}

TEST_F(Villages, PermissionsFollowTheTree) {
  auto& c = db.conn();
  // Only officers of the village's subtree keep households; a cell's officer, a leader and a member do not.
  EXPECT_TRUE(create_household(c, commune_officer, input(v1, "A1-01", "Hoàng Văn Thào")));
  for (const auto* who : {&ward_officer, &cell_officer, &leader, &member}) {
    auto r = create_household(c, *who, input(v1, "A1-02", "Nông Thị Mai"));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kForbidden);
  }
  auto h = *find_household(c, c.scalar("SELECT id FROM households WHERE code = 'A1-01'"));
  EXPECT_TRUE(get_household(c, commune_officer, h.id));
  EXPECT_TRUE(get_household(c, admin, h.id));
  for (const auto* who : {&ward_officer, &cell_officer, &leader, &member})
    EXPECT_EQ(get_household(c, *who, h.id).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(decide_status(c, leader, h.id, 2020, PovertyStatus::kPoor, "").error().code, ErrorCode::kForbidden);
  // Permission before validation: a refused caller learns nothing about the input (D5).
  HouseholdInput nonsense;
  nonsense.code = "??";
  EXPECT_EQ(update_household(c, leader, h.id, nonsense).error().code, ErrorCode::kForbidden);
  // Households belong to villages only.
  auto wrong = create_household(c, commune_officer, input(commune, "X-01", "Hoàng Văn A"));
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().fields.at(0).field, "village_id");
  // Criteria and standards are the admin's.
  EXPECT_EQ(create_set(c, commune_officer, CriteriaSetInput{}).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(save_standard(c, commune_officer, national_standards().front()).error().code, ErrorCode::kForbidden);
}

TEST_F(Villages, HouseholdsAreValidatedAndCodesAreUniqueInAVillage) {
  auto& c = db.conn();
  add(v1, "A1-01", "Hoàng Văn Thào");
  auto dup = create_household(c, commune_officer, input(v1, "a1-01", "Nông Văn B"));
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().fields.at(0).message, "Mã hộ A1-01 đã có trong thôn.");
  EXPECT_TRUE(create_household(c, commune_officer, input(v2, "A1-01", "Nông Văn B")));  // another village
  auto in = input(v1, "", "");
  in.members = std::vector<Member>{{"", "Con", 2030, ""}};
  auto bad = create_household(c, commune_officer, in);
  ASSERT_FALSE(bad);
  EXPECT_GE(bad.error().fields.size(), 3u);
  // Members are replaced as a whole, search finds them without diacritics.
  auto h = add(v1, "A1-02", "Lường Thị Thời");
  HouseholdInput m;
  m.members = std::vector<Member>{{"Hoàng Văn Đức", "Chồng", 1965, "nam"}, {"Hoàng Thị Mỷ", "Con", 1992, "nu"}};
  auto updated = update_household(c, commune_officer, h.id, m);
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->members.size(), 2u);
  HouseholdFilter f;
  f.year = 2020;
  f.query = "hoang van duc";
  auto found = list_households(c, v1.id, f, 10, 0);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].code, "A1-02");
  EXPECT_EQ(found[0].size, 3);
  EXPECT_EQ(count_households(c, v1.id, f), 1);
  EXPECT_EQ(audits("household.update"), 1);
}

// ---- import

std::string csv(const std::vector<std::vector<std::string>>& rows, bool bom = false) {
  std::string out = bom ? "\xEF\xBB\xBF" : "";
  for (const auto& r : rows) out += csv::format_row(r) + "\r\n";
  return out;
}

const std::vector<std::string> kHeader{"Mã hộ",           "Họ và tên chủ hộ", "Năm sinh chủ hộ", "Dân tộc",
                                       "Ngày đăng ký hộ", "Thành viên khác",  "Năm rà soát",     "Kết quả rà soát"};

TEST_F(Villages, ImportAGoodCsvWithABomAndItsDecidedStatuses) {
  auto& c = db.conn();
  auto file =
      csv({kHeader,
           {"A1-01", "Hoàng Văn Thào", "1968", "Tày", "15/05/2016", "Nông Thị Hoa (vợ, 1970)", "2020", "Cận nghèo"},
           {"A1-02", "Lường Thị Thời", "1968", "Tày", "2016-05-15", "", "2020", "Không"}},
          true);
  auto r = import_households(c, commune_officer, v1.id, file, ImportMode::kAllOrNothing);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->format, "csv");
  EXPECT_TRUE(r->plan.issues.empty()) << r->plan.issues.at(0).message;
  EXPECT_EQ(r->imported, 2u);
  EXPECT_EQ(households_in(v1), 2);
  auto f = subtree_figures(c, v1.path, 2020, false);
  EXPECT_EQ(f.near_poor, 1);
  EXPECT_EQ(f.recorded, 2);
  auto h = *find_household(c, c.scalar("SELECT id FROM households WHERE code = 'A1-01'"));
  EXPECT_EQ(h.members.size(), 1u);
  EXPECT_EQ(h.registered_on, "2016-05-15");
  EXPECT_EQ(audits("household.import"), 1);
  EXPECT_EQ(audits("household.create"), 2);
}

TEST_F(Villages, NothingIsWrittenWhenARowIsBadUnlessAsked) {
  auto& c = db.conn();
  add(v1, "A1-09", "Ma Văn Sơn");
  auto file = csv({kHeader,
                   {"A1-01", "Hoàng Văn Thào", "1968", "Tày", "15/05/2016", "", "", ""},
                   {"A1-02", "", "abc", "Tày", "31/02/2016", "", "", ""},       // no name, wrong type, bad date
                   {"A1-01", "Nông Văn Bình", "", "", "", "", "", ""},          // duplicate of line 2
                   {"A1-09", "Ma Văn Sơn", "", "", "", "", "", ""},             // already in the village
                   {"A1-05", "Hà Thị Lan", "", "", "", "", "2020", "khá giả"},  // unknown status
                   {"A1-06", "Triệu Văn Dũng", "", "Dao", "", "", "", ""}});
  auto before = audits("household.create");
  auto r = import_households(c, commune_officer, v1.id, file, ImportMode::kAllOrNothing);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->imported, 0u);
  EXPECT_EQ(r->plan.data_rows, 6u);
  EXPECT_EQ(r->plan.invalid_rows, 4u);
  EXPECT_EQ(households_in(v1), 1);
  EXPECT_EQ(audits("household.create"), before);
  std::vector<std::size_t> lines;
  for (const auto& i : r->plan.issues) lines.push_back(i.line);
  EXPECT_EQ(lines, (std::vector<std::size_t>{3, 3, 3, 4, 5, 6}));
  EXPECT_EQ(r->plan.issues[3].message, "Mã hộ A1-01 trùng với dòng 2.");
  // Asked for the valid rows: lines 2 and 7 are written, the others reported.
  auto valid = import_households(c, commune_officer, v1.id, file, ImportMode::kValidRowsOnly);
  ASSERT_TRUE(valid);
  EXPECT_EQ(valid->imported, 2u);
  EXPECT_EQ(valid->plan.issues.size(), 6u);
  EXPECT_EQ(households_in(v1), 3);
}

TEST_F(Villages, ImportFromXlsxWithTitlesDatesAndNumbers) {
  auto& c = db.conn();
  testing::XlsxSpec spec;
  spec.shared = {"DANH SÁCH HỘ GIA ĐÌNH THÔN A1",
                 "Mã hộ",
                 "Họ và tên chủ hộ",
                 "Năm sinh chủ hộ",
                 "Ngày đăng ký hộ",
                 "A1-01",
                 "Hoàng Văn Thào",
                 "A1-02",
                 "Nông Thị Mai",
                 "15/03/2016"};
  spec.cell_xfs = "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>";
  spec.sheet_data =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
      "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>1</v></c><c r=\"B3\" t=\"s\"><v>2</v></c><c r=\"C3\" t=\"s\"><v>3</v></c>"
      "<c r=\"D3\" t=\"s\"><v>4</v></c></row>"
      // A date cell formatted as a date, and a date typed into a General cell (a serial): both 2016-05-15.
      "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>5</v></c><c r=\"B4\" t=\"s\"><v>6</v></c><c r=\"C4\"><v>1968</v></c>"
      "<c r=\"D4\" s=\"1\"><v>42505</v></c></row>"
      "<row r=\"5\"><c r=\"A5\" t=\"s\"><v>7</v></c><c r=\"B5\" t=\"s\"><v>8</v></c><c r=\"C5\"><v>1972</v></c>"
      "<c r=\"D5\"><v>42505</v></c></row>";
  spec.after_sheet_data = "<mergeCells count=\"1\"><mergeCell ref=\"A1:D1\"/></mergeCells>";  // the title: fine
  auto r = import_households(c, commune_officer, v1.id, testing::xlsx_workbook(spec), ImportMode::kAllOrNothing);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->format, "xlsx");
  EXPECT_TRUE(r->plan.issues.empty()) << r->plan.issues.at(0).message;
  ASSERT_EQ(r->imported, 2u);
  auto a = *find_household(c, c.scalar("SELECT id FROM households WHERE code = 'A1-01'"));
  auto b = *find_household(c, c.scalar("SELECT id FROM households WHERE code = 'A1-02'"));
  EXPECT_EQ(a.registered_on, "2016-05-15");
  EXPECT_EQ(b.registered_on, "2016-05-15");
  EXPECT_EQ(a.head_birth_year, 1968);
}

TEST_F(Villages, ACorpusOfBadFilesIsRefusedWithAReportAndNothingWritten) {
  auto& c = db.conn();
  struct Case {
    std::string name, bytes, expect;  // expect: part of the first issue's message
  };
  testing::XlsxSpec formula;
  formula.shared = {"Mã hộ", "Họ và tên chủ hộ", "Năm sinh chủ hộ", "A1-01", "Hoàng Văn Thào"};
  formula.sheet_data =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
      "<c r=\"C1\" t=\"s\"><v>2</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>3</v></c><c r=\"B2\" t=\"s\"><v>4</v></c>"
      "<c r=\"C2\"><f>2026-58</f></c></row>";
  testing::XlsxSpec merged = formula;
  merged.sheet_data =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>3</v></c><c r=\"B2\" t=\"s\"><v>4</v></c></row>"
      "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>A1-02</t></is></c></row>";
  merged.after_sheet_data = "<mergeCells count=\"1\"><mergeCell ref=\"B2:B3\"/></mergeCells>";
  testing::XlsxSpec wrong_types = formula;
  wrong_types.sheet_data =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
      "<c r=\"C1\" t=\"s\"><v>2</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>3</v></c><c r=\"B2\" t=\"s\"><v>4</v></c>"
      "<c r=\"C2\"><v>1968.5</v></c></row>";
  testing::XlsxSpec missing;
  missing.shared = {"Mã hộ", "Dân tộc", "A1-01", "Tày"};
  missing.sheet_data =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\" t=\"s\"><v>3</v></c></row>";
  std::vector<Case> cases{
      {"formula without a value", testing::xlsx_workbook(formula), "Ô C2 chứa công thức chưa có kết quả tính sẵn"},
      {"merged cells", testing::xlsx_workbook(merged), "vùng ô gộp B2:B3"},
      {"wrong type", testing::xlsx_workbook(wrong_types), "\"1968.5\" không phải năm sinh"},
      {"missing column", testing::xlsx_workbook(missing), "Thiếu cột bắt buộc: \"Họ và tên chủ hộ\"."},
      {"an empty xlsx", testing::xlsx_workbook(testing::XlsxSpec{}), "Tệp không có dữ liệu nào."},
      {"an empty csv", "", "Tệp không có dữ liệu nào."},
      {"a BOM and nothing else", "\xEF\xBB\xBF\r\n", "Tệp không có dữ liệu nào."},
      {"header only", csv({kHeader}), "Tệp chỉ có dòng tiêu đề, chưa có hộ nào."},
      {"bad dates", csv({kHeader, {"A1-01", "Hoàng Văn Thào", "", "", "29/02/2019", "", "", ""}}),
       "\"29/02/2019\" không phải ngày hợp lệ"},
      {"a PDF", "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj", "Tệp không phải văn bản UTF-8"},
      {"a zip that is no workbook", testing::zip_package({{"word/document.xml", "<w:document/>"}}),
       "Tệp không phải bảng tính Excel (.xlsx) hợp lệ"},
      {"an .xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0'),
       "Tệp .xls (Excel 97–2003)"},
      {"Windows-1258 text", "M\xE3 h\xF4,Ch\xF9 h\xF4\r\nA1-01,N\xF4ng\r\n", "Tệp không phải văn bản UTF-8"},
  };
  for (const auto& k : cases) {
    auto r = import_households(c, commune_officer, v1.id, k.bytes, ImportMode::kValidRowsOnly);
    ASSERT_TRUE(r) << k.name;
    EXPECT_EQ(r->imported, 0u) << k.name;
    ASSERT_FALSE(r->plan.issues.empty()) << k.name;
    bool found = false;
    for (const auto& i : r->plan.issues) found = found || i.message.find(k.expect) != std::string::npos;
    EXPECT_TRUE(found) << k.name << ": " << r->plan.issues.front().message;
  }
  EXPECT_EQ(households_in(v1), 0);
  EXPECT_EQ(audits("household.import"), 0);
  // Someone without the right gets 403 whatever they send.
  EXPECT_EQ(import_households(c, leader, v1.id, "x", ImportMode::kAllOrNothing).error().code, ErrorCode::kForbidden);
}

TEST_F(Villages, TheTemplateReadsBackAsAnEmptyImport) {
  auto t = template_csv();
  EXPECT_EQ(t.substr(0, 3), "\xEF\xBB\xBF");
  auto rows = csv::read(t);
  ASSERT_TRUE(rows);
  EXPECT_EQ((*rows)[0].cells, template_header());
  auto r = import_households(db.conn(), commune_officer, v1.id, t, ImportMode::kAllOrNothing);
  EXPECT_EQ(r->plan.issues.at(0).message, "Tệp chỉ có dòng tiêu đề, chưa có hộ nào.");
}

// ---- criteria, assessments, recognitions

CriteriaSetInput a_set(const std::string& code = "T-NTM") {
  CriteriaSetInput in;
  in.code = code;
  in.name = "Bộ tiêu chí thử";
  in.legal_basis = "Quyết định số 1/QĐ-UBND";
  in.from_year = 2021;
  in.to_year = 2025;
  in.criteria = {{0, 1, "I. Tổ chức", "1", "Ban phát triển thôn", "", "", ""},
                 {0, 2, "II. Kinh tế", "2", "Kinh tế hộ", "", "Tỷ lệ hộ nghèo", "poverty_rate"},
                 {0, 3, "II. Kinh tế", "3", "Số hộ", "", "", "households"}};
  return in;
}

TEST_F(Villages, CriteriaSetsAreVersionedAndNeverEdited) {
  auto& c = db.conn();
  auto v1s = create_set(c, admin, a_set());
  ASSERT_TRUE(v1s) << v1s.error().message;
  EXPECT_EQ(v1s->version, 1);
  EXPECT_EQ(v1s->criteria.size(), 3u);
  auto next = a_set();
  next.criteria.pop_back();
  auto v2s = create_set(c, admin, next);
  ASSERT_TRUE(v2s);
  EXPECT_EQ(v2s->version, 2);
  EXPECT_EQ(find_set(c, v1s->id)->criteria.size(), 3u);  // the first version is as it was
  EXPECT_FALSE(find_set(c, v1s->id)->latest);
  EXPECT_TRUE(find_set(c, v2s->id)->latest);
  auto bad = a_set("bad code!");
  bad.criteria.push_back({0, 4, "", "", "", "", "", "x"});
  auto refused = create_set(c, admin, bad);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.front().field, "code");
  EXPECT_EQ(sets_for_year(c, 2020).size(), 0u);
  EXPECT_EQ(sets_for_year(c, 2022).size(), 2u);
}

TEST_F(Villages, AssessmentsPrefillWhatCt05KnowsAndCountResults) {
  auto& c = db.conn();
  auto set = *create_set(c, admin, a_set());
  auto a = add(v1, "A1-01", "Hoàng Văn Thào");
  add(v1, "A1-02", "Nông Thị Mai");
  decide(a, 2022, PovertyStatus::kPoor);
  EXPECT_EQ(open_assessment(c, commune_officer, v1.id, set.id, 2020).error().fields.at(0).field, "year");
  EXPECT_EQ(open_assessment(c, leader, v1.id, set.id, 2022).error().code, ErrorCode::kForbidden);
  auto opened = open_assessment(c, commune_officer, v1.id, set.id, 2022);
  ASSERT_TRUE(opened) << opened.error().message;
  ASSERT_EQ(opened->items.size(), 3u);
  EXPECT_EQ(opened->items[1].result.figure, "50,00% (1/2 hộ)");
  EXPECT_EQ(opened->items[2].result.figure, "2 hộ");
  EXPECT_EQ(opened->met, 0);
  // Opening again returns the same one.
  EXPECT_EQ(open_assessment(c, commune_officer, v1.id, set.id, 2022)->id, opened->id);
  std::vector<CriterionResult> results{{opened->items[0].criterion.id, true, "", "Có quy chế"},
                                       {opened->items[1].criterion.id, false, "50,00%", "Còn hộ nghèo"}};
  auto saved = save_results(c, commune_officer, opened->id, results, std::string("Phấn đấu năm sau"));
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->met, 1);
  EXPECT_EQ(saved->not_met, 1);
  EXPECT_EQ(saved->total, 3);
  EXPECT_EQ(saved->note, "Phấn đấu năm sau");
  // A criterion of another set is refused.
  auto other = *create_set(c, admin, a_set("OTHER"));
  auto wrong = save_results(c, commune_officer, opened->id, {{other.criteria[0].id, true, "", ""}}, std::nullopt);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code, ErrorCode::kInvalid);
  // Evidence: a PDF is kept, other bytes refused.
  files::FileStore store(std::filesystem::temp_directory_path() / ("ct05-villages-" + std::to_string(next_user)));
  std::string pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
  auto ev = add_evidence(c, commune_officer, opened->id, opened->items[0].criterion.id, "bien-ban.pdf", pdf, store);
  ASSERT_TRUE(ev) << ev.error().message;
  EXPECT_EQ(ev->mime, "application/pdf");
  EXPECT_EQ(find_assessment(c, opened->id)->items[0].files.size(), 1u);
  EXPECT_FALSE(add_evidence(c, commune_officer, opened->id, opened->items[0].criterion.id, "x.exe", "MZ\x90", store));
  EXPECT_EQ(audits("village_assessment.update"), 1);
  EXPECT_EQ(audits("village_assessment.file"), 1);
}

TEST_F(Villages, RecognitionsCountFromTheirDate) {
  auto& c = db.conn();
  files::FileStore store(std::filesystem::temp_directory_path() / ("ct05-villages-r" + std::to_string(next_user)));
  RecognitionInput in;
  in.village_id = v1.id;
  in.year = 2021;
  in.decision_no = "1234/QĐ-UBND";
  in.decided_on = "2022-01-15";  // the 2021 decision signed in January
  in.issuer = "Ủy ban nhân dân thành phố X";
  EXPECT_EQ(record_recognition(c, leader, in, "", "", store).error().code, ErrorCode::kForbidden);
  auto r = record_recognition(c, commune_officer, in, "", "", store);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(subtree_figures(c, city.path, 2021, false).recognised, 0);  // not yet at the end of 2021
  EXPECT_EQ(subtree_figures(c, city.path, 2022, false).recognised, 1);
  EXPECT_EQ(recognised_on(c, v1.id, "2022-01-14"), std::nullopt);
  EXPECT_EQ(recognised_on(c, v1.id, "2022-01-15")->id, r->id);
  auto twice = record_recognition(c, commune_officer, in, "", "", store);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  in.year = 2020;
  auto late = record_recognition(c, commune_officer, in, "", "", store);  // signed two years later
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().fields.at(0).field, "decided_on");
  RecognitionInput other = in;
  other.village_id = g1.id;
  other.year = 2022;
  other.decided_on = "2022-06-01";
  EXPECT_EQ(record_recognition(c, commune_officer, other, "", "", store).error().code, ErrorCode::kForbidden);
  ASSERT_TRUE(record_recognition(c, ward_officer, other, "", "", store));
  EXPECT_EQ(subtree_figures(c, city.path, 2022, true).recognised, 2);
  EXPECT_EQ(subtree_figures(c, commune.path, 2022, true).recognised, 1);
  EXPECT_EQ(count_subtree_recognitions(c, city.path, 0), 2);
  EXPECT_EQ(count_subtree_recognitions(c, city.path, 2022), 1);
  EXPECT_EQ(audits("village_recognition.create"), 2);
}

TEST_F(Villages, StandardsAreKeptAsDataAndFrozenOnceUsed) {
  auto& c = db.conn();
  auto nd351 = list_standards(c)[1];
  // Correcting an unused standard (ND 351's indicators before 2027) is allowed.
  nd351.note = "Đã đối chiếu Phụ lục.";
  auto saved = save_standard(c, admin, nd351);
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_EQ(saved->note, "Đã đối chiếu Phụ lục.");
  // Overlapping periods are refused: one standard in force in a year.
  PovertyStandard local = national_standards().front();
  local.code = "LOCAL";
  local.from_year = 2025;
  local.to_year = 2027;
  EXPECT_EQ(save_standard(c, admin, local).error().fields.at(0).field, "years");
  // Once used to classify, a standard is frozen.
  auto h = add(v1, "A1-01", "Hoàng Văn Thào");
  ASSERT_TRUE(classify_household(c, commune_officer, h.id, 2028, Answers{2'000'000, {}}));
  EXPECT_TRUE(standard_in_use(c, nd351.id));
  auto frozen = save_standard(c, admin, nd351);
  ASSERT_FALSE(frozen);
  EXPECT_EQ(frozen.error().code, ErrorCode::kConflict);
}

// ---- on the demo data, through the pages and the API

class VillagesDemo : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new testing::TestDb();
    db_->load_demo();
    app_ = new testing::AppHarness(db_->url());
  }
  static void TearDownTestSuite() {
    delete app_;
    delete db_;
  }
  static db::Connection& c() { return db_->conn(); }
  static org::Unit unit(const std::string& code) { return *org::find_unit_by_code(c(), code); }
  static std::string id_of(const std::string& code) { return std::to_string(unit(code).id); }
  static nlohmann::json indicators(const std::string& code, int year, const std::string& login = "nongthuong") {
    auto r = app_->api("GET", "/api/v1/indicators?unit=" + id_of(code) + "&year=" + std::to_string(year),
                       app_->token_for(login));
    EXPECT_EQ(r.status, 200) << r.body;
    return nlohmann::json::parse(r.body);
  }
  static std::int64_t household(const std::string& code) {
    return c().scalar("SELECT id FROM households WHERE village_id = $1 AND code = $2",
                      {unit("THON-KHUOICUONG").id, code});
  }
  static testing::TestDb* db_;
  static testing::AppHarness* app_;
};
testing::TestDb* VillagesDemo::db_ = nullptr;
testing::AppHarness* VillagesDemo::app_ = nullptr;

TEST_F(VillagesDemo, KhuoiCuongHas58Households0PoorAnd2NearPoorIn2020) {
  auto f = subtree_figures(c(), unit("THON-KHUOICUONG").path, 2020, false);
  EXPECT_EQ(f.households, 58);
  EXPECT_EQ(f.poor, 0);
  EXPECT_EQ(f.near_poor, 2);
  EXPECT_EQ(f.left_poverty, 1);
  // Earlier years: 4 poor in 2018 (of 56: two households were set up in 2019), 1 in 2019.
  EXPECT_EQ(subtree_figures(c(), unit("THON-KHUOICUONG").path, 2018, false).households, 56);
  EXPECT_EQ(subtree_figures(c(), unit("THON-KHUOICUONG").path, 2018, false).poor, 4);
  EXPECT_EQ(subtree_figures(c(), unit("THON-KHUOICUONG").path, 2019, false).poor, 1);
  EXPECT_EQ(subtree_figures(c(), unit("THON-KHUOICUONG").path, 2019, false).left_poverty, 3);
  // The 2022 classifications by Nghị định 07/2021/NĐ-CP.
  auto s = status_of(c(), household("KC-08"), 2022);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->computed, PovertyStatus::kNearPoor);
  EXPECT_FALSE(s->decided);
}

TEST_F(VillagesDemo, IndicatorsCarryTheVillagesWithoutChangingAnyOtherField) {
  auto j = indicators("THON-KHUOICUONG", 2020);
  EXPECT_EQ(j["villages"], (nlohmann::json{{"households", 58}, {"poor", 0}, {"near_poor", 2}, {"recognised", 0}}));
  EXPECT_TRUE(j.contains("plan_coverage"));
  EXPECT_TRUE(j.contains("commitment_coverage"));
  EXPECT_TRUE(j.contains("issues"));
  EXPECT_EQ(j["unit"], unit("THON-KHUOICUONG").id);
  auto commune = indicators("DB-NONGTHUONG", 2020);
  EXPECT_EQ(commune["villages"]["recognised"], 1);  // Nà Nàng, from 25/11/2020
  EXPECT_EQ(commune["villages"]["households"], 58 + 64 + 46 + 52 + 38 + 41);
  EXPECT_EQ(indicators("DB-NONGTHUONG", 2019)["villages"]["recognised"], 0);
  auto root = indicators("TU-BACKAN", 2020, "lanhdao");  // a leader sees the counts
  EXPECT_EQ(root["villages"]["households"], commune["villages"]["households"]);
  // The same figures with the existing keys in the same place: only "villages" is new.
  std::vector<std::string> keys;
  for (auto it = root.begin(); it != root.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys,
            (std::vector<std::string>{"commitment_coverage", "issues", "plan_coverage", "unit", "villages", "year"}));
}

TEST_F(VillagesDemo, TheVillagePageShowsCountsToLeadersAndNamesToNobodyButOfficers) {
  auto officer = app_->browser_for("nongthuong");
  auto page = app_->get("/units/" + id_of("THON-KHUOICUONG") + "/village?year=2020", &officer);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("data-key=\"households\">58<"), std::string::npos);
  EXPECT_NE(page.body.find("data-key=\"poor\">0<"), std::string::npos);
  EXPECT_NE(page.body.find("data-key=\"near_poor\">2<"), std::string::npos);
  EXPECT_NE(page.body.find("Danh sách hộ (58)"), std::string::npos);
  auto head = c().query_one("SELECT head_name, ethnicity FROM households WHERE id = $1", {household("KC-08")});
  auto leader = app_->browser_for("lanhdao");
  auto seen = app_->get("/units/" + id_of("THON-KHUOICUONG") + "/village?year=2020", &leader);
  ASSERT_EQ(seen.status, 200);
  EXPECT_NE(seen.body.find("data-key=\"near_poor\">2<"), std::string::npos);
  EXPECT_EQ(seen.body.find("Danh sách hộ"), std::string::npos);
  EXPECT_EQ(seen.body.find(head->str(0)), std::string::npos);
  for (const std::string& path :
       {"/units/" + id_of("THON-KHUOICUONG") + "/households", "/households/" + std::to_string(household("KC-08")),
        "/households/" + std::to_string(household("KC-08")) + "/status?year=2020"})
    EXPECT_EQ(app_->get(path, &leader).status, 403) << path;
  auto token = app_->token_for("lanhdao");
  EXPECT_EQ(app_->api("GET", "/api/v1/households?unit=" + id_of("THON-KHUOICUONG"), token).status, 403);
  EXPECT_EQ(app_->api("GET", "/api/v1/households/" + std::to_string(household("KC-08")), token).status, 403);
  EXPECT_EQ(app_->api("GET", "/api/v1/household-status?unit=" + id_of("THON-KHUOICUONG") + "&year=2020", token).status,
            403);
  // The cell's own officer has no grant on the village (D8): not even the counts.
  auto cell = app_->browser_for("khuoicuong");
  EXPECT_EQ(app_->get("/units/" + id_of("THON-KHUOICUONG") + "/village", &cell).status, 403);
  // The officer reads the record; the display is audited.
  auto before = c().scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'household.read'");
  auto record = app_->get("/households/" + std::to_string(household("KC-08")), &officer);
  ASSERT_EQ(record.status, 200);
  EXPECT_NE(record.body.find(head->str(1)), std::string::npos);  // ethnicity, for the officer
  EXPECT_EQ(c().scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'household.read'"), before + 1);
  auto api =
      app_->api("GET", "/api/v1/households/" + std::to_string(household("KC-08")), app_->token_for("nongthuong"));
  ASSERT_EQ(api.status, 200);
  EXPECT_EQ(nlohmann::json::parse(api.body)["ethnicity"], head->str(1));
  EXPECT_EQ(c().scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'household.read'"), before + 2);
  // Lists never carry ethnicity.
  auto list = app_->api("GET", "/api/v1/households?unit=" + id_of("THON-KHUOICUONG") + "&year=2020&status=can_ngheo",
                        app_->token_for("nongthuong"));
  ASSERT_EQ(list.status, 200);
  auto items = nlohmann::json::parse(list.body)["items"];
  ASSERT_EQ(items.size(), 2u);
  EXPECT_FALSE(items[0].contains("ethnicity"));
  EXPECT_EQ(items[0]["status"], "can_ngheo");
}

TEST_F(VillagesDemo, StatusFormsKeepWhatWasTypedAndSayWhy) {
  auto officer = app_->browser_for("nongthuong");
  std::string path = "/households/" + std::to_string(household("KC-12")) + "/status";
  // 2020 has no standard: the classification form is not offered and a post says why.
  auto page = app_->get(path + "?year=2020", &officer);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Chưa có chuẩn nghèo đa chiều áp dụng cho năm 2020"), std::string::npos);
  auto refused = app_->post(path, "year=2020&action=classify&income=1000000", &officer);
  EXPECT_EQ(refused.status, 422);
  // 2024: an income that is not a number comes back with its message and the ticks kept.
  auto typed =
      app_->post(path, "year=2024&action=classify&income=m%E1%BB%99t+tri%E1%BB%87u&lacking=nha_tieu", &officer);
  ASSERT_EQ(typed.status, 422);
  EXPECT_NE(typed.body.find("Thu nhập là số đồng"), std::string::npos);
  EXPECT_NE(typed.body.find("value=\"nha_tieu\" checked"), std::string::npos);
  auto ok = app_->post(
      path, "year=2024&action=classify&income=1.500.000&lacking=nha_tieu&lacking=vien_thong&lacking=viec_lam",
      &officer);
  ASSERT_EQ(ok.status, 303);
  EXPECT_EQ(status_of(c(), household("KC-12"), 2024)->status, PovertyStatus::kPoor);
  auto decided = app_->post(path, "year=2024&action=decide&decided_status=can_ngheo&decision_note=QĐ+9", &officer);
  ASSERT_EQ(decided.status, 303);
  EXPECT_EQ(status_of(c(), household("KC-12"), 2024)->status, PovertyStatus::kNearPoor);
  // Without the CSRF token nothing changes.
  EXPECT_EQ(app_->post(path, "year=2024&action=decide&decided_status=ngheo", &officer, false).status, 403);
  EXPECT_EQ(status_of(c(), household("KC-12"), 2024)->status, PovertyStatus::kNearPoor);
}

TEST_F(VillagesDemo, TheHouseholdFormKeepsWhatWasTyped) {
  auto officer = app_->browser_for("nongthuong");
  const std::string path = "/units/" + id_of("THON-NAOI") + "/households";
  ASSERT_EQ(app_->get(path + "/new", &officer).status, 200);
  std::string form =
      "code=NO-90&head_name=&head_birth_year=19x8&ethnicity=N%C3%B9ng&area=nong_thon"
      "&member_name=H%C3%A0+Th%E1%BB%8B+Lan&member_relation=V%E1%BB%A3&member_birth_year=1972&member_gender=nu"
      "&member_name=&member_relation=&member_birth_year=&member_gender=";
  auto refused = app_->post(path, form, &officer);
  ASSERT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("Vui lòng nhập họ và tên chủ hộ."), std::string::npos);
  EXPECT_NE(refused.body.find("Năm sinh phải là năm có 4 chữ số."), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"NO-90\""), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"19x8\""), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"Hà Thị Lan\""), std::string::npos);
  auto saved = app_->post(path,
                          "code=NO-90&head_name=L%E1%BB%A5c+V%C4%83n+P%E1%BA%B1n&head_birth_year=1968&area=nong_thon"
                          "&member_name=H%C3%A0+Th%E1%BB%8B+Lan&member_relation=V%E1%BB%A3&member_birth_year=1972"
                          "&member_gender=nu&member_name=&member_relation=&member_birth_year=&member_gender=",
                          &officer);
  ASSERT_EQ(saved.status, 303);
  auto id = c().scalar("SELECT id FROM households WHERE code = 'NO-90'");
  auto h = *find_household(c(), id);
  EXPECT_EQ(h.head_name, "Lục Văn Pằn");
  ASSERT_EQ(h.members.size(), 1u);
  EXPECT_EQ(h.members[0].birth_year, 1972);
  // The edit form is a display of the full record: audited.
  auto before = c().scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'household.read'");
  EXPECT_EQ(app_->get("/households/" + std::to_string(id) + "/edit", &officer).status, 200);
  EXPECT_EQ(c().scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'household.read'"), before + 1);
}

TEST_F(VillagesDemo, ImportThroughThePageAndTheApi) {
  auto officer = app_->browser_for("nongthuong");
  const std::string path = "/units/" + id_of("THON-BANANG") + "/households/import";
  ASSERT_EQ(app_->get(path, &officer).status, 200);
  auto before = c().scalar("SELECT COUNT(*) FROM households WHERE village_id = $1", {unit("THON-BANANG").id});
  std::string file =
      "\xEF\xBB\xBF"
      "Mã hộ,Họ và tên chủ hộ,Năm sinh chủ hộ\r\nBA-90,Hà Văn Tuấn,1980\r\nBA-91,,19x0\r\n";
  auto refused = app_->post_multipart(path, {}, {{"file", "ho.csv", "text/csv", file}}, &officer);
  ASSERT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("Chưa nhập hộ nào."), std::string::npos);
  EXPECT_NE(refused.body.find("Vui lòng nhập họ và tên chủ hộ."), std::string::npos);
  EXPECT_NE(refused.body.find("&quot;19x0&quot; không phải năm sinh"), std::string::npos);
  EXPECT_EQ(c().scalar("SELECT COUNT(*) FROM households WHERE village_id = $1", {unit("THON-BANANG").id}), before);
  auto some = app_->post_multipart(path, {{"valid_only", "1"}}, {{"file", "ho.csv", "text/csv", file}}, &officer);
  ASSERT_EQ(some.status, 200);
  EXPECT_NE(some.body.find("Đã nhập 1 hộ"), std::string::npos);
  EXPECT_EQ(c().scalar("SELECT COUNT(*) FROM households WHERE village_id = $1", {unit("THON-BANANG").id}), before + 1);
  // No file: the form comes back.
  EXPECT_EQ(app_->post_multipart(path, {}, {}, &officer).status, 422);
  // The API: 422 with each issue by line, or 201 with the report.
  auto token = app_->token_for("nongthuong");
  std::string again = file;
  again.replace(again.find("BA-90"), 5, "BA-93");  // BA-90 is in the village now
  auto bad = app_->api_raw("POST", "/api/v1/households/import?unit=" + id_of("THON-BANANG"), token, "text/csv", again);
  ASSERT_EQ(bad.status, 422);
  auto problem = nlohmann::json::parse(bad.body);
  EXPECT_EQ(problem["errors"][0]["field"], "rows/3/Năm sinh chủ hộ");
  EXPECT_EQ(problem["errors"][0]["message"],
            "Dòng 3, cột Năm sinh chủ hộ: \"19x0\" không phải năm sinh (năm có 4 chữ số).");
  auto good = app_->api_raw("POST", "/api/v1/households/import?unit=" + id_of("THON-BANANG"), token, "text/csv",
                            "Mã hộ,Chủ hộ\nBA-92,Vi Thị Yến\n");
  ASSERT_EQ(good.status, 201) << good.body;
  EXPECT_EQ(nlohmann::json::parse(good.body)["imported"], 1);
  EXPECT_EQ(app_->api_raw("POST", "/api/v1/households/import?unit=" + id_of("THON-BANANG"), app_->token_for("lanhdao"),
                          "text/csv", "x")
                .status,
            403);
  auto tpl = app_->get("/households/template.csv", &officer);
  EXPECT_EQ(tpl.status, 200);
  EXPECT_EQ(tpl.header_value("Content-Type"), "text/csv; charset=utf-8");
}

TEST_F(VillagesDemo, AssessRecogniseAndTheCountsMove) {
  auto officer = app_->browser_for("nongthuong");
  const auto village = id_of("THON-COCMUONG");
  auto set = c().scalar("SELECT id FROM criteria_sets WHERE code = 'BK-THON-NTM'");
  EXPECT_EQ(indicators("XA-NONGTHUONG", 2021)["villages"]["recognised"], 1);
  auto opened =
      app_->post("/units/" + village + "/assessments", "set_id=" + std::to_string(set) + "&year=2021", &officer);
  ASSERT_EQ(opened.status, 303);
  auto url = opened.header_value("Location");
  auto page = app_->get(url, &officer);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Đạt 0/16 tiêu chí"), std::string::npos);
  std::string form;
  auto a = *find_assessment(c(), std::stoll(url.substr(url.rfind('/') + 1)));
  for (const auto& item : a.items) {
    auto id = std::to_string(item.criterion.id);
    form += "criterion=" + id + "&met_" + id + "=1&";
  }
  ASSERT_EQ(app_->post(url, form + "note=", &officer).status, 303);
  EXPECT_NE(app_->get(url, &officer).body.find("Đạt 16/16 tiêu chí"), std::string::npos);
  // The set is not in force in 2020: the village page comes back with the reason.
  auto old = app_->post("/units/" + village + "/assessments", "set_id=" + std::to_string(set) + "&year=2020", &officer);
  EXPECT_EQ(old.status, 422);
  EXPECT_NE(old.body.find("không dùng để đánh giá năm 2020"), std::string::npos);
  // The recognition form: a missing number is refused with what was typed kept.
  auto missing = app_->post_multipart(
      "/units/" + village + "/recognitions",
      {{"year", "2021"}, {"decided_on", "2021-12-20"}, {"issuer", "UBND thành phố Bắc Kạn"}}, {}, &officer);
  ASSERT_EQ(missing.status, 422);
  EXPECT_NE(missing.body.find("Vui lòng nhập số quyết định."), std::string::npos);
  EXPECT_NE(missing.body.find("value=\"2021-12-20\""), std::string::npos);
  auto recorded = app_->post_multipart(
      "/units/" + village + "/recognitions",
      {{"year", "2021"},
       {"decided_on", "2021-12-20"},
       {"decision_no", "4100/QĐ-UBND"},
       {"issuer", "UBND thành phố Bắc Kạn"},
       {"assessment_id", std::to_string(a.id)}},
      {{"file", "quyet-dinh.pdf", "application/pdf", "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"}},
      &officer);
  ASSERT_EQ(recorded.status, 303);
  EXPECT_EQ(indicators("XA-NONGTHUONG", 2021)["villages"]["recognised"], 2);
  EXPECT_EQ(indicators("XA-NONGTHUONG", 2020)["villages"]["recognised"], 1);
  auto dashboard = app_->get("/units/" + id_of("XA-NONGTHUONG") + "/villages?year=2021", &officer);
  EXPECT_NE(dashboard.body.find("data-key=\"recognised\">2<"), std::string::npos);
  auto village_page = app_->get("/units/" + village + "/village?year=2021", &officer);
  EXPECT_NE(village_page.body.find("Đạt chuẩn thôn nông thôn mới</b> từ ngày 20/12/2021"), std::string::npos);
  auto rec = c().scalar("SELECT id FROM village_recognitions WHERE decision_no = '4100/QĐ-UBND'");
  auto file = app_->get("/recognitions/" + std::to_string(rec) + "/file", &officer);
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(app_->get("/recognitions/" + std::to_string(rec) + "/file", nullptr).status, 303);  // to the login page
  // The API answers the same.
  auto token = app_->token_for("nongthuong");
  auto list = app_->api("GET", "/api/v1/recognitions?unit=" + id_of("XA-NONGTHUONG") + "&year=2021", token);
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(nlohmann::json::parse(list.body)["total"], 1);
  auto twice = app_->api("POST", "/api/v1/recognitions", token,
                         nlohmann::json{{"unit_id", unit("THON-COCMUONG").id},
                                        {"year", 2021},
                                        {"decision_no", "1/QĐ"},
                                        {"decided_on", "2021-12-21"},
                                        {"issuer", "UBND"}}
                             .dump());
  EXPECT_EQ(twice.status, 409);
}

TEST_F(VillagesDemo, TheApiKeepsTheSameRules) {
  auto token = app_->token_for("nongthuong");
  auto admin = app_->token_for("admin");
  auto sets = nlohmann::json::parse(app_->api("GET", "/api/v1/criteria-sets", token).body);
  ASSERT_EQ(sets["items"].size(), 1u);
  auto set_id = sets["items"][0]["id"].get<std::int64_t>();
  auto one = nlohmann::json::parse(app_->api("GET", "/api/v1/criteria-sets/" + std::to_string(set_id), token).body);
  EXPECT_EQ(one["criteria"].size(), 16u);
  EXPECT_EQ(one["criteria"][12]["figure_source"], "poverty_rate");
  nlohmann::json next{{"code", "BK-THON-NTM"},
                      {"name", "Bộ tiêu chí (sửa đổi)"},
                      {"legal_basis", "QĐ sửa đổi"},
                      {"from_year", 2024},
                      {"criteria", {{{"group", "I"}, {"number", "1"}, {"name", "Tiêu chí"}}}}};
  EXPECT_EQ(app_->api("POST", "/api/v1/criteria-sets", token, next.dump()).status, 403);
  auto made = app_->api("POST", "/api/v1/criteria-sets", admin, next.dump());
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(nlohmann::json::parse(made.body)["version"], 2);
  // Assessments: created with 201, opened again with 200, results patched.
  nlohmann::json open{{"unit_id", unit("THON-THOMLUONG").id}, {"set_id", set_id}, {"year", 2022}};
  auto created = app_->api("POST", "/api/v1/village-assessments", token, open.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  auto again = app_->api("POST", "/api/v1/village-assessments", token, open.dump());
  EXPECT_EQ(again.status, 200);
  auto a = nlohmann::json::parse(created.body);
  nlohmann::json patch{{"results", {{{"criterion_id", a["items"][0]["criterion_id"]}, {"met", true}}}}};
  auto patched = app_->api("PATCH", "/api/v1/village-assessments/" + std::to_string(a["id"].get<std::int64_t>()), token,
                           patch.dump());
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(nlohmann::json::parse(patched.body)["met"], 1);
  EXPECT_EQ(app_->api("PATCH", "/api/v1/village-assessments/" + std::to_string(a["id"].get<std::int64_t>()),
                      app_->token_for("lanhdao"), patch.dump())
                .status,
            403);
  // Households and statuses.
  nlohmann::json h{{"village_id", unit("THON-THOMLUONG").id},
                   {"code", "TL-99"},
                   {"head_name", "Bế Văn Long"},
                   {"members", {{{"full_name", "Bế Thị Hoa"}, {"relation", "Vợ"}, {"birth_year", 1990}}}}};
  auto hh = app_->api("POST", "/api/v1/households", token, h.dump());
  ASSERT_EQ(hh.status, 201) << hh.body;
  auto hid = nlohmann::json::parse(hh.body)["id"].get<std::int64_t>();
  auto classified = app_->api("POST", "/api/v1/household-status", token,
                              nlohmann::json{{"household_id", hid},
                                             {"year", 2027},
                                             {"income", 2'200'000},
                                             {"lacking", {"viec_lam", "nha_tieu", "vien_thong"}}}
                                  .dump());
  ASSERT_EQ(classified.status, 200) << classified.body;
  auto s = nlohmann::json::parse(classified.body);
  EXPECT_EQ(s["status"], "ngheo");
  EXPECT_EQ(s["classified"]["standard"], "Chuẩn nghèo đa chiều từ năm 2027");
  auto no_standard = app_->api("POST", "/api/v1/household-status", token,
                               nlohmann::json{{"household_id", hid}, {"year", 2021}, {"income", 1}}.dump());
  EXPECT_EQ(no_standard.status, 422);
  auto decided = app_->api("POST", "/api/v1/household-status", token,
                           nlohmann::json{{"household_id", hid}, {"year", 2021}, {"decided_status", "khong"}}.dump());
  EXPECT_EQ(decided.status, 200);
  auto statuses =
      nlohmann::json::parse(app_->api("GET", "/api/v1/household-status?household=" + std::to_string(hid), token).body);
  EXPECT_EQ(statuses["items"].size(), 2u);
  // Every route above is in the OpenAPI document, and the indicators' schema has the villages.
  auto spec = nlohmann::json::parse(app_->get("/api/v1/openapi.json").body);
  for (const char* path :
       {"/api/v1/households", "/api/v1/households/import", "/api/v1/households/{id}", "/api/v1/household-status",
        "/api/v1/criteria-sets", "/api/v1/criteria-sets/{id}", "/api/v1/village-assessments",
        "/api/v1/village-assessments/{id}", "/api/v1/recognitions", "/api/v1/recognitions/{id}"})
    EXPECT_TRUE(spec["paths"].contains(path)) << path;
  EXPECT_TRUE(spec["components"]["schemas"]["Indicators"]["properties"].contains("villages"));
}

}  // namespace
}  // namespace ct05::villages
