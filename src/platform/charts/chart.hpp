#pragma once
// Charts on the dashboards, progressively enhanced (docs/decisions.md D24): a chart is an HTML table of its
// figures, readable without JavaScript and by a screen reader, marked with data attributes from which
// /static/charts.js draws a Chart.js chart; the same table downloads as XLSX or CSV (platform/exports).
#include <optional>
#include <string>
#include <vector>

#include "platform/html/view.hpp"
#include "platform/xlsx/xlsx_writer.hpp"

namespace ct05::charts {

enum class Kind { kBar, kLine };
//! What a value is: a count, a percentage (0–100, at most two decimals) or another number (an average score).
enum class Measure { kCount, kPercent, kDecimal };
//! Whether a column is drawn or only shown in the table (the counts behind a percentage).
enum class Plot { kDrawn, kTableOnly };

//! One column of the table: a value per row, nullopt where there is nothing to count (a rate over zero).
struct Series {
  std::string name;
  Measure measure = Measure::kCount;
  Plot plot = Plot::kDrawn;
  std::vector<std::optional<double>> values;
};

struct Chart {
  std::string id;            //!< stable name: the element id ("chart-ID") and the export's {chart}
  std::string title;         //!< the caption, also the sheet name and the file name of the export
  Kind kind = Kind::kBar;
  std::string label_header;  //!< the first column's header ("Năm", "Đơn vị")
  std::vector<std::string> labels;  //!< one per row
  std::vector<std::string> links;   //!< a link per row, or empty (then no links)
  std::vector<Series> series;
  std::string export_href;   //!< the export URL up to its query's end ("…?year=2020&"); "format=xlsx|csv" follows
};

//! A column of a chart's table, with no values yet.
Series series(std::string name, Measure m = Measure::kCount, Plot p = Plot::kDrawn);
//! done/total as a percentage rounded to `decimals` (0–2) decimals; nullopt when total is 0.
std::optional<double> rate(long long done, long long total, int decimals = 1);
//! A value as the table shows it: "1.234", "66,7%", "3,45%", "7,5", "—" when absent.
std::string format_value(const std::optional<double>& v, Measure m);
//! The chart as a <figure class="chart"> with its table and the export links; "" when it has no rows.
std::string render(const Chart& chart);
//! The same as an include of a page template ({{>NAME}}; each call adds one more); nothing when it has no rows.
void include(html::Dict& d, const std::string& name, const Chart& chart);
//! Exactly the table the page shows, as a sheet: the label column, then one column per series.
xlsx::Table table(const Chart& chart);
//! The chart with this id, if any.
const Chart* find(const std::vector<Chart>& charts, const std::string& id);

}  // namespace ct05::charts
