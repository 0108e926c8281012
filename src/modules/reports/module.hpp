#pragma once
// The reports module: the periodic reports a unit sends up (sơ kết 6 tháng, tổng kết năm, 5 and 10 years) as DOCX
// and PDF in the Party's document format, with every figure filled from the other modules, and their templates.
#include "platform/http/app.hpp"
#include "platform/module.hpp"

namespace ct05::reports {

//! The module manifest.
Module module();
void wire_pages(http::App& app);
void wire_api(http::App& app);
//! The register's and the models' charts over the years on the coverage dashboard.
void wire_dashboard_charts();

}  // namespace ct05::reports
