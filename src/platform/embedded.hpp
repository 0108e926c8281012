#pragma once
// Files built into the binary (templates, migrations, static assets); see cmake/embed.cmake.
#include <string_view>
#include <vector>

namespace ct05 {

struct EmbeddedFile {
  std::string_view path;  //!< relative to the group's base folder, e.g. "templates/unit_view.tpl"
  std::string_view data;
};

}  // namespace ct05
