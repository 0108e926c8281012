#pragma once
// The public form's challenge: a sum written in Vietnamese words ("Bảy cộng năm bằng mấy?"), checked
// without any outside service. The token carries a nonce, an expiry and an HMAC of the answer under a key
// made at start-up, so the server keeps no state and the answer is not in the page.
#include <string>

namespace ct05::registry {

struct Challenge {
  std::string question;  //!< "Bảy cộng năm bằng mấy?"
  std::string token;
};
Challenge new_challenge();
//! True when answer is the challenge's answer and the token has not expired (30 minutes).
bool check_challenge(const std::string& token, const std::string& answer);

}  // namespace ct05::registry
