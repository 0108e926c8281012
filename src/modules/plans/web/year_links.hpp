#pragma once
// The row of year links pages about a year show ("năm 2019 2020 2021"), shared by the modules that page by year.
#include <string>

#include "platform/db/db.hpp"
#include "platform/html/view.hpp"

namespace ct05::plans {

//! Section YEARS {Y, HREF, CURRENT}: every year with a theme, and the current one, linking to base?year=Y.
void add_year_links(html::Dict& d, db::Connection& c, const std::string& base, int current);

}  // namespace ct05::plans
