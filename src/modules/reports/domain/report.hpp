#pragma once
// What a report is before it becomes a file: its kind and period, the figures it fills in, the admin's template
// (text with {placeholders} and [bang:…] table lines) and the document that both renderers (DOCX, PDF) draw in the
// layout of Hướng dẫn 36-HD/VPTW. Pure: no I/O, unit-tested.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kernel/error.hpp"

namespace ct05::reports {

// ---- kinds and periods
enum class Kind { kHalfYear, kYear, kFiveYear, kTenYear };

struct KindInfo {
  Kind kind;
  std::string_view code;   //!< "6-thang", "nam", "5-nam", "10-nam" (CLI, API, URLs)
  std::string_view label;  //!< "Sơ kết 6 tháng", …
};
const std::vector<KindInfo>& kinds();
std::optional<Kind> kind_of(std::string_view code);
std::string_view kind_code(Kind k);
std::string_view kind_label(Kind k);

//! The period a report covers. `from`/`to` are ISO dates; `year` is the last year, whose plans, ratings and
//! villages the report counts; `years` every year covered (one for a half year or a year).
struct Period {
  Kind kind = Kind::kYear;
  std::string code;   //!< as given: "2020-H1", "2020", "2016-2020"
  std::string from, to;
  int year = 0;
  std::vector<int> years;
  std::string phrase;  //!< "6 tháng đầu năm 2020", "năm 2020", "5 năm (2016 – 2020)"
};
//! "2020-H1" (6-thang), "2020" (nam), "2016-2020" (5-nam: 5 years, 10-nam: 10 years). Errors are in Vietnamese.
Result<Period> parse_period(Kind kind, std::string_view text);
//! The period of that kind that ends last on or before `today` (ISO): what a form proposes.
std::string default_period(Kind kind, std::string_view today);

//! "ngày 15 tháng 6 năm 2020" (days 1–9 and months 1–2 with a leading zero, as the guidance asks).
std::string date_phrase(std::string_view iso);

// ---- figures: named values and tables
struct Table {
  std::vector<std::string> header;
  std::vector<double> widths;  //!< relative column widths (same count as header)
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> numeric;   //!< right-aligned columns
};
struct Figures {
  std::map<std::string, std::string> values;  //!< "ty_le_ke_hoach" → "85,7%"
  std::map<std::string, Table> tables;        //!< "don_vi_truc_thuoc" → rows
};

//! A placeholder the admin may use: its name and what it stands for (the template page lists them).
struct Placeholder {
  std::string_view name, description;
};
const std::vector<Placeholder>& placeholders();
const std::vector<Placeholder>& table_placeholders();

// ---- templates
struct Template {
  std::int64_t id = 0;
  Kind kind = Kind::kYear;
  int version = 0;
  std::string title;       //!< the trích yếu under "BÁO CÁO"
  std::string body;        //!< paragraphs; "# " a heading, "## " a sub-heading, "- " a dash item, "[bang:x]" a table
  std::string recipients;  //!< one per line ("Nơi nhận")
  std::string note;        //!< why this version (the guidance it follows)
  std::string created_at, created_by;
};
//! Unknown placeholders, unbalanced braces and unknown tables, each as a Vietnamese message naming the line.
std::vector<FieldError> check_template(const Template& t);

// ---- the document both renderers draw
struct Block {
  enum class Type { kHeading, kSubheading, kParagraph, kDash, kTable } type = Type::kParagraph;
  std::string text;
  Table table;  //!< kTable
};
struct Document {
  std::string superior;   //!< "THÀNH ỦY BẮC KẠN" (empty for a root)
  std::string issuer;     //!< "ĐẢNG ỦY XÃ NÔNG THƯỢNG"
  std::string number;     //!< "Số     -BC/ĐU"
  std::string place_date; //!< "Nông Thượng, ngày 15 tháng 12 năm 2020"
  std::string title;      //!< "BÁO CÁO"
  std::string subject;    //!< the trích yếu, filled
  std::vector<Block> blocks;
  std::vector<std::string> recipients;
  std::string on_behalf;  //!< "T/M ĐẢNG ỦY"
  std::string position;   //!< "BÍ THƯ"
  std::string signer;     //!< the secretary's name, or empty for a hand-written one
  std::string meta;       //!< "tong-ket-nam 2020, mẫu phiên bản 1" (document properties)
};
//! Replaces {name} with its value (unknown names are left as they are: check_template() refuses them on save).
std::string fill(std::string_view text, const Figures& f);
//! The template's body filled and cut into blocks.
std::vector<Block> body_blocks(const Template& t, const Figures& f);

//! Vietnamese upper case of UTF-8 text (the letters with marks too: "Nông Thượng" → "NÔNG THƯỢNG").
std::string upper_vn(std::string_view text);

}  // namespace ct05::reports
