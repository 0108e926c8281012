// The quizzes module's exportable list: an online round's results (ranking, and participation per unit), for those
// who run quizzes in the round's unit. The round is the filter `round`; its unit is implied.
#include <cmath>

#include "modules/quizzes/module.hpp"
#include "modules/quizzes/storage/quiz_store.hpp"
#include "platform/exports/export_kinds.hpp"

namespace ct05::quizzes {

namespace {

Result<exports::Listing> results_export(db::Connection& c, const auth::Principal& who, const exports::Ask& ask) {
  std::string id_text = ask.filters.trimmed("round");
  auto id = http::parse_id(id_text);
  if (!id)
    return fail(Error::invalid({{"round", "Hãy cho biết đợt thi."}}, "Hãy cho biết mã số đợt thi (round), ví dụ round=1."));
  auto r = find_round(c, *id);
  if (!r) return fail(Error::not_found("Không tìm thấy đợt thi."));
  if (auto ok = auth::authorize(who, auth::Action::kRunQuiz, {r->unit_path}); !ok) return fail(ok.error());
  auto res = results(c, *r, exports::fetch_limit(), 0);
  if (res.ranking.size() > exports::max_rows()) return fail(exports::too_many_rows());
  xlsx::Table ranking{"Xếp hạng", {{"Hạng", 6}, {"Họ và tên", 28}, {"Đơn vị / xã, phường", 34}, {"Điểm", 8}, {"Số câu", 8},
                                   {"Thời gian (giây)", 14}, {"Công dân", 10}}, {}};
  std::int64_t rank = 0;
  for (const auto& k : res.ranking)
    ranking.rows.push_back({++rank, k.name, k.where, std::int64_t{k.score}, std::int64_t{k.max_score}, k.seconds,
                            std::string(k.citizen ? "có" : "")});
  xlsx::Table units{"Theo đơn vị", {{"Đơn vị", 40}, {"Số người", 10}, {"Tham gia", 10}, {"Tỷ lệ (%)", 10}, {"Điểm trung bình", 14}}, {}};
  auto unit_row = [&](const UnitResult& u) {
    units.rows.push_back({u.name, u.members, u.participants, std::int64_t{html::percent(u.participants, u.members)},
                          u.participants ? xlsx::Cell{std::round(u.average * 10) / 10} : xlsx::Cell{}});
  };
  unit_row(res.total);
  for (const auto& u : res.children) unit_row(u);
  return exports::Listing{{std::move(ranking), std::move(units)}, "Kết quả đợt thi " + std::to_string(r->id) + " — " + r->title,
                          r->unit_path, true};
}

}  // namespace

void declare_exports() {
  exports::add_kind({"quiz-results", "Kết quả đợt thi hái hoa dân chủ", {{"round", "mã số đợt thi (bắt buộc)"}}, false,
                     results_export});
}

}  // namespace ct05::quizzes
