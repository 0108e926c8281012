#pragma once
// Vietnamese-aware text helpers: search-key folding and UTF-8 safety.
// No locale, no external libraries; every function is total (never throws on
// bad input, never reads past the end of its argument).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ct05::kernel {

//! Fold UTF-8 text into a lowercase search key: every Vietnamese letter with
//! diacritics (both cases, precomposed) becomes its base ASCII letter, đ/Đ → d,
//! combining marks U+0300–U+036F (NFD input) are dropped, ASCII is lowercased,
//! any other code point is kept as its UTF-8 bytes, runs of whitespace
//! (ASCII and Unicode spaces) collapse to one space and the result is trimmed.
//! Invalid UTF-8 bytes are dropped.
//! Example: fold("Đảng bộ xã Nông Thượng") == "dang bo xa nong thuong".
std::string fold(std::string_view utf8);

//! s without the spaces, tabs, CR and LF around it.
std::string trim(std::string_view s);

//! fold(), then split into tokens: a token is a maximal run of [a-z0-9] or
//! non-ASCII bytes; everything else (space, punctuation) separates tokens.
//! Empty tokens are never returned.
//! Example: fold_tokens("Nông Thượng, Bắc Kạn") == {"nong","thuong","bac","kan"}.
std::vector<std::string> fold_tokens(std::string_view utf8);

//! True when s is strictly valid UTF-8: no overlong forms, no surrogates
//! (U+D800–U+DFFF), nothing above U+10FFFF, no truncated or stray bytes.
bool valid_utf8(std::string_view s);

//! The first control character in s that text input may not hold, as its code point: C0 but tab,
//! line feed and carriage return, DEL, and C1 (U+0080–U+009F, the UTF-8 pairs C2 80–C2 9F).
//! Nothing when s holds none. s need not be valid UTF-8.
std::optional<char32_t> first_control_char(std::string_view s);

//! The longest prefix of s that is at most max_bytes long and does not end in
//! the middle of a UTF-8 code point. Returns s unchanged when it already fits.
std::string truncate_utf8(std::string_view s, std::size_t max_bytes);

//! Code points of s (what a form's maxlength counts); each stray byte of invalid UTF-8 counts as one.
std::size_t char_count(std::string_view s);

//! The text's lines (split at "\n", "\r\n" or "\r") without trailing spaces or tabs.
std::vector<std::string> lines_of(std::string_view text);

//! True when the line holds only spaces and tabs.
bool blank_line(std::string_view line);

//! Plain text split into paragraphs at blank lines, each paragraph a list of its lines: pages render each line
//! as escaped text with <br> between lines, so the writer's layout shows without any HTML from the text.
std::vector<std::vector<std::string>> paragraphs(std::string_view text);

}  // namespace ct05::kernel
