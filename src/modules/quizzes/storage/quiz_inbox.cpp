#include "modules/quizzes/storage/quiz_inbox.hpp"

#include "kernel/clock.hpp"
#include "modules/org/domain/unit.hpp"
#include "modules/people/storage/person_store.hpp"
#include "platform/inbox/inbox.hpp"

namespace ct05::quizzes {

namespace {

// The rounds of the units on the person's path (quiz_rounds_unit) open at $1, without an attempt of person $2
// (quiz_attempts_person); the units' ids are appended. Started and unfinished counts as attempted: the round's
// page resumes it, and one attempt per person is the rule.
constexpr const char* kOpenColumns = "SELECT r.id, r.title, u.name, r.opens_at ";
constexpr const char* kOpenFrom =
    "FROM quiz_rounds r JOIN units u ON u.id = r.unit_id WHERE r.opens_at <= $1 AND r.closes_at > $1 AND NOT EXISTS "
    "(SELECT 1 FROM quiz_attempts a WHERE a.round_id = r.id AND a.person_id = $2) AND r.unit_id IN ";

struct Query {
  std::string from;
  db::Params params;
};

// As start_attempt() decides: a person with a current unit, whose account may take quizzes there.
std::optional<Query> open_rounds(db::Connection& c, const auth::Principal& who) {
  if (who.person_id == 0) return std::nullopt;
  auto person = people::find_person(c, who.person_id);
  if (!person || !person->active || person->unit_id == 0 ||
      !auth::allowed(who, auth::Action::kTakeQuiz, {person->unit_path, who.person_id}))
    return std::nullopt;
  auto ids = org::path_ids(person->unit_path);
  if (ids.empty()) return std::nullopt;
  Query q{std::string(kOpenFrom) + db::placeholders(ids.size(), 3), {kernel::now_iso(), who.person_id}};
  q.params.insert(q.params.end(), ids.begin(), ids.end());
  return q;
}

}  // namespace

void declare_inbox() {
  inbox::add_source(inbox::Source{
      "quizzes.take", "Đợt thi trực tuyến đang mở",
      [](db::Connection& c, const auth::Principal& who) -> std::int64_t {
        auto q = open_rounds(c, who);
        return q ? c.scalar("SELECT COUNT(*) " + q->from, q->params) : 0;
      },
      [](db::Connection& c, const auth::Principal& who, int limit) {
        std::vector<inbox::Item> out;
        auto q = open_rounds(c, who);
        if (!q) return out;
        q->params.emplace_back(std::int64_t{limit});
        for (const auto& r :
             c.query(kOpenColumns + q->from + " ORDER BY r.opens_at, r.id LIMIT $" + std::to_string(q->params.size()),
                     q->params))
          out.push_back(
              inbox::Item{"Dự thi: " + r.str(1), r.str(2), r.str(3), "/quiz-rounds/" + std::to_string(r.i64(0))});
        return out;
      }});
}

}  // namespace ct05::quizzes
