#include "platform/charts/chart.hpp"

#include <cmath>
#include <cstdio>

#include "platform/html/view.hpp"

namespace ct05::charts {

namespace {

// "66.7" for the data attribute charts.js reads (a dot, never a locale's comma); "" when absent.
std::string plain(const std::optional<double>& v) {
  if (!v) return "";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.2f", *v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string header(const Series& s) { return s.measure == Measure::kPercent ? s.name + " (%)" : s.name; }

}  // namespace

Series series(std::string name, Measure m, Plot p) {
  Series s;
  s.name = std::move(name);
  s.measure = m;
  s.plot = p;
  return s;
}

std::optional<double> rate(long long done, long long total, int decimals) {
  if (total <= 0) return std::nullopt;
  double scale = decimals >= 2 ? 100.0 : decimals == 1 ? 10.0 : 1.0;
  return std::round(static_cast<double>(done) * 100.0 * scale / static_cast<double>(total)) / scale;
}

std::string format_value(const std::optional<double>& v, Measure m) {
  if (!v) return "—";
  if (m == Measure::kCount) return html::number_vn(std::llround(*v));
  std::string s = plain(v);
  if (auto dot = s.find('.'); dot != std::string::npos) s[dot] = ',';
  return m == Measure::kPercent ? s + "%" : s;
}

namespace {

void fill(html::Dict& d, const Chart& chart) {
  d.SetValue("ID", chart.id);
  d.SetValue("TITLE", chart.title);
  d.SetValue("KIND", chart.kind == Kind::kLine ? "line" : "bar");
  d.SetValue("LABEL_HEADER", chart.label_header);
  for (const auto& s : chart.series) {
    auto* h = d.AddSectionDictionary("SERIES");
    h->SetValue("NAME", s.name);
    h->SetValue("MEASURE", s.measure == Measure::kPercent ? "percent" : s.measure == Measure::kDecimal ? "decimal" : "count");
    if (s.plot == Plot::kTableOnly) h->ShowSection("TABLE_ONLY");
  }
  std::vector<double> max(chart.series.size(), 1.0);
  int drawn = 0;
  for (const auto& s : chart.series) drawn += s.plot == Plot::kDrawn ? 1 : 0;
  for (std::size_t k = 0; k < chart.series.size(); ++k)
    for (const auto& v : chart.series[k].values)
      if (v && *v > max[k]) max[k] = *v;
  for (std::size_t i = 0; i < chart.labels.size(); ++i) {
    auto* r = d.AddSectionDictionary("ROW");
    if (i < chart.links.size() && !chart.links[i].empty()) {
      auto* a = r->AddSectionDictionary("LINK");
      a->SetValue("HREF", chart.links[i]);
      a->SetValue("LABEL", chart.labels[i]);
    } else {
      r->AddSectionDictionary("PLAIN")->SetValue("LABEL", chart.labels[i]);
    }
    for (std::size_t k = 0; k < chart.series.size(); ++k) {
      const auto& s = chart.series[k];
      auto* cell = r->AddSectionDictionary("CELL");
      std::optional<double> v = i < s.values.size() ? s.values[i] : std::nullopt;
      cell->SetValue("VALUE", plain(v));
      cell->SetValue("TEXT", format_value(v, s.measure));
      // Without JavaScript a drawn column of a bar chart keeps a CSS bar beside each figure: a percentage's own
      // width, or, in a chart of one drawn count, its share of the largest (several counts side by side would
      // each be scaled alone, which reads wrong).
      bool bar = s.measure == Measure::kPercent || (s.measure == Measure::kCount && drawn == 1);
      if (chart.kind == Kind::kBar && s.plot == Plot::kDrawn && v && bar) {
        long long width = s.measure == Measure::kPercent ? html::percent(std::llround(*v * 10), 1000)
                                                         : html::percent(std::llround(*v), std::llround(max[k]));
        cell->AddSectionDictionary("BAR")->SetIntValue("PERCENT", width);
      }
    }
  }
  d.SetValue("EXPORT", chart.export_href);
}

}  // namespace

std::string render(const Chart& chart) {
  if (chart.labels.empty()) return "";
  html::Dict d("chart");
  fill(d, chart);
  return html::render("platform/chart.tpl", d);
}

void include(html::Dict& d, const std::string& name, const Chart& chart) {
  if (chart.labels.empty()) return;
  auto* inc = d.AddIncludeDictionary(name);
  inc->SetFilename("platform/chart.tpl");
  fill(*inc, chart);
}

xlsx::Table table(const Chart& chart) {
  xlsx::Table t;
  t.name = chart.title;
  t.columns.push_back({chart.label_header, 40});
  for (const auto& s : chart.series) t.columns.push_back({header(s), 18});
  for (std::size_t i = 0; i < chart.labels.size(); ++i) {
    std::vector<xlsx::Cell> row{chart.labels[i]};
    for (const auto& s : chart.series) {
      std::optional<double> v = i < s.values.size() ? s.values[i] : std::nullopt;
      if (!v) row.emplace_back(std::monostate{});
      else if (s.measure == Measure::kCount) row.emplace_back(static_cast<std::int64_t>(std::llround(*v)));
      else row.emplace_back(*v);
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

const Chart* find(const std::vector<Chart>& charts, const std::string& id) {
  for (const auto& c : charts)
    if (c.id == id) return &c;
  return nullptr;
}

}  // namespace ct05::charts
