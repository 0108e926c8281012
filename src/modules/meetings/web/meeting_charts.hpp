#pragma once
// The meetings dashboard's charts (platform/charts): periodic meetings held against expected and the ratings of
// commitments for each year, and meetings held per child unit in the selected year.
#include <string>
#include <vector>

#include "modules/meetings/storage/meeting_store.hpp"
#include "modules/org/domain/unit.hpp"
#include "platform/charts/chart.hpp"

namespace ct05::meetings {

//! "meetings-years": held against expected over the subtree for each year (every year in `years`), each counted
//! up to count_until(year, today).
charts::Chart meetings_by_year(db::Connection& c, const org::Unit& u, const std::vector<int>& years, const std::string& today);
//! "ratings-years": the ratings of the subtree's commitments for each year.
charts::Chart ratings_by_year(db::Connection& c, const org::Unit& u, const std::vector<int>& years);
//! "meetings-children": held against expected per direct child in the year, from the year's meeting_counts().
charts::Chart meetings_by_child(db::Connection& c, const org::Unit& u, int year, const std::vector<UnitMeetings>& units);
//! The three, in page order, with export_href set to /units/{id}/meetings/dashboard/charts/{chart}?year=Y&.
std::vector<charts::Chart> meeting_charts(db::Connection& c, const org::Unit& u, int year, const std::vector<UnitMeetings>& units,
                                          const std::string& today);

}  // namespace ct05::meetings
