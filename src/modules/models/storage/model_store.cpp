#include "modules/models/storage/model_store.hpp"

#include <algorithm>
#include <map>

#include "kernel/clock.hpp"
#include "kernel/text.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "platform/audit/audit.hpp"

namespace ct05::models {

namespace {

constexpr const char* kSelectAdoption =
    "SELECT a.id, a.model_id, a.unit_id, m.name, u.name, u.path, a.since, a.lead, a.note, a.active "
    "FROM model_adoptions a JOIN models m ON m.id = a.model_id JOIN units u ON u.id = a.unit_id ";
// The latest record of each figure of the adoptions listed (the IN list is appended).
constexpr const char* kLatest =
    "SELECT o.adoption_id, o.metric_id, o.value, o.as_of FROM model_outcomes o WHERE o.id = "
    "(SELECT o2.id FROM model_outcomes o2 WHERE o2.adoption_id = o.adoption_id AND o2.metric_id = o.metric_id "
    "ORDER BY o2.as_of DESC, o2.id DESC LIMIT 1) AND o.adoption_id IN ";
// The latest records of every adoption of a model in a subtree, summed per figure.
constexpr const char* kTotals =
    "SELECT o.metric_id, COALESCE(SUM(o.value), 0), COUNT(*) FROM model_outcomes o "
    "JOIN model_adoptions a ON a.id = o.adoption_id JOIN units u ON u.id = a.unit_id "
    "WHERE a.model_id = $1 AND a.active = 1 AND u.path >= $2 AND u.path < $3 AND o.id = "
    "(SELECT o2.id FROM model_outcomes o2 WHERE o2.adoption_id = o.adoption_id AND o2.metric_id = o.metric_id "
    "ORDER BY o2.as_of DESC, o2.id DESC LIMIT 1) GROUP BY o.metric_id";

std::vector<Metric> metrics_of(db::Connection& c, std::int64_t model_id) {
  std::vector<Metric> out;
  for (const auto& r : c.query("SELECT id, position, label, unit_label FROM model_metrics WHERE model_id = $1 ORDER BY position, id",
                               {model_id}))
    out.push_back(Metric{r.i64(0), static_cast<int>(r.i64(1)), r.str(2), r.str(3)});
  return out;
}

Adoption adoption_from(const db::Row& r) {
  Adoption a;
  a.id = r.i64(0);
  a.model_id = r.i64(1);
  a.unit_id = r.i64(2);
  a.model_name = r.str(3);
  a.unit_name = r.str(4);
  a.unit_path = r.str(5);
  a.since = r.str(6);
  a.lead = r.str(7);
  a.note = r.str(8);
  a.active = r.i64(9) == 1;
  return a;
}

//! Adoptions from their rows, each with its model's figures and their latest records: one query for the
//! records of the whole list and one per distinct model, never one per adoption.
std::vector<Adoption> adoptions_from(db::Connection& c, const db::Rows& rows) {
  std::vector<Adoption> out;
  for (const auto& r : rows) out.push_back(adoption_from(r));
  if (out.empty()) return out;
  std::map<std::int64_t, std::vector<Metric>> metrics;
  db::Params ids;
  for (const auto& a : out) {
    if (!metrics.count(a.model_id)) metrics[a.model_id] = metrics_of(c, a.model_id);
    ids.push_back(a.id);
  }
  std::map<std::pair<std::int64_t, std::int64_t>, std::pair<std::int64_t, std::string>> latest;
  for (const auto& l : c.query(std::string(kLatest) + db::placeholders(ids.size()), ids)) latest[{l.i64(0), l.i64(1)}] = {l.i64(2), l.str(3)};
  for (auto& a : out)
    for (const auto& m : metrics[a.model_id]) {
      Figure f{m.id, m.label, m.unit_label, std::nullopt, ""};
      if (auto it = latest.find({a.id, m.id}); it != latest.end()) {
        f.value = it->second.first;
        f.as_of = it->second.second;
      }
      a.figures.push_back(f);
    }
  return out;
}

std::vector<std::pair<std::string, std::string>> metric_lines(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t at = 0;
  while (at <= text.size()) {
    auto nl = text.find('\n', at);
    std::string line = text.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    line.erase(0, line.find_first_not_of(' '));
    if (!line.empty()) out.push_back(parse_metric_line(line));
    if (nl == std::string::npos) break;
    at = nl + 1;
  }
  return out;
}

std::vector<FieldError> validate(const ModelInput& in, bool creating) {
  std::vector<FieldError> e;
  if (creating && (!in.name || in.name->empty())) e.push_back({"name", "Vui lòng nhập tên mô hình."});
  if (in.name && (in.name->size() > 200 || !kernel::valid_utf8(*in.name))) e.push_back({"name", "Tên mô hình quá dài (tối đa 200 ký tự)."});
  if (in.description && (in.description->size() > 4000 || !kernel::valid_utf8(*in.description)))
    e.push_back({"description", "Mô tả quá dài (tối đa 4000 ký tự)."});
  if (in.metrics) {
    auto lines = metric_lines(*in.metrics);
    if (lines.size() > 10) e.push_back({"metrics", "Tối đa 10 chỉ số kết quả cho một mô hình."});
    for (const auto& [label, unit] : lines)
      if (label.size() > 120 || unit.size() > 40 || !kernel::valid_utf8(label)) {
        e.push_back({"metrics", "Mỗi chỉ số một dòng, dạng “Tên chỉ số (đơn vị)”, tên tối đa 120 ký tự."});
        break;
      }
  }
  return e;
}

void save_metrics(db::Connection& c, std::int64_t model_id, const std::string& text) {
  auto lines = metric_lines(text);
  auto existing = metrics_of(c, model_id);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i < existing.size())
      c.exec("UPDATE model_metrics SET label = $1, unit_label = $2 WHERE id = $3", {lines[i].first, lines[i].second, existing[i].id});
    else
      c.exec("INSERT INTO model_metrics (model_id, position, label, unit_label) VALUES ($1, $2, $3, $4)",
             {model_id, static_cast<std::int64_t>(i + 1), lines[i].first, lines[i].second});
  }
}

Result<void> check_removed_metrics(db::Connection& c, std::int64_t model_id, const std::string& text) {
  auto lines = metric_lines(text);
  auto existing = metrics_of(c, model_id);
  for (std::size_t i = lines.size(); i < existing.size(); ++i)
    if (c.query_one("SELECT 1 FROM model_outcomes WHERE metric_id = $1", {existing[i].id}))
      return fail(Error::invalid({{"metrics", "Chỉ số “" + existing[i].label + "” đã có số liệu của đơn vị, không xóa được; có thể đổi tên."}}));
  return {};
}

}  // namespace

std::pair<std::string, std::string> parse_metric_line(const std::string& line) {
  auto open = line.rfind('(');
  if (open != std::string::npos && !line.empty() && line.back() == ')' && open > 0) {
    std::string label = line.substr(0, open), unit = line.substr(open + 1, line.size() - open - 2);
    while (!label.empty() && label.back() == ' ') label.pop_back();
    return {label, unit};
  }
  return {line, ""};
}

Result<void> may_manage(const auth::Principal& who) { return auth::authorize_any(who, auth::Action::kManageModels); }

std::vector<Model> list_models(db::Connection& c, bool active_only) {
  std::vector<Model> out;
  std::string sql = "SELECT id, code, name, description, active FROM models";
  if (active_only) sql += " WHERE active = 1";
  for (const auto& r : c.query(sql + " ORDER BY name, id")) {
    Model m{r.i64(0), r.str(1), r.str(2), r.str(3), r.i64(4) == 1, {}};
    m.metrics = metrics_of(c, m.id);
    out.push_back(std::move(m));
  }
  return out;
}

std::optional<Model> find_model(db::Connection& c, std::int64_t id) {
  auto r = c.query_one("SELECT id, code, name, description, active FROM models WHERE id = $1", {id});
  if (!r) return std::nullopt;
  Model m{r->i64(0), r->str(1), r->str(2), r->str(3), r->i64(4) == 1, {}};
  m.metrics = metrics_of(c, m.id);
  return m;
}

Result<Model> create_model(db::Connection& c, const auth::Principal& who, const ModelInput& in) {
  if (auto ok = may_manage(who); !ok) return fail(ok.error());
  if (auto e = validate(in, true); !e.empty()) return fail(Error::invalid(std::move(e)));
  std::string code;
  for (const auto& t : kernel::fold_tokens(*in.name)) code += (code.empty() ? "" : "_") + t;
  code = kernel::truncate_utf8(code, 80);
  if (code.empty()) return fail(Error::invalid({{"name", "Tên mô hình cần có chữ."}}));
  if (c.query_one("SELECT 1 FROM models WHERE code = $1", {code}))
    return fail(Error::conflict("Danh mục đã có mô hình “" + *in.name + "”."));
  return db::in_transaction(c, [&]() -> Result<Model> {
    std::string now = kernel::now_iso();
    auto id = c.query_one("INSERT INTO models (code, name, description, active, created_at, updated_at) "
                          "VALUES ($1, $2, $3, 1, $4, $5) RETURNING id",
                          {code, *in.name, in.description.value_or(""), now, now})
                  ->i64(0);
    save_metrics(c, id, in.metrics.value_or(""));
    auto m = *find_model(c, id);
    audit::record(c, who, {"model.create", "model", id, "/", nullptr, to_json(m)});
    return m;
  });
}

Result<Model> update_model(db::Connection& c, const auth::Principal& who, std::int64_t id, const ModelInput& in) {
  if (auto ok = may_manage(who); !ok) return fail(ok.error());
  auto before = find_model(c, id);
  if (!before) return fail(Error::not_found("Không tìm thấy mô hình."));
  if (auto e = validate(in, false); !e.empty()) return fail(Error::invalid(std::move(e)));
  if (in.name && in.name->empty()) return fail(Error::invalid({{"name", "Vui lòng nhập tên mô hình."}}));
  if (in.metrics)
    if (auto ok = check_removed_metrics(c, id, *in.metrics); !ok) return fail(ok.error());
  return db::in_transaction(c, [&]() -> Result<Model> {
    c.exec("UPDATE models SET name = $1, description = $2, active = $3, updated_at = $4 WHERE id = $5",
           {in.name.value_or(before->name), in.description.value_or(before->description),
            std::int64_t{in.active.value_or(before->active) ? 1 : 0}, kernel::now_iso(), id});
    if (in.metrics) {
      auto existing = metrics_of(c, id);
      auto lines = metric_lines(*in.metrics);
      for (std::size_t i = lines.size(); i < existing.size(); ++i) c.exec("DELETE FROM model_metrics WHERE id = $1", {existing[i].id});
      save_metrics(c, id, *in.metrics);
    }
    auto m = *find_model(c, id);
    audit::record(c, who, {"model.update", "model", id, "/", to_json(*before), to_json(m)});
    return m;
  });
}

std::optional<Adoption> find_adoption(db::Connection& c, std::int64_t id) {
  auto list = adoptions_from(c, c.query(std::string(kSelectAdoption) + "WHERE a.id = $1", {id}));
  if (list.empty()) return std::nullopt;
  return list.front();
}

Result<Adoption> get_adoption(db::Connection& c, const auth::Principal& who, std::int64_t id) {
  auto a = find_adoption(c, id);
  if (!a) return fail(Error::not_found("Không tìm thấy việc áp dụng mô hình."));
  if (auto ok = auth::authorize(who, auth::Action::kViewPlan, {a->unit_path}); !ok) return fail(ok.error());
  return *a;
}

Result<Adoption> adopt(db::Connection& c, const auth::Principal& who, const AdoptionInput& in) {
  auto unit = in.unit_id ? org::find_unit(c, *in.unit_id) : std::nullopt;
  if (!unit) return fail(Error::invalid({{"unit_id", "Vui lòng chọn đơn vị áp dụng."}}));
  if (auto ok = auth::authorize(who, auth::Action::kEditPlan, {unit->path}); !ok) return fail(ok.error());
  std::vector<FieldError> e;
  auto model = in.model_id ? find_model(c, *in.model_id) : std::nullopt;
  if (!model || !model->active) e.push_back({"model_id", "Vui lòng chọn một mô hình trong danh mục."});
  std::string since = in.since.value_or("");
  if (since.empty()) e.push_back({"since", "Vui lòng nhập thời gian bắt đầu áp dụng."});
  else if (!kernel::valid_date(since)) e.push_back({"since", "Ngày không hợp lệ (dạng năm-tháng-ngày)."});
  else if (since > kernel::today_iso()) e.push_back({"since", "Ngày bắt đầu không thể ở tương lai."});
  if (in.lead && in.lead->size() > 200) e.push_back({"lead", "Tên người phụ trách quá dài."});
  if (in.note && in.note->size() > 2000) e.push_back({"note", "Ghi chú quá dài (tối đa 2000 ký tự)."});
  if (!e.empty()) return fail(Error::invalid(std::move(e)));
  if (!unit->active) return fail(Error::invalid({{"unit_id", "Đơn vị đã ngừng hoạt động."}}));
  if (c.query_one("SELECT 1 FROM model_adoptions WHERE model_id = $1 AND unit_id = $2", {model->id, unit->id}))
    return fail(Error::conflict(unit->name + " đã đăng ký áp dụng mô hình “" + model->name + "”."));
  return db::in_transaction(c, [&]() -> Result<Adoption> {
    std::string now = kernel::now_iso();
    auto id = c.query_one("INSERT INTO model_adoptions (model_id, unit_id, since, lead, note, active, created_at, updated_at) "
                          "VALUES ($1, $2, $3, $4, $5, 1, $6, $7) RETURNING id",
                          {model->id, unit->id, since, in.lead.value_or(""), in.note.value_or(""), now, now})
                  ->i64(0);
    auto a = *find_adoption(c, id);
    audit::record(c, who, {"model.adopt", "model_adoption", id, unit->path, nullptr, to_json(a)});
    return a;
  });
}

Result<Adoption> update_adoption(db::Connection& c, const auth::Principal& who, std::int64_t id, const AdoptionInput& in) {
  auto before = find_adoption(c, id);
  if (!before) return fail(Error::not_found("Không tìm thấy việc áp dụng mô hình."));
  if (auto ok = auth::authorize(who, auth::Action::kEditPlan, {before->unit_path}); !ok) return fail(ok.error());
  std::vector<FieldError> e;
  if (in.since && !kernel::valid_date(*in.since)) e.push_back({"since", "Ngày không hợp lệ (dạng năm-tháng-ngày)."});
  if (in.lead && in.lead->size() > 200) e.push_back({"lead", "Tên người phụ trách quá dài."});
  if (in.note && in.note->size() > 2000) e.push_back({"note", "Ghi chú quá dài (tối đa 2000 ký tự)."});
  if (!e.empty()) return fail(Error::invalid(std::move(e)));
  return db::in_transaction(c, [&]() -> Result<Adoption> {
    c.exec("UPDATE model_adoptions SET since = $1, lead = $2, note = $3, active = $4, updated_at = $5 WHERE id = $6",
           {in.since.value_or(before->since), in.lead.value_or(before->lead), in.note.value_or(before->note),
            std::int64_t{in.active.value_or(before->active) ? 1 : 0}, kernel::now_iso(), id});
    auto a = *find_adoption(c, id);
    audit::record(c, who, {"model.adoption_update", "model_adoption", id, a.unit_path, to_json(*before), to_json(a)});
    return a;
  });
}

Result<Adoption> record_outcomes(db::Connection& c, const auth::Principal& who, std::int64_t id, const std::string& as_of,
                                 const std::vector<std::pair<std::int64_t, std::int64_t>>& values) {
  auto a = find_adoption(c, id);
  if (!a) return fail(Error::not_found("Không tìm thấy việc áp dụng mô hình."));
  if (auto ok = auth::authorize(who, auth::Action::kEditPlan, {a->unit_path}); !ok) return fail(ok.error());
  std::vector<FieldError> e;
  if (!kernel::valid_date(as_of)) e.push_back({"as_of", "Vui lòng nhập ngày của số liệu (dạng năm-tháng-ngày)."});
  else if (as_of > kernel::today_iso()) e.push_back({"as_of", "Ngày của số liệu không thể ở tương lai."});
  else if (as_of < a->since) e.push_back({"as_of", "Ngày của số liệu phải sau ngày bắt đầu áp dụng."});
  if (values.empty()) e.push_back({"values", "Vui lòng nhập ít nhất một số liệu."});
  for (const auto& [metric, value] : values) {
    bool known = std::any_of(a->figures.begin(), a->figures.end(), [&](const Figure& f) { return f.metric_id == metric; });
    if (!known) e.push_back({"values", "Chỉ số không thuộc mô hình này."});
    if (value < 0) e.push_back({"values", "Số liệu phải là số không âm."});
  }
  if (!e.empty()) return fail(Error::invalid(std::move(e)));
  return db::in_transaction(c, [&]() -> Result<Adoption> {
    std::string now = kernel::now_iso();
    nlohmann::json rec = nlohmann::json::object();
    for (const auto& [metric, value] : values) {
      c.exec("INSERT INTO model_outcomes (adoption_id, metric_id, as_of, value, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)",
             {id, metric, as_of, value, who.actor(), now});
      rec[std::to_string(metric)] = value;
    }
    audit::record(c, who, {"model.outcomes", "model_adoption", id, a->unit_path, nullptr, {{"as_of", as_of}, {"values", rec}}});
    return *find_adoption(c, id);
  });
}

std::vector<Adoption> unit_adoptions(db::Connection& c, std::int64_t unit_id) {
  return adoptions_from(c, c.query(std::string(kSelectAdoption) + "WHERE a.unit_id = $1 ORDER BY m.name, a.id", {unit_id}));
}

std::vector<Adoption> model_adoptions(db::Connection& c, std::int64_t model_id, const std::string& path, int limit, int offset) {
  return adoptions_from(c, c.query(std::string(kSelectAdoption) +
                                       "WHERE a.model_id = $1 AND a.active = 1 AND u.path >= $2 AND u.path < $3 "
                                       "ORDER BY u.sort_name, a.id LIMIT $4 OFFSET $5",
                                   {model_id, path, db::subtree_end(path), std::int64_t{limit}, std::int64_t{offset}}));
}

Spread spread(db::Connection& c, const Model& m, const std::string& path) {
  Spread s;
  db::Params p{m.id, path, db::subtree_end(path)};
  for (const auto& r : c.query("SELECT u.kind, COUNT(*) FROM model_adoptions a JOIN units u ON u.id = a.unit_id "
                               "WHERE a.model_id = $1 AND a.active = 1 AND u.path >= $2 AND u.path < $3 GROUP BY u.kind "
                               "ORDER BY COUNT(*) DESC, u.kind",
                               p)) {
    s.by_kind.emplace_back(r.str(0), r.i64(1));
    s.units += r.i64(1);
  }
  std::map<std::int64_t, std::pair<std::int64_t, std::int64_t>> sums;
  for (const auto& r : c.query(kTotals, p)) sums[r.i64(0)] = {r.i64(1), r.i64(2)};
  for (const auto& metric : m.metrics) {
    auto it = sums.find(metric.id);
    s.totals.push_back(Spread::Total{metric, it == sums.end() ? 0 : it->second.first, it == sums.end() ? 0 : it->second.second});
  }
  return s;
}

std::vector<std::pair<std::int64_t, std::int64_t>> adoption_counts(db::Connection& c, const std::string& path) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (const auto& r : c.query("SELECT a.model_id, COUNT(*) FROM model_adoptions a JOIN units u ON u.id = a.unit_id "
                               "WHERE a.active = 1 AND u.path >= $1 AND u.path < $2 GROUP BY a.model_id",
                               {path, db::subtree_end(path)}))
    out.emplace_back(r.i64(0), r.i64(1));
  return out;
}

nlohmann::json to_json(const Model& m) {
  nlohmann::json metrics = nlohmann::json::array();
  for (const auto& x : m.metrics) metrics.push_back({{"id", x.id}, {"label", x.label}, {"unit", x.unit_label}});
  return {{"id", m.id}, {"code", m.code}, {"name", m.name}, {"description", m.description}, {"active", m.active},
          {"metrics", metrics}, {"url", "/models/" + std::to_string(m.id)}};
}

nlohmann::json to_json(const Adoption& a) {
  nlohmann::json figures = nlohmann::json::array();
  for (const auto& f : a.figures)
    figures.push_back({{"metric_id", f.metric_id},
                       {"label", f.label},
                       {"unit", f.unit_label},
                       {"value", f.value ? nlohmann::json(*f.value) : nlohmann::json()},
                       {"as_of", f.as_of.empty() ? nlohmann::json() : nlohmann::json(f.as_of)}});
  return {{"id", a.id},       {"model_id", a.model_id}, {"model_name", a.model_name}, {"unit_id", a.unit_id},
          {"unit_name", a.unit_name}, {"since", a.since}, {"lead", a.lead}, {"note", a.note},
          {"active", a.active}, {"figures", figures}};
}

nlohmann::json to_json(const Spread& s) {
  nlohmann::json kinds = nlohmann::json::array(), totals = nlohmann::json::array();
  for (const auto& [k, n] : s.by_kind) kinds.push_back({{"kind", k}, {"units", n}});
  for (const auto& t : s.totals)
    totals.push_back({{"metric_id", t.metric.id}, {"label", t.metric.label}, {"unit", t.metric.unit_label}, {"sum", t.sum},
                      {"reporting", t.reporting}});
  return {{"units", s.units}, {"by_kind", kinds}, {"totals", totals}};
}

}  // namespace ct05::models
