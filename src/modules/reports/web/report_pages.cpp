// The unit's reports page (choose kind and period, preview the filled document, download DOCX or PDF) and the
// admin's template pages (every version kept).
#include "kernel/clock.hpp"
#include "modules/org/module.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/reports/module.hpp"
#include "modules/reports/storage/report_store.hpp"
#include "platform/html/view.hpp"
#include "platform/http/json_input.hpp"

namespace ct05::reports {

namespace {

std::string param(const http::Context& ctx, const std::string& name) {
  auto it = ctx.params.find(name);
  return it == ctx.params.end() ? "" : it->second;
}

std::string day_of(const std::string& iso) {
  if (iso.size() < 10) return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

void add_document(html::Dict& d, const Document& doc) {
  if (!doc.superior.empty()) d.AddSectionDictionary("SUPERIOR")->SetValue("TEXT", doc.superior);
  d.SetValue("ISSUER", doc.issuer);
  d.SetValue("NUMBER", doc.number);
  d.SetValue("PLACE_DATE", doc.place_date);
  d.SetValue("TITLE", doc.title);
  d.SetValue("SUBJECT", doc.subject);
  for (const auto& b : doc.blocks) {
    auto* bd = d.AddSectionDictionary("BLOCK");
    switch (b.type) {
      case Block::Type::kHeading: bd->AddSectionDictionary("HEADING")->SetValue("TEXT", b.text); break;
      case Block::Type::kSubheading: bd->AddSectionDictionary("SUBHEADING")->SetValue("TEXT", b.text); break;
      case Block::Type::kDash:
      case Block::Type::kParagraph: bd->AddSectionDictionary("PARAGRAPH")->SetValue("TEXT", b.text); break;
      case Block::Type::kTable: {
        auto* t = bd->AddSectionDictionary("TABLE");
        for (const auto& h : b.table.header) t->AddSectionDictionary("TH")->SetValue("TEXT", h);
        for (const auto& row : b.table.rows) {
          auto* tr = t->AddSectionDictionary("TR");
          for (const auto& cell : row) tr->AddSectionDictionary("TD")->SetValue("TEXT", cell);
        }
        break;
      }
    }
  }
  for (const auto& r : doc.recipients) d.AddSectionDictionary("RECIPIENT")->SetValue("TEXT", r);
  d.SetValue("ON_BEHALF", doc.on_behalf);
  d.SetValue("POSITION", doc.position);
  d.SetValue("SIGNER", doc.signer);
}

// GET /units/{id}/reports[?kind=&period=&date=]: the form, and with a kind the preview and the download links.
http::Response unit_reports_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đơn vị."));
  auto& c = ctx.db();
  auto u = org::get_unit(c, ctx.principal, *id, auth::Action::kViewReports);
  if (!u) return ctx.error(u.error());
  const auto& q = ctx.req.query();
  std::string kind = q.trimmed("kind"), period = q.trimmed("period"), date = q.trimmed("date"), as_of = q.trimmed("as_of");
  bool continuity = q.get("continuity") == "1";
  bool asked = !kind.empty();
  if (kind.empty()) kind = "nam";
  std::string today = kernel::today_iso();
  if (period.empty())
    if (auto k = kind_of(kind)) period = default_period(*k, today);
  html::Dict d("unit_reports");
  d.SetIntValue("UNIT_ID", u->id);
  d.SetValue("UNIT_NAME", u->name);
  for (const auto& k : kinds()) {
    auto* o = d.AddSectionDictionary("KIND");
    o->SetValue("CODE", std::string(k.code));
    o->SetValue("LABEL", std::string(k.label));
    if (k.code == kind) o->ShowSection("SELECTED");
  }
  d.SetValue("PERIOD", period);
  d.SetValue("DATE", date.empty() ? today : date);
  d.SetValue("AS_OF", as_of);
  if (continuity) d.ShowSection("CONTINUITY");
  if (auth::authorize_any(ctx.principal, auth::Action::kManageReports)) d.ShowSection("CAN_MANAGE");
  int status = 200;
  if (asked) {
    Request req{u->id, kind, period, "json", date, "", false};
    req.as_of = as_of;
    req.continuity = continuity;
    auto made = make(c, ctx.principal, req);
    if (!made) {
      if (made.error().code != ErrorCode::kInvalid) return ctx.error(made.error());
      html::set_field_errors(d, made.error().message, http::field_pairs(made.error()));
      status = http::status_for(made.error().code);
    } else {
      auto* p = d.AddSectionDictionary("PREVIEW");
      p->SetValue("FILE_HREF", "/units/" + std::to_string(u->id) + "/reports/file?kind=" + http::url_encode(kind) +
                                   "&period=" + http::url_encode(period) + "&date=" + http::url_encode(date) +
                                   "&as_of=" + http::url_encode(as_of) + (continuity ? "&continuity=1" : ""));
      if (!made->as_of.empty())
        p->AddSectionDictionary("TREE")->SetValue("TEXT", "Số liệu theo cây tổ chức ngày " + kernel::date_vn(made->as_of) +
                                                              (continuity ? ", nối tiếp số liệu của các đơn vị tiền thân" : "") + ".");
      p->SetValue("KIND_LABEL", std::string(kind_label(made->used.kind)));
      p->SetIntValue("TEMPLATE_VERSION", made->used.version);
      std::string note = made->used.note;
      while (!note.empty() && note.back() == '.') note.pop_back();
      if (!note.empty()) p->AddSectionDictionary("TEMPLATE_NOTE")->SetValue("NOTE", note);
      add_document(*p, made->document);
    }
  }
  return ctx.page("reports/unit_reports.tpl", d, "Báo cáo định kỳ — " + u->name, status);
}

// GET /units/{id}/reports/file?kind=&period=&format=docx|pdf&date=: the file itself.
http::Response file_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy đơn vị."));
  const auto& q = ctx.req.query();
  std::string format = q.trimmed("format");
  if (format == "json") format = "";  // the page's preview is not a download
  Request req{*id, q.trimmed("kind"), q.trimmed("period"), format, q.trimmed("date"), "", false};
  req.as_of = q.trimmed("as_of");
  req.continuity = q.get("continuity") == "1";
  auto made = make(ctx.db(), ctx.principal, req);
  if (!made) return ctx.error(made.error());
  auto r = http::Response::text(std::move(made->bytes), 200, made->content_type);
  r.header("Content-Disposition", "attachment; filename=\"" + made->file_name + "\"");
  r.header("Cache-Control", "private, no-store");
  return r;
}

// ---- templates (quản trị)
http::Response templates_h(http::Context& ctx) {
  if (auto ok = auth::authorize_any(ctx.principal, auth::Action::kManageReports); !ok) return ctx.error(ok.error());
  auto& c = ctx.db();
  html::Dict d("report_templates");
  for (const auto& k : kinds()) {
    auto t = current_template(c, k.kind);
    auto* row = d.AddSectionDictionary("KIND");
    row->SetValue("CODE", std::string(k.code));
    row->SetValue("LABEL", std::string(k.label));
    row->SetIntValue("VERSION", t ? t->version : 0);
    row->SetValue("DATE", t ? day_of(t->created_at) : "");
    row->SetValue("BY", t ? t->created_by : "");
  }
  if (ctx.req.query().get("msg") == "saved") d.ShowSection("MSG_SAVED");
  return ctx.page("reports/templates.tpl", d, "Mẫu báo cáo");
}

http::Response template_page(http::Context& ctx, Kind kind, const Template* typed, const Error* err) {
  auto& c = ctx.db();
  auto current = current_template(c, kind);
  Template shown = typed ? *typed : current ? *current : default_template(kind);
  html::Dict d("report_template_form");
  d.SetValue("CODE", std::string(kind_code(kind)));
  d.SetValue("KIND_LABEL", std::string(kind_label(kind)));
  d.SetIntValue("VERSION", current ? current->version : 0);
  d.SetIntValue("NEXT_VERSION", current ? current->version + 1 : 1);
  d.SetValue("CSRF", ctx.csrf_token());
  d.SetValue("TITLE", shown.title);
  d.SetValue("BODY", shown.body);
  d.SetValue("RECIPIENTS", shown.recipients);
  d.SetValue("NOTE", typed ? typed->note : "");
  for (const auto& p : placeholders()) {
    auto* row = d.AddSectionDictionary("PLACEHOLDER");
    row->SetValue("NAME", "{" + std::string(p.name) + "}");
    row->SetValue("DESCRIPTION", std::string(p.description));
  }
  for (const auto& p : table_placeholders()) {
    auto* row = d.AddSectionDictionary("TABLE");
    row->SetValue("NAME", "[bang:" + std::string(p.name) + "]");
    row->SetValue("DESCRIPTION", std::string(p.description));
  }
  for (const auto& t : template_history(c, kind)) {
    auto* row = d.AddSectionDictionary("HISTORY");
    row->SetIntValue("VERSION", t.version);
    row->SetValue("DATE", day_of(t.created_at));
    row->SetValue("BY", t.created_by);
    if (!t.note.empty()) row->AddSectionDictionary("HAS_NOTE")->SetValue("NOTE", t.note);
  }
  if (err) html::set_field_errors(d, err->message, http::field_pairs(*err));
  return ctx.page("reports/template_form.tpl", d, "Mẫu báo cáo — " + std::string(kind_label(kind)),
                  err ? http::status_for(err->code) : 200);
}

http::Response template_h(http::Context& ctx) {
  if (auto ok = auth::authorize_any(ctx.principal, auth::Action::kManageReports); !ok) return ctx.error(ok.error());
  auto kind = kind_of(param(ctx, "kind"));
  if (!kind) return ctx.error(Error::not_found("Không có loại báo cáo này."));
  return template_page(ctx, *kind, nullptr, nullptr);
}

http::Response save_h(http::Context& ctx) {
  if (auto ok = auth::authorize_any(ctx.principal, auth::Action::kManageReports); !ok) return ctx.error(ok.error());
  auto kind = kind_of(param(ctx, "kind"));
  if (!kind) return ctx.error(Error::not_found("Không có loại báo cáo này."));
  const auto& f = ctx.req.form();
  Template in;
  in.kind = *kind;
  in.title = f.trimmed("title");
  in.body = f.get("body");
  in.recipients = f.get("recipients");
  in.note = f.trimmed("note");
  auto saved = save_template(ctx.db(), ctx.principal, *kind, in);
  if (!saved) {
    if (saved.error().code == ErrorCode::kForbidden) return ctx.error(saved.error());
    return template_page(ctx, *kind, &in, &saved.error());
  }
  return http::Response::redirect("/report-templates?msg=saved");
}

std::string unit_panel(http::Context& ctx, const org::Unit& u) {
  if (!auth::allowed(ctx.principal, auth::Action::kViewReports, {u.path})) return "";
  html::Dict d("unit_panel");
  d.SetIntValue("UNIT_ID", u.id);
  return html::render("reports/unit_panel.tpl", d);
}

}  // namespace

void wire_pages(http::App& app) {
  app.route("GET", "/units/{id}/reports", unit_reports_h);
  app.route("GET", "/units/{id}/reports/file", file_h);
  app.route("GET", "/report-templates", templates_h);
  app.route("GET", "/report-templates/{kind}", template_h);
  app.route("POST", "/report-templates/{kind}", save_h);
  app.nav({"Mẫu báo cáo", "/report-templates", auth::Action::kManageReports});
  org::add_unit_panel("reports", unit_panel);
}

}  // namespace ct05::reports
