// Restructurings through the pages and the API, on a small tree made with the factories (not the demo): the form's
// preview needs the CSRF token and keeps nothing, the commit redirects to the event, the new unit's page shows its
// history; the API previews and commits the same run; /api/v1/indicators reads the tree of a date and continuity.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "modules/org/storage/unit_store.hpp"
#include "modules/plans/storage/plan_store.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/http/http.hpp"
#include "support/factories.hpp"
#include "support/http_client.hpp"
#include "support/test_db.hpp"

namespace ct05 {
namespace {

using testing::make_member;
using testing::make_unit;

class RestructuringsWeb : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& c = db.conn();
    root = make_unit(c, "TU-X", "Thành ủy X", "thanh_uy", 0);
    a = make_unit(c, "DB-A", "Đảng bộ xã A", "dang_bo_co_so", root.id);
    a1 = make_unit(c, "CB-A1", "Chi bộ thôn A1", "chi_bo", a.id);
    b = make_unit(c, "DB-B", "Đảng bộ xã B", "dang_bo_co_so", root.id);
    w = make_unit(c, "DB-W", "Đảng bộ phường W", "dang_bo_co_so", root.id);
    make_member(c, "Trần Văn Anh", a.id);
    make_member(c, "Lý Thị Vân", w.id);
    for (auto id : {a.id, a1.id, b.id}) accept_plan(id, 2024);
    user("quantri", auth::Role::kQuanTri, root);
    user("phutrach", auth::Role::kPhuTrach, root);
    user("quantri_w", auth::Role::kQuanTri, w);
    app = std::make_unique<testing::AppHarness>(db.url());
  }
  void user(const std::string& login, auth::Role role, const org::Unit& u) {
    auto id = auth::create_user(db.conn(), login, "mat-khau-dai-12345", login, 0);
    ASSERT_TRUE(id) << id.error().message;
    org::grant_role(db.conn(), auth::system_principal(), *id, role, u.id);
  }
  void accept_plan(std::int64_t unit_id, int year) {
    auto sys = auth::system_principal();
    auto p = plans::open_unit_plan(db.conn(), sys, unit_id, year);
    ASSERT_TRUE(p) << p.error().message;
    plans::ItemInput in;
    in.content = "Nói đi đôi với làm";
    ASSERT_TRUE(plans::add_item(db.conn(), sys, p->id, in));
    ASSERT_TRUE(plans::transition(db.conn(), sys, p->id, plans::Transition::kSubmit, ""));
    ASSERT_TRUE(plans::transition(db.conn(), sys, p->id, plans::Transition::kAccept, ""));
  }
  static std::string form(const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string out;
    for (const auto& [k, v] : fields) out += (out.empty() ? "" : "&") + k + "=" + http::url_encode(v);
    return out;
  }
  static std::string merge_form() {
    return form({{"kind", "merge"},
                 {"effective_on", "2025-07-01"},
                 {"legal_basis", "Nghị quyết 1/NQ-TU ngày 20/6/2025"},
                 {"sources", "DB-A\nDB-B"},
                 {"target_code", "DB-AB"},
                 {"target_name", "Đảng bộ xã AB"},
                 {"target_kind", "dang_bo_co_so"}});
  }
  std::int64_t count(const std::string& sql) { return db.conn().scalar(sql); }
  nlohmann::json indicators(const std::string& query, int expect_status = 200) {
    auto r = app->api("GET", "/api/v1/indicators?" + query, app->token_for("quantri"));
    EXPECT_EQ(r.status, expect_status) << query << ": " << r.body;
    return nlohmann::json::parse(r.body, nullptr, false);
  }

  testing::TestDb db;
  std::unique_ptr<testing::AppHarness> app;
  org::Unit root, a, a1, b, w;
};

TEST_F(RestructuringsWeb, ThePagesPreviewThenCommitAMerge) {
  auto br = app->browser_for("quantri");
  auto events = count("SELECT COUNT(*) FROM restructurings");
  // Without the CSRF token nothing runs.
  EXPECT_EQ(app->post("/restructurings/preview", merge_form(), &br, false).status, 403);
  EXPECT_EQ(app->post("/restructurings", merge_form(), &br, false).status, 403);
  // The preview lists what would change and keeps nothing.
  auto p = app->post("/restructurings/preview", merge_form(), &br);
  ASSERT_EQ(p.status, 200) << p.body.substr(0, 2000);
  EXPECT_NE(p.body.find("id=\"preview-lines\""), std::string::npos);
  EXPECT_NE(p.body.find("Lập Đảng bộ xã AB (DB-AB, loại: "), std::string::npos);
  EXPECT_NE(p.body.find("Chuyển sinh hoạt 1 người từ Đảng bộ xã A sang Đảng bộ xã AB"), std::string::npos);
  EXPECT_NE(p.body.find("<textarea name=\"target_code\" hidden aria-hidden=\"true\">DB-AB</textarea>"), std::string::npos) << "the form is carried to the commit";
  EXPECT_FALSE(org::find_unit_by_code(db.conn(), "DB-AB"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM restructurings"), events);
  // A bad form comes back with its message.
  auto bad = app->post("/restructurings/preview", form({{"kind", "merge"}, {"effective_on", "2025-07-01"}, {"sources", "DB-A"}}), &br);
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Hãy nhập căn cứ pháp lý"), std::string::npos);
  // The commit redirects to the event.
  auto r = app->post("/restructurings", merge_form(), &br);
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 2000);
  auto id = db.conn().scalar("SELECT MAX(id) FROM restructurings");
  auto location = r.header_value("Location");
  EXPECT_EQ(location.substr(0, location.find('?')), "/restructurings/" + std::to_string(id));
  auto view = app->get(location, &br);
  EXPECT_EQ(view.status, 200);
  EXPECT_NE(view.body.find("Lập Đảng bộ xã AB (DB-AB, loại: "), std::string::npos);
  auto n = org::find_unit_by_code(db.conn(), "DB-AB");
  ASSERT_TRUE(n);
  auto page = app->get("/units/" + std::to_string(n->id), &br);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Lịch sử sắp xếp"), std::string::npos);
  EXPECT_NE(page.body.find("/restructurings/" + std::to_string(id)), std::string::npos);
  auto old = app->get("/units/" + std::to_string(a.id), &br);
  EXPECT_NE(old.body.find("Lịch sử sắp xếp"), std::string::npos);
  EXPECT_NE(app->get("/restructurings", &br).body.find("/restructurings/" + std::to_string(id)), std::string::npos);
  // An officer may not restructure.
  auto ob = app->browser_for("phutrach");
  EXPECT_EQ(app->post("/restructurings/preview", merge_form(), &ob).status, 403);
}

TEST_F(RestructuringsWeb, TheApiPreviewsCommitsAndTheIndicatorsReadTheTreeOfADate) {
  auto token = app->token_for("quantri");
  nlohmann::json body{{"kind", "merge"},
                      {"effective_on", "2025-07-01"},
                      {"legal_basis", "Nghị quyết 1/NQ-TU ngày 20/6/2025"},
                      {"sources", {"DB-A", "DB-B"}},
                      {"target", {{"code", "DB-AB"}, {"name", "Đảng bộ xã AB"}, {"kind", "dang_bo_co_so"}}}};
  auto p = app->api("POST", "/api/v1/restructurings/preview", token, body.dump());
  ASSERT_EQ(p.status, 200) << p.body;
  auto pj = nlohmann::json::parse(p.body);
  EXPECT_EQ(pj["committed"], false);
  ASSERT_TRUE(pj["lines"].is_array());
  EXPECT_FALSE(pj["lines"].empty());
  EXPECT_FALSE(pj.contains("id"));
  EXPECT_FALSE(org::find_unit_by_code(db.conn(), "DB-AB"));
  EXPECT_EQ(app->api("POST", "/api/v1/restructurings", app->token_for("phutrach"), body.dump()).status, 403);
  auto r = app->api("POST", "/api/v1/restructurings", token, body.dump());
  ASSERT_EQ(r.status, 201) << r.body;
  auto rj = nlohmann::json::parse(r.body);
  EXPECT_EQ(rj["committed"], true);
  EXPECT_EQ(rj["lines"], pj["lines"]);
  auto got = app->api("GET", "/api/v1/restructurings/" + std::to_string(rj["id"].get<std::int64_t>()), token);
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(nlohmann::json::parse(got.body)["kind"], "merge");
  auto n = org::find_unit_by_code(db.conn(), "DB-AB");
  ASSERT_TRUE(n);

  // A dissolution of a unit with a member left is refused with the reason, in Vietnamese.
  nlohmann::json dissolve{{"kind", "dissolve"}, {"effective_on", "2025-07-01"}, {"legal_basis", "QĐ 2"}, {"unit", "DB-W"}};
  auto refused = app->api("POST", "/api/v1/restructurings", token, dissolve.dump());
  EXPECT_EQ(refused.status, 422);
  auto ej = nlohmann::json::parse(refused.body);
  ASSERT_TRUE(ej["errors"].is_array());
  ASSERT_FALSE(ej["errors"].empty());
  EXPECT_EQ(ej["errors"][0]["field"], "unit");
  EXPECT_NE(ej["errors"][0]["message"].get<std::string>().find("còn 1 người đang sinh hoạt"), std::string::npos);

  // The root as of the day before: A, A1, B, W with A's, A1's and B's plans; on the date: A1, W with A1's (AB owes
  // plans from 2025).
  auto unit = "unit=" + std::to_string(root.id) + "&year=2024";
  auto before = indicators(unit + "&as_of=2025-06-30");
  EXPECT_EQ(before["plan_coverage"]["units"], 4);
  EXPECT_EQ(before["plan_coverage"]["accepted"], 3);
  EXPECT_EQ(before["as_of"], "2025-06-30");
  auto after = indicators(unit + "&as_of=2025-07-01");
  EXPECT_EQ(after["plan_coverage"]["units"], 2);
  EXPECT_EQ(after["plan_coverage"]["accepted"], 1);
  auto now = indicators(unit);
  EXPECT_EQ(now["plan_coverage"]["accepted"], 1);
  EXPECT_FALSE(now.contains("as_of"));
  // With continuity the new committee carries A's and B's plans.
  auto carried = indicators("unit=" + std::to_string(n->id) + "&year=2024&continuity=1");
  EXPECT_EQ(carried["plan_coverage"]["accepted"], 3);
  EXPECT_EQ(carried["continuity"], true);
  EXPECT_EQ(carried["carried"].size(), 2u);
  EXPECT_EQ(indicators("unit=" + std::to_string(n->id) + "&year=2024")["plan_coverage"]["accepted"], 1);
  // Bad parameters are 422.
  auto bad_date = indicators(unit + "&as_of=bad", 422);
  EXPECT_EQ(bad_date["errors"][0]["field"], "as_of");
  indicators(unit + "&as_of=2025-02-30", 422);
  indicators(unit + "&continuity=2", 422);
}

TEST_F(RestructuringsWeb, TheUnitPageTellsTheOldNameAndEventsStayInTheirScope) {
  auto token = app->token_for("quantri");
  nlohmann::json rename{{"kind", "rename"},      {"effective_on", "2025-07-01"}, {"legal_basis", "QĐ 3"},
                        {"unit", "CB-A1"},       {"new_name", "Chi bộ thôn A Một"}, {"new_code", "CB-A1M"}};
  auto r = app->api("POST", "/api/v1/restructurings", token, rename.dump());
  ASSERT_EQ(r.status, 201) << r.body;
  auto id = nlohmann::json::parse(r.body)["id"].get<std::int64_t>();
  auto br = app->browser_for("quantri");
  auto page = app->get("/units/" + std::to_string(a1.id), &br);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Lịch sử sắp xếp"), std::string::npos);
  EXPECT_NE(page.body.find("Chi bộ thôn A1 (CB-A1)"), std::string::npos);
  EXPECT_EQ(page.body.find("Trước đó: Tên trước đó"), std::string::npos) << "the panel says “before” twice";
  // The admin of another subtree neither lists nor reads the event.
  auto other = app->token_for("quantri_w");
  EXPECT_EQ(app->api("GET", "/api/v1/restructurings/" + std::to_string(id), other).status, 404);
  EXPECT_EQ(nlohmann::json::parse(app->api("GET", "/api/v1/restructurings", other).body)["total"], 0);
  EXPECT_EQ(nlohmann::json::parse(app->api("GET", "/api/v1/restructurings", token).body)["total"], 1);
  auto wb = app->browser_for("quantri_w");
  EXPECT_EQ(app->get("/restructurings/" + std::to_string(id), &wb).status, 404);
  // …nor restructures outside it: the form comes back naming the unit.
  auto f = form({{"kind", "dissolve"}, {"effective_on", "2025-07-01"}, {"legal_basis", "QĐ 4"}, {"unit", "CB-A1M"}});
  auto refused = app->post("/restructurings/preview", f, &wb);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("Bạn không có quyền sắp xếp Chi bộ thôn A Một (CB-A1M)"), std::string::npos);
}

}  // namespace
}  // namespace ct05
