// The coverage dashboard's charts of the register and the models over the years. They come from the reports
// module, which already counts both by period and sits above plans (registry and models do not link plans).
#include <array>
#include <cstdlib>
#include <map>

#include "modules/plans/module.hpp"
#include "modules/reports/module.hpp"
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
  std::map<int, std::array<double, 3>> by_year;
  for (const auto& r : c.query("SELECT substr(e.deed_date, 1, 4), e.status, COUNT(*) FROM register_entries e "
                               "JOIN units u ON u.id = e.unit_id WHERE u.path >= $1 AND u.path < $2 AND "
                               "e.deed_date >= $3 AND e.deed_date <= $4 GROUP BY substr(e.deed_date, 1, 4), e.status",
                               {u.path, end, from, to})) {
    auto& row = by_year[std::atoi(r.str(0).c_str())];
    double k = static_cast<double>(r.i64(2));
    const auto& s = r.str(1);
    row[0] += k;
    if (s == "approved" || s == "commended" || s == "published" || s == "unpublished") row[1] += k;
    if (s == "published") row[2] += k;
  }
  bool any = false;
  for (int y : years) {
    auto it = by_year.find(y);
    auto row = it == by_year.end() ? std::array<double, 3>{0, 0, 0} : it->second;
    any = any || row[0] > 0;
    reg.labels.push_back(std::to_string(y));
    for (int i = 0; i < 3; ++i) reg.series[i].values.push_back(row[i]);
  }
  if (any) out.push_back(std::move(reg));

  charts::Chart models;
  models.id = "models-years";
  models.title = "Mô hình, cách làm sáng tạo được áp dụng qua các năm";
  models.kind = charts::Kind::kLine;
  models.label_header = "Năm";
  models.series = {series("Lượt đơn vị áp dụng"), series("Số mô hình được áp dụng")};
  any = false;
  for (int y : years) {
    auto r = c.query_one("SELECT COUNT(*), COUNT(DISTINCT a.model_id) FROM model_adoptions a JOIN units u ON "
                         "u.id = a.unit_id WHERE u.path >= $1 AND u.path < $2 AND a.active = 1 AND a.since <= $3",
                         {u.path, end, std::to_string(y) + "-12-31"});
    double adoptions = r ? static_cast<double>(r->i64(0)) : 0, distinct = r ? static_cast<double>(r->i64(1)) : 0;
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
