// Pages of quizzes: a unit's quiz home, its question bank and the question form, the live draw's tree of
// flowers (a page of its own for a projector or a phone), online rounds with their results and XLSX export,
// taking a round (answers saved as they are chosen), and the public round for citizens.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "kernel/clock.hpp"
#include "kernel/text.hpp"
#include "modules/meetings/storage/meeting_store.hpp"
#include "modules/org/module.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/plans/module.hpp"
#include "modules/quizzes/module.hpp"
#include "modules/quizzes/storage/quiz_store.hpp"
#include "platform/exports/export_kinds.hpp"
#include "platform/charts/chart.hpp"
#include "platform/exports/exports.hpp"
#include "platform/http/json_input.hpp"
#include "platform/http/multipart.hpp"
#include "platform/xlsx/xlsx_writer.hpp"

namespace ct05::quizzes {

namespace {

std::string unit_href(std::int64_t id, const std::string& rest = "") { return "/units/" + std::to_string(id) + rest; }
std::string letter(std::size_t i) { return std::string(1, static_cast<char>('A' + i)); }

std::string answer_text(const Question& q) {
  if (q.kind == Kind::kOpen) return q.explanation;
  std::string out;
  for (int i : q.answer)
    if (i >= 0 && i < static_cast<int>(q.options.size()))
      out += (out.empty() ? "" : "; ") + letter(static_cast<std::size_t>(i)) + ". " + q.options[static_cast<std::size_t>(i)];
  return out;
}

std::string given_text(const AttemptQuestion& q) {
  if (!q.answered || q.given.empty()) return "(không trả lời)";
  std::string out;
  for (int i : q.given) out += (out.empty() ? "" : ", ") + letter(static_cast<std::size_t>(i));
  return out;
}

std::string average_text(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

std::string duration_text(std::int64_t seconds) {
  return std::to_string(seconds / 60) + " phút " + std::to_string(seconds % 60) + " giây";
}

void add_categories(html::Dict& d, const std::vector<std::string>& chosen, const char* section = "CAT") {
  for (const auto& cat : categories()) {
    auto* s = d.AddSectionDictionary(section);
    s->SetValue("CODE", std::string(cat.code));
    s->SetValue("LABEL", std::string(cat.label));
    if (std::find(chosen.begin(), chosen.end(), cat.code) != chosen.end()) {
      s->ShowSection("CHECKED");
      s->ShowSection("SELECTED");
    }
  }
}

std::vector<std::string> form_list(const http::Fields& f, const std::string& name) {
  std::vector<std::string> out;
  for (const auto& [k, v] : f.items())
    if (k == name && !v.empty()) out.push_back(v);
  return out;
}

std::optional<int> form_int(const http::Fields& f, const std::string& name) {
  std::string v = f.trimmed(name);
  if (v.empty() || v.size() > 6 || v.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoi(v);
}

Result<org::Unit> unit_for(http::Context& ctx, auth::Action a) {
  auto id = ctx.id_param("id");
  if (!id) return fail(Error::not_found("Không tìm thấy đơn vị."));
  return org::get_unit(ctx.db(), ctx.principal, *id, a);
}

// ---- a unit's quiz home
http::Response home(http::Context& ctx) {
  auto u = unit_for(ctx, auth::Action::kViewPlan);
  if (!u) return ctx.error(u.error());
  auto& c = ctx.db();
  html::Dict d("home");
  d.SetIntValue("UNIT_ID", u->id);
  d.SetValue("UNIT_NAME", u->name);
  if (auth::allowed(ctx.principal, auth::Action::kRunQuiz, {u->path})) d.ShowSection("CAN_RUN");
  if (auth::allowed(ctx.principal, auth::Action::kManageQuestions, {u->path})) {
    d.ShowSection("CAN_BANK");
    d.SetValue("BANK", html::number_vn(bank_size(c, u->id, {})));
  }
  // Rounds the signed-in member may take: those of their unit and the units above it.
  if (ctx.principal.person_id) {
    auto row = c.query_one("SELECT u.path FROM memberships m JOIN units u ON u.id = m.unit_id WHERE m.person_id = $1 "
                           "AND m.valid_to IS NULL",
                           {ctx.principal.person_id});
    if (row) {
      auto mine = rounds_for_unit(c, row->str(0), 10);
      if (!mine.empty()) {
        auto* s = d.AddSectionDictionary("MINE");
        for (const auto& r : mine) {
          auto* x = s->AddSectionDictionary("R");
          x->SetIntValue("ID", r.id);
          x->SetValue("TITLE", r.title);
          x->SetValue("UNIT", r.unit_name);
          x->SetValue("STATE", r.state());
        }
      }
    }
  }
  auto page = html::page_request(ctx.req.query().get("page"), 20);
  auto rounds = subtree_rounds(c, u->path, page.per_page, page.offset());
  if (rounds.empty()) d.ShowSection("NO_ROUNDS");
  for (const auto& r : rounds) {
    auto* x = d.AddSectionDictionary("ROUND");
    x->SetIntValue("ID", r.id);
    x->SetValue("TITLE", r.title);
    x->SetValue("UNIT", r.unit_name);
    x->SetValue("STATE", r.state());
    x->SetValue("OPENS", kernel::datetime_vn(r.opens_at));
    x->SetValue("CLOSES", kernel::datetime_vn(r.closes_at));
    if (r.is_public) x->ShowSection("PUBLIC");
  }
  auto total = c.scalar("SELECT COUNT(*) FROM quiz_rounds r JOIN units u ON u.id = r.unit_id WHERE u.path >= $1 AND u.path < $2",
                        {u->path, db::subtree_end(u->path)});
  html::add_pager(d, total, page, unit_href(u->id, "/quizzes?"));
  auto draws = unit_draws(c, u->id, 10);
  if (draws.empty()) d.ShowSection("NO_DRAWS");
  for (const auto& dr : draws) {
    auto* x = d.AddSectionDictionary("DRAW");
    x->SetIntValue("ID", dr.id);
    x->SetValue("TITLE", dr.title);
    x->SetIntValue("PICKS", static_cast<long>(dr.picks.size()));
    x->SetIntValue("FLOWERS", dr.flowers);
    x->SetIntValue("RIGHT", static_cast<long>(std::count_if(dr.picks.begin(), dr.picks.end(), [](const Pick& p) { return p.correct.value_or(false); })));
    if (dr.meeting_id) x->AddSectionDictionary("MEETING")->SetValue("DATE", kernel::date_vn(dr.meeting_date));
    if (!dr.open) x->ShowSection("CLOSED");
  }
  return ctx.page("quizzes/home.tpl", d, "Hái hoa dân chủ — " + u->name);
}

// ---- the bank
BankQuery bank_query(const http::Context& ctx) {
  return {ctx.req.query().get("category"), ctx.req.query().get("q")};
}

http::Response bank_page(http::Context& ctx) {
  auto u = unit_for(ctx, auth::Action::kManageQuestions);
  if (!u) return ctx.error(u.error());
  auto& c = ctx.db();
  auto q = bank_query(ctx);
  auto page = html::page_request(ctx.req.query().get("page"));
  html::Dict d("bank");
  d.SetIntValue("UNIT_ID", u->id);
  d.SetValue("UNIT_NAME", u->name);
  auto total = bank_size(c, u->id, q);
  d.SetValue("TOTAL", html::number_vn(total));
  auto shared = static_cast<std::int64_t>(pool(c, u->path, {}, false).size()) - bank_size(c, u->id, {});
  if (shared > 0) d.AddSectionDictionary("SHARED")->SetValue("N", html::number_vn(shared));
  d.SetValue("Q", q.q);
  add_categories(d, {q.category});
  if (ctx.req.query().get("msg") == "saved") d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã lưu câu hỏi.");
  auto list = bank(c, u->id, q, page.per_page, page.offset());
  if (list.empty()) d.ShowSection("NONE");
  for (const auto& x : list) {
    auto* s = d.AddSectionDictionary("QUESTION");
    s->SetIntValue("ID", x.id);
    s->SetValue("TEXT", x.question);
    s->SetValue("CATEGORY", std::string(category_label(x.category)));
    s->SetValue("KIND", std::string(kind_label(x.kind)));
    s->SetIntValue("DIFFICULTY", x.difficulty);
    if (!x.source.empty()) s->AddSectionDictionary("SOURCE")->SetValue("TEXT", x.source);
    if (!x.active) s->ShowSection("INACTIVE");
  }
  std::string base = unit_href(u->id, "/questions?category=" + q.category + "&q=" + q.q + "&");
  html::add_pager(d, total, page, base);
  return ctx.page("quizzes/bank.tpl", d, "Bộ câu hỏi — " + u->name);
}

http::Response bank_xlsx(http::Context& ctx) {
  auto u = unit_for(ctx, auth::Action::kManageQuestions);
  if (!u) return ctx.error(u.error());
  xlsx::Table sheet{"Câu hỏi",
                    {{"Chủ đề", 28}, {"Loại", 14}, {"Độ khó", 8}, {"Câu hỏi", 60}, {"Phương án A", 30}, {"Phương án B", 30},
                     {"Phương án C", 30}, {"Phương án D", 30}, {"Phương án E", 30}, {"Phương án F", 30}, {"Đáp án", 10},
                     {"Giải thích", 50}, {"Nguồn", 40}, {"Đang dùng", 10}},
                    {}};
  auto list = bank(ctx.db(), u->id, bank_query(ctx), 1000000, 0);
  std::reverse(list.begin(), list.end());  // oldest first, as they were written
  for (const auto& q : list) {
    std::vector<xlsx::Cell> row{std::string(category_label(q.category)), std::string(kind_code(q.kind)),
                                std::int64_t{q.difficulty}, q.question};
    for (std::size_t i = 0; i < 6; ++i) row.push_back(i < q.options.size() ? xlsx::Cell{q.options[i]} : xlsx::Cell{});
    std::string ans;
    for (int i : q.answer) ans += (ans.empty() ? "" : ",") + letter(static_cast<std::size_t>(i));
    row.push_back(ans);
    row.push_back(q.explanation);
    row.push_back(q.source);
    row.push_back(std::string(q.active ? "có" : "không"));
    sheet.rows.push_back(std::move(row));
  }
  auto r = http::Response::text(xlsx::write({sheet}), 200, xlsx::kContentType);
  r.header("Content-Disposition", "attachment; filename=\"bo-cau-hoi-" + u->code + ".xlsx\"");
  return r;
}

QuestionInput question_input(const http::Fields& f, bool editing) {
  QuestionInput in;
  in.kind = f.trimmed("kind");
  in.category = f.trimmed("category");
  in.difficulty = form_int(f, "difficulty").value_or(0);
  in.question = f.trimmed("question");
  in.explanation = f.trimmed("explanation");
  in.source = f.trimmed("source");
  std::vector<std::string> options;
  for (auto& line : kernel::lines_of(f.get("options"))) {
    auto first = line.find_first_not_of(" \t");
    if (first != std::string::npos) options.push_back(line.substr(first));
  }
  in.options = options;
  // "2" or "1, 3" (1-based, as people count); letters too ("B", "A,C").
  std::vector<int> answer;
  std::string token;
  std::string text = f.get("answer") + ",";
  bool bad = false;
  for (char ch : text) {
    if (ch == ',' || ch == ';' || ch == ' ') {
      if (token.empty()) continue;
      if (token.size() == 1 && std::isalpha(static_cast<unsigned char>(token[0])))
        answer.push_back(std::toupper(static_cast<unsigned char>(token[0])) - 'A');
      else if (token.size() <= 2 && token.find_first_not_of("0123456789") == std::string::npos)
        answer.push_back(std::stoi(token) - 1);
      else
        bad = true;
      token.clear();
    } else {
      token += ch;
    }
  }
  if (bad) answer.push_back(-1);  // reported as out of range
  in.answer = answer;
  if (editing) in.active = f.get("active") == "1";
  return in;
}

http::Response question_form(http::Context& ctx, const org::Unit& u, const Question* q, const QuestionInput* draft, const Error* err) {
  html::Dict d("question_form");
  d.SetIntValue("UNIT_ID", u.id);
  d.SetValue("UNIT_NAME", u.name);
  d.SetValue("HEADING", q ? "Sửa câu hỏi" : "Thêm câu hỏi");
  d.SetValue("ACTION", q ? "/questions/" + std::to_string(q->id) : unit_href(u.id, "/questions"));
  d.SetValue("CSRF", ctx.csrf_token());
  std::string kind = draft ? draft->kind.value_or("") : (q ? std::string(kind_code(q->kind)) : "single");
  for (auto k : {Kind::kSingle, Kind::kMultiple, Kind::kOpen}) {
    auto* s = d.AddSectionDictionary("KIND");
    s->SetValue("VALUE", std::string(kind_code(k)));
    s->SetValue("LABEL", std::string(kind_label(k)));
    if (kind == kind_code(k)) s->ShowSection("SELECTED");
  }
  add_categories(d, {draft ? draft->category.value_or("") : (q ? q->category : "")});
  int diff = draft ? draft->difficulty.value_or(1) : (q ? q->difficulty : 1);
  const char* labels[] = {"1 — dễ", "2 — vừa", "3 — khó"};
  for (int i = 1; i <= 3; ++i) {
    auto* s = d.AddSectionDictionary("DIFF");
    s->SetIntValue("VALUE", i);
    s->SetValue("LABEL", labels[i - 1]);
    if (diff == i) s->ShowSection("SELECTED");
  }
  d.SetValue("QUESTION", draft ? draft->question.value_or("") : (q ? q->question : ""));
  std::string options, answer;
  const auto& opts = draft ? draft->options.value_or(std::vector<std::string>{}) : (q ? q->options : std::vector<std::string>{});
  for (const auto& o : opts) options += o + "\n";
  const auto& ans = draft ? draft->answer.value_or(std::vector<int>{}) : (q ? q->answer : std::vector<int>{});
  for (int i : ans)
    if (i >= 0) answer += (answer.empty() ? "" : ", ") + std::to_string(i + 1);
  d.SetValue("OPTIONS", options);
  d.SetValue("ANSWER", answer);
  d.SetValue("EXPLANATION", draft ? draft->explanation.value_or("") : (q ? q->explanation : ""));
  d.SetValue("SOURCE", draft ? draft->source.value_or("") : (q ? q->source : ""));
  if (q) {
    auto* e = d.AddSectionDictionary("EDITING");
    if (draft ? draft->active.value_or(true) : q->active) e->ShowSection("ACTIVE");
  }
  if (err) html::set_field_errors(d, err->message, http::field_pairs(*err));
  return ctx.page("quizzes/question_form.tpl", d, q ? "Sửa câu hỏi" : "Thêm câu hỏi", err ? http::status_for(err->code) : 200);
}

http::Response new_question(http::Context& ctx) {
  auto u = unit_for(ctx, auth::Action::kManageQuestions);
  if (!u) return ctx.error(u.error());
  return question_form(ctx, *u, nullptr, nullptr, nullptr);
}

http::Response create_question_h(http::Context& ctx) {
  auto u = unit_for(ctx, auth::Action::kManageQuestions);
  if (!u) return ctx.error(u.error());
  auto in = question_input(ctx.req.form(), false);
  auto r = create_question(ctx.db(), ctx.principal, u->id, in);
  if (!r) return r.error().code == ErrorCode::kInvalid ? question_form(ctx, *u, nullptr, &in, &r.error()) : ctx.error(r.error());
  return http::Response::redirect(unit_href(u->id, "/questions?msg=saved"));
}

http::Response edit_question(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto q = id ? get_question(ctx.db(), ctx.principal, *id) : fail(Error::not_found("Không tìm thấy câu hỏi."));
  if (!q) return ctx.error(q.error());
  return question_form(ctx, *org::find_unit(ctx.db(), q->unit_id), &*q, nullptr, nullptr);
}

http::Response update_question_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto q = id ? get_question(ctx.db(), ctx.principal, *id) : fail(Error::not_found("Không tìm thấy câu hỏi."));
  if (!q) return ctx.error(q.error());
  auto in = question_input(ctx.req.form(), true);
  auto r = update_question(ctx.db(), ctx.principal, *id, in);
  auto u = *org::find_unit(ctx.db(), q->unit_id);
  if (!r) return r.error().code == ErrorCode::kInvalid ? question_form(ctx, u, &*q, &in, &r.error()) : ctx.error(r.error());
  return http::Response::redirect(unit_href(u.id, "/questions?msg=saved"));
}

// ---- import of a bank
http::Response import_page(http::Context& ctx, const org::Unit& u, const ImportReport* report, const Error* err, bool valid_only) {
  html::Dict d("import");
  d.SetIntValue("UNIT_ID", u.id);
  d.SetValue("UNIT_NAME", u.name);
  d.SetValue("CSRF", ctx.csrf_token());
  if (valid_only) d.ShowSection("VALID_ONLY");
  int status = 200;
  if (err) {
    html::set_field_errors(d, err->message, http::field_pairs(*err));
    status = http::status_for(err->code);
  }
  if (report) {
    if (report->imported > 0) d.AddSectionDictionary("DONE")->SetIntValue("IMPORTED", static_cast<long>(report->imported));
    if (report->imported == 0 && !report->errors.empty()) {
      auto* n = d.AddSectionDictionary("NOTHING");
      n->SetIntValue("BAD", static_cast<long>(report->errors.size()));
      n->SetIntValue("ROWS", static_cast<long>(report->rows));
      status = http::status_for(ErrorCode::kInvalid);
    }
    if (!report->errors.empty()) {
      auto* t = d.AddSectionDictionary("REPORT");
      for (const auto& [row, message] : report->errors) {
        auto* r = t->AddSectionDictionary("ROW");
        r->SetIntValue("N", static_cast<long>(row));
        r->SetValue("MESSAGE", message);
      }
    }
  }
  return ctx.page("quizzes/import.tpl", d, "Nhập câu hỏi — " + u.name, status);
}

http::Response import_get(http::Context& ctx) {
  auto u = unit_for(ctx, auth::Action::kManageQuestions);
  if (!u) return ctx.error(u.error());
  return import_page(ctx, *u, nullptr, nullptr, false);
}

http::Response import_post(http::Context& ctx) {
  auto u = unit_for(ctx, auth::Action::kManageQuestions);
  if (!u) return ctx.error(u.error());
  bool valid_only = ctx.req.form().get("valid_only") == "1";
  const http::UploadedFile* file = nullptr;
  for (const auto& f : ctx.req.files())
    if (f.field == "file") file = &f;
  if (!file) {
    Error e = Error::invalid({{"file", "Vui lòng chọn tệp XLSX hoặc CSV."}});
    return import_page(ctx, *u, nullptr, &e, valid_only);
  }
  auto r = import_bank(ctx.db(), ctx.principal, u->id, file->data, file->filename, valid_only);
  if (!r) {
    if (r.error().code != ErrorCode::kInvalid) return ctx.error(r.error());
    return import_page(ctx, *u, nullptr, &r.error(), valid_only);
  }
  return import_page(ctx, *u, &*r, nullptr, valid_only);
}

// ---- live draws
http::Response draw_form(http::Context& ctx, const org::Unit& u, const DrawInput* draft, const Error* err) {
  html::Dict d("draw_form");
  d.SetIntValue("UNIT_ID", u.id);
  d.SetValue("UNIT_NAME", u.name);
  d.SetValue("CSRF", ctx.csrf_token());
  d.SetValue("TITLE", draft ? draft->title.value_or("") : "Hái hoa dân chủ tìm hiểu về Bác");
  d.SetValue("FLOWERS", draft && draft->flowers ? std::to_string(*draft->flowers) : "20");
  add_categories(d, draft ? draft->categories : std::vector<std::string>{});
  // The unit's meetings of this year and the last, latest first.
  int year = std::stoi(kernel::today_iso().substr(0, 4));
  auto& c = ctx.db();
  auto list = meetings::unit_meetings(c, u.id, year);
  auto before = meetings::unit_meetings(c, u.id, year - 1);
  list.insert(list.begin(), before.begin(), before.end());
  std::int64_t chosen = draft && draft->meeting_id ? *draft->meeting_id : ctx.req.query().id("meeting").value_or(0);
  for (auto it = list.rbegin(); it != list.rend(); ++it) {
    auto* s = d.AddSectionDictionary("M");
    s->SetIntValue("ID", it->id);
    s->SetValue("DATE", kernel::date_vn(it->held_on));
    s->SetValue("TOPIC", kernel::truncate_utf8(it->topic, 120));
    if (it->id == chosen) s->ShowSection("SELECTED");
  }
  if (err) html::set_field_errors(d, err->message, http::field_pairs(*err));
  return ctx.page("quizzes/draw_form.tpl", d, "Mở buổi hái hoa", err ? http::status_for(err->code) : 200);
}

http::Response new_draw(http::Context& ctx) {
  auto u = unit_for(ctx, auth::Action::kRunQuiz);
  if (!u) return ctx.error(u.error());
  return draw_form(ctx, *u, nullptr, nullptr);
}

http::Response create_draw(http::Context& ctx) {
  auto u = unit_for(ctx, auth::Action::kRunQuiz);
  if (!u) return ctx.error(u.error());
  const auto& f = ctx.req.form();
  DrawInput in;
  in.unit_id = u->id;
  in.meeting_id = f.id("meeting_id");
  in.title = f.trimmed("title");
  in.categories = form_list(f, "categories");
  in.flowers = form_int(f, "flowers").value_or(0);
  auto r = open_draw(ctx.db(), ctx.principal, in);
  if (!r) return r.error().code == ErrorCode::kInvalid ? draw_form(ctx, *u, &in, &r.error()) : ctx.error(r.error());
  return http::Response::redirect("/draws/" + std::to_string(r->id));
}

http::Response draw_page(http::Context& ctx, std::int64_t id, const Error* err, std::int64_t open_pick) {
  auto& c = ctx.db();
  auto d = get_draw(c, ctx.principal, id);
  if (!d) return ctx.error(d.error());
  bool host = auth::allowed(ctx.principal, auth::Action::kRunQuiz, {d->unit_path});
  std::string csrf = ctx.csrf_token();
  html::Dict t("draw");
  t.SetValue("V", ctx.app.asset_version());
  t.SetIntValue("UNIT_ID", d->unit_id);
  t.SetValue("UNIT_NAME", d->unit_name);
  t.SetValue("TITLE", d->title);
  t.SetIntValue("FLOWERS", d->flowers);
  t.SetIntValue("PICKED", static_cast<long>(d->picks.size()));
  int right = 0;
  for (const auto& p : d->picks)
    if (p.correct.value_or(false)) ++right;
  t.SetIntValue("RIGHT", right);
  if (d->meeting_id) t.AddSectionDictionary("MEETING")->SetValue("DATE", kernel::date_vn(d->meeting_date));
  if (err) t.AddSectionDictionary("ERRORS")->SetValue("MESSAGE", err->message);
  if (!d->open) t.ShowSection("CLOSED");
  if (!open_pick) open_pick = ctx.req.query().id("pick").value_or(0);
  for (const auto& p : d->picks) {
    if (p.id != open_pick) continue;
    auto* o = t.AddSectionDictionary("OPENED");
    o->SetIntValue("POSITION", p.position);
    o->SetValue("CATEGORY", std::string(category_label(p.question.category)));
    o->SetValue("QUESTION", p.question.question);
    if (!p.question.options.empty()) {
      auto* opts = o->AddSectionDictionary("OPTIONS");
      for (const auto& x : p.question.options) opts->AddSectionDictionary("O")->SetValue("TEXT", x);
    }
    o->SetValue("ANSWER", answer_text(p.question));
    if (p.question.kind != Kind::kOpen && !p.question.explanation.empty())
      o->AddSectionDictionary("EXPLANATION")->SetValue("TEXT", p.question.explanation);
    if (!p.question.source.empty()) o->AddSectionDictionary("SOURCE")->SetValue("TEXT", p.question.source);
    if (host && d->open) {
      auto* j = o->AddSectionDictionary("JUDGE");
      j->SetIntValue("DRAW_ID", d->id);
      j->SetIntValue("PICK_ID", p.id);
      j->SetValue("CSRF", csrf);
      j->SetValue("PARTICIPANT", p.participant);
      j->SetValue("TEAM", p.team);
      j->SetIntValue("POINTS", p.points ? p.points : 10);
      if (err) html::set_field_errors(*j, "", http::field_pairs(*err));
    }
  }
  for (int n = 1; n <= d->flowers; ++n) {
    auto* f = t.AddSectionDictionary("FLOWER");
    auto it = std::find_if(d->picks.begin(), d->picks.end(), [&](const Pick& p) { return p.position == n; });
    if (it != d->picks.end()) {
      auto* k = f->AddSectionDictionary("TAKEN");
      k->SetIntValue("N", n);
      k->SetIntValue("DRAW_ID", d->id);
      k->SetIntValue("PICK_ID", it->id);
      if (it->correct) k->ShowSection(*it->correct ? "RIGHT" : "WRONG");
      if (!it->participant.empty()) k->AddSectionDictionary("WHO")->SetValue("TEXT", it->participant);
    } else if (host && d->open) {
      auto* k = f->AddSectionDictionary("FRESH");
      k->SetIntValue("N", n);
      k->SetIntValue("DRAW_ID", d->id);
      k->SetValue("CSRF", csrf);
    } else {
      f->AddSectionDictionary("VIEW")->SetIntValue("N", n);
    }
  }
  if (host && d->open) {
    auto* k = t.AddSectionDictionary("CAN_CLOSE");
    k->SetIntValue("DRAW_ID", d->id);
    k->SetValue("CSRF", csrf);
  }
  if (!d->picks.empty()) {
    auto* r = t.AddSectionDictionary("RESULTS");
    for (const auto& p : d->picks) {
      auto* row = r->AddSectionDictionary("ROW");
      row->SetIntValue("N", p.position);
      row->SetValue("WHO", p.participant);
      row->SetValue("TEAM", p.team);
      row->SetValue("RESULT", p.correct ? (*p.correct ? "Đúng" : "Sai") : "Chưa chấm");
      row->SetIntValue("POINTS", p.points);
    }
  }
  // A page of its own, without the site's header: it is shown on a projector or passed around on a phone.
  return http::Response::html(html::render("quizzes/draw.tpl", t), err ? http::status_for(err->code) : 200);
}

http::Response draw_get(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy buổi hái hoa."));
  return draw_page(ctx, *id, nullptr, 0);
}

http::Response pick_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy buổi hái hoa."));
  auto p = pick_flower(ctx.db(), ctx.principal, *id, form_int(ctx.req.form(), "position").value_or(0));
  if (!p) {
    if (p.error().code == ErrorCode::kForbidden || p.error().code == ErrorCode::kUnauthenticated ||
        p.error().code == ErrorCode::kNotFound)
      return ctx.error(p.error());
    return draw_page(ctx, *id, &p.error(), 0);
  }
  return http::Response::redirect("/draws/" + std::to_string(*id) + "?pick=" + std::to_string(p->id));
}

http::Response judge_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto pick = ctx.id_param("pick");
  if (!id || !pick) return ctx.error(Error::not_found("Không tìm thấy lượt hái hoa."));
  const auto& f = ctx.req.form();
  auto points = form_int(f, "points");
  auto r = judge(ctx.db(), ctx.principal, *id, *pick, f.trimmed("participant"), f.trimmed("team"), f.get("correct") == "1",
                 points.value_or(f.trimmed("points").empty() ? 0 : -1));
  if (!r) {
    if (r.error().code == ErrorCode::kForbidden || r.error().code == ErrorCode::kUnauthenticated ||
        r.error().code == ErrorCode::kNotFound)
      return ctx.error(r.error());
    return draw_page(ctx, *id, &r.error(), *pick);
  }
  return http::Response::redirect("/draws/" + std::to_string(*id));
}

http::Response close_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy buổi hái hoa."));
  auto r = close_draw(ctx.db(), ctx.principal, *id);
  if (!r) {
    if (r.error().code == ErrorCode::kConflict) return draw_page(ctx, *id, &r.error(), 0);
    return ctx.error(r.error());
  }
  return http::Response::redirect("/draws/" + std::to_string(*id));
}

// ---- online rounds
http::Response round_form(http::Context& ctx, const org::Unit& u, const RoundInput* draft, const Error* err) {
  html::Dict d("round_form");
  d.SetIntValue("UNIT_ID", u.id);
  d.SetValue("UNIT_NAME", u.name);
  d.SetValue("CSRF", ctx.csrf_token());
  auto now = kernel::now_seconds();
  d.SetValue("TITLE", draft ? draft->title.value_or("") : "");
  add_categories(d, draft ? draft->categories : std::vector<std::string>{});
  d.SetValue("PER", draft && draft->questions_per_person ? std::to_string(*draft->questions_per_person) : "10");
  d.SetValue("MINUTES", draft && draft->time_limit_minutes ? std::to_string(*draft->time_limit_minutes) : "15");
  d.SetValue("OPENS", draft ? draft->opens_at.value_or("") : local_datetime(now - now % 3600));
  d.SetValue("CLOSES", draft ? draft->closes_at.value_or("") : local_datetime(now - now % 3600 + 7 * 86400));
  if (draft && draft->is_public) d.ShowSection("PUBLIC");
  if (err) html::set_field_errors(d, err->message, http::field_pairs(*err));
  return ctx.page("quizzes/round_form.tpl", d, "Mở đợt thi", err ? http::status_for(err->code) : 200);
}

http::Response new_round(http::Context& ctx) {
  auto u = unit_for(ctx, auth::Action::kRunQuiz);
  if (!u) return ctx.error(u.error());
  return round_form(ctx, *u, nullptr, nullptr);
}

http::Response create_round_h(http::Context& ctx) {
  auto u = unit_for(ctx, auth::Action::kRunQuiz);
  if (!u) return ctx.error(u.error());
  const auto& f = ctx.req.form();
  RoundInput in;
  in.unit_id = u->id;
  in.title = f.trimmed("title");
  in.categories = form_list(f, "categories");
  in.questions_per_person = form_int(f, "questions_per_person").value_or(0);
  in.time_limit_minutes = form_int(f, "time_limit_minutes").value_or(0);
  in.opens_at = f.trimmed("opens_at");
  in.closes_at = f.trimmed("closes_at");
  in.is_public = f.get("public") == "1";
  auto r = create_round(ctx.db(), ctx.principal, in);
  if (!r) return r.error().code == ErrorCode::kInvalid ? round_form(ctx, *u, &in, &r.error()) : ctx.error(r.error());
  return http::Response::redirect("/quiz-rounds/" + std::to_string(r->id));
}

// Participation per child unit as a chart (platform/charts), downloadable at /quiz-rounds/{id}/charts/quiz-children.
charts::Chart round_chart(const Round& r, const RoundResults& res) {
  using charts::series;
  charts::Chart ch;
  ch.id = "quiz-children";
  ch.title = "Tham gia đợt thi theo đơn vị trực thuộc";
  ch.kind = charts::Kind::kBar;
  ch.label_header = "Đơn vị";
  ch.series = {series("Tham gia", charts::Measure::kPercent, charts::Plot::kDrawn),
               series("Người tham gia", charts::Measure::kCount, charts::Plot::kTableOnly),
               series("Số người", charts::Measure::kCount, charts::Plot::kTableOnly),
               series("Điểm trung bình", charts::Measure::kDecimal, charts::Plot::kTableOnly)};
  for (const auto& u : res.children) {
    ch.labels.push_back(u.name);
    ch.series[0].values.push_back(charts::rate(u.participants, u.members));
    ch.series[1].values.push_back(static_cast<double>(u.participants));
    ch.series[2].values.push_back(static_cast<double>(u.members));
    ch.series[3].values.push_back(u.participants ? std::optional<double>(std::round(u.average * 10) / 10) : std::nullopt);
  }
  ch.export_href = "/quiz-rounds/" + std::to_string(r.id) + "/charts/" + ch.id + "?";
  return ch;
}

http::Response round_page(http::Context& ctx, std::int64_t id, const Error* err) {
  auto& c = ctx.db();
  auto r = get_round(c, ctx.principal, id);
  if (!r) return ctx.error(r.error());
  html::Dict d("round_view");
  d.SetIntValue("ID", r->id);
  d.SetIntValue("UNIT_ID", r->unit_id);
  d.SetValue("UNIT_NAME", r->unit_name);
  d.SetValue("TITLE", r->title);
  d.SetValue("STATE", r->state());
  d.SetValue("OPENS", kernel::datetime_vn(r->opens_at));
  d.SetValue("CLOSES", kernel::datetime_vn(r->closes_at));
  d.SetIntValue("PER", r->questions_per_person);
  d.SetIntValue("MINUTES", r->time_limit_seconds / 60);
  if (r->is_public) d.ShowSection("PUBLIC");
  if (err) d.AddSectionDictionary("ERRORS")->SetValue("MESSAGE", err->message);
  std::string csrf = ctx.csrf_token();
  // The member's own attempt, or the button to start one while the round is open.
  if (ctx.principal.person_id) {
    auto mine = c.query_one("SELECT id FROM quiz_attempts WHERE round_id = $1 AND person_id = $2", {r->id, ctx.principal.person_id});
    auto attempt = mine ? find_attempt(c, mine->i64(0)) : std::nullopt;
    if (attempt && attempt->finished()) {
      auto* m = d.AddSectionDictionary("MY_RESULT");
      m->SetIntValue("SCORE", attempt->score.value_or(0));
      m->SetIntValue("MAX", attempt->max_score);
      m->SetIntValue("ATTEMPT", attempt->id);
    } else if (r->state() == "đang mở") {
      auto* s = d.AddSectionDictionary("START");
      s->SetIntValue("ID", r->id);
      s->SetValue("CSRF", csrf);
      s->SetValue("LABEL", attempt ? "Làm tiếp bài thi" : "Bắt đầu làm bài");
    }
  }
  if (auth::allowed(ctx.principal, auth::Action::kRunQuiz, {r->unit_path})) {
    auto page = html::page_request(ctx.req.query().get("page"), 20);
    auto res = results(c, *r, page.per_page, page.offset());
    auto* s = d.AddSectionDictionary("RESULTS");
    s->SetIntValue("ID", r->id);
    s->SetValue("PARTICIPANTS", html::number_vn(res.total.participants));
    s->SetValue("MEMBERS", html::number_vn(res.total.members));
    s->SetIntValue("PERCENT", html::percent(res.total.participants, res.total.members));
    s->SetValue("AVERAGE", average_text(res.total.average));
    if (res.citizens) s->AddSectionDictionary("CITIZENS")->SetValue("N", html::number_vn(res.citizens));
    if (auto chart = round_chart(*r, res); !chart.labels.empty()) {
      s->ShowSection("HAS_CHILDREN");
      charts::include(*s, "CHILD_CHART", chart);
    }
    if (res.ranking.empty()) s->ShowSection("NO_RANKING");
    s->SetIntValue("START_AT", page.offset() + 1);
    for (const auto& k : res.ranking) {
      auto* row = s->AddSectionDictionary("RANK");
      row->SetValue("NAME", k.name);
      row->SetValue("WHERE", k.where);
      if (k.citizen) row->ShowSection("CITIZEN");
      row->SetIntValue("SCORE", k.score);
      row->SetIntValue("MAX", k.max_score);
      row->SetValue("TIME", duration_text(k.seconds));
    }
    html::add_pager(*s, res.ranked, page, "/quiz-rounds/" + std::to_string(r->id) + "?");
    exports::add_links(*s, "quiz-results", 0, {{"round", std::to_string(r->id)}}, "EXPORT", "Tải kết quả:");
  }
  return ctx.page("quizzes/round_view.tpl", d, r->title, err ? http::status_for(err->code) : 200);
}

http::Response round_get(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đợt thi."));
  return round_page(ctx, *id, nullptr);
}

// The chart's table as XLSX or CSV, with the results' permission.
http::Response round_chart_export(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto& c = ctx.db();
  auto r = id ? find_round(c, *id) : std::nullopt;
  if (!r) return ctx.error(Error::not_found("Không tìm thấy đợt thi."));
  if (auto ok = ctx.authorize(auth::Action::kRunQuiz, {r->unit_path}); !ok) return ctx.error(ok.error());
  auto format = exports::format_of(ctx.req.query().get("format"));
  if (!format)
    return ctx.error(Error::invalid({{"format", "Định dạng tải về phải là xlsx hoặc csv."}},
                                    "Định dạng tải về phải là xlsx (Excel) hoặc csv."));
  auto chart = round_chart(*r, results(c, *r, 1, 0));
  if (ctx.params["chart"] != chart.id) return ctx.error(Error::not_found("Không tìm thấy biểu đồ này."));
  return exports::download({charts::table(chart)}, chart.title + " " + std::to_string(r->id), *format);
}

// The older address of the results download: the same export as /exports/quiz-results?round=ID&format=xlsx.
http::Response results_xlsx(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đợt thi."));
  exports::Ask ask;
  ask.filters.add("round", std::to_string(*id));
  auto file = exports::produce(ctx.db(), ctx.principal, "quiz-results", ask, exports::Format::kXlsx, exports::Channel::kWeb);
  if (!file) return ctx.error(file.error());
  auto resp = http::Response::text(std::move(file->bytes), 200, file->content_type);
  resp.header("Content-Disposition", "attachment; filename=\"ket-qua-dot-thi-" + std::to_string(*id) + ".xlsx\"");
  return resp;
}

http::Response start_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đợt thi."));
  auto a = start_attempt(ctx.db(), ctx.principal, *id);
  if (!a) {
    if (a.error().code == ErrorCode::kConflict) return round_page(ctx, *id, &a.error());
    return ctx.error(a.error());
  }
  return http::Response::redirect("/quiz-attempts/" + std::to_string(a->id));
}

// ---- taking a round (members by id, citizens by token)
std::map<int, std::vector<int>> answers_of(const http::Fields& f) {
  std::map<int, std::vector<int>> out;
  for (const auto& p : form_list(f, "pos")) {
    if (p.size() > 3 || p.find_first_not_of("0123456789") != std::string::npos) continue;
    int pos = std::stoi(p);
    auto& given = out[pos];
    for (const auto& v : form_list(f, "q" + p))
      if (v.size() <= 2 && v.find_first_not_of("0123456789") == std::string::npos) given.push_back(std::stoi(v));
  }
  return out;
}

http::Response attempt_page(http::Context& ctx, const Attempt& a, const Round& r, const std::string& action,
                            const std::string& back, const Error* err) {
  html::Dict d("attempt");
  d.SetValue("TITLE", r.title);
  d.SetValue("NAME", a.name);
  std::string where = a.person_id ? a.unit_name : a.citizen_commune;
  if (!where.empty()) d.AddSectionDictionary("WHERE")->SetValue("TEXT", where);
  if (err) d.AddSectionDictionary("ERRORS")->SetValue("MESSAGE", err->message);
  if (!a.finished()) {
    auto* o = d.AddSectionDictionary("OPEN");
    o->SetValue("ACTION", action);
    o->SetValue("CSRF", ctx.csrf_token());
    o->SetValue("DEADLINE", kernel::datetime_vn(a.deadline_at));
    auto left = std::max<std::int64_t>(0, parse_iso(a.deadline_at) - kernel::now_seconds());
    o->SetIntValue("LEFT", static_cast<long>((left + 59) / 60));
    for (const auto& q : a.questions) {
      auto* s = o->AddSectionDictionary("Q");
      s->SetIntValue("POS", q.position);
      s->SetValue("ACTION", action);
      s->SetValue("TEXT", q.question.question);
      s->SetValue("KIND", q.question.kind == Kind::kMultiple ? "Chọn tất cả các phương án đúng" : "Chọn một phương án");
      if (q.answered) s->ShowSection("SAVED");
      for (std::size_t i = 0; i < q.question.options.size(); ++i) {
        auto* x = s->AddSectionDictionary("O");
        x->SetIntValue("POS", q.position);
        x->SetIntValue("I", static_cast<long>(i));
        x->SetValue("TEXT", letter(i) + ". " + q.question.options[i]);
        x->SetValue("TYPE", q.question.kind == Kind::kMultiple ? "checkbox" : "radio");
        if (std::find(q.given.begin(), q.given.end(), static_cast<int>(i)) != q.given.end()) x->ShowSection("CHECKED");
      }
    }
  } else {
    auto* s = d.AddSectionDictionary("DONE");
    s->SetIntValue("SCORE", a.score.value_or(0));
    s->SetIntValue("MAX", a.max_score);
    for (const auto& q : a.questions) {
      auto* x = s->AddSectionDictionary("Q");
      x->SetIntValue("POS", q.position);
      x->SetValue("TEXT", q.question.question);
      x->SetValue("GIVEN", given_text(q));
      x->SetValue("ANSWER", answer_text(q.question));
      x->ShowSection(q.correct.value_or(false) ? "RIGHT" : "WRONG");
      if (!q.question.explanation.empty()) x->AddSectionDictionary("EXPLANATION")->SetValue("TEXT", q.question.explanation);
    }
    if (!back.empty()) s->AddSectionDictionary("BACK")->SetValue("HREF", back);
  }
  return ctx.page("quizzes/attempt.tpl", d, r.title, err ? http::status_for(err->code) : 200);
}

//! The answer fragment an autosave swaps in ("Đã lưu", or why not) with the status of its outcome.
http::Response saved_fragment(const Result<Attempt>& r) {
  html::Dict d("answer_status");
  if (r) d.ShowSection("SAVED");
  else d.AddSectionDictionary("ERROR")->SetValue("MESSAGE", r.error().message);
  return http::Response::html(html::render("quizzes/answer_status.tpl", d), r ? 200 : http::status_for(r.error().code));
}

struct Owned {
  Attempt attempt;
  Round round;
};
Result<Owned> own_attempt(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto a = id ? find_attempt(ctx.db(), *id) : std::nullopt;
  if (!a || !a->person_id) return fail(Error::not_found("Không tìm thấy bài thi."));
  auto r = find_round(ctx.db(), a->round_id);
  if (!may_see(ctx.principal, *a, *r)) return fail(Error::forbidden("Đây không phải bài thi của đồng chí."));
  return Owned{*a, *r};
}

http::Response attempt_get(http::Context& ctx) {
  auto o = own_attempt(ctx);
  if (!o) return ctx.error(o.error());
  return attempt_page(ctx, o->attempt, o->round, "/quiz-attempts/" + std::to_string(o->attempt.id),
                      "/quiz-rounds/" + std::to_string(o->round.id), nullptr);
}

http::Response answers_h(http::Context& ctx) {
  auto o = own_attempt(ctx);
  if (!o) return ctx.error(o.error());
  if (o->attempt.person_id != ctx.principal.person_id) return ctx.error(Error::forbidden("Chỉ người dự thi mới trả lời được."));
  auto r = save_answers(ctx.db(), o->attempt, answers_of(ctx.req.form()));
  if (ctx.req.header("hx-request") == "true") return saved_fragment(r);
  if (!r) return attempt_page(ctx, o->attempt, o->round, "/quiz-attempts/" + std::to_string(o->attempt.id), "", &r.error());
  return http::Response::redirect("/quiz-attempts/" + std::to_string(o->attempt.id));
}

http::Response submit_h(http::Context& ctx) {
  auto o = own_attempt(ctx);
  if (!o) return ctx.error(o.error());
  if (o->attempt.person_id != ctx.principal.person_id) return ctx.error(Error::forbidden("Chỉ người dự thi mới nộp bài được."));
  auto r = submit_attempt(ctx.db(), o->attempt, answers_of(ctx.req.form()));
  std::string self = "/quiz-attempts/" + std::to_string(o->attempt.id);
  if (!r) {
    // After the deadline the attempt is scored with what was saved in time; show it with the reason.
    auto now = find_attempt(ctx.db(), o->attempt.id);
    return attempt_page(ctx, *now, o->round, self, "/quiz-rounds/" + std::to_string(o->round.id), &r.error());
  }
  return http::Response::redirect(self);
}

// ---- public rounds
http::Response public_round(http::Context& ctx, const Error* err, const std::string& name, const std::string& commune) {
  auto id = ctx.id_param("id");
  auto r = id ? find_round(ctx.db(), *id) : std::nullopt;
  if (!r || !r->is_public) return ctx.error(Error::not_found("Không tìm thấy cuộc thi công khai."));
  html::Dict d("public_round");
  d.SetIntValue("ID", r->id);
  d.SetValue("TITLE", r->title);
  d.SetValue("UNIT_NAME", r->unit_name);
  d.SetValue("STATE", r->state());
  d.SetValue("CLOSES", kernel::datetime_vn(r->closes_at));
  d.SetIntValue("PER", r->questions_per_person);
  d.SetIntValue("MINUTES", r->time_limit_seconds / 60);
  if (r->state() == "đang mở") {
    auto* f = d.AddSectionDictionary("FORM");
    f->SetIntValue("ID", r->id);
    f->SetValue("CSRF", ctx.csrf_token());
    f->SetValue("NAME", name);
    f->SetValue("COMMUNE", commune);
    if (err) html::set_field_errors(*f, "", http::field_pairs(*err));
  }
  if (err) d.AddSectionDictionary("ERRORS")->SetValue("MESSAGE", err->message);
  return ctx.page("quizzes/public_round.tpl", d, r->title, err ? http::status_for(err->code) : 200);
}

http::Response public_round_get(http::Context& ctx) { return public_round(ctx, nullptr, "", ""); }

http::Response public_start(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy cuộc thi công khai."));
  const auto& f = ctx.req.form();
  auto a = start_public_attempt(ctx.db(), *id, f.trimmed("name"), f.trimmed("commune"), ctx.req.remote_ip);
  if (!a) {
    if (a.error().code == ErrorCode::kNotFound) return ctx.error(a.error());
    return public_round(ctx, &a.error(), f.trimmed("name"), f.trimmed("commune"));
  }
  return http::Response::redirect("/quiz/attempts/" + a->token);
}

Result<Owned> token_attempt(http::Context& ctx) {
  auto a = find_attempt_by_token(ctx.db(), ctx.params["token"]);
  if (!a || a->person_id) return fail(Error::not_found("Không tìm thấy bài thi."));
  return Owned{*a, *find_round(ctx.db(), a->round_id)};
}

http::Response public_attempt_get(http::Context& ctx) {
  auto o = token_attempt(ctx);
  if (!o) return ctx.error(o.error());
  return attempt_page(ctx, o->attempt, o->round, "/quiz/attempts/" + o->attempt.token, "/quiz/" + std::to_string(o->round.id), nullptr);
}

http::Response public_answers(http::Context& ctx) {
  auto o = token_attempt(ctx);
  if (!o) return ctx.error(o.error());
  auto r = save_answers(ctx.db(), o->attempt, answers_of(ctx.req.form()));
  if (ctx.req.header("hx-request") == "true") return saved_fragment(r);
  return http::Response::redirect("/quiz/attempts/" + o->attempt.token);
}

http::Response public_submit(http::Context& ctx) {
  auto o = token_attempt(ctx);
  if (!o) return ctx.error(o.error());
  auto r = submit_attempt(ctx.db(), o->attempt, answers_of(ctx.req.form()));
  std::string self = "/quiz/attempts/" + o->attempt.token;
  if (!r) {
    auto now = find_attempt(ctx.db(), o->attempt.id);
    return attempt_page(ctx, *now, o->round, self, "/quiz/" + std::to_string(o->round.id), &r.error());
  }
  return http::Response::redirect(self);
}

std::string unit_panel(http::Context& ctx, const org::Unit& u) {
  if (!auth::allowed(ctx.principal, auth::Action::kViewPlan, {u.path})) return "";
  auto& c = ctx.db();
  db::Params p{u.path, db::subtree_end(u.path)};
  auto rounds = c.scalar("SELECT COUNT(*) FROM quiz_rounds r JOIN units x ON x.id = r.unit_id WHERE x.path >= $1 AND x.path < $2", p);
  auto draws = c.scalar("SELECT COUNT(*) FROM draw_sessions d JOIN units x ON x.id = d.unit_id WHERE x.path >= $1 AND x.path < $2", p);
  std::string now = kernel::now_iso();
  auto reachable = rounds_for_unit(c, u.path, 50);
  auto open = static_cast<long>(
      std::count_if(reachable.begin(), reachable.end(), [&](const Round& r) { return r.opens_at <= now && now < r.closes_at; }));
  if (rounds == 0 && draws == 0 && open == 0 && !auth::allowed(ctx.principal, auth::Action::kRunQuiz, {u.path})) return "";
  html::Dict d("unit_panel");
  d.SetIntValue("UNIT_ID", u.id);
  d.SetValue("ROUNDS", html::number_vn(rounds));
  d.SetValue("DRAWS", html::number_vn(draws));
  if (open) d.AddSectionDictionary("OPEN")->SetIntValue("N", open);
  return html::render("quizzes/unit_panel.tpl", d);
}

// The navigation's entry: the quiz home of the reader's own unit.
http::Response my_quizzes(http::Context& ctx) {
  auto unit = ctx.principal.home_unit();
  if (ctx.principal.person_id)
    if (auto r = ctx.db().query_one("SELECT unit_id FROM memberships WHERE person_id = $1 AND valid_to IS NULL", {ctx.principal.person_id}))
      unit = r->i64(0);
  if (!unit) return ctx.error(Error::forbidden());
  return http::Response::redirect(unit_href(unit, "/quizzes"));
}

// ---- the coverage dashboard's chart over time: online rounds and live draws held in the subtree, per year
std::vector<charts::Chart> dashboard_charts(db::Connection& c, const org::Unit& u, int, const std::vector<int>& years) {
  using charts::Measure;
  using charts::Plot;
  using charts::series;
  charts::Chart ch;
  ch.id = "quizzes-years";
  ch.title = "Hái hoa dân chủ qua các năm";
  ch.kind = charts::Kind::kBar;
  ch.label_header = "Năm";
  ch.series = {series("Bài thi trực tuyến đã nộp", Measure::kCount, Plot::kDrawn),
               series("Câu hỏi đã hái trong buổi sinh hoạt", Measure::kCount, Plot::kDrawn),
               series("Đợt thi trực tuyến", Measure::kCount, Plot::kTableOnly),
               series("Buổi hái hoa", Measure::kCount, Plot::kTableOnly),
               series("Điểm trung bình trên điểm tối đa", Measure::kPercent, Plot::kTableOnly)};
  bool any = false;
  for (int y : years) {
    auto s = summary(c, u.path, y);
    any = any || s.rounds > 0 || s.draws > 0;
    ch.labels.push_back(std::to_string(y));
    ch.series[0].values.push_back(static_cast<double>(s.attempts));
    ch.series[1].values.push_back(static_cast<double>(s.picks));
    ch.series[2].values.push_back(static_cast<double>(s.rounds));
    ch.series[3].values.push_back(static_cast<double>(s.draws));
    ch.series[4].values.push_back(s.attempts ? std::optional<double>(std::round(s.average_percent * 10) / 10) : std::nullopt);
  }
  if (!any) return {};
  return {ch};
}

}  // namespace

void wire_pages(http::App& app) {
  app.route("GET", "/quizzes", my_quizzes);
  app.nav({"Hái hoa dân chủ", "/quizzes", auth::Action::kTakeQuiz});
  app.route("GET", "/units/{id}/quizzes", home);
  app.route("GET", "/units/{id}/questions", bank_page);
  app.route("GET", "/units/{id}/questions.xlsx", bank_xlsx);
  app.route("GET", "/units/{id}/questions/new", new_question);
  app.route("GET", "/units/{id}/questions/import", import_get);
  app.route("POST", "/units/{id}/questions/import", import_post);
  app.route("POST", "/units/{id}/questions", create_question_h);
  app.route("GET", "/questions/{id}/edit", edit_question);
  app.route("POST", "/questions/{id}", update_question_h);
  app.route("GET", "/units/{id}/draws/new", new_draw);
  app.route("POST", "/units/{id}/draws", create_draw);
  app.route("GET", "/draws/{id}", draw_get);
  app.route("POST", "/draws/{id}/picks", pick_h);
  app.route("POST", "/draws/{id}/picks/{pick}", judge_h);
  app.route("POST", "/draws/{id}/close", close_h);
  app.route("GET", "/units/{id}/quiz-rounds/new", new_round);
  app.route("POST", "/units/{id}/quiz-rounds", create_round_h);
  app.route("GET", "/quiz-rounds/{id}", round_get);
  app.route("GET", "/quiz-rounds/{id}/results.xlsx", results_xlsx);
  app.route("GET", "/quiz-rounds/{id}/charts/{chart}", round_chart_export);
  app.route("POST", "/quiz-rounds/{id}/start", start_h);
  app.route("GET", "/quiz-attempts/{id}", attempt_get);
  app.route("POST", "/quiz-attempts/{id}/answers", answers_h);
  app.route("POST", "/quiz-attempts/{id}/submit", submit_h);
  app.route("GET", "/quiz/{id}", public_round_get, http::Access::kPublic);
  app.route("POST", "/quiz/{id}", public_start, http::Access::kPublic);
  app.route("GET", "/quiz/attempts/{token}", public_attempt_get, http::Access::kPublic);
  app.route("POST", "/quiz/attempts/{token}/answers", public_answers, http::Access::kPublic);
  app.route("POST", "/quiz/attempts/{token}/submit", public_submit, http::Access::kPublic);
  org::add_unit_panel("quizzes", unit_panel);
  plans::add_dashboard_charts("quizzes", dashboard_charts);
}

}  // namespace ct05::quizzes
