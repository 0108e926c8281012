#include "modules/registry/web/challenge.hpp"

#include <mutex>

#include <sodium.h>

#include "kernel/clock.hpp"
#include "platform/auth/crypto.hpp"

namespace ct05::registry {

namespace {

constexpr const char* kDigits[] = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};
constexpr std::int64_t kLifetime = 30 * 60;

const unsigned char* key() {
  static unsigned char k[crypto_auth_hmacsha256_KEYBYTES];
  static std::once_flag once;
  std::call_once(once, [] { crypto_auth_hmacsha256_keygen(k); });
  return k;
}

std::string mac(const std::string& nonce, const std::string& expiry, const std::string& answer) {
  std::string msg = nonce + "|" + expiry + "|" + answer;
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

}  // namespace

Challenge new_challenge() {
  int a = 1 + static_cast<int>(randombytes_uniform(9)), b = 1 + static_cast<int>(randombytes_uniform(9));
  std::string nonce = auth::random_token(12);
  std::string expiry = std::to_string(kernel::now_seconds() + kLifetime);
  Challenge ch;
  ch.question = capitalized(kDigits[a]) + " cộng " + kDigits[b] + " bằng mấy?";
  ch.token = nonce + "." + expiry + "." + mac(nonce, expiry, std::to_string(a + b));
  return ch;
}

bool check_challenge(const std::string& token, const std::string& answer) {
  auto d1 = token.find('.');
  auto d2 = d1 == std::string::npos ? std::string::npos : token.find('.', d1 + 1);
  if (d2 == std::string::npos || answer.empty() || answer.size() > 3) return false;
  for (char ch : answer)
    if (ch < '0' || ch > '9') return false;
  std::string nonce = token.substr(0, d1), expiry = token.substr(d1 + 1, d2 - d1 - 1), sig = token.substr(d2 + 1);
  if (expiry.empty() || expiry.size() > 12 || expiry.find_first_not_of("0123456789") != std::string::npos) return false;
  if (std::stoll(expiry) < kernel::now_seconds()) return false;
  std::string expected = mac(nonce, expiry, std::to_string(std::stoi(answer)));
  return auth::equal_constant_time(expected, sig);
}

}  // namespace ct05::registry
