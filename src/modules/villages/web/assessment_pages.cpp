// Pages of criteria sets and poverty standards (read by anyone with kViewPlan somewhere, kept by quản trị), of a
// village's assessment against a set (results per criterion, evidence files) and of recognition decisions.
#include <algorithm>

#include "kernel/clock.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/villages/module.hpp"
#include "modules/villages/storage/assessment_store.hpp"
#include "modules/villages/storage/household_store.hpp"
#include "modules/villages/web/common.hpp"
#include "platform/http/json_input.hpp"

namespace ct05::villages {

namespace {

std::string unit_href(std::int64_t id, const std::string& rest = "") { return "/units/" + std::to_string(id) + rest; }

std::string size_text(std::int64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " B";
  if (bytes < 1024 * 1024) return std::to_string((bytes + 512) / 1024) + " KB";
  return std::to_string(bytes / (1024 * 1024)) + "," + std::to_string((bytes % (1024 * 1024)) * 10 / (1024 * 1024)) +
         " MB";
}

bool may_manage(const http::Context& ctx) {
  return auth::authorize_any(ctx.principal, auth::Action::kManageCriteria).has_value();
}

std::optional<int> int_field(const std::string& s) {
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoi(s);
}

// ---- criteria sets
http::Response sets_h(http::Context& ctx) {
  if (auto ok = auth::authorize_any(ctx.principal, auth::Action::kViewPlan); !ok) return ctx.error(ok.error());
  html::Dict d("criteria_sets");
  if (may_manage(ctx)) d.ShowSection("CAN_MANAGE");
  auto sets = list_sets(ctx.db());
  if (sets.empty()) d.ShowSection("NONE");
  for (const auto& s : sets) {
    auto* r = d.AddSectionDictionary("SET");
    r->SetIntValue("ID", s.id);
    r->SetValue("NAME", s.name);
    r->SetValue("CODE", s.code);
    r->SetIntValue("VERSION", s.version);
    if (s.latest) r->ShowSection("LATEST");
    r->SetIntValue("FROM", s.from_year);
    if (s.to_year) r->AddSectionDictionary("TO")->SetIntValue("Y", s.to_year);
    r->SetValue("ASSESSMENTS", html::number_vn(s.assessments));
    r->SetValue("LEGAL_BASIS", s.legal_basis);
  }
  return ctx.page("villages/criteria_sets.tpl", d, "Bộ tiêu chí thôn nông thôn mới");
}

http::Response set_h(http::Context& ctx) {
  if (auto ok = auth::authorize_any(ctx.principal, auth::Action::kViewPlan); !ok) return ctx.error(ok.error());
  auto id = ctx.id_param("id");
  auto s = id ? find_set(ctx.db(), *id) : std::nullopt;
  if (!s) return ctx.error(Error::not_found("Không tìm thấy bộ tiêu chí."));
  html::Dict d("criteria_set_view");
  d.SetIntValue("ID", s->id);
  d.SetValue("NAME", s->name);
  d.SetValue("CODE", s->code);
  d.SetIntValue("VERSION", s->version);
  if (s->latest) d.ShowSection("LATEST");
  d.SetValue("LEGAL_BASIS", s->legal_basis);
  d.SetIntValue("FROM", s->from_year);
  if (s->to_year) d.AddSectionDictionary("TO")->SetIntValue("Y", s->to_year);
  d.SetIntValue("COUNT", static_cast<long>(s->criteria.size()));
  d.SetValue("BY", s->created_by);
  if (!s->note.empty()) d.AddSectionDictionary("NOTE")->SetValue("TEXT", s->note);
  if (ctx.req.query().get("msg") == "created")
    d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã tạo bộ tiêu chí.");
  if (may_manage(ctx)) d.ShowSection("CAN_MANAGE");
  html::Dict* group = nullptr;
  std::string last;
  for (const auto& c : s->criteria) {
    if (!group || c.group_name != last) {
      group = d.AddSectionDictionary("GROUP");
      group->SetValue("NAME", c.group_name);
      last = c.group_name;
    }
    auto* r = group->AddSectionDictionary("C");
    r->SetValue("NUMBER", c.number);
    r->SetValue("NAME", c.name);
    if (!c.requirement.empty()) r->AddSectionDictionary("REQ")->SetValue("TEXT", c.requirement);
    if (!c.figure_label.empty() || !c.figure_source.empty()) {
      auto* f = r->AddSectionDictionary("FIGURE");
      f->SetValue("LABEL", c.figure_label.empty() ? "số liệu" : c.figure_label);
      if (!c.figure_source.empty())
        f->AddSectionDictionary("SOURCE")->SetValue("TEXT", std::string(figure_source_label(c.figure_source)));
    }
  }
  return ctx.page("villages/criteria_set_view.tpl", d, s->name);
}

http::Response set_form(http::Context& ctx, const CriteriaSetInput& in, const Error* err, const std::string& heading) {
  html::Dict d("criteria_set_form");
  d.SetValue("HEADING", heading);
  d.SetValue("CSRF", ctx.csrf_token());
  d.SetValue("CODE", in.code);
  d.SetValue("NAME", in.name);
  d.SetValue("LEGAL_BASIS", in.legal_basis);
  d.SetValue("FROM_YEAR", in.from_year ? std::to_string(*in.from_year) : ctx.req.form().trimmed("from_year"));
  d.SetValue("TO_YEAR", in.to_year && *in.to_year ? std::to_string(*in.to_year) : ctx.req.form().trimmed("to_year"));
  d.SetValue("NOTE", in.note);
  std::vector<Criterion> rows = in.criteria;
  for (int i = 0; i < 3; ++i) rows.push_back(Criterion{});  // spare rows
  int n = 0;
  for (const auto& c : rows) {
    auto* r = d.AddSectionDictionary("C");
    r->SetIntValue("N", ++n);
    r->SetValue("GROUP", c.group_name);
    r->SetValue("NUMBER", c.number);
    r->SetValue("NAME", c.name);
    r->SetValue("REQUIREMENT", c.requirement);
    r->SetValue("FIGURE_LABEL", c.figure_label);
    for (const auto& [code, label] : figure_sources()) {
      auto* o = r->AddSectionDictionary("SRC");
      o->SetValue("VALUE", std::string(code));
      o->SetValue("LABEL", std::string(label));
      if (c.figure_source == code) o->ShowSection("SELECTED");
    }
  }
  if (err) html::set_field_errors(d, err->message, http::field_pairs(*err));
  return ctx.page("villages/criteria_set_form.tpl", d, heading, err ? http::status_for(err->code) : 200);
}

http::Response new_set_h(http::Context& ctx) {
  if (auto ok = auth::authorize_any(ctx.principal, auth::Action::kManageCriteria); !ok) return ctx.error(ok.error());
  CriteriaSetInput in;
  std::string heading = "Tạo bộ tiêu chí";
  if (auto from = ctx.req.query().id("from")) {
    auto s = find_set(ctx.db(), *from);
    if (!s) return ctx.error(Error::not_found("Không tìm thấy bộ tiêu chí."));
    // A new version starts from the old one's text.
    in.code = s->code;
    in.name = s->name;
    in.legal_basis = s->legal_basis;
    in.from_year = s->from_year;
    in.to_year = s->to_year;
    in.note = s->note;
    in.criteria = s->criteria;
    heading = "Phiên bản mới của " + s->code;
  }
  return set_form(ctx, in, nullptr, heading);
}

http::Response create_set_h(http::Context& ctx) {
  const auto& f = ctx.req.form();
  CriteriaSetInput in;
  in.code = f.trimmed("code");
  in.name = f.trimmed("name");
  in.legal_basis = f.trimmed("legal_basis");
  in.note = f.trimmed("note");
  auto from = f.trimmed("from_year"), to = f.trimmed("to_year");
  in.from_year = int_field(from);
  in.to_year = to.empty() ? std::optional<int>(0) : int_field(to);
  in.years_invalid = (!from.empty() && !in.from_year) || (!to.empty() && !in.to_year);
  std::vector<std::string> groups, numbers, names, reqs, labels, sources;
  for (const auto& [k, v] : f.items()) {
    if (k == "group") groups.push_back(v);
    if (k == "number") numbers.push_back(v);
    if (k == "criterion") names.push_back(v);
    if (k == "requirement") reqs.push_back(v);
    if (k == "figure_label") labels.push_back(v);
    if (k == "figure_source") sources.push_back(v);
  }
  auto at = [](const std::vector<std::string>& v, std::size_t i) { return i < v.size() ? v[i] : std::string(); };
  for (std::size_t i = 0; i < names.size(); ++i)
    in.criteria.push_back({0, static_cast<int>(i) + 1, at(groups, i), at(numbers, i), at(names, i), at(reqs, i),
                           at(labels, i), at(sources, i)});
  auto s = create_set(ctx.db(), ctx.principal, in);
  if (!s) {
    if (s.error().code != ErrorCode::kInvalid) return ctx.error(s.error());
    return set_form(ctx, normalized(in), &s.error(), "Tạo bộ tiêu chí");
  }
  return http::Response::redirect("/criteria-sets/" + std::to_string(s->id) + "?msg=created");
}

// ---- poverty standards
std::string indicator_lines(const std::vector<Indicator>& list) {
  std::string out;
  for (const auto& i : list) out += i.code + " | " + i.dimension + " | " + i.name + " | " + i.threshold + "\n";
  return out;
}

http::Response standards_h(http::Context& ctx) {
  if (auto ok = auth::authorize_any(ctx.principal, auth::Action::kViewPlan); !ok) return ctx.error(ok.error());
  auto& c = ctx.db();
  html::Dict d("poverty_standards");
  bool manage = may_manage(ctx);
  if (manage) d.ShowSection("CAN_MANAGE");
  if (ctx.req.query().get("msg") == "saved")
    d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã lưu chuẩn nghèo.");
  for (const auto& s : list_standards(c)) {
    auto* r = d.AddSectionDictionary("S");
    r->SetIntValue("ID", s.id);
    r->SetValue("NAME", s.name);
    r->SetValue("CODE", s.code);
    r->SetIntValue("FROM", s.from_year);
    r->SetIntValue("TO", s.to_year);
    r->SetValue("LEGAL_BASIS", s.legal_basis);
    r->SetValue("RURAL", money_vn(s.rural_line));
    r->SetValue("URBAN", money_vn(s.urban_line));
    r->SetIntValue("MIN", s.min_lacking);
    r->SetIntValue("COUNT", static_cast<long>(s.indicators.size()));
    if (!s.note.empty()) r->AddSectionDictionary("NOTE")->SetValue("TEXT", s.note);
    html::Dict* dim = nullptr;
    std::string last;
    for (const auto& i : s.indicators) {
      if (!dim || i.dimension != last) {
        dim = r->AddSectionDictionary("DIM");
        dim->SetValue("NAME", i.dimension);
        last = i.dimension;
      }
      auto* x = dim->AddSectionDictionary("I");
      x->SetValue("NAME", i.name);
      x->SetValue("THRESHOLD", i.threshold);
    }
    if (manage) r->ShowSection(standard_in_use(c, s.id) ? "USED" : "EDIT");
  }
  return ctx.page("villages/poverty_standards.tpl", d, "Chuẩn nghèo đa chiều");
}

http::Response standard_form(http::Context& ctx, const PovertyStandard& s, const std::string& typed_indicators,
                             const Error* err) {
  html::Dict d("poverty_standard_form");
  d.SetValue("HEADING", s.id ? "Sửa " + s.name : "Thêm chuẩn nghèo");
  d.SetValue("ACTION", s.id ? "/poverty-standards/" + std::to_string(s.id) : "/poverty-standards");
  d.SetValue("CSRF", ctx.csrf_token());
  const auto& f = ctx.req.form();
  const bool typed = ctx.req.method == "POST";
  d.SetValue("CODE", s.code);
  d.SetValue("NAME", s.name);
  d.SetValue("LEGAL_BASIS", s.legal_basis);
  d.SetValue("FROM_YEAR", typed ? f.trimmed("from_year") : s.from_year ? std::to_string(s.from_year) : "");
  d.SetValue("TO_YEAR", typed ? f.trimmed("to_year") : s.to_year ? std::to_string(s.to_year) : "");
  d.SetValue("RURAL", typed ? f.trimmed("rural_line") : s.rural_line ? std::to_string(s.rural_line) : "");
  d.SetValue("URBAN", typed ? f.trimmed("urban_line") : s.urban_line ? std::to_string(s.urban_line) : "");
  d.SetValue("MIN", typed ? f.trimmed("min_lacking") : std::to_string(s.min_lacking));
  d.SetValue("NOTE", s.note);
  d.SetValue("INDICATORS", typed ? typed_indicators : indicator_lines(s.indicators));
  if (err) html::set_field_errors(d, err->message, http::field_pairs(*err));
  return ctx.page("villages/poverty_standard_form.tpl", d, s.id ? "Sửa chuẩn nghèo" : "Thêm chuẩn nghèo",
                  err ? http::status_for(err->code) : 200);
}

http::Response new_standard_h(http::Context& ctx) {
  if (auto ok = auth::authorize_any(ctx.principal, auth::Action::kManageCriteria); !ok) return ctx.error(ok.error());
  PovertyStandard s;
  s.indicators = national_standards().front().indicators;  // a starting list to edit
  return standard_form(ctx, s, "", nullptr);
}

http::Response edit_standard_h(http::Context& ctx) {
  if (auto ok = auth::authorize_any(ctx.principal, auth::Action::kManageCriteria); !ok) return ctx.error(ok.error());
  auto id = ctx.id_param("id");
  auto s = id ? find_standard(ctx.db(), *id) : std::nullopt;
  if (!s) return ctx.error(Error::not_found("Không tìm thấy chuẩn nghèo."));
  return standard_form(ctx, *s, "", nullptr);
}

http::Response save_standard_h(http::Context& ctx) {
  if (auto ok = auth::authorize_any(ctx.principal, auth::Action::kManageCriteria); !ok) return ctx.error(ok.error());
  const auto& f = ctx.req.form();
  PovertyStandard s;
  if (auto id = ctx.id_param("id")) s.id = *id;
  s.code = f.trimmed("code");
  s.name = f.trimmed("name");
  s.legal_basis = f.trimmed("legal_basis");
  s.note = f.trimmed("note");
  s.from_year = int_field(f.trimmed("from_year")).value_or(0);
  s.to_year = int_field(f.trimmed("to_year")).value_or(0);
  auto money = [](std::string v) {
    v.erase(std::remove_if(v.begin(), v.end(), [](char ch) { return ch == '.' || ch == ',' || ch == ' '; }), v.end());
    return v.size() > 12 || v.empty() || v.find_first_not_of("0123456789") != std::string::npos ? 0LL : std::stoll(v);
  };
  s.rural_line = money(f.trimmed("rural_line"));
  s.urban_line = money(f.trimmed("urban_line"));
  s.min_lacking = int_field(f.trimmed("min_lacking")).value_or(0);
  std::string lines = f.get("indicators");
  std::vector<FieldError> parse_errors;
  std::size_t at = 0;
  int n = 0;
  while (at < lines.size()) {
    auto end = lines.find('\n', at);
    std::string line = lines.substr(at, end == std::string::npos ? std::string::npos : end - at);
    at = end == std::string::npos ? lines.size() : end + 1;
    ++n;
    std::vector<std::string> parts;
    std::size_t p = 0;
    while (true) {
      auto bar = line.find('|', p);
      std::string part = line.substr(p, bar == std::string::npos ? std::string::npos : bar - p);
      auto b = part.find_first_not_of(" \t\r"), e = part.find_last_not_of(" \t\r");
      parts.push_back(b == std::string::npos ? "" : part.substr(b, e - b + 1));
      if (bar == std::string::npos) break;
      p = bar + 1;
    }
    if (parts.size() == 1 && parts[0].empty()) continue;
    if (parts.size() < 3 || parts.size() > 4) {
      parse_errors.push_back({"indicators", "Dòng " + std::to_string(n) + ": ghi mã | dịch vụ | tên chỉ số | ngưỡng."});
      continue;
    }
    s.indicators.push_back({parts[0], parts[1], parts[2], parts.size() > 3 ? parts[3] : ""});
  }
  Result<PovertyStandard> r = parse_errors.empty() ? save_standard(ctx.db(), ctx.principal, s)
                                                   : Result<PovertyStandard>(fail(Error::invalid(parse_errors)));
  if (!r) {
    if (r.error().code != ErrorCode::kInvalid) return ctx.error(r.error());
    return standard_form(ctx, s, lines, &r.error());
  }
  return http::Response::redirect("/poverty-standards?msg=saved");
}

// ---- an assessment
http::Response assessment_page(http::Context& ctx, std::int64_t id, const Error* err) {
  auto& c = ctx.db();
  auto a = get_assessment(c, ctx.principal, id);
  if (!a) return ctx.error(a.error());
  const bool edit = auth::allowed(ctx.principal, auth::Action::kAssessVillage, {a->village_path});
  const std::string csrf = edit ? ctx.csrf_token() : "";
  html::Dict d("assessment");
  d.SetIntValue("ID", a->id);
  d.SetIntValue("AID", a->id);
  d.SetIntValue("VILLAGE_ID", a->village_id);
  d.SetValue("VILLAGE_NAME", a->village_name);
  d.SetIntValue("YEAR", a->year);
  d.SetIntValue("SET_ID", a->set_id);
  d.SetValue("SET_NAME", a->set_name);
  d.SetIntValue("SET_VERSION", a->set_version);
  d.SetValue("SET_LEGAL_BASIS", a->set_legal_basis);
  d.SetIntValue("MET", a->met);
  d.SetIntValue("NOT_MET", a->not_met);
  d.SetIntValue("TOTAL", a->total);
  d.SetIntValue("PENDING", a->total - a->met - a->not_met);
  if (a->total > 0 && a->met == a->total) d.ShowSection("ALL_MET");
  d.SetValue("UPDATED_AT", kernel::datetime_vn(a->updated_at));
  d.SetValue("UPDATED_BY", a->updated_by);
  d.SetValue("CSRF", csrf);
  std::string msg = ctx.req.query().get("msg");
  if (msg == "saved") d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã lưu kết quả đánh giá.");
  if (msg == "file") d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã tải minh chứng lên.");
  if (edit && recognised_on(c, a->village_id, "9999-12-31") == std::nullopt) d.ShowSection("CAN_RECOGNISE");
  // Errors of one criterion are shown at that criterion ("c<id>"), others at the top.
  std::map<std::string, std::string> field_errors;
  if (err) {
    d.AddSectionDictionary("ERRORS")->SetValue("MESSAGE", err->message);
    for (const auto& [field, m] : http::field_pairs(*err))
      field_errors[field] += (field_errors[field].empty() ? "" : " ") + m;
    if (field_errors.count("note")) d.AddSectionDictionary("ERR_NOTE")->SetValue("MSG", field_errors["note"]);
  }
  // What was typed wins after an error.
  const auto& form = ctx.req.form();
  const bool typed = err && ctx.req.method == "POST" && form.has("criterion");
  html::Dict* group = nullptr;
  std::string last;
  for (const auto& item : a->items) {
    const auto& cr = item.criterion;
    if (!group || cr.group_name != last) {
      group = d.AddSectionDictionary("GROUP");
      group->SetValue("NAME", cr.group_name);
      last = cr.group_name;
    }
    auto* r = group->AddSectionDictionary("C");
    const std::string key = std::to_string(cr.id);
    r->SetIntValue("ID", cr.id);
    r->SetValue("NUMBER", cr.number);
    r->SetValue("NAME", cr.name);
    if (!cr.requirement.empty()) r->AddSectionDictionary("REQ")->SetValue("TEXT", cr.requirement);
    std::optional<bool> met = item.result.met;
    std::string figure = item.result.figure, note = item.result.note;
    if (typed) {
      std::string m = form.get("met_" + key);
      met = m == "1" ? std::optional<bool>(true) : m == "0" ? std::optional<bool>(false) : std::nullopt;
      figure = form.trimmed("figure_" + key);
      note = form.trimmed("note_" + key);
    }
    r->SetValue("RESULT", !item.result.met ? "Chưa đánh giá" : *item.result.met ? "Đạt" : "Chưa đạt");
    r->SetValue("RESULT_CODE", !item.result.met ? "pending" : *item.result.met ? "met" : "not-met");
    if (auto e = field_errors.find("c" + key); e != field_errors.end())
      r->AddSectionDictionary("ERR")->SetValue("MSG", e->second);
    if (edit) {
      auto* e = r->AddSectionDictionary("EDIT");
      e->ShowSection(!met ? "PENDING" : *met ? "MET" : "NOT_MET");
      e->SetValue("NOTE", note);
      // A figure field only where the set asks for one (or one was recorded): the page is read on phones.
      if (!cr.figure_label.empty() || !cr.figure_source.empty() || !figure.empty()) {
        auto* fi = e->AddSectionDictionary("FIGURE_INPUT");
        fi->SetValue("FIGURE_LABEL", cr.figure_label.empty() ? "Số liệu" : cr.figure_label);
        fi->SetValue("FIGURE", figure);
        if (!item.known_figure.empty()) fi->AddSectionDictionary("KNOWN")->SetValue("TEXT", item.known_figure);
      }
      r->AddSectionDictionary("UPLOAD");
    } else {
      auto* s = r->AddSectionDictionary("SHOW");
      if (!figure.empty()) {
        auto* x = s->AddSectionDictionary("FIGURE_TEXT");
        x->SetValue("LABEL", cr.figure_label.empty() ? "Số liệu" : cr.figure_label);
        x->SetValue("TEXT", figure);
      }
      if (!note.empty()) s->AddSectionDictionary("NOTE_TEXT")->SetValue("TEXT", note);
    }
    if (!item.files.empty()) {
      auto* fl = r->AddSectionDictionary("FILES");
      for (const auto& f : item.files) {
        auto* x = fl->AddSectionDictionary("F");
        x->SetIntValue("ID", f.id);
        x->SetValue("NAME", f.original_name);
        x->SetValue("SIZE", size_text(f.bytes));
      }
    }
  }
  if (edit) {
    d.AddSectionDictionary("EDIT_FORM")->SetValue("NOTE", typed ? form.trimmed("note") : a->note);
  } else if (!a->note.empty()) {
    d.AddSectionDictionary("NOTE_VIEW")->SetValue("TEXT", a->note);
  }
  return ctx.page("villages/assessment.tpl", d, "Đánh giá " + a->village_name + " năm " + std::to_string(a->year),
                  err ? http::status_for(err->code) : 200);
}

http::Response assessment_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy bản đánh giá."));
  return assessment_page(ctx, *id, nullptr);
}

http::Response save_assessment_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy bản đánh giá."));
  const auto& f = ctx.req.form();
  std::vector<CriterionResult> results;
  for (const auto& [k, v] : f.items()) {
    if (k != "criterion") continue;
    auto cid = http::parse_id(v);
    if (!cid) continue;
    std::string key = std::to_string(*cid), met = f.get("met_" + key);
    results.push_back({*cid,
                       met == "1"   ? std::optional<bool>(true)
                       : met == "0" ? std::optional<bool>(false)
                                    : std::nullopt,
                       f.trimmed("figure_" + key), f.trimmed("note_" + key)});
  }
  auto r = save_results(ctx.db(), ctx.principal, *id, results, f.trimmed("note"));
  if (!r) {
    if (r.error().code != ErrorCode::kInvalid) return ctx.error(r.error());
    return assessment_page(ctx, *id, &r.error());
  }
  return http::Response::redirect("/village-assessments/" + std::to_string(*id) + "?msg=saved");
}

http::Response upload_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy bản đánh giá."));
  auto criterion = ctx.req.form().id("criterion_id");
  const http::UploadedFile* file = nullptr;
  for (const auto& f : ctx.req.files())
    if (f.field == "files") file = &f;
  auto r = add_evidence(ctx.db(), ctx.principal, *id, criterion.value_or(0), file ? file->filename : "",
                        file ? std::string_view(file->data) : std::string_view(), files::shared());
  if (!r) {
    if (r.error().code != ErrorCode::kInvalid) return ctx.error(r.error());
    // Shown at the criterion when it is known, else at the top.
    Error e = r.error();
    if (criterion)
      for (auto& fe : e.fields) fe.field = "c" + std::to_string(*criterion);
    return assessment_page(ctx, *id, &e);
  }
  return http::Response::redirect("/village-assessments/" + std::to_string(*id) + "?msg=file#criterion-" +
                                  std::to_string(r->criterion_id));
}

// Stored files are PDFs or re-encoded JPEGs (files::FileStore); the name sent is ASCII and made here, never the
// uploaded one, so no header carries what a user typed.
http::Response send_file(http::Context& ctx, const std::string& path, const std::string& mime,
                         const std::string& name) {
  auto bytes = files::shared().read(path);
  if (!bytes) return ctx.error(Error::not_found("Tệp không còn trên máy chủ."));
  http::Response r;
  r.body = std::move(*bytes);
  r.header("Content-Type", mime);
  r.header("X-Content-Type-Options", "nosniff");
  // Evidence follows the assessment's permission: asked again every time, never kept by a shared cache.
  r.header("Cache-Control", "private, no-cache");
  // PDFs are downloaded, not opened in the page, as the register does.
  if (mime == "application/pdf") r.header("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"");
  return r;
}

http::Response evidence_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto f = id ? find_evidence(ctx.db(), *id) : std::nullopt;
  if (!f) return ctx.error(Error::not_found("Không tìm thấy tệp."));
  if (auto ok = ctx.authorize(auth::Action::kViewPlan, {f->village_path}); !ok) return ctx.error(ok.error());
  return send_file(ctx, f->path, f->mime, "minh-chung-" + std::to_string(f->id));
}

// ---- recognitions
http::Response recognition_form(http::Context& ctx, const org::Unit& u, const RecognitionInput& in, const Error* err) {
  auto& c = ctx.db();
  html::Dict d("recognition_form");
  d.SetIntValue("UNIT_ID", u.id);
  d.SetValue("UNIT_NAME", u.name);
  d.SetValue("CSRF", ctx.csrf_token());
  d.SetValue("YEAR", in.year ? std::to_string(*in.year) : ctx.req.form().trimmed("year"));
  d.SetValue("DECIDED_ON", in.decided_on);
  d.SetValue("DECISION_NO", in.decision_no);
  d.SetValue("ISSUER", in.issuer);
  d.SetValue("NOTE", in.note);
  for (const auto& a : village_assessments(c, u.id)) {
    auto* s = d.AddSectionDictionary("A");
    s->SetIntValue("ID", a.id);
    s->SetIntValue("YEAR", a.year);
    s->SetValue("SET", a.set_name);
    s->SetIntValue("MET", a.met);
    s->SetIntValue("TOTAL", a.total);
    if (in.assessment_id && *in.assessment_id == a.id) s->ShowSection("SELECTED");
  }
  if (err) html::set_field_errors(d, err->message, http::field_pairs(*err));
  return ctx.page("villages/recognition_form.tpl", d, "Quyết định công nhận — " + u.name,
                  err ? http::status_for(err->code) : 200);
}

Result<org::Unit> village_for(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return fail(Error::not_found("Không tìm thấy thôn."));
  auto u = org::get_unit(ctx.db(), ctx.principal, *id, auth::Action::kAssessVillage);
  if (!u) return u;
  if (!is_village(*u)) return fail(Error::not_found("Chỉ thôn, tổ dân phố được công nhận đạt chuẩn nông thôn mới."));
  return u;
}

http::Response new_recognition_h(http::Context& ctx) {
  auto u = village_for(ctx);
  if (!u) return ctx.error(u.error());
  RecognitionInput in;
  in.year = plans::parse_year(ctx.req.query().get("year"));
  in.assessment_id = ctx.req.query().id("assessment");
  // The issuer is usually the district-level people's committee above the commune.
  in.issuer = "Ủy ban nhân dân thành phố Bắc Kạn";
  return recognition_form(ctx, *u, in, nullptr);
}

http::Response create_recognition_h(http::Context& ctx) {
  auto u = village_for(ctx);
  if (!u) return ctx.error(u.error());
  const auto& f = ctx.req.form();
  RecognitionInput in;
  in.village_id = u->id;
  in.year = plans::parse_year(f.trimmed("year"));
  in.decision_no = f.trimmed("decision_no");
  in.decided_on = f.trimmed("decided_on");
  in.issuer = f.trimmed("issuer");
  in.note = f.trimmed("note");
  in.assessment_id = f.id("assessment_id");
  const http::UploadedFile* file = nullptr;
  for (const auto& up : ctx.req.files())
    if (up.field == "file") file = &up;
  auto r = record_recognition(ctx.db(), ctx.principal, in, file ? file->filename : "",
                              file ? std::string_view(file->data) : std::string_view(), files::shared());
  if (!r) {
    if (r.error().code == ErrorCode::kForbidden || r.error().code == ErrorCode::kUnauthenticated ||
        r.error().code == ErrorCode::kNotFound)
      return ctx.error(r.error());
    return recognition_form(ctx, *u, in, &r.error());
  }
  return http::Response::redirect(unit_href(u->id, "/village?year=" + std::to_string(r->year) + "&msg=recognised"));
}

http::Response recognition_file_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy tệp."));
  auto r = get_recognition(ctx.db(), ctx.principal, *id);
  if (!r) return ctx.error(r.error());
  if (r->file_path.empty()) return ctx.error(Error::not_found("Quyết định này chưa có tệp đính kèm."));
  return send_file(ctx, r->file_path, r->file_mime, "quyet-dinh-cong-nhan-" + std::to_string(r->id));
}

}  // namespace

void wire_assessment_pages(http::App& app) {
  app.route("GET", "/criteria-sets", sets_h);
  app.route("GET", "/criteria-sets/new", new_set_h);
  app.route("POST", "/criteria-sets", create_set_h);
  app.route("GET", "/criteria-sets/{id}", set_h);
  app.route("GET", "/poverty-standards", standards_h);
  app.route("GET", "/poverty-standards/new", new_standard_h);
  app.route("POST", "/poverty-standards", save_standard_h);
  app.route("GET", "/poverty-standards/{id}/edit", edit_standard_h);
  app.route("POST", "/poverty-standards/{id}", save_standard_h);
  app.route("GET", "/village-assessments/{id}", assessment_h);
  app.route("POST", "/village-assessments/{id}", save_assessment_h);
  app.route("POST", "/village-assessments/{id}/files", upload_h);
  app.route("GET", "/village-files/{id}", evidence_h);
  app.route("GET", "/units/{id}/recognitions/new", new_recognition_h);
  app.route("POST", "/units/{id}/recognitions", create_recognition_h);
  app.route("GET", "/recognitions/{id}/file", recognition_file_h);
}

}  // namespace ct05::villages
