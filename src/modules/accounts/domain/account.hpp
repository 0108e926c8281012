#pragma once
// Accounts' pure rules: the login proposed from a name, one-time codes, the order of roles for granting, and
// the password policy. No I/O.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kernel/error.hpp"
#include "platform/auth/principal.hpp"

namespace ct05::accounts {

//! The login proposed for a person: given name then the initials of the others, folded ("Lường Thị Thời" →
//! "thoilt"); "" for a name without letters. The caller appends 2, 3, … while it is taken.
std::string propose_login(std::string_view full_name);

//! A new one-time code: 12 characters from an alphabet without look-alikes, in groups of four ("K7QM-3XPA-9RTD").
std::string generate_code();
//! A code as typed (any case, spaces or dashes) → the canonical 12 characters, or "" when it cannot be a code.
std::string normalize_code(std::string_view typed);
//! How long an activation or reset code is valid.
constexpr std::int64_t kCodeSeconds = 14 * 24 * 3600;

//! Roles ordered by power (quản trị 4 … đảng viên 1), for "never above the granter's own role".
int role_rank(auth::Role r);

//! Why a new password is refused, per field "password"; empty when it is acceptable. Minimum 8 characters,
//! at most 128 bytes, not one of the 10,000 most common passwords, not the login or the name.
std::vector<FieldError> password_problems(std::string_view password, std::string_view login, std::string_view name);
constexpr std::size_t kMinPassword = 8;

//! True when the (lower-cased) password is on the shipped list of common passwords.
bool common_password(std::string_view password);

}  // namespace ct05::accounts
