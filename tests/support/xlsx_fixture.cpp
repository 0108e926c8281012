#include "support/xlsx_fixture.hpp"

#include <sstream>

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/Zip/Compress.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include "platform/xlsx/xlsx_reader.hpp"

namespace ct05::testing {

std::string zip_package(const std::vector<std::pair<std::string, std::string>>& parts, bool stream) {
  std::ostringstream out;
  {
    Poco::Zip::Compress zip(out, !stream);
    for (const auto& [name, content] : parts) {
      std::istringstream in(content);
      zip.addFile(in, Poco::DateTime(2020, 5, 15), Poco::Path(name, Poco::Path::PATH_UNIX));
    }
    zip.close();
  }
  return out.str();
}

std::string unzip_part(const std::string& package, const std::string& name) {
  std::istringstream in(package);
  Poco::Zip::ZipArchive archive(in);
  auto it = archive.findHeader(name);
  if (it == archive.headerEnd()) return "";
  std::istringstream again(package);
  Poco::Zip::ZipInputStream zin(again, it->second);
  std::string out;
  Poco::StreamCopier::copyToString(zin, out);
  return out;
}

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

std::string encode_xml(const std::string& utf8, XmlEncoding encoding, Bom bom) {
  if (encoding == XmlEncoding::kUtf8) return (bom == Bom::kWith ? "\xEF\xBB\xBF" : "") + utf8;
  std::string text = utf8;
  for (auto at = text.find("encoding=\"UTF-8\""); at != std::string::npos; at = text.find("encoding=\"UTF-8\""))
    text.replace(at, 16, "encoding=\"UTF-16\"");
  const bool le = encoding == XmlEncoding::kUtf16Le;
  std::string out;
  auto unit = [&](unsigned u) {
    const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
    out += le ? lo : hi;
    out += le ? hi : lo;
  };
  if (bom == Bom::kWith) unit(0xFEFF);
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    const std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    unsigned cp = n == 1 ? b : n == 2 ? b & 0x1F : n == 3 ? b & 0x0F : b & 0x07;
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    i += n;
    if (cp >= 0x10000) {
      unit(0xD800 + ((cp - 0x10000) >> 10));
      unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      unit(cp);
    }
  }
  return out;
}

std::string xlsx_workbook(const XlsxSpec& spec) {
  const std::string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  std::vector<std::pair<std::string, std::string>> parts;
  parts.push_back({"[Content_Types].xml",
                   "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                   "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                   "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                   "<Override PartName=\"/xl/workbook.xml\" "
                   "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                   "</Types>"});
  parts.push_back({"_rels/.rels",
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
                   "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
                   "Type=\"" +
                       rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"});
  parts.push_back(
      {"xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + ns + "\" xmlns:r=\"" + rel +
                              "\"><workbookPr" + (spec.date1904 ? " date1904=\"1\"" : "") + "/><sheets><sheet name=\"" +
                              xml_escape(spec.sheet_name) + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"});
  parts.push_back({"xl/_rels/workbook.xml.rels",
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
                   "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                   "<Relationship Id=\"rId1\" Type=\"" +
                       rel +
                       "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                       "<Relationship Id=\"rId2\" Type=\"" +
                       rel +
                       "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                       "<Relationship Id=\"rId3\" Type=\"" +
                       rel + "/styles\" Target=\"styles.xml\"/></Relationships>"});
  std::string sst = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + ns + "\" count=\"" +
                    std::to_string(spec.shared.size()) + "\">";
  for (const auto& s : spec.shared) sst += "<si><t xml:space=\"preserve\">" + xml_escape(s) + "</t></si>";
  sst += "</sst>";
  parts.push_back({"xl/sharedStrings.xml", sst});
  parts.push_back({"xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"" + ns + "\">" +
                                        (spec.num_fmts.empty() ? "" : "<numFmts>" + spec.num_fmts + "</numFmts>") +
                                        "<cellXfs>" + spec.cell_xfs + "</cellXfs></styleSheet>"});
  parts.push_back({"xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + ns +
                                                   "\" xmlns:r=\"" + rel + "\"><sheetData>" + spec.sheet_data +
                                                   "</sheetData>" + spec.after_sheet_data + "</worksheet>"});
  for (auto& [name, content] : parts) {
    if (name == spec.doctype_part && !spec.doctype.empty()) content.insert(content.find("?>") + 2, spec.doctype);
    content = encode_xml(content, spec.encoding, spec.bom);
  }
  return zip_package(parts, spec.stream);
}

std::string xlsx_from_rows(const std::vector<std::vector<std::string>>& rows) {
  XlsxSpec spec;
  std::size_t r = 0;
  for (const auto& row : rows) {
    ++r;
    spec.sheet_data += "<row r=\"" + std::to_string(r) + "\">";
    for (std::size_t c = 0; c < row.size(); ++c) {
      const auto& v = row[c];
      if (v.empty()) continue;
      std::string ref = xlsx::column_name(c) + std::to_string(r);
      if (v.size() > 1 && v[0] == '=' && v.find_first_not_of("0123456789.-", 1) == std::string::npos) {
        spec.sheet_data += "<c r=\"" + ref + "\"><v>" + v.substr(1) + "</v></c>";
      } else {
        spec.sheet_data += "<c r=\"" + ref + "\" t=\"s\"><v>" + std::to_string(spec.shared.size()) + "</v></c>";
        spec.shared.push_back(v);
      }
    }
    spec.sheet_data += "</row>";
  }
  return xlsx_workbook(spec);
}

}  // namespace ct05::testing
