#pragma once
// The models module: the catalogue of "mô hình, cách làm sáng tạo", units' adoptions and their outcomes,
// and how each model spreads over the tree.
#include "platform/http/app.hpp"
#include "platform/module.hpp"

namespace ct05::models {

//! The module manifest.
Module module();
void wire_pages(http::App& app);
void wire_api(http::App& app);

}  // namespace ct05::models
