#pragma once
// Passwords (argon2id) and random tokens, both through libsodium.
#include <string>
#include <string_view>

namespace ct05::auth {

//! Initialises libsodium; call once before any other function here.
void init_crypto();
//! argon2id hash in the libsodium string format (salt and parameters included).
std::string hash_password(std::string_view password);
//! Constant-time check of a password against a stored hash.
bool verify_password(std::string_view password, const std::string& stored_hash);
//! n random bytes as lowercase hex.
std::string random_token(std::size_t bytes = 32);
//! SHA-256 of data as lowercase hex (tokens are stored only as hashes).
std::string sha256_hex(std::string_view data);
//! Constant-time comparison of two strings.
bool equal_constant_time(std::string_view a, std::string_view b);

}  // namespace ct05::auth
