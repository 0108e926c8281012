#pragma once
// The onboarding slips: an XLSX list of logins and one-time codes, and a printable PDF with one slip per person
// (four to an A4 page, with cutting lines).
#include <string>
#include <vector>

#include "modules/accounts/storage/account_store.hpp"

namespace ct05::accounts {

struct SlipFile {
  std::string name, content_type, bytes;
};
SlipFile slips_xlsx(const std::vector<Slip>& slips, const std::string& unit_name, const std::string& base_url);
SlipFile slips_pdf(const std::vector<Slip>& slips, const std::string& unit_name, const std::string& base_url);

}  // namespace ct05::accounts
