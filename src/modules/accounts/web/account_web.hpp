#pragma once
// The accounts module's routes, wired from module.cpp.
#include <string>

#include "modules/accounts/storage/account_store.hpp"
#include "platform/html/view.hpp"
#include "platform/http/app.hpp"

namespace ct05::accounts {

//! /admin/accounts…, bulk onboarding and slips, the closed units' grants (account_pages.cpp).
void wire_admin_pages(http::App& app);
//! /account…, /activate and the login's code hand-over (self_pages.cpp).
void wire_self_pages(http::App& app);
//! /inbox, /notifications… and the top bar's badge (inbox_pages.cpp).
void wire_inbox_pages(http::App& app);
//! /api/v1/accounts, /api/v1/grants, /api/v1/inbox, /api/v1/notifications (account_api.cpp).
void wire_api(http::App& app);

//! STATE and STATE_CLASS of an account's badge.
void fill_state(html::Dict& d, const Account& a);
//! A time for people ("04/12/2026 09:30"), or "chưa lần nào".
std::string when(const std::string& iso);

}  // namespace ct05::accounts
