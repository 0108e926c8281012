#pragma once
// The imports module: units, people and households from XLSX or CSV files, through a stored preview (every bad
// row with its reason in Vietnamese) and a commit that writes the valid rows in one transaction. It sits above
// org, people and villages, whose records it creates with their permission rules.
#include "platform/http/app.hpp"
#include "platform/module.hpp"

namespace ct05::imports {

//! The module manifest.
Module module();
//! The upload form of a unit, the preview and its commit, the templates; the unit-page link.
void wire_pages(http::App& app);
//! /api/v1/imports.
void wire_api(http::App& app);

}  // namespace ct05::imports
