#pragma once
// The coverage dashboard's charts (platform/charts): coverage by year, plan coverage per child unit, and the
// charts other modules add (add_dashboard_charts), each with its export link.
#include <string>
#include <vector>

#include "modules/org/domain/unit.hpp"
#include "platform/charts/chart.hpp"
#include "platform/db/db.hpp"

namespace ct05::plans {

//! The years a dashboard shows over time: every year in `years`, and `year`, in order.
std::vector<int> chart_years(db::Connection& c, int year);
//! "plans-years": plans, commitments and pressing issues over the subtree for each year, from indicators().
charts::Chart coverage_by_year(db::Connection& c, const org::Unit& u, const std::vector<int>& years);
//! "plans-children": plan coverage of each direct child's subtree in the year (children with units to count).
charts::Chart coverage_by_child(db::Connection& c, const org::Unit& u, int year);
//! The dashboard's charts in page order (coverage by year, the other modules' charts, coverage by child), each
//! with export_href set to /units/{id}/dashboard/charts/{chart}?year=Y&.
std::vector<charts::Chart> dashboard_charts(db::Connection& c, const org::Unit& u, int year);

}  // namespace ct05::plans
