#include "modules/registry/web/challenge.hpp"

#include <atomic>
#include <mutex>

#include <sodium.h>

#include "kernel/clock.hpp"
#include "platform/auth/crypto.hpp"

namespace ct05::registry {

namespace {

constexpr const char* kDigits[] = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};

const unsigned char* key() {
  static unsigned char k[crypto_auth_hmacsha256_KEYBYTES];
  static std::once_flag once;
  std::call_once(once, [] { crypto_auth_hmacsha256_keygen(k); });
  return k;
}

std::string mac(const std::string& nonce, const std::string& issued, const std::string& expiry, const std::string& answer) {
  std::string msg = nonce + "|" + issued + "|" + expiry + "|" + answer;
  unsigned char out[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256(out, reinterpret_cast<const unsigned char*>(msg.data()), msg.size(), key());
  char hex[crypto_auth_hmacsha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return hex;
}

std::string capitalized(std::string w) {
  // The first letter of the Vietnamese number words is ASCII except "một"/"bốn"/… which start with ASCII too.
  if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 'a' + 'A');
  return w;
}

bool digits(const std::string& s, std::size_t max) {
  return !s.empty() && s.size() <= max && s.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

Challenge new_challenge() {
  int a = 1 + static_cast<int>(randombytes_uniform(9)), b = 1 + static_cast<int>(randombytes_uniform(9));
  std::string nonce = auth::random_token(12);
  std::int64_t now = kernel::now_seconds();
  std::string issued = std::to_string(now), expiry = std::to_string(now + kChallengeLifetime);
  Challenge ch;
  ch.question = capitalized(kDigits[a]) + " cộng " + kDigits[b] + " bằng mấy?";
  ch.token = nonce + "." + issued + "." + expiry + "." + mac(nonce, issued, expiry, std::to_string(a + b));
  return ch;
}

ChallengeResult check_challenge(db::Connection& c, const std::string& token, const std::string& answer) {
  // nonce.issued.expiry.mac
  std::string part[4];
  std::size_t from = 0;
  for (int i = 0; i < 4; ++i) {
    std::size_t dot = i < 3 ? token.find('.', from) : std::string::npos;
    if (i < 3 && dot == std::string::npos) return ChallengeResult::kWrong;
    part[i] = token.substr(from, i < 3 ? dot - from : std::string::npos);
    from = dot + 1;
  }
  if (part[0].size() != 24 || !digits(part[1], 12) || !digits(part[2], 12)) return ChallengeResult::kWrong;
  std::int64_t now = kernel::now_seconds(), issued = std::stoll(part[1]), expiry = std::stoll(part[2]);
  if (expiry < now) return ChallengeResult::kExpired;
  // Only a token we made (whatever its answer) is worth a row: the MAC over each possible sum tells.
  bool ours = false, right = false;
  for (int sum = 2; sum <= 18; ++sum) {
    if (!auth::equal_constant_time(mac(part[0], part[1], part[2], std::to_string(sum)), part[3])) continue;
    ours = true;
    right = digits(answer, 3) && std::stoi(answer) == sum;
  }
  if (!ours) return ChallengeResult::kWrong;
  // Spent on its first answer, right or wrong: one token, one guess, one nomination.
  if (c.exec("INSERT INTO used_nonces (nonce, expires_at) VALUES ($1, $2) ON CONFLICT DO NOTHING", {part[0], expiry}) != 1)
    return ChallengeResult::kSpent;
  static std::atomic<unsigned> spent{0};
  if (++spent % 64 == 0) c.exec("DELETE FROM used_nonces WHERE expires_at < $1", {now});  // an expired token fails anyway
  if (!right) return ChallengeResult::kWrong;
  return now - issued < kMinFillSeconds ? ChallengeResult::kTooFast : ChallengeResult::kPassed;
}

}  // namespace ct05::registry
