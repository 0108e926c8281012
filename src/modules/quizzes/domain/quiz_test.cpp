// The pure rules of quizzes: valid questions, scoring, Vietnam-time dates and drawing without repeats.
#include "modules/quizzes/domain/quiz.hpp"

#include <set>

#include <gtest/gtest.h>

#include "kernel/clock.hpp"

namespace ct05::quizzes {
namespace {

QuestionInput single(std::vector<std::string> options, std::vector<int> answer) {
  QuestionInput in;
  in.kind = "single";
  in.category = "cuoc_doi";
  in.difficulty = 1;
  in.question = "Chủ tịch Hồ Chí Minh sinh năm nào?";
  in.options = std::move(options);
  in.answer = std::move(answer);
  return in;
}

std::string first_field(const std::vector<FieldError>& e) { return e.empty() ? "" : e.front().field; }

TEST(Questions, ValidSingleMultipleAndOpen) {
  EXPECT_TRUE(validate(single({"1890", "1895", "1911"}, {0}), true).empty());
  auto multi = single({"Cần", "Kiệm", "Xa hoa", "Liêm"}, {0, 1, 3});
  multi.kind = "multiple";
  EXPECT_TRUE(validate(multi, true).empty());
  QuestionInput open;
  open.kind = "open";
  open.category = "nam_dieu";
  open.difficulty = 2;
  open.question = "Kể tên 5 điều Bác Hồ dạy thiếu niên, nhi đồng.";
  open.explanation = "Yêu Tổ quốc, yêu đồng bào; …";
  EXPECT_TRUE(validate(open, true).empty());
  open.explanation = "";
  EXPECT_EQ(first_field(validate(open, true)), "explanation");  // the host needs the expected answer
}

TEST(Questions, EachMistakeHasItsField) {
  EXPECT_EQ(first_field(validate(single({"1890", "1895"}, {0, 1}), true)), "answer");  // two right in a single
  EXPECT_EQ(first_field(validate(single({"1890", "1895"}, {2}), true)), "answer");     // out of range
  EXPECT_EQ(first_field(validate(single({"1890"}, {0}), true)), "options");            // one option
  EXPECT_EQ(first_field(validate(single({"1890", ""}, {0}), true)), "options");        // a blank option
  auto multi = single({"a", "b", "c"}, {1});
  multi.kind = "multiple";
  EXPECT_EQ(first_field(validate(multi, true)), "answer");  // a multiple needs two right
  auto bad = single({"a", "b"}, {0});
  bad.category = "khac";
  EXPECT_EQ(first_field(validate(bad, true)), "category");
  bad = single({"a", "b"}, {0});
  bad.difficulty = 4;
  EXPECT_EQ(first_field(validate(bad, true)), "difficulty");
  bad = single({"a", "b"}, {0});
  bad.question = std::string(1001, 'x');
  EXPECT_EQ(first_field(validate(bad, true)), "question");
  // 1000 Vietnamese letters are 1000 characters, though 2000+ bytes.
  std::string long_vn;
  for (int i = 0; i < 1000; ++i) long_vn += "ệ";
  bad.question = long_vn;
  EXPECT_TRUE(validate(bad, true).empty());
}

TEST(Scoring, ExactlyTheRightSet) {
  EXPECT_TRUE(is_correct(Kind::kSingle, {2}, {2}));
  EXPECT_FALSE(is_correct(Kind::kSingle, {2}, {1}));
  EXPECT_FALSE(is_correct(Kind::kSingle, {2}, {}));
  EXPECT_TRUE(is_correct(Kind::kMultiple, {0, 3}, {3, 0}));
  EXPECT_TRUE(is_correct(Kind::kMultiple, {0, 3}, {3, 0, 3}));
  EXPECT_FALSE(is_correct(Kind::kMultiple, {0, 3}, {0}));        // half is not right
  EXPECT_FALSE(is_correct(Kind::kMultiple, {0, 3}, {0, 1, 3}));  // nor is one too many
  EXPECT_FALSE(is_correct(Kind::kOpen, {}, {0}));
  EXPECT_EQ(parse_indices(indices_json({0, 2})), (std::vector<int>{0, 2}));
  EXPECT_TRUE(parse_indices("rác").empty());
  EXPECT_EQ(parse_strings(strings_json({"Cần", "“Kiệm”"})), (std::vector<std::string>{"Cần", "“Kiệm”"}));
}

TEST(Dates, VietnamTimeOnFormsUtcInStorage) {
  auto t = parse_local_datetime("2026-12-01T08:30");
  ASSERT_TRUE(t);
  EXPECT_EQ(kernel::format_iso(*t), "2026-12-01T01:30:00Z");
  EXPECT_EQ(local_datetime(*t), "2026-12-01T08:30");
  EXPECT_EQ(parse_iso("2026-12-01T01:30:00Z"), *t);
  EXPECT_EQ(kernel::format_iso(*parse_local_datetime("2027-01-01T03:00")), "2026-12-31T20:00:00Z");  // across a year
  EXPECT_FALSE(parse_local_datetime("2026-02-30T08:30"));
  EXPECT_FALSE(parse_local_datetime("2026-12-01T24:00"));
  EXPECT_FALSE(parse_local_datetime("mai 8 giờ"));
}

TEST(Draw, DistinctItemsAndNeverMoreThanThePool) {
  std::vector<int> pool(30);
  for (int i = 0; i < 30; ++i) pool[i] = i;
  unsigned seed = 7;
  auto rand = [&](std::size_t k) {
    seed = seed * 1103515245u + 12345u;
    return static_cast<std::size_t>((seed >> 8) % k);
  };
  for (int round = 0; round < 50; ++round) {
    auto picked = draw_distinct(pool, 10, rand);
    EXPECT_EQ(picked.size(), 10u);
    EXPECT_EQ(std::set<int>(picked.begin(), picked.end()).size(), 10u);
  }
  EXPECT_EQ(draw_distinct(pool, 99, rand).size(), 30u);
}

}  // namespace
}  // namespace ct05::quizzes
