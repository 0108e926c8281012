#pragma once
// The quizzes module ("hái hoa dân chủ"): question banks, live draws in meetings ("tree of flowers"), online
// rounds with one attempt per person and the server's clock, public rounds for citizens, results by unit.
#include "platform/http/app.hpp"
#include "platform/module.hpp"

namespace ct05::quizzes {

//! The module manifest.
Module module();
void wire_pages(http::App& app);
void wire_api(http::App& app);
//! Declares the exportable list of a round's results (exports::add_kind).
void declare_exports();

}  // namespace ct05::quizzes
