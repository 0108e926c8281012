#pragma once
// The plans module's rules as SQL fragments, shared by plan_store.cpp and tallies.cpp so the two can
// never count differently.

// The kinds of requires_plan(), as SQL.
#define CT05_PLAN_KINDS "('dang_bo_co_so','chi_bo','co_quan','doan_the','truong_hoc')"
// Who counts as a cadre for commitments: party members and cán bộ, công chức, viên chức (persons alias p).
#define CT05_CADRE "(p.is_party_member = 1 OR p.cadre_status IN ('can_bo','cong_chuc','vien_chuc'))"
