#include "modules/meetings/storage/meeting_store.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "kernel/clock.hpp"
#include "kernel/text.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/plans/storage/plan_store.hpp"
#include "modules/plans/storage/sql_rules.hpp"
#include "modules/plans/storage/year_review.hpp"
#include "platform/audit/audit.hpp"

namespace ct05::meetings {

namespace {

constexpr const char* kSelectMeeting =
    "SELECT m.id, m.unit_id, u.name, u.path, u.kind, m.held_on, m.kind, m.topic, m.minutes, m.story_told, m.story_title, "
    "m.story_teller, m.quiz_held, m.quiz_note, m.created_by, "
    "(SELECT COUNT(*) FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.present = 1), "
    "(SELECT COUNT(*) FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.present = 0) "
    "FROM meetings m JOIN units u ON u.id = m.unit_id ";
constexpr const char* kInsertMeeting =
    "INSERT INTO meetings (unit_id, held_on, kind, topic, minutes, story_told, story_title, story_teller, quiz_held, "
    "quiz_note, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) "
    "RETURNING id";
constexpr const char* kUpdateMeeting =
    "UPDATE meetings SET held_on = $1, kind = $2, topic = $3, minutes = $4, story_told = $5, story_title = $6, "
    "story_teller = $7, quiz_held = $8, quiz_note = $9, updated_at = $10 WHERE id = $11";
constexpr const char* kSelectAttendance =
    "SELECT a.person_id, p.full_name, a.present, a.reason FROM meeting_attendance a JOIN persons p ON p.id = a.person_id "
    "WHERE a.meeting_id = $1 ORDER BY p.sort_name, p.id";
// A transfer ends one membership and starts the next on the same day: that day the person is in the new unit.
constexpr const char* kMembersOn =
    "SELECT p.id, p.full_name FROM memberships ms JOIN persons p ON p.id = ms.person_id WHERE ms.unit_id = $1 "
    "AND ms.valid_from <= $2 AND (ms.valid_to IS NULL OR ms.valid_to > $2) ORDER BY p.sort_name, p.id";

constexpr const char* kSelectEvaluation =
    "SELECT pl.id, pl.unit_id, u.path, COALESCE(pl.person_id, 0), COALESCE(pe.full_name, u.name), pl.year, pl.status, "
    "COALESCE(e.self_rating, ''), COALESCE(e.self_comment, ''), COALESCE(e.self_by, ''), COALESCE(e.self_at, ''), "
    "COALESCE(e.rating, ''), COALESCE(e.comment, ''), COALESCE(e.rated_by, ''), COALESCE(e.rated_at, ''), "
    "COALESCE(e.meeting_id, 0), COALESCE(mt.held_on, '') "
    "FROM plans pl JOIN units u ON u.id = pl.unit_id LEFT JOIN persons pe ON pe.id = pl.person_id "
    "LEFT JOIN evaluations e ON e.plan_id = pl.id LEFT JOIN meetings mt ON mt.id = e.meeting_id ";
constexpr const char* kInsertEvaluation =
    "INSERT INTO evaluations (plan_id, unit_id, year, created_at, updated_at) VALUES ($1, $2, $3, $4, $5)";
constexpr const char* kSetSelf =
    "UPDATE evaluations SET self_rating = $1, self_comment = $2, self_by = $3, self_at = $4, updated_at = $4 "
    "WHERE plan_id = $5";
constexpr const char* kSetRating =
    "UPDATE evaluations SET rating = $1, comment = $2, meeting_id = $3, rated_by = $4, rated_at = $5, updated_at = $5 "
    "WHERE plan_id = $6";

// The units a subtree expects meetings from in a year (those in force at some time in it).
// Over a period [$1, $2] and a scope whose condition is appended (org/storage/scope.hpp; its parameters from $3).
constexpr const char* kExpectingUnits =
    "SELECT u.id, u.name, u.kind, u.valid_from, COALESCE(u.valid_to, ''), u.path FROM units u WHERE u.kind IN " CT05_PLAN_KINDS
    " AND u.valid_from <= $2 AND (u.valid_to IS NULL OR u.valid_to >= $1) AND ";
constexpr const char* kPeriodicDates =
    "SELECT m.unit_id, m.held_on FROM meetings m JOIN units u ON u.id = m.unit_id WHERE m.kind = 'dinh_ky' "
    "AND m.held_on >= $1 AND m.held_on <= $2 AND ";
constexpr const char* kYearCounts =
    "SELECT m.unit_id, COUNT(*), COALESCE(SUM(CASE WHEN m.kind = 'chuyen_de' THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(m.story_told), 0), COALESCE(SUM(m.quiz_held), 0) FROM meetings m JOIN units u ON u.id = m.unit_id "
    "WHERE m.held_on >= $1 AND m.held_on <= $2 AND ";
// The children in force at some time in the year [$2, $3].
constexpr const char* kChildrenInYear =
    "SELECT id, name, path FROM units WHERE parent_id = $1 AND valid_from <= $3 AND (valid_to IS NULL OR valid_to >= $2) "
    "ORDER BY sort_name, id";

Meeting meeting_from(const db::Row& r) {
  Meeting m;
  m.id = r.i64(0);
  m.unit_id = r.i64(1);
  m.unit_name = r.str(2);
  m.unit_path = r.str(3);
  m.unit_kind = r.str(4);
  m.held_on = r.str(5);
  m.kind = parse_kind(r.str(6)).value_or(MeetingKind::kPeriodic);
  m.topic = r.str(7);
  m.minutes = r.str(8);
  m.story_told = r.i64(9) == 1;
  m.story_title = r.str(10);
  m.story_teller = r.str(11);
  m.quiz_held = r.i64(12) == 1;
  m.quiz_note = r.str(13);
  m.created_by = r.str(14);
  m.present = static_cast<int>(r.i64(15));
  m.absent = static_cast<int>(r.i64(16));
  return m;
}

Evaluation evaluation_from(const db::Row& r) {
  Evaluation e;
  e.plan_id = r.i64(0);
  e.unit_id = r.i64(1);
  e.unit_path = r.str(2);
  e.person_id = r.i64(3);
  e.subject = r.str(4);
  e.year = static_cast<int>(r.i64(5));
  e.plan_status = r.str(6);
  e.self_rating = parse_rating(r.str(7));
  e.self_comment = r.str(8);
  e.self_by = r.str(9);
  e.self_at = r.str(10);
  e.rating = parse_rating(r.str(11));
  e.comment = r.str(12);
  e.rated_by = r.str(13);
  e.rated_at = r.str(14);
  e.meeting_id = r.i64(15);
  e.meeting_date = r.str(16);
  return e;
}

std::vector<FieldError> validate(const MeetingInput& in, bool creating) {
  std::vector<FieldError> e;
  if (creating || in.held_on) {
    std::string d = in.held_on.value_or("");
    if (d.empty()) e.push_back({"held_on", "Vui lòng nhập ngày sinh hoạt."});
    else if (!kernel::valid_date(d)) e.push_back({"held_on", "Ngày không hợp lệ (dạng năm-tháng-ngày)."});
    else if (d > kernel::today_iso()) e.push_back({"held_on", "Ngày sinh hoạt không thể ở tương lai."});
    else if (d < "2016-01-01") e.push_back({"held_on", "Ngày sinh hoạt phải từ năm 2016 (Chỉ thị 05-CT/TW)."});
  }
  if ((creating || in.kind) && !parse_kind(in.kind.value_or("")))
    e.push_back({"kind", "Vui lòng chọn hình thức: sinh hoạt định kỳ hoặc chuyên đề."});
  if (creating || in.topic) {
    if (in.topic.value_or("").empty()) e.push_back({"topic", "Vui lòng nhập nội dung, chủ đề buổi sinh hoạt."});
    else if (kernel::char_count(*in.topic) > 300) e.push_back({"topic", "Chủ đề quá dài (tối đa 300 ký tự)."});
  }
  if (in.minutes && kernel::char_count(*in.minutes) > 20000) e.push_back({"minutes", "Biên bản quá dài (tối đa 20.000 ký tự)."});
  if (in.story_told.value_or(false) && in.story_title.value_or("").empty())
    e.push_back({"story_title", "Vui lòng ghi tên câu chuyện về Bác đã kể."});
  if (in.story_title && kernel::char_count(*in.story_title) > 300) e.push_back({"story_title", "Tên câu chuyện quá dài (tối đa 300 ký tự)."});
  if (in.story_teller && kernel::char_count(*in.story_teller) > 200) e.push_back({"story_teller", "Tên người kể quá dài (tối đa 200 ký tự)."});
  if (in.quiz_note && kernel::char_count(*in.quiz_note) > 1000) e.push_back({"quiz_note", "Ghi chú hái hoa dân chủ quá dài (tối đa 1000 ký tự)."});
  return e;
}

//! Checks attendance rows against the unit's members on the date; fills in the names.
Result<std::vector<Attendance>> checked_attendance(db::Connection& c, std::int64_t unit_id, const std::string& date,
                                                   const std::vector<Attendance>& rows) {
  auto members = members_on(c, unit_id, date);
  std::vector<Attendance> out;
  std::set<std::int64_t> seen;
  for (const auto& a : rows) {
    auto it = std::find_if(members.begin(), members.end(), [&](const Attendance& m) { return m.person_id == a.person_id; });
    if (it == members.end())
      return fail(Error::invalid({{"attendance", "Người được điểm danh phải là đảng viên, thành viên của đơn vị vào ngày sinh hoạt."}}));
    if (!seen.insert(a.person_id).second) return fail(Error::invalid({{"attendance", "Mỗi người chỉ điểm danh một lần."}}));
    if (kernel::char_count(a.reason) > 300) return fail(Error::invalid({{"attendance", "Lý do vắng quá dài (tối đa 300 ký tự)."}}));
    out.push_back({a.person_id, it->name, a.present, a.present ? "" : a.reason});
  }
  return out;
}

void write_attendance(db::Connection& c, std::int64_t meeting_id, const std::vector<Attendance>& rows) {
  c.exec("DELETE FROM meeting_attendance WHERE meeting_id = $1", {meeting_id});
  if (rows.empty()) return;
  std::vector<std::vector<db::Value>> values;
  for (const auto& a : rows) values.push_back({meeting_id, a.person_id, std::int64_t{a.present ? 1 : 0}, a.reason});
  c.bulk_insert("meeting_attendance", {"meeting_id", "person_id", "present", "reason"}, values);
}

nlohmann::json attendance_json(const std::vector<Attendance>& rows) {
  auto out = nlohmann::json::array();
  for (const auto& a : rows) {
    nlohmann::json j{{"person_id", a.person_id}, {"name", a.name}, {"present", a.present}};
    if (!a.present) j["reason"] = a.reason;
    out.push_back(j);
  }
  return out;
}

//! A checked rating: a known code, a comment within bounds and present when the rating is "không hoàn thành".
Result<Rating> checked_rating(const RatingInput& in, const char* field) {
  auto r = parse_rating(in.rating.value_or(""));
  if (!r) return fail(Error::invalid({{field, "Vui lòng chọn mức xếp loại: hoàn thành xuất sắc, tốt, hoàn thành hoặc không hoàn thành."}}));
  if (in.comment && kernel::char_count(*in.comment) > 2000) return fail(Error::invalid({{"comment", "Nhận xét quá dài (tối đa 2000 ký tự)."}}));
  if (*r == Rating::kNotDone && in.comment.value_or("").empty())
    return fail(Error::invalid({{"comment", "Xếp loại không hoàn thành cần ghi rõ nhận xét, lý do."}}));
  return *r;
}

void ensure_row(db::Connection& c, const Evaluation& e) {
  if (c.query_one("SELECT 1 FROM evaluations WHERE plan_id = $1", {e.plan_id})) return;
  std::string now = kernel::now_iso();
  c.exec(kInsertEvaluation, {e.plan_id, e.unit_id, std::int64_t{e.year}, now, now});
}

db::Params with_scope(db::Params own, const org::Scope& s) {
  s.bind_all(own);
  return own;
}

std::map<std::int64_t, std::vector<std::string>> periodic_dates(db::Connection& c, const org::Scope& s, int year,
                                                                const std::string& as_of) {
  std::map<std::int64_t, std::vector<std::string>> out;
  for (const auto& r : c.query(std::string(kPeriodicDates) + s.all("u.id", "u.path", 3),
                               with_scope({std::to_string(year) + "-01-01", as_of}, s)))
    out[r.i64(0)].push_back(r.str(1));
  return out;
}

}  // namespace

std::vector<Attendance> members_on(db::Connection& c, std::int64_t unit_id, const std::string& date) {
  std::vector<Attendance> out;
  for (const auto& r : c.query(kMembersOn, {unit_id, date})) out.push_back({r.i64(0), r.str(1), true, ""});
  return out;
}

std::optional<Meeting> find_meeting(db::Connection& c, std::int64_t id) {
  auto r = c.query_one(std::string(kSelectMeeting) + "WHERE m.id = $1", {id});
  if (!r) return std::nullopt;
  Meeting m = meeting_from(*r);
  for (const auto& a : c.query(kSelectAttendance, {id})) m.attendance.push_back({a.i64(0), a.str(1), a.i64(2) == 1, a.str(3)});
  return m;
}

Result<Meeting> get_meeting(db::Connection& c, const auth::Principal& who, std::int64_t id) {
  auto m = find_meeting(c, id);
  if (!m) return fail(Error::not_found("Không tìm thấy buổi sinh hoạt."));
  if (auto ok = auth::authorize(who, auth::Action::kViewPlan, {m->unit_path}); !ok) return fail(ok.error());
  return *m;
}

Result<Meeting> create_meeting(db::Connection& c, const auth::Principal& who, const MeetingInput& in,
                               const std::vector<Attendance>& attendance) {
  auto unit = in.unit_id ? org::find_unit(c, *in.unit_id) : std::nullopt;
  if (!unit) return fail(Error::invalid({{"unit_id", "Vui lòng chọn đơn vị sinh hoạt."}}));
  if (auto ok = auth::authorize(who, auth::Action::kRecordMeeting, {unit->path}); !ok) return fail(ok.error());
  if (auto e = validate(in, true); !e.empty()) return fail(Error::invalid(std::move(e)));
  if (cadence_for(unit->kind) == Cadence::kNone)
    return fail(Error::invalid({{"unit_id", "Loại đơn vị này không tổ chức sinh hoạt định kỳ trong ct05."}}));
  if (*in.held_on < unit->valid_from || (!unit->valid_to.empty() && *in.held_on > unit->valid_to))
    return fail(Error::invalid({{"held_on", "Ngày sinh hoạt nằm ngoài thời gian hoạt động của đơn vị."}}));
  auto rows = checked_attendance(c, unit->id, *in.held_on, attendance);
  if (!rows) return fail(rows.error());
  return db::in_transaction(c, [&]() -> Result<Meeting> {
    std::string now = kernel::now_iso();
    bool story = in.story_told.value_or(false);
    auto id = c.query_one(kInsertMeeting, {unit->id, *in.held_on, *in.kind, *in.topic, in.minutes.value_or(""),
                                           std::int64_t{story ? 1 : 0}, story ? in.story_title.value_or("") : "",
                                           story ? in.story_teller.value_or("") : "",
                                           std::int64_t{in.quiz_held.value_or(false) ? 1 : 0}, in.quiz_note.value_or(""),
                                           who.actor(), now, now})
                  ->i64(0);
    write_attendance(c, id, *rows);
    auto m = *find_meeting(c, id);
    audit::record(c, who, {"meeting.create", "meeting", id, unit->path, nullptr, to_json(m, true)});
    return m;
  });
}

Result<Meeting> update_meeting(db::Connection& c, const auth::Principal& who, std::int64_t id, const MeetingInput& in,
                               const std::optional<std::vector<Attendance>>& attendance) {
  auto before = find_meeting(c, id);
  if (!before) return fail(Error::not_found("Không tìm thấy buổi sinh hoạt."));
  if (auto ok = auth::authorize(who, auth::Action::kRecordMeeting, {before->unit_path}); !ok) return fail(ok.error());
  if (auto e = validate(in, false); !e.empty()) return fail(Error::invalid(std::move(e)));
  Meeting next = *before;
  if (in.held_on) next.held_on = *in.held_on;
  if (in.kind) next.kind = *parse_kind(*in.kind);
  if (in.topic) next.topic = *in.topic;
  if (in.minutes) next.minutes = *in.minutes;
  if (in.story_told) next.story_told = *in.story_told;
  if (in.story_title) next.story_title = *in.story_title;
  if (in.story_teller) next.story_teller = *in.story_teller;
  if (!next.story_told) next.story_title = next.story_teller = "";
  else if (next.story_title.empty()) return fail(Error::invalid({{"story_title", "Vui lòng ghi tên câu chuyện về Bác đã kể."}}));
  if (in.quiz_held) next.quiz_held = *in.quiz_held;
  if (in.quiz_note) next.quiz_note = *in.quiz_note;
  if (next.held_on != before->held_on) {
    // The ratings given in this meeting and a year-end review held in it belong to a year: moving the meeting
    // must not take them out of it, nor touch a locked year at all.
    for (const auto& r : c.query("SELECT DISTINCT year FROM evaluations WHERE meeting_id = $1 AND rating IS NOT NULL "
                                 "UNION SELECT year FROM year_reviews WHERE meeting_id = $1",
                                 {id})) {
      int y = static_cast<int>(r.i64(0));
      if (auto open = plans::check_open(c, before->unit_id, y); !open) return fail(open.error());
      int moved = std::stoi(next.held_on.substr(0, 4));
      if (moved != y && moved != y + 1)
        return fail(Error::invalid({{"held_on", "Buổi sinh hoạt này có xếp loại năm " + std::to_string(y) +
                                                    "; ngày phải trong năm " + std::to_string(y) + " hoặc năm " +
                                                    std::to_string(y + 1) + "."}}));
    }
  }
  auto unit = org::find_unit(c, before->unit_id);
  if (next.held_on < unit->valid_from || (!unit->valid_to.empty() && next.held_on > unit->valid_to))
    return fail(Error::invalid({{"held_on", "Ngày sinh hoạt nằm ngoài thời gian hoạt động của đơn vị."}}));
  // The attendance must hold for the members on the (possibly new) date.
  auto rows = checked_attendance(c, before->unit_id, next.held_on, attendance ? *attendance : before->attendance);
  if (!rows) return fail(rows.error());
  return db::in_transaction(c, [&]() -> Result<Meeting> {
    c.exec(kUpdateMeeting, {next.held_on, std::string(kind_code(next.kind)), next.topic, next.minutes,
                            std::int64_t{next.story_told ? 1 : 0}, next.story_title, next.story_teller,
                            std::int64_t{next.quiz_held ? 1 : 0}, next.quiz_note, kernel::now_iso(), id});
    if (attendance) write_attendance(c, id, *rows);
    auto m = *find_meeting(c, id);
    audit::record(c, who, {"meeting.update", "meeting", id, m.unit_path, to_json(*before, attendance.has_value()),
                           to_json(m, attendance.has_value())});
    return m;
  });
}

Result<Meeting> set_attendance(db::Connection& c, const auth::Principal& who, std::int64_t id,
                               const std::vector<Attendance>& rows) {
  return update_meeting(c, who, id, MeetingInput{}, rows);
}

void record_quiz(db::Connection& c, std::int64_t meeting_id, const std::string& note) {
  auto m = find_meeting(c, meeting_id);
  if (!m) return;
  std::string text = m->quiz_note.empty() ? note : m->quiz_note + "; " + note;
  c.exec("UPDATE meetings SET quiz_held = 1, quiz_note = $1, updated_at = $2 WHERE id = $3",
         {kernel::truncate_utf8(text, 3000), kernel::now_iso(), meeting_id});
}

std::vector<Meeting> unit_meetings(db::Connection& c, std::int64_t unit_id, int year) {
  std::vector<Meeting> out;
  std::string y = std::to_string(year);
  for (const auto& r : c.query(std::string(kSelectMeeting) + "WHERE m.unit_id = $1 AND m.held_on >= $2 AND m.held_on <= $3 "
                                                             "ORDER BY m.held_on, m.id",
                               {unit_id, y + "-01-01", y + "-12-31"}))
    out.push_back(meeting_from(r));
  return out;
}

std::vector<Meeting> subtree_meetings(db::Connection& c, const std::string& path, const std::string& from,
                                      const std::string& to, int limit, int offset) {
  std::vector<Meeting> out;
  for (const auto& r : c.query(std::string(kSelectMeeting) +
                                   "WHERE u.path >= $1 AND u.path < $2 AND m.held_on >= $3 AND m.held_on <= $4 "
                                   "ORDER BY m.held_on, u.sort_name, m.id LIMIT $5 OFFSET $6",
                               {path, db::subtree_end(path), from, to, std::int64_t{limit}, std::int64_t{offset}}))
    out.push_back(meeting_from(r));
  return out;
}

std::int64_t count_subtree_meetings(db::Connection& c, const std::string& path, const std::string& from, const std::string& to) {
  return c.scalar("SELECT COUNT(*) FROM meetings m JOIN units u ON u.id = m.unit_id WHERE u.path >= $1 AND u.path < $2 "
                  "AND m.held_on >= $3 AND m.held_on <= $4",
                  {path, db::subtree_end(path), from, to});
}

// ---------------------------------------------------------------- evaluations
std::optional<Evaluation> find_evaluation(db::Connection& c, std::int64_t plan_id) {
  auto r = c.query_one(std::string(kSelectEvaluation) + "WHERE pl.id = $1", {plan_id});
  if (!r) return std::nullopt;
  return evaluation_from(*r);
}

Result<Evaluation> get_evaluation(db::Connection& c, const auth::Principal& who, std::int64_t plan_id) {
  auto e = find_evaluation(c, plan_id);
  if (!e) return fail(Error::not_found("Không tìm thấy kế hoạch, cam kết."));
  if (auto ok = auth::authorize(who, auth::Action::kViewPlan, {e->unit_path, e->person_id}); !ok) return fail(ok.error());
  return *e;
}

std::vector<Evaluation> unit_evaluations(db::Connection& c, std::int64_t unit_id, int year) {
  std::vector<Evaluation> out;
  for (const auto& r : c.query(std::string(kSelectEvaluation) +
                                   "WHERE pl.unit_id = $1 AND pl.year = $2 "
                                   "ORDER BY CASE WHEN pl.person_id IS NULL THEN 0 ELSE 1 END, pe.sort_name, pl.id",
                               {unit_id, std::int64_t{year}}))
    out.push_back(evaluation_from(r));
  return out;
}

bool can_rate(const auth::Principal& who, const Evaluation& e) {
  return (e.person_id == 0 || who.person_id != e.person_id) && auth::allowed(who, auth::Action::kEvaluate, {e.unit_path});
}

Result<Evaluation> self_assess(db::Connection& c, const auth::Principal& who, std::int64_t plan_id, const RatingInput& in) {
  auto e = find_evaluation(c, plan_id);
  if (!e) return fail(Error::not_found("Không tìm thấy cam kết."));
  if (e->person_id == 0) return fail(Error::invalid({{"plan_id", "Tự đánh giá dành cho cam kết của cá nhân."}}));
  if (!auth::allowed(who, auth::Action::kEditCommitment, {e->unit_path, e->person_id}) &&
      !auth::allowed(who, auth::Action::kEvaluate, {e->unit_path})) {
    if (auto ok = auth::authorize(who, auth::Action::kViewPlan, {e->unit_path}); !ok) return fail(ok.error());
    return fail(Error::forbidden("Chỉ người cam kết (hoặc cấp ủy ghi thay) mới tự đánh giá được."));
  }
  if (e->plan_status != "accepted") return fail(Error::conflict("Cam kết chưa được chấp thuận nên chưa tự đánh giá được."));
  if (auto open = plans::check_open(c, e->unit_id, e->year); !open) return fail(open.error());  // the usual answer, early
  if (e->rating) return fail(Error::conflict("Đơn vị đã xếp loại cam kết này; không sửa tự đánh giá được nữa."));
  auto r = checked_rating(in, "rating");
  if (!r) return fail(r.error());
  return db::in_transaction(c, [&]() -> Result<Evaluation> {
    // Again inside the transaction: a year-end review may have committed since the first look.
    if (auto open = plans::check_open(c, e->unit_id, e->year); !open) return fail(open.error());
    ensure_row(c, *e);
    c.exec(kSetSelf, {std::string(rating_code(*r)), in.comment.value_or(""), who.actor(), kernel::now_iso(), plan_id});
    auto after = *find_evaluation(c, plan_id);
    audit::record(c, who, {"evaluation.self", "commitment", plan_id, e->unit_path, to_json(*e), to_json(after)});
    return after;
  });
}

Result<Evaluation> rate(db::Connection& c, const auth::Principal& who, std::int64_t plan_id, const RatingInput& in) {
  auto e = find_evaluation(c, plan_id);
  if (!e) return fail(Error::not_found("Không tìm thấy kế hoạch, cam kết."));
  if (!can_rate(who, *e)) {
    if (auto ok = auth::authorize(who, auth::Action::kViewPlan, {e->unit_path, e->person_id}); !ok) return fail(ok.error());
    return fail(Error::forbidden(e->person_id && who.person_id == e->person_id
                                     ? "Không ai tự xếp loại cam kết của chính mình."
                                     : "Chỉ cấp ủy của đơn vị mới xếp loại được."));
  }
  if (auto open = plans::check_open(c, e->unit_id, e->year); !open) return fail(open.error());
  if (e->plan_status != "accepted")
    return fail(Error::conflict("Chỉ xếp loại kế hoạch, cam kết đã được chấp thuận."));
  if (e->person_id && !e->self_rating)
    return fail(Error::conflict("Người cam kết chưa tự đánh giá; cần tự đánh giá trước khi đơn vị xếp loại."));
  auto r = checked_rating(in, "rating");
  if (!r) return fail(r.error());
  auto meeting = in.meeting_id ? find_meeting(c, *in.meeting_id) : std::nullopt;
  if (!meeting || meeting->unit_id != e->unit_id)
    return fail(Error::invalid({{"meeting_id", "Vui lòng chọn buổi sinh hoạt của đơn vị đã tiến hành đánh giá."}}));
  int meeting_year = std::stoi(meeting->held_on.substr(0, 4));
  if (meeting_year != e->year && meeting_year != e->year + 1)
    return fail(Error::invalid({{"meeting_id", "Buổi đánh giá phải trong năm " + std::to_string(e->year) + " hoặc năm " + std::to_string(e->year + 1) + "."}}));
  return db::in_transaction(c, [&]() -> Result<Evaluation> {
    if (auto open = plans::check_open(c, e->unit_id, e->year); !open) return fail(open.error());
    ensure_row(c, *e);
    c.exec(kSetRating, {std::string(rating_code(*r)), in.comment.value_or(""), meeting->id, who.actor(), kernel::now_iso(), plan_id});
    auto after = *find_evaluation(c, plan_id);
    audit::record(c, who, {"evaluation.rate", e->person_id ? "commitment" : "plan", plan_id, e->unit_path, to_json(*e),
                           to_json(after)});
    return after;
  });
}

Result<void> hold_year_review(db::Connection& c, const auth::Principal& who, std::int64_t unit_id, int year,
                              std::optional<std::int64_t> meeting_id) {
  auto m = meeting_id ? find_meeting(c, *meeting_id) : std::nullopt;
  if (!m || m->unit_id != unit_id) {
    if (auto ok = org::get_unit(c, who, unit_id, auth::Action::kEvaluate); !ok) return fail(ok.error());
    return fail(Error::invalid({{"meeting_id", "Vui lòng chọn buổi sinh hoạt kiểm điểm cuối năm của đơn vị."}}));
  }
  int meeting_year = std::stoi(m->held_on.substr(0, 4));
  if (meeting_year != year && meeting_year != year + 1) {
    if (auto ok = org::get_unit(c, who, unit_id, auth::Action::kEvaluate); !ok) return fail(ok.error());
    return fail(Error::invalid({{"meeting_id", "Buổi kiểm điểm năm " + std::to_string(year) + " phải trong năm " +
                                                   std::to_string(year) + " hoặc năm " + std::to_string(year + 1) + "."}}));
  }
  auto r = plans::lock_year(c, who, unit_id, year, m->id);
  if (!r) return fail(r.error());
  return {};
}

// ---------------------------------------------------------------- rollups
std::vector<UnitMeetings> meeting_counts(db::Connection& c, const std::string& path, int year, const std::string& as_of) {
  return meeting_counts(c, org::Scope{0, path, "", {}}, year, as_of);
}

std::vector<UnitMeetings> meeting_counts(db::Connection& c, const org::Scope& s, int year, const std::string& as_of) {
  auto dates = periodic_dates(c, s, year, as_of);
  std::string y = std::to_string(year), first = y + "-01-01", until = std::min(as_of, y + "-12-31");
  std::map<std::int64_t, std::array<std::int64_t, 4>> recorded;
  for (const auto& r : c.query(std::string(kYearCounts) + s.all("u.id", "u.path", 3) + " GROUP BY m.unit_id",
                               with_scope({first, until}, s)))
    recorded[r.i64(0)] = {r.i64(1), r.i64(2), r.i64(3), r.i64(4)};
  std::vector<UnitMeetings> out;
  for (const auto& r : c.query(std::string(kExpectingUnits) + s.all("u.id", "u.path", 3) + " ORDER BY u.sort_name, u.id",
                               with_scope({first, as_of}, s))) {
    UnitMeetings u;
    u.unit_id = r.i64(0);
    u.name = r.str(1);
    u.kind = r.str(2);
    u.path = r.str(5);
    auto cadence = cadence_for(u.kind);
    if (cadence == Cadence::kNone) continue;
    u.count = count_meetings(cadence, year, r.str(3), r.str(4), as_of, dates[u.unit_id]);
    if (auto it = recorded.find(u.unit_id); it != recorded.end()) {
      u.meetings = it->second[0];
      u.thematic = it->second[1];
      u.stories = it->second[2];
      u.quizzes = it->second[3];
    }
    out.push_back(std::move(u));
  }
  return out;
}

MeetingSummary summarize(const std::vector<UnitMeetings>& units, std::string_view prefix) {
  MeetingSummary s;
  for (const auto& u : units) {
    if (u.path.compare(0, prefix.size(), prefix) != 0) continue;
    ++s.units;
    s.expected += u.count.expected;
    s.held += u.count.held;
    if (u.count.held < u.count.expected) ++s.behind;
    s.meetings += u.meetings;
    s.thematic += u.thematic;
    s.stories += u.stories;
    s.quizzes += u.quizzes;
  }
  return s;
}

MeetingSummary meeting_summary(db::Connection& c, const std::string& path, int year, const std::string& as_of) {
  return summarize(meeting_counts(c, path, year, as_of));
}

MeetingSummary meeting_summary(db::Connection& c, const org::Scope& s, int year, const std::string& as_of) {
  return summarize(meeting_counts(c, s, year, as_of));
}

std::vector<UnitMeetings> units_behind(const std::vector<UnitMeetings>& units, int limit, int offset) {
  std::vector<UnitMeetings> out;
  int skipped = 0;
  for (const auto& u : units) {
    if (u.count.held >= u.count.expected) continue;
    if (skipped++ < offset) continue;
    if (static_cast<int>(out.size()) >= limit) break;
    out.push_back(u);
  }
  return out;
}

std::vector<UnitMeetings> units_behind(db::Connection& c, const std::string& path, int year, const std::string& as_of,
                                       int limit, int offset) {
  return units_behind(meeting_counts(c, path, year, as_of), limit, offset);
}

std::vector<ChildSummary> summary_by_child(db::Connection& c, std::int64_t parent_id, int year,
                                           const std::vector<UnitMeetings>& units) {
  std::vector<ChildSummary> out;
  std::string y = std::to_string(year);
  for (const auto& r : c.query(kChildrenInYear, {parent_id, y + "-01-01", y + "-12-31"})) {
    auto s = summarize(units, r.str(2));
    if (s.units == 0) continue;
    out.push_back({r.i64(0), r.str(1), s});
  }
  return out;
}

std::vector<ChildSummary> summary_by_child(db::Connection& c, std::int64_t parent_id, int year, const std::string& as_of) {
  auto parent = org::find_unit(c, parent_id);
  if (!parent) return {};
  return summary_by_child(c, parent_id, year, meeting_counts(c, parent->path, year, as_of));
}

RatingDistribution rating_distribution(db::Connection& c, const std::string& path, int year) {
  return rating_distribution(c, org::Scope{0, path, "", {}}, year);
}

RatingDistribution rating_distribution(db::Connection& c, const org::Scope& s, int year) {
  RatingDistribution d;
  auto p = with_scope({std::int64_t{year}}, s);
  for (const auto& r : c.query("SELECT pl.owner_kind, e.rating, COUNT(*) FROM evaluations e JOIN plans pl ON pl.id = e.plan_id "
                               "JOIN units u ON u.id = e.unit_id WHERE e.year = $1 AND e.rating IS NOT NULL AND " +
                                   s.all("u.id", "u.path", 2) + " GROUP BY pl.owner_kind, e.rating",
                               p)) {
    auto rating = parse_rating(r.str(1));
    if (!rating) continue;
    (r.str(0) == "person" ? d.commitments : d.plans)[*rating] += r.i64(2);
  }
  for (const auto& r : c.query("SELECT pl.owner_kind, COUNT(*) FROM plans pl JOIN units u ON u.id = pl.unit_id "
                               "WHERE pl.year = $1 AND pl.status = 'accepted' AND " + s.all("u.id", "u.path", 2) +
                                   " GROUP BY pl.owner_kind",
                               p))
    (r.str(0) == "person" ? d.commitments_accepted : d.plans_accepted) = r.i64(1);
  return d;
}

// ---------------------------------------------------------------- JSON
nlohmann::json to_json(const Meeting& m, bool with_attendance) {
  nlohmann::json j{{"id", m.id},
                   {"unit_id", m.unit_id},
                   {"unit_name", m.unit_name},
                   {"held_on", m.held_on},
                   {"kind", kind_code(m.kind)},
                   {"topic", m.topic},
                   {"minutes", m.minutes},
                   {"story_told", m.story_told},
                   {"story_title", m.story_title},
                   {"story_teller", m.story_teller},
                   {"quiz_held", m.quiz_held},
                   {"quiz_note", m.quiz_note},
                   {"present", m.present},
                   {"absent", m.absent}};
  if (with_attendance) j["attendance"] = attendance_json(m.attendance);
  return j;
}

nlohmann::json to_json(const Evaluation& e) {
  auto rating = [](const std::optional<Rating>& r) { return r ? nlohmann::json(rating_code(*r)) : nlohmann::json(nullptr); };
  nlohmann::json j{{"plan_id", e.plan_id},       {"kind", e.person_id ? "commitment" : "plan"},
                   {"unit_id", e.unit_id},       {"year", e.year},
                   {"subject", e.subject},       {"plan_status", e.plan_status},
                   {"self_rating", rating(e.self_rating)}, {"self_comment", e.self_comment},
                   {"rating", rating(e.rating)}, {"comment", e.comment}};
  j["person_id"] = e.person_id ? nlohmann::json(e.person_id) : nlohmann::json(nullptr);
  j["meeting_id"] = e.meeting_id ? nlohmann::json(e.meeting_id) : nlohmann::json(nullptr);
  if (e.rating) {
    j["rated_by"] = e.rated_by;
    j["rated_at"] = e.rated_at;
  }
  return j;
}

nlohmann::json to_json(const MeetingSummary& s) {
  return {{"units", s.units},       {"expected", s.expected}, {"held", s.held},         {"behind", s.behind},
          {"meetings", s.meetings}, {"thematic", s.thematic}, {"stories", s.stories}, {"quizzes", s.quizzes}};
}

nlohmann::json to_json(const RatingDistribution& d) {
  auto counts = [](const std::map<Rating, std::int64_t>& m) {
    nlohmann::json j = nlohmann::json::object();
    for (auto r : ratings()) j[std::string(rating_code(r))] = m.count(r) ? m.at(r) : 0;
    return j;
  };
  return {{"plans", {{"accepted", d.plans_accepted}, {"ratings", counts(d.plans)}}},
          {"commitments", {{"accepted", d.commitments_accepted}, {"ratings", counts(d.commitments)}}}};
}

}  // namespace ct05::meetings
