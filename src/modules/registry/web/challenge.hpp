#pragma once
// The public form's challenge: a sum written in Vietnamese words ("Bảy cộng năm bằng mấy?"), checked without any
// outside service. The token carries a nonce, when it was issued, an expiry and an HMAC of the answer under a key
// made at start-up, so the answer is not in the page. Each token answers once: its nonce is spent in the database
// on the first answer, right or wrong (D32). A form sent sooner than kMinFillSeconds after it was served is a
// script's. What it does not stop (a script written for this form reads the words) is in docs/decisions.md: every
// public nomination waits for the unit's check anyway.
#include <cstdint>
#include <string>

#include "platform/db/db.hpp"

namespace ct05::registry {

constexpr std::int64_t kChallengeLifetime = 30 * 60;
constexpr std::int64_t kMinFillSeconds = 3;

struct Challenge {
  std::string question;  //!< "Bảy cộng năm bằng mấy?"
  std::string token;
};
Challenge new_challenge();

enum class ChallengeResult { kPassed, kWrong, kExpired, kTooFast, kSpent };
//! Checks the answer and spends the token (whatever the outcome, once it is a token of ours that has not expired).
ChallengeResult check_challenge(db::Connection& c, const std::string& token, const std::string& answer);

}  // namespace ct05::registry
