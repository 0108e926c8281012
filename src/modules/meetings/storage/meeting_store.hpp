#pragma once
// Meetings with their attendance, the evaluations of plans and commitments, and their rollups over a subtree.
// Commands check permission first, then the input, and write the change and its audit entry in one
// transaction; ratings also respect the year-end lock (plans/storage/year_review.hpp).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "kernel/error.hpp"
#include "modules/org/storage/scope.hpp"
#include "modules/meetings/domain/meeting.hpp"
#include "platform/auth/principal.hpp"
#include "platform/db/db.hpp"

namespace ct05::meetings {

struct Attendance {
  std::int64_t person_id = 0;
  std::string name;
  bool present = true;
  std::string reason;  //!< why absent
};

struct Meeting {
  std::int64_t id = 0, unit_id = 0;
  std::string unit_name, unit_path, unit_kind;
  std::string held_on;  //!< YYYY-MM-DD
  MeetingKind kind = MeetingKind::kPeriodic;
  std::string topic, minutes;
  bool story_told = false;
  std::string story_title, story_teller;  //!< the story about Uncle Ho told, and who told it
  bool quiz_held = false;                 //!< "hái hoa dân chủ" held in the meeting
  std::string quiz_note;
  std::string created_by;
  std::vector<Attendance> attendance;  //!< filled by find_meeting
  int present = 0, absent = 0;         //!< counts, filled by lists too
};

struct MeetingInput {
  std::optional<std::int64_t> unit_id;
  std::optional<std::string> held_on, kind, topic, minutes, story_title, story_teller, quiz_note;
  std::optional<bool> story_told, quiz_held;
};

//! The members a meeting of the unit on that date counts: memberships in force on the date, by name.
std::vector<Attendance> members_on(db::Connection& c, std::int64_t unit_id, const std::string& date);

std::optional<Meeting> find_meeting(db::Connection& c, std::int64_t id);
Result<Meeting> get_meeting(db::Connection& c, const auth::Principal& who, std::int64_t id);
//! Records a meeting (kRecordMeeting on the unit); `attendance` as for set_attendance (may be empty).
Result<Meeting> create_meeting(db::Connection& c, const auth::Principal& who, const MeetingInput& in,
                               const std::vector<Attendance>& attendance);
//! Changes the present fields and, when given, replaces the attendance too, in one transaction.
Result<Meeting> update_meeting(db::Connection& c, const auth::Principal& who, std::int64_t id, const MeetingInput& in,
                               const std::optional<std::vector<Attendance>>& attendance = std::nullopt);
//! Replaces the attendance: each row a member of the unit on the meeting's date; absent rows may give a reason.
Result<Meeting> set_attendance(db::Connection& c, const auth::Principal& who, std::int64_t id,
                               const std::vector<Attendance>& rows);
//! Notes "hái hoa dân chủ" held in the meeting with its result (the quizzes module, when a live draw held in it
//! ends; that command checked the permission and writes the audit entry).
void record_quiz(db::Connection& c, std::int64_t meeting_id, const std::string& note);
//! A unit's meetings in a year, by date.
std::vector<Meeting> unit_meetings(db::Connection& c, std::int64_t unit_id, int year);

//! Meetings of a whole subtree between two dates (inclusive), by date then unit, a page of them; and their count.
std::vector<Meeting> subtree_meetings(db::Connection& c, const std::string& path, const std::string& from,
                                      const std::string& to, int limit, int offset);
std::int64_t count_subtree_meetings(db::Connection& c, const std::string& path, const std::string& from, const std::string& to);

// ---- evaluations
struct Evaluation {
  std::int64_t plan_id = 0, unit_id = 0, person_id = 0;  //!< person_id 0 for a unit's plan
  std::string unit_path, subject;                        //!< the unit's or the person's name
  int year = 0;
  std::string plan_status;  //!< the plan's status code (only accepted plans are rated)
  std::optional<Rating> self_rating;
  std::string self_comment, self_by, self_at;
  std::optional<Rating> rating;
  std::string comment, rated_by, rated_at;
  std::int64_t meeting_id = 0;
  std::string meeting_date;
};
struct RatingInput {
  std::optional<std::string> rating, comment;
  std::optional<std::int64_t> meeting_id;
};
//! The evaluation of one plan or commitment (empty fields when none was recorded yet).
std::optional<Evaluation> find_evaluation(db::Connection& c, std::int64_t plan_id);
Result<Evaluation> get_evaluation(db::Connection& c, const auth::Principal& who, std::int64_t plan_id);
//! The unit's plan (if it has one) and its members' commitments for the year, each with its evaluation.
std::vector<Evaluation> unit_evaluations(db::Connection& c, std::int64_t unit_id, int year);
//! A member's self-assessment of their accepted commitment (the person, or an officer writing it down for them).
Result<Evaluation> self_assess(db::Connection& c, const auth::Principal& who, std::int64_t plan_id, const RatingInput& in);
//! The unit's rating in one of its meetings (kEvaluate on the unit; never the person themself): the plan or
//! commitment must be accepted, a commitment self-assessed first, the year open; "không hoàn thành" needs a comment.
Result<Evaluation> rate(db::Connection& c, const auth::Principal& who, std::int64_t plan_id, const RatingInput& in);
bool can_rate(const auth::Principal& who, const Evaluation& e);

//! The year-end review held in one of the unit's meetings (of that year or the next): locks the year (see
//! plans::lock_year for who may).
Result<void> hold_year_review(db::Connection& c, const auth::Principal& who, std::int64_t unit_id, int year,
                              std::optional<std::int64_t> meeting_id);

// ---- rollups over a subtree
struct UnitMeetings {
  std::int64_t unit_id = 0;
  std::string name, kind, path;
  MeetingCount count;  //!< periodic meetings expected and held
  std::int64_t meetings = 0, thematic = 0, stories = 0, quizzes = 0;  //!< meetings recorded in the year
};
struct MeetingSummary {
  std::int64_t units = 0;  //!< units expected to meet
  std::int64_t expected = 0, held = 0;
  std::int64_t meetings = 0, thematic = 0, stories = 0, quizzes = 0;  //!< meetings recorded in the year
  std::int64_t behind = 0;  //!< units with held < expected
};
//! Every unit of the subtree expected to meet in the year (in force at some time in it), by name, with its
//! figures counted up to `as_of` (count_until()): two queries for the whole subtree.
std::vector<UnitMeetings> meeting_counts(db::Connection& c, const std::string& path, int year, const std::string& as_of);
//! The same over a scope (org/storage/scope.hpp): the tree of its date, its carried predecessors included.
std::vector<UnitMeetings> meeting_counts(db::Connection& c, const org::Scope& s, int year, const std::string& as_of);
//! The figures of those units whose path starts with `prefix` (all of them when empty), added up.
MeetingSummary summarize(const std::vector<UnitMeetings>& units, std::string_view prefix = "");
//! meeting_counts() added up.
MeetingSummary meeting_summary(db::Connection& c, const std::string& path, int year, const std::string& as_of);
MeetingSummary meeting_summary(db::Connection& c, const org::Scope& s, int year, const std::string& as_of);
//! The units that are behind (held < expected), a page of them.
std::vector<UnitMeetings> units_behind(const std::vector<UnitMeetings>& units, int limit, int offset);
std::vector<UnitMeetings> units_behind(db::Connection& c, const std::string& path, int year, const std::string& as_of,
                                       int limit, int offset);
struct ChildSummary {
  std::int64_t unit_id = 0;
  std::string name;
  MeetingSummary summary;
};
//! The summary of each direct child in force during the year that has units to count, from meeting_counts()
//! of the parent's subtree.
std::vector<ChildSummary> summary_by_child(db::Connection& c, std::int64_t parent_id, int year,
                                           const std::vector<UnitMeetings>& units);
std::vector<ChildSummary> summary_by_child(db::Connection& c, std::int64_t parent_id, int year, const std::string& as_of);

struct RatingDistribution {
  std::map<Rating, std::int64_t> plans, commitments;
  std::int64_t plans_accepted = 0, commitments_accepted = 0;  //!< what could be rated
};
RatingDistribution rating_distribution(db::Connection& c, const std::string& path, int year);
RatingDistribution rating_distribution(db::Connection& c, const org::Scope& s, int year);

nlohmann::json to_json(const Meeting& m, bool with_attendance);
nlohmann::json to_json(const Evaluation& e);
nlohmann::json to_json(const MeetingSummary& s);
nlohmann::json to_json(const RatingDistribution& d);

}  // namespace ct05::meetings
