#pragma once
// The two files a report becomes. Both draw the same Document in the layout of Hướng dẫn 36-HD/VPTW: A4, margins
// top and bottom 20 mm, left 30 mm, right 15 mm; the issuing body top left with its "*" and number line, "ĐẢNG CỘNG
// SẢN VIỆT NAM" top right with its rule and the place and date in italics under it; the title, the body, Nơi nhận
// and the signature; page numbers from page 2.
#include <string>
#include <utility>
#include <vector>

#include "modules/reports/domain/report.hpp"

namespace ct05::reports {

constexpr const char* kDocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

//! word/document.xml of the DOCX (the golden tests compare it).
std::string docx_document_xml(const Document& d);
//! The DOCX package: Times New Roman 14 pt, editable in Word and LibreOffice. Deterministic bytes.
std::string render_docx(const Document& d);
//! The PDF: Pango and Cairo with Noto Serif, every Vietnamese mark shaped, the text extractable.
std::string render_pdf(const Document& d);

//! A ZIP archive of (name, bytes) entries, deflated, with a fixed date so equal input gives equal bytes.
std::string zip(const std::vector<std::pair<std::string, std::string>>& entries);

}  // namespace ct05::reports
