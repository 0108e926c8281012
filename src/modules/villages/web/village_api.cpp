// /api/v1/households, /api/v1/household-status, /api/v1/criteria-sets, /api/v1/village-assessments,
// /api/v1/recognitions: the same commands and permission rule as the pages, in JSON.
#include "kernel/clock.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/villages/module.hpp"
#include "modules/villages/storage/assessment_store.hpp"
#include "modules/villages/storage/household_store.hpp"
#include "modules/villages/web/common.hpp"
#include "platform/http/json_input.hpp"

namespace ct05::villages {

namespace {

Result<int> year_of(const http::Fields& q) {
  if (auto y = plans::parse_year(q.get("year"))) return *y;
  return fail(Error::invalid({{"year", "Cần tham số year là năm có 4 chữ số."}}));
}

Result<org::Unit> unit_of(http::Context& ctx, auth::Action action) {
  auto unit = ctx.req.query().id("unit");
  if (!unit) return fail(Error::invalid({{"unit", "Cần tham số unit là mã số đơn vị."}}));
  return org::get_unit(ctx.db(), ctx.principal, *unit, action);
}

// {"code", "head_name", "head_birth_year", "head_gender", "ethnicity", "address", "area", "registered_on", "ended_on",
//  "ended_reason", "note", "members": [{"full_name", "relation", "birth_year", "gender"}]}
Result<HouseholdInput> household_of(const nlohmann::json& j) {
  http::JsonFields f(j);
  HouseholdInput in;
  if (auto v = f.integer("village_id")) in.village_id = *v;
  in.code = f.text("code");
  in.head_name = f.text("head_name");
  if (j.contains("head_birth_year")) {
    if (j["head_birth_year"].is_null())
      in.head_birth_year = 0;
    else if (auto y = f.integer("head_birth_year"))
      in.head_birth_year = static_cast<int>(*y);
  }
  in.head_gender = f.text("head_gender");
  in.ethnicity = f.text("ethnicity");
  in.address = f.text("address");
  in.area = f.text("area");
  in.registered_on = f.text("registered_on");
  in.ended_on = f.text("ended_on");
  in.ended_reason = f.text("ended_reason");
  in.note = f.text("note");
  if (!f.errors().empty()) return fail(Error::invalid(f.errors()));
  if (auto m = j.find("members"); m != j.end()) {
    if (!m->is_array()) return fail(Error::invalid({{"members", "Trường members phải là một mảng."}}));
    std::vector<Member> members;
    for (const auto& e : *m) {
      if (!e.is_object()) return fail(Error::invalid({{"members", "Mỗi thành viên là một đối tượng."}}));
      http::JsonFields mf(e);
      Member x;
      x.full_name = mf.text("full_name").value_or("");
      x.relation = mf.text("relation").value_or("");
      x.birth_year = static_cast<int>(mf.integer("birth_year").value_or(0));
      x.gender = mf.text("gender").value_or("");
      if (!mf.errors().empty()) return fail(Error::invalid(mf.errors()));
      members.push_back(std::move(x));
    }
    in.members = members;
  }
  return in;
}

// ---- households
http::Response households_list(http::Context& ctx) {
  auto u = unit_of(ctx, auth::Action::kViewHouseholds);
  if (!u) return ctx.error(u.error());
  if (!is_village(*u)) return ctx.error(Error::invalid({{"unit", "Đơn vị phải là một thôn, tổ dân phố."}}));
  HouseholdFilter f;
  f.year = plans::parse_year(ctx.req.query().get("year")).value_or(plans::default_year(ctx.db()));
  f.query = ctx.req.query().trimmed("q");
  f.status = parse_status(ctx.req.query().get("status"));
  auto page = html::page_request(ctx.req.query().get("page"));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& h : list_households(ctx.db(), u->id, f, page.per_page, page.offset())) items.push_back(to_json(h));
  return http::Response::json(nlohmann::json{
      {"items", items},
      {"total", count_households(ctx.db(), u->id, f)},
      {"year", f.year},
      {"page", page.page},
      {"per_page", page.per_page}}.dump());
}

http::Response households_create(http::Context& ctx) {
  auto j = http::json_object(ctx.req);
  if (!j) return ctx.error(j.error());
  auto in = household_of(*j);
  if (!in) return ctx.error(in.error());
  auto h = create_household(ctx.db(), ctx.principal, *in);
  if (!h) return ctx.error(h.error());
  return http::Response::json(to_json(*h).dump(), 201);
}

// A household's full record with its statuses: each display is audited, as on the page.
http::Response households_get(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy hộ gia đình."));
  auto& c = ctx.db();
  auto h = get_household(c, ctx.principal, *id);
  if (!h) return ctx.error(h.error());
  log_full_read(c, ctx.principal, *h, "api");
  auto out = to_json(*h);
  nlohmann::json st = nlohmann::json::array();
  for (const auto& s : statuses_of(c, h->id)) st.push_back(to_json(s));
  out["statuses"] = st;
  return http::Response::json(out.dump());
}

http::Response households_patch(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy hộ gia đình."));
  auto j = http::json_object(ctx.req);
  if (!j) return ctx.error(j.error());
  auto in = household_of(*j);
  if (!in) return ctx.error(in.error());
  auto h = update_household(ctx.db(), ctx.principal, *id, *in);
  if (!h) return ctx.error(h.error());
  return http::Response::json(to_json(*h).dump());
}

// POST /api/v1/households/import?unit=&valid_only=1 with the file as the body (or as the "file" part of a form).
// Nothing imported: 422 with every issue as {"field": "rows/<line>/<column>", "message"}; otherwise the report.
http::Response households_import(http::Context& ctx) {
  auto u = unit_of(ctx, auth::Action::kEditHouseholds);
  if (!u) return ctx.error(u.error());
  std::string_view bytes = ctx.req.body;
  for (const auto& f : ctx.req.files())
    if (f.field == "file") bytes = f.data;
  auto mode = ctx.req.query().get("valid_only") == "1" ? ImportMode::kValidRowsOnly : ImportMode::kAllOrNothing;
  auto r = import_households(ctx.db(), ctx.principal, u->id, bytes, mode);
  if (!r) return ctx.error(r.error());
  if (r->imported == 0) {
    std::vector<FieldError> fields;
    for (const auto& i : r->plan.issues)
      fields.push_back(
          {i.line ? "rows/" + std::to_string(i.line) + (i.column.empty() ? "" : "/" + i.column) : "file",
           i.line ? "Dòng " + std::to_string(i.line) + (i.column.empty() ? "" : ", cột " + i.column) + ": " + i.message
                  : i.message});
    return ctx.error(Error::invalid(std::move(fields), "Chưa nhập hộ nào: tệp có lỗi."));
  }
  return http::Response::json(to_json(*r).dump(), 201);
}

// ---- statuses
// GET ?household=&year= (one household, every year or one), or ?unit=&year= (a village's statuses of a year).
http::Response status_list(http::Context& ctx) {
  auto& c = ctx.db();
  nlohmann::json items = nlohmann::json::array();
  if (auto hid = ctx.req.query().id("household")) {
    auto h = get_household(c, ctx.principal, *hid);
    if (!h) return ctx.error(h.error());
    auto year = plans::parse_year(ctx.req.query().get("year"));
    for (const auto& s : statuses_of(c, h->id))
      if (!year || s.year == *year) items.push_back(to_json(s));
    return http::Response::json(nlohmann::json{{"items", items}}.dump());
  }
  auto u = unit_of(ctx, auth::Action::kViewHouseholds);
  if (!u) return ctx.error(u.error());
  auto year = year_of(ctx.req.query());
  if (!year) return ctx.error(year.error());
  auto page = html::page_request(ctx.req.query().get("page"), 100);
  for (const auto& s : village_statuses(c, u->id, *year, page.per_page, page.offset())) items.push_back(to_json(s));
  return http::Response::json(
      nlohmann::json{{"items", items}, {"page", page.page}, {"per_page", page.per_page}}.dump());
}

// POST {"household_id", "year", "income", "lacking": [codes]} classifies by the standard in force;
// {"household_id", "year", "decided_status": "can_ngheo" | "" (withdraws), "decision_note"} records the decision.
http::Response status_post(http::Context& ctx) {
  auto j = http::json_object(ctx.req);
  if (!j) return ctx.error(j.error());
  http::JsonFields f(*j);
  auto hid = f.integer("household_id");
  auto year = f.integer("year");
  auto income = f.integer("income");
  auto decided = f.text("decided_status");
  auto note = f.text("decision_note");
  if (!f.errors().empty()) return ctx.error(Error::invalid(f.errors()));
  if (!hid) return ctx.error(Error::invalid({{"household_id", "Trường household_id là bắt buộc."}}));
  if (!year) return ctx.error(Error::invalid({{"year", "Trường year là bắt buộc."}}));
  std::vector<std::string> lacking;
  if (auto l = j->find("lacking"); l != j->end()) {
    if (!l->is_array()) return ctx.error(Error::invalid({{"lacking", "Trường lacking phải là mảng mã chỉ số."}}));
    for (const auto& e : *l) {
      if (!e.is_string()) return ctx.error(Error::invalid({{"lacking", "Trường lacking phải là mảng mã chỉ số."}}));
      lacking.push_back(e.get<std::string>());
    }
  }
  const bool classify_asked = j->contains("income") || j->contains("lacking");
  if (!classify_asked && !decided)
    return ctx.error(Error::invalid({{"decided_status", "Gửi income và lacking để phân loại, hoặc decided_status."}}));
  auto& c = ctx.db();
  Result<StatusRecord> r = fail(Error::invalid({}));
  if (classify_asked) {
    r = classify_household(c, ctx.principal, *hid, static_cast<int>(*year), Answers{income, lacking});
    if (!r) return ctx.error(r.error());
  }
  if (decided) {
    auto s = parse_status(*decided);
    if (!decided->empty() && !s)
      return ctx.error(Error::invalid({{"decided_status", "Kết quả rà soát không hợp lệ."}}));
    r = decide_status(c, ctx.principal, *hid, static_cast<int>(*year), s, note.value_or(""));
    if (!r) return ctx.error(r.error());
  }
  return http::Response::json(to_json(*r).dump());
}

// ---- criteria sets
http::Response sets_list(http::Context& ctx) {
  if (auto ok = auth::authorize_any(ctx.principal, auth::Action::kViewPlan); !ok) return ctx.error(ok.error());
  nlohmann::json items = nlohmann::json::array();
  auto code = ctx.req.query().get("code");
  for (const auto& s : list_sets(ctx.db()))
    if (code.empty() || s.code == code) items.push_back(to_json(s));
  return http::Response::json(nlohmann::json{{"items", items}}.dump());
}

http::Response sets_get(http::Context& ctx) {
  if (auto ok = auth::authorize_any(ctx.principal, auth::Action::kViewPlan); !ok) return ctx.error(ok.error());
  auto id = ctx.id_param("id");
  auto s = id ? find_set(ctx.db(), *id) : std::nullopt;
  if (!s) return ctx.error(Error::not_found("Không tìm thấy bộ tiêu chí."));
  return http::Response::json(to_json(*s).dump());
}

// {"code", "name", "legal_basis", "from_year", "to_year", "note", "criteria": [{"group", "number", "name",
//  "requirement", "figure_label", "figure_source"}]}: version 1 of a new code or the next version of an existing one.
http::Response sets_create(http::Context& ctx) {
  // Permission before the body is read, so a refused caller learns nothing about the rules (D5).
  if (auto ok = auth::authorize_any(ctx.principal, auth::Action::kManageCriteria); !ok) return ctx.error(ok.error());
  auto j = http::json_object(ctx.req);
  if (!j) return ctx.error(j.error());
  http::JsonFields f(*j);
  CriteriaSetInput in;
  in.code = f.text("code").value_or("");
  in.name = f.text("name").value_or("");
  in.legal_basis = f.text("legal_basis").value_or("");
  in.note = f.text("note").value_or("");
  if (auto y = f.integer("from_year")) in.from_year = static_cast<int>(*y);
  if (auto y = f.integer("to_year")) in.to_year = static_cast<int>(*y);
  if (!f.errors().empty()) return ctx.error(Error::invalid(f.errors()));
  if (auto cr = j->find("criteria"); cr != j->end()) {
    if (!cr->is_array()) return ctx.error(Error::invalid({{"criteria", "Trường criteria phải là một mảng."}}));
    int pos = 0;
    for (const auto& e : *cr) {
      if (!e.is_object()) return ctx.error(Error::invalid({{"criteria", "Mỗi tiêu chí là một đối tượng."}}));
      http::JsonFields cf(e);
      Criterion c;
      c.position = ++pos;
      c.group_name = cf.text("group").value_or("");
      c.number = cf.text("number").value_or("");
      c.name = cf.text("name").value_or("");
      c.requirement = cf.text("requirement").value_or("");
      c.figure_label = cf.text("figure_label").value_or("");
      c.figure_source = cf.text("figure_source").value_or("");
      if (!cf.errors().empty()) return ctx.error(Error::invalid(cf.errors()));
      in.criteria.push_back(std::move(c));
    }
  }
  auto s = create_set(ctx.db(), ctx.principal, in);
  if (!s) return ctx.error(s.error());
  return http::Response::json(to_json(*s).dump(), 201);
}

// ---- assessments
http::Response assessments_list(http::Context& ctx) {
  auto u = unit_of(ctx, auth::Action::kViewPlan);
  if (!u) return ctx.error(u.error());
  auto year = year_of(ctx.req.query());
  if (!year) return ctx.error(year.error());
  auto page = html::page_request(ctx.req.query().get("page"));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : subtree_assessments(ctx.db(), u->path, *year, page.per_page, page.offset()))
    items.push_back(to_json(a));
  return http::Response::json(nlohmann::json{
      {"items", items},
      {"total", count_subtree_assessments(ctx.db(), u->path, *year)},
      {"page", page.page},
      {"per_page", page.per_page}}.dump());
}

// {"unit_id", "set_id", "year"}: the assessment of that village, set and year (made with ct05's figures when new).
http::Response assessments_create(http::Context& ctx) {
  auto j = http::json_object(ctx.req);
  if (!j) return ctx.error(j.error());
  http::JsonFields f(*j);
  auto unit = f.integer("unit_id");
  auto set = f.integer("set_id");
  auto year = f.integer("year");
  if (!f.errors().empty()) return ctx.error(Error::invalid(f.errors()));
  if (!unit) return ctx.error(Error::invalid({{"unit_id", "Trường unit_id là bắt buộc."}}));
  auto& c = ctx.db();
  auto v = org::get_unit(c, ctx.principal, *unit, auth::Action::kAssessVillage);
  if (!v) return ctx.error(v.error());
  if (!set) return ctx.error(Error::invalid({{"set_id", "Trường set_id là bắt buộc."}}));
  if (!year) return ctx.error(Error::invalid({{"year", "Trường year là bắt buộc."}}));
  bool existed =
      c.scalar("SELECT COUNT(*) FROM village_assessments WHERE village_id = $1 AND set_id = $2 AND year = $3",
               {*unit, *set, *year}) > 0;
  auto a = open_assessment(c, ctx.principal, *unit, *set, static_cast<int>(*year));
  if (!a) return ctx.error(a.error());
  return http::Response::json(to_json(*a).dump(), existed ? 200 : 201);
}

http::Response assessments_get(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy bản đánh giá."));
  auto a = get_assessment(ctx.db(), ctx.principal, *id);
  if (!a) return ctx.error(a.error());
  return http::Response::json(to_json(*a).dump());
}

// {"note", "results": [{"criterion_id", "met": true | false | null, "figure", "note"}]}
http::Response assessments_patch(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy bản đánh giá."));
  auto& c = ctx.db();
  auto found = find_assessment(c, *id);
  if (!found) return ctx.error(Error::not_found("Không tìm thấy bản đánh giá."));
  if (auto ok = ctx.authorize(auth::Action::kAssessVillage, {found->village_path}); !ok) return ctx.error(ok.error());
  auto j = http::json_object(ctx.req);
  if (!j) return ctx.error(j.error());
  http::JsonFields f(*j);
  auto note = f.text("note");
  if (!f.errors().empty()) return ctx.error(Error::invalid(f.errors()));
  std::vector<CriterionResult> results;
  if (auto rs = j->find("results"); rs != j->end()) {
    if (!rs->is_array()) return ctx.error(Error::invalid({{"results", "Trường results phải là một mảng."}}));
    for (const auto& e : *rs) {
      if (!e.is_object()) return ctx.error(Error::invalid({{"results", "Mỗi kết quả là một đối tượng."}}));
      http::JsonFields rf(e);
      CriterionResult r;
      r.criterion_id = rf.integer("criterion_id").value_or(0);
      if (e.contains("met") && !e["met"].is_null()) r.met = rf.boolean("met");
      r.figure = rf.text("figure").value_or("");
      r.note = rf.text("note").value_or("");
      if (!rf.errors().empty()) return ctx.error(Error::invalid(rf.errors()));
      results.push_back(std::move(r));
    }
  }
  auto a = save_results(c, ctx.principal, *id, results, note);
  if (!a) return ctx.error(a.error());
  return http::Response::json(to_json(*a).dump());
}

// ---- recognitions
http::Response recognitions_list(http::Context& ctx) {
  auto u = unit_of(ctx, auth::Action::kViewPlan);
  if (!u) return ctx.error(u.error());
  int year = plans::parse_year(ctx.req.query().get("year")).value_or(0);
  auto page = html::page_request(ctx.req.query().get("page"));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : subtree_recognitions(ctx.db(), u->path, year, page.per_page, page.offset()))
    items.push_back(to_json(r));
  return http::Response::json(nlohmann::json{
      {"items", items},
      {"total", count_subtree_recognitions(ctx.db(), u->path, year)},
      {"page", page.page},
      {"per_page", page.per_page}}.dump());
}

// {"unit_id", "year", "decision_no", "decided_on", "issuer", "assessment_id", "note"} (the file goes through the page).
http::Response recognitions_create(http::Context& ctx) {
  auto j = http::json_object(ctx.req);
  if (!j) return ctx.error(j.error());
  http::JsonFields f(*j);
  RecognitionInput in;
  in.village_id = f.integer("unit_id");
  if (auto y = f.integer("year")) in.year = static_cast<int>(*y);
  in.decision_no = f.text("decision_no").value_or("");
  in.decided_on = f.text("decided_on").value_or("");
  in.issuer = f.text("issuer").value_or("");
  in.note = f.text("note").value_or("");
  in.assessment_id = f.integer("assessment_id");
  if (!f.errors().empty()) return ctx.error(Error::invalid(f.errors()));
  auto r = record_recognition(ctx.db(), ctx.principal, in, "", {}, files::shared());
  if (!r) return ctx.error(r.error());
  return http::Response::json(to_json(*r).dump(), 201);
}

http::Response recognitions_get(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy quyết định công nhận."));
  auto r = get_recognition(ctx.db(), ctx.principal, *id);
  if (!r) return ctx.error(r.error());
  return http::Response::json(to_json(*r).dump());
}

}  // namespace

void wire_api(http::App& app) {
  app.route("GET", "/api/v1/households", households_list);
  app.route("POST", "/api/v1/households", households_create);
  app.route("POST", "/api/v1/households/import", households_import);
  app.route("GET", "/api/v1/households/{id}", households_get);
  app.route("PATCH", "/api/v1/households/{id}", households_patch);
  app.route("GET", "/api/v1/household-status", status_list);
  app.route("POST", "/api/v1/household-status", status_post);
  app.route("GET", "/api/v1/criteria-sets", sets_list);
  app.route("POST", "/api/v1/criteria-sets", sets_create);
  app.route("GET", "/api/v1/criteria-sets/{id}", sets_get);
  app.route("GET", "/api/v1/village-assessments", assessments_list);
  app.route("POST", "/api/v1/village-assessments", assessments_create);
  app.route("GET", "/api/v1/village-assessments/{id}", assessments_get);
  app.route("PATCH", "/api/v1/village-assessments/{id}", assessments_patch);
  app.route("GET", "/api/v1/recognitions", recognitions_list);
  app.route("POST", "/api/v1/recognitions", recognitions_create);
  app.route("GET", "/api/v1/recognitions/{id}", recognitions_get);
}

}  // namespace ct05::villages
