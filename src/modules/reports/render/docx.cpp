// The DOCX of a report: WordprocessingML written by hand (a handful of parts), zipped by zip.cpp.
#include <string_view>

#include "modules/reports/render/render.hpp"

namespace ct05::reports {

namespace {

// Page: A4, margins 20 / 15 / 20 / 30 mm (top, right, bottom, left) in twentieths of a point.
constexpr int kTextWidth = 11906 - 1701 - 851;  // 9354

std::string esc(std::string_view s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        // XML 1.0 has no place for the other C0 controls.
        if (static_cast<unsigned char>(ch) < 0x20 && ch != '\t' && ch != '\n') break;
        out += ch;
    }
  }
  return out;
}

struct Style {
  bool bold = false, italic = false, underline = false;
  int size = 28;  // half-points: 14 pt
};

std::string run(std::string_view text, Style s) {
  std::string rpr;
  if (s.bold) rpr += "<w:b/>";
  if (s.italic) rpr += "<w:i/>";
  if (s.underline) rpr += "<w:u w:val=\"single\"/>";
  if (s.size != 28) rpr += "<w:sz w:val=\"" + std::to_string(s.size) + "\"/><w:szCs w:val=\"" + std::to_string(s.size) + "\"/>";
  return "<w:r>" + (rpr.empty() ? "" : "<w:rPr>" + rpr + "</w:rPr>") + "<w:t xml:space=\"preserve\">" + esc(text) +
         "</w:t></w:r>";
}

//! A paragraph: alignment ("center", "both", "left", "right"), first-line indent and spacing after in twips.
std::string para(std::string_view runs, std::string_view align, int indent = 0, int after = 0, bool keep_next = false,
                 int before = 0) {
  std::string ppr = "<w:pPr>";
  if (keep_next) ppr += "<w:keepNext/>";
  ppr += "<w:spacing w:before=\"" + std::to_string(before) + "\" w:after=\"" + std::to_string(after) +
         "\" w:line=\"288\" w:lineRule=\"auto\"/>";
  if (indent) ppr += "<w:ind w:firstLine=\"" + std::to_string(indent) + "\"/>";
  ppr += "<w:jc w:val=\"" + std::string(align) + "\"/></w:pPr>";
  return "<w:p>" + ppr + std::string(runs) + "</w:p>";
}

std::string cell(int width, std::string_view content, bool borders) {
  std::string tcpr = "<w:tcPr><w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>";
  if (borders) tcpr += "<w:vAlign w:val=\"center\"/>";
  tcpr += "</w:tcPr>";
  return "<w:tc>" + tcpr + std::string(content) + "</w:tc>";
}

std::string table_start(const std::vector<int>& widths, bool borders) {
  std::string b = borders ? "single" : "nil";
  std::string out = "<w:tbl><w:tblPr><w:tblW w:w=\"" + std::to_string(kTextWidth) +
                    "\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblBorders>";
  for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
    out += "<w:" + std::string(side) + " w:val=\"" + b + "\"" + (borders ? " w:sz=\"4\" w:space=\"0\" w:color=\"000000\"" : "") + "/>";
  out += "</w:tblBorders><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/>"
         "</w:tblCellMar></w:tblPr><w:tblGrid>";
  for (int w : widths) out += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
  return out + "</w:tblGrid>";
}

std::vector<int> column_widths(const Table& t) {
  double total = 0;
  for (std::size_t i = 0; i < t.header.size(); ++i) total += i < t.widths.size() ? t.widths[i] : 1;
  std::vector<int> out;
  int used = 0;
  for (std::size_t i = 0; i < t.header.size(); ++i) {
    double w = i < t.widths.size() ? t.widths[i] : 1;
    int tw = i + 1 == t.header.size() ? kTextWidth - used : static_cast<int>(kTextWidth * w / total);
    used += tw;
    out.push_back(tw);
  }
  return out;
}

std::string data_table(const Table& t) {
  auto widths = column_widths(t);
  std::string out = table_start(widths, true);
  Style head{true, false, false, 24}, body{false, false, false, 24};
  out += "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>";
  for (std::size_t i = 0; i < t.header.size(); ++i) out += cell(widths[i], para(run(t.header[i], head), "center"), true);
  out += "</w:tr>";
  for (const auto& row : t.rows) {
    out += "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
    for (std::size_t i = 0; i < t.header.size(); ++i) {
      bool num = i < t.numeric.size() && t.numeric[i];
      out += cell(widths[i], para(run(i < row.size() ? row[i] : "", body), num ? "center" : "left"), true);
    }
    out += "</w:tr>";
  }
  out += "</w:tbl>";
  return out + para("", "left", 0, 120);
}

}  // namespace

std::string docx_document_xml(const Document& d) {
  std::string b;
  // The heading: the issuing body on the left, the Party's name and the place and date on the right.
  int left = 4600, right = kTextWidth - left;
  b += table_start({left, right}, false);
  b += "<w:tr>";
  std::string l;
  if (!d.superior.empty()) l += para(run(d.superior, {false, false, false, 26}), "center");
  l += para(run(d.issuer, {true, false, false, 26}), "center");
  l += para(run("*", {false, false, false, 26}), "center");
  l += para(run(d.number, {false, false, false, 26}), "center");
  b += cell(left, l, false);
  std::string r = para(run("ĐẢNG CỘNG SẢN VIỆT NAM", {true, false, true, 30}), "center");
  if (!d.superior.empty()) r += para("", "center");
  r += para("", "center");
  r += para(run(d.place_date, {false, true, false, 26}), "right");
  b += cell(right, r, false);
  b += "</w:tr></w:tbl>";

  b += para(run(d.title, {true, false, false, 32}), "center", 0, 0, true, 360);
  b += para(run(d.subject, {true, false, false, 28}), "center", 0, 0, true);
  b += para(run("-----", {false, false, false, 28}), "center", 0, 240);

  for (const auto& block : d.blocks) {
    switch (block.type) {
      case Block::Type::kHeading: b += para(run(block.text, {true}), "both", 567, 120, true); break;
      case Block::Type::kSubheading: b += para(run(block.text, {true, true}), "both", 567, 120, true); break;
      case Block::Type::kDash:
      case Block::Type::kParagraph: b += para(run(block.text, {}), "both", 567, 120); break;
      case Block::Type::kTable: b += data_table(block.table); break;
    }
  }

  // Nơi nhận on the left, the signature on the right.
  b += para("", "left");
  b += table_start({left, right}, false);
  b += "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
  std::string recv = para(run("Nơi nhận:", {true, true, true, 24}), "left");
  for (const auto& line : d.recipients) recv += para(run(line, {false, false, false, 22}), "left");
  b += cell(left, recv, false);
  std::string sign = para(run(d.on_behalf, {true, false, false, 28}), "center");
  sign += para(run(d.position, {true, false, false, 28}), "center");
  for (int i = 0; i < 4; ++i) sign += para("", "center");
  sign += para(run(d.signer, {true, false, false, 28}), "center");
  b += cell(right, sign, false);
  b += "</w:tr></w:tbl>";

  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>" +
         b +
         "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId2\"/>"
         "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
         "<w:pgMar w:top=\"1134\" w:right=\"851\" w:bottom=\"1134\" w:left=\"1701\" w:header=\"567\" w:footer=\"567\" "
         "w:gutter=\"0\"/><w:titlePg/></w:sectPr></w:body></w:document>";
}

std::string render_docx(const Document& d) {
  const std::string content_types =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/word/document.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
      "<Override PartName=\"/word/styles.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
      "<Override PartName=\"/word/header1.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
      "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
      "<Override PartName=\"/docProps/app.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
      "</Types>";
  const std::string rels =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
      "Target=\"word/document.xml\"/>"
      "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
      "Target=\"docProps/core.xml\"/>"
      "<Relationship Id=\"rId3\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" "
      "Target=\"docProps/app.xml\"/>"
      "</Relationships>";
  const std::string doc_rels =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
      "Target=\"styles.xml\"/>"
      "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" "
      "Target=\"header1.xml\"/>"
      "</Relationships>";
  const std::string styles =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:docDefaults><w:rPrDefault><w:rPr>"
      "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" "
      "w:cs=\"Times New Roman\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/><w:lang w:val=\"vi-VN\"/>"
      "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
      "</w:pPr></w:pPrDefault></w:docDefaults>"
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
      "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
      "<w:tblPr><w:tblCellMar><w:left w:w=\"108\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
      "</w:tblCellMar></w:tblPr></w:style>"
      "</w:styles>";
  const std::string header =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p><w:pPr><w:jc w:val=\"center\"/>"
      "</w:pPr><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"
      "</w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar "
      "w:fldCharType=\"end\"/></w:r></w:p></w:hdr>";
  const std::string core =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" +
      esc(d.title + " " + d.subject) + "</dc:title><dc:creator>" + esc(d.issuer) + "</dc:creator><dc:description>" +
      esc("ct05: " + d.meta) + "</dc:description><dc:language>vi-VN</dc:language></cp:coreProperties>";
  const std::string app =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
      "<Application>ct05</Application></Properties>";
  return zip({{"[Content_Types].xml", content_types},
              {"_rels/.rels", rels},
              {"word/document.xml", docx_document_xml(d)},
              {"word/_rels/document.xml.rels", doc_rels},
              {"word/styles.xml", styles},
              {"word/header1.xml", header},
              {"docProps/core.xml", core},
              {"docProps/app.xml", app}});
}

}  // namespace ct05::reports
