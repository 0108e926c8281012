// The quizzes part of `ct05 demo`: the shared bank of questions about President Ho Chi Minh (data/demo_bank.json,
// each with its source) in Thành ủy Bắc Kạn's bank; a live draw held in Khuổi Cuồng's thematic meeting of
// 19/5/2020; the commune's online round of May 2020 with its members' results; and a round open now (public
// too) that anyone may take.
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "kernel/clock.hpp"
#include "modules/meetings/storage/meeting_store.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/quizzes/module.hpp"
#include "modules/quizzes/storage/quiz_store.hpp"

namespace ct05::embedded {
const std::vector<EmbeddedFile>& quizzes_files();
}

namespace ct05::quizzes {

namespace {

template <class T>
T must(Result<T> r, const char* what) {
  if (!r) throw std::runtime_error(std::string("demo: ") + what + ": " + r.error().message);
  return std::move(*r);
}

std::string_view bank_json() {
  for (const auto& f : embedded::quizzes_files())
    if (f.path == "data/demo_bank.json") return f.data;
  throw std::runtime_error("demo: the question bank is not embedded");
}

// A fixed sequence, so the demo is the same on every load.
struct Lcg {
  std::uint32_t s;
  std::size_t operator()(std::size_t k) {
    s = s * 1664525u + 1013904223u;
    return static_cast<std::size_t>((s >> 8) % k);
  }
};

}  // namespace

void load_demo(db::Connection& c, DemoReport& report) {
  if (c.scalar("SELECT COUNT(*) FROM quiz_questions") > 0) {
    report.lines.push_back("Bộ câu hỏi hái hoa dân chủ đã có; không nạp lại.");
    return;
  }
  auto who = auth::system_principal();
  auto root = org::find_unit_by_code(c, "TU-BACKAN");
  auto commune = org::find_unit_by_code(c, "DB-NONGTHUONG");
  auto cell = org::find_unit_by_code(c, "CB-KHUOICUONG");
  if (!root || !commune || !cell) throw std::runtime_error("demo: the org tree must be loaded first");
  int questions = 0;
  for (const auto& q : nlohmann::json::parse(bank_json())) {
    QuestionInput in;
    in.kind = q.at("kind").get<std::string>();
    in.category = q.at("category").get<std::string>();
    in.difficulty = q.at("difficulty").get<int>();
    in.question = q.at("question").get<std::string>();
    in.options = q.at("options").get<std::vector<std::string>>();
    in.answer = q.at("answer").get<std::vector<int>>();
    in.explanation = q.at("explanation").get<std::string>();
    in.source = q.at("source").get<std::string>();
    must(create_question(c, who, root->id, in), "question");
    ++questions;
  }

  // The live draw of Khuổi Cuồng's thematic meeting on Uncle Ho's birthday, 2020.
  auto meeting = c.query_one("SELECT id FROM meetings WHERE unit_id = $1 AND held_on = '2020-05-19'", {cell->id});
  Lcg rand{2020};
  DrawInput din;
  din.unit_id = cell->id;
  if (meeting) din.meeting_id = meeting->i64(0);
  din.title = "Hái hoa dân chủ kỷ niệm 130 năm Ngày sinh Chủ tịch Hồ Chí Minh";
  din.flowers = 12;
  auto draw = must(open_draw(c, who, din), "draw");
  const char* teams[] = {"Tổ 1", "Tổ 2", "Tổ 3"};
  auto members = meetings::members_on(c, cell->id, "2020-05-19");
  for (int i = 1; i <= 8; ++i) {
    auto pick = must(pick_flower(c, who, draw.id, i, rand), "pick");
    std::string name = members.empty() ? "" : members[static_cast<std::size_t>(i) % members.size()].name;
    must(judge(c, who, draw.id, pick.id, name, teams[i % 3], i % 4 != 0, i % 4 != 0 ? 10 : 0), "judge");
  }
  must(close_draw(c, who, draw.id), "close");

  // The commune's round of May 2020, taken by members of its cells (written as it happened, with its dates).
  auto now = kernel::now_seconds();
  std::int64_t past = 0, answered = 0;
  {
    auto id = c.query_one("INSERT INTO quiz_rounds (unit_id, title, categories, questions_per_person, time_limit_seconds, "
                          "opens_at, closes_at, public, created_by, created_at) VALUES ($1, $2, '[]', 10, 900, "
                          "'2020-05-10T01:00:00Z', '2020-05-25T10:00:00Z', 0, $3, '2020-05-05T02:00:00Z') RETURNING id",
                          {commune->id, std::string("Thi tìm hiểu 130 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 – 19/5/2020)"),
                           std::string("Phượng Hoàng Minh")})
                  ->i64(0);
    past = id;
    auto scorable = pool(c, commune->path, {}, true);
    std::vector<std::int64_t> ids;
    for (const auto& q : scorable) ids.push_back(q.id);
    int n = 0;
    for (const auto& r : c.query("SELECT p.id, m.unit_id FROM persons p JOIN memberships m ON m.person_id = p.id "
                                 "AND m.valid_to IS NULL JOIN units u ON u.id = m.unit_id WHERE u.path >= $1 AND u.path < $2 "
                                 "AND p.is_party_member = 1 AND p.active = 1 ORDER BY p.id",
                                 {commune->path, db::subtree_end(commune->path)})) {
      if (++n % 3 == 0) continue;  // two members in three took part
      auto start = 1589940000 + n * 420;  // from 20/5/2020 09:00 Vietnam time, one every 7 minutes
      auto chosen = draw_distinct(ids, 10, rand);
      int score = 0;
      std::vector<std::vector<db::Value>> rows;
      for (std::size_t i = 0; i < chosen.size(); ++i) {
        auto q = *find_question(c, chosen[i]);
        // Members differ: some know nearly everything, some half.
        bool right = static_cast<int>((static_cast<std::size_t>(n) * 7 + i * 3) % 10) < 5 + n % 6;
        std::vector<int> given = right ? q.answer : std::vector<int>{q.answer.front() == 0 ? 1 : 0};
        score += right ? 1 : 0;
        rows.push_back({std::int64_t{static_cast<std::int64_t>(i + 1)}, chosen[i], indices_json(given),
                        kernel::format_iso(start + 40 * static_cast<std::int64_t>(i + 1)), std::int64_t{right ? 1 : 0}});
      }
      auto attempt = c.query_one("INSERT INTO quiz_attempts (round_id, person_id, unit_id, token, started_at, deadline_at, "
                                 "submitted_at, score, max_score) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 10) RETURNING id",
                                 {id, r.i64(0), r.i64(1), "demo-" + std::to_string(id) + "-" + std::to_string(n),
                                  kernel::format_iso(start), kernel::format_iso(start + 900),
                                  kernel::format_iso(start + 400 + (n % 7) * 30), std::int64_t{score}})
                         ->i64(0);
      for (auto& row : rows) row.insert(row.begin(), attempt);
      c.bulk_insert("quiz_attempt_questions", {"attempt_id", "position", "question_id", "answer", "answered_at", "correct"}, rows);
      ++answered;
    }
  }

  // A round open now for the whole city, citizens welcome.
  RoundInput rin;
  rin.unit_id = root->id;
  rin.title = "Thi trực tuyến tìm hiểu tư tưởng, đạo đức, phong cách Hồ Chí Minh";
  rin.questions_per_person = 10;
  rin.time_limit_minutes = 15;
  rin.opens_at = local_datetime(now - now % 3600 - 2 * 86400);
  rin.closes_at = local_datetime(now - now % 3600 + 60 * 86400);
  rin.is_public = true;
  auto open = must(create_round(c, who, rin), "round");
  report.lines.push_back("Hái hoa dân chủ: " + std::to_string(questions) + " câu hỏi có nguồn trong bộ câu hỏi chung; buổi hái hoa " +
                         "ngày 19/5/2020 ở Chi bộ thôn Khuổi Cuồng; đợt thi tháng 5/2020 (" + std::to_string(answered) +
                         " bài); đợt thi đang mở /quiz-rounds/" + std::to_string(open.id) + " (công khai: /quiz/" +
                         std::to_string(open.id) + ").");
  (void)past;
}

}  // namespace ct05::quizzes
