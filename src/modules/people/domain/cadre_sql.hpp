#pragma once
// Who counts as a cadre (for commitments, accounts and their onboarding): party members and cán bộ, công chức,
// viên chức, as SQL over persons alias p, so every module that counts them counts the same people.
#define CT05_PEOPLE_CADRE "(p.is_party_member = 1 OR p.cadre_status IN ('can_bo','cong_chuc','vien_chuc'))"
