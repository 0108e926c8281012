// Pages of meetings and evaluations: a unit's year of meetings as a calendar, the meeting form with
// attendance, a meeting, the evaluations of a unit's year with the year-end lock, a member's self-assessment,
// and the subtree's dashboard.
#include <algorithm>
#include <set>

#include "kernel/clock.hpp"
#include "kernel/text.hpp"
#include "modules/meetings/module.hpp"
#include "modules/meetings/storage/meeting_store.hpp"
#include "modules/meetings/web/meeting_charts.hpp"
#include "modules/org/module.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/plans/storage/plan_store.hpp"
#include "modules/plans/storage/year_review.hpp"
#include "modules/plans/web/year_links.hpp"
#include "platform/exports/export_kinds.hpp"
#include "platform/exports/exports.hpp"
#include "platform/http/json_input.hpp"

namespace ct05::meetings {

namespace {

int year_param(http::Context& ctx) {
  auto y = plans::parse_year(ctx.req.method == "GET" ? ctx.req.query().get("year") : ctx.req.form().trimmed("year"));
  return y ? *y : plans::default_year(ctx.db());
}

std::string unit_href(std::int64_t id, const std::string& rest = "") { return "/units/" + std::to_string(id) + rest; }

void add_paragraphs(html::Dict& parent, const std::string& text) {
  for (const auto& para : kernel::paragraphs(text)) {
    auto* p = parent.AddSectionDictionary("P");
    for (std::size_t i = 0; i < para.size(); ++i) {
      auto* l = p->AddSectionDictionary("LINE");
      l->SetValue("TEXT", para[i]);
      if (i > 0) l->ShowSection("BR");
    }
  }
}

// ---- a unit's year of meetings
http::Response unit_meetings_page(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto& c = ctx.db();
  auto u = id ? org::get_unit(c, ctx.principal, *id, auth::Action::kViewPlan) : fail(Error::not_found("Không tìm thấy đơn vị."));
  if (!u) return ctx.error(u.error());
  int year = year_param(ctx);
  html::Dict d("unit_meetings");
  d.SetIntValue("UNIT_ID", u->id);
  d.SetValue("UNIT_NAME", u->name);
  d.SetIntValue("YEAR", year);
  plans::add_year_links(d, c, unit_href(u->id, "/meetings"), year);
  if (u->active && auth::allowed(ctx.principal, auth::Action::kRecordMeeting, {u->path}) && cadence_for(u->kind) != Cadence::kNone)
    d.ShowSection("CAN_RECORD");
  if (ctx.req.query().get("msg") == "saved") d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã lưu buổi sinh hoạt.");
  if (auto r = plans::find_year_review(c, u->id, year); r && r->locked) {
    auto* l = d.AddSectionDictionary("LOCK");
    l->SetValue("AT", kernel::datetime_vn(r->locked_at));
    l->SetValue("BY", r->locked_by);
  }
  auto list = unit_meetings(c, u->id, year);
  auto cadence = cadence_for(u->kind);
  std::string until = count_until(year, kernel::today_iso());
  std::vector<std::string> periodic;
  for (const auto& m : list)
    if (m.kind == MeetingKind::kPeriodic) periodic.push_back(m.held_on);
  auto due = due_periods(cadence, year, u->valid_from, u->valid_to, until);
  if (cadence != Cadence::kNone) {
    auto n = count_meetings(cadence, year, u->valid_from, u->valid_to, until, periodic);
    auto* e = d.AddSectionDictionary("EXPECTED");
    e->SetIntValue("HELD", n.held);
    e->SetIntValue("DUE", n.expected);
    e->SetValue("CADENCE", std::string(cadence_label(cadence)));
    if (n.held < n.expected) {
      auto* b = e->AddSectionDictionary("BEHIND");
      b->SetIntValue("N", n.expected - n.held);
      b->SetValue("CADENCE", std::string(cadence_label(cadence)));
    }
  }
  for (int month = 1; month <= 12; ++month) {
    auto* s = d.AddSectionDictionary("MONTH");
    s->SetIntValue("M", month);
    for (const auto& m : list) {
      if (std::stoi(m.held_on.substr(5, 2)) != month) continue;
      auto* day = s->AddSectionDictionary("DAY");
      day->SetIntValue("ID", m.id);
      day->SetValue("DATE", kernel::date_vn(m.held_on).substr(0, 5));
      day->SetValue("TOPIC", m.topic);
      if (m.kind == MeetingKind::kThematic) day->ShowSection("THEMATIC");
    }
    // A due month without a periodic meeting (for quarters: the quarter's last month, when the quarter had none).
    int period = cadence == Cadence::kMonthly ? month : (cadence == Cadence::kQuarterly && month % 3 == 0 ? month / 3 : 0);
    if (period && std::find(due.begin(), due.end(), period) != due.end()) {
      bool held = std::any_of(periodic.begin(), periodic.end(), [&](const std::string& dt) { return period_of(cadence, dt) == period; });
      if (!held) s->ShowSection("MISSED");
    }
  }
  d.SetIntValue("COUNT", static_cast<long>(list.size()));
  if (list.empty()) d.ShowSection("NONE");
  for (auto it = list.rbegin(); it != list.rend(); ++it) {
    auto* s = d.AddSectionDictionary("MEETING");
    s->SetIntValue("ID", it->id);
    s->SetValue("DATE", kernel::date_vn(it->held_on));
    s->SetValue("TOPIC", it->topic);
    s->SetValue("KIND", std::string(kind_label(it->kind)));
    s->SetIntValue("PRESENT", it->present);
    s->SetIntValue("TOTAL", it->present + it->absent);
    if (it->story_told) s->ShowSection("STORY");
    if (it->quiz_held) s->ShowSection("QUIZ");
  }
  if (!list.empty()) exports::add_links(d, "meetings", u->id, {{"year", std::to_string(year)}});
  return ctx.page("meetings/unit_meetings.tpl", d, "Sinh hoạt — " + u->name);
}

// ---- the meeting form (new and edit)
struct FormState {
  MeetingInput in;
  std::vector<Attendance> attendance;
};

FormState form_state(const http::Fields& f) {
  FormState s;
  s.in.held_on = f.trimmed("held_on");
  s.in.kind = f.trimmed("kind");
  s.in.topic = f.trimmed("topic");
  s.in.minutes = f.get("minutes");
  s.in.story_told = f.get("story_told") == "1";
  s.in.story_title = f.trimmed("story_title");
  s.in.story_teller = f.trimmed("story_teller");
  s.in.quiz_held = f.get("quiz_held") == "1";
  s.in.quiz_note = f.trimmed("quiz_note");
  for (const auto& [k, v] : f.items()) {
    if (k != "member") continue;
    auto pid = http::parse_id(v);
    if (!pid) continue;
    std::string key = std::to_string(*pid);
    bool present = f.get("present_" + key) == "1";
    s.attendance.push_back({*pid, "", present, present ? "" : f.trimmed("reason_" + key)});
  }
  return s;
}

http::Response meeting_form(http::Context& ctx, const org::Unit& u, const Meeting* m, const FormState* draft, const Error* err) {
  html::Dict d("meeting_form");
  d.SetIntValue("UNIT_ID", u.id);
  d.SetValue("UNIT_NAME", u.name);
  d.SetValue("HEADING", m ? "Sửa buổi sinh hoạt" : "Ghi buổi sinh hoạt");
  d.SetValue("ACTION", m ? "/meetings/" + std::to_string(m->id) : unit_href(u.id, "/meetings"));
  d.SetValue("CSRF", ctx.csrf_token());
  auto value = [&](const std::optional<std::string>& drafted, const std::string& stored) { return drafted.value_or(stored); };
  std::string date = draft ? draft->in.held_on.value_or("") : (m ? m->held_on : ctx.req.query().get("date"));
  if (date.empty() || !kernel::valid_date(date)) date = kernel::today_iso();
  d.SetValue("HELD_ON", date);
  std::string kind = draft ? draft->in.kind.value_or("") : (m ? std::string(kind_code(m->kind)) : "dinh_ky");
  for (auto k : {MeetingKind::kPeriodic, MeetingKind::kThematic}) {
    auto* o = d.AddSectionDictionary("KIND");
    o->SetValue("VALUE", std::string(kind_code(k)));
    o->SetValue("LABEL", std::string(kind_label(k)));
    if (kind == kind_code(k)) o->ShowSection("SELECTED");
  }
  d.SetValue("TOPIC", draft ? value(draft->in.topic, "") : (m ? m->topic : ""));
  d.SetValue("MINUTES", draft ? value(draft->in.minutes, "") : (m ? m->minutes : ""));
  if (draft ? draft->in.story_told.value_or(false) : (m && m->story_told)) d.ShowSection("STORY_TOLD");
  d.SetValue("STORY_TITLE", draft ? value(draft->in.story_title, "") : (m ? m->story_title : ""));
  d.SetValue("STORY_TELLER", draft ? value(draft->in.story_teller, "") : (m ? m->story_teller : ""));
  if (draft ? draft->in.quiz_held.value_or(false) : (m && m->quiz_held)) d.ShowSection("QUIZ_HELD");
  d.SetValue("QUIZ_NOTE", draft ? value(draft->in.quiz_note, "") : (m ? m->quiz_note : ""));
  // The members on the chosen date; what was ticked (or recorded) is kept.
  auto members = members_on(ctx.db(), u.id, date);
  const std::vector<Attendance>* known = draft ? &draft->attendance : (m ? &m->attendance : nullptr);
  for (const auto& person : members) {
    auto* s = d.AddSectionDictionary("MEMBER");
    s->SetIntValue("ID", person.person_id);
    s->SetValue("NAME", person.name);
    bool present = true;
    std::string reason;
    if (known)
      for (const auto& a : *known)
        if (a.person_id == person.person_id) {
          present = a.present;
          reason = a.reason;
        }
    if (present) s->ShowSection("PRESENT");
    s->SetValue("REASON", reason);
  }
  d.SetIntValue("MEMBER_COUNT", static_cast<long>(members.size()));
  if (members.empty()) d.ShowSection("NO_MEMBERS");
  if (err) html::set_field_errors(d, err->message, http::field_pairs(*err));
  return ctx.page("meetings/meeting_form.tpl", d, m ? "Sửa buổi sinh hoạt" : "Ghi buổi sinh hoạt", err ? http::status_for(err->code) : 200);
}

http::Response new_meeting_page(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto u = id ? org::get_unit(ctx.db(), ctx.principal, *id, auth::Action::kRecordMeeting) : fail(Error::not_found("Không tìm thấy đơn vị."));
  if (!u) return ctx.error(u.error());
  return meeting_form(ctx, *u, nullptr, nullptr, nullptr);
}

http::Response create_meeting_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto u = id ? org::get_unit(ctx.db(), ctx.principal, *id, auth::Action::kRecordMeeting) : fail(Error::not_found("Không tìm thấy đơn vị."));
  if (!u) return ctx.error(u.error());
  auto s = form_state(ctx.req.form());
  s.in.unit_id = u->id;
  auto r = create_meeting(ctx.db(), ctx.principal, s.in, s.attendance);
  if (!r) return r.error().code == ErrorCode::kInvalid ? meeting_form(ctx, *u, nullptr, &s, &r.error()) : ctx.error(r.error());
  return http::Response::redirect("/meetings/" + std::to_string(r->id) + "?msg=saved");
}

http::Response edit_meeting_page(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto& c = ctx.db();
  auto m = id ? get_meeting(c, ctx.principal, *id) : fail(Error::not_found("Không tìm thấy buổi sinh hoạt."));
  if (!m) return ctx.error(m.error());
  if (auto ok = ctx.authorize(auth::Action::kRecordMeeting, {m->unit_path}); !ok) return ctx.error(ok.error());
  return meeting_form(ctx, *org::find_unit(c, m->unit_id), &*m, nullptr, nullptr);
}

http::Response update_meeting_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto& c = ctx.db();
  auto m = id ? find_meeting(c, *id) : std::nullopt;
  if (!m) return ctx.error(Error::not_found("Không tìm thấy buổi sinh hoạt."));
  auto s = form_state(ctx.req.form());
  // Details and attendance together, all or nothing.
  auto r = update_meeting(c, ctx.principal, *id, s.in, s.attendance);
  if (!r) {
    if (r.error().code != ErrorCode::kInvalid) return ctx.error(r.error());
    return meeting_form(ctx, *org::find_unit(c, m->unit_id), &*m, &s, &r.error());
  }
  return http::Response::redirect("/meetings/" + std::to_string(*id) + "?msg=saved");
}

http::Response meeting_page(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto& c = ctx.db();
  auto m = id ? get_meeting(c, ctx.principal, *id) : fail(Error::not_found("Không tìm thấy buổi sinh hoạt."));
  if (!m) return ctx.error(m.error());
  html::Dict d("meeting_view");
  d.SetIntValue("ID", m->id);
  d.SetIntValue("UNIT_ID", m->unit_id);
  d.SetValue("UNIT_NAME", m->unit_name);
  int year = std::stoi(m->held_on.substr(0, 4));
  d.SetIntValue("YEAR", year);
  // A meeting in January or February usually reviews the year before.
  d.SetIntValue("EVAL_YEAR", m->held_on.substr(5, 2) <= "02" ? year - 1 : year);
  d.SetValue("DATE", kernel::date_vn(m->held_on));
  d.SetValue("TOPIC", m->topic);
  d.SetValue("KIND", std::string(kind_label(m->kind)));
  d.SetIntValue("PRESENT", m->present);
  d.SetIntValue("TOTAL", m->present + m->absent);
  d.SetValue("CREATED_BY", m->created_by);
  // Who was absent and why (often health) is personal: only for those who may see the unit's people.
  if (m->absent > 0 && auth::allowed(ctx.principal, auth::Action::kViewPerson, {m->unit_path})) {
    auto* ab = d.AddSectionDictionary("ABSENT");
    for (const auto& a : m->attendance) {
      if (a.present) continue;
      auto* s = ab->AddSectionDictionary("A");
      s->SetValue("NAME", a.name);
      if (!a.reason.empty()) s->AddSectionDictionary("REASON")->SetValue("TEXT", a.reason);
    }
  }
  if (m->story_told) {
    auto* s = d.AddSectionDictionary("STORY");
    s->SetValue("TITLE", m->story_title);
    if (!m->story_teller.empty()) s->AddSectionDictionary("TELLER")->SetValue("TEXT", m->story_teller);
  } else {
    d.ShowSection("NO_STORY");
  }
  if (m->quiz_held) {
    auto* s = d.AddSectionDictionary("QUIZ");
    if (!m->quiz_note.empty()) s->AddSectionDictionary("NOTE")->SetValue("TEXT", m->quiz_note);
  } else {
    d.ShowSection("NO_QUIZ");
  }
  if (!m->minutes.empty()) add_paragraphs(*d.AddSectionDictionary("MINUTES"), m->minutes);
  if (auth::allowed(ctx.principal, auth::Action::kRecordMeeting, {m->unit_path})) d.ShowSection("CAN_EDIT");
  if (ctx.req.query().get("msg") == "saved") d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã lưu buổi sinh hoạt.");
  return ctx.page("meetings/meeting_view.tpl", d, m->topic);
}

// ---- evaluations of a unit's year
std::string plan_status_label(const std::string& code) {
  auto s = plans::parse_status(code);
  return s ? std::string(plans::status_label(*s)) : code;
}

http::Response evaluations_page(http::Context& ctx, std::int64_t unit_id, int year, const Error* err, std::int64_t err_plan,
                                const RatingInput* draft) {
  auto& c = ctx.db();
  auto u = org::get_unit(c, ctx.principal, unit_id, auth::Action::kViewPlan);
  if (!u) return ctx.error(u.error());
  html::Dict d("evaluations");
  d.SetIntValue("UNIT_ID", u->id);
  d.SetValue("UNIT_NAME", u->name);
  d.SetIntValue("YEAR", year);
  plans::add_year_links(d, c, unit_href(u->id, "/evaluations"), year);
  std::string csrf = ctx.csrf_token();
  std::string msg = ctx.req.query().get("msg");
  if (msg == "rated") d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã lưu xếp loại.");
  if (msg == "locked") d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã kiểm điểm và khóa năm " + std::to_string(year) + ".");
  if (msg == "reopened") d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã mở lại năm " + std::to_string(year) + ".");
  auto review = plans::find_year_review(c, u->id, year);
  bool locked = review && review->locked;
  std::string parent_path;
  if (u->parent_id)
    if (auto p = org::find_unit(c, u->parent_id)) parent_path = p->path;
  if (locked) {
    auto* l = d.AddSectionDictionary("LOCKED");
    l->SetValue("AT", kernel::datetime_vn(review->locked_at));
    l->SetValue("BY", review->locked_by);
    if (plans::can_reopen(ctx.principal, u->path, parent_path)) {
      l->ShowSection("CAN_REOPEN");
      auto* f = l->AddSectionDictionary("REOPEN");
      f->SetIntValue("UNIT_ID", u->id);
      f->SetIntValue("YEAR", year);
      f->SetValue("CSRF", csrf);
      if (err && err_plan == -1) html::set_field_errors(*f, "", http::field_pairs(*err));
    }
  } else if (review && !review->reopened_at.empty()) {
    auto* r = d.AddSectionDictionary("REOPENED");
    r->SetValue("AT", kernel::datetime_vn(review->reopened_at));
    r->SetValue("BY", review->reopened_by);
    r->SetValue("REASON", review->reopen_reason);
  }
  // The unit's meetings a rating can be given in: this year and the next (the year-end review is often in January).
  std::vector<Meeting> meetings = unit_meetings(c, u->id, year);
  for (auto& m : unit_meetings(c, u->id, year + 1)) meetings.push_back(std::move(m));
  std::reverse(meetings.begin(), meetings.end());  // latest first
  std::int64_t chosen = ctx.req.query().id("meeting").value_or(draft && draft->meeting_id ? *draft->meeting_id : 0);
  if (meetings.empty()) d.ShowSection("NO_MEETING");
  auto add_meetings = [&](html::Dict& parent, bool topic) {
    for (const auto& m : meetings) {
      auto* o = parent.AddSectionDictionary("M");
      o->SetIntValue("ID", m.id);
      o->SetValue("DATE", kernel::date_vn(m.held_on));
      if (topic) o->SetValue("TOPIC", m.topic);
      if (m.id == chosen) o->ShowSection("SELECTED");
    }
  };
  auto list = unit_evaluations(c, u->id, year);
  if (list.empty()) d.ShowSection("NONE");
  std::map<Rating, std::int64_t> plan_counts, commitment_counts;
  int unrated = 0;
  bool show_names = auth::allowed(ctx.principal, auth::Action::kViewPerson, {u->path});
  for (const auto& e : list) {
    if (e.person_id && !show_names && e.person_id != ctx.principal.person_id) continue;
    auto* s = d.AddSectionDictionary("E");
    s->SetIntValue("PLAN_ID", e.plan_id);
    s->SetValue("SUBJECT", e.person_id ? e.subject : "Kế hoạch của " + e.subject);
    s->SetValue("KIND", e.person_id ? "Cam kết cá nhân" : "Kế hoạch tập thể");
    s->SetValue("STATUS", plan_status_label(e.plan_status));
    if (e.person_id) {
      if (e.self_rating) {
        auto* x = s->AddSectionDictionary("SELF");
        x->SetValue("LABEL", std::string(rating_label(*e.self_rating)));
        if (!e.self_comment.empty()) x->AddSectionDictionary("COMMENT")->SetValue("TEXT", e.self_comment);
      } else {
        auto* x = s->AddSectionDictionary("NO_SELF");
        x->SetIntValue("PLAN_ID", e.plan_id);
        if (!locked && e.plan_status == "accepted" &&
            (auth::allowed(ctx.principal, auth::Action::kEditCommitment, {e.unit_path, e.person_id}) ||
             auth::allowed(ctx.principal, auth::Action::kEvaluate, {e.unit_path})))
          x->AddSectionDictionary("SELF_LINK")->SetIntValue("PLAN_ID", e.plan_id);
      }
    }
    if (e.rating) {
      (e.person_id ? commitment_counts : plan_counts)[*e.rating]++;
      auto* x = s->AddSectionDictionary("RATED");
      x->SetValue("LABEL", std::string(rating_label(*e.rating)));
      if (!e.comment.empty()) x->AddSectionDictionary("COMMENT")->SetValue("TEXT", e.comment);
      x->SetValue("MEETING_DATE", kernel::date_vn(e.meeting_date));
      x->SetValue("BY", e.rated_by);
    } else if (e.plan_status == "accepted") {
      ++unrated;
    }
    bool rateable = e.plan_status == "accepted" && (!e.person_id || e.self_rating);
    if (!locked && rateable && !meetings.empty() && can_rate(ctx.principal, e)) {
      auto* f = s->AddSectionDictionary("RATE");
      f->SetIntValue("PLAN_ID", e.plan_id);
      f->SetValue("CSRF", csrf);
      bool mine = err && err_plan == e.plan_id && draft;
      std::string current = mine ? draft->rating.value_or("") : (e.rating ? std::string(rating_code(*e.rating)) : "");
      for (auto r : ratings()) {
        auto* o = f->AddSectionDictionary("OPT");
        o->SetValue("VALUE", std::string(rating_code(r)));
        o->SetValue("LABEL", std::string(rating_label(r)));
        if (current == rating_code(r)) o->ShowSection("SELECTED");
      }
      f->SetValue("COMMENT", mine ? draft->comment.value_or("") : e.comment);
      add_meetings(*f, false);
      if (err && err_plan == e.plan_id) {
        auto pairs = http::field_pairs(*err);
        if (pairs.empty()) pairs.push_back({"any", err->message});
        html::set_field_errors(*f, "", pairs);
      }
    }
  }
  if (err && err_plan != 0) d.AddSectionDictionary("ERRORS")->SetValue("MESSAGE", err->message);
  for (auto r : ratings()) d.AddSectionDictionary("HEAD")->SetValue("LABEL", std::string(rating_label(r)));
  for (auto [label, counts] : {std::pair{"Kế hoạch tập thể", &plan_counts}, std::pair{"Cam kết cá nhân", &commitment_counts}}) {
    auto* row = d.AddSectionDictionary("DIST");
    row->SetValue("LABEL", label);
    for (auto r : ratings()) row->AddSectionDictionary("N")->SetIntValue("V", counts->count(r) ? (*counts)[r] : 0);
  }
  if (!locked && !meetings.empty() && auth::allowed(ctx.principal, auth::Action::kEvaluate, {u->path})) {
    auto* f = d.AddSectionDictionary("CAN_LOCK");
    f->SetIntValue("UNIT_ID", u->id);
    f->SetIntValue("YEAR", year);
    f->SetValue("CSRF", csrf);
    add_meetings(*f, true);
    if (unrated > 0) f->AddSectionDictionary("UNRATED")->SetIntValue("N", unrated);
  }
  int status = err ? http::status_for(err->code) : 200;
  return ctx.page("meetings/evaluations.tpl", d, "Đánh giá, xếp loại năm " + std::to_string(year) + " — " + u->name, status);
}

http::Response evaluations_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đơn vị."));
  return evaluations_page(ctx, *id, year_param(ctx), nullptr, 0, nullptr);
}

RatingInput rating_input(const http::Fields& f) {
  RatingInput in;
  in.rating = f.trimmed("rating");
  in.comment = f.trimmed("comment");
  in.meeting_id = f.id("meeting_id");
  return in;
}

http::Response rate_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto& c = ctx.db();
  auto e = id ? find_evaluation(c, *id) : std::nullopt;
  if (!e) return ctx.error(Error::not_found("Không tìm thấy kế hoạch, cam kết."));
  auto in = rating_input(ctx.req.form());
  auto r = rate(c, ctx.principal, *id, in);
  if (!r) {
    if (r.error().code == ErrorCode::kForbidden || r.error().code == ErrorCode::kUnauthenticated) return ctx.error(r.error());
    return evaluations_page(ctx, e->unit_id, e->year, &r.error(), e->plan_id, &in);
  }
  std::string meeting = in.meeting_id ? "&meeting=" + std::to_string(*in.meeting_id) : "";
  return http::Response::redirect(unit_href(e->unit_id, "/evaluations?year=" + std::to_string(e->year) + meeting + "&msg=rated"));
}

http::Response lock_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đơn vị."));
  int year = year_param(ctx);
  auto r = hold_year_review(ctx.db(), ctx.principal, *id, year, ctx.req.form().id("meeting_id"));
  if (!r) {
    if (r.error().code == ErrorCode::kForbidden || r.error().code == ErrorCode::kUnauthenticated) return ctx.error(r.error());
    return evaluations_page(ctx, *id, year, &r.error(), -2, nullptr);
  }
  return http::Response::redirect(unit_href(*id, "/evaluations?year=" + std::to_string(year) + "&msg=locked"));
}

http::Response reopen_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đơn vị."));
  int year = year_param(ctx);
  auto r = plans::reopen_year(ctx.db(), ctx.principal, *id, year, ctx.req.form().trimmed("reason"));
  if (!r) {
    if (r.error().code == ErrorCode::kForbidden || r.error().code == ErrorCode::kUnauthenticated) return ctx.error(r.error());
    return evaluations_page(ctx, *id, year, &r.error(), -1, nullptr);
  }
  return http::Response::redirect(unit_href(*id, "/evaluations?year=" + std::to_string(year) + "&msg=reopened"));
}

// ---- a member's self-assessment
http::Response self_page(http::Context& ctx, std::int64_t plan_id, const Error* err, const RatingInput* draft) {
  auto& c = ctx.db();
  auto e = get_evaluation(c, ctx.principal, plan_id);
  if (!e) return ctx.error(e.error());
  if (e->person_id == 0) return http::Response::redirect(unit_href(e->unit_id, "/evaluations?year=" + std::to_string(e->year)));
  if (e->person_id != ctx.principal.person_id && !auth::allowed(ctx.principal, auth::Action::kViewPerson, {e->unit_path}))
    return ctx.error(Error::forbidden());
  auto u = org::find_unit(c, e->unit_id);
  html::Dict d("self_assessment");
  d.SetIntValue("PLAN_ID", e->plan_id);
  d.SetIntValue("YEAR", e->year);
  d.SetValue("SUBJECT", e->subject);
  d.SetValue("UNIT_NAME", u ? u->name : "");
  if (ctx.req.query().get("msg") == "saved") d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã lưu tự đánh giá.");
  if (e->self_rating) {
    auto* s = d.AddSectionDictionary("SELF");
    s->SetValue("LABEL", std::string(rating_label(*e->self_rating)));
    if (!e->self_comment.empty()) s->AddSectionDictionary("COMMENT")->SetValue("TEXT", e->self_comment);
    s->SetValue("BY", e->self_by);
  }
  if (e->rating) {
    auto* s = d.AddSectionDictionary("RATED");
    s->SetValue("LABEL", std::string(rating_label(*e->rating)));
    if (!e->comment.empty()) s->AddSectionDictionary("COMMENT")->SetValue("TEXT", e->comment);
    s->SetValue("MEETING_DATE", kernel::date_vn(e->meeting_date));
  }
  if (e->plan_status != "accepted") d.ShowSection("NOT_ACCEPTED");
  bool may = auth::allowed(ctx.principal, auth::Action::kEditCommitment, {e->unit_path, e->person_id}) ||
             auth::allowed(ctx.principal, auth::Action::kEvaluate, {e->unit_path});
  if (may && e->plan_status == "accepted" && !e->rating && plans::check_open(c, e->unit_id, e->year)) {
    auto* f = d.AddSectionDictionary("FORM");
    f->SetIntValue("PLAN_ID", e->plan_id);
    f->SetValue("CSRF", ctx.csrf_token());
    std::string current = draft ? draft->rating.value_or("") : (e->self_rating ? std::string(rating_code(*e->self_rating)) : "");
    for (auto r : ratings()) {
      auto* o = f->AddSectionDictionary("OPT");
      o->SetValue("VALUE", std::string(rating_code(r)));
      o->SetValue("LABEL", std::string(rating_label(r)));
      if (current == rating_code(r)) o->ShowSection("SELECTED");
    }
    f->SetValue("COMMENT", draft ? draft->comment.value_or("") : e->self_comment);
    if (err) html::set_field_errors(*f, "", http::field_pairs(*err));
  }
  if (err) d.AddSectionDictionary("ERRORS")->SetValue("MESSAGE", err->message);
  return ctx.page("meetings/self_assessment.tpl", d, "Đánh giá cam kết năm " + std::to_string(e->year),
                  err ? http::status_for(err->code) : 200);
}

http::Response self_get(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy cam kết."));
  return self_page(ctx, *id, nullptr, nullptr);
}

http::Response self_post(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy cam kết."));
  auto in = rating_input(ctx.req.form());
  auto r = self_assess(ctx.db(), ctx.principal, *id, in);
  if (!r) {
    if (r.error().code == ErrorCode::kForbidden || r.error().code == ErrorCode::kUnauthenticated) return ctx.error(r.error());
    return self_page(ctx, *id, &r.error(), &in);
  }
  return http::Response::redirect("/plans/" + std::to_string(*id) + "/evaluation?msg=saved");
}

// ---- the subtree's dashboard
http::Response dashboard(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto& c = ctx.db();
  auto u = id ? org::get_unit(c, ctx.principal, *id, auth::Action::kViewPlan) : fail(Error::not_found("Không tìm thấy đơn vị."));
  if (!u) return ctx.error(u.error());
  int year = year_param(ctx);
  std::string until = count_until(year, kernel::today_iso());
  auto page = html::page_request(ctx.req.query().get("page"));
  html::Dict d("dashboard");
  d.SetIntValue("UNIT_ID", u->id);
  d.SetValue("UNIT_NAME", u->name);
  d.SetIntValue("YEAR", year);
  d.SetValue("UNTIL", kernel::date_vn(until));
  d.SetValue("LAST_MONTH", until.substr(5, 2));
  plans::add_year_links(d, c, unit_href(u->id, "/meetings/dashboard"), year);
  auto units = meeting_counts(c, u->path, year, until);  // once for the figures, the children and the list
  auto s = summarize(units);
  d.SetIntValue("PERCENT", html::percent(s.held, s.expected));
  d.SetValue("HELD", html::number_vn(s.held));
  d.SetValue("EXPECTED", html::number_vn(s.expected));
  d.SetValue("UNITS", html::number_vn(s.units));
  d.SetValue("MEETINGS", html::number_vn(s.meetings));
  d.SetValue("THEMATIC", html::number_vn(s.thematic));
  d.SetValue("STORIES", html::number_vn(s.stories));
  d.SetValue("QUIZZES", html::number_vn(s.quizzes));
  d.SetValue("BEHIND", html::number_vn(s.behind));
  for (const auto& chart : meeting_charts(c, *u, year, units, kernel::today_iso())) {
    if (chart.id == "meetings-children") {
      if (chart.labels.empty()) continue;
      d.ShowSection("HAS_CHILDREN");
      charts::include(d, "CHILD_CHART", chart);
    } else {
      charts::include(d, "YEAR_CHART", chart);
    }
  }
  auto dist = rating_distribution(c, u->path, year);
  std::int64_t rated_plans = 0, rated_commitments = 0;
  for (auto r : ratings()) {
    rated_plans += dist.plans.count(r) ? dist.plans[r] : 0;
    rated_commitments += dist.commitments.count(r) ? dist.commitments[r] : 0;
  }
  for (auto r : ratings()) {
    auto* row = d.AddSectionDictionary("RATING");
    std::int64_t p = dist.plans.count(r) ? dist.plans[r] : 0, cm = dist.commitments.count(r) ? dist.commitments[r] : 0;
    row->SetValue("LABEL", std::string(rating_label(r)));
    row->SetValue("PLANS", html::number_vn(p));
    row->SetValue("COMMITMENTS", html::number_vn(cm));
    row->SetIntValue("PLAN_PERCENT", html::percent(p, rated_plans));
    row->SetIntValue("C_PERCENT", html::percent(cm, rated_commitments));
  }
  d.SetValue("PLANS_UNRATED", html::number_vn(dist.plans_accepted - rated_plans));
  d.SetValue("PLANS_ACCEPTED", html::number_vn(dist.plans_accepted));
  d.SetValue("C_UNRATED", html::number_vn(dist.commitments_accepted - rated_commitments));
  d.SetValue("C_ACCEPTED", html::number_vn(dist.commitments_accepted));
  if (s.behind == 0) d.ShowSection("NO_BEHIND");
  for (const auto& b : units_behind(units, page.per_page, page.offset())) {
    auto* r = d.AddSectionDictionary("LATE");
    r->SetIntValue("ID", b.unit_id);
    r->SetValue("NAME", b.name);
    r->SetIntValue("YEAR", year);
    r->SetIntValue("HELD", b.count.held);
    r->SetIntValue("EXPECTED", b.count.expected);
    r->SetValue("CADENCE", std::string(cadence_label(cadence_for(b.kind))));
  }
  html::add_pager(d, s.behind, page, unit_href(u->id, "/meetings/dashboard?year=" + std::to_string(year) + "&"));
  return ctx.page("meetings/dashboard.tpl", d, "Theo dõi sinh hoạt — " + u->name);
}

// One chart's table as XLSX or CSV (?format=xlsx|csv): the figures the dashboard shows, with its permission.
http::Response dashboard_chart_export(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto& c = ctx.db();
  auto u = id ? org::get_unit(c, ctx.principal, *id, auth::Action::kViewPlan) : fail(Error::not_found("Không tìm thấy đơn vị."));
  if (!u) return ctx.error(u.error());
  auto format = exports::format_of(ctx.req.query().get("format"));
  if (!format)
    return ctx.error(Error::invalid({{"format", "Định dạng tải về phải là xlsx hoặc csv."}},
                                    "Định dạng tải về phải là xlsx (Excel) hoặc csv."));
  int year = year_param(ctx);
  std::string today = kernel::today_iso();
  auto all = meeting_charts(c, *u, year, meeting_counts(c, u->path, year, count_until(year, today)), today);
  const auto* chart = charts::find(all, ctx.params["chart"]);
  if (!chart) return ctx.error(Error::not_found("Không tìm thấy biểu đồ này."));
  return exports::download({charts::table(*chart)}, chart->title + " " + u->code, *format);
}

// ---- the subtree's meetings of one month
http::Response calendar(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto& c = ctx.db();
  auto u = id ? org::get_unit(c, ctx.principal, *id, auth::Action::kViewPlan) : fail(Error::not_found("Không tìm thấy đơn vị."));
  if (!u) return ctx.error(u.error());
  // ?month=YYYY-MM; the current month by default.
  std::string month = ctx.req.query().get("month");
  if (month.size() != 7 || !kernel::valid_date(month + "-01")) month = kernel::today_iso().substr(0, 7);
  int year = std::stoi(month.substr(0, 4)), mm = std::stoi(month.substr(5, 2));
  auto page = html::page_request(ctx.req.query().get("page"));
  std::string from = month + "-01", to = month + "-31";  // dates compare as text; no month has a 32nd
  html::Dict d("calendar");
  d.SetIntValue("UNIT_ID", u->id);
  d.SetValue("UNIT_NAME", u->name);
  d.SetIntValue("YEAR", year);
  d.SetIntValue("MONTH", mm);
  for (int m = 1; m <= 12; ++m) {
    auto* s = d.AddSectionDictionary("MONTHS");
    s->SetIntValue("M", m);
    char href[64];
    std::snprintf(href, sizeof href, "?month=%04d-%02d", year, m);
    s->SetValue("HREF", unit_href(u->id, "/meetings/calendar") + href);
    s->ShowSection(m == mm ? "CURRENT" : "OTHER");
  }
  auto total = count_subtree_meetings(c, u->path, from, to);
  d.SetValue("COUNT", html::number_vn(total));
  if (total == 0) d.ShowSection("NONE");
  html::Dict* day = nullptr;
  std::string last;
  for (const auto& m : subtree_meetings(c, u->path, from, to, page.per_page, page.offset())) {
    if (m.held_on != last) {
      day = d.AddSectionDictionary("DAY");
      day->SetValue("DATE", kernel::date_vn(m.held_on));
      last = m.held_on;
    }
    auto* s = day->AddSectionDictionary("M");
    s->SetIntValue("ID", m.id);
    s->SetValue("UNIT_NAME", m.unit_name);
    s->SetValue("KIND", std::string(kind_label(m.kind)));
    s->SetValue("TOPIC", m.topic);
    s->SetIntValue("PRESENT", m.present);
    s->SetIntValue("TOTAL", m.present + m.absent);
  }
  html::add_pager(d, total, page, unit_href(u->id, "/meetings/calendar?month=" + month + "&"));
  return ctx.page("meetings/calendar.tpl", d, "Lịch sinh hoạt — " + u->name);
}

std::string unit_panel(http::Context& ctx, const org::Unit& u) {
  if (!auth::allowed(ctx.principal, auth::Action::kViewPlan, {u.path})) return "";
  auto cadence = cadence_for(u.kind);
  if (cadence == Cadence::kNone) return "";
  auto& c = ctx.db();
  int year = plans::parse_year(ctx.req.query().get("year")).value_or(0);
  if (!year) year = plans::default_year(c);
  auto list = unit_meetings(c, u.id, year);
  html::Dict d("unit_panel");
  d.SetIntValue("UNIT_ID", u.id);
  d.SetIntValue("YEAR", year);
  d.SetIntValue("COUNT", static_cast<long>(list.size()));
  std::vector<std::string> periodic;
  for (const auto& m : list)
    if (m.kind == MeetingKind::kPeriodic) periodic.push_back(m.held_on);
  auto n = count_meetings(cadence, year, u.valid_from, u.valid_to, count_until(year, kernel::today_iso()), periodic);
  auto* e = d.AddSectionDictionary("EXPECTED");
  e->SetIntValue("HELD", n.held);
  e->SetIntValue("DUE", n.expected);
  e->SetValue("CADENCE", std::string(cadence_label(cadence)));
  if (!list.empty()) d.AddSectionDictionary("LAST")->SetValue("DATE", kernel::date_vn(list.back().held_on));
  if (auto r = plans::find_year_review(c, u.id, year); r && r->locked) d.ShowSection("LOCKED");
  return html::render("meetings/unit_panel.tpl", d);
}

}  // namespace

void wire_pages(http::App& app) {
  app.route("GET", "/units/{id}/meetings", unit_meetings_page);
  app.route("GET", "/units/{id}/meetings/new", new_meeting_page);
  app.route("POST", "/units/{id}/meetings", create_meeting_h);
  app.route("GET", "/units/{id}/meetings/dashboard", dashboard);
  app.route("GET", "/units/{id}/meetings/dashboard/charts/{chart}", dashboard_chart_export);
  app.route("GET", "/units/{id}/meetings/calendar", calendar);
  app.route("GET", "/meetings/{id}", meeting_page);
  app.route("GET", "/meetings/{id}/edit", edit_meeting_page);
  app.route("POST", "/meetings/{id}", update_meeting_h);
  app.route("GET", "/units/{id}/evaluations", evaluations_h);
  app.route("POST", "/plans/{id}/rating", rate_h);
  app.route("GET", "/plans/{id}/evaluation", self_get);
  app.route("POST", "/plans/{id}/self-assessment", self_post);
  app.route("POST", "/units/{id}/year-review", lock_h);
  app.route("POST", "/units/{id}/year-review/reopen", reopen_h);
  org::add_unit_panel("meetings", unit_panel);
}

}  // namespace ct05::meetings
