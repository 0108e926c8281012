#pragma once
// What the member's and the citizen's nomination forms and the entry pages share.
#include <string>
#include <vector>

#include "modules/registry/storage/entry_store.hpp"
#include "platform/html/view.hpp"
#include "platform/http/http.hpp"

namespace ct05::registry {

EntryInput entry_input(const http::Fields& f);
//! The uploaded files of a multipart request (views into the request body).
std::vector<Upload> uploads_of(const http::Request& req);
//! Fills the nomination form: units, kinds, categories, what was typed, and the errors.
void fill_entry_form(html::Dict& d, db::Connection& c, const EntryInput& in, const std::vector<UnitChoice>& units, const Error* err);
void add_commendation(html::Dict& d, const Entry& e);
void add_files(html::Dict& d, const Entry& e);
void add_replications(html::Dict& d, const Entry& e);
std::string event_label(const std::string& action);

}  // namespace ct05::registry
