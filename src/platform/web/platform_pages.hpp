#pragma once
#include "platform/http/app.hpp"

namespace ct05::platform_web {

//! Login/logout, search, audit, /healthz and /metrics.
void wire(http::App& app);

}  // namespace ct05::platform_web
