#include "kernel/text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace ct05::kernel {
namespace {

// ---------------------------------------------------------------- decoder

// Strict UTF-8 decode of the code point starting at s[i]. On success stores
// the code point and its byte length and returns true. On failure (stray
// continuation byte, bad lead byte, truncated sequence, overlong form,
// surrogate, > U+10FFFF) returns false and never reads past s.size().
constexpr bool decode(std::string_view s, std::size_t i, char32_t& cp, std::size_t& len) {
  const std::size_t n = s.size();
  if (i >= n) return false;
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    cp = b0;
    len = 1;
    return true;
  }
  std::size_t need = 0;
  char32_t c = 0;
  char32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {  // C0/C1 would always be overlong
    need = 1;
    c = b0 & 0x1Fu;
    min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    c = b0 & 0x0Fu;
    min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    c = b0 & 0x07u;
    min = 0x10000;
  } else {
    return false;  // continuation byte as lead, C0, C1, F5..FF
  }
  if (n - i - 1 < need) return false;  // truncated
  for (std::size_t k = 1; k <= need; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0u) != 0x80u) return false;
    c = (c << 6) | (b & 0x3Fu);
  }
  if (c < min) return false;                     // overlong
  if (c >= 0xD800 && c <= 0xDFFF) return false;  // surrogate
  if (c > 0x10FFFF) return false;
  cp = c;
  len = need + 1;
  return true;
}

void append_utf8(std::string& out, std::string_view s, std::size_t i, std::size_t len) {
  out.append(s.data() + i, len);
}

// ------------------------------------------------------------ fold table

struct FoldEntry {
  char32_t cp;
  char base;
};

struct Variants {
  char base;
  std::string_view letters;  // UTF-8, lower and upper case
};

// Every precomposed Vietnamese letter with a diacritic, grouped by base letter.
constexpr std::array<Variants, 7> kVariants{{
    {'a', "àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"},
    {'e', "èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ"},
    {'i', "ìíỉĩịÌÍỈĨỊ"},
    {'o', "òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"},
    {'u', "ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ"},
    {'y', "ỳýỷỹỵỲÝỶỸỴ"},
    {'d', "đĐ"},
}};

constexpr std::size_t count_letters() {
  std::size_t total = 0;
  for (const auto& v : kVariants) {
    std::size_t i = 0;
    while (i < v.letters.size()) {
      char32_t cp = 0;
      std::size_t len = 0;
      if (!decode(v.letters, i, cp, len)) return 0;  // source not UTF-8
      ++total;
      i += len;
    }
  }
  return total;
}

constexpr std::size_t kLetterCount = count_letters();
static_assert(kLetterCount == 134, "source must be UTF-8 and list all 134 Vietnamese letters");

constexpr std::array<FoldEntry, kLetterCount> build_table() {
  std::array<FoldEntry, kLetterCount> t{};
  std::size_t k = 0;
  for (const auto& v : kVariants) {
    std::size_t i = 0;
    while (i < v.letters.size()) {
      char32_t cp = 0;
      std::size_t len = 0;
      decode(v.letters, i, cp, len);
      t[k++] = FoldEntry{cp, v.base};
      i += len;
    }
  }
  std::sort(t.begin(), t.end(),
            [](const FoldEntry& a, const FoldEntry& b) { return a.cp < b.cp; });
  return t;
}

constexpr std::array<FoldEntry, kLetterCount> kTable = build_table();

constexpr bool table_strictly_sorted() {
  for (std::size_t i = 1; i < kTable.size(); ++i) {
    if (!(kTable[i - 1].cp < kTable[i].cp)) return false;
  }
  return true;
}
static_assert(table_strictly_sorted(), "duplicate letter in fold table");

// Base ASCII letter for a Vietnamese accented letter, or 0.
char fold_letter(char32_t cp) {
  const auto it = std::lower_bound(
      kTable.begin(), kTable.end(), cp,
      [](const FoldEntry& e, char32_t c) { return e.cp < c; });
  if (it != kTable.end() && it->cp == cp) return it->base;
  return 0;
}

constexpr bool is_space(char32_t cp) {
  switch (cp) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20:
    case 0x85: case 0xA0: case 0x1680:
    case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

constexpr bool is_combining_mark(char32_t cp) { return cp >= 0x0300 && cp <= 0x036F; }

}  // namespace

std::string trim(std::string_view s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  return std::string(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
}

std::string fold(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  bool pending_space = false;
  std::size_t i = 0;
  while (i < utf8.size()) {
    char32_t cp = 0;
    std::size_t len = 0;
    if (!decode(utf8, i, cp, len)) {
      ++i;  // drop the bad byte and resynchronise on the next one
      continue;
    }
    const std::size_t at = i;
    i += len;
    if (is_space(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (is_combining_mark(cp)) continue;
    if (pending_space) {
      out.push_back(' ');
      pending_space = false;
    }
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      out.push_back(c);
    } else if (const char base = fold_letter(cp); base != 0) {
      out.push_back(base);
    } else {
      append_utf8(out, utf8, at, len);
    }
  }
  return out;
}

std::vector<std::string> fold_tokens(std::string_view utf8) {
  const std::string folded = fold(utf8);
  std::vector<std::string> tokens;
  std::string cur;
  for (const char ch : folded) {
    const auto b = static_cast<unsigned char>(ch);
    const bool keep = (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b >= 0x80;
    if (keep) {
      cur.push_back(ch);
    } else if (!cur.empty()) {
      tokens.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) tokens.push_back(std::move(cur));
  return tokens;
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t cp = 0;
    std::size_t len = 0;
    if (!decode(s, i, cp, len)) return false;
    i += len;
  }
  return true;
}

std::optional<char32_t> first_control_char(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F) return char32_t{b};
    if (b == 0xC2 && i + 1 < s.size()) {
      const auto n = static_cast<unsigned char>(s[i + 1]);
      if (n >= 0x80 && n <= 0x9F) return char32_t{n};
    }
  }
  return std::nullopt;
}

std::string truncate_utf8(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  // s[max_bytes] exists. If it is a continuation byte, look back (at most 3
  // bytes) for the lead byte of the code point it belongs to and cut before it.
  std::size_t cut = max_bytes;
  std::size_t i = max_bytes;
  while (i > 0 && max_bytes - i < 3 &&
         (static_cast<unsigned char>(s[i]) & 0xC0u) == 0x80u) {
    --i;
  }
  if (i < max_bytes) {
    const auto lead = static_cast<unsigned char>(s[i]);
    std::size_t seq = 0;
    if (lead >= 0xC0 && lead <= 0xDF) seq = 2;
    else if (lead >= 0xE0 && lead <= 0xEF) seq = 3;
    else if (lead >= 0xF0 && lead <= 0xF7) seq = 4;
    if (seq != 0 && i + seq > max_bytes) cut = i;
  }
  return std::string(s.substr(0, cut));
}

std::size_t char_count(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char ch : s)
    if ((ch & 0xC0) != 0x80) ++n;
  return n;
}

bool blank_line(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> out;
  std::string line;
  auto flush = [&] {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
    out.push_back(std::move(line));
    line.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (ch == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      flush();
    } else if (ch == '\n') {
      flush();
    } else {
      line += ch;
    }
  }
  flush();
  return out;
}

std::vector<std::vector<std::string>> paragraphs(std::string_view text) {
  std::vector<std::vector<std::string>> out;
  bool open = false;
  for (auto& line : lines_of(text)) {
    if (blank_line(line)) {
      open = false;
      continue;
    }
    if (!open) out.emplace_back();
    open = true;
    out.back().push_back(std::move(line));
  }
  return out;
}

}  // namespace ct05::kernel
