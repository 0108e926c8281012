// Pages of restructurings: the list, the form (one kind at a time), the preview with its confirm button, the
// committed event, and the lineage panel on every unit page. Preview and commit are the same run (D25).
#include "kernel/clock.hpp"
#include "kernel/text.hpp"
#include "platform/csv/csv_reader.hpp"
#include "modules/org/module.hpp"
#include "modules/org/storage/scope.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/restructurings/module.hpp"
#include "modules/restructurings/storage/restructuring_store.hpp"
#include "modules/restructurings/web/form_input.hpp"
#include "platform/audit/audit.hpp"
#include "platform/http/json_input.hpp"

#include <algorithm>

namespace ct05::restructurings {

namespace {
std::string upper(std::string s) {
  for (auto& ch : s)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  return s;
}
}  // namespace

const std::vector<std::string>& form_fields() {
  static const std::vector<std::string> f = {"kind",   "effective_on", "legal_basis",   "note",        "sources",
                                             "target_code", "target_name", "target_kind", "target_parent", "unit",
                                             "successors",  "assign",      "default_successor", "parent", "new_name",
                                             "new_code"};
  return f;
}

Request from_form(const http::Fields& f) {
  Request r;
  r.kind = f.trimmed("kind");
  r.effective_on = f.trimmed("effective_on");
  r.legal_basis = f.trimmed("legal_basis");
  r.note = f.trimmed("note");
  r.sources = codes_of(f.get("sources"));
  r.target = UnitRef{f.trimmed("target_code"), f.trimmed("target_name"), f.trimmed("target_kind"), f.trimmed("target_parent")};
  r.unit = f.trimmed("unit");
  // One successor a line: "MÃ" for an existing unit, "MÃ | Tên | loại" for a new one.
  for (const auto& line : rows_of(f.get("successors"))) {
    std::vector<std::string> parts;
    std::string cur;
    for (char ch : line + "|") {
      if (ch == '|') {
        parts.push_back(csv::trim_cell(cur));
        cur.clear();
      } else {
        cur += ch;
      }
    }
    if (parts.empty() || parts[0].empty()) continue;
    UnitRef u{parts[0], parts.size() > 1 ? parts[1] : "", parts.size() > 2 ? parts[2] : "", ""};
    r.successors.push_back(u);
  }
  // "X = MÃ" a line.
  for (const auto& line : rows_of(f.get("assign"))) {
    auto eq = line.find('=');
    if (eq == std::string::npos) continue;
    auto k = csv::trim_cell(line.substr(0, eq)), v = csv::trim_cell(line.substr(eq + 1));
    if (!k.empty() && !v.empty()) r.assign[k] = v;
  }
  r.default_successor = f.trimmed("default_successor");
  r.parent = f.trimmed("parent");
  r.new_name = f.trimmed("new_name");
  r.new_code = f.trimmed("new_code");
  return r;
}

namespace {

bool may_restructure(const http::Context& ctx) { return !ctx.principal.scope_paths(auth::Action::kRestructure).empty(); }

void add_kinds(html::Dict& d, const std::string& current) {
  for (const auto& [k, label] : kinds()) {
    auto* t = d.AddSectionDictionary("KIND_TAB");
    t->SetValue("CODE", std::string(k));
    t->SetValue("LABEL", std::string(label));
    if (k == current) t->ShowSection("ACTIVE");
  }
}

void add_unit_kinds(html::Dict& d, const std::string& current) {
  for (const auto& k : org::unit_kinds()) {
    auto* o = d.AddSectionDictionary("UNIT_KIND");
    o->SetValue("CODE", std::string(k.code));
    o->SetValue("LABEL", std::string(k.label));
    if (k.code == current) o->ShowSection("SELECTED");
  }
}

http::Response form_page(http::Context& ctx, const http::Fields& typed, const Error* err) {
  if (!may_restructure(ctx)) return ctx.error(Error::forbidden());
  std::string kind = typed.trimmed("kind");
  if (kind_label(kind).empty()) kind = ctx.req.query().get("kind");
  if (kind_label(kind).empty()) kind = "merge";
  html::Dict d("restructuring_form");
  d.SetValue("CSRF", ctx.csrf_token());
  d.SetValue("KIND", kind);
  d.SetValue("KIND_LABEL", std::string(kind_label(kind)));
  add_kinds(d, kind);
  d.ShowSection("KIND_" + upper(kind));
  if (kind != "merge") d.ShowSection("KIND_UNIT");
  for (const auto& name : form_fields()) d.SetValue("F_" + upper(name), typed.get(name));
  if (typed.get("effective_on").empty()) d.SetValue("F_EFFECTIVE_ON", kernel::today_iso());
  add_unit_kinds(d, typed.get("target_kind"));
  if (err) html::set_field_errors(d, err->message, http::field_pairs(*err));
  return ctx.page("restructurings/restructuring_form.tpl", d, "Ghi nhận sắp xếp tổ chức — " + std::string(kind_label(kind)),
                  err ? http::status_for(err->code) : 200);
}

http::Response new_h(http::Context& ctx) { return form_page(ctx, http::Fields{}, nullptr); }

void add_outcome(html::Dict& d, const Outcome& o) {
  for (const auto& l : o.lines) d.AddSectionDictionary("LINE")->SetValue("TEXT", l);
  for (const auto& l : o.notes) d.AddSectionDictionary("NOTE_LINE")->SetValue("TEXT", l);
  d.SetValue("KIND_LABEL", std::string(kind_label(o.request.kind)));
  d.SetValue("EFFECTIVE", kernel::date_vn(o.request.effective_on));
  d.SetValue("LEGAL_BASIS", o.request.legal_basis);
  auto n = [](std::int64_t v) { return html::number_vn(v); };
  d.SetValue("C_CREATED", n(o.counts.created));
  d.SetValue("C_MOVED", n(o.counts.moved));
  d.SetValue("C_CLOSED", n(o.counts.closed));
  d.SetValue("C_RENAMED", n(o.counts.renamed));
  d.SetValue("C_PEOPLE", n(o.counts.people));
  d.SetValue("C_HOUSEHOLDS", n(o.counts.households));
}

http::Response preview_h(http::Context& ctx) {
  const auto& f = ctx.req.form();
  auto r = run(ctx.db(), ctx.principal, from_form(f), false);
  if (!r) {
    if (r.error().code == ErrorCode::kForbidden || r.error().code == ErrorCode::kUnauthenticated) return ctx.error(r.error());
    return form_page(ctx, f, &r.error());
  }
  html::Dict d("restructuring_preview");
  d.SetValue("CSRF", ctx.csrf_token());
  add_outcome(d, *r);
  for (const auto& name : form_fields()) {
    auto* h = d.AddSectionDictionary("HIDDEN");
    h->SetValue("NAME", name);
    h->SetValue("VALUE", f.get(name));  // in a hidden textarea, whose line breaks survive (an attribute's would not)
  }
  return ctx.page("restructurings/restructuring_preview.tpl", d, "Xem trước sắp xếp — " + std::string(kind_label(r->request.kind)));
}

http::Response commit_h(http::Context& ctx) {
  const auto& f = ctx.req.form();
  auto r = run(ctx.db(), ctx.principal, from_form(f), true);
  if (!r) {
    if (r.error().code == ErrorCode::kForbidden || r.error().code == ErrorCode::kUnauthenticated) return ctx.error(r.error());
    return form_page(ctx, f, &r.error());
  }
  return http::Response::redirect("/restructurings/" + std::to_string(r->id) + "?msg=committed");
}

bool may_read(http::Context& ctx, const Summary& s) {
  for (const auto& id : s.summary.value("units", std::vector<std::int64_t>{}))
    if (auto u = org::find_unit(ctx.db(), id); u && auth::allowed(ctx.principal, auth::Action::kViewUnit, {u->path})) return true;
  return false;
}

http::Response view_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto s = id ? find(ctx.db(), *id) : std::nullopt;
  if (!s || !may_read(ctx, *s)) return ctx.error(Error::not_found("Không tìm thấy sự kiện sắp xếp này."));
  html::Dict d("restructuring_view");
  if (ctx.req.query().get("msg") == "committed") d.ShowSection("FLASH");
  d.SetValue("KIND_LABEL", std::string(kind_label(s->kind)));
  d.SetValue("EFFECTIVE", kernel::date_vn(s->effective_on));
  d.SetValue("LEGAL_BASIS", s->legal_basis);
  d.SetValue("BY", s->created_by);
  d.SetValue("AT", kernel::datetime_vn(s->created_at));
  if (!s->note.empty()) d.AddSectionDictionary("HAS_NOTE")->SetValue("TEXT", s->note);
  for (const auto& l : s->summary.value("lines", std::vector<std::string>{})) d.AddSectionDictionary("LINE")->SetValue("TEXT", l);
  for (const auto& l : s->summary.value("notes", std::vector<std::string>{})) d.AddSectionDictionary("NOTE_LINE")->SetValue("TEXT", l);
  for (const auto& uid : s->summary.value("units", std::vector<std::int64_t>{}))
    if (auto u = org::find_unit(ctx.db(), uid); u && auth::allowed(ctx.principal, auth::Action::kViewUnit, {u->path})) {
      auto* x = d.AddSectionDictionary("UNIT");
      x->SetIntValue("ID", u->id);
      x->SetValue("NAME", u->name);
      if (!u->active) x->ShowSection("CLOSED");
    }
  return ctx.page("restructurings/restructuring_view.tpl", d, std::string(kind_label(s->kind)) + " ngày " + kernel::date_vn(s->effective_on));
}

http::Response list_h(http::Context& ctx) {
  auto page = html::page_request(ctx.req.query().get("page"), 20);
  html::Dict d("restructuring_list");
  if (may_restructure(ctx)) d.ShowSection("CAN_ADD");
  auto total = count(ctx.db(), ctx.principal);
  if (total == 0) d.ShowSection("NONE");
  for (const auto& s : list(ctx.db(), ctx.principal, page.per_page, page.offset())) {
    auto* e = d.AddSectionDictionary("E");
    e->SetIntValue("ID", s.id);
    e->SetValue("KIND_LABEL", std::string(kind_label(s.kind)));
    e->SetValue("EFFECTIVE", kernel::date_vn(s.effective_on));
    e->SetValue("LEGAL_BASIS", s.legal_basis);
    auto lines = s.summary.value("lines", std::vector<std::string>{});
    if (!lines.empty()) e->SetValue("FIRST", lines.front());
  }
  html::add_pager(d, total, page, "/restructurings?");
  return ctx.page("restructurings/restructuring_list.tpl", d, "Sắp xếp tổ chức");
}

std::string role_label(const std::string& role, const std::string& kind) {
  if (role == "created") return kind == "split" ? "Lập mới khi chia tách" : "Lập mới khi sáp nhập";
  if (role == "source") return kind == "split" ? "Chia tách" : "Sáp nhập vào đơn vị khác";
  if (role == "target") return kind == "move" ? "Nhận đơn vị chuyển đến" : "Tiếp nhận đơn vị sáp nhập";
  if (role == "moved") return "Chuyển trực thuộc";
  if (role == "renamed") return "Đổi tên";
  if (role == "dissolved") return "Giải thể";
  return role;
}

std::string lineage_panel(http::Context& ctx, const org::Unit& u) {
  auto items = org::lineage(ctx.db(), u.id);
  if (items.empty()) return "";
  html::Dict d("unit_panel");
  for (const auto& it : items) {
    auto* e = d.AddSectionDictionary("E");
    e->SetIntValue("ID", it.restructuring_id);
    e->SetValue("DATE", kernel::date_vn(it.effective_on));
    e->SetValue("ROLE", role_label(it.role, it.kind));
    e->SetValue("LEGAL_BASIS", it.legal_basis);
    for (const auto& [id, name] : it.predecessors) {
      auto* p = e->AddSectionDictionary("PRED");
      p->SetIntValue("ID", id);
      p->SetValue("NAME", name);
    }
    for (const auto& [id, name] : it.successors) {
      auto* p = e->AddSectionDictionary("SUCC");
      p->SetIntValue("ID", id);
      p->SetValue("NAME", name);
    }
    if (!it.before.empty()) e->AddSectionDictionary("BEFORE")->SetValue("TEXT", it.before);
  }
  return html::render("restructurings/unit_panel.tpl", d);
}

}  // namespace

void wire_pages(http::App& app) {
  app.nav({"Sắp xếp tổ chức", "/restructurings", auth::Action::kRestructure});
  app.route("GET", "/restructurings", list_h);
  app.route("GET", "/restructurings/new", new_h);
  app.route("POST", "/restructurings/preview", preview_h);
  app.route("POST", "/restructurings", commit_h);
  app.route("GET", "/restructurings/{id}", view_h);
  org::add_unit_panel("restructurings", lineage_panel);
  audit::set_scope_expander(old_paths);
}

}  // namespace ct05::restructurings
