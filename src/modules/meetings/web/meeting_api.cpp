// /api/v1/meetings, /api/v1/evaluations and /api/v1/year-reviews: the same commands and permission rule as
// the pages, in JSON.
#include "kernel/clock.hpp"
#include "modules/meetings/module.hpp"
#include "modules/meetings/storage/meeting_store.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/plans/storage/plan_store.hpp"
#include "modules/plans/storage/year_review.hpp"
#include "platform/http/json_input.hpp"

namespace ct05::meetings {

namespace {

Result<int> year_of(const http::Fields& q) {
  if (auto y = plans::parse_year(q.get("year"))) return *y;
  return fail(Error::invalid({{"year", "Cần tham số year là năm có 4 chữ số (2016–2100)."}}));
}

//! The unit of ?unit= when the caller may read it.
Result<org::Unit> unit_of(http::Context& ctx) {
  auto unit = ctx.req.query().id("unit");
  if (!unit) return fail(Error::invalid({{"unit", "Cần tham số unit là mã số đơn vị."}}));
  return org::get_unit(ctx.db(), ctx.principal, *unit, auth::Action::kViewPlan);
}

Result<std::optional<std::vector<Attendance>>> attendance_of(const nlohmann::json& body) {
  auto it = body.find("attendance");
  if (it == body.end()) return std::optional<std::vector<Attendance>>{};
  const char* shape = "attendance phải là mảng [{\"person_id\": số, \"present\": true/false, \"reason\": \"…\"}].";
  if (!it->is_array()) return fail(Error::invalid({{"attendance", shape}}));
  std::vector<Attendance> rows;
  for (const auto& a : *it) {
    if (!a.is_object()) return fail(Error::invalid({{"attendance", shape}}));
    http::JsonFields f(a);
    auto pid = f.integer("person_id");
    auto present = f.boolean("present");
    auto reason = f.text("reason");
    if (!f.errors().empty() || !pid || !present) return fail(Error::invalid({{"attendance", shape}}));
    rows.push_back({*pid, "", *present, reason.value_or("")});
  }
  return std::optional<std::vector<Attendance>>{rows};
}

Result<MeetingInput> meeting_input(const nlohmann::json& body) {
  http::JsonFields f(body);
  MeetingInput in;
  in.unit_id = f.integer("unit_id");
  in.held_on = f.text("held_on");
  in.kind = f.text("kind");
  in.topic = f.text("topic");
  in.minutes = f.text("minutes");
  in.story_told = f.boolean("story_told");
  in.story_title = f.text("story_title");
  in.story_teller = f.text("story_teller");
  in.quiz_held = f.boolean("quiz_held");
  in.quiz_note = f.text("quiz_note");
  if (!f.errors().empty()) return fail(Error::invalid(f.errors()));
  return in;
}

http::Response list_meetings_h(http::Context& ctx) {
  auto u = unit_of(ctx);
  if (!u) return ctx.error(u.error());
  auto year = year_of(ctx.req.query());
  if (!year) return ctx.error(year.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& m : unit_meetings(ctx.db(), u->id, *year)) items.push_back(to_json(m, false));
  return http::Response::json(nlohmann::json{{"items", items}}.dump());
}

http::Response meeting_summary_h(http::Context& ctx) {
  auto u = unit_of(ctx);
  if (!u) return ctx.error(u.error());
  auto year = year_of(ctx.req.query());
  if (!year) return ctx.error(year.error());
  std::string until = count_until(*year, kernel::today_iso());
  auto j = to_json(meeting_summary(ctx.db(), u->path, *year, until));
  j["unit"] = u->id;
  j["year"] = *year;
  j["until"] = until;
  return http::Response::json(j.dump());
}

http::Response get_meeting_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy buổi sinh hoạt."));
  auto m = get_meeting(ctx.db(), ctx.principal, *id);
  if (!m) return ctx.error(m.error());
  return http::Response::json(to_json(*m, auth::allowed(ctx.principal, auth::Action::kViewPerson, {m->unit_path})).dump());
}

http::Response create_meeting_h(http::Context& ctx) {
  auto body = http::json_object(ctx.req);
  if (!body) return ctx.error(body.error());
  auto in = meeting_input(*body);
  if (!in) return ctx.error(in.error());
  auto rows = attendance_of(*body);
  if (!rows) return ctx.error(rows.error());
  auto m = create_meeting(ctx.db(), ctx.principal, *in, rows->value_or(std::vector<Attendance>{}));
  if (!m) return ctx.error(m.error());
  return http::Response::json(to_json(*m, true).dump(), 201);
}

http::Response patch_meeting_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy buổi sinh hoạt."));
  auto body = http::json_object(ctx.req);
  if (!body) return ctx.error(body.error());
  auto in = meeting_input(*body);
  if (!in) return ctx.error(in.error());
  auto rows = attendance_of(*body);
  if (!rows) return ctx.error(rows.error());
  auto m = update_meeting(ctx.db(), ctx.principal, *id, *in, *rows);
  if (!m) return ctx.error(m.error());
  return http::Response::json(to_json(*m, true).dump());
}

http::Response list_evaluations_h(http::Context& ctx) {
  auto u = unit_of(ctx);
  if (!u) return ctx.error(u.error());
  auto year = year_of(ctx.req.query());
  if (!year) return ctx.error(year.error());
  auto& c = ctx.db();
  bool names = auth::allowed(ctx.principal, auth::Action::kViewPerson, {u->path});
  nlohmann::json items = nlohmann::json::array();
  for (const auto& e : unit_evaluations(c, u->id, *year))
    if (!e.person_id || names || e.person_id == ctx.principal.person_id) items.push_back(to_json(e));
  auto review = plans::find_year_review(c, u->id, *year);
  return http::Response::json(nlohmann::json{{"items", items},
                                             {"locked", review && review->locked},
                                             {"ratings", to_json(rating_distribution(c, u->path, *year))}}
                                  .dump());
}

http::Response get_evaluation_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy kế hoạch, cam kết."));
  auto e = get_evaluation(ctx.db(), ctx.principal, *id);
  if (!e) return ctx.error(e.error());
  if (e->person_id && e->person_id != ctx.principal.person_id &&
      !auth::allowed(ctx.principal, auth::Action::kViewPerson, {e->unit_path}))
    return ctx.error(Error::forbidden());
  return http::Response::json(to_json(*e).dump());
}

Result<std::pair<std::int64_t, RatingInput>> rating_body(const http::Request& req) {
  auto body = http::json_object(req);
  if (!body) return fail(body.error());
  http::JsonFields f(*body);
  auto plan = f.integer("plan_id");
  RatingInput in;
  in.rating = f.text("rating");
  in.comment = f.text("comment");
  in.meeting_id = f.integer("meeting_id");
  if (!f.errors().empty()) return fail(Error::invalid(f.errors()));
  if (!plan) return fail(Error::invalid({{"plan_id", "Cần plan_id là mã số kế hoạch hoặc cam kết."}}));
  return std::pair{*plan, in};
}

http::Response rate_h(http::Context& ctx) {
  auto b = rating_body(ctx.req);
  if (!b) return ctx.error(b.error());
  auto e = rate(ctx.db(), ctx.principal, b->first, b->second);
  if (!e) return ctx.error(e.error());
  return http::Response::json(to_json(*e).dump());
}

http::Response self_h(http::Context& ctx) {
  auto b = rating_body(ctx.req);
  if (!b) return ctx.error(b.error());
  auto e = self_assess(ctx.db(), ctx.principal, b->first, b->second);
  if (!e) return ctx.error(e.error());
  return http::Response::json(to_json(*e).dump());
}

http::Response get_review_h(http::Context& ctx) {
  auto u = unit_of(ctx);
  if (!u) return ctx.error(u.error());
  auto year = year_of(ctx.req.query());
  if (!year) return ctx.error(year.error());
  auto r = plans::find_year_review(ctx.db(), u->id, *year);
  if (!r) return http::Response::json(nlohmann::json{{"unit_id", u->id}, {"year", *year}, {"locked", false}}.dump());
  return http::Response::json(plans::to_json(*r).dump());
}

struct ReviewBody {
  std::int64_t unit_id = 0;
  int year = 0;
  std::optional<std::int64_t> meeting_id;
  std::string reason;
};
Result<ReviewBody> review_body(const http::Request& req) {
  auto body = http::json_object(req);
  if (!body) return fail(body.error());
  http::JsonFields f(*body);
  ReviewBody b;
  auto unit = f.integer("unit_id");
  auto year = f.integer("year");
  b.meeting_id = f.integer("meeting_id");
  b.reason = f.text("reason").value_or("");
  if (!f.errors().empty()) return fail(Error::invalid(f.errors()));
  std::vector<FieldError> e;
  if (!unit) e.push_back({"unit_id", "Cần unit_id là mã số đơn vị."});
  if (!year || !plans::valid_year(static_cast<int>(*year))) e.push_back({"year", "Cần year là năm có 4 chữ số (2016–2100)."});
  if (!e.empty()) return fail(Error::invalid(std::move(e)));
  b.unit_id = *unit;
  b.year = static_cast<int>(*year);
  return b;
}

http::Response lock_h(http::Context& ctx) {
  auto b = review_body(ctx.req);
  if (!b) return ctx.error(b.error());
  auto& c = ctx.db();
  if (auto r = hold_year_review(c, ctx.principal, b->unit_id, b->year, b->meeting_id); !r) return ctx.error(r.error());
  return http::Response::json(plans::to_json(*plans::find_year_review(c, b->unit_id, b->year)).dump());
}

http::Response reopen_h(http::Context& ctx) {
  auto b = review_body(ctx.req);
  if (!b) return ctx.error(b.error());
  auto r = plans::reopen_year(ctx.db(), ctx.principal, b->unit_id, b->year, b->reason);
  if (!r) return ctx.error(r.error());
  return http::Response::json(plans::to_json(*r).dump());
}

}  // namespace

void wire_api(http::App& app) {
  app.route("GET", "/api/v1/meetings", list_meetings_h);
  app.route("GET", "/api/v1/meetings/summary", meeting_summary_h);
  app.route("POST", "/api/v1/meetings", create_meeting_h);
  app.route("GET", "/api/v1/meetings/{id}", get_meeting_h);
  app.route("PATCH", "/api/v1/meetings/{id}", patch_meeting_h);
  app.route("GET", "/api/v1/evaluations", list_evaluations_h);
  app.route("POST", "/api/v1/evaluations", rate_h);
  app.route("POST", "/api/v1/evaluations/self-assessment", self_h);
  app.route("GET", "/api/v1/evaluations/{id}", get_evaluation_h);
  app.route("GET", "/api/v1/year-reviews", get_review_h);
  app.route("POST", "/api/v1/year-reviews", lock_h);
  app.route("POST", "/api/v1/year-reviews/reopen", reopen_h);
}

}  // namespace ct05::meetings
