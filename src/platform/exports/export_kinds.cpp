#include "platform/exports/export_kinds.hpp"

#include <atomic>
#include <mutex>

#include "platform/audit/audit.hpp"

namespace ct05::exports {

namespace {

std::mutex& kinds_mu() {
  static std::mutex mu;
  return mu;
}

std::atomic<std::size_t> g_max_rows{kMaxRows};

std::vector<Kind>& catalogue() {
  static std::vector<Kind> v;
  return v;
}

std::string_view channel_code(Channel ch) {
  switch (ch) {
    case Channel::kWeb: return "web";
    case Channel::kApi: return "api";
    case Channel::kCli: return "cli";
  }
  return "web";
}

}  // namespace

void add_kind(Kind kind) {
  std::lock_guard lock(kinds_mu());
  for (auto& k : catalogue())
    if (k.code == kind.code) {
      k = std::move(kind);
      return;
    }
  catalogue().push_back(std::move(kind));
}

std::vector<Kind> kinds() {
  std::lock_guard lock(kinds_mu());
  return catalogue();
}

std::optional<Kind> find_kind(std::string_view code) {
  std::lock_guard lock(kinds_mu());
  for (const auto& k : catalogue())
    if (k.code == code) return k;
  return std::nullopt;
}

std::size_t max_rows() { return g_max_rows.load(); }
void set_max_rows(std::size_t n) { g_max_rows.store(n); }
int fetch_limit() { return static_cast<int>(max_rows()) + 1; }

Error too_many_rows() {
  return Error::invalid({}, "Danh sách có hơn " + html::number_vn(static_cast<long long>(max_rows())) +
                                " dòng, quá nhiều cho một tệp tải về. Hãy chọn một đơn vị nhỏ hơn hoặc thêm bộ lọc "
                                "(năm, trạng thái, từ khóa).");
}

Result<int> year_filter(const http::Fields& f, int fallback) {
  std::string y = f.trimmed("year");
  if (y.empty()) return fallback;
  if (y.size() == 4 && y.find_first_not_of("0123456789") == std::string::npos) {
    int v = std::stoi(y);
    if (v >= 1990 && v <= 2100) return v;
  }
  return fail(Error::invalid({{"year", "Năm phải là số có 4 chữ số, từ 1990 đến 2100."}},
                             "Năm \"" + y + "\" không hợp lệ: năm phải là số có 4 chữ số, từ 1990 đến 2100."));
}

Result<File> produce(db::Connection& c, const auth::Principal& who, std::string_view kind, const Ask& ask, Format format,
                     Channel channel) {
  auto k = find_kind(kind);
  if (!k) return fail(Error::not_found("Không có danh sách \"" + std::string(kind) + "\" để tải về."));
  if (!who.authenticated()) return fail(Error::unauthenticated());
  if (k->needs_unit && ask.unit_id <= 0)
    return fail(Error::invalid({{"unit", "Hãy chọn đơn vị."}}, "Hãy cho biết đơn vị của danh sách (unit)."));
  auto listing = k->run(c, who, ask);
  if (!listing) return fail(listing.error());
  std::size_t rows = listing->tables.empty() ? 0 : listing->tables.front().rows.size();
  for (const auto& t : listing->tables)
    if (t.rows.size() > max_rows()) return fail(too_many_rows());
  nlohmann::json filters = nlohmann::json::object();
  for (const auto& [name, value] : ask.filters.items())
    for (const auto& f : k->filters)
      if (f.name == name && !value.empty()) filters[name] = value;
  File file;
  std::string stem = file_stem(listing->stem.empty() ? k->label : listing->stem);
  if (format == Format::kCsv) {
    static const xlsx::Table kEmpty{};
    file.bytes = csv(listing->tables.empty() ? kEmpty : listing->tables.front());
    file.content_type = "text/csv; charset=utf-8";
    file.name = stem + ".csv";
  } else {
    file.bytes = xlsx::write(listing->tables);
    file.content_type = xlsx::kContentType;
    file.name = stem + ".xlsx";
  }
  file.rows = rows;
  // Who took which list is recorded like a read of full records (D4): the list leaves the system. A list with
  // personal data says which columns it held.
  nlohmann::json shown = nlohmann::json::array();
  if (listing->personal)
    for (const auto& t : listing->tables)
      for (const auto& col : t.columns) shown.push_back(col.header);
  db::in_transaction(c, [&] {
    audit::record(c, who,
                  {"export." + k->code, "export", ask.unit_id, listing->unit_path.empty() ? "/" : listing->unit_path, nullptr,
                   {{"kind", k->code},
                    {"format", format == Format::kCsv ? "csv" : "xlsx"},
                    {"rows", rows},
                    {"filters", filters},
                    {"personal", listing->personal},
                    {"shown", shown},
                    {"via", channel_code(channel)}}});
  });
  return file;
}

void add_links(html::Dict& d, std::string_view kind, std::int64_t unit_id,
               const std::vector<std::pair<std::string, std::string>>& params, const std::string& include_name,
               const std::string& label) {
  std::string href = "/exports/" + std::string(kind) + "?";
  if (unit_id > 0) href += "unit=" + std::to_string(unit_id) + "&";
  for (const auto& [name, value] : params)
    if (!value.empty()) href += http::url_encode(name) + "=" + http::url_encode(value) + "&";
  auto* inc = d.AddIncludeDictionary(include_name);
  inc->SetFilename("platform/export_links.tpl");
  inc->SetValue("XLSX", href + "format=xlsx");
  inc->SetValue("CSV", href + "format=csv");
  inc->SetValue("LABEL", label.empty() ? "Tải cả danh sách (mọi trang, theo bộ lọc đang chọn):" : label);
}

}  // namespace ct05::exports
