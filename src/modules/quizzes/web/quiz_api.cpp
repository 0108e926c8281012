// /api/v1/questions, /api/v1/quiz-rounds, /api/v1/quiz-attempts and /api/v1/draw-sessions: the same commands
// and permission rule as the pages, in JSON.
#include "modules/org/storage/unit_store.hpp"
#include "modules/quizzes/module.hpp"
#include "modules/quizzes/storage/quiz_store.hpp"
#include "platform/http/json_input.hpp"

namespace ct05::quizzes {

namespace {

Result<std::vector<std::string>> string_list(const nlohmann::json& body, const char* name) {
  std::vector<std::string> out;
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return out;
  if (!it->is_array()) return fail(Error::invalid({{name, std::string(name) + " phải là một mảng chuỗi."}}));
  for (const auto& x : *it) {
    if (!x.is_string()) return fail(Error::invalid({{name, std::string(name) + " phải là một mảng chuỗi."}}));
    out.push_back(x.get<std::string>());
  }
  return out;
}

Result<QuestionInput> question_input(const nlohmann::json& body) {
  http::JsonFields f(body);
  QuestionInput in;
  in.kind = f.text("kind");
  in.category = f.text("category");
  if (auto d = f.integer("difficulty")) in.difficulty = static_cast<int>(*d);
  in.question = f.text("question");
  in.explanation = f.text("explanation");
  in.source = f.text("source");
  in.active = f.boolean("active");
  if (!f.errors().empty()) return fail(Error::invalid(f.errors()));
  if (body.contains("options")) {
    auto o = string_list(body, "options");
    if (!o) return fail(o.error());
    in.options = *o;
  }
  if (auto it = body.find("answer"); it != body.end()) {
    if (!it->is_array()) return fail(Error::invalid({{"answer", "answer phải là mảng chỉ số phương án (tính từ 0)."}}));
    std::vector<int> a;
    for (const auto& x : *it) {
      if (!x.is_number_integer()) return fail(Error::invalid({{"answer", "answer phải là mảng chỉ số phương án (tính từ 0)."}}));
      a.push_back(x.get<int>());
    }
    in.answer = a;
  }
  return in;
}

Result<org::Unit> unit_param(http::Context& ctx, auth::Action a) {
  auto unit = ctx.req.query().id("unit");
  if (!unit) return fail(Error::invalid({{"unit", "Cần tham số unit là mã số đơn vị."}}));
  return org::get_unit(ctx.db(), ctx.principal, *unit, a);
}

http::Response list_questions(http::Context& ctx) {
  auto u = unit_param(ctx, auth::Action::kManageQuestions);
  if (!u) return ctx.error(u.error());
  auto page = html::page_request(ctx.req.query().get("page"));
  BankQuery q{ctx.req.query().get("category"), ctx.req.query().get("q")};
  nlohmann::json items = nlohmann::json::array();
  for (const auto& x : bank(ctx.db(), u->id, q, page.per_page, page.offset())) items.push_back(to_json(x, true));
  return http::Response::json(nlohmann::json{{"items", items}, {"total", bank_size(ctx.db(), u->id, q)}}.dump());
}

http::Response create_question_h(http::Context& ctx) {
  auto body = http::json_object(ctx.req);
  if (!body) return ctx.error(body.error());
  auto unit = body->find("unit_id");
  if (unit == body->end() || !unit->is_number_integer())
    return ctx.error(Error::invalid({{"unit_id", "Cần unit_id là mã số đơn vị có bộ câu hỏi."}}));
  auto in = question_input(*body);
  if (!in) return ctx.error(in.error());
  auto q = create_question(ctx.db(), ctx.principal, unit->get<std::int64_t>(), *in);
  if (!q) return ctx.error(q.error());
  return http::Response::json(to_json(*q, true).dump(), 201);
}

http::Response get_question_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy câu hỏi."));
  auto q = get_question(ctx.db(), ctx.principal, *id);
  if (!q) return ctx.error(q.error());
  return http::Response::json(to_json(*q, true).dump());
}

http::Response patch_question_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy câu hỏi."));
  auto body = http::json_object(ctx.req);
  if (!body) return ctx.error(body.error());
  auto in = question_input(*body);
  if (!in) return ctx.error(in.error());
  auto q = update_question(ctx.db(), ctx.principal, *id, *in);
  if (!q) return ctx.error(q.error());
  return http::Response::json(to_json(*q, true).dump());
}

// ---- rounds
http::Response list_rounds(http::Context& ctx) {
  auto u = unit_param(ctx, auth::Action::kViewPlan);
  if (!u) return ctx.error(u.error());
  auto page = html::page_request(ctx.req.query().get("page"));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : subtree_rounds(ctx.db(), u->path, page.per_page, page.offset())) items.push_back(to_json(r));
  return http::Response::json(nlohmann::json{{"items", items}}.dump());
}

http::Response create_round_h(http::Context& ctx) {
  auto body = http::json_object(ctx.req);
  if (!body) return ctx.error(body.error());
  http::JsonFields f(*body);
  RoundInput in;
  in.unit_id = f.integer("unit_id");
  in.title = f.text("title");
  in.opens_at = f.text("opens_at");
  in.closes_at = f.text("closes_at");
  if (auto n = f.integer("questions_per_person")) in.questions_per_person = static_cast<int>(*n);
  if (auto n = f.integer("time_limit_minutes")) in.time_limit_minutes = static_cast<int>(*n);
  in.is_public = f.boolean("public").value_or(false);
  if (!f.errors().empty()) return ctx.error(Error::invalid(f.errors()));
  auto cats = string_list(*body, "categories");
  if (!cats) return ctx.error(cats.error());
  in.categories = *cats;
  auto r = create_round(ctx.db(), ctx.principal, in);
  if (!r) return ctx.error(r.error());
  return http::Response::json(to_json(*r).dump(), 201);
}

http::Response get_round_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đợt thi."));
  auto r = get_round(ctx.db(), ctx.principal, *id);
  if (!r) return ctx.error(r.error());
  auto j = to_json(*r);
  if (auth::allowed(ctx.principal, auth::Action::kRunQuiz, {r->unit_path})) {
    auto page = html::page_request(ctx.req.query().get("page"));
    j["results"] = to_json(results(ctx.db(), *r, page.per_page, page.offset()));
  }
  return http::Response::json(j.dump());
}

// ---- attempts
Result<Attempt> own(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto a = id ? find_attempt(ctx.db(), *id) : std::nullopt;
  if (!a || !a->person_id) return fail(Error::not_found("Không tìm thấy bài thi."));
  auto r = find_round(ctx.db(), a->round_id);
  if (!may_see(ctx.principal, *a, *r)) return fail(Error::forbidden("Đây không phải bài thi của đồng chí."));
  return *a;
}

Result<std::map<int, std::vector<int>>> answers_of(const nlohmann::json& body) {
  std::map<int, std::vector<int>> out;
  auto it = body.find("answers");
  if (it == body.end()) return out;
  const char* shape = "answers phải có dạng {\"1\": [0], \"2\": [1, 3]} (số câu → chỉ số phương án, tính từ 0).";
  if (!it->is_object()) return fail(Error::invalid({{"answers", shape}}));
  for (const auto& [k, v] : it->items()) {
    if (k.empty() || k.size() > 3 || k.find_first_not_of("0123456789") != std::string::npos || !v.is_array())
      return fail(Error::invalid({{"answers", shape}}));
    auto& given = out[std::stoi(k)];
    for (const auto& x : v) {
      if (!x.is_number_integer()) return fail(Error::invalid({{"answers", shape}}));
      given.push_back(x.get<int>());
    }
  }
  return out;
}

http::Response start_h(http::Context& ctx) {
  auto body = http::json_object(ctx.req);
  if (!body) return ctx.error(body.error());
  http::JsonFields f(*body);
  auto round = f.integer("round_id");
  if (!round) return ctx.error(Error::invalid({{"round_id", "Cần round_id là mã số đợt thi."}}));
  auto a = start_attempt(ctx.db(), ctx.principal, *round);
  if (!a) return ctx.error(a.error());
  return http::Response::json(to_json(*a, a->finished()).dump(), 201);
}

http::Response get_attempt_h(http::Context& ctx) {
  auto a = own(ctx);
  if (!a) return ctx.error(a.error());
  return http::Response::json(to_json(*a, a->finished()).dump());
}

http::Response answers_h(http::Context& ctx) {
  auto a = own(ctx);
  if (!a) return ctx.error(a.error());
  if (a->person_id != ctx.principal.person_id) return ctx.error(Error::forbidden("Chỉ người dự thi mới trả lời được."));
  auto body = http::json_object(ctx.req);
  if (!body) return ctx.error(body.error());
  auto answers = answers_of(*body);
  if (!answers) return ctx.error(answers.error());
  auto r = save_answers(ctx.db(), *a, *answers);
  if (!r) return ctx.error(r.error());
  return http::Response::json(to_json(*r, false).dump());
}

http::Response submit_h(http::Context& ctx) {
  auto a = own(ctx);
  if (!a) return ctx.error(a.error());
  if (a->person_id != ctx.principal.person_id) return ctx.error(Error::forbidden("Chỉ người dự thi mới nộp bài được."));
  auto body = http::json_object(ctx.req);
  std::map<int, std::vector<int>> answers;
  if (body) {
    auto parsed = answers_of(*body);
    if (!parsed) return ctx.error(parsed.error());
    answers = *parsed;
  }
  auto r = submit_attempt(ctx.db(), *a, answers);
  if (!r) return ctx.error(r.error());
  return http::Response::json(to_json(*r, true).dump());
}

// ---- draws
http::Response create_draw_h(http::Context& ctx) {
  auto body = http::json_object(ctx.req);
  if (!body) return ctx.error(body.error());
  http::JsonFields f(*body);
  DrawInput in;
  in.unit_id = f.integer("unit_id");
  in.meeting_id = f.integer("meeting_id");
  in.title = f.text("title");
  if (auto n = f.integer("flowers")) in.flowers = static_cast<int>(*n);
  if (!f.errors().empty()) return ctx.error(Error::invalid(f.errors()));
  auto cats = string_list(*body, "categories");
  if (!cats) return ctx.error(cats.error());
  in.categories = *cats;
  auto d = open_draw(ctx.db(), ctx.principal, in);
  if (!d) return ctx.error(d.error());
  return http::Response::json(to_json(*d).dump(), 201);
}

http::Response get_draw_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy buổi hái hoa."));
  auto d = get_draw(ctx.db(), ctx.principal, *id);
  if (!d) return ctx.error(d.error());
  return http::Response::json(to_json(*d).dump());
}

http::Response pick_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy buổi hái hoa."));
  auto body = http::json_object(ctx.req);
  if (!body) return ctx.error(body.error());
  http::JsonFields f(*body);
  auto position = f.integer("position");
  if (!f.errors().empty() || !position) return ctx.error(Error::invalid({{"position", "Cần position là số thứ tự bông hoa."}}));
  auto p = pick_flower(ctx.db(), ctx.principal, *id, static_cast<int>(*position));
  if (!p) return ctx.error(p.error());
  return http::Response::json(nlohmann::json{{"id", p->id}, {"position", p->position}, {"question", to_json(p->question, true)}}.dump(), 201);
}

http::Response judge_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto pick = ctx.id_param("pick");
  if (!id || !pick) return ctx.error(Error::not_found("Không tìm thấy lượt hái hoa."));
  auto body = http::json_object(ctx.req);
  if (!body) return ctx.error(body.error());
  http::JsonFields f(*body);
  auto correct = f.boolean("correct");
  auto points = f.integer("points");
  auto participant = f.text("participant");
  auto team = f.text("team");
  if (!f.errors().empty()) return ctx.error(Error::invalid(f.errors()));
  if (!correct) return ctx.error(Error::invalid({{"correct", "Cần correct: true (đúng) hoặc false (sai)."}}));
  auto p = judge(ctx.db(), ctx.principal, *id, *pick, participant.value_or(""), team.value_or(""), *correct,
                 static_cast<int>(points.value_or(0)));
  if (!p) return ctx.error(p.error());
  return http::Response::json(to_json(*find_draw(ctx.db(), *id)).dump());
}

http::Response close_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy buổi hái hoa."));
  auto d = close_draw(ctx.db(), ctx.principal, *id);
  if (!d) return ctx.error(d.error());
  return http::Response::json(to_json(*d).dump());
}

}  // namespace

void wire_api(http::App& app) {
  app.route("GET", "/api/v1/questions", list_questions);
  app.route("POST", "/api/v1/questions", create_question_h);
  app.route("GET", "/api/v1/questions/{id}", get_question_h);
  app.route("PATCH", "/api/v1/questions/{id}", patch_question_h);
  app.route("GET", "/api/v1/quiz-rounds", list_rounds);
  app.route("POST", "/api/v1/quiz-rounds", create_round_h);
  app.route("GET", "/api/v1/quiz-rounds/{id}", get_round_h);
  app.route("POST", "/api/v1/quiz-attempts", start_h);
  app.route("GET", "/api/v1/quiz-attempts/{id}", get_attempt_h);
  app.route("POST", "/api/v1/quiz-attempts/{id}/answers", answers_h);
  app.route("POST", "/api/v1/quiz-attempts/{id}/submit", submit_h);
  app.route("POST", "/api/v1/draw-sessions", create_draw_h);
  app.route("GET", "/api/v1/draw-sessions/{id}", get_draw_h);
  app.route("POST", "/api/v1/draw-sessions/{id}/picks", pick_h);
  app.route("POST", "/api/v1/draw-sessions/{id}/picks/{pick}/result", judge_h);
  app.route("POST", "/api/v1/draw-sessions/{id}/close", close_h);
}

}  // namespace ct05::quizzes
