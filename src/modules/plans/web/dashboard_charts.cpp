#include "modules/plans/web/dashboard_charts.hpp"

#include <algorithm>

#include "modules/plans/module.hpp"
#include "modules/plans/storage/plan_store.hpp"

namespace ct05::plans {

namespace {

using charts::series;

}  // namespace

std::vector<int> chart_years(db::Connection& c, int year) {
  std::vector<int> years;
  for (const auto& y : list_years(c)) years.push_back(y.year);
  if (std::find(years.begin(), years.end(), year) == years.end()) years.push_back(year);
  std::sort(years.begin(), years.end());
  return years;
}

charts::Chart coverage_by_year(db::Connection& c, const org::Unit& u, const std::vector<int>& years) {
  using charts::Measure;
  using charts::Plot;
  charts::Chart ch;
  ch.id = "plans-years";
  ch.title = "Kế hoạch, cam kết và vấn đề bức xúc qua các năm";
  ch.kind = charts::Kind::kLine;
  ch.label_header = "Năm";
  ch.series = {series("Kế hoạch được chấp thuận", Measure::kPercent),
               series("Cam kết được chấp thuận", Measure::kPercent),
               series("Vấn đề bức xúc đã giải quyết", Measure::kPercent),
               series("Đơn vị phải có kế hoạch", Measure::kCount, Plot::kTableOnly),
               series("Kế hoạch đã duyệt", Measure::kCount, Plot::kTableOnly),
               series("Cán bộ, đảng viên", Measure::kCount, Plot::kTableOnly),
               series("Cam kết đã duyệt", Measure::kCount, Plot::kTableOnly),
               series("Vấn đề đã đăng ký", Measure::kCount, Plot::kTableOnly),
               series("Vấn đề đã giải quyết", Measure::kCount, Plot::kTableOnly)};
  // One primary-key lookup per year (the tallies, D13).
  for (int y : years) {
    auto x = indicators(c, u.id, y);
    ch.labels.push_back(std::to_string(y));
    auto add = [&](std::size_t i, std::optional<double> v) { ch.series[i].values.push_back(v); };
    add(0, charts::rate(x.plans_accepted, x.units));
    add(1, charts::rate(x.commitments_accepted, x.cadres));
    add(2, charts::rate(x.issues_resolved, x.issues_registered));
    add(3, static_cast<double>(x.units));
    add(4, static_cast<double>(x.plans_accepted));
    add(5, static_cast<double>(x.cadres));
    add(6, static_cast<double>(x.commitments_accepted));
    add(7, static_cast<double>(x.issues_registered));
    add(8, static_cast<double>(x.issues_resolved));
  }
  return ch;
}

charts::Chart coverage_by_child(db::Connection& c, const org::Unit& u, int year) {
  using charts::Measure;
  using charts::Plot;
  charts::Chart ch;
  ch.id = "plans-children";
  ch.title = "Kế hoạch được chấp thuận theo đơn vị trực thuộc năm " + std::to_string(year);
  ch.kind = charts::Kind::kBar;
  ch.label_header = "Đơn vị";
  ch.series = {series("Kế hoạch được chấp thuận", Measure::kPercent),
               series("Đã duyệt", Measure::kCount, Plot::kTableOnly),
               series("Phải có", Measure::kCount, Plot::kTableOnly)};
  for (const auto& child : plan_coverage_by_child(c, u.id, year)) {
    if (child.units == 0) continue;
    ch.labels.push_back(child.name);
    ch.links.push_back("/units/" + std::to_string(child.unit_id) + "/dashboard?year=" + std::to_string(year));
    ch.series[0].values.push_back(charts::rate(child.accepted, child.units));
    ch.series[1].values.push_back(static_cast<double>(child.accepted));
    ch.series[2].values.push_back(static_cast<double>(child.units));
  }
  return ch;
}

std::vector<charts::Chart> dashboard_charts(db::Connection& c, const org::Unit& u, int year) {
  auto years = chart_years(c, year);
  std::vector<charts::Chart> out;
  out.push_back(coverage_by_year(c, u, years));
  for (auto& ch : contributed_charts(c, u, year, years)) out.push_back(std::move(ch));
  out.push_back(coverage_by_child(c, u, year));
  for (auto& ch : out)
    ch.export_href = "/units/" + std::to_string(u.id) + "/dashboard/charts/" + ch.id + "?year=" + std::to_string(year) + "&";
  return out;
}

}  // namespace ct05::plans
