#pragma once
#include <string>
#include <utility>
#include <vector>

#include "platform/http/app.hpp"

namespace ct05::platform_web {

//! Login/logout, search, audit, /healthz and /metrics.
void wire(http::App& app);
//! The download routes /exports/{kind} and /api/v1/exports/{kind} (called by wire()).
void wire_exports(http::App& app);
//! Declares the audit log's export (exports::add_kind).
void declare_exports();
//! The audit page's action filter: (action code or prefix, Vietnamese label).
const std::vector<std::pair<std::string, std::string>>& audit_actions();
//! The Vietnamese label of an action code.
std::string action_label(const std::string& a);

}  // namespace ct05::platform_web
