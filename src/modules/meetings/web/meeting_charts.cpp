#include "modules/meetings/web/meeting_charts.hpp"

#include "modules/plans/web/dashboard_charts.hpp"

namespace ct05::meetings {

namespace {

using charts::series;

std::optional<double> count(std::int64_t n) { return static_cast<double>(n); }

}  // namespace

charts::Chart meetings_by_year(db::Connection& c, const org::Unit& u, const std::vector<int>& years, const std::string& today) {
  using charts::Measure;
  using charts::Plot;
  charts::Chart ch;
  ch.id = "meetings-years";
  ch.title = "Sinh hoạt định kỳ đã tổ chức qua các năm";
  ch.kind = charts::Kind::kLine;
  ch.label_header = "Năm";
  ch.series = {series("Sinh hoạt định kỳ đã tổ chức / phải tổ chức", Measure::kPercent),
               series("Kỳ phải tổ chức", Measure::kCount, Plot::kTableOnly),
               series("Kỳ đã tổ chức", Measure::kCount, Plot::kTableOnly),
               series("Buổi kể chuyện về Bác", Measure::kCount, Plot::kTableOnly),
               series("Buổi hái hoa dân chủ", Measure::kCount, Plot::kTableOnly)};
  for (int y : years) {
    if (std::to_string(y) > today.substr(0, 4)) continue;  // a year not begun has nothing due yet
    auto s = meeting_summary(c, u.path, y, count_until(y, today));
    ch.labels.push_back(std::to_string(y));
    ch.series[0].values.push_back(charts::rate(s.held, s.expected));
    ch.series[1].values.push_back(count(s.expected));
    ch.series[2].values.push_back(count(s.held));
    ch.series[3].values.push_back(count(s.stories));
    ch.series[4].values.push_back(count(s.quizzes));
  }
  return ch;
}

charts::Chart ratings_by_year(db::Connection& c, const org::Unit& u, const std::vector<int>& years) {
  using charts::Measure;
  using charts::Plot;
  charts::Chart ch;
  ch.id = "ratings-years";
  ch.title = "Xếp loại cam kết của cá nhân qua các năm";
  ch.kind = charts::Kind::kBar;
  ch.label_header = "Năm";
  for (auto r : ratings()) ch.series.push_back(series(std::string(rating_label(r)), Measure::kCount));
  ch.series.push_back(series("Chưa xếp loại", Measure::kCount, Plot::kTableOnly));
  for (int y : years) {
    auto dist = rating_distribution(c, u.path, y);
    ch.labels.push_back(std::to_string(y));
    std::int64_t rated = 0;
    std::size_t i = 0;
    for (auto r : ratings()) {
      auto it = dist.commitments.find(r);
      std::int64_t n = it == dist.commitments.end() ? 0 : it->second;
      rated += n;
      ch.series[i++].values.push_back(count(n));
    }
    ch.series[i].values.push_back(count(dist.commitments_accepted - rated));
  }
  return ch;
}

charts::Chart meetings_by_child(db::Connection& c, const org::Unit& u, int year, const std::vector<UnitMeetings>& units) {
  using charts::Measure;
  using charts::Plot;
  charts::Chart ch;
  ch.id = "meetings-children";
  ch.title = "Sinh hoạt định kỳ theo đơn vị trực thuộc năm " + std::to_string(year);
  ch.kind = charts::Kind::kBar;
  ch.label_header = "Đơn vị";
  ch.series = {series("Đã tổ chức / phải tổ chức", Measure::kPercent),
               series("Đã tổ chức", Measure::kCount, Plot::kTableOnly),
               series("Phải tổ chức", Measure::kCount, Plot::kTableOnly)};
  for (const auto& child : summary_by_child(c, u.id, year, units)) {
    ch.labels.push_back(child.name);
    ch.links.push_back("/units/" + std::to_string(child.unit_id) + "/meetings/dashboard?year=" + std::to_string(year));
    ch.series[0].values.push_back(charts::rate(child.summary.held, child.summary.expected));
    ch.series[1].values.push_back(count(child.summary.held));
    ch.series[2].values.push_back(count(child.summary.expected));
  }
  return ch;
}

std::vector<charts::Chart> meeting_charts(db::Connection& c, const org::Unit& u, int year, const std::vector<UnitMeetings>& units,
                                          const std::string& today) {
  auto years = plans::chart_years(c, year);
  std::vector<charts::Chart> out{meetings_by_year(c, u, years, today), ratings_by_year(c, u, years),
                                 meetings_by_child(c, u, year, units)};
  for (auto& ch : out)
    ch.export_href =
        "/units/" + std::to_string(u.id) + "/meetings/dashboard/charts/" + ch.id + "?year=" + std::to_string(year) + "&";
  return out;
}

}  // namespace ct05::meetings
