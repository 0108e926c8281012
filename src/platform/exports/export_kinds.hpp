#pragma once
// The catalogue of exportable lists. Each module declares its lists in its module.cpp (add_kind); the web route
// /exports/{kind}, the API route /api/v1/exports/{kind} and `ct05 export --list KIND` all run the same exporter,
// which checks the same permission as the list's page and reads the same filters, so the three interfaces give the
// same rows. produce() caps the size, writes the audit entry and builds the file.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kernel/error.hpp"
#include "platform/auth/principal.hpp"
#include "platform/db/db.hpp"
#include "platform/exports/exports.hpp"
#include "platform/html/view.hpp"
#include "platform/http/http.hpp"

namespace ct05::exports {

//! The most rows one file may hold; a list with more is refused with a message asking for a smaller unit or a
//! filter. Exporters read at most fetch_limit() rows, so a subtree of millions never reaches memory.
constexpr std::size_t kMaxRows = 50000;
//! The limit in force: kMaxRows unless lowered by set_max_rows() (tests, so a refusal needs no 50,000 rows).
std::size_t max_rows();
void set_max_rows(std::size_t n);
//! max_rows() + 1: how many rows an exporter reads to know the list is too long.
int fetch_limit();

//! A filter an export accepts (the list page's query parameter of the same name).
struct Filter {
  std::string name;  //!< "year", "status", "q", …
  std::string help;  //!< Vietnamese, for --help and the OpenAPI description
};

//! What is asked: the unit (0 when the kind needs none) and the filters, by name.
struct Ask {
  std::int64_t unit_id = 0;
  http::Fields filters;
};

//! What an exporter gives back.
struct Listing {
  std::vector<xlsx::Table> tables;  //!< CSV takes the first
  std::string stem;                 //!< file name without extension, e.g. "Đảng viên — Chi bộ thôn Khuổi Cuồng"
  std::string unit_path;            //!< where the audit entry goes (the unit's path; "/" for everything)
  bool personal = false;            //!< holds personal data (names with sensitive fields, households, results)
};

using Exporter = std::function<Result<Listing>(db::Connection&, const auth::Principal&, const Ask&)>;

struct Kind {
  std::string code;   //!< "units", "members", …: the {kind} of the URLs and --list
  std::string label;  //!< Vietnamese
  std::vector<Filter> filters;
  bool needs_unit = true;  //!< false: the unit is optional (audit) or implied by a filter (quiz results)
  Exporter run;
};

//! Declares a kind (from a module's module.cpp); a second declaration of the same code replaces the first.
void add_kind(Kind kind);
//! Every kind, in the order declared.
std::vector<Kind> kinds();
//! The kind with this code, or nothing.
std::optional<Kind> find_kind(std::string_view code);

//! Where the request comes from, written to the audit entry.
enum class Channel { kWeb, kApi, kCli };

//! A file ready to send or write.
struct File {
  std::string name;          //!< "dang-vien-chi-bo-thon-khuoi-cuong.xlsx"
  std::string content_type;  //!< xlsx::kContentType or "text/csv; charset=utf-8"
  std::string bytes;
  std::size_t rows = 0;  //!< data rows of the first table
};

//! Runs the kind's exporter for the principal (permission and filters are the exporter's), refuses a list over
//! max_rows(), writes "export.<kind>" to the audit log (who, the unit, the filters, the format, how many rows) and
//! builds the file. Unknown kind: NotFound; a kind that needs a unit without one: Invalid.
Result<File> produce(db::Connection& c, const auth::Principal& who, std::string_view kind, const Ask& ask, Format format,
                     Channel channel);

//! The refusal of a list longer than max_rows() (exporters call it when they read fetch_limit() rows).
Error too_many_rows();

//! Adds the include `include_name` (platform/export_links.tpl: "Tải Excel" / "Tải CSV") linking to
//! /exports/{kind}?unit=ID&<params>&format=…; params with an empty value are left out. `label` replaces the
//! default words before the links.
void add_links(html::Dict& d, std::string_view kind, std::int64_t unit_id,
               const std::vector<std::pair<std::string, std::string>>& params, const std::string& include_name = "EXPORT",
               const std::string& label = "");

//! The year filter: a number between 1990 and 2100, or `fallback` when absent; Invalid otherwise.
Result<int> year_filter(const http::Fields& f, int fallback);

}  // namespace ct05::exports
