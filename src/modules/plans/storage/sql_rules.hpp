#pragma once
// The plans module's rules as SQL fragments, shared by plan_store.cpp and tallies.cpp so the two can
// never count differently.

// The kinds of requires_plan(), as SQL.
#define CT05_PLAN_KINDS "('dang_bo_co_so','chi_bo','co_quan','doan_the','truong_hoc')"
// The year from which a unit (alias u) must have a plan: the year it started, 0 when that was before the campaign's
// tallies begin (2016), so the tallies keep one row for the many old units.
#define CT05_START_YEAR "(CASE WHEN u.valid_from < '2016' THEN 0 ELSE CAST(substr(u.valid_from, 1, 4) AS INTEGER) END)"
// Who counts as a cadre for commitments: party members and cán bộ, công chức, viên chức (persons alias p).
#include "modules/people/domain/cadre_sql.hpp"
#define CT05_CADRE CT05_PEOPLE_CADRE
