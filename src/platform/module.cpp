#include "platform/module.hpp"

#include "platform/html/view.hpp"

namespace ct05 {

namespace {
bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
std::string file_name(std::string_view path) {
  auto slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}
}  // namespace

std::vector<db::Migration> collect_migrations(const std::vector<Module>& modules) {
  std::vector<db::Migration> out;
  for (const auto& m : modules) {
    if (!m.files) continue;
    for (const auto& f : *m.files) {
      if (!starts_with(f.path, "migrations/")) continue;
      std::string name = file_name(f.path);
      out.push_back(db::Migration{name.substr(0, name.size() - 4), std::string(f.data)});
    }
  }
  return out;
}

void register_templates(const std::vector<Module>& modules) {
  for (const auto& m : modules) {
    if (!m.files) continue;
    for (const auto& f : *m.files)
      if (starts_with(f.path, "templates/")) html::register_template(m.name + "/" + file_name(f.path), f.data);
  }
}

}  // namespace ct05
