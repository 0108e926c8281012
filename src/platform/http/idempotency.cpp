#include "platform/http/idempotency.hpp"

#include <atomic>
#include <chrono>
#include <thread>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "kernel/clock.hpp"
#include "kernel/text.hpp"
#include "platform/auth/crypto.hpp"
#include "platform/http/app.hpp"

namespace ct05::http::idempotency {

namespace {

constexpr std::size_t kMaxKey = 255;
//! Bodies above this are not kept: the retry learns the write was done, not its answer.
constexpr std::size_t kMaxKeptBody = 256 * 1024;
constexpr auto kWaitStep = std::chrono::milliseconds(50);
constexpr int kWaitSteps = 200;  // 10 s

bool acceptable_key(const std::string& k) {
  if (k.empty() || k.size() > kMaxKey) return false;
  for (unsigned char ch : k)
    if (ch < 0x21 || ch > 0x7E) return false;
  return true;
}

bool kept_header(const std::string& name) {
  // Cookies belong to the first answer's browser session; the pipeline adds the security headers to every answer.
  static const char* kKept[] = {"Location", "Content-Type", "Content-Disposition", "HX-Redirect", "HX-Trigger"};
  for (const char* k : kKept)
    if (name == k) return true;
  return false;
}

Response stored_answer(Context& ctx, const db::Row& row) {
  if (row.null(4))  // done, but the answer was a secret or too big to keep
    return ctx.error(Error::conflict(
        "Yêu cầu này đã được thực hiện ở lần gửi trước; câu trả lời lần đó không được lưu lại. Vui lòng tải lại trang để xem kết quả."));
  Response r;
  r.status = static_cast<int>(row.i64(3));
  for (const auto& h : nlohmann::json::parse(row.str(4))) r.header(h[0].get<std::string>(), h[1].get<std::string>());
  r.body = row.str(5);
  r.header("Idempotent-Replayed", "true");
  return r;
}

// A retry sends the same method, address and body; a form sent again by the browser has the same fields and files
// (a multipart body's boundary changes each time, so the fields are what is compared).
std::string fingerprint_of(const Request& req, bool api) {
  std::string text = req.method + " " + req.path + "?" + req.query_string + "\n";
  if (api) return auth::sha256_hex(text + req.body);
  for (const auto& [name, value] : req.form().items()) text += name + "=" + auth::sha256_hex(value) + "\n";
  for (const auto& f : req.files()) text += f.field + ":" + auth::sha256_hex(f.filename) + ":" + auth::sha256_hex(f.data) + "\n";
  return auth::sha256_hex(text);
}

}  // namespace

std::string key_of(const Request& req, bool api) {
  if (req.method == "GET" || req.method == "HEAD" || req.method == "OPTIONS") return "";
  std::string k = api ? req.header("idempotency-key") : req.form().get("_once");
  return acceptable_key(k) ? k : "";
}

Response once(Context& ctx, const std::function<Response()>& run) {
  if (!ctx.principal.authenticated()) return run();
  std::string key = key_of(ctx.req, ctx.api);
  if (key.empty()) {
    if (ctx.api && !ctx.req.header("idempotency-key").empty())
      return ctx.error(Error::invalid({{"Idempotency-Key", "Khóa gồm 1–255 ký tự ASCII in được, không có khoảng trắng."}},
                                      "Tiêu đề Idempotency-Key không hợp lệ."));
    return run();
  }
  auto& c = ctx.db();
  std::string scope = "u:" + std::to_string(ctx.principal.user_id);
  std::string fingerprint = fingerprint_of(ctx.req, ctx.api);
  for (int step = 0;; ++step) {
    std::int64_t now = kernel::now_seconds();
    if (c.exec("INSERT INTO idempotency_keys (scope, idem_key, fingerprint, state, created_at) VALUES ($1, $2, $3, 'pending', $4) "
               "ON CONFLICT DO NOTHING",
               {scope, key, fingerprint, now}) == 1)
      break;
    auto row = c.query_one("SELECT fingerprint, state, created_at, status, headers, body FROM idempotency_keys "
                           "WHERE scope = $1 AND idem_key = $2",
                           {scope, key});
    if (!row) continue;  // swept between the two statements: claim again
    if (row->str(0) != fingerprint) {
      // A page sent again after its fields were changed (back, edit, send) is a new request, not a retry.
      if (!ctx.api) return run();
      return ctx.error(Error::invalid({{"Idempotency-Key", "Khóa này đã dùng cho một yêu cầu khác trong 24 giờ qua."}},
                                      "Khóa Idempotency-Key đã được dùng cho một yêu cầu khác."));
    }
    std::string state = row->str(1);
    if (state == "done") return stored_answer(ctx, *row);
    if (state == "committed")
      return ctx.error(Error::conflict(
          "Yêu cầu này đã được thực hiện ở lần gửi trước; câu trả lời lần đó bị ngắt. Vui lòng tải lại trang để xem kết quả."));
    // pending: the first request still runs (wait for it), or it died before committing (take it over).
    std::int64_t claimed = row->i64(2);
    if (now - claimed > kStaleSeconds &&
        c.exec("UPDATE idempotency_keys SET created_at = $1 WHERE scope = $2 AND idem_key = $3 AND state = 'pending' AND created_at = $4",
               {now, scope, key, claimed}) == 1)
      break;
    if (step >= kWaitSteps)
      return ctx.error(Error::conflict("Một yêu cầu giống hệt đang được xử lý. Vui lòng đợi rồi tải lại trang."));
    std::this_thread::sleep_for(kWaitStep);
  }

  c.before_next_commit([scope, key](db::Connection& tx) {
    tx.exec("UPDATE idempotency_keys SET state = 'committed' WHERE scope = $1 AND idem_key = $2", {scope, key});
  });
  Response r;
  try {
    r = run();
  } catch (...) {
    c.clear_before_commit();
    try {
      c.exec("DELETE FROM idempotency_keys WHERE scope = $1 AND idem_key = $2 AND state = 'pending'", {scope, key});
    } catch (const std::exception& ex) {
      spdlog::warn("idempotency: could not release key: {}", ex.what());
    }
    throw;
  }
  c.clear_before_commit();
  if (r.status >= 500) {
    // Nothing was done that a retry should not do again.
    c.exec("DELETE FROM idempotency_keys WHERE scope = $1 AND idem_key = $2 AND state = 'pending'", {scope, key});
    return r;
  }
  bool keep_body = !r.secret && r.body.size() <= kMaxKeptBody && kernel::valid_utf8(r.body);
  db::Value headers, body;
  if (keep_body) {
    auto h = nlohmann::json::array();
    for (const auto& [name, value] : r.headers)
      if (kept_header(name)) h.push_back({name, value});
    headers = h.dump();
    body = r.body;
  }
  c.exec("UPDATE idempotency_keys SET state = 'done', status = $1, headers = $2, body = $3 WHERE scope = $4 AND idem_key = $5",
         {static_cast<std::int64_t>(r.status), headers, body, scope, key});
  static std::atomic<unsigned> answered{0};
  if (++answered % 256 == 0) sweep(c);  // keys live 24 h: a sweep now and then keeps the table small
  return r;
}

std::int64_t sweep(db::Connection& c) {
  std::int64_t now = kernel::now_seconds();
  return c.exec("DELETE FROM idempotency_keys WHERE created_at < $1", {now - kKeepSeconds}) +
         c.exec("DELETE FROM used_nonces WHERE expires_at < $1", {now});
}

}  // namespace ct05::http::idempotency
