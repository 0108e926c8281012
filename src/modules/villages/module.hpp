#pragma once
// The villages module: households of each village with their poverty status per year under the national
// multidimensional standard (kept as data), new-rural criteria sets, assessments of villages against them,
// recognition decisions, and village figures over any subtree (pages, API, /api/v1/indicators, dashboards).
#include "platform/http/app.hpp"
#include "platform/module.hpp"

namespace ct05::villages {

//! The module manifest.
Module module();
//! The village page, the subtree's figures, the unit-page panel, the dashboard section, the indicators' figures.
void wire_pages(http::App& app);
//! Households: list, record, form, status of a year, import.
void wire_household_pages(http::App& app);
//! Criteria sets, poverty standards, assessments with evidence, recognition decisions.
void wire_assessment_pages(http::App& app);
//! /api/v1/households, /api/v1/household-status, /api/v1/criteria-sets, /api/v1/village-assessments,
//! /api/v1/recognitions.
void wire_api(http::App& app);
//! Declares the exportable list of a village's households (exports::add_kind).
void declare_exports();

}  // namespace ct05::villages
