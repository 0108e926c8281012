#include "modules/quizzes/storage/quiz_store.hpp"

#include <algorithm>
#include <set>

#include <sodium.h>

#include "kernel/clock.hpp"
#include "kernel/text.hpp"
#include "modules/meetings/storage/meeting_store.hpp"
#include "modules/org/domain/unit.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/crypto.hpp"
#include "platform/csv/csv_reader.hpp"
#include "platform/xlsx/xlsx_reader.hpp"

namespace ct05::quizzes {

namespace {

constexpr const char* kSelectQuestion =
    "SELECT q.id, q.unit_id, u.name, u.path, q.kind, q.category, q.difficulty, q.question, q.options, q.answer, "
    "q.explanation, q.source, q.active FROM quiz_questions q JOIN units u ON u.id = q.unit_id ";
constexpr const char* kInsertQuestion =
    "INSERT INTO quiz_questions (unit_id, kind, category, difficulty, question, options, answer, explanation, source, "
    "active, search_text, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $11, $12, $13) "
    "RETURNING id";
constexpr const char* kUpdateQuestion =
    "UPDATE quiz_questions SET kind = $1, category = $2, difficulty = $3, question = $4, options = $5, answer = $6, "
    "explanation = $7, source = $8, active = $9, search_text = $10, updated_at = $11 WHERE id = $12";
constexpr const char* kSelectDraw =
    "SELECT d.id, d.unit_id, u.name, u.path, COALESCE(d.meeting_id, 0), COALESCE(m.held_on, ''), d.title, d.categories, "
    "d.flowers, d.status, d.created_by FROM draw_sessions d JOIN units u ON u.id = d.unit_id "
    "LEFT JOIN meetings m ON m.id = d.meeting_id ";
constexpr const char* kSelectPicks =
    "SELECT id, position, question_id, participant, team, correct, points FROM draw_picks WHERE session_id = $1 "
    "ORDER BY position";
constexpr const char* kSelectRound =
    "SELECT r.id, r.unit_id, u.name, u.path, r.title, r.categories, r.questions_per_person, r.time_limit_seconds, "
    "r.opens_at, r.closes_at, r.public, r.created_by FROM quiz_rounds r JOIN units u ON u.id = r.unit_id ";
constexpr const char* kSelectAttempt =
    "SELECT a.id, a.round_id, COALESCE(a.person_id, 0), COALESCE(a.unit_id, 0), a.token, "
    "COALESCE(p.full_name, a.citizen_name), COALESCE(u.name, ''), a.citizen_commune, a.started_at, a.deadline_at, "
    "COALESCE(a.submitted_at, ''), a.score, a.max_score FROM quiz_attempts a LEFT JOIN persons p ON p.id = a.person_id "
    "LEFT JOIN units u ON u.id = a.unit_id ";
constexpr const char* kSelectAttemptQuestions =
    "SELECT position, question_id, answer, correct FROM quiz_attempt_questions WHERE attempt_id = $1 ORDER BY position";

Question question_from(const db::Row& r) {
  Question q;
  q.id = r.i64(0);
  q.unit_id = r.i64(1);
  q.unit_name = r.str(2);
  q.unit_path = r.str(3);
  q.kind = parse_kind(r.str(4)).value_or(Kind::kSingle);
  q.category = r.str(5);
  q.difficulty = static_cast<int>(r.i64(6));
  q.question = r.str(7);
  q.options = parse_strings(r.str(8));
  q.answer = parse_indices(r.str(9));
  q.explanation = r.str(10);
  q.source = r.str(11);
  q.active = r.i64(12) == 1;
  return q;
}

//! The questions with these ids, in one query (attempts and draws list several).
std::map<std::int64_t, Question> questions_by_id(db::Connection& c, const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, Question> out;
  if (ids.empty()) return out;
  db::Params p(ids.begin(), ids.end());
  for (const auto& r : c.query(std::string(kSelectQuestion) + "WHERE q.id IN " + db::placeholders(ids.size()), p))
    out.emplace(r.i64(0), question_from(r));
  return out;
}

std::string folded(const QuestionInput& in) {
  std::string text = in.question.value_or("");
  for (const auto& o : in.options.value_or(std::vector<std::string>{})) text += " " + o;
  return kernel::fold(text + " " + in.source.value_or(""));
}

std::vector<std::string> checked_categories(const std::vector<std::string>& cats, std::vector<FieldError>& e) {
  std::vector<std::string> out;
  for (const auto& c : cats) {
    if (c.empty()) continue;
    if (category_label(c).empty()) {
      e.push_back({"categories", "Chủ đề “" + c + "” không có trong danh mục."});
      continue;
    }
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
  return out;
}

std::string cats_json(const std::vector<std::string>& v) { return strings_json(v); }

//! The banks a unit draws from: itself and every unit above it.
std::string bank_filter(const std::string& unit_path, db::Params& p) {
  auto ids = org::path_ids(unit_path);
  if (ids.empty()) return " AND 1 = 0";
  std::string in = " AND q.unit_id IN " + db::placeholders(ids.size(), p.size() + 1);
  for (auto id : ids) p.push_back(id);
  return in;
}

Round round_from(const db::Row& r) {
  Round x;
  x.id = r.i64(0);
  x.unit_id = r.i64(1);
  x.unit_name = r.str(2);
  x.unit_path = r.str(3);
  x.title = r.str(4);
  x.categories = parse_strings(r.str(5));
  x.questions_per_person = static_cast<int>(r.i64(6));
  x.time_limit_seconds = static_cast<int>(r.i64(7));
  x.opens_at = r.str(8);
  x.closes_at = r.str(9);
  x.is_public = r.i64(10) == 1;
  x.created_by = r.str(11);
  return x;
}

Attempt attempt_from(db::Connection& c, const db::Row& r) {
  Attempt a;
  a.id = r.i64(0);
  a.round_id = r.i64(1);
  a.person_id = r.i64(2);
  a.unit_id = r.i64(3);
  a.token = r.str(4);
  a.name = r.str(5);
  a.unit_name = r.str(6);
  a.citizen_commune = r.str(7);
  a.started_at = r.str(8);
  a.deadline_at = r.str(9);
  a.submitted_at = r.str(10);
  if (!r.null(11)) a.score = static_cast<int>(r.i64(11));
  a.max_score = static_cast<int>(r.i64(12));
  auto rows = c.query(kSelectAttemptQuestions, {a.id});
  std::vector<std::int64_t> ids;
  for (const auto& q : rows) ids.push_back(q.i64(1));
  auto questions = questions_by_id(c, ids);
  for (const auto& q : rows) {
    AttemptQuestion aq;
    aq.position = static_cast<int>(q.i64(0));
    if (auto it = questions.find(q.i64(1)); it != questions.end()) aq.question = it->second;
    aq.answered = !q.null(2);
    if (aq.answered) aq.given = parse_indices(q.str(2));
    if (!q.null(3)) aq.correct = q.i64(3) == 1;
    a.questions.push_back(std::move(aq));
  }
  return a;
}

//! Scores an attempt and closes it, as of `at` (its submission, or its deadline when the clock ran out).
void finalize(db::Connection& c, const Attempt& a, const std::string& at) {
  int score = 0;
  for (const auto& q : a.questions) {
    bool ok = q.answered && is_correct(q.question.kind, q.question.answer, q.given);
    score += ok ? 1 : 0;
    c.exec("UPDATE quiz_attempt_questions SET correct = $1 WHERE attempt_id = $2 AND position = $3",
           {std::int64_t{ok ? 1 : 0}, a.id, std::int64_t{q.position}});
  }
  c.exec("UPDATE quiz_attempts SET submitted_at = $1, score = $2 WHERE id = $3 AND submitted_at IS NULL",
         {at, std::int64_t{score}, a.id});
}

std::optional<Attempt> load_attempt(db::Connection& c, const char* where, const db::Value& key) {
  auto rows = c.query(std::string(kSelectAttempt) + where, {key});
  if (rows.empty()) return std::nullopt;
  auto a = attempt_from(c, rows.front());
  if (!a.finished() && kernel::now_iso() > a.deadline_at) {
    // Nobody submitted before the deadline: what was saved by then is what counts.
    db::in_transaction(c, [&] { finalize(c, a, a.deadline_at); });
    auto again = c.query(std::string(kSelectAttempt) + where, {key});
    return attempt_from(c, again.front());
  }
  return a;
}

Result<Attempt> begin_attempt(db::Connection& c, const Round& r, std::int64_t person_id, std::int64_t unit_id,
                              const std::string& name, const std::string& commune, const std::string& ip, const Random& rand) {
  auto questions = pool(c, r.unit_path, r.categories, true);
  if (questions.empty()) return fail(Error::conflict("Bộ câu hỏi của đợt thi chưa có câu nào."));
  std::vector<std::int64_t> ids;
  for (const auto& q : questions) ids.push_back(q.id);
  auto chosen = draw_distinct(ids, static_cast<std::size_t>(r.questions_per_person), rand);
  auto now = kernel::now_seconds();
  auto deadline = std::min(now + r.time_limit_seconds, parse_iso(r.closes_at));
  return db::in_transaction(c, [&]() -> Result<Attempt> {
    auto id = c.query_one("INSERT INTO quiz_attempts (round_id, person_id, unit_id, token, citizen_name, citizen_commune, ip, "
                          "started_at, deadline_at, max_score) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
                          {r.id, person_id ? db::Value{person_id} : db::Value{}, unit_id ? db::Value{unit_id} : db::Value{},
                           auth::random_token(16), name, commune, ip, kernel::format_iso(now), kernel::format_iso(deadline),
                           std::int64_t{static_cast<std::int64_t>(chosen.size())}})
                  ->i64(0);
    std::vector<std::vector<db::Value>> rows;
    for (std::size_t i = 0; i < chosen.size(); ++i) rows.push_back({id, std::int64_t{static_cast<std::int64_t>(i + 1)}, chosen[i]});
    c.bulk_insert("quiz_attempt_questions", {"attempt_id", "position", "question_id"}, rows);
    return *find_attempt(c, id);
  });
}

Result<void> open_now(const Round& r) {
  auto now = kernel::now_iso();
  if (now < r.opens_at) return fail(Error::conflict("Đợt thi chưa mở (mở lúc " + kernel::datetime_vn(r.opens_at) + ")."));
  if (now >= r.closes_at) return fail(Error::conflict("Đợt thi đã đóng lúc " + kernel::datetime_vn(r.closes_at) + "."));
  return {};
}

}  // namespace

std::size_t secure_random(std::size_t k) {
  return k <= 1 ? 0 : static_cast<std::size_t>(randombytes_uniform(static_cast<std::uint32_t>(k)));
}

// ---------------------------------------------------------------- questions
std::optional<Question> find_question(db::Connection& c, std::int64_t id) {
  auto r = c.query_one(std::string(kSelectQuestion) + "WHERE q.id = $1", {id});
  if (!r) return std::nullopt;
  return question_from(*r);
}

Result<Question> get_question(db::Connection& c, const auth::Principal& who, std::int64_t id) {
  auto q = find_question(c, id);
  if (!q) return fail(Error::not_found("Không tìm thấy câu hỏi."));
  // The answers are the bank keeper's: readers of a round never get them from here.
  if (auto ok = auth::authorize(who, auth::Action::kManageQuestions, {q->unit_path}); !ok) return fail(ok.error());
  return *q;
}

Result<Question> create_question(db::Connection& c, const auth::Principal& who, std::int64_t unit_id, const QuestionInput& in) {
  auto u = org::get_unit(c, who, unit_id, auth::Action::kManageQuestions);
  if (!u) return fail(u.error());
  if (auto e = validate(in, true); !e.empty()) return fail(Error::invalid(std::move(e)));
  return db::in_transaction(c, [&]() -> Result<Question> {
    std::string now = kernel::now_iso();
    auto answer = *in.answer;
    std::sort(answer.begin(), answer.end());
    auto id = c.query_one(kInsertQuestion,
                          {u->id, *in.kind, *in.category, std::int64_t{*in.difficulty}, *in.question,
                           strings_json(in.options.value_or(std::vector<std::string>{})), indices_json(answer),
                           in.explanation.value_or(""), in.source.value_or(""), folded(in), who.actor(), now, now})
                  ->i64(0);
    auto q = *find_question(c, id);
    audit::record(c, who, {"question.create", "question", id, u->path, nullptr, to_json(q, true)});
    return q;
  });
}

Result<Question> update_question(db::Connection& c, const auth::Principal& who, std::int64_t id, const QuestionInput& in) {
  auto before = find_question(c, id);
  if (!before) return fail(Error::not_found("Không tìm thấy câu hỏi."));
  if (auto ok = auth::authorize(who, auth::Action::kManageQuestions, {before->unit_path}); !ok) return fail(ok.error());
  // Validate the whole question as it will be.
  QuestionInput next;
  next.kind = in.kind.value_or(std::string(kind_code(before->kind)));
  next.category = in.category.value_or(before->category);
  next.difficulty = in.difficulty.value_or(before->difficulty);
  next.question = in.question.value_or(before->question);
  next.options = in.options.value_or(before->options);
  next.answer = in.answer.value_or(before->answer);
  next.explanation = in.explanation.value_or(before->explanation);
  next.source = in.source.value_or(before->source);
  if (auto e = validate(next, true); !e.empty()) return fail(Error::invalid(std::move(e)));
  bool active = in.active.value_or(before->active);
  return db::in_transaction(c, [&]() -> Result<Question> {
    auto answer = *next.answer;
    std::sort(answer.begin(), answer.end());
    c.exec(kUpdateQuestion, {*next.kind, *next.category, std::int64_t{*next.difficulty}, *next.question,
                             strings_json(*next.options), indices_json(answer), *next.explanation, *next.source,
                             std::int64_t{active ? 1 : 0}, folded(next), kernel::now_iso(), id});
    auto q = *find_question(c, id);
    audit::record(c, who, {"question.update", "question", id, q.unit_path, to_json(*before, true), to_json(q, true)});
    return q;
  });
}

namespace {
std::string bank_where(std::int64_t unit_id, const BankQuery& q, db::Params& p) {
  p.push_back(unit_id);
  std::string w = "WHERE q.unit_id = $1";
  if (!q.category.empty()) {
    p.push_back(q.category);
    w += " AND q.category = $" + std::to_string(p.size());
  }
  for (const auto& t : kernel::fold_tokens(q.q)) {
    p.push_back("%" + t + "%");
    w += " AND q.search_text LIKE $" + std::to_string(p.size());
  }
  return w;
}
}  // namespace

std::vector<Question> bank(db::Connection& c, std::int64_t unit_id, const BankQuery& q, int limit, int offset) {
  db::Params p;
  std::string sql = std::string(kSelectQuestion) + bank_where(unit_id, q, p);
  p.push_back(std::int64_t{limit});
  sql += " ORDER BY q.id DESC LIMIT $" + std::to_string(p.size());
  p.push_back(std::int64_t{offset});
  sql += " OFFSET $" + std::to_string(p.size());
  std::vector<Question> out;
  for (const auto& r : c.query(sql, p)) out.push_back(question_from(r));
  return out;
}

std::int64_t bank_size(db::Connection& c, std::int64_t unit_id, const BankQuery& q) {
  db::Params p;
  std::string w = bank_where(unit_id, q, p);
  return c.scalar("SELECT COUNT(*) FROM quiz_questions q " + w, p);
}

std::vector<Question> pool(db::Connection& c, const std::string& unit_path, const std::vector<std::string>& cats, bool scorable) {
  db::Params p;
  std::string sql = std::string(kSelectQuestion) + "WHERE q.active = 1" + bank_filter(unit_path, p);
  if (!cats.empty()) {
    sql += " AND q.category IN " + db::placeholders(cats.size(), p.size() + 1);
    for (const auto& x : cats) p.push_back(x);
  }
  if (scorable) sql += " AND q.kind <> 'open'";
  std::vector<Question> out;
  for (const auto& r : c.query(sql + " ORDER BY q.id", p)) out.push_back(question_from(r));
  return out;
}

// ---------------------------------------------------------------- import
namespace {

struct SheetRow {
  std::size_t number = 0;
  std::vector<std::string> cells;
};

std::string trimmed(const std::string& s) {
  auto a = s.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return "";
  auto b = s.find_last_not_of(" \t\r\n");
  return s.substr(a, b - a + 1);
}

//! A category by its code or its label (with or without diacritics).
std::string category_of(const std::string& text) {
  auto key = kernel::fold(text);
  for (const auto& c : categories())
    if (text == c.code || key == kernel::fold(c.label)) return std::string(c.code);
  return "";
}

//! A kind by its code or its label.
std::string kind_of(const std::string& text) {
  auto key = kernel::fold(text);
  for (auto k : {Kind::kSingle, Kind::kMultiple, Kind::kOpen})
    if (text == kind_code(k) || key == kernel::fold(kind_label(k))) return std::string(kind_code(k));
  if (key == "mot dap an") return "single";
  if (key == "nhieu dap an") return "multiple";
  if (key == "tu do" || key == "tra loi tu do") return "open";
  return "";
}

}  // namespace

Result<ImportReport> import_bank(db::Connection& c, const auth::Principal& who, std::int64_t unit_id, std::string_view bytes,
                                 const std::string& filename, bool valid_rows_only) {
  auto u = org::get_unit(c, who, unit_id, auth::Action::kManageQuestions);
  if (!u) return fail(u.error());
  std::vector<SheetRow> rows;
  std::vector<std::pair<std::size_t, std::string>> refused;
  auto lower = kernel::fold(filename);
  if (lower.size() >= 4 && lower.compare(lower.size() - 4, 4, ".csv") == 0) {
    auto r = csv::read(bytes);
    if (!r) return fail(r.error());
    for (auto& x : *r) rows.push_back({x.line, std::move(x.cells)});
  } else {
    auto r = xlsx::read(bytes);
    if (!r) return fail(r.error());
    for (auto& x : r->rows) rows.push_back({x.number, std::move(x.cells)});
    for (const auto& x : r->refused) refused.emplace_back(x.row, x.message);
    for (const auto& m : r->merged)
      refused.emplace_back(m.first_row, "Ô gộp " + m.ref + ": hãy bỏ gộp ô để mỗi câu hỏi nằm trên một dòng.");
  }
  if (rows.empty()) return fail(Error::invalid({{"file", "Tệp không có dòng nào."}}));
  // Columns by their header (any order, with or without diacritics), as the export writes them.
  std::map<std::string, std::size_t> col;
  const auto& header = rows.front().cells;
  for (std::size_t i = 0; i < header.size(); ++i) col[kernel::fold(trimmed(header[i]))] = i;
  std::vector<std::string> missing;
  for (const char* need : {"chu de", "loai", "do kho", "cau hoi", "dap an"})
    if (!col.count(need)) missing.push_back(need);
  if (!missing.empty()) {
    std::string list;
    const std::map<std::string, std::string> names = {{"chu de", "Chủ đề"}, {"loai", "Loại"}, {"do kho", "Độ khó"},
                                                      {"cau hoi", "Câu hỏi"}, {"dap an", "Đáp án"}};
    for (const auto& m : missing) list += (list.empty() ? "" : ", ") + names.at(m);
    return fail(Error::invalid({{"file", "Dòng đầu của tệp thiếu cột: " + list + " (tải tệp mẫu bằng nút “Tải về (XLSX)”)."}}));
  }
  auto cell = [&](const SheetRow& r, const std::string& name) -> std::string {
    auto it = col.find(name);
    return it == col.end() || it->second >= r.cells.size() ? "" : trimmed(r.cells[it->second]);
  };
  ImportReport report;
  std::vector<QuestionInput> good;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    ++report.rows;
    std::vector<std::string> problems;
    for (const auto& [row, message] : refused)
      if (row == r.number) problems.push_back(message);
    QuestionInput in;
    std::string cat = cell(r, "chu de"), kind = cell(r, "loai"), diff = cell(r, "do kho");
    in.category = category_of(cat);
    if (in.category->empty()) in.category = cat;
    in.kind = kind_of(kind);
    if (in.kind->empty()) in.kind = kind;
    in.difficulty = diff.size() == 1 && diff[0] >= '1' && diff[0] <= '3' ? diff[0] - '0' : 0;
    in.question = cell(r, "cau hoi");
    in.explanation = cell(r, "giai thich");
    in.source = cell(r, "nguon");
    std::vector<std::string> options;
    for (char letter = 'a'; letter <= 'f'; ++letter) {
      auto o = cell(r, std::string("phuong an ") + letter);
      if (!o.empty()) options.push_back(o);
    }
    in.options = options;
    std::vector<int> answer;
    std::string token;
    for (char ch : cell(r, "dap an") + ",") {
      if (ch == ',' || ch == ';' || ch == ' ') {
        if (token.size() == 1 && std::isalpha(static_cast<unsigned char>(token[0])))
          answer.push_back(std::toupper(static_cast<unsigned char>(token[0])) - 'A');
        else if (!token.empty())
          answer.push_back(-1);
        token.clear();
      } else {
        token += ch;
      }
    }
    in.answer = answer;
    for (const auto& e : validate(in, true)) problems.push_back(e.message);
    if (!problems.empty()) {
      std::string text;
      for (const auto& p : problems) text += (text.empty() ? "" : " ") + p;
      report.errors.emplace_back(r.number, text);
      continue;
    }
    good.push_back(in);
  }
  if (!report.errors.empty() && !valid_rows_only) return report;  // nothing written
  if (good.empty()) return report;
  return db::in_transaction(c, [&]() -> Result<ImportReport> {
    std::string now = kernel::now_iso();
    for (const auto& in : good) {
      auto answer = *in.answer;
      std::sort(answer.begin(), answer.end());
      c.exec(kInsertQuestion, {u->id, *in.kind, *in.category, std::int64_t{*in.difficulty}, *in.question,
                               strings_json(*in.options), indices_json(answer), in.explanation.value_or(""),
                               in.source.value_or(""), folded(in), who.actor(), now, now});
    }
    report.imported = good.size();
    audit::record(c, who, {"question.import", "unit", u->id, u->path, nullptr,
                           {{"file", filename}, {"imported", report.imported}, {"refused", report.errors.size()}}});
    return report;
  });
}

// ---------------------------------------------------------------- live draws
std::optional<Draw> find_draw(db::Connection& c, std::int64_t id) {
  auto r = c.query_one(std::string(kSelectDraw) + "WHERE d.id = $1", {id});
  if (!r) return std::nullopt;
  Draw d;
  d.id = r->i64(0);
  d.unit_id = r->i64(1);
  d.unit_name = r->str(2);
  d.unit_path = r->str(3);
  d.meeting_id = r->i64(4);
  d.meeting_date = r->str(5);
  d.title = r->str(6);
  d.categories = parse_strings(r->str(7));
  d.flowers = static_cast<int>(r->i64(8));
  d.open = r->str(9) == "open";
  d.created_by = r->str(10);
  auto rows = c.query(kSelectPicks, {id});
  std::vector<std::int64_t> ids;
  for (const auto& p : rows) ids.push_back(p.i64(2));
  auto questions = questions_by_id(c, ids);
  for (const auto& p : rows) {
    Pick k;
    k.id = p.i64(0);
    k.position = static_cast<int>(p.i64(1));
    if (auto it = questions.find(p.i64(2)); it != questions.end()) k.question = it->second;
    k.participant = p.str(3);
    k.team = p.str(4);
    if (!p.null(5)) k.correct = p.i64(5) == 1;
    k.points = static_cast<int>(p.i64(6));
    d.picks.push_back(std::move(k));
  }
  return d;
}

Result<Draw> get_draw(db::Connection& c, const auth::Principal& who, std::int64_t id) {
  auto d = find_draw(c, id);
  if (!d) return fail(Error::not_found("Không tìm thấy buổi hái hoa."));
  if (auto ok = auth::authorize(who, auth::Action::kViewPlan, {d->unit_path}); !ok) return fail(ok.error());
  return *d;
}

Result<Draw> open_draw(db::Connection& c, const auth::Principal& who, const DrawInput& in) {
  auto u = in.unit_id ? org::find_unit(c, *in.unit_id) : std::nullopt;
  if (!u) return fail(Error::invalid({{"unit_id", "Vui lòng chọn đơn vị tổ chức."}}));
  if (auto ok = auth::authorize(who, auth::Action::kRunQuiz, {u->path}); !ok) return fail(ok.error());
  std::vector<FieldError> e;
  std::string title = in.title.value_or("");
  if (title.empty()) e.push_back({"title", "Vui lòng đặt tên buổi hái hoa."});
  else if (kernel::char_count(title) > 300) e.push_back({"title", "Tên quá dài (tối đa 300 ký tự)."});
  auto cats = checked_categories(in.categories, e);
  int flowers = in.flowers.value_or(0);
  if (flowers < 1 || flowers > 60) e.push_back({"flowers", "Số bông hoa từ 1 đến 60."});
  std::optional<meetings::Meeting> meeting;
  if (in.meeting_id) {
    meeting = meetings::find_meeting(c, *in.meeting_id);
    if (!meeting || meeting->unit_id != u->id) e.push_back({"meeting_id", "Buổi sinh hoạt phải là của đơn vị tổ chức."});
  }
  if (!e.empty()) return fail(Error::invalid(std::move(e)));
  auto available = pool(c, u->path, cats, false).size();
  if (available == 0) return fail(Error::invalid({{"categories", "Chưa có câu hỏi nào trong các chủ đề đã chọn."}}));
  if (static_cast<std::size_t>(flowers) > available)
    return fail(Error::invalid({{"flowers", "Chỉ có " + std::to_string(available) + " câu hỏi trong các chủ đề đã chọn; "
                                            "số bông hoa không được nhiều hơn."}}));
  return db::in_transaction(c, [&]() -> Result<Draw> {
    auto id = c.query_one("INSERT INTO draw_sessions (unit_id, meeting_id, title, categories, flowers, status, created_by, "
                          "created_at) VALUES ($1, $2, $3, $4, $5, 'open', $6, $7) RETURNING id",
                          {u->id, meeting ? db::Value{meeting->id} : db::Value{}, title, cats_json(cats),
                           std::int64_t{flowers}, who.actor(), kernel::now_iso()})
                  ->i64(0);
    auto d = *find_draw(c, id);
    audit::record(c, who, {"draw.open", "draw_session", id, u->path, nullptr, to_json(d)});
    return d;
  });
}

Result<Pick> pick_flower(db::Connection& c, const auth::Principal& who, std::int64_t draw_id, int position, const Random& rand) {
  auto d = find_draw(c, draw_id);
  if (!d) return fail(Error::not_found("Không tìm thấy buổi hái hoa."));
  if (auto ok = auth::authorize(who, auth::Action::kRunQuiz, {d->unit_path}); !ok) return fail(ok.error());
  if (!d->open) return fail(Error::conflict("Buổi hái hoa đã kết thúc."));
  if (position < 1 || position > d->flowers) return fail(Error::invalid({{"position", "Không có bông hoa này trên cây."}}));
  for (const auto& p : d->picks)
    if (p.position == position) return fail(Error::conflict("Bông hoa số " + std::to_string(position) + " đã được hái."));
  std::set<std::int64_t> drawn;
  for (const auto& p : d->picks) drawn.insert(p.question.id);
  std::vector<std::int64_t> left;
  for (const auto& q : pool(c, d->unit_path, d->categories, false))
    if (!drawn.count(q.id)) left.push_back(q.id);
  if (left.empty()) return fail(Error::conflict("Đã hết câu hỏi chưa hái trong các chủ đề của buổi này."));
  auto question = left[rand(left.size())];
  try {
    return db::in_transaction(c, [&]() -> Result<Pick> {
      auto id = c.query_one("INSERT INTO draw_picks (session_id, position, question_id, picked_at) VALUES ($1, $2, $3, $4) "
                            "RETURNING id",
                            {draw_id, std::int64_t{position}, question, kernel::now_iso()})
                    ->i64(0);
      audit::record(c, who, {"draw.pick", "draw_session", draw_id, d->unit_path, nullptr,
                             {{"position", position}, {"question_id", question}}});
      auto after = *find_draw(c, draw_id);
      for (auto& p : after.picks)
        if (p.id == id) return p;
      return fail(Error::not_found());
    });
  } catch (const db::DbError& e) {
    // Two hosts' screens picked at once: the unique flower and question keep the rule; the later one is told.
    if (e.unique_violation()) return fail(Error::conflict("Bông hoa này vừa được hái; vui lòng chọn bông khác."));
    throw;
  }
}

Result<Pick> judge(db::Connection& c, const auth::Principal& who, std::int64_t draw_id, std::int64_t pick_id,
                   const std::string& participant, const std::string& team, bool correct, int points) {
  auto d = find_draw(c, draw_id);
  if (!d) return fail(Error::not_found("Không tìm thấy buổi hái hoa."));
  if (auto ok = auth::authorize(who, auth::Action::kRunQuiz, {d->unit_path}); !ok) return fail(ok.error());
  if (!d->open) return fail(Error::conflict("Buổi hái hoa đã kết thúc."));
  auto it = std::find_if(d->picks.begin(), d->picks.end(), [&](const Pick& p) { return p.id == pick_id; });
  if (it == d->picks.end()) return fail(Error::not_found("Không tìm thấy lượt hái hoa này."));
  std::vector<FieldError> e;
  if (kernel::char_count(participant) > 200) e.push_back({"participant", "Tên người trả lời quá dài."});
  if (kernel::char_count(team) > 100) e.push_back({"team", "Tên đội quá dài."});
  if (points < 0 || points > 100) e.push_back({"points", "Điểm từ 0 đến 100."});
  if (!e.empty()) return fail(Error::invalid(std::move(e)));
  return db::in_transaction(c, [&]() -> Result<Pick> {
    c.exec("UPDATE draw_picks SET participant = $1, team = $2, correct = $3, points = $4, judged_at = $5 WHERE id = $6",
           {participant, team, std::int64_t{correct ? 1 : 0}, std::int64_t{points}, kernel::now_iso(), pick_id});
    audit::record(c, who, {"draw.judge", "draw_session", draw_id, d->unit_path, nullptr,
                           {{"position", it->position}, {"participant", participant}, {"team", team}, {"correct", correct}, {"points", points}}});
    auto after = *find_draw(c, draw_id);
    for (auto& p : after.picks)
      if (p.id == pick_id) return p;
    return fail(Error::not_found());
  });
}

Result<Draw> close_draw(db::Connection& c, const auth::Principal& who, std::int64_t draw_id) {
  auto d = find_draw(c, draw_id);
  if (!d) return fail(Error::not_found("Không tìm thấy buổi hái hoa."));
  if (auto ok = auth::authorize(who, auth::Action::kRunQuiz, {d->unit_path}); !ok) return fail(ok.error());
  if (!d->open) return fail(Error::conflict("Buổi hái hoa đã kết thúc."));
  int right = 0;
  for (const auto& p : d->picks)
    if (p.correct.value_or(false)) ++right;
  return db::in_transaction(c, [&]() -> Result<Draw> {
    c.exec("UPDATE draw_sessions SET status = 'closed', closed_at = $1 WHERE id = $2", {kernel::now_iso(), draw_id});
    if (d->meeting_id)
      meetings::record_quiz(c, d->meeting_id, "“" + d->title + "”: " + std::to_string(d->picks.size()) + " câu hỏi, " +
                                                 std::to_string(right) + " câu trả lời đúng");
    auto after = *find_draw(c, draw_id);
    audit::record(c, who, {"draw.close", "draw_session", draw_id, d->unit_path, nullptr, to_json(after)});
    return after;
  });
}

std::vector<Draw> unit_draws(db::Connection& c, std::int64_t unit_id, int limit) {
  std::vector<Draw> out;
  for (const auto& r : c.query("SELECT id FROM draw_sessions WHERE unit_id = $1 ORDER BY id DESC LIMIT $2", {unit_id, std::int64_t{limit}}))
    if (auto d = find_draw(c, r.i64(0))) out.push_back(std::move(*d));
  return out;
}

// ---------------------------------------------------------------- rounds
std::string Round::state() const {
  auto now = kernel::now_iso();
  if (now < opens_at) return "chưa mở";
  if (now >= closes_at) return "đã đóng";
  return "đang mở";
}

std::optional<Round> find_round(db::Connection& c, std::int64_t id) {
  auto r = c.query_one(std::string(kSelectRound) + "WHERE r.id = $1", {id});
  if (!r) return std::nullopt;
  return round_from(*r);
}

Result<Round> get_round(db::Connection& c, const auth::Principal& who, std::int64_t id) {
  auto r = find_round(c, id);
  if (!r) return fail(Error::not_found("Không tìm thấy đợt thi."));
  // Readers of the unit, and the members it is open to (their unit lies in its subtree).
  if (auth::allowed(who, auth::Action::kViewPlan, {r->unit_path})) return *r;
  for (const auto& g : who.grants)
    if (auth::in_subtree(g.unit_path, r->unit_path) && auth::allowed(who, auth::Action::kTakeQuiz, {g.unit_path})) return *r;
  if (auto ok = auth::authorize(who, auth::Action::kViewPlan, {r->unit_path}); !ok) return fail(ok.error());
  return *r;
}

Result<Round> create_round(db::Connection& c, const auth::Principal& who, const RoundInput& in) {
  auto u = in.unit_id ? org::find_unit(c, *in.unit_id) : std::nullopt;
  if (!u) return fail(Error::invalid({{"unit_id", "Vui lòng chọn đơn vị tổ chức."}}));
  if (auto ok = auth::authorize(who, auth::Action::kRunQuiz, {u->path}); !ok) return fail(ok.error());
  std::vector<FieldError> e;
  std::string title = in.title.value_or("");
  if (title.empty()) e.push_back({"title", "Vui lòng đặt tên đợt thi."});
  else if (kernel::char_count(title) > 300) e.push_back({"title", "Tên quá dài (tối đa 300 ký tự)."});
  auto cats = checked_categories(in.categories, e);
  int per = in.questions_per_person.value_or(0), minutes = in.time_limit_minutes.value_or(0);
  if (per < 1 || per > 50) e.push_back({"questions_per_person", "Số câu mỗi người từ 1 đến 50."});
  if (minutes < 1 || minutes > 180) e.push_back({"time_limit_minutes", "Thời gian làm bài từ 1 đến 180 phút."});
  auto opens = parse_local_datetime(in.opens_at.value_or(""));
  auto closes = parse_local_datetime(in.closes_at.value_or(""));
  if (!opens) e.push_back({"opens_at", "Vui lòng nhập thời điểm mở (ngày và giờ)."});
  if (!closes) e.push_back({"closes_at", "Vui lòng nhập thời điểm đóng (ngày và giờ)."});
  else if (opens && *closes <= *opens) e.push_back({"closes_at", "Thời điểm đóng phải sau thời điểm mở."});
  else if (*closes <= kernel::now_seconds()) e.push_back({"closes_at", "Thời điểm đóng đã qua."});
  if (!e.empty()) return fail(Error::invalid(std::move(e)));
  auto available = pool(c, u->path, cats, true).size();
  if (available < static_cast<std::size_t>(per))
    return fail(Error::invalid({{"questions_per_person", "Các chủ đề đã chọn chỉ có " + std::to_string(available) +
                                                             " câu chấm tự động được; mỗi người không thể nhận " +
                                                             std::to_string(per) + " câu."}}));
  return db::in_transaction(c, [&]() -> Result<Round> {
    auto id = c.query_one("INSERT INTO quiz_rounds (unit_id, title, categories, questions_per_person, time_limit_seconds, "
                          "opens_at, closes_at, public, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
                          "RETURNING id",
                          {u->id, title, cats_json(cats), std::int64_t{per}, std::int64_t{minutes * 60},
                           kernel::format_iso(*opens), kernel::format_iso(*closes), std::int64_t{in.is_public ? 1 : 0},
                           who.actor(), kernel::now_iso()})
                  ->i64(0);
    auto r = *find_round(c, id);
    audit::record(c, who, {"quiz_round.create", "quiz_round", id, u->path, nullptr, to_json(r)});
    return r;
  });
}

std::vector<Round> subtree_rounds(db::Connection& c, const std::string& path, int limit, int offset) {
  std::vector<Round> out;
  for (const auto& r : c.query(std::string(kSelectRound) + "WHERE u.path >= $1 AND u.path < $2 ORDER BY r.opens_at DESC, r.id DESC "
                                                            "LIMIT $3 OFFSET $4",
                               {path, db::subtree_end(path), std::int64_t{limit}, std::int64_t{offset}}))
    out.push_back(round_from(r));
  return out;
}

std::vector<Round> rounds_for_unit(db::Connection& c, const std::string& unit_path, int limit) {
  auto ids = org::path_ids(unit_path);
  std::vector<Round> out;
  if (ids.empty()) return out;
  db::Params p(ids.begin(), ids.end());
  p.push_back(std::int64_t{limit});
  for (const auto& r : c.query(std::string(kSelectRound) + "WHERE r.unit_id IN " + db::placeholders(ids.size()) +
                                   " ORDER BY r.closes_at DESC, r.id DESC LIMIT $" + std::to_string(p.size()),
                               p))
    out.push_back(round_from(r));
  return out;
}

// ---------------------------------------------------------------- attempts
std::optional<Attempt> find_attempt(db::Connection& c, std::int64_t id) { return load_attempt(c, "WHERE a.id = $1", db::Value{id}); }
std::optional<Attempt> find_attempt_by_token(db::Connection& c, const std::string& token) {
  return load_attempt(c, "WHERE a.token = $1", db::Value{token});
}

Result<Attempt> start_attempt(db::Connection& c, const auth::Principal& who, std::int64_t round_id, const Random& rand) {
  if (!who.authenticated()) return fail(Error::unauthenticated());
  auto r = find_round(c, round_id);
  if (!r) return fail(Error::not_found("Không tìm thấy đợt thi."));
  if (who.person_id == 0)
    return fail(Error::forbidden("Tài khoản này chưa gắn với hồ sơ đảng viên, cán bộ nên không dự thi được."));
  auto person = c.query_one("SELECT m.unit_id, u.path FROM memberships m JOIN units u ON u.id = m.unit_id "
                            "JOIN persons p ON p.id = m.person_id WHERE m.person_id = $1 AND m.valid_to IS NULL AND p.active = 1",
                            {who.person_id});
  if (!person || !auth::in_subtree(person->str(1), r->unit_path) ||
      !auth::allowed(who, auth::Action::kTakeQuiz, {person->str(1), who.person_id}))
    return fail(Error::forbidden("Đợt thi này dành cho cán bộ, đảng viên của " + r->unit_name + "."));
  if (auto existing = c.query_one("SELECT id FROM quiz_attempts WHERE round_id = $1 AND person_id = $2", {r->id, who.person_id})) {
    auto a = *find_attempt(c, existing->i64(0));
    if (a.finished()) return fail(Error::conflict("Đồng chí đã làm bài thi này; mỗi người chỉ được làm một lần."));
    return a;  // resume: the same questions and the same deadline
  }
  if (auto ok = open_now(*r); !ok) return fail(ok.error());
  try {
    auto a = begin_attempt(c, *r, who.person_id, person->i64(0), "", "", "", rand);
    if (a) audit::record(c, who, {"quiz.start", "quiz_round", r->id, person->str(1), nullptr, {{"attempt_id", a->id}}});
    return a;
  } catch (const db::DbError& e) {
    if (!e.unique_violation()) throw;
    // The same person started on two devices at once: both get the one attempt.
    return *find_attempt(c, c.query_one("SELECT id FROM quiz_attempts WHERE round_id = $1 AND person_id = $2",
                                        {r->id, who.person_id})->i64(0));
  }
}

Result<Attempt> start_public_attempt(db::Connection& c, std::int64_t round_id, const std::string& name,
                                     const std::string& commune, const std::string& ip, const Random& rand) {
  auto r = find_round(c, round_id);
  if (!r || !r->is_public) return fail(Error::not_found("Không tìm thấy đợt thi công khai."));
  std::vector<FieldError> e;
  if (name.empty()) e.push_back({"name", "Vui lòng nhập họ và tên."});
  else if (kernel::char_count(name) > 100) e.push_back({"name", "Họ và tên quá dài (tối đa 100 ký tự)."});
  if (commune.empty()) e.push_back({"commune", "Vui lòng nhập xã, phường nơi ở."});
  else if (kernel::char_count(commune) > 100) e.push_back({"commune", "Tên xã, phường quá dài (tối đa 100 ký tự)."});
  if (!e.empty()) return fail(Error::invalid(std::move(e)));
  if (auto ok = open_now(*r); !ok) return fail(ok.error());
  auto since = kernel::format_iso(kernel::now_seconds() - 3600);
  if (c.scalar("SELECT COUNT(*) FROM quiz_attempts WHERE ip = $1 AND started_at >= $2", {ip, since}) >= kPublicAttemptsPerHour)
    return fail(Error{ErrorCode::kTooManyRequests,
                      "Địa chỉ mạng này đã bắt đầu " + std::to_string(kPublicAttemptsPerHour) +
                          " bài thi trong một giờ qua; vui lòng thử lại sau.",
                      "quiz public rate limit", {}});
  return begin_attempt(c, *r, 0, 0, name, commune, ip, rand);
}

bool may_see(const auth::Principal& who, const Attempt& a, const Round& r) {
  if (a.person_id != 0 && a.person_id == who.person_id) return true;
  return auth::allowed(who, auth::Action::kRunQuiz, {r.unit_path});
}

Result<Attempt> save_answers(db::Connection& c, const Attempt& a, const std::map<int, std::vector<int>>& answers) {
  // The deadline first: an attempt whose time ran out was closed by it, not by its taker.
  if (kernel::now_iso() > a.deadline_at)
    return fail(Error::conflict("Đã hết giờ làm bài; câu trả lời sau thời hạn không được ghi nhận."));
  if (a.finished()) return fail(Error::conflict("Bài thi đã nộp; không sửa được câu trả lời."));
  for (const auto& [pos, given] : answers) {
    auto it = std::find_if(a.questions.begin(), a.questions.end(), [&](const AttemptQuestion& q) { return q.position == pos; });
    if (it == a.questions.end()) return fail(Error::invalid({{"answers", "Bài thi không có câu số " + std::to_string(pos) + "."}}));
    for (int i : given)
      if (i < 0 || i >= static_cast<int>(it->question.options.size()))
        return fail(Error::invalid({{"answers", "Câu " + std::to_string(pos) + " không có phương án này."}}));
  }
  return db::in_transaction(c, [&]() -> Result<Attempt> {
    // The deadline again inside the write, against the clock of this moment.
    std::string now = kernel::now_iso();
    if (now > a.deadline_at) return fail(Error::conflict("Đã hết giờ làm bài; câu trả lời sau thời hạn không được ghi nhận."));
    for (const auto& [pos, given] : answers)
      c.exec("UPDATE quiz_attempt_questions SET answer = $1, answered_at = $2 WHERE attempt_id = $3 AND position = $4",
             {indices_json(given), now, a.id, std::int64_t{pos}});
    return *find_attempt(c, a.id);
  });
}

Result<Attempt> submit_attempt(db::Connection& c, const Attempt& a, const std::map<int, std::vector<int>>& answers) {
  auto saved = answers.empty() ? Result<Attempt>(a) : save_answers(c, a, answers);
  if (!saved) return saved;
  if (saved->finished()) return fail(Error::conflict("Bài thi đã nộp."));
  db::in_transaction(c, [&] { finalize(c, *saved, kernel::now_iso()); });
  return *find_attempt(c, a.id);
}

// ---------------------------------------------------------------- results
RoundResults results(db::Connection& c, const Round& r, int limit, int offset) {
  RoundResults out;
  // Attempts whose time ran out are scored first, so the figures count them.
  for (const auto& row : c.query("SELECT id FROM quiz_attempts WHERE round_id = $1 AND submitted_at IS NULL AND deadline_at < $2",
                                 {r.id, kernel::now_iso()}))
    find_attempt(c, row.i64(0));
  auto unit_result = [&](std::int64_t id, const std::string& name, const std::string& path) {
    UnitResult u{id, name, 0, 0, 0};
    db::Params p{path, db::subtree_end(path)};
    u.members = c.scalar("SELECT COUNT(*) FROM memberships m JOIN persons p ON p.id = m.person_id JOIN units x ON x.id = m.unit_id "
                         "WHERE m.valid_to IS NULL AND p.active = 1 AND x.path >= $1 AND x.path < $2",
                         p);
    p.push_back(r.id);
    auto a = c.query_one("SELECT COUNT(*), COALESCE(SUM(a.score), 0) FROM quiz_attempts a JOIN units x ON x.id = a.unit_id "
                         "WHERE x.path >= $1 AND x.path < $2 AND a.round_id = $3 AND a.submitted_at IS NOT NULL",
                         p);
    u.participants = a->i64(0);
    u.average = u.participants ? static_cast<double>(a->i64(1)) / static_cast<double>(u.participants) : 0;
    return u;
  };
  out.total = unit_result(r.unit_id, r.unit_name, r.unit_path);
  for (const auto& ch : c.query("SELECT id, name, path FROM units WHERE parent_id = $1 AND active = 1 ORDER BY sort_name, id", {r.unit_id})) {
    auto u = unit_result(ch.i64(0), ch.str(1), ch.str(2));
    if (u.members > 0 || u.participants > 0) out.children.push_back(u);
  }
  out.citizens = c.scalar("SELECT COUNT(*) FROM quiz_attempts WHERE round_id = $1 AND person_id IS NULL AND submitted_at IS NOT NULL", {r.id});
  out.ranked = c.scalar("SELECT COUNT(*) FROM quiz_attempts WHERE round_id = $1 AND submitted_at IS NOT NULL", {r.id});
  for (const auto& row : c.query("SELECT COALESCE(p.full_name, a.citizen_name), COALESCE(u.name, a.citizen_commune), a.score, "
                                 "a.max_score, a.started_at, a.submitted_at, COALESCE(a.person_id, 0) FROM quiz_attempts a "
                                 "LEFT JOIN persons p ON p.id = a.person_id LEFT JOIN units u ON u.id = a.unit_id "
                                 "WHERE a.round_id = $1 AND a.submitted_at IS NOT NULL "
                                 "ORDER BY a.score DESC, a.submitted_at, a.id LIMIT $2 OFFSET $3",
                                 {r.id, std::int64_t{limit}, std::int64_t{offset}})) {
    Ranked k;
    k.name = row.str(0);
    k.where = row.str(1);
    k.score = static_cast<int>(row.i64(2));
    k.max_score = static_cast<int>(row.i64(3));
    k.seconds = parse_iso(row.str(5)) - parse_iso(row.str(4));
    k.person_id = row.i64(6);
    k.citizen = k.person_id == 0;
    out.ranking.push_back(k);
  }
  // Ties on score go to the faster (the SQL orders by submission time; re-sort by time taken).
  std::stable_sort(out.ranking.begin(), out.ranking.end(),
                   [](const Ranked& a, const Ranked& b) { return a.score != b.score ? a.score > b.score : a.seconds < b.seconds; });
  return out;
}

QuizSummary summary(db::Connection& c, const std::string& path, int year) {
  return summary(c, org::Scope{0, path, "", {}}, year);
}

QuizSummary summary(db::Connection& c, const org::Scope& scope, int year) {
  QuizSummary s;
  std::string y = std::to_string(year);
  db::Params p{y + "-01-01", std::to_string(year + 1) + "-01-01"};
  scope.bind_all(p);
  const std::string in = scope.all("u.id", "u.path", 3);
  s.rounds = c.scalar("SELECT COUNT(*) FROM quiz_rounds r JOIN units u ON u.id = r.unit_id WHERE r.opens_at >= $1 "
                      "AND r.opens_at < $2 AND " + in,
                      p);
  auto a = c.query_one("SELECT COUNT(*), COALESCE(SUM(a.score), 0), COALESCE(SUM(a.max_score), 0) FROM quiz_attempts a "
                       "JOIN units u ON u.id = a.unit_id WHERE a.started_at >= $1 AND a.started_at < $2 "
                       "AND a.submitted_at IS NOT NULL AND " + in,
                       p);
  s.attempts = a->i64(0);
  s.average_percent = a->i64(2) ? 100.0 * static_cast<double>(a->i64(1)) / static_cast<double>(a->i64(2)) : 0;
  s.draws = c.scalar("SELECT COUNT(*) FROM draw_sessions d JOIN units u ON u.id = d.unit_id WHERE d.created_at >= $1 "
                     "AND d.created_at < $2 AND " + in,
                     p);
  s.picks = c.scalar("SELECT COUNT(*) FROM draw_picks k JOIN draw_sessions d ON d.id = k.session_id JOIN units u ON u.id = d.unit_id "
                     "WHERE d.created_at >= $1 AND d.created_at < $2 AND " + in,
                     p);
  return s;
}

// ---------------------------------------------------------------- JSON
nlohmann::json to_json(const Question& q, bool with_answer) {
  nlohmann::json j{{"id", q.id},           {"unit_id", q.unit_id},         {"kind", kind_code(q.kind)},
                   {"category", q.category}, {"difficulty", q.difficulty}, {"question", q.question},
                   {"options", q.options},  {"source", q.source},           {"active", q.active}};
  if (with_answer) {
    j["answer"] = q.answer;
    j["explanation"] = q.explanation;
  }
  return j;
}

nlohmann::json to_json(const Draw& d) {
  auto picks = nlohmann::json::array();
  for (const auto& p : d.picks) {
    nlohmann::json j{{"id", p.id}, {"position", p.position}, {"question", to_json(p.question, true)},
                     {"participant", p.participant}, {"team", p.team}, {"points", p.points}};
    j["correct"] = p.correct ? nlohmann::json(*p.correct) : nlohmann::json(nullptr);
    picks.push_back(j);
  }
  nlohmann::json j{{"id", d.id},       {"unit_id", d.unit_id},       {"title", d.title}, {"categories", d.categories},
                   {"flowers", d.flowers}, {"status", d.open ? "open" : "closed"}, {"picks", picks}};
  j["meeting_id"] = d.meeting_id ? nlohmann::json(d.meeting_id) : nlohmann::json(nullptr);
  return j;
}

nlohmann::json to_json(const Round& r) {
  return {{"id", r.id},
          {"unit_id", r.unit_id},
          {"title", r.title},
          {"categories", r.categories},
          {"questions_per_person", r.questions_per_person},
          {"time_limit_seconds", r.time_limit_seconds},
          {"opens_at", r.opens_at},
          {"closes_at", r.closes_at},
          {"public", r.is_public},
          {"state", r.state()}};
}

nlohmann::json to_json(const Attempt& a, bool with_answers) {
  auto qs = nlohmann::json::array();
  for (const auto& q : a.questions) {
    nlohmann::json j{{"position", q.position}, {"question", to_json(q.question, with_answers)}, {"given", q.given}};
    j["correct"] = q.correct ? nlohmann::json(*q.correct) : nlohmann::json(nullptr);
    qs.push_back(j);
  }
  nlohmann::json j{{"id", a.id},           {"round_id", a.round_id},   {"started_at", a.started_at},
                   {"deadline_at", a.deadline_at}, {"max_score", a.max_score}, {"questions", qs}};
  j["submitted_at"] = a.finished() ? nlohmann::json(a.submitted_at) : nlohmann::json(nullptr);
  j["score"] = a.score ? nlohmann::json(*a.score) : nlohmann::json(nullptr);
  return j;
}

nlohmann::json to_json(const RoundResults& r) {
  auto unit = [](const UnitResult& u) {
    return nlohmann::json{{"unit_id", u.unit_id}, {"name", u.name}, {"members", u.members}, {"participants", u.participants},
                          {"average", u.average}};
  };
  auto children = nlohmann::json::array();
  for (const auto& u : r.children) children.push_back(unit(u));
  auto ranking = nlohmann::json::array();
  for (const auto& k : r.ranking)
    ranking.push_back({{"name", k.name}, {"where", k.where}, {"score", k.score}, {"max_score", k.max_score},
                       {"seconds", k.seconds}, {"citizen", k.citizen}});
  return {{"total", unit(r.total)}, {"children", children}, {"citizens", r.citizens}, {"ranking", ranking}, {"ranked", r.ranked}};
}

}  // namespace ct05::quizzes
