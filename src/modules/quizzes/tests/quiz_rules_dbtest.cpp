// Quizzes on both engines: live draws never repeat a question, the server's clock ends an attempt, one attempt
// per person, scoring, participation and averages by unit, the public round's limit, and who keeps which bank.
#include <set>

#include <gtest/gtest.h>

#include "kernel/clock.hpp"
#include "modules/meetings/storage/meeting_store.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/people/storage/person_store.hpp"
#include "modules/quizzes/storage/quiz_store.hpp"
#include "platform/xlsx/xlsx_writer.hpp"
#include "support/factories.hpp"
#include "support/test_db.hpp"
#include "support/xlsx_fixture.hpp"

namespace ct05::quizzes {
namespace {

// 2026-12-01 08:00 in Vietnam.
constexpr std::int64_t kNow = 1796086800;

class QuizRules : public ::testing::Test {
 protected:
  void SetUp() override {
    kernel::set_fixed_time(kNow);
    auto& c = db.conn();
    using testing::make_unit;
    root = make_unit(c, "TU-X", "Thành ủy X", "thanh_uy", 0);
    commune = make_unit(c, "DB-A", "Đảng bộ xã A", "dang_bo_co_so", root.id);
    cell1 = make_unit(c, "CB-A1", "Chi bộ thôn A1", "chi_bo", commune.id);
    cell2 = make_unit(c, "CB-A2", "Chi bộ thôn A2", "chi_bo", commune.id);
    ward = make_unit(c, "DB-B", "Đảng bộ phường B", "dang_bo_co_so", root.id);
    member1 = testing::make_member(c, "Hoàng Văn An", cell1.id);
    member2 = testing::make_member(c, "Nông Thị Bình", cell1.id);
    member3 = testing::make_member(c, "Lý Văn Cư", cell2.id);
    outsider = testing::make_member(c, "Đinh Thị Dung", ward.id);
    for (int i = 1; i <= 6; ++i) {
      QuestionInput in;
      in.kind = "single";
      in.category = i <= 3 ? "cuoc_doi" : "dao_duc";
      in.difficulty = 1;
      in.question = "Câu hỏi một đáp án số " + std::to_string(i);
      in.options = std::vector<std::string>{"A", "B", "C", "D"};
      in.answer = std::vector<int>{i % 4};
      EXPECT_TRUE(create_question(c, sys, root.id, in));
    }
    for (int i = 1; i <= 2; ++i) {
      QuestionInput in;
      in.kind = "multiple";
      in.category = "dao_duc";
      in.difficulty = 2;
      in.question = "Câu hỏi nhiều đáp án số " + std::to_string(i);
      in.options = std::vector<std::string>{"Cần", "Kiệm", "Liêm", "Xa hoa"};
      in.answer = std::vector<int>{0, 1, 2};
      EXPECT_TRUE(create_question(c, sys, root.id, in));
    }
    QuestionInput open;
    open.kind = "open";
    open.category = "nam_dieu";
    open.difficulty = 1;
    open.question = "Kể tên 5 điều Bác Hồ dạy";
    open.explanation = "Yêu Tổ quốc, yêu đồng bào; …";
    EXPECT_TRUE(create_question(c, sys, root.id, open));
    commune_officer = principal(auth::Role::kPhuTrach, commune);
    cell_officer = principal(auth::Role::kPhuTrach, cell1);
    leader = principal(auth::Role::kLanhDao, root);
    m1 = principal(auth::Role::kDangVien, cell1, member1);
    m2 = principal(auth::Role::kDangVien, cell1, member2);
    m3 = principal(auth::Role::kDangVien, cell2, member3);
    out = principal(auth::Role::kDangVien, ward, outsider);
  }
  void TearDown() override { kernel::set_fixed_time(0); }
  static auth::Principal principal(auth::Role role, const org::Unit& u, std::int64_t person = 0) {
    return testing::principal_on(role, u, person);
  }
  Round round(int per = 4, int minutes = 5, std::int64_t closes_in = 86400) {
    RoundInput in;
    in.unit_id = commune.id;
    in.title = "Thi tìm hiểu";
    in.questions_per_person = per;
    in.time_limit_minutes = minutes;
    in.opens_at = local_datetime(kNow - 3600);
    in.closes_at = local_datetime(kNow + closes_in);
    in.is_public = true;
    auto r = create_round(db.conn(), commune_officer, in);
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return *r;
  }
  std::map<int, std::vector<int>> right_answers(const Attempt& a) {
    std::map<int, std::vector<int>> out;
    for (const auto& q : a.questions) out[q.position] = q.question.answer;
    return out;
  }

  testing::TestDb db;
  auth::Principal sys = auth::system_principal();
  org::Unit root, commune, cell1, cell2, ward;
  std::int64_t member1 = 0, member2 = 0, member3 = 0, outsider = 0;
  auth::Principal commune_officer, cell_officer, leader, m1, m2, m3, out;
};

TEST_F(QuizRules, ALiveDrawNeverRepeatsAQuestion) {
  auto& c = db.conn();
  meetings::MeetingInput mi;
  mi.unit_id = cell1.id;
  mi.held_on = "2026-11-19";
  mi.kind = "chuyen_de";
  mi.topic = "Chuyên đề";
  auto meeting = *meetings::create_meeting(c, sys, mi, {});
  DrawInput in;
  in.unit_id = cell1.id;
  in.meeting_id = meeting.id;
  in.title = "Hái hoa";
  in.flowers = 10;
  EXPECT_EQ(open_draw(c, cell_officer, in).error().fields.at(0).field, "flowers");  // only 9 questions
  in.flowers = 9;
  EXPECT_EQ(open_draw(c, leader, in).error().code, ErrorCode::kForbidden);
  auto d = open_draw(c, cell_officer, in);
  ASSERT_TRUE(d) << d.error().message;
  // Even a random source that always says "the first one" cannot make a question come twice.
  auto first = [](std::size_t) { return std::size_t{0}; };
  std::set<std::int64_t> seen;
  for (int n = 1; n <= 9; ++n) {
    auto p = pick_flower(c, cell_officer, d->id, n, first);
    ASSERT_TRUE(p) << p.error().message;
    EXPECT_TRUE(seen.insert(p->question.id).second) << "question " << p->question.id << " drawn twice";
  }
  EXPECT_EQ(seen.size(), 9u);
  EXPECT_EQ(pick_flower(c, cell_officer, d->id, 3).error().code, ErrorCode::kConflict);   // picked already
  EXPECT_EQ(pick_flower(c, cell_officer, d->id, 10).error().code, ErrorCode::kInvalid);  // no such flower
  EXPECT_EQ(pick_flower(c, leader, d->id, 1).error().code, ErrorCode::kForbidden);
  auto picks = find_draw(c, d->id)->picks;
  EXPECT_TRUE(judge(c, cell_officer, d->id, picks[0].id, "Hoàng Văn An", "Tổ 1", true, 10));
  EXPECT_TRUE(judge(c, cell_officer, d->id, picks[1].id, "Nông Thị Bình", "Tổ 2", false, 0));
  EXPECT_EQ(judge(c, cell_officer, d->id, picks[2].id, "X", "", true, 101).error().fields.at(0).field, "points");
  // Closing saves the result to the meeting.
  ASSERT_TRUE(close_draw(c, cell_officer, d->id));
  auto m = *meetings::find_meeting(c, meeting.id);
  EXPECT_TRUE(m.quiz_held);
  EXPECT_NE(m.quiz_note.find("9 câu hỏi, 1 câu trả lời đúng"), std::string::npos) << m.quiz_note;
  EXPECT_EQ(pick_flower(c, cell_officer, d->id, 1).error().code, ErrorCode::kConflict);  // closed
  // Another session may ask the same questions again; when the pool runs dry it says so.
  in.flowers = 2;
  in.meeting_id.reset();
  in.categories = {"nam_dieu"};
  EXPECT_EQ(open_draw(c, cell_officer, in).error().fields.at(0).field, "flowers");  // one open question only
  in.flowers = 1;
  auto again = *open_draw(c, cell_officer, in);
  EXPECT_TRUE(pick_flower(c, cell_officer, again.id, 1));
  in.categories = {"cuoc_doi"};
  in.flowers = 3;
  auto third = *open_draw(c, cell_officer, in);
  ASSERT_TRUE(pick_flower(c, cell_officer, third.id, 1));
  c.exec("UPDATE quiz_questions SET active = 0 WHERE category = 'cuoc_doi'");
  EXPECT_EQ(pick_flower(c, cell_officer, third.id, 2).error().code, ErrorCode::kConflict);  // nothing left to draw
}

TEST_F(QuizRules, TheServersClockEndsTheAttempt) {
  auto& c = db.conn();
  auto r = round(4, 5);
  auto a = start_attempt(c, m1, r.id);
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(a->questions.size(), 4u);
  EXPECT_EQ(a->deadline_at, kernel::format_iso(kNow + 300));
  for (const auto& q : a->questions) EXPECT_NE(q.question.kind, Kind::kOpen);  // only what a machine can score
  auto right = right_answers(*a);
  kernel::set_fixed_time(kNow + 120);
  ASSERT_TRUE(save_answers(c, *a, {{1, right[1]}, {2, right[2]}}));
  // Six minutes in: the answer comes too late, whatever the browser shows.
  kernel::set_fixed_time(kNow + 360);
  auto late = save_answers(c, *find_attempt(c, a->id), {{3, right[3]}});
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, ErrorCode::kConflict);
  // The attempt is scored with what was saved in time, and cannot be submitted again.
  auto after = *find_attempt(c, a->id);
  EXPECT_TRUE(after.finished());
  EXPECT_EQ(after.score, 2);
  EXPECT_EQ(after.submitted_at, a->deadline_at);
  EXPECT_EQ(submit_attempt(c, after, {}).error().code, ErrorCode::kConflict);
  // A round that closes before the time limit ends the attempt at its close.
  kernel::set_fixed_time(kNow);
  auto short_round = round(2, 60, 600);
  auto b = *start_attempt(c, m1, short_round.id);
  EXPECT_EQ(b.deadline_at, kernel::format_iso(parse_iso(short_round.closes_at)));
}

TEST_F(QuizRules, OneAttemptPerPersonAndOnlyForTheSubtree) {
  auto& c = db.conn();
  auto r = round();
  auto a = *start_attempt(c, m1, r.id);
  EXPECT_EQ(start_attempt(c, m1, r.id)->id, a.id);  // resuming gives the same questions back
  ASSERT_TRUE(submit_attempt(c, a, right_answers(a)));
  auto again = start_attempt(c, m1, r.id);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(start_attempt(c, out, r.id).error().code, ErrorCode::kForbidden);     // another ward
  EXPECT_EQ(start_attempt(c, leader, r.id).error().code, ErrorCode::kForbidden);  // no person record
  EXPECT_EQ(c.scalar("SELECT COUNT(*) FROM quiz_attempts WHERE round_id = $1", {r.id}), 1);
  // Before it opens and after it closes nobody starts.
  kernel::set_fixed_time(kNow - 7200);
  EXPECT_EQ(start_attempt(c, m2, r.id).error().code, ErrorCode::kConflict);
  kernel::set_fixed_time(kNow + 2 * 86400);
  EXPECT_EQ(start_attempt(c, m2, r.id).error().code, ErrorCode::kConflict);
}

TEST_F(QuizRules, ScoringCountsExactlyRightAnswers) {
  auto& c = db.conn();
  auto r = round(8, 10);
  auto a = *start_attempt(c, m1, r.id);
  ASSERT_EQ(a.questions.size(), 8u);  // the whole scorable pool
  std::map<int, std::vector<int>> given;
  int expected = 0;
  for (const auto& q : a.questions) {
    auto right = q.question.answer;
    if (q.position % 2 == 0) {
      given[q.position] = right;  // right
      ++expected;
    } else if (q.question.kind == Kind::kMultiple) {
      given[q.position] = {right.front()};  // only part of the right set
    } else {
      given[q.position] = {(right.front() + 1) % 4};  // wrong
    }
  }
  auto done = submit_attempt(c, a, given);
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(done->score, expected);
  EXPECT_EQ(done->max_score, 8);
  int marked = 0;
  for (const auto& q : done->questions) marked += q.correct.value_or(false) ? 1 : 0;
  EXPECT_EQ(marked, expected);
  EXPECT_EQ(save_answers(c, *done, {{1, {0}}}).error().code, ErrorCode::kConflict);  // submitted
  EXPECT_EQ(save_answers(c, *start_attempt(c, m2, r.id), {{1, {7}}}).error().code, ErrorCode::kInvalid);  // no option 8
}

TEST_F(QuizRules, ParticipationAndAveragesByUnit) {
  auto& c = db.conn();
  auto r = round(4, 10);
  auto a1 = *start_attempt(c, m1, r.id);
  ASSERT_TRUE(submit_attempt(c, a1, right_answers(a1)));  // 4/4
  auto a2 = *start_attempt(c, m2, r.id);
  ASSERT_TRUE(submit_attempt(c, a2, {}));  // 0/4
  auto a3 = *start_attempt(c, m3, r.id);   // started, not yet submitted: not counted
  auto res = results(c, r, 50, 0);
  EXPECT_EQ(res.total.members, 3);
  EXPECT_EQ(res.total.participants, 2);
  EXPECT_DOUBLE_EQ(res.total.average, 2.0);
  ASSERT_EQ(res.children.size(), 2u);
  EXPECT_EQ(res.children[0].name, "Chi bộ thôn A1");
  EXPECT_EQ(res.children[0].participants, 2);
  EXPECT_EQ(res.children[0].members, 2);
  EXPECT_EQ(res.children[1].participants, 0);
  ASSERT_EQ(res.ranking.size(), 2u);
  EXPECT_EQ(res.ranking[0].name, "Hoàng Văn An");
  EXPECT_EQ(res.ranking[0].score, 4);
  // Once the clock has run out, the unsubmitted attempt counts with what it saved (nothing).
  kernel::set_fixed_time(kNow + 3600);
  res = results(c, r, 50, 0);
  EXPECT_EQ(res.total.participants, 3);
  EXPECT_EQ(res.children[1].participants, 1);
  auto s = summary(c, commune.path, 2026);
  EXPECT_EQ(s.rounds, 1);
  EXPECT_EQ(s.attempts, 3);
  EXPECT_NEAR(s.average_percent, 100.0 * 4 / 12, 0.01);
  (void)a3;
}

TEST_F(QuizRules, ACitizenTakesAPublicRoundWithinTheLimit) {
  auto& c = db.conn();
  auto r = round();
  EXPECT_EQ(start_public_attempt(c, r.id, "", "Nông Thượng", "10.0.0.1").error().fields.at(0).field, "name");
  EXPECT_EQ(start_public_attempt(c, r.id, "Hà Văn Em", "", "10.0.0.1").error().fields.at(0).field, "commune");
  for (int i = 0; i < kPublicAttemptsPerHour; ++i) ASSERT_TRUE(start_public_attempt(c, r.id, "Hà Văn Em", "Nông Thượng", "10.0.0.1"));
  auto sixth = start_public_attempt(c, r.id, "Hà Văn Em", "Nông Thượng", "10.0.0.1");
  ASSERT_FALSE(sixth);
  EXPECT_EQ(sixth.error().code, ErrorCode::kTooManyRequests);
  EXPECT_TRUE(start_public_attempt(c, r.id, "Hà Thị Gấm", "Nông Thượng", "10.0.0.2"));  // another address
  // Citizens are ranked but not counted as members.
  auto citizen = *find_attempt_by_token(c, c.query_one("SELECT token FROM quiz_attempts WHERE ip = '10.0.0.2'")->str(0));
  ASSERT_TRUE(submit_attempt(c, citizen, right_answers(citizen)));
  auto res = results(c, r, 50, 0);
  EXPECT_EQ(res.total.participants, 0);
  EXPECT_TRUE(res.ranking.at(0).citizen);
  kernel::set_fixed_time(kNow + 3601);
  EXPECT_TRUE(start_public_attempt(c, r.id, "Hà Văn Em", "Nông Thượng", "10.0.0.1"));  // an hour later
  // A round that is not public has no public door.
  c.exec("UPDATE quiz_rounds SET public = 0 WHERE id = $1", {r.id});
  EXPECT_EQ(start_public_attempt(c, r.id, "Hà Văn Em", "Nông Thượng", "10.0.0.3").error().code, ErrorCode::kNotFound);
  // The five unsubmitted ones of the first address ran out of time and count, scored as they were (nothing);
  // the one started an hour later is still running.
  EXPECT_EQ(results(c, r, 50, 0).citizens, 6);
}

TEST_F(QuizRules, EachUnitKeepsItsBankAndDrawsFromTheBanksAbove) {
  auto& c = db.conn();
  QuestionInput in;
  in.kind = "single";
  in.category = "dia_phuong";
  in.difficulty = 1;
  in.question = "Thôn A1 thuộc xã nào?";
  in.options = std::vector<std::string>{"Xã A", "Phường B"};
  in.answer = std::vector<int>{0};
  EXPECT_EQ(create_question(c, cell_officer, root.id, in).error().code, ErrorCode::kForbidden);  // not the shared bank
  EXPECT_EQ(create_question(c, m1, cell1.id, in).error().code, ErrorCode::kForbidden);
  auto mine = create_question(c, cell_officer, cell1.id, in);
  ASSERT_TRUE(mine);
  EXPECT_EQ(pool(c, cell1.path, {"dia_phuong"}, true).size(), 1u);
  EXPECT_EQ(pool(c, cell2.path, {"dia_phuong"}, true).size(), 0u);  // a sibling's bank is not shared
  EXPECT_EQ(pool(c, cell1.path, {}, false).size(), 10u);             // its own and the city's
  EXPECT_EQ(bank_size(c, cell1.id, {}), 1);
  EXPECT_EQ(bank_size(c, root.id, {"", "cau hoi nhieu dap an"}), 2);  // search without diacritics
  EXPECT_EQ(get_question(c, m1, mine->id).error().code, ErrorCode::kForbidden);  // answers stay with the keepers
  QuestionInput change;
  change.answer = std::vector<int>{5};
  EXPECT_EQ(update_question(c, cell_officer, mine->id, change).error().fields.at(0).field, "answer");
  EXPECT_EQ(c.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'question.create'"), 10);
}

TEST_F(QuizRules, BanksImportFromXlsxAndCsvAllOrNothing) {
  auto& c = db.conn();
  // What the export writes (libxlsxwriter) is what the import reads.
  xlsx::Table sheet{"Câu hỏi",
                    {{"Chủ đề"}, {"Loại"}, {"Độ khó"}, {"Câu hỏi"}, {"Phương án A"}, {"Phương án B"}, {"Phương án C"},
                     {"Đáp án"}, {"Giải thích"}, {"Nguồn"}},
                    {{std::string("Cuộc đời và sự nghiệp của Bác"), std::string("single"), std::int64_t{1},
                      std::string("Bác sinh năm nào?"), std::string("1890"), std::string("1911"), std::string("1945"),
                      std::string("A"), std::string("19/5/1890"), std::string("Bảo tàng Hồ Chí Minh")},
                     {std::string("dao_duc"), std::string("Nhiều đáp án"), std::int64_t{2}, std::string("Những đức tính nào?"),
                      std::string("Cần"), std::string("Kiệm"), std::string("Xa hoa"), std::string("A,B"), std::string(""),
                      std::string("")}}};
  auto ok = import_bank(c, cell_officer, cell1.id, xlsx::write({sheet}), "bo-cau-hoi.xlsx", false);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->imported, 2u);
  EXPECT_TRUE(ok->errors.empty());
  EXPECT_EQ(bank_size(c, cell1.id, {}), 2);
  auto multi = bank(c, cell1.id, {"dao_duc", ""}, 10, 0).at(0);
  EXPECT_EQ(multi.kind, Kind::kMultiple);
  EXPECT_EQ(multi.answer, (std::vector<int>{0, 1}));

  // A bad row stops the whole file; each bad row is named with its reason.
  auto bad = testing::xlsx_from_rows({{"Chủ đề", "Loại", "Độ khó", "Câu hỏi", "Phương án A", "Phương án B", "Đáp án"},
                                      {"dao_duc", "single", "=1", "Cần là gì?", "Siêng năng", "Lười", "A"},
                                      {"Chủ đề lạ", "single", "=1", "Câu hai", "x", "y", "A"},
                                      {"dao_duc", "single", "=5", "Câu ba", "x", "y", "C"}});
  auto refused = import_bank(c, cell_officer, cell1.id, bad, "sai.xlsx", false);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->imported, 0u);
  ASSERT_EQ(refused->errors.size(), 2u);
  EXPECT_EQ(refused->errors[0].first, 3u);  // the row number Excel shows
  EXPECT_NE(refused->errors[0].second.find("chủ đề"), std::string::npos);
  EXPECT_EQ(refused->errors[1].first, 4u);
  EXPECT_EQ(bank_size(c, cell1.id, {}), 2);  // nothing written
  // Asked to, the good rows go in.
  auto partial = import_bank(c, cell_officer, cell1.id, bad, "sai.xlsx", true);
  EXPECT_EQ(partial->imported, 1u);
  EXPECT_EQ(bank_size(c, cell1.id, {}), 3);

  // A CSV with Excel's BOM and semicolons; a file that is not a spreadsheet; a header without the needed columns.
  std::string csv = "\xEF\xBB\xBF" "Chủ đề;Loại;Độ khó;Câu hỏi;Phương án A;Phương án B;Đáp án\r\n"
                    "nam_dieu;single;1;Điều thứ nhất là gì?;Yêu Tổ quốc, yêu đồng bào;Học tập tốt;A\r\n";
  EXPECT_EQ(import_bank(c, cell_officer, cell1.id, csv, "5-dieu.csv", false)->imported, 1u);
  EXPECT_EQ(import_bank(c, cell_officer, cell1.id, "<html>không phải bảng tính</html>", "x.xlsx", false).error().fields.at(0).field, "file");
  auto no_answer = testing::xlsx_from_rows({{"Chủ đề", "Loại", "Câu hỏi"}, {"dao_duc", "single", "Câu"}});
  auto missing = import_bank(c, cell_officer, cell1.id, no_answer, "x.xlsx", false);
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().fields.at(0).message.find("Độ khó, Đáp án"), std::string::npos);
  // Only the bank's keepers import.
  EXPECT_EQ(import_bank(c, m1, cell1.id, csv, "5-dieu.csv", false).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(c.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'question.import'"), 3);
}

}  // namespace
}  // namespace ct05::quizzes
