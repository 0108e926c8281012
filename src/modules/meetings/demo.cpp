// The meetings part of `ct05 demo`: a year (2020) of periodic and thematic meetings in every collective, with
// attendance, stories about Uncle Ho and "hái hoa dân chủ"; self-assessments, ratings and year-end reviews in
// most units. Chi bộ thôn Khuổi Cuồng has met every month but December: its year-end review is still to come
// (its members have assessed themselves, the cell has not rated them), so a user can hold it.
#include <stdexcept>

#include "modules/meetings/module.hpp"
#include "modules/meetings/storage/meeting_store.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/plans/storage/plan_store.hpp"
#include "modules/plans/storage/year_review.hpp"

namespace ct05::meetings {

namespace {

template <class T>
T must(Result<T> r, const char* what) {
  if (!r) throw std::runtime_error(std::string("demo: ") + what + ": " + r.error().message);
  return std::move(*r);
}

constexpr int kYear = 2020;

constexpr const char* kStories[] = {
    "Chiếc đồng hồ",
    "Đôi dép cao su của Bác",
    "Bác Hồ với đồng bào các dân tộc Việt Bắc",
    "Bác dạy cán bộ phải gần dân, trọng dân",
    "Bữa cơm đạm bạc của Bác",
    "Bác Hồ với phong trào “Tết trồng cây”",
    "Tấm gương tự học của Bác",
    "Bác Hồ và những bài học về tiết kiệm",
    "Nói đi đôi với làm",
    "Bác Hồ ở Pác Bó",
    "Bác Hồ với thiếu niên, nhi đồng",
    "Lời Bác dặn trước lúc đi xa",
};
constexpr const char* kAbsence[] = {"Đi làm ăn xa", "Ốm, có báo cáo", "Đi công tác", "Việc gia đình, có xin phép"};
constexpr const char* kTopics[] = {
    "Kiểm điểm việc thực hiện nghị quyết tháng, triển khai nhiệm vụ tháng tới",
    "Đánh giá kết quả thực hiện cam kết làm theo Bác; bàn biện pháp giúp hộ cận nghèo",
    "Triển khai kế hoạch sản xuất vụ mùa, vệ sinh môi trường thôn",
    "Kiểm điểm công tác phòng, chống dịch bệnh và giữ gìn an ninh trật tự",
};

}  // namespace

void load_demo(db::Connection& c, DemoReport& report) {
  if (c.scalar("SELECT COUNT(*) FROM meetings") > 0) {
    report.lines.push_back("Sinh hoạt, đánh giá năm 2020 đã có; không nạp lại.");
    return;
  }
  auto who = auth::system_principal();
  auto cell = org::find_unit_by_code(c, "CB-KHUOICUONG");
  std::int64_t dangvien_person = c.scalar("SELECT COALESCE(MAX(person_id), 0) FROM users WHERE login = 'dangvien'");
  int index = 0, meetings = 0, rated = 0, locked = 0;
  for (const auto& r : c.query("SELECT id, kind, code FROM units WHERE active = 1 ORDER BY id")) {
    auto cadence = cadence_for(r.str(1));
    if (cadence == Cadence::kNone) continue;
    ++index;
    std::int64_t unit_id = r.i64(0);
    bool khuoi_cuong = cell && unit_id == cell->id;
    int day = 3 + index % 20;
    std::int64_t last_meeting = 0;
    // A cell and a committee meet every month; in May they also hold a thematic meeting on Uncle Ho's birthday.
    struct Slot {
      int month;
      bool thematic;
    };
    std::vector<Slot> slots;
    for (int month = cadence == Cadence::kMonthly ? 1 : 3; month <= 12; month += cadence == Cadence::kMonthly ? 1 : 3) {
      if (khuoi_cuong && month == 12) break;                                        // its year-end review is to come
      if (!khuoi_cuong && index % 7 == 3 && (month == 5 || month == 9)) continue;  // a few units miss a month
      slots.push_back({month, false});
      if (cadence == Cadence::kMonthly && month == 5) slots.push_back({month, true});
    }
    for (const auto& [month, thematic] : slots) {
      char date[40];
      std::snprintf(date, sizeof date, "%04d-%02d-%02d", kYear, month, thematic ? 19 : day);
      MeetingInput in;
      in.unit_id = unit_id;
      in.held_on = date;
      in.kind = std::string(kind_code(thematic ? MeetingKind::kThematic : MeetingKind::kPeriodic));
      in.topic = thematic ? "Chuyên đề: Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về nêu cao tinh thần "
                            "trách nhiệm, nói đi đôi với làm, gắn bó với nhân dân"
                          : (month == 12 ? "Kiểm điểm, đánh giá kết quả làm theo Bác năm 2020 và xếp loại"
                                         : kTopics[(index + month) % 4]);
      in.minutes = "Đồng chí bí thư chủ trì. Chi bộ đánh giá kết quả thực hiện nhiệm vụ, biểu dương đảng viên gương mẫu.\n"
                   "Kết luận: tiếp tục thực hiện cam kết làm theo Bác, mỗi đảng viên nhận giúp đỡ một hộ khó khăn.";
      bool story = !thematic && (khuoi_cuong || (index + month) % 2 == 0);
      in.story_told = story;
      if (story) {
        in.story_title = kStories[(index + month) % 12];
        in.story_teller = khuoi_cuong ? (month % 2 ? "Lường Thị Thời" : "Đảng viên trẻ của chi bộ") : "Bí thư chi bộ";
      }
      in.quiz_held = thematic;
      if (thematic) in.quiz_note = "15 câu hỏi về cuộc đời, sự nghiệp của Bác; 3 đội tham gia.";
      auto members = members_on(c, unit_id, date);
      std::vector<Attendance> rows;
      for (std::size_t i = 0; i < members.size(); ++i) {
        Attendance a = members[i];
        if ((i + month + index) % 11 == 0) {
          a.present = false;
          a.reason = kAbsence[(i + month) % 4];
        }
        rows.push_back(a);
      }
      auto id = must(create_meeting(c, who, in, rows), "meeting").id;
      if (!thematic) last_meeting = id;
      ++meetings;
    }
    // The year-end review: self-assessments, then the unit's ratings in its December meeting, then the lock.
    for (const auto& e : unit_evaluations(c, unit_id, kYear)) {
      if (e.plan_status != "accepted") continue;
      int k = static_cast<int>(e.plan_id % 10);
      Rating level = k == 0 ? Rating::kExcellent : k <= 6 ? Rating::kGood : k <= 8 ? Rating::kDone : Rating::kNotDone;
      if (e.person_id) {
        if (e.person_id == dangvien_person) continue;  // the demo member assesses themself in the UI
        RatingInput self{std::string(rating_code(level == Rating::kNotDone ? Rating::kDone : level)),
                         "Đã thực hiện các việc đăng ký trong cam kết.", std::nullopt};
        must(self_assess(c, who, e.plan_id, self), "self-assessment");
      }
      if (khuoi_cuong || !last_meeting) continue;
      RatingInput in{std::string(rating_code(level)),
                     level == Rating::kNotDone ? "Chưa hoàn thành việc đăng ký giúp hộ cận nghèo; cần khắc phục." : "",
                     last_meeting};
      must(rate(c, who, e.plan_id, in), "rating");
      ++rated;
    }
    // Only a unit whose plan and commitments are all settled (accepted) closes its year in the demo, so the
    // plans still waiting for review (Nà Nàng's among them) can be reviewed.
    bool settled = c.scalar("SELECT COUNT(*) FROM plans WHERE unit_id = $1 AND year = $2 AND status <> 'accepted'",
                            {unit_id, std::int64_t{kYear}}) == 0 &&
                   c.scalar("SELECT COUNT(*) FROM plans WHERE unit_id = $1 AND year = $2 AND person_id IS NULL",
                            {unit_id, std::int64_t{kYear}}) == 1;
    if (!khuoi_cuong && last_meeting && settled && index % 3 != 0) {
      must(plans::lock_year(c, who, unit_id, kYear, last_meeting), "lock");
      ++locked;
    }
  }
  report.lines.push_back("Sinh hoạt năm 2020: " + std::to_string(meetings) + " buổi; " + std::to_string(rated) +
                         " kế hoạch, cam kết đã xếp loại; " + std::to_string(locked) +
                         " đơn vị đã kiểm điểm và khóa năm (Chi bộ thôn Khuổi Cuồng chưa họp tháng 12).");
}

}  // namespace ct05::meetings
