#pragma once
// What the villages module's pages share: the year asked for, the year links, bars scaled for small rates.
#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "modules/plans/domain/plan.hpp"
#include "modules/plans/storage/plan_store.hpp"
#include "modules/villages/domain/poverty.hpp"
#include "platform/http/app.hpp"

namespace ct05::villages::web {

//! ?year= on GET, the year field on POST; the plans module's default year (the latest with a theme) otherwise.
inline int year_param(http::Context& ctx) {
  auto y = plans::parse_year(ctx.req.method == "GET" ? ctx.req.query().get("year") : ctx.req.form().trimmed("year"));
  return y ? *y : plans::default_year(ctx.db());
}

//! Section YEARS {Y, HREF, CURRENT} for the given years and the current one, oldest first.
inline void add_year_links(html::Dict& d, const std::string& base, std::set<int> years, int current) {
  years.insert(current);
  for (int y : years) {
    auto* s = d.AddSectionDictionary("YEARS");
    s->SetIntValue("Y", y);
    s->SetValue("HREF", base + (base.find('?') == std::string::npos ? "?" : "&") + "year=" + std::to_string(y));
    if (y == current) s->ShowSection("CURRENT");
  }
}

//! done / total as a whole percentage, rounded half up, at most 100.
inline int percent(std::int64_t done, std::int64_t total) {
  return total <= 0 ? 0 : static_cast<int>(std::min<std::int64_t>(100, (done * 100 + total / 2) / total));
}

//! Poverty rates are small (a few percent): bars are drawn on a scale of 0–`scale`% so they can be told apart.
//! The scale is the largest rate shown rounded up to a multiple of 5, at least 10.
inline int bar_scale(const std::vector<std::pair<std::int64_t, std::int64_t>>& rates) {
  std::int64_t top = 0;
  for (const auto& [part, whole] : rates)
    if (whole > 0) top = std::max<std::int64_t>(top, (part * 100 + whole - 1) / whole);
  int scale = static_cast<int>(((top + 4) / 5) * 5);
  return std::clamp(scale, 10, 100);
}

//! The bar's width (0–100) for part/whole on a scale of 0–scale%.
inline int bar_width(std::int64_t part, std::int64_t whole, int scale) {
  if (whole <= 0 || part <= 0) return 0;
  std::int64_t w = (part * 100 * 100 / whole + scale / 2) / scale;
  return static_cast<int>(std::clamp<std::int64_t>(w, part > 0 ? 1 : 0, 100));
}

}  // namespace ct05::villages::web
