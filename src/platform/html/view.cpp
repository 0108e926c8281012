#include "platform/html/view.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <stdexcept>

namespace ct05::html {

namespace {
std::mutex g_mu;
std::map<std::string, std::string>& sources() {
  static std::map<std::string, std::string> s;
  return s;
}
}  // namespace

bool has_autoescape(std::string_view text) {
  auto nl = text.find('\n');
  std::string_view first = text.substr(0, nl);
  while (!first.empty() && (first.back() == '\r' || first.back() == ' ')) first.remove_suffix(1);
  return first == kAutoescapePragma;
}

void register_template(const std::string& name, std::string_view text) {
  if (!has_autoescape(text)) throw std::runtime_error("template " + name + " lacks the AUTOESCAPE pragma");
  std::lock_guard g(g_mu);
  if (!ctemplate::StringToTemplateCache(name, text.data(), text.size(), ctemplate::STRIP_BLANK_LINES))
    throw std::runtime_error("template " + name + " does not parse");
  sources()[name] = std::string(text);
}

std::vector<std::string> template_names() {
  std::lock_guard g(g_mu);
  std::vector<std::string> out;
  for (const auto& [k, v] : sources()) out.push_back(k);
  return out;
}

std::string template_source(const std::string& name) {
  std::lock_guard g(g_mu);
  auto it = sources().find(name);
  return it == sources().end() ? "" : it->second;
}

std::string render(const std::string& name, const Dict& dict) {
  std::string out;
  if (!ctemplate::ExpandTemplate(name, ctemplate::STRIP_BLANK_LINES, &dict, &out))
    throw std::runtime_error("cannot expand template " + name);
  return out;
}

PageRequest page_request(const std::string& page_param, int per_page) {
  PageRequest p;
  p.per_page = per_page;
  if (!page_param.empty() && page_param.size() < 7 && page_param.find_first_not_of("0123456789") == std::string::npos)
    p.page = std::max(1, std::stoi(page_param));
  return p;
}

void add_pager(Dict& d, long long total, const PageRequest& p, const std::string& base_href, const std::string& param,
               const std::string& include_name) {
  auto* inc = d.AddIncludeDictionary(include_name);
  inc->SetFilename("platform/pager.tpl");
  long long pages = (total + p.per_page - 1) / p.per_page;
  if (pages <= 1) return;
  auto* s = inc->AddSectionDictionary("PAGES");
  s->SetIntValue("PAGE", p.page);
  s->SetValue("PAGES_TOTAL", number_vn(pages));
  s->SetValue("TOTAL", number_vn(total));
  if (p.page > 1) s->AddSectionDictionary("PREV")->SetValue("HREF", base_href + param + "=" + std::to_string(p.page - 1));
  if (p.page < pages) s->AddSectionDictionary("NEXT")->SetValue("HREF", base_href + param + "=" + std::to_string(p.page + 1));
}

void set_field_errors(Dict& d, const std::string& message, const std::vector<std::pair<std::string, std::string>>& fields) {
  d.AddSectionDictionary("ERRORS")->SetValue("MESSAGE", message);
  for (const auto& [field, msg] : fields) {
    std::string key = "ERR_";
    for (char c : field) key += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    d.AddSectionDictionary(key)->SetValue("MSG", msg);
  }
}

int percent(long long done, long long total) {
  if (total <= 0) return 0;
  long long p = (done * 100 + total / 2) / total;
  return static_cast<int>(p > 100 ? 100 : (p < 0 ? 0 : p));
}

std::string number_vn(long long n) {
  std::string s = std::to_string(n < 0 ? -n : n);
  std::string out;
  int k = 0;
  for (auto it = s.rbegin(); it != s.rend(); ++it) {
    if (k && k % 3 == 0) out += '.';
    out += *it;
    ++k;
  }
  if (n < 0) out += '-';
  return {out.rbegin(), out.rend()};
}

}  // namespace ct05::html
