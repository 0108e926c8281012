// The register's public side over HTTP on both engines: only published entries with consent are shown,
// by list, short link, API and file URL; a citizen's nomination through the form with its challenge and an
// uploaded photo; withdrawn consent hides the entry and its files at once; the API refuses steps that are
// not next with 409.
#include <regex>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sodium.h>

#include "modules/org/storage/unit_store.hpp"
#include "kernel/clock.hpp"
#include "modules/registry/storage/entry_store.hpp"
#include "modules/registry/web/challenge.hpp"
#include "support/http_client.hpp"
#include "support/test_db.hpp"

namespace ct05 {
namespace {

// A valid 1×1 PNG.
std::string tiny_png() {
  const char* b64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
  unsigned char out[128];
  size_t len = 0;
  if (sodium_base642bin(out, sizeof out, b64, strlen(b64), nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    throw std::runtime_error("bad base64");
  return std::string(reinterpret_cast<char*>(out), len);
}

int answer_of(const std::string& question) {
  const char* words[] = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};
  auto value = [&](std::string w) {
    if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z') w[0] = static_cast<char>(w[0] - 'A' + 'a');
    for (int i = 0; i < 10; ++i)
      if (w == words[i]) return i;
    return -100;
  };
  auto plus = question.find(" cộng ");
  auto end = question.find(" bằng");
  return value(question.substr(0, plus)) + value(question.substr(plus + 8, end - plus - 8));
}

std::string capture(const std::string& body, const std::string& re) {
  std::smatch m;
  if (!std::regex_search(body, m, std::regex(re))) return "";
  return m[1];
}

class RegisterPublic : public ::testing::Test {
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
  static std::int64_t entry_id(const std::string& subject) {
    return db_->conn().scalar("SELECT id FROM register_entries WHERE subject_name = $1", {subject});
  }
  void TearDown() override { kernel::set_fixed_time(0); }
  // A fresh challenge of the form as the browser with this cookie gets it, answered as a person would: a while
  // later (the clock moves on past the minimum fill time). Returns {token, right answer}.
  static std::pair<std::string, std::string> fresh_challenge(const std::string& cookie, bool wait = true) {
    http::Request r;
    r.method = "GET";
    r.path = "/register/nominate";
    r.remote_ip = "198.51.100.20";
    r.headers["cookie"] = cookie;
    auto form = app_->app().handle(r);
    std::string question = capture(form.body, "id=\"challenge-question\">([^<]+)<");
    std::string token = capture(form.body, "name=\"challenge\" value=\"([^\"]+)\"");
    if (wait) kernel::set_fixed_time(kernel::now_seconds() + registry::kMinFillSeconds + 7);
    return {token, std::to_string(answer_of(question))};
  }
  static std::vector<std::pair<std::string, std::string>> with(std::vector<std::pair<std::string, std::string>> fields,
                                                               const std::pair<std::string, std::string>& ch,
                                                               const std::string& answer = "") {
    fields.push_back({"challenge", ch.first});
    fields.push_back({"answer", answer.empty() ? ch.second : answer});
    return fields;
  }
  static std::string code_of(const std::string& subject) { return registry::find_entry(db_->conn(), entry_id(subject))->code; }
  // A multipart POST as a browser sends it.
  static http::Response post_multipart(const std::string& path, const std::vector<std::pair<std::string, std::string>>& fields,
                                       const std::string& file_name, const std::string& file_data, const std::string& cookie) {
    const std::string b = "----ct05test7MA4YWxkTrZu0gW";
    std::string body;
    for (const auto& [k, v] : fields) body += "--" + b + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
    if (!file_name.empty())
      body += "--" + b + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + file_name +
              "\"\r\nContent-Type: image/png\r\n\r\n" + file_data + "\r\n";
    body += "--" + b + "--\r\n";
    http::Request r;
    r.method = "POST";
    r.path = path;
    r.remote_ip = "198.51.100.20";
    r.headers["content-type"] = "multipart/form-data; boundary=" + b;
    r.headers["cookie"] = cookie;
    r.body = body;
    return app_->app().handle(r);
  }
  static testing::TestDb* db_;
  static testing::AppHarness* app_;
};
testing::TestDb* RegisterPublic::db_ = nullptr;
testing::AppHarness* RegisterPublic::app_ = nullptr;

TEST_F(RegisterPublic, OnlyPublishedEntriesWithConsentAreShown) {
  auto list = app_->get("/register");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("Hoàng Văn Pản"), std::string::npos);
  for (const char* hidden : {"Lý Văn Sáng", "Hà Thị Mai", "Triệu Văn Đông", "Nông Thị Hoa", "Tổ thu gom rác thải"})
    EXPECT_EQ(list.body.find(hidden), std::string::npos) << hidden << " is not public";
  EXPECT_EQ(app_->get("/r/" + code_of("Hoàng Văn Pản")).status, 200);
  EXPECT_EQ(app_->get("/r/" + code_of("Lý Văn Sáng")).status, 404);    // submitted
  EXPECT_EQ(app_->get("/r/" + code_of("Nông Thị Hoa")).status, 404);   // commended, not published
  EXPECT_EQ(app_->get("/r/" + code_of("Triệu Văn Đông")).status, 404); // rejected
  EXPECT_EQ(app_->get("/r/nosuchcode").status, 404);
  auto api = app_->api("GET", "/api/v1/public/register-entries?q=hien%20dat", "");
  ASSERT_EQ(api.status, 200);
  auto j = nlohmann::json::parse(api.body);
  ASSERT_EQ(j["total"], 1);
  EXPECT_EQ(j["items"][0]["subject_name"], "Hoàng Văn Pản");
  EXPECT_FALSE(j["items"][0].contains("nominator_contact"));
  EXPECT_EQ(app_->api("GET", "/api/v1/public/register-entries/" + std::to_string(entry_id("Lý Văn Sáng")), "").status, 404);
  auto search = app_->get("/register?q=nau%20com");
  EXPECT_NE(search.body.find("Đàm Thị Lan"), std::string::npos);
  EXPECT_EQ(search.body.find("Hoàng Văn Pản"), std::string::npos);
}

TEST_F(RegisterPublic, ACitizenNominatesWithAPhotoAndItIsPublishedThenHiddenWhenConsentIsWithdrawn) {
  kernel::set_fixed_time(kernel::now_seconds());
  auto form = app_->get("/register/nominate");
  ASSERT_EQ(form.status, 200);
  std::string cookie = capture(form.header_value("Set-Cookie"), "^([^;]+)");
  std::string csrf = capture(form.body, "name=\"_csrf\" value=\"([0-9a-f]+)\"");
  ASSERT_FALSE(cookie.empty());
  ASSERT_FALSE(capture(form.body, "id=\"challenge-question\">([^<]+)<").empty());
  auto unit = std::to_string(org::find_unit_by_code(db_->conn(), "CB-KHUOICUONG")->id);
  auto cat = std::to_string(db_->conn().scalar("SELECT id FROM register_categories WHERE code = 'hoc_tap'"));
  std::vector<std::pair<std::string, std::string>> fields = {
      {"_csrf", csrf},         {"unit_id", unit},       {"subject_kind", "ca_nhan"}, {"subject_name", "Hoàng Thị Diệu Linh"},
      {"deed", "Mở tủ sách miễn phí cho thiếu nhi trong thôn vào mỗi tối thứ Bảy."}, {"deed_date", "2020-09-19"},
      {"place", "Nhà văn hóa thôn Khuổi Cuồng"}, {"category_id", cat}, {"nominator_name", "Nông Văn Bình"},
      {"nominator_contact", "0987 654 321"},     {"consent", "1"}};
  // A wrong answer keeps what was typed and asks a new question.
  auto refused = post_multipart("/register/nominate", with(fields, fresh_challenge(cookie), "99"), "", "", cookie);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("Hoàng Thị Diệu Linh"), std::string::npos);
  EXPECT_NE(refused.body.find("Câu trả lời kiểm tra chưa đúng"), std::string::npos);
  // A file that is not an image is refused with the data kept.
  auto not_image = post_multipart("/register/nominate", with(fields, fresh_challenge(cookie)), "anh.png",
                                  "<html><script>alert(1)</script></html>", cookie);
  EXPECT_EQ(not_image.status, 422);
  EXPECT_NE(not_image.body.find("Hoàng Thị Diệu Linh"), std::string::npos);
  auto sent = post_multipart("/register/nominate", with(fields, fresh_challenge(cookie)), "anh.png", tiny_png(), cookie);
  ASSERT_EQ(sent.status, 303) << sent.body.substr(0, 2000);
  auto id = entry_id("Hoàng Thị Diệu Linh");
  ASSERT_GT(id, 0);
  auto e = registry::find_entry(db_->conn(), id);
  ASSERT_EQ(e->files.size(), 1u);
  EXPECT_EQ(e->source, "public");
  EXPECT_FALSE(e->consent);  // the nominator's tick is noted, not recorded: the unit confirms with the person
  std::string file_url = "/register/files/" + std::to_string(e->files[0].id);
  // Not public yet: neither the page nor the file, even with the id guessed.
  EXPECT_EQ(app_->get("/r/" + e->code).status, 404);
  EXPECT_EQ(app_->get(file_url).status, 404);
  EXPECT_EQ(app_->get(file_url + "/thumb").status, 404);
  // The cell officer sees it with the citizen's contact; the API refuses a step that is not next.
  auto cell = app_->browser_for("khuoicuong");
  auto internal = app_->get("/register/entries/" + std::to_string(id), &cell);
  ASSERT_EQ(internal.status, 200);
  EXPECT_NE(internal.body.find("0987 654 321"), std::string::npos);
  EXPECT_EQ(app_->get(file_url, &cell).status, 200);
  auto commune_token = app_->token_for("nongthuong");
  auto api_base = "/api/v1/register-entries/" + std::to_string(id);
  EXPECT_EQ(app_->api("POST", api_base + "/publish", commune_token).status, 409);
  EXPECT_EQ(app_->api("POST", api_base + "/fly", commune_token).status, 404);
  EXPECT_EQ(app_->api("POST", api_base + "/verify", app_->token_for("dangvien")).status, 403);
  // verify (the cell, on the page), approve, commend, publish (the commune, by the API).
  EXPECT_EQ(app_->post("/register/entries/" + std::to_string(id) + "/step", "step=verify", &cell).status, 303);
  EXPECT_EQ(app_->post("/register/entries/" + std::to_string(id) + "/consent", "given=1&note=%C4%90%C3%A3+h%E1%BB%8Fi+l%E1%BA%A1i", &cell).status, 303);
  EXPECT_EQ(app_->api("POST", api_base + "/approve", commune_token).status, 200);
  EXPECT_EQ(app_->api("POST", api_base + "/commend", commune_token, R"({"commendation":"giay_khen"})").status, 422);
  EXPECT_EQ(app_->api("POST", api_base + "/commend", commune_token,
                      R"({"commendation":"giay_khen","decision_no":"140-QĐ/ĐU","decision_date":"2020-12-01"})")
                .status,
            200);
  auto published = app_->api("POST", api_base + "/publish", commune_token);
  ASSERT_EQ(published.status, 200);
  EXPECT_EQ(nlohmann::json::parse(published.body)["status"], "published");
  auto page = app_->get("/r/" + e->code);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("140-QĐ/ĐU"), std::string::npos);
  EXPECT_EQ(page.body.find("0987 654 321"), std::string::npos);  // the contact is never public
  auto thumb = app_->get(file_url + "/thumb");
  ASSERT_EQ(thumb.status, 200);
  EXPECT_EQ(thumb.header_value("Content-Type"), "image/jpeg");
  EXPECT_EQ(thumb.body.substr(0, 3), std::string("\xFF\xD8\xFF"));
  // The subject withdraws consent: gone at once from the list, the link and the files.
  EXPECT_EQ(app_->post("/register/entries/" + std::to_string(id) + "/consent", "given=0&note=Gia+%C4%91%C3%ACnh+%C4%91%E1%BB%81+ngh%E1%BB%8B", &cell).status, 303);
  EXPECT_EQ(app_->get("/r/" + e->code).status, 404);
  EXPECT_EQ(app_->get(file_url).status, 404);
  EXPECT_EQ(app_->get("/register").body.find("Hoàng Thị Diệu Linh"), std::string::npos);
}

// The challenge stops what a script does without reading the form's words: it answers once per question (the
// second use is refused even with the right answer), not at once (a form sent sooner than a person could fill it is
// refused), and not into the hidden field. Nothing is written for any of them.
TEST_F(RegisterPublic, AChallengeAnswersOnceNotAtOnceAndNotWithTheHiddenFieldFilled) {
  kernel::set_fixed_time(kernel::now_seconds());
  auto form = app_->get("/register/nominate");
  std::string cookie = capture(form.header_value("Set-Cookie"), "^([^;]+)");
  std::string csrf = capture(form.body, "name=\"_csrf\" value=\"([0-9a-f]+)\"");
  auto unit = std::to_string(org::find_unit_by_code(db_->conn(), "CB-KHUOICUONG")->id);
  auto cat = std::to_string(db_->conn().scalar("SELECT id FROM register_categories WHERE code = 'hoc_tap'"));
  std::vector<std::pair<std::string, std::string>> fields = {
      {"_csrf", csrf}, {"unit_id", unit}, {"subject_kind", "ca_nhan"}, {"subject_name", "Triệu Văn Thắng"},
      {"deed", "Sửa đường vào bản cùng bà con."}, {"deed_date", "2020-10-02"}, {"category_id", cat},
      {"nominator_name", "Hà Thị Mai"}, {"nominator_contact", "0912 000 111"}};
  auto entries = [&] { return entry_id("Triệu Văn Thắng"); };

  auto quick = fresh_challenge(cookie, false);  // sent the same second the form was served
  auto too_fast = post_multipart("/register/nominate", with(fields, quick), "", "", cookie);
  EXPECT_EQ(too_fast.status, 422);
  EXPECT_NE(too_fast.body.find("gửi quá nhanh"), std::string::npos);
  kernel::set_fixed_time(kernel::now_seconds() + 10);
  auto again = post_multipart("/register/nominate", with(fields, quick), "", "", cookie);  // the spent token, right answer
  EXPECT_EQ(again.status, 422);
  EXPECT_NE(again.body.find("đã được dùng"), std::string::npos);

  auto robot = with(fields, fresh_challenge(cookie));
  robot.push_back({"website", "http://spam.example"});
  EXPECT_EQ(post_multipart("/register/nominate", robot, "", "", cookie).status, 422);
  EXPECT_EQ(entries(), 0);

  auto person = with(fields, fresh_challenge(cookie));
  EXPECT_EQ(post_multipart("/register/nominate", person, "", "", cookie).status, 303);
  // The same answered form sent twice (a script replaying it) makes one nomination, not two.
  auto replay = post_multipart("/register/nominate", person, "", "", cookie);
  EXPECT_EQ(replay.status, 422);
  EXPECT_NE(replay.body.find("đã được dùng"), std::string::npos);
  EXPECT_EQ(db_->conn().scalar("SELECT COUNT(*) FROM register_entries WHERE subject_name = 'Triệu Văn Thắng'"), 1);
}

}  // namespace
}  // namespace ct05
