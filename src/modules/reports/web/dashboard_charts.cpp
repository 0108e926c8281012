// The coverage dashboard's charts of the register and the models over the years. They come from the reports
// module, which already counts both by period and sits above plans (registry and models do not link plans).
#include <algorithm>
#include <cstdlib>
#include <map>

#include "modules/plans/module.hpp"
#include "modules/reports/module.hpp"
#include "modules/reports/storage/report_store.hpp"
#include "platform/charts/chart.hpp"
#include "platform/db/db.hpp"

namespace ct05::reports {

namespace {

using charts::series;

// Register entries by the deed's year, and models in use at each year's end (adoptions still active that began
// by then: an adoption that stopped is not counted in the years it ran, ct05 keeps no end date for it).
std::vector<charts::Chart> over_time(db::Connection& c, const org::Unit& u, int, const std::vector<int>& years) {
  std::vector<charts::Chart> out;
  if (years.empty()) return out;
  std::string from = std::to_string(years.front()) + "-01-01", to = std::to_string(years.back()) + "-12-31";
  std::string end = db::subtree_end(u.path);

  charts::Chart reg;
  reg.id = "register-years";
  reg.title = "Người tốt, việc tốt được ghi danh qua các năm";
  reg.kind = charts::Kind::kLine;
  reg.label_header = "Năm";
  reg.series = {series("Được đề nghị ghi danh"), series("Được phê duyệt"), series("Đã công bố")};
  std::map<int, RegisterCounts> by_year;
  for (const auto& r : c.query("SELECT substr(e.deed_date, 1, 4), e.status, e.commendation, COUNT(*) FROM "
                               "register_entries e JOIN units u ON u.id = e.unit_id WHERE u.path >= $1 AND u.path < $2 "
                               "AND e.deed_date >= $3 AND e.deed_date <= $4 "
                               "GROUP BY substr(e.deed_date, 1, 4), e.status, e.commendation",
                               {u.path, end, from, to}))
    by_year[std::atoi(r.str(0).c_str())].add(r.str(1), r.str(2), r.i64(3));
  bool any = false;
  for (int y : years) {
    const auto& n = by_year[y];
    any = any || n.total > 0;
    reg.labels.push_back(std::to_string(y));
    reg.series[0].values.push_back(static_cast<double>(n.total));
    reg.series[1].values.push_back(static_cast<double>(n.approved));
    reg.series[2].values.push_back(static_cast<double>(n.published));
  }
  if (any) out.push_back(std::move(reg));

  charts::Chart models;
  models.id = "models-years";
  models.title = "Mô hình, cách làm sáng tạo được áp dụng qua các năm";
  models.kind = charts::Kind::kLine;
  models.label_header = "Năm";
  models.series = {series("Lượt đơn vị áp dụng"), series("Số mô hình được áp dụng")};
  // One query: adoptions in use by the year they began, then added up year by year.
  std::map<std::int64_t, int> first_year;            // model → the year its first adoption in the subtree began
  std::vector<std::pair<int, std::int64_t>> begun;   // (year, adoptions that began in it)
  for (const auto& r : c.query("SELECT a.model_id, substr(a.since, 1, 4), COUNT(*) FROM model_adoptions a JOIN units u "
                               "ON u.id = a.unit_id WHERE u.path >= $1 AND u.path < $2 AND a.active = 1 "
                               "GROUP BY a.model_id, substr(a.since, 1, 4)",
                               {u.path, end})) {
    int y = std::atoi(r.str(1).c_str());
    auto [it, fresh] = first_year.try_emplace(r.i64(0), y);
    if (!fresh) it->second = std::min(it->second, y);
    begun.emplace_back(y, r.i64(2));
  }
  any = false;
  for (int y : years) {
    double adoptions = 0, distinct = 0;
    for (const auto& [year, n] : begun)
      if (year <= y) adoptions += static_cast<double>(n);
    for (const auto& [model, year] : first_year)
      if (year <= y) ++distinct;
    any = any || adoptions > 0;
    models.labels.push_back(std::to_string(y));
    models.series[0].values.push_back(adoptions);
    models.series[1].values.push_back(distinct);
  }
  if (any) out.push_back(std::move(models));
  return out;
}

}  // namespace

void wire_dashboard_charts() { plans::add_dashboard_charts("reports", over_time); }

}  // namespace ct05::reports
