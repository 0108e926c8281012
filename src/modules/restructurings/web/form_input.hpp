#pragma once
// The restructuring form's fields, read into a request and written back as hidden fields (the preview's confirm).
#include <string>
#include <utility>
#include <vector>

#include "modules/restructurings/domain/restructuring.hpp"
#include "platform/http/app.hpp"

namespace ct05::restructurings {

//! Every field name the form posts, in order.
const std::vector<std::string>& form_fields();
//! The request a posted form describes.
Request from_form(const http::Fields& f);

}  // namespace ct05::restructurings
