#include "modules/accounts/domain/account.hpp"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <unordered_set>

#include "kernel/text.hpp"
#include "platform/auth/crypto.hpp"


namespace ct05::accounts {

// The shipped list (data/common_passwords.txt), embedded with the module's files (module.cpp hands it over).
std::string_view common_passwords_text();

namespace {
constexpr std::string_view kAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";  // no I, L, O, 0, 1

const std::unordered_set<std::string>& common_set() {
  static const std::unordered_set<std::string> s = [] {
    std::unordered_set<std::string> out;
    for (const auto& line : kernel::lines_of(common_passwords_text()))
      if (!line.empty() && line[0] != '#') out.insert(line);
    return out;
  }();
  return s;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}
}  // namespace

std::string propose_login(std::string_view full_name) {
  auto words = kernel::fold_tokens(full_name);
  std::vector<std::string> ascii;
  for (auto& w : words) {
    std::string a;
    for (char ch : w)
      if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) a += ch;
    if (!a.empty()) ascii.push_back(a);
  }
  if (ascii.empty()) return "";
  std::string login = ascii.back();
  for (std::size_t i = 0; i + 1 < ascii.size(); ++i) login += ascii[i][0];
  if (login.size() < 3) login += "ct05";
  return login.substr(0, 40);
}

std::string generate_code() {
  std::string raw = auth::random_token(12);  // hex of 12 random bytes
  std::string out;
  for (std::size_t i = 0; i < 12; ++i) {
    unsigned v = static_cast<unsigned>(std::stoul(raw.substr(i * 2, 2), nullptr, 16));
    out += kAlphabet[v % kAlphabet.size()];  // 256 % 31 leaves a bias under 1%, far below what a guess needs
    if (i == 3 || i == 7) out += '-';
  }
  return out;
}

std::string normalize_code(std::string_view typed) {
  std::string out;
  for (char ch : typed) {
    if (ch == '-' || ch == ' ' || ch == '\t') continue;
    char up = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (kAlphabet.find(up) == std::string_view::npos) return "";
    out += up;
  }
  return out.size() == 12 ? out : "";
}

int role_rank(auth::Role r) {
  switch (r) {
    case auth::Role::kQuanTri: return 4;
    case auth::Role::kPhuTrach: return 3;
    case auth::Role::kLanhDao: return 2;
    case auth::Role::kDangVien: return 1;
  }
  return 0;
}

bool common_password(std::string_view password) { return common_set().count(lower_ascii(password)) > 0; }

std::vector<FieldError> password_problems(std::string_view password, std::string_view login, std::string_view name) {
  std::vector<FieldError> errs;
  if (kernel::char_count(password) < kMinPassword)
    errs.push_back({"password", "Mật khẩu phải có ít nhất " + std::to_string(kMinPassword) + " ký tự."});
  else if (password.size() > 128)
    errs.push_back({"password", "Mật khẩu dài quá 128 ký tự."});
  else if (common_password(password))
    errs.push_back({"password", "Mật khẩu này nằm trong danh sách 10.000 mật khẩu phổ biến nhất, rất dễ bị đoán. "
                                "Vui lòng chọn mật khẩu khác."});
  else if (lower_ascii(password) == lower_ascii(login) || kernel::fold(password) == kernel::fold(name) ||
           kernel::fold(password).find(kernel::fold(login)) != std::string::npos)
    errs.push_back({"password", "Mật khẩu không được trùng hoặc chứa tên đăng nhập, họ tên."});
  return errs;
}

}  // namespace ct05::accounts
