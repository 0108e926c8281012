#pragma once
// Models ("mô hình, cách làm sáng tạo"): the catalogue (quản trị), units' adoptions and their outcomes over
// time, and a model's spread and summed outcomes over any subtree. Commands check permission first, then the
// input, and write the change and its audit entry in one transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "kernel/error.hpp"
#include "platform/auth/principal.hpp"
#include "platform/db/db.hpp"

namespace ct05::models {

struct Metric {
  std::int64_t id = 0;
  int position = 0;
  std::string label, unit_label;  //!< "Số tiền tiết kiệm", "đồng"
};
struct Model {
  std::int64_t id = 0;
  std::string code, name, description;
  bool active = true;
  std::vector<Metric> metrics;
};
struct ModelInput {
  std::optional<std::string> name, description;
  //! One figure per line, "Label (unit)"; lines keep their position, so renaming a line keeps its records.
  std::optional<std::string> metrics;
  std::optional<bool> active;
};
//! "Số tiền tiết kiệm (đồng)" → ("Số tiền tiết kiệm", "đồng").
std::pair<std::string, std::string> parse_metric_line(const std::string& line);

std::vector<Model> list_models(db::Connection& c, bool active_only);
std::optional<Model> find_model(db::Connection& c, std::int64_t id);
Result<Model> create_model(db::Connection& c, const auth::Principal& who, const ModelInput& in);
Result<Model> update_model(db::Connection& c, const auth::Principal& who, std::int64_t id, const ModelInput& in);
Result<void> may_manage(const auth::Principal& who);

struct Figure {
  std::int64_t metric_id = 0;
  std::string label, unit_label;
  std::optional<std::int64_t> value;  //!< the latest record
  std::string as_of;                  //!< its date
};
struct Adoption {
  std::int64_t id = 0, model_id = 0, unit_id = 0;
  std::string model_name, unit_name, unit_path, since, lead, note;
  bool active = true;
  std::vector<Figure> figures;
};
struct AdoptionInput {
  std::optional<std::int64_t> model_id, unit_id;
  std::optional<std::string> since, lead, note;
  std::optional<bool> active;
};
std::optional<Adoption> find_adoption(db::Connection& c, std::int64_t id);
Result<Adoption> get_adoption(db::Connection& c, const auth::Principal& who, std::int64_t id);
//! A unit starts applying a model (an officer of the unit's subtree).
Result<Adoption> adopt(db::Connection& c, const auth::Principal& who, const AdoptionInput& in);
Result<Adoption> update_adoption(db::Connection& c, const auth::Principal& who, std::int64_t id, const AdoptionInput& in);
//! Records the figures as of a date (each value a whole number, at least 0).
Result<Adoption> record_outcomes(db::Connection& c, const auth::Principal& who, std::int64_t id, const std::string& as_of,
                                 const std::vector<std::pair<std::int64_t, std::int64_t>>& values);

std::vector<Adoption> unit_adoptions(db::Connection& c, std::int64_t unit_id);
//! Active adoptions of a model inside a subtree, by unit name.
std::vector<Adoption> model_adoptions(db::Connection& c, std::int64_t model_id, const std::string& path, int limit, int offset);

struct Spread {
  std::int64_t units = 0;                                   //!< units applying the model in the subtree
  std::vector<std::pair<std::string, std::int64_t>> by_kind;  //!< (unit kind code, count), most first
  struct Total {
    Metric metric;
    std::int64_t sum = 0, reporting = 0;  //!< sum of the latest values, and how many adoptions reported one
  };
  std::vector<Total> totals;
};
//! Where a model has spread in a subtree and how its outcomes add up (the latest value of each adoption).
Spread spread(db::Connection& c, const Model& m, const std::string& path);
//! Adoption counts per model over a subtree.
std::vector<std::pair<std::int64_t, std::int64_t>> adoption_counts(db::Connection& c, const std::string& path);

nlohmann::json to_json(const Model& m);
nlohmann::json to_json(const Adoption& a);
nlohmann::json to_json(const Spread& s);

}  // namespace ct05::models
