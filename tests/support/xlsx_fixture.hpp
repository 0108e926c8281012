#pragma once
// Small .xlsx packages built in memory for tests of readers and imports (no binary fixtures in the repository):
// the XML parts are written by the test, zipped with Poco::Zip.
#include <string>
#include <utility>
#include <vector>

namespace ct05::testing {

//! Zips the given parts (name, content) into a package. stream = true writes sizes after each part's data
//! (data descriptors), as programs that write to a pipe do.
std::string zip_package(const std::vector<std::pair<std::string, std::string>>& parts, bool stream = false);

//! How the XML parts of a package are encoded. Excel and LibreOffice write UTF-8; XML also allows UTF-16, which a
//! guard reading bytes for "<!DOCTYPE" does not see (issue 16), so tests build both.
enum class XmlEncoding { kUtf8, kUtf16Le, kUtf16Be };
//! Whether an encoded part starts with a byte order mark.
enum class Bom { kWithout, kWith };

//! The XML text (UTF-8, as the tests write it) in the given encoding: UTF-16 code units with surrogate pairs, the
//! declaration's encoding="UTF-8" renamed to "UTF-16", and a BOM (EF BB BF, FF FE or FE FF) when asked.
std::string encode_xml(const std::string& utf8, XmlEncoding encoding, Bom bom);

//! What goes into a one-sheet workbook.
struct XlsxSpec {
  std::string sheet_name = "Sheet1";
  std::string sheet_data;           //!< the inner XML of <sheetData>: "<row r=\"1\"><c r=\"A1\" …/></row>…"
  std::string after_sheet_data;     //!< e.g. "<mergeCells count=\"1\"><mergeCell ref=\"A1:C1\"/></mergeCells>"
  std::vector<std::string> shared;  //!< shared strings, index = position
  std::string cell_xfs = "<xf numFmtId=\"0\"/>";  //!< the inner XML of <cellXfs>; style s="i" is the i-th xf
  std::string num_fmts;                           //!< the inner XML of <numFmts>, "" for none
  bool date1904 = false;
  bool stream = false;                        //!< see zip_package
  XmlEncoding encoding = XmlEncoding::kUtf8;  //!< of every XML part
  Bom bom = Bom::kWithout;                    //!< of every XML part
  //! Inserted after the XML declaration of the part named by doctype_part, e.g. a DTD with entity declarations.
  std::string doctype;
  std::string doctype_part = "xl/worksheets/sheet1.xml";
};

//! A whole workbook with one sheet, as Excel lays it out.
std::string xlsx_workbook(const XlsxSpec& spec);

//! A workbook whose first sheet holds these rows, every cell a shared string (text) or a number when the text
//! starts with '=' followed by digits ("=1500000" → the number 1500000).
std::string xlsx_from_rows(const std::vector<std::vector<std::string>>& rows);

//! The content of one part of a zip package ("xl/worksheets/sheet1.xml"), or "" when it has none of that name.
std::string unzip_part(const std::string& package, const std::string& name);

//! XML-escapes text for a part.
std::string xml_escape(const std::string& s);

}  // namespace ct05::testing
