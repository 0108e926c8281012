// Accounts on both engines, on a small tree of real accounts: the grant matrix (granter's role × role granted ×
// inside/outside the granter's subtree), who manages whom, the one-time code's life (issued, used once, expired,
// superseded), disabled accounts and changed passwords ending sessions and tokens, the last administrator kept,
// bulk onboarding and its slips, and the same through the pages and the API.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "kernel/clock.hpp"
#include "modules/accounts/domain/account.hpp"
#include "modules/accounts/storage/account_store.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/auth/crypto.hpp"
#include "support/factories.hpp"
#include "support/http_client.hpp"
#include "support/test_db.hpp"

namespace ct05::accounts {
namespace {

constexpr const char* kPassword = "Khuoi-Cuong-58-ho";

class Accounts : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TestDb>();
    auto& c = db_->conn();
    city_ = testing::make_unit(c, "TU-T", "Thành ủy T", "thanh_uy", 0);
    commune_ = testing::make_unit(c, "DB-A", "Đảng bộ xã A", "dang_bo_co_so", city_.id);
    cell_ = testing::make_unit(c, "CB-A1", "Chi bộ thôn A1", "chi_bo", commune_.id);
    other_ = testing::make_unit(c, "DB-B", "Đảng bộ xã B", "dang_bo_co_so", city_.id);
    other_cell_ = testing::make_unit(c, "CB-B1", "Chi bộ thôn B1", "chi_bo", other_.id);
    root_admin_ = account("quantri", "quan_tri", city_.id);
  }
  void TearDown() override { kernel::set_fixed_time(0); }
  db::Connection& c() { return db_->conn(); }

  // An activated account with one grant, made through the store as the system would.
  std::int64_t account(const std::string& login, const std::string& role, std::int64_t unit_id, std::int64_t person = 0) {
    NewAccount in;
    in.login = login;
    in.display_name = "Người " + login;
    in.role = role;
    in.unit_id = unit_id;
    in.person_id = person;
    auto r = create_account(c(), auth::system_principal(), in);
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    auto id = activate(c(), login, r->code, kPassword, kPassword, "127.0.0.1");
    EXPECT_TRUE(id) << (id ? "" : id.error().message + (id.error().fields.empty() ? "" : id.error().fields[0].message));
    return r->account.id;
  }
  auth::Principal as(const std::string& login) { return *org::principal_of(c(), login); }

  std::unique_ptr<testing::TestDb> db_;
  org::Unit city_, commune_, cell_, other_, other_cell_;
  std::int64_t root_admin_ = 0;
};

ErrorCode code_of(const Result<GrantRow>& r) { return r ? ErrorCode::kInternal : r.error().code; }

// The grant matrix. Each granter holds one role on the commune; it grants each role on a cell of its commune
// (inside) and on a cell of the other commune (outside). "ok" means the grant is made.
TEST_F(Accounts, GrantMatrix) {
  struct Row {
    const char* granter;
    const char* role;
    bool inside;
    bool ok;
  };
  const Row rows[] = {
      {"quan_tri", "quan_tri", true, true},    {"quan_tri", "phu_trach", true, true},
      {"quan_tri", "lanh_dao", true, true},    {"quan_tri", "dang_vien", true, true},
      {"quan_tri", "quan_tri", false, false},  {"quan_tri", "phu_trach", false, false},
      {"quan_tri", "lanh_dao", false, false},  {"quan_tri", "dang_vien", false, false},
      {"phu_trach", "quan_tri", true, false},  {"phu_trach", "phu_trach", true, true},
      {"phu_trach", "lanh_dao", true, true},   {"phu_trach", "dang_vien", true, true},
      {"phu_trach", "quan_tri", false, false}, {"phu_trach", "phu_trach", false, false},
      {"phu_trach", "lanh_dao", false, false}, {"phu_trach", "dang_vien", false, false},
      {"lanh_dao", "quan_tri", true, false},   {"lanh_dao", "phu_trach", true, false},
      {"lanh_dao", "lanh_dao", true, false},   {"lanh_dao", "dang_vien", true, false},
      {"lanh_dao", "dang_vien", false, false}, {"dang_vien", "dang_vien", true, false},
      {"dang_vien", "lanh_dao", true, false},  {"dang_vien", "dang_vien", false, false},
  };
  for (const auto* g : {"quan_tri", "phu_trach", "lanh_dao", "dang_vien"}) account(std::string("g_") + g, g, commune_.id);
  auto target = account("target", "dang_vien", commune_.id);
  for (const auto& row : rows) {
    auto who = as(std::string("g_") + row.granter);
    auto unit = row.inside ? cell_.id : other_cell_.id;
    auto before = c().scalar("SELECT COUNT(*) FROM grants");
    auto r = grant(c(), who, target, row.role, unit);
    SCOPED_TRACE(std::string(row.granter) + " grants " + row.role + (row.inside ? " inside" : " outside"));
    if (row.ok) {
      ASSERT_TRUE(r) << r.error().message;
      EXPECT_EQ(r->granted_by, who.actor());
      ASSERT_TRUE(revoke(c(), who, r->id));
    } else {
      EXPECT_EQ(code_of(r), ErrorCode::kForbidden);
      EXPECT_FALSE(r.error().message.empty());
      EXPECT_EQ(c().scalar("SELECT COUNT(*) FROM grants"), before);  // nothing changed
    }
  }
}

TEST_F(Accounts, DuplicateGrantAndUnknownRoleAreRefused) {
  auto target = account("target", "dang_vien", cell_.id);
  auto admin = as("quantri");
  EXPECT_EQ(code_of(grant(c(), admin, target, "dang_vien", cell_.id)), ErrorCode::kConflict);
  EXPECT_EQ(code_of(grant(c(), admin, target, "chu_tich", cell_.id)), ErrorCode::kInvalid);
}

TEST_F(Accounts, AnOfficerManagesTheirSubtreeButNeverAnAdmin) {
  account("officer", "phu_trach", commune_.id);
  auto member = account("member", "dang_vien", cell_.id);
  auto outsider = account("outsider", "dang_vien", other_cell_.id);
  auto cell_admin = account("celladmin", "quan_tri", cell_.id);
  auto officer = as("officer");
  EXPECT_TRUE(get_account(c(), officer, member));
  EXPECT_EQ(get_account(c(), officer, outsider).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(get_account(c(), officer, cell_admin).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(set_active(c(), officer, cell_admin, false).error().code, ErrorCode::kForbidden);
  // The list shows the subtree's accounts only.
  std::vector<std::string> logins;
  for (const auto& a : list_accounts(c(), officer, {}, 50, 0)) logins.push_back(a.login);
  EXPECT_NE(std::find(logins.begin(), logins.end(), "member"), logins.end());
  EXPECT_EQ(std::find(logins.begin(), logins.end(), "outsider"), logins.end());
  EXPECT_EQ(std::find(logins.begin(), logins.end(), "quantri"), logins.end());
  EXPECT_EQ(count_accounts(c(), officer, {}), static_cast<std::int64_t>(logins.size()));
  // A member manages nobody.
  EXPECT_EQ(count_accounts(c(), as("member"), {}), 0);
  EXPECT_EQ(create_account(c(), as("member"), NewAccount{"x1", "X", 0, "dang_vien", cell_.id, ""}).error().code,
            ErrorCode::kForbidden);
}

TEST_F(Accounts, SearchWithoutDiacriticsAndFilters) {
  auto p = testing::make_member(c(), "Lường Thị Thời", cell_.id);
  NewAccount in;
  in.person_id = p;
  auto r = create_account(c(), as("quantri"), in);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->account.login, "thoilt");  // proposed from the name, folded
  EXPECT_EQ(r->account.grants.at(0).unit_id, cell_.id);  // the person's unit, as a member
  AccountFilter f;
  f.q = "luong thi";
  auto found = list_accounts(c(), as("quantri"), f, 50, 0);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].display_name, "Lường Thị Thời");
  f = {};
  f.state = "pending";
  EXPECT_EQ(count_accounts(c(), as("quantri"), f), 1);
  f.state = "active";
  EXPECT_EQ(count_accounts(c(), as("quantri"), f), 1);  // quantri itself
  f = {};
  f.role = "quan_tri";
  EXPECT_EQ(count_accounts(c(), as("quantri"), f), 1);
  // A second person of the same name gets the next free login; a person never gets two accounts.
  in.person_id = testing::make_member(c(), "Lương Thị Thơi", cell_.id);
  EXPECT_EQ(create_account(c(), as("quantri"), in)->account.login, "thoilt2");
  in.person_id = p;
  EXPECT_EQ(create_account(c(), as("quantri"), in).error().code, ErrorCode::kConflict);
}

TEST_F(Accounts, DuplicateLoginIsAConflictAndNothingIsWritten) {
  auto users = c().scalar("SELECT COUNT(*) FROM users");
  auto r = create_account(c(), as("quantri"), NewAccount{"quantri", "Trùng tên", 0, "dang_vien", cell_.id, ""});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_NE(r.error().message.find("đã có người dùng"), std::string::npos);
  EXPECT_EQ(c().scalar("SELECT COUNT(*) FROM users"), users);
}

TEST_F(Accounts, ActivationCodeIsUsedOnceAndExpires) {
  auto r = create_account(c(), as("quantri"), NewAccount{"moi", "Người mới", 0, "dang_vien", cell_.id, ""});
  ASSERT_TRUE(r);
  // Only the hash is stored.
  EXPECT_EQ(c().scalar("SELECT COUNT(*) FROM activation_codes WHERE code_hash = $1", {r->code}), 0);
  EXPECT_EQ(c().scalar("SELECT COUNT(*) FROM audit_log WHERE after_json LIKE $1", {"%" + r->code + "%"}), 0);
  // Not a password: the login refuses it as one.
  EXPECT_FALSE(auth::verify_password(r->code, auth::find_user(c(), "moi")->password_hash));
  auto wrong = activate(c(), "moi", "AAAA-BBBB-CCCC", kPassword, kPassword, "10.0.0.1");
  EXPECT_EQ(wrong.error().code, ErrorCode::kInvalid);
  auto weak = activate(c(), "moi", r->code, "password123", "password123", "10.0.0.1");
  ASSERT_FALSE(weak);
  EXPECT_EQ(weak.error().fields.at(0).field, "password");
  auto mismatch = activate(c(), "moi", r->code, kPassword, "khac-han-luon", "10.0.0.1");
  EXPECT_EQ(mismatch.error().fields.at(0).field, "password2");
  // Typed in lower case with spaces, it still works, once.
  std::string typed = r->code;
  for (auto& ch : typed) ch = (ch == '-') ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  ASSERT_TRUE(activate(c(), "moi", typed, kPassword, kPassword, "10.0.0.1"));
  EXPECT_TRUE(auth::verify_password(kPassword, auth::find_user(c(), "moi")->password_hash));
  auto again = activate(c(), "moi", r->code, "Mat-khau-khac-9", "Mat-khau-khac-9", "10.0.0.1");
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(auth::verify_password(kPassword, auth::find_user(c(), "moi")->password_hash));

  // A reset: the old password stops, a new code works for 14 days and not after.
  auto reset = issue_code(c(), as("quantri"), r->account.id, "reset");
  ASSERT_TRUE(reset);
  EXPECT_FALSE(auth::verify_password(kPassword, auth::find_user(c(), "moi")->password_hash));
  kernel::set_fixed_time(kernel::now_seconds() + kCodeSeconds + 60);
  auto expired = activate(c(), "moi", reset->code, kPassword, kPassword, "10.0.0.1");
  EXPECT_EQ(expired.error().code, ErrorCode::kConflict);
  EXPECT_NE(expired.error().message.find("hết hạn"), std::string::npos);
  kernel::set_fixed_time(0);
  // A newer code supersedes the older one.
  auto first = issue_code(c(), as("quantri"), r->account.id, "reset");
  auto second = issue_code(c(), as("quantri"), r->account.id, "reset");
  EXPECT_EQ(activate(c(), "moi", first->code, kPassword, kPassword, "10.0.0.1").error().code, ErrorCode::kConflict);
  EXPECT_TRUE(activate(c(), "moi", second->code, kPassword, kPassword, "10.0.0.1"));
  EXPECT_EQ(c().scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'user.code' AND entity_id = $1", {r->account.id}), 4);
  EXPECT_EQ(c().scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'user.activate' AND entity_id = $1", {r->account.id}), 2);
}

TEST_F(Accounts, TheLastAdministratorStaysAndNobodyDisablesThemself) {
  auto admin = as("quantri");
  auto only = admin.grants.at(0);
  auto grant_id = c().scalar("SELECT id FROM grants WHERE user_id = $1", {root_admin_});
  EXPECT_EQ(revoke(c(), admin, grant_id).error().code, ErrorCode::kConflict);
  EXPECT_EQ(set_active(c(), admin, root_admin_, false).error().code, ErrorCode::kConflict);
  EXPECT_EQ(set_active(c(), auth::system_principal(), root_admin_, false).error().code, ErrorCode::kConflict);
  // With a second administrator of the city, the first may go; an administrator below does not count.
  account("xa_admin", "quan_tri", commune_.id);
  EXPECT_EQ(set_active(c(), auth::system_principal(), root_admin_, false).error().code, ErrorCode::kConflict);
  account("quantri2", "quan_tri", city_.id);
  EXPECT_TRUE(set_active(c(), as("quantri2"), root_admin_, false));
  EXPECT_EQ(set_active(c(), as("quantri2"), as("quantri2").user_id, false).error().code, ErrorCode::kConflict);
}

TEST_F(Accounts, ChangingThePasswordEndsOtherSessionsAndTokens) {
  auto id = account("canbo", "dang_vien", cell_.id);
  auto keep = auth::create_session(c(), id);
  auto other = auth::create_session(c(), id);
  auto token = auth::create_api_token(c(), id, "báo cáo");
  auto me = as("canbo");
  auto wrong = change_password(c(), me, "sai-mat-khau", "Moi-hon-2026", "Moi-hon-2026", auth::sha256_hex(keep.token));
  EXPECT_EQ(wrong.error().fields.at(0).field, "current");
  EXPECT_TRUE(auth::load_session(c(), other.token));
  EXPECT_EQ(change_password(c(), me, kPassword, "12345678", "12345678", "").error().fields.at(0).field, "password");
  ASSERT_TRUE(change_password(c(), me, kPassword, "Moi-hon-2026", "Moi-hon-2026", auth::sha256_hex(keep.token)));
  EXPECT_TRUE(auth::load_session(c(), keep.token));
  EXPECT_FALSE(auth::load_session(c(), other.token));
  EXPECT_FALSE(auth::user_for_api_token(c(), token));
}

TEST_F(Accounts, BulkOnboardingGivesEveryCadreWithoutAnAccountOneCode) {
  testing::make_member(c(), "Hứa Minh Dũng", cell_.id);
  testing::make_member(c(), "Hoàng Văn Bình", cell_.id);
  testing::make_member(c(), "Nông Thị Hoa", other_cell_.id);  // outside the commune
  account("officer", "phu_trach", commune_.id);
  EXPECT_EQ(count_without_account(c(), commune_.id), 2);
  auto slips = bulk_create(c(), as("officer"), commune_.id);
  ASSERT_TRUE(slips) << slips.error().message;
  ASSERT_EQ(slips->size(), 2u);
  EXPECT_EQ(slips->at(0).login, "binhhv");
  EXPECT_EQ(slips->at(1).login, "dunghm");
  EXPECT_EQ(count_without_account(c(), commune_.id), 0);
  EXPECT_EQ(bulk_create(c(), as("officer"), commune_.id)->size(), 0u);
  EXPECT_EQ(bulk_create(c(), as("officer"), other_.id).error().code, ErrorCode::kForbidden);
  // Slips print only live codes of the unit's accounts.
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& s : *slips) pairs.emplace_back(s.login, s.code);
  auto printed = slips_for(c(), as("officer"), commune_.id, pairs);
  ASSERT_TRUE(printed);
  EXPECT_EQ(printed->at(1).full_name, "Hứa Minh Dũng");
  EXPECT_EQ(slips_for(c(), as("officer"), commune_.id, {{"binhhv", "AAAA-BBBB-CCCC"}}).error().code, ErrorCode::kInvalid);
  ASSERT_TRUE(activate(c(), "dunghm", slips->at(1).code, kPassword, kPassword, "10.0.0.2"));
  EXPECT_EQ(slips_for(c(), as("officer"), commune_.id, pairs).error().code, ErrorCode::kInvalid);
}

TEST_F(Accounts, PasswordPolicy) {
  EXPECT_TRUE(common_password("Password1"));
  EXPECT_TRUE(common_password("qwerty"));
  EXPECT_FALSE(common_password("Khuoi-Cuong-58-ho"));
  EXPECT_EQ(password_problems("ngan", "x", "").size(), 1u);
  EXPECT_EQ(password_problems("iloveyou", "x", "").size(), 1u);
  EXPECT_EQ(password_problems("thoilt2026", "thoilt", "").size(), 1u);
  EXPECT_TRUE(password_problems("Nà Nàng mùa lúa chín", "thoilt", "Lường Thị Thời").empty());
}

// ---- through the pages and the API
class AccountPages : public Accounts {
 protected:
  void SetUp() override {
    Accounts::SetUp();
    app_ = std::make_unique<testing::AppHarness>(db_->url());
  }
  std::unique_ptr<testing::AppHarness> app_;
};

TEST_F(AccountPages, ADisabledAccountsSessionAndTokenStopAtOnce) {
  auto id = account("canbo", "dang_vien", cell_.id);
  auto b = app_->browser_for("canbo");
  auto token = app_->token_for("canbo");
  EXPECT_EQ(app_->get("/account", &b).status, 200);
  EXPECT_EQ(app_->api("GET", "/api/v1/inbox", token).status, 200);
  auto admin = app_->browser_for("quantri");
  auto r = app_->post("/admin/accounts/" + std::to_string(id) + "/disable", "", &admin);
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(app_->get("/account", &b).status, 303);  // to the login page
  EXPECT_EQ(app_->get("/account", &b).header_value("Location").rfind("/login", 0), 0u);
  EXPECT_EQ(app_->api("GET", "/api/v1/inbox", token).status, 401);
  // Re-enabled, the old session stays ended.
  EXPECT_EQ(app_->post("/admin/accounts/" + std::to_string(id) + "/enable", "", &admin).status, 303);
  EXPECT_EQ(app_->get("/account", &b).status, 303);
}

TEST_F(AccountPages, PagesRefuseWhatTheStoreRefuses) {
  account("officer", "phu_trach", commune_.id);
  auto officer = app_->browser_for("officer");
  auto list = app_->get("/admin/accounts?q=quantri", &officer);
  EXPECT_EQ(list.status, 200);
  EXPECT_EQ(list.body.find("/admin/accounts/" + std::to_string(root_admin_) + "\""), std::string::npos);
  EXPECT_EQ(app_->get("/admin/accounts/" + std::to_string(root_admin_), &officer).status, 403);
  auto member = account("member", "dang_vien", cell_.id);
  auto above = app_->post("/admin/accounts/" + std::to_string(member) + "/grants", "role=quan_tri&unit=CB-A1", &officer);
  EXPECT_EQ(above.status, 403);
  auto outside = app_->post("/admin/accounts/" + std::to_string(member) + "/grants", "role=dang_vien&unit=CB-B1", &officer);
  EXPECT_EQ(outside.status, 403);
  auto unknown = app_->post("/admin/accounts/" + std::to_string(member) + "/grants", "role=dang_vien&unit=KHONG-CO", &officer);
  EXPECT_EQ(unknown.status, 422);
  EXPECT_NE(unknown.body.find("Không có đơn vị mã"), std::string::npos);
  EXPECT_EQ(app_->post("/admin/accounts/" + std::to_string(member) + "/grants", "role=lanh_dao&unit=CB-A1", &officer).status, 303);
  // Without the CSRF token nothing changes.
  auto grants = c().scalar("SELECT COUNT(*) FROM grants");
  EXPECT_EQ(app_->post("/admin/accounts/" + std::to_string(member) + "/grants", "role=dang_vien&unit=DB-A", &officer, false).status, 403);
  EXPECT_EQ(c().scalar("SELECT COUNT(*) FROM grants"), grants);
  // A member sees no account pages.
  auto m = app_->browser_for("member");
  EXPECT_EQ(app_->get("/admin/accounts", &m).status, 403);
}

TEST_F(AccountPages, CreateShowsTheCodeOnceAndActivationSignsIn) {
  auto admin = app_->browser_for("quantri");
  auto r = app_->post("/admin/accounts", "display_name=Nguy%E1%BB%85n+V%C4%83n+An&role=dang_vien&unit=CB-A1", &admin);
  ASSERT_EQ(r.status, 201) << r.body;
  auto at = r.body.find("id=\"code\">");
  ASSERT_NE(at, std::string::npos);
  std::string code = r.body.substr(at + 10, 14);
  EXPECT_NE(r.body.find("annv"), std::string::npos);
  // The login form hands a code over to the activation form.
  auto anon = testing::AppHarness::Browser{};
  auto login_page = app_->get("/login");
  std::string cookie = login_page.header_value("Set-Cookie");
  std::string csrf = cookie.substr(cookie.find('=') + 1, 48);
  anon.cookie = "ct05_csrf=" + csrf;
  anon.csrf = csrf;
  auto handed = app_->post("/login", "login=annv&password=" + code, &anon);
  EXPECT_EQ(handed.status, 200);
  EXPECT_NE(handed.body.find("Kích hoạt tài khoản"), std::string::npos);
  auto weak = app_->post("/activate", "login=annv&code=" + code + "&password=12345678&password2=12345678", &anon);
  EXPECT_EQ(weak.status, 422);
  EXPECT_NE(weak.body.find("10.000 mật khẩu phổ biến"), std::string::npos);
  auto ok = app_->post("/activate", "login=annv&code=" + code + "&password=Lua-chin-Na-Nang&password2=Lua-chin-Na-Nang", &anon);
  EXPECT_EQ(ok.status, 303);
  EXPECT_EQ(ok.header_value("Location"), "/inbox?welcome=1");
  EXPECT_NE(ok.header_value("Set-Cookie").find("ct05_session="), std::string::npos);
  auto reuse = app_->post("/activate", "login=annv&code=" + code + "&password=Lua-chin-Na-Nang&password2=Lua-chin-Na-Nang", &anon);
  EXPECT_EQ(reuse.status, 409);
}

TEST_F(AccountPages, TheApiOffersTheSameCommands) {
  auto token = app_->token_for("quantri");
  auto created = app_->api("POST", "/api/v1/accounts", token,
                           R"({"display_name":"Trần Thị Mai","role":"phu_trach","unit_code":"DB-A","email":"mai@example.vn"})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto j = nlohmann::json::parse(created.body);
  EXPECT_EQ(j["account"]["login"], "maitt");
  EXPECT_EQ(j["account"]["state"], "pending");
  EXPECT_EQ(j["code"].get<std::string>().size(), 14u);
  auto id = j["account"]["id"].get<std::int64_t>();
  auto g = app_->api("POST", "/api/v1/grants", token, R"({"user_id":)" + std::to_string(id) + R"(,"role":"lanh_dao","unit_code":"DB-B"})");
  ASSERT_EQ(g.status, 201) << g.body;
  auto gid = nlohmann::json::parse(g.body)["id"].get<std::int64_t>();
  auto listed = nlohmann::json::parse(app_->api("GET", "/api/v1/grants?user_id=" + std::to_string(id), token).body);
  EXPECT_EQ(listed["items"].size(), 2u);
  EXPECT_EQ(app_->api("DELETE", "/api/v1/grants/" + std::to_string(gid), token).status, 204);
  auto dup = app_->api("POST", "/api/v1/accounts", token, R"({"login":"maitt","display_name":"X","role":"dang_vien","unit_code":"CB-A1"})");
  EXPECT_EQ(dup.status, 409);
  auto search = nlohmann::json::parse(app_->api("GET", "/api/v1/accounts?q=tran+thi", token).body);
  EXPECT_EQ(search["total"], 1);
  EXPECT_EQ(app_->api("POST", "/api/v1/accounts/" + std::to_string(root_admin_) + "/disable", token).status, 409);
  account("member", "dang_vien", cell_.id);
  EXPECT_EQ(app_->api("GET", "/api/v1/accounts", app_->token_for("member")).status, 403);
}

}  // namespace
}  // namespace ct05::accounts
