#pragma once
// Server-rendered pages with ctemplate. Every template must start with the AUTOESCAPE pragma,
// so values are escaped for their context by default; registration refuses one that lacks it.
#include <string>
#include <string_view>
#include <vector>

#include <ctemplate/template.h>

namespace ct05::html {

using Dict = ctemplate::TemplateDictionary;

//! The pragma every template starts with.
constexpr std::string_view kAutoescapePragma = "{{%AUTOESCAPE context=\"HTML\"}}";

//! True when the template's first line is the AUTOESCAPE pragma.
bool has_autoescape(std::string_view text);
//! Registers a template under name (e.g. "org/unit_view.tpl"); throws when it lacks the pragma
//! or does not parse.
void register_template(const std::string& name, std::string_view text);
//! Names of every registered template.
std::vector<std::string> template_names();
//! The registered source text of a template.
std::string template_source(const std::string& name);
//! Expands a registered template.
std::string render(const std::string& name, const Dict& dict);

//! A page of a paginated list (1-based).
struct PageRequest {
  int page = 1;
  int per_page = 50;
  int offset() const { return (page - 1) * per_page; }
};
//! Reads ?page= (bad or missing values give page 1).
PageRequest page_request(const std::string& page_param, int per_page = 50);
//! Adds the "PAGER" include (platform/pager.tpl) to d; base_href ends with '?' or '&'.
void add_pager(Dict& d, long long total, const PageRequest& p, const std::string& base_href,
               const std::string& param = "page", const std::string& include_name = "PAGER");

//! Shows each field error as section "ERR_<FIELD>" {MSG} and the summary as section "ERRORS" {MESSAGE}.
void set_field_errors(Dict& d, const std::string& message, const std::vector<std::pair<std::string, std::string>>& fields);

//! done/total as a whole percentage, rounded, at most 100 (0 when total is 0): the width of a bar.
int percent(long long done, long long total);

//! Formats n with dots between thousands, the Vietnamese way (12.345).
std::string number_vn(long long n);

}  // namespace ct05::html
