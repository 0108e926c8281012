#pragma once
// The plans module: years and breakthrough themes, pressing issues, unit plans, personal commitments,
// their review, and the coverage indicators.
#include "platform/http/app.hpp"
#include "platform/module.hpp"

namespace ct05::plans {

//! The module manifest.
Module module();
void wire_pages(http::App& app);
void wire_api(http::App& app);

}  // namespace ct05::plans
