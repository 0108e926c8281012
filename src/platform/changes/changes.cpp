#include "platform/changes/changes.hpp"

#include <mutex>
#include <string>
#include <utility>

namespace ct05::changes {

namespace {
std::mutex g_mu;
std::vector<std::pair<std::string, Listener>>& listeners() {
  static std::vector<std::pair<std::string, Listener>> v;
  return v;
}
}  // namespace

void on_units_changed(const char* key, Listener listener) {
  std::lock_guard g(g_mu);
  for (const auto& [k, l] : listeners())
    if (k == key) return;
  listeners().emplace_back(key, std::move(listener));
}

void units_changed(db::Connection& c, const std::vector<std::int64_t>& unit_ids) {
  if (unit_ids.empty()) return;
  std::vector<Listener> ls;
  {
    std::lock_guard g(g_mu);
    for (const auto& [k, l] : listeners()) ls.push_back(l);
  }
  for (const auto& l : ls) l(c, unit_ids);
}

}  // namespace ct05::changes
