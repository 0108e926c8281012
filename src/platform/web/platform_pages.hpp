#pragma once
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "platform/http/app.hpp"

namespace ct05::platform_web {

//! Login/logout, search, audit, /healthz, /readyz and /metrics.
void wire(http::App& app);
//! The download routes /exports/{kind} and /api/v1/exports/{kind} (called by wire()).
void wire_exports(http::App& app);
//! Declares the audit log's export (exports::add_kind).
void declare_exports();
//! The audit page's action filter: (action code or prefix, Vietnamese label).
const std::vector<std::pair<std::string, std::string>>& audit_actions();
//! The Vietnamese label of an action code.
std::string action_label(const std::string& a);

//! Asked when a login's password does not match: a response (the "choose your password" form) when the typed text
//! is a live one-time code of this login, else nothing (the login fails as usual). Set by the accounts module.
using CodeLogin = std::function<std::optional<http::Response>(http::Context&, const std::string& login, const std::string& typed)>;
void set_code_login(CodeLogin f);
//! Opens a session for the account and sets its cookie on the response.
void open_session(http::Context& ctx, std::int64_t user_id);
//! The local path a login may go on to ("/" for anything that is not a local path).
std::string next_path(const std::string& next);

}  // namespace ct05::platform_web
