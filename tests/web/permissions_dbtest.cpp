// The permission table over HTTP, pages and API alike, on the demo data and both engines:
// role × action × in/out of scope → status, and a refused change leaves the data as it was.
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "modules/org/storage/unit_store.hpp"
#include "support/http_client.hpp"
#include "support/test_db.hpp"

namespace ct05 {
namespace {

class Permissions : public ::testing::Test {
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
  static std::int64_t unit(const std::string& code) { return org::find_unit_by_code(db_->conn(), code)->id; }
  static std::string unit_url(const std::string& code) { return "/units/" + std::to_string(unit(code)); }
  static std::int64_t person(const std::string& name) {
    return db_->conn().scalar("SELECT id FROM persons WHERE full_name = $1 ORDER BY id LIMIT 1", {name});
  }
  static std::string name_of(const std::string& code) { return org::find_unit_by_code(db_->conn(), code)->name; }
  static std::int64_t count(const std::string& table) {
    std::string sql = "SELECT COUNT(*) FROM ";
    return db_->conn().scalar(sql + table);  // table names are literals of this file
  }
  static testing::TestDb* db_;
  static testing::AppHarness* app_;
};
testing::TestDb* Permissions::db_ = nullptr;
testing::AppHarness* Permissions::app_ = nullptr;

struct PageRow {
  const char* login;
  const char* unit_code;
  int status;
};

TEST_F(Permissions, ViewingUnitPagesFollowsTheSubtree) {
  const PageRow rows[] = {
      {"khuoicuong", "CB-KHUOICUONG", 200}, {"khuoicuong", "DB-NONGTHUONG", 403}, {"khuoicuong", "TU-BACKAN", 403},
      {"khuoicuong", "CB-NANANG", 403},     {"khuoicuong", "THON-KHUOICUONG", 403}, {"nongthuong", "CB-KHUOICUONG", 200},
      {"nongthuong", "THON-NANANG", 200},   {"nongthuong", "DB-SONGCAU", 403},     {"lanhdao", "CB-KHUOICUONG", 200},
      {"dangvien", "CB-KHUOICUONG", 200},   {"dangvien", "DB-NONGTHUONG", 403},    {"admin", "DB-SONGCAU", 200},
  };
  for (const auto& r : rows) {
    auto b = app_->browser_for(r.login);
    auto res = app_->get(unit_url(r.unit_code), &b);
    EXPECT_EQ(res.status, r.status) << r.login << " → " << r.unit_code;
    if (r.status == 403) {
      EXPECT_NE(res.body.find("Không có quyền truy cập"), std::string::npos);
    }
    auto code = app_->get("/units/by-code/" + std::string(r.unit_code), &b);
    EXPECT_EQ(code.status, r.status == 200 ? 303 : 403) << r.login << " by-code " << r.unit_code;
  }
}

TEST_F(Permissions, RefusedChangesChangeNothing) {
  auto kc = app_->browser_for("khuoicuong");
  auto units = count("units"), persons = count("persons"), audit = count("audit_log");
  auto before = name_of("DB-NONGTHUONG");
  // rename above, create beside, deactivate own unit, add a person elsewhere
  EXPECT_EQ(app_->post(unit_url("DB-NONGTHUONG"), "name=Bị+đổi&code=DB-NONGTHUONG&kind=dang_bo_co_so", &kc).status, 403);
  EXPECT_EQ(app_->post("/units", "parent_id=" + std::to_string(unit("DB-NONGTHUONG")) +
                                     "&name=Chi+bộ+lạ&code=CB-LA&kind=chi_bo",
                       &kc).status,
            403);
  EXPECT_EQ(app_->post(unit_url("CB-KHUOICUONG") + "/deactivate", "", &kc).status, 403);
  EXPECT_EQ(app_->post("/people", "unit_id=" + std::to_string(unit("CB-NANANG")) + "&full_name=Người+lạ", &kc).status, 403);
  EXPECT_EQ(app_->post("/people/" + std::to_string(person("Phượng Hoàng Minh")), "full_name=Đổi+tên", &kc).status, 403);
  auto ld = app_->browser_for("lanhdao");
  EXPECT_EQ(app_->post(unit_url("CB-KHUOICUONG"), "name=Đổi", &ld).status, 403);
  auto dv = app_->browser_for("dangvien");
  EXPECT_EQ(app_->post("/people", "unit_id=" + std::to_string(unit("CB-KHUOICUONG")) + "&full_name=X", &dv).status, 403);
  EXPECT_EQ(name_of("DB-NONGTHUONG"), before);
  EXPECT_EQ(count("units"), units);
  EXPECT_EQ(count("persons"), persons);
  EXPECT_EQ(count("audit_log"), audit);
}

TEST_F(Permissions, AFormWithoutTheCsrfTokenIsRefused) {
  auto nt = app_->browser_for("nongthuong");
  auto before = name_of("CB-NANANG");
  auto r = app_->post(unit_url("CB-NANANG"), "name=Không+có+CSRF", &nt, /*with_csrf=*/false);
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("CSRF"), std::string::npos);
  EXPECT_EQ(name_of("CB-NANANG"), before);
}

TEST_F(Permissions, AllowedChangesWorkAndAreAudited) {
  auto nt = app_->browser_for("nongthuong");
  auto audit = count("audit_log");
  auto r = app_->post(unit_url("CB-COCMUONG"), "name=Chi+bộ+thôn+Cốc+Muồng+(mới)&code=CB-COCMUONG&kind=chi_bo", &nt);
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(name_of("CB-COCMUONG"), "Chi bộ thôn Cốc Muồng (mới)");
  EXPECT_EQ(count("audit_log"), audit + 1);
  // A unit with members cannot be deactivated: 409 with the reason.
  auto d = app_->post(unit_url("CB-KHUOICUONG") + "/deactivate", "valid_to=2026-01-01", &nt);
  EXPECT_EQ(d.status, 409);
  EXPECT_NE(d.body.find("người đang sinh hoạt"), std::string::npos);
}

TEST_F(Permissions, SensitiveFieldsOnlyForTheEntitledAndEachFullReadIsLogged) {
  auto thoi = "/people/" + std::to_string(person("Lường Thị Thời"));
  auto reads = db_->conn().scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'person.read'");
  auto kc = app_->browser_for("khuoicuong");
  auto own_unit = app_->get(thoi, &kc);
  EXPECT_EQ(own_unit.status, 200);
  EXPECT_NE(own_unit.body.find("Thông tin cá nhân nhạy cảm"), std::string::npos);
  EXPECT_EQ(db_->conn().scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'person.read'"), reads + 1);
  auto ld = app_->browser_for("lanhdao");
  auto leader = app_->get(thoi, &ld);
  EXPECT_EQ(leader.status, 200);
  EXPECT_EQ(leader.body.find("Thông tin cá nhân nhạy cảm"), std::string::npos);
  EXPECT_EQ(leader.body.find("Tày"), std::string::npos);
  auto dv = app_->browser_for("dangvien");
  EXPECT_EQ(app_->get(thoi, &dv).status, 403);
  auto self = db_->conn().query_one("SELECT person_id FROM users WHERE login = 'dangvien'")->i64(0);
  auto own = app_->get("/people/" + std::to_string(self), &dv);
  EXPECT_EQ(own.status, 200);
  EXPECT_NE(own.body.find("Thông tin cá nhân nhạy cảm"), std::string::npos);
}

TEST_F(Permissions, ApiAnswersProblemJsonWithTheSameRule) {
  auto token = app_->token_for("khuoicuong");
  auto own = app_->api("GET", "/api/v1/units/" + std::to_string(unit("CB-KHUOICUONG")), token);
  EXPECT_EQ(own.status, 200);
  EXPECT_EQ(nlohmann::json::parse(own.body)["code"], "CB-KHUOICUONG");

  auto out = app_->api("GET", "/api/v1/units/" + std::to_string(unit("TU-BACKAN")), token);
  EXPECT_EQ(out.status, 403);
  EXPECT_EQ(out.header_value("Content-Type").rfind("application/problem+json", 0), 0u);
  auto j = nlohmann::json::parse(out.body);
  EXPECT_EQ(j["status"], 403);
  EXPECT_EQ(j["title"], "Forbidden");
  EXPECT_NE(j["detail"].get<std::string>().find("không có quyền"), std::string::npos);

  auto before = name_of("TU-BACKAN");
  EXPECT_EQ(app_->api("PATCH", "/api/v1/units/" + std::to_string(unit("TU-BACKAN")), token, R"({"name":"x"})").status, 403);
  EXPECT_EQ(name_of("TU-BACKAN"), before);
  EXPECT_EQ(app_->api("GET", "/api/v1/units?parent=" + std::to_string(unit("DB-NONGTHUONG")), token).status, 403);
  auto persons = count("persons");
  EXPECT_EQ(app_->api("POST", "/api/v1/people", token,
                      R"({"full_name":"Người lạ","unit_id":)" + std::to_string(unit("CB-NANANG")) + "}")
                .status,
            403);
  EXPECT_EQ(count("persons"), persons);
}

TEST_F(Permissions, ApiErrorsAreTheDocumentedOnes) {
  EXPECT_EQ(app_->api("GET", "/api/v1/units/1", "").status, 401);
  EXPECT_EQ(app_->api("GET", "/api/v1/units/1", std::string(64, 'a')).status, 401);
  auto token = app_->token_for("admin");
  EXPECT_EQ(app_->api("GET", "/api/v1/units/999999", token).status, 404);
  auto bad = app_->api("POST", "/api/v1/units", token, R"({"name":"","code":"x y","kind":"chi_bo","parent_id":1})");
  EXPECT_EQ(bad.status, 422);
  auto j = nlohmann::json::parse(bad.body);
  ASSERT_TRUE(j["errors"].is_array());
  std::set<std::string> fields;
  for (const auto& e : j["errors"]) fields.insert(e["field"].get<std::string>());
  EXPECT_TRUE(fields.count("name") && fields.count("code"));
  EXPECT_EQ(app_->api("POST", "/api/v1/units", token, "not json").status, 422);
  EXPECT_EQ(app_->api("POST", "/api/v1/units", token, R"({"parent_id":"1"})").status, 422);
}

TEST_F(Permissions, ApiCreatesListsAndSearchesWithinScope) {
  auto token = app_->token_for("khuoicuong");
  auto cell = unit("CB-KHUOICUONG");
  auto created = app_->api("POST", "/api/v1/people", token,
                           R"({"full_name":"Đặng Văn Tùng","gender":"nam","birth_year":1990,"unit_id":)" +
                               std::to_string(cell) + "}");
  ASSERT_EQ(created.status, 201) << created.body;
  auto id = nlohmann::json::parse(created.body)["id"].get<std::int64_t>();
  auto patched = app_->api("PATCH", "/api/v1/people/" + std::to_string(id), token, R"({"position":"Đảng viên"})");
  EXPECT_EQ(patched.status, 200);
  EXPECT_EQ(nlohmann::json::parse(patched.body)["position"], "Đảng viên");
  auto list = nlohmann::json::parse(app_->api("GET", "/api/v1/people?unit=" + std::to_string(cell), token).body);
  bool found = false;
  for (const auto& p : list["items"]) found = found || p["id"] == id;
  EXPECT_TRUE(found);
  auto search = nlohmann::json::parse(app_->api("GET", "/api/v1/search?q=dang+van+tung", token).body);
  ASSERT_FALSE(search["items"].empty());
  EXPECT_EQ(search["items"][0]["title"], "Đặng Văn Tùng");
  EXPECT_EQ(search["items"][0]["kind"], "person");
  EXPECT_EQ(search["items"][0]["url"], "/people/" + std::to_string(id));
  // Out of scope: the commune secretary is not found by the cell officer.
  auto other = nlohmann::json::parse(app_->api("GET", "/api/v1/search?q=phuong+hoang+minh", token).body);
  EXPECT_TRUE(other["items"].empty());
  auto children = nlohmann::json::parse(app_->api("GET", "/api/v1/units", token).body);
  ASSERT_EQ(children["items"].size(), 1u);
  EXPECT_EQ(children["items"][0]["code"], "CB-KHUOICUONG");
}

TEST_F(Permissions, LoginWorksAndIsThrottledAfterRepeatedFailures) {
  auto page = app_->get("/login");
  ASSERT_EQ(page.status, 200);
  std::string cookie;
  for (const auto& [k, v] : page.headers)
    if (k == "Set-Cookie" && v.rfind("ct05_csrf=", 0) == 0) cookie = v.substr(0, v.find(';'));
  ASSERT_FALSE(cookie.empty());
  std::string csrf = cookie.substr(cookie.find('=') + 1);
  auto post = [&](const std::string& login, const std::string& pw) {
    http::Request r;
    r.method = "POST";
    r.path = "/login";
    r.remote_ip = "10.0.0.9";
    r.headers["content-type"] = "application/x-www-form-urlencoded";
    r.headers["cookie"] = cookie;
    r.body = "_csrf=" + csrf + "&login=" + login + "&password=" + pw + "&next=/units";
    return app_->app().handle(r);
  };
  auto ok = post("lanhdao", "ct05-demo");
  EXPECT_EQ(ok.status, 303);
  EXPECT_EQ(ok.header_value("Location"), "/units");
  for (int i = 0; i < 5; ++i) EXPECT_EQ(post("nongthuong", "sai-mat-khau").status, 401);
  auto blocked = post("nongthuong", "ct05-demo");
  EXPECT_EQ(blocked.status, 429);
  EXPECT_NE(blocked.body.find("quá nhiều lần"), std::string::npos);
}

TEST_F(Permissions, HealthMetricsAndSecurityHeaders) {
  EXPECT_EQ(app_->get("/healthz").status, 200);
  auto m = app_->get("/metrics");
  EXPECT_NE(m.body.find("ct05_http_requests_total"), std::string::npos);
  EXPECT_NE(m.body.find("ct05_http_request_duration_seconds_bucket"), std::string::npos);
  EXPECT_NE(m.body.find("ct05_db_pool_connections"), std::string::npos);
  auto login = app_->get("/login");
  EXPECT_NE(login.header_value("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(login.header_value("X-Frame-Options"), "DENY");
  EXPECT_EQ(app_->get("/units").status, 303);  // not logged in → login page
  auto spec = nlohmann::json::parse(app_->get("/api/v1/openapi.json").body);
  EXPECT_EQ(spec["openapi"].get<std::string>().rfind("3.", 0), 0u);
  EXPECT_TRUE(spec["paths"].contains("/api/v1/units/{id}"));
}

TEST_F(Permissions, PlansFollowTheSameRuleAndTheDashboardMovesAtOnce) {
  auto kc = app_->browser_for("khuoicuong");
  auto nt = app_->browser_for("nongthuong");
  EXPECT_EQ(app_->get(unit_url("DB-NONGTHUONG") + "/dashboard?year=2020", &kc).status, 403);
  EXPECT_EQ(app_->get(unit_url("CB-KHUOICUONG") + "/dashboard?year=2020", &kc).status, 200);
  auto nanang = db_->conn().scalar("SELECT id FROM plans WHERE unit_id = $1 AND year = 2020 AND person_id IS NULL",
                                   {unit("CB-NANANG")});
  ASSERT_GT(nanang, 0);
  auto status = [&] { return db_->conn().query_one("SELECT status FROM plans WHERE id = $1", {nanang})->str(0); };
  ASSERT_EQ(status(), "submitted");
  // The cell officer of another cell cannot review it; the commune officer can.
  EXPECT_EQ(app_->post("/plans/" + std::to_string(nanang) + "/transition", "action=accept", &kc).status, 403);
  EXPECT_EQ(status(), "submitted");
  auto token = app_->token_for("nongthuong");
  auto before = nlohmann::json::parse(
      app_->api("GET", "/api/v1/indicators?unit=" + std::to_string(unit("DB-NONGTHUONG")) + "&year=2020", token).body);
  EXPECT_EQ(app_->post("/plans/" + std::to_string(nanang) + "/transition", "action=accept", &nt).status, 303);
  EXPECT_EQ(status(), "accepted");
  auto after = nlohmann::json::parse(
      app_->api("GET", "/api/v1/indicators?unit=" + std::to_string(unit("DB-NONGTHUONG")) + "&year=2020", token).body);
  EXPECT_EQ(after["plan_coverage"]["accepted"].get<int>(), before["plan_coverage"]["accepted"].get<int>() + 1);
  EXPECT_EQ(after["plan_coverage"]["units"], before["plan_coverage"]["units"]);
  // The API refuses the indicators of a unit outside the caller's scope, and a second accept is a conflict.
  auto kct = app_->token_for("khuoicuong");
  EXPECT_EQ(app_->api("GET", "/api/v1/indicators?unit=" + std::to_string(unit("TU-BACKAN")) + "&year=2020", kct).status, 403);
  EXPECT_EQ(app_->api("POST", "/api/v1/plans/" + std::to_string(nanang) + "/accept", token).status, 409);
  EXPECT_EQ(app_->api("GET", "/api/v1/indicators?unit=1", token).status, 422);
}

}  // namespace
}  // namespace ct05
