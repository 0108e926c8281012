#include "platform/xlsx/xlsx_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>

#include <Poco/Exception.h>
#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/DefaultHandler.h>
#include <Poco/SAX/LexicalHandler.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/SAXParser.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

namespace ct05::xlsx {

namespace {

Error invalid(std::string message) { return Error::invalid({{"file", message}}, std::move(message)); }

const char* kNotXlsx =
    "Tệp không phải bảng tính Excel (.xlsx) hợp lệ. Hãy mở tệp bằng Excel hoặc LibreOffice và lưu "
    "lại dưới dạng .xlsx, hoặc dùng tệp .csv.";

// The value of the attribute whose local name is `name` (namespaces are on, so r:id is "id"), or "".
std::string attr(const Poco::XML::Attributes& a, const char* name) {
  for (int i = 0; i < a.getLength(); ++i)
    if (a.getLocalName(i) == name) return a.getValue(i);
  return "";
}

const char* kSaveAgain = " Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại dưới dạng .xlsx rồi tải lên lại.";

// Deeper than any part of a workbook nests (a worksheet's extLst reaches about ten levels). Expat keeps a frame per
// open element and has no limit of its own, so a part nested a million deep would cost hundreds of megabytes.
constexpr int kMaxDepth = 64;

// More attributes than any element of a workbook carries (a worksheet's root with its namespace declarations has
// about a dozen). Expat and Poco take time that grows faster than the count on one element (a million: 15 s and
// 300 MB), and a handler sees the attributes only once they are all built, so they are counted before parsing.
constexpr std::size_t kMaxAttributes = 256;

// True when a start tag has more than kMaxAttributes attributes: '=' outside quoted values, between the '<' and
// the '>' of a tag that is not a comment, CDATA section, declaration, processing instruction or end tag. One pass;
// a part that is not well-formed is left to the parser to refuse.
bool too_many_attributes(std::string_view xml) {
  std::size_t i = 0;
  while ((i = xml.find('<', i)) != std::string_view::npos) {
    auto skip_to = [&](std::string_view end) {
      auto e = xml.find(end, i);
      return e == std::string_view::npos ? xml.size() : e + end.size();
    };
    if (xml.substr(i, 4) == "<!--") {
      i = skip_to("-->");
      continue;
    }
    if (xml.substr(i, 9) == "<![CDATA[") {
      i = skip_to("]]>");
      continue;
    }
    ++i;
    if (i < xml.size() && (xml[i] == '?' || xml[i] == '!' || xml[i] == '/')) continue;
    std::size_t count = 0;
    char quote = 0;
    for (; i < xml.size(); ++i) {
      const char ch = xml[i];
      if (quote) {
        if (ch == quote) quote = 0;
      } else if (ch == '"' || ch == '\'') {
        quote = ch;
      } else if (ch == '=') {
        if (++count > kMaxAttributes) return true;
      } else if (ch == '>') {
        break;
      }
    }
  }
  return false;
}

// A SAX handler from three callbacks; each part of the package needs only a few elements. It stops the parser (by
// throwing, the way SAX handlers abort) at a DTD and past kMaxDepth; parse_xml tells why from the flags.
class Handler : public Poco::XML::DefaultHandler, public Poco::XML::LexicalHandler {
 public:
  std::function<void(const std::string&, const Poco::XML::Attributes&)> on_start;
  std::function<void(const std::string&)> on_end;
  std::function<void(const char*, int)> on_text;
  bool saw_dtd = false, too_deep = false;

  void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& local, const Poco::XML::XMLString&,
                    const Poco::XML::Attributes& a) override {
    if (++depth_ > kMaxDepth) {
      too_deep = true;
      throw Poco::XML::SAXException("elements nested too deep");
    }
    if (on_start) on_start(local, a);
  }
  void endElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& local,
                  const Poco::XML::XMLString&) override {
    --depth_;
    if (on_end) on_end(local);
  }
  void characters(const Poco::XML::XMLChar ch[], int start, int length) override {
    if (on_text) on_text(ch + start, length);
  }
  // The second line behind parse_xml's check of the text. Told UTF-8, expat still switches to UTF-16 by itself on a
  // BOM or a NUL byte, so a part the decoding misread could reach it; it announces a DOCTYPE before it reads the
  // internal subset, so no entity is declared, let alone expanded. (Seen working: with the detection narrowed to
  // "<?", a UTF-16 part that starts with its DOCTYPE passed the text check and was stopped here.)
  void startDTD(const Poco::XML::XMLString&, const Poco::XML::XMLString&, const Poco::XML::XMLString&) override {
    saw_dtd = true;
    throw Poco::XML::SAXException("DTD");
  }
  void endDTD() override {}
  void startEntity(const Poco::XML::XMLString&) override {}
  void endEntity(const Poco::XML::XMLString&) override {}
  void startCDATA() override {}
  void endCDATA() override {}
  void comment(const Poco::XML::XMLChar[], int, int) override {}

 private:
  int depth_ = 0;
};

Error dtd_refused(const std::string& part) {
  return invalid("Tệp Excel có phần " + part +
                 " chứa khai báo DTD, thứ mà Excel và LibreOffice không bao giờ ghi: tệp đã được sửa hoặc tạo bằng "
                 "chương trình khác nên không được nhập." +
                 kSaveAgain);
}

std::string lower_ascii(std::string s) {
  for (auto& ch : s)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return s;
}

// The encoding named by the XML declaration at the start of text, as written ("" without one).
std::string declared_encoding(std::string_view text) {
  if (text.substr(0, 5) != "<?xml") return "";
  auto end = text.find("?>");
  if (end == std::string_view::npos) return "";
  auto decl = text.substr(0, end);
  auto at = decl.find("encoding");
  if (at == std::string_view::npos) return "";
  auto quote = decl.find_first_of("\"'", at);
  if (quote == std::string_view::npos) return "";
  auto close = decl.find(decl[quote], quote + 1);
  if (close == std::string_view::npos) return "";
  return std::string(decl.substr(quote + 1, close - quote - 1));
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

enum class Endian { kLittle, kBig };

// UTF-16 code units as UTF-8; nothing when the bytes are not UTF-16 (odd length, a lone surrogate).
std::optional<std::string> utf16_to_utf8(std::string_view bytes, Endian endian) {
  if (bytes.size() % 2 != 0) return std::nullopt;
  std::string out;
  out.reserve(bytes.size() / 2 * 3 / 2);
  auto unit = [&](std::size_t i) {
    const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
    return endian == Endian::kLittle ? static_cast<std::uint32_t>(a | (b << 8))
                                     : static_cast<std::uint32_t>((a << 8) | b);
  };
  for (std::size_t i = 0; i < bytes.size(); i += 2) {
    std::uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 2 >= bytes.size()) return std::nullopt;
      std::uint32_t low = unit(i + 2);
      if (low < 0xDC00 || low > 0xDFFF) return std::nullopt;
      u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
      i += 2;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      return std::nullopt;
    }
    append_utf8(out, u);
  }
  return out;
}

// Turns the part into UTF-8 without a BOM, whatever encoding XML lets it be written in, so that the check for a DTD
// reads what the parser will read: in UTF-16 "<!DOCTYPE" is not those bytes, and a search of the bytes missed it
// (issue 16). The encoding comes from the BOM, else from the first bytes ("<" is 3C 00 in UTF-16LE, 00 3C in BE,
// as expat tells them), and the declaration must agree. UTF-8 and UTF-16 are what every XML reader must read and what
// spreadsheet programs write (Excel and LibreOffice write UTF-8); anything else is refused by name, not guessed.
// UTF-8 stays where it is (a part may be 64 MB).
Result<void> decode_part(std::string& xml, const std::string& part) {
  auto starts = [&](std::string_view p) { return std::string_view(xml).substr(0, p.size()) == p; };
  auto other = [&](const std::string& name) {
    return fail(invalid("Tệp Excel có phần " + part + " dùng bảng mã " + name +
                        ", chưa được hỗ trợ (chỉ đọc UTF-8 và UTF-16)." + kSaveAgain));
  };
  using namespace std::string_view_literals;
  if (starts("\xFF\xFE\0\0"sv) || starts("\0\0\xFE\xFF"sv) || starts("<\0\0\0"sv) || starts("\0\0\0<"sv))
    return other("UTF-32");
  if (starts("\x4C\x6F\xA7\x94"sv)) return other("EBCDIC");
  std::optional<Endian> utf16;
  if (starts("\xFF\xFE"sv) || starts("<\0"sv)) utf16 = Endian::kLittle;
  if (starts("\xFE\xFF"sv) || starts("\0<"sv)) utf16 = Endian::kBig;
  const std::size_t bom = starts("\xFF\xFE"sv) || starts("\xFE\xFF"sv) ? 2 : starts("\xEF\xBB\xBF"sv) ? 3 : 0;
  if (!utf16) {
    xml.erase(0, bom);
    auto declared = declared_encoding(xml);
    auto d = lower_ascii(declared);
    if (!d.empty() && d != "utf-8" && d != "utf8" && d != "us-ascii" && d != "ascii") return other(declared);
    return {};
  }
  auto text = utf16_to_utf8(std::string_view(xml).substr(bom), *utf16);
  if (!text) return fail(invalid("Tệp Excel bị hỏng: phần " + part + " không phải văn bản UTF-16 hợp lệ."));
  auto declared = declared_encoding(*text);
  auto d = lower_ascii(declared);
  if (!d.empty() && d != "utf-16" && d != "utf-16le" && d != "utf-16be") return other(declared);
  xml = std::move(*text);
  return {};
}

// Parses XML with the handler, decoding it to UTF-8 in place first. OOXML parts never carry a DTD, so one is refused
// outright, in any encoding: no entity expansion (billion laughs) and no external entities can be asked for. The
// parser is told the text is UTF-8 (it is, after decode_part), which makes expat ignore the declaration's
// encoding="UTF-16".
Result<void> parse_xml(std::string& xml, Handler& h, const std::string& part) {
  if (auto d = decode_part(xml, part); !d) return fail(d.error());
  if (xml.find("<!DOCTYPE") != std::string::npos || xml.find("<!ENTITY") != std::string::npos)
    return fail(dtd_refused(part));
  if (too_many_attributes(xml))
    return fail(invalid("Tệp Excel có phần " + part + " có một thẻ mang quá nhiều thuộc tính (hơn " +
                        std::to_string(kMaxAttributes) + "), điều mà Excel và LibreOffice không bao giờ ghi." +
                        kSaveAgain));
  Poco::XML::SAXParser parser("UTF-8");
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
  parser.setContentHandler(&h);
  parser.setProperty(Poco::XML::XMLReader::PROPERTY_LEXICAL_HANDLER, static_cast<Poco::XML::LexicalHandler*>(&h));
  try {
    parser.parseMemoryNP(xml.data(), xml.size());
  } catch (const Poco::Exception& e) {
    if (h.saw_dtd) return fail(dtd_refused(part));
    if (h.too_deep)
      return fail(invalid("Tệp Excel có phần " + part + " lồng nhau quá sâu (hơn " + std::to_string(kMaxDepth) +
                          " cấp), điều mà Excel và LibreOffice không bao giờ ghi." + kSaveAgain));
    return fail(invalid("Tệp Excel bị hỏng: phần " + part + " không đọc được (" + e.displayText() + ")."));
  }
  return {};
}

// The package: its parts by name, read on demand with a size limit.
class Package {
 public:
  static Result<std::unique_ptr<Package>> open(std::string_view bytes, const ReadOptions& o) {
    if (bytes.size() > o.max_bytes)
      return fail(invalid("Tệp Excel quá lớn (tối đa " + std::to_string(o.max_bytes / (1024 * 1024)) + " MB)."));
    if (bytes.size() >= 8 && bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
      return fail(
          invalid("Tệp .xls (Excel 97–2003) hoặc tệp Excel có mật khẩu chưa được hỗ trợ. Hãy lưu lại dưới "
                  "dạng .xlsx (Excel Workbook) hoặc .csv."));
    if (bytes.size() < 4 || bytes.substr(0, 4) != std::string_view("PK\x03\x04", 4)) return fail(invalid(kNotXlsx));
    auto p = std::unique_ptr<Package>(new Package(bytes, o.max_part_bytes));
    try {
      p->archive_ = std::make_unique<Poco::Zip::ZipArchive>(p->in_);
    } catch (const Poco::Exception&) {
      return fail(invalid(kNotXlsx));
    } catch (const std::exception&) {
      return fail(invalid(kNotXlsx));
    }
    if (!p->has("xl/workbook.xml")) return fail(invalid(kNotXlsx));
    return p;
  }

  bool has(const std::string& name) const { return archive_->findHeader(name) != archive_->headerEnd(); }

  //! The part's bytes; nothing when absent. Refuses encrypted parts and parts above the limit.
  Result<std::optional<std::string>> part(const std::string& name) {
    auto it = archive_->findHeader(name);
    if (it == archive_->headerEnd()) return std::optional<std::string>();
    const auto& h = it->second;
    if (h.isEncrypted())
      return fail(invalid("Tệp Excel có mật khẩu chưa được hỗ trợ; hãy bỏ mật khẩu rồi tải lên lại."));
    if (h.getUncompressedSize() > limit_) return fail(invalid("Tệp Excel có nội dung quá lớn để nhập."));
    try {
      in_.clear();
      Poco::Zip::ZipInputStream zin(in_, h, true);
      std::string out;
      char buf[16384];
      while (zin) {
        zin.read(buf, sizeof buf);
        out.append(buf, static_cast<std::size_t>(zin.gcount()));
        // The header's size may lie; the limit holds for what really comes out.
        if (out.size() > limit_) return fail(invalid("Tệp Excel có nội dung quá lớn để nhập."));
      }
      return std::optional<std::string>(std::move(out));
    } catch (const Poco::Exception& e) {
      return fail(invalid("Tệp Excel bị hỏng, không giải nén được phần " + name + "."));
    } catch (const std::exception&) {
      return fail(invalid("Tệp Excel bị hỏng, không giải nén được phần " + name + "."));
    }
  }

 private:
  Package(std::string_view bytes, std::size_t limit) : in_(std::string(bytes)), limit_(limit) {}
  std::istringstream in_;
  std::size_t limit_;
  std::unique_ptr<Poco::Zip::ZipArchive> archive_;
};

struct SheetRef {
  std::string name, target;  // target: the part name, "xl/worksheets/sheet1.xml"
};

struct Workbook {
  std::vector<SheetRef> sheets;
  bool date1904 = false;
};

// "worksheets/sheet1.xml" (relative to xl/) or "/xl/worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml".
std::string resolve_target(const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  std::string t = target;
  std::string base = "xl/";
  while (t.rfind("../", 0) == 0) {
    t = t.substr(3);
    base.clear();
  }
  return base + t;
}

Result<Workbook> read_workbook(Package& p) {
  auto wb = p.part("xl/workbook.xml");
  if (!wb) return fail(wb.error());
  auto rels = p.part("xl/_rels/workbook.xml.rels");
  if (!rels) return fail(rels.error());
  std::map<std::string, std::string> targets;
  if (*rels) {
    Handler h;
    h.on_start = [&](const std::string& el, const Poco::XML::Attributes& a) {
      if (el == "Relationship") targets[attr(a, "Id")] = attr(a, "Target");
    };
    if (auto r = parse_xml(**rels, h, "xl/_rels/workbook.xml.rels"); !r) return fail(r.error());
  }
  Workbook out;
  Handler h;
  h.on_start = [&](const std::string& el, const Poco::XML::Attributes& a) {
    if (el == "workbookPr") {
      auto v = attr(a, "date1904");
      out.date1904 = v == "1" || v == "true";
    }
    if (el != "sheet") return;
    auto t = targets.find(attr(a, "id"));
    // Without a relationships part, Excel's own naming is the best guess.
    std::string target = t != targets.end() ? resolve_target(t->second)
                                            : "xl/worksheets/sheet" + std::to_string(out.sheets.size() + 1) + ".xml";
    out.sheets.push_back({attr(a, "name"), target});
  };
  if (auto r = parse_xml(**wb, h, "xl/workbook.xml"); !r) return fail(r.error());
  if (out.sheets.empty()) return fail(invalid("Tệp Excel không có trang tính nào."));
  return out;
}

// Rich text runs are concatenated; phonetic runs (<rPh>, East Asian readings) are not part of the text.
struct TextCollector {
  std::string text;
  int rph = 0;
  bool in_t = false;
  void start(const std::string& el) {
    if (el == "rPh") ++rph;
    if (el == "t") in_t = true;
  }
  void end(const std::string& el) {
    if (el == "rPh") --rph;
    if (el == "t") in_t = false;
  }
  void chars(const char* s, int n) {
    if (in_t && rph == 0) text.append(s, static_cast<std::size_t>(n));
  }
};

Result<std::vector<std::string>> read_shared_strings(Package& p) {
  std::vector<std::string> out;
  auto sst = p.part("xl/sharedStrings.xml");
  if (!sst) return fail(sst.error());
  if (!*sst) return out;
  TextCollector tc;
  Handler h;
  h.on_start = [&](const std::string& el, const Poco::XML::Attributes&) {
    if (el == "si") tc.text.clear();
    tc.start(el);
  };
  h.on_end = [&](const std::string& el) {
    tc.end(el);
    if (el == "si") out.push_back(tc.text);
  };
  h.on_text = [&](const char* s, int n) { tc.chars(s, n); };
  if (auto r = parse_xml(**sst, h, "xl/sharedStrings.xml"); !r) return fail(r.error());
  return out;
}

// For each cell style index (the s attribute), whether its number format is a date.
Result<std::vector<bool>> read_date_styles(Package& p) {
  std::vector<bool> out;
  auto styles = p.part("xl/styles.xml");
  if (!styles) return fail(styles.error());
  if (!*styles) return out;
  std::map<int, std::string> custom;
  bool in_xfs = false;
  Handler h;
  h.on_start = [&](const std::string& el, const Poco::XML::Attributes& a) {
    if (el == "numFmt") custom[std::atoi(attr(a, "numFmtId").c_str())] = attr(a, "formatCode");
    if (el == "cellXfs") in_xfs = true;
    if (el == "xf" && in_xfs) {
      int id = std::atoi(attr(a, "numFmtId").c_str());
      auto c = custom.find(id);
      out.push_back(is_date_format(id, c == custom.end() ? "" : c->second));
    }
  };
  h.on_end = [&](const std::string& el) {
    if (el == "cellXfs") in_xfs = false;
  };
  if (auto r = parse_xml(**styles, h, "xl/styles.xml"); !r) return fail(r.error());
  return out;
}

// A number as Excel shows it in General format, without exponent for everyday magnitudes: "1500000", "0.015".
std::string number_text(const std::string& raw) {
  char* end = nullptr;
  double v = std::strtod(raw.c_str(), &end);
  if (end == raw.c_str() || *end != '\0' || !std::isfinite(v)) return raw;
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return std::string(buf) == "-0" ? "0" : buf;
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  std::string s = buf;
  if (s.find('e') != std::string::npos || s.find('E') != std::string::npos) {
    std::snprintf(buf, sizeof buf, "%.15f", v);
    s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  return s;
}

// Days since 1970-01-01 → civil date (H. Hinnant's algorithm).
void civil_from_days(long long z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long yy = static_cast<long long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int>(yy + (m <= 2));
}

struct SheetReader {
  SheetReader(const std::vector<std::string>& shared, const std::vector<bool>& date_styles, const ReadOptions& options,
              Sheet& sheet)
      : shared(shared), date_styles(date_styles), options(options), sheet(sheet) {}
  const std::vector<std::string>& shared;
  const std::vector<bool>& date_styles;
  const ReadOptions& options;
  Sheet& sheet;

  // The cell being read.
  std::string ref, type, value, formula;
  int style = -1;
  bool has_value = false, has_formula = false, in_v = false, in_f = false, in_is = false;
  TextCollector inline_text;
  // The row being read.
  Row row;
  bool in_row = false;
  std::size_t next_column = 0, last_row = 0;
  std::size_t kept_cells = 0;  // cells of the rows kept so far, empty ones included
  std::optional<Error> failure;

  void start(const std::string& el, const Poco::XML::Attributes& a) {
    if (failure) return;
    if (el == "row") {
      auto r = attr(a, "r");
      row = Row{};
      row.number = r.empty() ? last_row + 1 : static_cast<std::size_t>(std::strtoull(r.c_str(), nullptr, 10));
      if (row.number == 0 || row.number <= last_row) row.number = last_row + 1;
      in_row = true;
      next_column = 0;
    } else if (el == "c") {
      ref = attr(a, "r");
      type = attr(a, "t");
      auto s = attr(a, "s");
      style = s.empty() ? -1 : std::atoi(s.c_str());
      value.clear();
      formula.clear();
      has_value = has_formula = false;
      inline_text = TextCollector{};
    } else if (el == "v") {
      in_v = true;
      has_value = true;
    } else if (el == "f") {
      in_f = true;
      has_formula = true;
    } else if (el == "is") {
      in_is = true;
    } else if (el == "mergeCell") {
      add_merged(attr(a, "ref"));
    }
    if (in_is) inline_text.start(el);
  }

  void end(const std::string& el) {
    if (failure) return;
    if (in_is) inline_text.end(el);
    if (el == "v")
      in_v = false;
    else if (el == "f")
      in_f = false;
    else if (el == "is")
      in_is = false;
    else if (el == "c")
      end_cell();
    else if (el == "row")
      end_row();
  }

  void chars(const char* s, int n) {
    if (in_v)
      value.append(s, static_cast<std::size_t>(n));
    else if (in_f)
      formula.append(s, static_cast<std::size_t>(n));
    else if (in_is)
      inline_text.chars(s, n);
  }

  void add_merged(const std::string& r) {
    auto colon = r.find(':');
    auto a = parse_ref(r.substr(0, colon));
    auto b = colon == std::string::npos ? a : parse_ref(r.substr(colon + 1));
    if (!a || !b) return;
    sheet.merged.push_back({r, std::min(a->first, b->first), std::max(a->first, b->first),
                            std::min(a->second, b->second), std::max(a->second, b->second)});
  }

  void refuse(std::size_t column, const std::string& cell_ref, std::string message) {
    sheet.refused.push_back({row.number, column, cell_ref, std::move(message)});
  }

  void end_cell() {
    std::size_t column = next_column;
    if (!ref.empty()) {
      auto p = parse_ref(ref);
      if (!p) {
        failure = invalid("Tệp Excel bị hỏng: ô có địa chỉ không hợp lệ (" + ref + ").");
        return;
      }
      column = p->second;
    }
    next_column = column + 1;
    const std::string cell_ref = column_name(column) + std::to_string(row.number);
    std::string text;
    if (type == "s") {
      char* end = nullptr;
      unsigned long long i = std::strtoull(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0' || i >= shared.size()) {
        failure = invalid("Tệp Excel bị hỏng: ô " + cell_ref + " trỏ tới một chuỗi không có.");
        return;
      }
      text = shared[i];
    } else if (type == "inlineStr") {
      text = inline_text.text;
    } else if (type == "e") {
      refuse(column, cell_ref, "Ô " + cell_ref + " có giá trị lỗi " + value + "; hãy sửa công thức hoặc nhập giá trị.");
    } else if (has_formula && !has_value) {
      refuse(column, cell_ref,
             "Ô " + cell_ref +
                 " chứa công thức chưa có kết quả tính sẵn; hãy mở tệp bằng Excel hoặc LibreOffice, "
                 "lưu lại rồi tải lên, hoặc nhập giá trị thay cho công thức.");
    } else if (type == "str") {
      text = value;
    } else if (type == "b") {
      text = value == "1" ? "TRUE" : "FALSE";
    } else if (!value.empty()) {
      // A number (t="n" or no type); a date when its style or the caller says so.
      bool date_style = style >= 0 && static_cast<std::size_t>(style) < date_styles.size() && date_styles[style];
      bool date_column =
          std::find(options.date_columns.begin(), options.date_columns.end(), column) != options.date_columns.end();
      text = number_text(value);
      if (date_style || date_column) {
        char* end = nullptr;
        double v = std::strtod(value.c_str(), &end);
        if (end != value.c_str() && *end == '\0')
          if (auto iso = serial_to_iso(v, sheet.date1904)) text = *iso;
      }
    }
    if (column >= 16384) {
      failure = invalid("Tệp Excel bị hỏng: ô " + cell_ref + " vượt quá số cột của Excel.");
      return;
    }
    // Every row is as wide as its last cell, so a value far to the right costs every empty cell before it.
    if (row.cells.size() <= column && kept_cells + column + 1 > options.max_cells) {
      failure = invalid("Trang tính có quá nhiều ô (tối đa " + std::to_string(options.max_cells) +
                        ", tính cả các ô trống đứng trước một ô có dữ liệu, đến ô " + cell_ref +
                        "). Hãy xóa các cột thừa ở bên phải bảng rồi lưu lại.");
      return;
    }
    if (row.cells.size() <= column) row.cells.resize(column + 1);
    row.cells[column] = std::move(text);
  }

  void end_row() {
    in_row = false;
    last_row = row.number;
    bool blank = std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& c) { return c.empty(); });
    bool has_refused = !sheet.refused.empty() && sheet.refused.back().row == row.number;
    if (blank && !has_refused && options.skip_blank_rows) return;
    if (sheet.rows.size() >= options.max_rows) {
      failure = invalid("Trang tính có quá nhiều dòng (tối đa " + std::to_string(options.max_rows) + ").");
      return;
    }
    kept_cells += row.cells.size();
    sheet.rows.push_back(std::move(row));
  }
};

}  // namespace

std::string column_name(std::size_t column) {
  std::string out;
  std::size_t n = column + 1;
  while (n > 0) {
    std::size_t rem = (n - 1) % 26;
    out.insert(out.begin(), static_cast<char>('A' + rem));
    n = (n - 1) / 26;
  }
  return out;
}

std::optional<std::pair<std::size_t, std::size_t>> parse_ref(std::string_view ref) {
  std::size_t i = 0, column = 0, row = 0;
  // Absolute references ($A$1) appear in merge ranges written by some programs.
  if (i < ref.size() && ref[i] == '$') ++i;
  std::size_t letters = 0;
  while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) {
    char ch = static_cast<char>(ref[i] & ~0x20);
    column = column * 26 + static_cast<std::size_t>(ch - 'A' + 1);
    ++i;
    if (++letters > 3) return std::nullopt;
  }
  if (letters == 0) return std::nullopt;
  if (i < ref.size() && ref[i] == '$') ++i;
  std::size_t digits = 0;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9') {
    row = row * 10 + static_cast<std::size_t>(ref[i] - '0');
    ++i;
    if (++digits > 7) return std::nullopt;
  }
  if (digits == 0 || i != ref.size() || row == 0) return std::nullopt;
  return std::make_pair(row, column - 1);
}

bool is_date_format(int id, std::string_view code) {
  if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47)) return true;
  if (code.empty()) return false;
  bool quoted = false, bracket = false;
  std::string bracket_text;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char ch = code[i];
    if (quoted) {
      if (ch == '"') quoted = false;
      continue;
    }
    if (bracket) {
      if (ch == ']') {
        bracket = false;
        // Elapsed time ([h], [mm], [ss]) is a time; colours, conditions and locales ([Red], [$-42A]) are not.
        std::string t;
        for (char b : bracket_text) t += static_cast<char>(b | 0x20);
        if (!t.empty() && t.find_first_not_of(t[0]) == std::string::npos && (t[0] == 'h' || t[0] == 'm' || t[0] == 's'))
          return true;
      } else {
        bracket_text += ch;
      }
      continue;
    }
    if (ch == '"')
      quoted = true;
    else if (ch == '[') {
      bracket = true;
      bracket_text.clear();
    } else if (ch == '\\' || ch == '_' || ch == '*')
      ++i;  // the next character is literal (or padding)
    else if (ch == ';')
      break;  // only the first section says what the number is
    else {
      char l = static_cast<char>(ch | 0x20);
      if (l == 'd' || l == 'm' || l == 'y' || l == 'h' || l == 's') return true;
    }
  }
  return false;
}

std::optional<std::string> serial_to_iso(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 0) return std::nullopt;
  double whole = std::floor(serial);
  long long seconds = std::llround((serial - whole) * 86400.0);
  long long days = static_cast<long long>(whole);
  if (seconds >= 86400) {
    seconds -= 86400;
    ++days;
  }
  long long unix_days;
  if (date1904) {
    unix_days = days - 24107;  // 1904-01-01 is serial 0
  } else {
    if (days == 60) return std::nullopt;  // Excel's 29/02/1900, which never was
    if (days == 0) return std::nullopt;   // "00/01/1900": a time alone
    unix_days = (days < 60 ? days + 1 : days) - 25569;
  }
  int y;
  unsigned m, d;
  civil_from_days(unix_days, y, m, d);
  if (y > 9999) return std::nullopt;
  char buf[48];
  if (seconds == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  } else {
    const int hh = static_cast<int>(seconds / 3600), mi = static_cast<int>((seconds / 60) % 60),
              ss = static_cast<int>(seconds % 60);
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02d:%02d:%02d", y, m, d, hh, mi, ss);
  }
  return std::string(buf);
}

Result<std::vector<std::string>> sheet_names(std::string_view bytes) {
  auto p = Package::open(bytes, ReadOptions{});
  if (!p) return fail(p.error());
  auto wb = read_workbook(**p);
  if (!wb) return fail(wb.error());
  std::vector<std::string> out;
  for (const auto& s : wb->sheets) out.push_back(s.name);
  return out;
}

Result<Sheet> read(std::string_view bytes, const ReadOptions& options) {
  auto p = Package::open(bytes, options);
  if (!p) return fail(p.error());
  auto wb = read_workbook(**p);
  if (!wb) return fail(wb.error());
  const SheetRef* chosen = nullptr;
  for (const auto& s : wb->sheets)
    if (options.sheet.empty() ? true : s.name == options.sheet) {
      chosen = &s;
      break;
    }
  if (!chosen) return fail(invalid("Tệp Excel không có trang tính \"" + options.sheet + "\"."));
  auto shared = read_shared_strings(**p);
  if (!shared) return fail(shared.error());
  auto styles = read_date_styles(**p);
  if (!styles) return fail(styles.error());
  auto xml = (*p)->part(chosen->target);
  if (!xml) return fail(xml.error());
  if (!*xml) return fail(invalid("Tệp Excel bị hỏng: thiếu nội dung của trang tính \"" + chosen->name + "\"."));
  Sheet sheet;
  sheet.name = chosen->name;
  sheet.date1904 = wb->date1904;
  SheetReader r(*shared, *styles, options, sheet);
  Handler h;
  h.on_start = [&](const std::string& el, const Poco::XML::Attributes& a) { r.start(el, a); };
  h.on_end = [&](const std::string& el) { r.end(el); };
  h.on_text = [&](const char* s, int n) { r.chars(s, n); };
  if (auto ok = parse_xml(**xml, h, chosen->target); !ok) return fail(ok.error());
  if (r.failure) return fail(*r.failure);
  return sheet;
}

}  // namespace ct05::xlsx
