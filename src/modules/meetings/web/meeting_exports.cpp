// The meetings module's exportable list: a unit's meetings of a year (the unit's meetings page), with attendance
// counts, the story about Uncle Ho and the "hái hoa dân chủ" held. Who was absent is not exported.
#include "modules/meetings/module.hpp"
#include "modules/meetings/storage/meeting_store.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/plans/storage/plan_store.hpp"
#include "platform/exports/export_kinds.hpp"

namespace ct05::meetings {

namespace {

Result<exports::Listing> meetings_export(db::Connection& c, const auth::Principal& who, const exports::Ask& ask) {
  auto u = org::get_unit(c, who, ask.unit_id, auth::Action::kViewPlan);
  if (!u) return fail(u.error());
  auto year = exports::year_filter(ask.filters, plans::default_year(c));
  if (!year) return fail(year.error());
  std::string kind = ask.filters.trimmed("kind");
  std::optional<MeetingKind> only;
  if (!kind.empty()) {
    only = parse_kind(kind);
    if (!only) return fail(Error::invalid({{"kind", "Loại buổi sinh hoạt không hợp lệ."}},
                                          "Không có loại buổi sinh hoạt \"" + kind + "\" (dinh_ky, chuyen_de)."));
  }
  auto list = unit_meetings(c, u->id, *year);
  if (list.size() > exports::max_rows()) return fail(exports::too_many_rows());
  xlsx::Table t{"Sinh hoạt " + std::to_string(*year),
                {{"Ngày", 12}, {"Loại", 14}, {"Chủ đề", 40}, {"Có mặt", 8}, {"Vắng", 8}, {"Kể chuyện về Bác", 30},
                 {"Người kể", 22}, {"Hái hoa dân chủ", 12}, {"Ghi chú hái hoa", 24}, {"Người ghi", 20}},
                {}};
  for (const auto& m : list) {
    if (only && m.kind != *only) continue;
    t.rows.push_back({xlsx::date_cell(m.held_on), std::string(kind_label(m.kind)), m.topic, std::int64_t{m.present},
                      std::int64_t{m.absent}, m.story_told ? m.story_title : std::string(), m.story_told ? m.story_teller : std::string(),
                      std::string(m.quiz_held ? "có" : "không"), m.quiz_note, m.created_by});
  }
  return exports::Listing{{std::move(t)}, "Sinh hoạt " + std::to_string(*year) + " — " + u->name, u->path, false};
}

}  // namespace

void declare_exports() {
  exports::add_kind({"meetings",
                     "Các buổi sinh hoạt của đơn vị",
                     {{"year", "năm (mặc định: năm hiện hành)"}, {"kind", "dinh_ky (định kỳ) hoặc chuyen_de (chuyên đề)"}},
                     true,
                     meetings_export});
}

}  // namespace ct05::meetings
