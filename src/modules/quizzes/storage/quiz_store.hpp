#pragma once
// Question banks, live draws, online rounds and attempts in the database; every command checks permission first,
// then the input, and writes the change and its audit entry in one transaction. Draws use libsodium's random
// numbers; the clock is kernel::now_seconds(), so tests can move it past a deadline.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kernel/error.hpp"
#include "modules/org/storage/scope.hpp"
#include "modules/quizzes/domain/quiz.hpp"
#include "platform/auth/principal.hpp"
#include "platform/db/db.hpp"

namespace ct05::quizzes {

//! A uniform random number in [0, k): libsodium by default.
using Random = std::function<std::size_t(std::size_t)>;
std::size_t secure_random(std::size_t k);

// ---- questions
struct Question {
  std::int64_t id = 0, unit_id = 0;
  std::string unit_name, unit_path;
  Kind kind = Kind::kSingle;
  std::string category;
  int difficulty = 1;
  std::string question;
  std::vector<std::string> options;
  std::vector<int> answer;
  std::string explanation, source;
  bool active = true;
};
std::optional<Question> find_question(db::Connection& c, std::int64_t id);
Result<Question> get_question(db::Connection& c, const auth::Principal& who, std::int64_t id);
//! Adds a question to a unit's bank (kManageQuestions on the unit; the root's bank is the shared one).
Result<Question> create_question(db::Connection& c, const auth::Principal& who, std::int64_t unit_id, const QuestionInput& in);
Result<Question> update_question(db::Connection& c, const auth::Principal& who, std::int64_t id, const QuestionInput& in);
struct BankQuery {
  std::string category;  //!< "" for all
  std::string q;         //!< words, matched without diacritics
};
//! One unit's own bank, newest first, a page of it; and its size.
std::vector<Question> bank(db::Connection& c, std::int64_t unit_id, const BankQuery& q, int limit, int offset);
std::int64_t bank_size(db::Connection& c, std::int64_t unit_id, const BankQuery& q);
//! Active questions a unit may draw from: its own bank and those of the units above it, in the categories
//! given (all when empty); only those a machine can score when `scorable`.
std::vector<Question> pool(db::Connection& c, const std::string& unit_path, const std::vector<std::string>& cats, bool scorable);

//! What an import of a bank file did: every refused row with its reasons in Vietnamese, and how many were added.
struct ImportReport {
  std::size_t rows = 0;      //!< question rows read (the header not counted)
  std::size_t imported = 0;  //!< added to the bank
  std::vector<std::pair<std::size_t, std::string>> errors;  //!< (row number as Excel shows it, what is wrong)
};
//! Imports questions into a unit's bank from an XLSX (the columns of the export) or a CSV with the same header.
//! Nothing is added when any row is wrong, unless `valid_rows_only`; then the good rows are added in one
//! transaction and the others reported. A file that cannot be read is an Error::invalid on "file".
Result<ImportReport> import_bank(db::Connection& c, const auth::Principal& who, std::int64_t unit_id, std::string_view bytes,
                                 const std::string& filename, bool valid_rows_only);

// ---- live draws
struct Pick {
  std::int64_t id = 0;
  int position = 0;  //!< the flower, 1…flowers
  Question question;
  std::string participant, team;
  std::optional<bool> correct;  //!< the host's judgement
  int points = 0;
};
struct Draw {
  std::int64_t id = 0, unit_id = 0, meeting_id = 0;
  std::string unit_name, unit_path, meeting_date, title;
  std::vector<std::string> categories;
  int flowers = 0;
  bool open = true;
  std::string created_by;
  std::vector<Pick> picks;  //!< by flower
};
struct DrawInput {
  std::optional<std::int64_t> unit_id, meeting_id;
  std::optional<std::string> title;
  std::vector<std::string> categories;
  std::optional<int> flowers;
};
Result<Draw> open_draw(db::Connection& c, const auth::Principal& who, const DrawInput& in);
std::optional<Draw> find_draw(db::Connection& c, std::int64_t id);
Result<Draw> get_draw(db::Connection& c, const auth::Principal& who, std::int64_t id);
//! A participant picks a flower: it opens a question not yet drawn in this session (409 when the flower was
//! picked or the questions ran out).
Result<Pick> pick_flower(db::Connection& c, const auth::Principal& who, std::int64_t draw_id, int position,
                         const Random& rand = secure_random);
//! The host records who answered and whether it was right (and points, when the session counts them).
Result<Pick> judge(db::Connection& c, const auth::Principal& who, std::int64_t draw_id, std::int64_t pick_id,
                   const std::string& participant, const std::string& team, bool correct, int points);
//! Ends the session; when it was held in a meeting, the meeting records "hái hoa dân chủ" with the result.
Result<Draw> close_draw(db::Connection& c, const auth::Principal& who, std::int64_t draw_id);
std::vector<Draw> unit_draws(db::Connection& c, std::int64_t unit_id, int limit);

// ---- online rounds
struct Round {
  std::int64_t id = 0, unit_id = 0;
  std::string unit_name, unit_path, title;
  std::vector<std::string> categories;
  int questions_per_person = 10, time_limit_seconds = 900;
  std::string opens_at, closes_at;  //!< UTC ISO
  bool is_public = false;
  std::string created_by;
  //! "chưa mở", "đang mở", "đã đóng" against the clock.
  std::string state() const;
};
struct RoundInput {
  std::optional<std::int64_t> unit_id;
  std::optional<std::string> title, opens_at, closes_at;  //!< times as "YYYY-MM-DDTHH:MM", Vietnam time
  std::vector<std::string> categories;
  std::optional<int> questions_per_person, time_limit_minutes;
  bool is_public = false;
};
Result<Round> create_round(db::Connection& c, const auth::Principal& who, const RoundInput& in);
std::optional<Round> find_round(db::Connection& c, std::int64_t id);
Result<Round> get_round(db::Connection& c, const auth::Principal& who, std::int64_t id);
//! Rounds of a unit's subtree, newest first.
std::vector<Round> subtree_rounds(db::Connection& c, const std::string& path, int limit, int offset);
//! Rounds open to a person in a unit: those of the unit and of every unit above it.
std::vector<Round> rounds_for_unit(db::Connection& c, const std::string& unit_path, int limit);

struct AttemptQuestion {
  int position = 0;
  Question question;
  std::vector<int> given;
  bool answered = false;
  std::optional<bool> correct;  //!< once scored
};
struct Attempt {
  std::int64_t id = 0, round_id = 0, person_id = 0, unit_id = 0;
  std::string token, name, unit_name, citizen_commune;
  std::string started_at, deadline_at, submitted_at;
  std::optional<int> score;
  int max_score = 0;
  std::vector<AttemptQuestion> questions;
  bool finished() const { return !submitted_at.empty(); }
};
//! A member starts the round (or resumes it): one attempt per person, questions drawn for them, a deadline set
//! by the server (the time limit, or the round's close if sooner).
Result<Attempt> start_attempt(db::Connection& c, const auth::Principal& who, std::int64_t round_id,
                              const Random& rand = secure_random);
//! A citizen starts a public round with a name and a commune; at most kPublicAttemptsPerHour from one address.
Result<Attempt> start_public_attempt(db::Connection& c, std::int64_t round_id, const std::string& name,
                                     const std::string& commune, const std::string& ip, const Random& rand = secure_random);
constexpr int kPublicAttemptsPerHour = 5;
//! The attempt, scored first when its deadline has passed unsubmitted.
std::optional<Attempt> find_attempt(db::Connection& c, std::int64_t id);
std::optional<Attempt> find_attempt_by_token(db::Connection& c, const std::string& token);
//! May this principal see the attempt (its person, or the round's officers)?
bool may_see(const auth::Principal& who, const Attempt& a, const Round& r);
//! Saves answers (position → option indices) while the clock allows; refused (409) after the deadline or once
//! submitted. Positions not given keep their answers.
Result<Attempt> save_answers(db::Connection& c, const Attempt& a, const std::map<int, std::vector<int>>& answers);
//! Saves the last answers and scores the attempt.
Result<Attempt> submit_attempt(db::Connection& c, const Attempt& a, const std::map<int, std::vector<int>>& answers);

// ---- results
struct UnitResult {
  std::int64_t unit_id = 0;
  std::string name;
  std::int64_t members = 0, participants = 0;
  double average = 0;  //!< mean score of the finished attempts
};
struct Ranked {
  std::string name, where;  //!< the person's unit, or the citizen's commune
  int score = 0, max_score = 0;
  std::int64_t seconds = 0;
  bool citizen = false;
  std::int64_t person_id = 0;
};
struct RoundResults {
  UnitResult total;                 //!< the round's whole subtree
  std::vector<UnitResult> children;  //!< each direct child with members
  std::int64_t citizens = 0;
  std::vector<Ranked> ranking;  //!< best first (score, then time), a page of it
  std::int64_t ranked = 0;      //!< finished attempts
};
RoundResults results(db::Connection& c, const Round& r, int limit, int offset);
//! Participation and averages over a subtree across its rounds of a year (the dashboards).
struct QuizSummary {
  std::int64_t rounds = 0, attempts = 0, draws = 0, picks = 0;
  double average_percent = 0;
};
QuizSummary summary(db::Connection& c, const std::string& path, int year);
//! The same over a scope (org/storage/scope.hpp).
QuizSummary summary(db::Connection& c, const org::Scope& scope, int year);

nlohmann::json to_json(const Question& q, bool with_answer);
nlohmann::json to_json(const Draw& d);
nlohmann::json to_json(const Round& r);
nlohmann::json to_json(const Attempt& a, bool with_answers);
nlohmann::json to_json(const RoundResults& r);

}  // namespace ct05::quizzes
