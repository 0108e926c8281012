// Pages of households (personal data: kViewHouseholds, officers of the village's subtree): the village's list, a
// household's full record (each display audited), the form, the poverty status of a year (classification by the
// standard or the commune's decision), the import of a file with its report, and the CSV template.
#include "kernel/clock.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/people/domain/person.hpp"
#include "modules/villages/module.hpp"
#include "modules/villages/storage/household_store.hpp"
#include "modules/villages/web/common.hpp"
#include "platform/exports/export_kinds.hpp"
#include "platform/http/json_input.hpp"

namespace ct05::villages {

namespace {

std::string unit_href(std::int64_t id, const std::string& rest = "") { return "/units/" + std::to_string(id) + rest; }

std::string member_details(const Member& m) {
  std::string out = m.relation;
  if (m.birth_year) out += (out.empty() ? "" : ", ") + ("sinh năm " + std::to_string(m.birth_year));
  if (!m.gender.empty()) out += (out.empty() ? "" : ", ") + std::string(gender_label(m.gender));
  return out;
}

void add_status_options(html::Dict& d, const char* section, const std::string& selected) {
  for (auto s : statuses()) {
    auto* o = d.AddSectionDictionary(section);
    o->SetValue("VALUE", std::string(status_code(s)));
    o->SetValue("LABEL", std::string(status_label(s)));
    if (selected == status_code(s)) o->ShowSection("SELECTED");
  }
}

Result<org::Unit> village_for(http::Context& ctx, auth::Action action) {
  auto id = ctx.id_param("id");
  if (!id) return fail(Error::not_found("Không tìm thấy thôn."));
  auto u = org::get_unit(ctx.db(), ctx.principal, *id, action);
  if (!u) return u;
  if (!is_village(*u)) return fail(Error::not_found("Chỉ thôn, tổ dân phố có danh sách hộ gia đình."));
  return u;
}

// ---- the list
http::Response list_h(http::Context& ctx) {
  auto u = village_for(ctx, auth::Action::kViewHouseholds);
  if (!u) return ctx.error(u.error());
  auto& c = ctx.db();
  HouseholdFilter f;
  f.year = web::year_param(ctx);
  f.query = ctx.req.query().trimmed("q");
  std::string status = ctx.req.query().get("status");
  f.status = parse_status(status);
  auto page = html::page_request(ctx.req.query().get("page"));
  html::Dict d("households");
  d.SetIntValue("UNIT_ID", u->id);
  d.SetValue("UNIT_NAME", u->name);
  d.SetIntValue("YEAR", f.year);
  d.SetValue("Q", f.query);
  std::string msg = ctx.req.query().get("msg");
  if (msg.rfind("imported-", 0) == 0)
    d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã nhập " + msg.substr(9) + " hộ từ tệp.");
  auto recorded = status_years(c, u->path);
  std::string base = unit_href(u->id, "/households");
  if (!f.query.empty()) base += "?q=" + http::url_encode(f.query);
  web::add_year_links(d, base, std::set<int>(recorded.begin(), recorded.end()), f.year);
  add_status_options(d, "STATUS_OPT", f.status ? std::string(status_code(*f.status)) : "");
  if (u->active && auth::allowed(ctx.principal, auth::Action::kEditHouseholds, {u->path})) d.ShowSection("CAN_EDIT");
  auto total = count_households(c, u->id, f);
  d.SetValue("TOTAL", html::number_vn(total));
  if (!f.query.empty() || f.status) d.ShowSection("FILTERED");
  if (total == 0) d.ShowSection("NONE");
  for (const auto& h : list_households(c, u->id, f, page.per_page, page.offset())) {
    auto* s = d.AddSectionDictionary("H");
    s->SetIntValue("ID", h.id);
    s->SetValue("CODE", h.code);
    s->SetValue("HEAD", h.head_name);
    s->SetIntValue("SIZE", h.size);
    if (!h.address.empty()) s->AddSectionDictionary("ADDRESS")->SetValue("TEXT", h.address);
    if (h.ended) s->ShowSection("ENDED");
    s->SetValue("STATUS", h.status ? std::string(status_label(*h.status)) : "Chưa ghi");
    s->SetValue("STATUS_CODE", h.status ? std::string(status_code(*h.status)) : "none");
  }
  std::string href = unit_href(u->id, "/households?year=" + std::to_string(f.year) + "&");
  if (!f.query.empty()) href += "q=" + http::url_encode(f.query) + "&";
  if (f.status) href += "status=" + std::string(status_code(*f.status)) + "&";
  html::add_pager(d, total, page, href);
  if (total > 0)
    exports::add_links(d, "households", u->id,
                       {{"year", std::to_string(f.year)}, {"q", f.query}, {"status", f.status ? std::string(status_code(*f.status)) : ""}});
  return ctx.page("villages/households.tpl", d, "Hộ gia đình — " + u->name);
}

// ---- one household
http::Response view_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto& c = ctx.db();
  auto h = id ? get_household(c, ctx.principal, *id) : fail(Error::not_found("Không tìm thấy hộ gia đình."));
  if (!h) return ctx.error(h.error());
  log_full_read(c, ctx.principal, *h, "page");
  html::Dict d("household_view");
  d.SetIntValue("ID", h->id);
  d.SetIntValue("VILLAGE_ID", h->village_id);
  d.SetValue("VILLAGE_NAME", h->village_name);
  d.SetValue("CODE", h->code);
  d.SetValue("HEAD", h->head_name);
  d.SetValue("AREA", std::string(area_label(h->area)));
  std::string head;
  if (h->head_birth_year) head = "sinh năm " + std::to_string(h->head_birth_year);
  if (!h->head_gender.empty()) head += (head.empty() ? "" : ", ") + std::string(gender_label(h->head_gender));
  if (!head.empty()) d.AddSectionDictionary("HEAD_DETAILS")->SetValue("TEXT", head);
  d.SetValue("ETHNICITY", h->ethnicity.empty() ? "—" : h->ethnicity);
  d.SetValue("ADDRESS", h->address.empty() ? "—" : h->address);
  d.SetValue("REGISTERED", h->registered_on.empty() ? "—" : kernel::date_vn(h->registered_on));
  if (!h->ended_on.empty()) {
    auto* e = d.AddSectionDictionary("ENDED");
    e->SetValue("DATE", kernel::date_vn(h->ended_on));
    e->SetValue("REASON", h->ended_reason.empty() ? "—" : h->ended_reason);
  }
  if (!h->note.empty()) d.AddSectionDictionary("NOTE")->SetValue("TEXT", h->note);
  d.SetIntValue("MEMBER_COUNT", static_cast<long>(h->members.size()));
  if (h->members.empty()) d.ShowSection("NO_MEMBERS");
  for (const auto& m : h->members) {
    auto* s = d.AddSectionDictionary("MEMBER");
    s->SetValue("NAME", m.full_name);
    if (auto det = member_details(m); !det.empty()) s->AddSectionDictionary("DETAILS")->SetValue("TEXT", det);
  }
  int year = web::year_param(ctx);
  d.SetIntValue("YEAR", year);
  bool may_edit = auth::allowed(ctx.principal, auth::Action::kEditHouseholds, {h->village_path});
  if (may_edit) d.ShowSection("CAN_EDIT");
  std::string msg = ctx.req.query().get("msg");
  if (msg == "saved") d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã lưu hộ gia đình.");
  if (msg == "status") d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã lưu tình trạng nghèo.");
  auto list = statuses_of(c, h->id);
  if (list.empty()) d.ShowSection("NO_STATUS");
  for (const auto& s : list) {
    auto* r = d.AddSectionDictionary("S");
    r->SetIntValue("YEAR", s.year);
    r->SetValue("CODE", std::string(status_code(s.status)));
    r->SetValue("LABEL", std::string(status_label(s.status)));
    if (s.decided) {
      auto* x = r->AddSectionDictionary("DECIDED");
      x->SetValue("LABEL", std::string(status_label(*s.decided)));
      if (!s.decision_note.empty()) x->AddSectionDictionary("NOTE")->SetValue("TEXT", s.decision_note);
      x->SetValue("BY", s.decided_by);
      x->SetValue("AT", kernel::datetime_vn(s.decided_at));
    }
    if (s.computed) {
      auto* x = r->AddSectionDictionary("COMPUTED");
      x->SetValue("REASON", s.computed_reason);
      x->SetValue("BY", s.classified_by);
      x->SetValue("AT", kernel::datetime_vn(s.classified_at));
    }
    if (may_edit) r->ShowSection("CAN_EDIT");
  }
  return ctx.page("villages/household_view.tpl", d, "Hộ " + h->head_name);
}

// ---- the form
struct FormRows {
  HouseholdInput in;
  std::vector<Member> typed;  // every member row as typed, for re-rendering
};

FormRows form_input(const http::Fields& f) {
  FormRows r;
  auto& in = r.in;
  in.code = f.trimmed("code");
  in.head_name = f.trimmed("head_name");
  std::string by = f.trimmed("head_birth_year");
  if (by.empty())
    in.head_birth_year = 0;
  else if (by.size() == 4 && by.find_first_not_of("0123456789") == std::string::npos)
    in.head_birth_year = std::stoi(by);
  else
    in.head_birth_year_invalid = true;
  in.head_gender = f.trimmed("head_gender");
  in.ethnicity = f.trimmed("ethnicity");
  in.address = f.trimmed("address");
  in.area = f.trimmed("area");
  in.registered_on = f.trimmed("registered_on");
  in.ended_on = f.trimmed("ended_on");
  in.ended_reason = f.trimmed("ended_reason");
  in.note = f.get("note");
  // Member rows come as parallel lists; a row left entirely empty is a spare row.
  std::vector<std::string> names, relations, years, genders;
  for (const auto& [k, v] : f.items()) {
    if (k == "member_name") names.push_back(v);
    if (k == "member_relation") relations.push_back(v);
    if (k == "member_birth_year") years.push_back(v);
    if (k == "member_gender") genders.push_back(v);
  }
  std::vector<Member> members;
  for (std::size_t i = 0; i < names.size(); ++i) {
    Member m;
    m.full_name = names[i];
    m.relation = i < relations.size() ? relations[i] : "";
    std::string y = i < years.size() ? years[i] : "";
    m.gender = i < genders.size() ? genders[i] : "";
    std::string yt = y;
    while (!yt.empty() && yt.back() == ' ') yt.pop_back();
    while (!yt.empty() && yt.front() == ' ') yt.erase(yt.begin());
    if (!yt.empty()) {
      if (yt.size() == 4 && yt.find_first_not_of("0123456789") == std::string::npos)
        m.birth_year = std::stoi(yt);
      else
        in.member_errors.push_back({"members", "Thành viên thứ " + std::to_string(members.size() + 1) +
                                                   ": năm sinh phải là năm có 4 chữ số."});
    }
    r.typed.push_back(m);
    bool empty =
        m.full_name.find_first_not_of(' ') == std::string::npos && m.relation.empty() && yt.empty() && m.gender.empty();
    if (!empty) members.push_back(m);
  }
  in.members = members;
  return r;
}

void add_choices(html::Dict& d, const char* section, const std::vector<std::pair<std::string, std::string>>& options,
                 const std::string& selected) {
  for (const auto& [v, l] : options) {
    auto* o = d.AddSectionDictionary(section);
    o->SetValue("VALUE", v);
    o->SetValue("LABEL", l);
    if (v == selected) o->ShowSection("SELECTED");
  }
}

const std::vector<std::pair<std::string, std::string>>& gender_options() {
  static const std::vector<std::pair<std::string, std::string>> v{{"", "—"}, {"nam", "Nam"}, {"nu", "Nữ"}};
  return v;
}

http::Response form_page(http::Context& ctx, const org::Unit& village, const Household* h, const FormRows* typed,
                         const Error* err) {
  auto& c = ctx.db();
  html::Dict d("household_form");
  d.SetIntValue("VILLAGE_ID", village.id);
  d.SetValue("VILLAGE_NAME", village.name);
  d.SetValue("HEADING", h ? "Sửa hộ " + h->head_name : "Thêm hộ gia đình");
  d.SetValue("ACTION", h ? "/households/" + std::to_string(h->id) : unit_href(village.id, "/households"));
  d.SetValue("CSRF", ctx.csrf_token());
  auto pick = [&](const std::optional<std::string>& t, const std::string& stored) {
    return typed ? t.value_or("") : stored;
  };
  d.SetValue("CODE", pick(typed ? typed->in.code : std::nullopt, h ? h->code : ""));
  d.SetValue("HEAD_NAME", pick(typed ? typed->in.head_name : std::nullopt, h ? h->head_name : ""));
  std::string by = h && h->head_birth_year ? std::to_string(h->head_birth_year) : "";
  if (typed) by = ctx.req.form().trimmed("head_birth_year");
  d.SetValue("HEAD_BIRTH_YEAR", by);
  add_choices(d, "GENDER", gender_options(),
              pick(typed ? typed->in.head_gender : std::nullopt, h ? h->head_gender : ""));
  d.SetValue("ETHNICITY", pick(typed ? typed->in.ethnicity : std::nullopt, h ? h->ethnicity : ""));
  for (auto e : people::common_ethnicities()) d.AddSectionDictionary("ETHNIC")->SetValue("V", std::string(e));
  std::string area =
      typed ? typed->in.area.value_or("") : std::string(area_code(h ? h->area : default_area(c, village)));
  add_choices(
      d, "AREA",
      {{"nong_thon", std::string(area_label(Area::kRural))}, {"thanh_thi", std::string(area_label(Area::kUrban))}},
      area);
  d.SetValue("ADDRESS", pick(typed ? typed->in.address : std::nullopt, h ? h->address : village.name));
  d.SetValue("REGISTERED_ON", pick(typed ? typed->in.registered_on : std::nullopt, h ? h->registered_on : ""));
  d.SetValue("ENDED_ON", pick(typed ? typed->in.ended_on : std::nullopt, h ? h->ended_on : ""));
  d.SetValue("ENDED_REASON", pick(typed ? typed->in.ended_reason : std::nullopt, h ? h->ended_reason : ""));
  d.SetValue("NOTE", pick(typed ? typed->in.note : std::nullopt, h ? h->note : ""));
  std::vector<Member> rows = typed ? typed->typed : (h ? h->members : std::vector<Member>{});
  std::vector<std::string> typed_years;
  if (typed)
    for (const auto& [k, v] : ctx.req.form().items())
      if (k == "member_birth_year") typed_years.push_back(v);
  // Three spare rows after the members.
  std::size_t shown = rows.size() + 3;
  for (std::size_t i = 0; i < shown; ++i) {
    Member m = i < rows.size() ? rows[i] : Member{};
    auto* s = d.AddSectionDictionary("M");
    s->SetIntValue("N", static_cast<long>(i + 1));
    s->SetValue("NAME", m.full_name);
    s->SetValue("RELATION", m.relation);
    s->SetValue("BIRTH_YEAR",
                typed && i < typed_years.size() ? typed_years[i] : (m.birth_year ? std::to_string(m.birth_year) : ""));
    add_choices(*s, "G", gender_options(), m.gender);
  }
  if (err) html::set_field_errors(d, err->message, http::field_pairs(*err));
  return ctx.page("villages/household_form.tpl", d, h ? "Sửa hộ gia đình" : "Thêm hộ gia đình",
                  err ? http::status_for(err->code) : 200);
}

http::Response new_h(http::Context& ctx) {
  auto u = village_for(ctx, auth::Action::kEditHouseholds);
  if (!u) return ctx.error(u.error());
  return form_page(ctx, *u, nullptr, nullptr, nullptr);
}

http::Response create_h(http::Context& ctx) {
  auto u = village_for(ctx, auth::Action::kEditHouseholds);
  if (!u) return ctx.error(u.error());
  auto rows = form_input(ctx.req.form());
  rows.in.village_id = u->id;
  auto h = create_household(ctx.db(), ctx.principal, rows.in);
  if (!h)
    return h.error().code == ErrorCode::kInvalid ? form_page(ctx, *u, nullptr, &rows, &h.error())
                                                 : ctx.error(h.error());
  return http::Response::redirect("/households/" + std::to_string(h->id) + "?msg=saved");
}

http::Response edit_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto& c = ctx.db();
  auto h = id ? get_household(c, ctx.principal, *id) : fail(Error::not_found("Không tìm thấy hộ gia đình."));
  if (!h) return ctx.error(h.error());
  if (auto ok = ctx.authorize(auth::Action::kEditHouseholds, {h->village_path}); !ok) return ctx.error(ok.error());
  // The form shows the whole record: a display of it like the page.
  log_full_read(c, ctx.principal, *h, "edit_form");
  return form_page(ctx, *org::find_unit(c, h->village_id), &*h, nullptr, nullptr);
}

http::Response update_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto& c = ctx.db();
  auto before = id ? find_household(c, *id) : std::nullopt;
  if (!before) return ctx.error(Error::not_found("Không tìm thấy hộ gia đình."));
  auto rows = form_input(ctx.req.form());
  auto h = update_household(c, ctx.principal, *id, rows.in);
  if (!h) {
    if (h.error().code != ErrorCode::kInvalid) return ctx.error(h.error());
    return form_page(ctx, *org::find_unit(c, before->village_id), &*before, &rows, &h.error());
  }
  return http::Response::redirect("/households/" + std::to_string(*id) + "?msg=saved");
}

// ---- the status of a year
struct StatusDraft {
  std::string action;  // "classify" or "decide": which of the two forms was sent
  std::string income, decided, note;
  std::vector<std::string> lacking;
};

http::Response status_page(http::Context& ctx, const Household& h, int year, const StatusDraft* draft,
                           const Error* err) {
  auto& c = ctx.db();
  html::Dict d("household_status");
  d.SetIntValue("ID", h.id);
  d.SetIntValue("VILLAGE_ID", h.village_id);
  d.SetValue("CODE", h.code);
  d.SetValue("HEAD", h.head_name);
  d.SetValue("AREA", std::string(area_label(h.area)));
  d.SetIntValue("YEAR", year);
  d.SetValue("CSRF", ctx.csrf_token());
  std::set<int> years{year - 1, year + 1};
  for (const auto& s : statuses_of(c, h.id)) years.insert(s.year);
  web::add_year_links(d, "/households/" + std::to_string(h.id) + "/status", years, year);
  auto current = status_of(c, h.id, year);
  if (current && (current->decided || current->computed)) {
    auto* s = d.AddSectionDictionary("IN_FORCE");
    s->SetValue("CODE", std::string(status_code(current->status)));
    s->SetValue("LABEL", std::string(status_label(current->status)));
    s->ShowSection(current->decided ? "FROM_DECISION" : "FROM_CLASSIFICATION");
  }
  auto standards = list_standards(c);
  const PovertyStandard* standard = standard_for(standards, year);
  html::Dict* classify_form = nullptr;
  if (!standard) {
    d.AddSectionDictionary("NO_STANDARD")->SetValue("MESSAGE", no_standard_message(year));
  } else {
    auto* s = classify_form = d.AddSectionDictionary("STANDARD");
    s->SetValue("NAME", standard->name);
    s->SetValue("LEGAL_BASIS", standard->legal_basis);
    s->SetValue("LINE", money_vn(standard->line(h.area)));
    s->SetValue("AREA", h.area == Area::kUrban ? "thành thị" : "nông thôn");
    s->SetIntValue("MIN", standard->min_lacking);
    if (current && current->computed) {
      auto* x = s->AddSectionDictionary("COMPUTED");
      x->SetValue("LABEL", std::string(status_label(*current->computed)));
      x->SetValue("REASON", current->computed_reason);
    }
    // What was typed wins after an error; otherwise the answers of the last classification.
    bool classify_sent = draft && draft->action == "classify";
    s->SetValue("INCOME",
                classify_sent ? draft->income : (current && current->income ? std::to_string(*current->income) : ""));
    std::vector<std::string> ticked =
        classify_sent ? draft->lacking : (current ? current->lacking : std::vector<std::string>{});
    html::Dict* dim = nullptr;
    std::string last;
    for (const auto& i : standard->indicators) {
      if (!dim || i.dimension != last) {
        dim = s->AddSectionDictionary("DIM");
        dim->SetValue("NAME", i.dimension);
        last = i.dimension;
      }
      auto* x = dim->AddSectionDictionary("I");
      x->SetValue("CODE", i.code);
      x->SetValue("NAME", i.name);
      x->SetValue("THRESHOLD", i.threshold);
      if (std::find(ticked.begin(), ticked.end(), i.code) != ticked.end()) x->ShowSection("CHECKED");
    }
  }
  bool decide_sent = draft && draft->action == "decide";
  std::string decided =
      decide_sent ? draft->decided : (current && current->decided ? std::string(status_code(*current->decided)) : "");
  add_status_options(d, "OPT", decided);
  d.SetValue("DECISION_NOTE", decide_sent ? draft->note : (current ? current->decision_note : ""));
  if (err) {
    // Each field's message beside the form that was sent; the summary above both.
    html::Dict* target = draft && draft->action == "classify" && classify_form ? classify_form : &d;
    html::set_field_errors(*target, err->message, http::field_pairs(*err));
    if (target != &d) d.AddSectionDictionary("ERRORS")->SetValue("MESSAGE", err->message);
  }
  return ctx.page("villages/household_status.tpl", d,
                  "Tình trạng nghèo năm " + std::to_string(year) + " — " + h.head_name,
                  err ? http::status_for(err->code) : 200);
}

http::Response status_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto& c = ctx.db();
  auto h = id ? get_household(c, ctx.principal, *id) : fail(Error::not_found("Không tìm thấy hộ gia đình."));
  if (!h) return ctx.error(h.error());
  if (auto ok = ctx.authorize(auth::Action::kEditHouseholds, {h->village_path}); !ok) return ctx.error(ok.error());
  return status_page(ctx, *h, web::year_param(ctx), nullptr, nullptr);
}

http::Response save_status_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto& c = ctx.db();
  auto h = id ? find_household(c, *id) : std::nullopt;
  if (!h) return ctx.error(Error::not_found("Không tìm thấy hộ gia đình."));
  const auto& f = ctx.req.form();
  auto year = plans::parse_year(f.trimmed("year"));
  if (!year) return ctx.error(Error::invalid({{"year", "Năm phải là năm có 4 chữ số."}}));
  StatusDraft draft;
  Result<StatusRecord> r = fail(Error::invalid({}));
  draft.action = f.get("action") == "decide" ? "decide" : "classify";
  if (draft.action == "decide") {
    draft.decided = f.trimmed("decided_status");
    draft.note = f.trimmed("decision_note");
    auto s = parse_status(draft.decided);
    if (!draft.decided.empty() && !s)
      r = fail(Error::invalid({{"decided_status", "Kết quả rà soát không hợp lệ."}}));
    else
      r = decide_status(c, ctx.principal, h->id, *year, s, draft.note);
  } else {
    draft.income = f.trimmed("income");
    for (const auto& [k, v] : f.items())
      if (k == "lacking") draft.lacking.push_back(v);
    Answers a;
    std::string digits;
    for (char ch : draft.income)
      if (ch != '.' && ch != ',' && ch != ' ') digits += ch;
    if (!digits.empty()) {
      if (digits.size() > 12 || digits.find_first_not_of("0123456789") != std::string::npos)
        r = fail(Error::invalid({{"income", "Thu nhập là số đồng, ví dụ 1500000 hoặc 1.500.000."}}));
      else
        a.income = std::stoll(digits);
    }
    a.lacking = draft.lacking;
    if (digits.empty() || a.income) r = classify_household(c, ctx.principal, h->id, *year, a);
  }
  if (!r) {
    if (r.error().code == ErrorCode::kForbidden || r.error().code == ErrorCode::kUnauthenticated ||
        r.error().code == ErrorCode::kNotFound)
      return ctx.error(r.error());
    return status_page(ctx, *h, *year, &draft, &r.error());
  }
  return http::Response::redirect("/households/" + std::to_string(h->id) + "?year=" + std::to_string(*year) +
                                  "&msg=status");
}

// ---- import
http::Response import_page(http::Context& ctx, const org::Unit& u, const ImportReport* report, const Error* err) {
  html::Dict d("household_import");
  d.SetIntValue("UNIT_ID", u.id);
  d.SetValue("UNIT_NAME", u.name);
  d.SetValue("CSRF", ctx.csrf_token());
  for (const auto& col : import_columns()) {
    auto* s = d.AddSectionDictionary("COLUMN");
    s->SetValue("HEADER", col.header);
    s->SetValue("HELP", col.help);
    if (col.required) s->ShowSection("REQUIRED");
  }
  int status = 200;
  if (report) {
    auto* r = d.AddSectionDictionary("REPORT");
    const auto& p = report->plan;
    std::string summary;
    if (p.file_error()) {
      summary = "Tệp không nhập được.";
    } else {
      summary = "Tệp có " + std::to_string(p.data_rows) + " dòng dữ liệu, " + std::to_string(p.invalid_rows) +
                " dòng có lỗi.";
      if (report->imported)
        summary += " Đã nhập " + std::to_string(report->imported) + " hộ; các dòng có lỗi bị bỏ qua.";
    }
    r->SetValue("SUMMARY", summary);
    r->ShowSection(report->imported ? "SOME" : "NOTHING");
    if (!p.issues.empty()) r->ShowSection("HAS_ISSUES");
    // The first 200 issues; a file that wrong is better fixed from the top.
    std::size_t shown = 0;
    for (const auto& i : p.issues) {
      if (++shown > 200) break;
      auto* s = r->AddSectionDictionary("ISSUE");
      s->SetValue("LINE", i.line ? std::to_string(i.line) : "—");
      s->SetValue("COLUMN", i.column.empty() ? "—" : i.column);
      s->SetValue("MESSAGE", i.message);
    }
    if (p.issues.size() > 200)
      r->AddSectionDictionary("MORE")->SetIntValue("N", static_cast<long>(p.issues.size() - 200));
    if (!p.ignored_columns.empty()) {
      std::string cols;
      for (const auto& c : p.ignored_columns) cols += (cols.empty() ? "" : ", ") + c;
      r->AddSectionDictionary("IGNORED")->SetValue("TEXT", cols);
    }
    if (!report->imported && !p.file_error() && !p.rows.empty())
      r->AddSectionDictionary("RETRY")->SetIntValue("VALID", static_cast<long>(p.rows.size()));
    // Nothing written: the form comes back as a refused one.
    if (!report->imported) status = http::status_for(ErrorCode::kInvalid);
  }
  if (err) {
    html::set_field_errors(d, err->message, http::field_pairs(*err));
    status = http::status_for(err->code);
  }
  return ctx.page("villages/household_import.tpl", d, "Nhập danh sách hộ — " + u.name, status);
}

http::Response import_form_h(http::Context& ctx) {
  auto u = village_for(ctx, auth::Action::kEditHouseholds);
  if (!u) return ctx.error(u.error());
  return import_page(ctx, *u, nullptr, nullptr);
}

http::Response import_h(http::Context& ctx) {
  auto u = village_for(ctx, auth::Action::kEditHouseholds);
  if (!u) return ctx.error(u.error());
  const http::UploadedFile* file = nullptr;
  for (const auto& f : ctx.req.files())
    if (f.field == "file") file = &f;
  if (!file || file->data.empty()) {
    Error e = Error::invalid({{"file", "Vui lòng chọn tệp danh sách hộ (.xlsx hoặc .csv)."}});
    return import_page(ctx, *u, nullptr, &e);
  }
  auto mode = ctx.req.form().get("valid_only") == "1" ? ImportMode::kValidRowsOnly : ImportMode::kAllOrNothing;
  auto report = import_households(ctx.db(), ctx.principal, u->id, file->data, mode);
  if (!report) return ctx.error(report.error());
  if (report->imported && report->plan.issues.empty())
    return http::Response::redirect(unit_href(u->id, "/households?msg=imported-" + std::to_string(report->imported)));
  return import_page(ctx, *u, &*report, nullptr);
}

http::Response template_h(http::Context&) {
  http::Response r = http::Response::text(template_csv(), 200, "text/csv; charset=utf-8");
  r.header("Content-Disposition", "attachment; filename=\"mau-danh-sach-ho.csv\"");
  return r;
}

}  // namespace

void wire_household_pages(http::App& app) {
  app.route("GET", "/units/{id}/households", list_h);
  app.route("GET", "/units/{id}/households/new", new_h);
  app.route("POST", "/units/{id}/households", create_h);
  app.route("GET", "/units/{id}/households/import", import_form_h);
  app.route("POST", "/units/{id}/households/import", import_h);
  app.route("GET", "/households/template.csv", template_h);
  app.route("GET", "/households/{id}", view_h);
  app.route("GET", "/households/{id}/edit", edit_h);
  app.route("POST", "/households/{id}", update_h);
  app.route("GET", "/households/{id}/status", status_h);
  app.route("POST", "/households/{id}/status", save_status_h);
}

}  // namespace ct05::villages
