// Pages of imports: the upload form of a unit (what it may import there, the templates, each column explained),
// the preview of an upload (counts, every problem by line and column, paginated, the commit button) and the
// templates as XLSX (with the "Hướng dẫn" sheet) and CSV. Thin: permission and validation are the store's.
#include <algorithm>

#include "kernel/clock.hpp"
#include "modules/imports/module.hpp"
#include "modules/imports/storage/import_store.hpp"
#include "modules/org/module.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/villages/storage/household_store.hpp"
#include "platform/html/view.hpp"
#include "platform/http/json_input.hpp"
#include "platform/progress/progress.hpp"
#include "platform/xlsx/xlsx_writer.hpp"

namespace ct05::imports {

namespace {

constexpr int kIssuesPerPage = 50;

// The kinds the principal may import into the unit, in the form's order.
std::vector<Kind> kinds_for(const auth::Principal& who, const org::Unit& u) {
  std::vector<Kind> out;
  if (!u.active) return out;
  for (Kind k : {Kind::kPeople, Kind::kUnits, Kind::kHouseholds}) {
    if (k == Kind::kHouseholds && !villages::is_village(u)) continue;
    if (auth::allowed(who, action_for(k), {u.path})) out.push_back(k);
  }
  return out;
}

http::Response upload_page(http::Context& ctx, const org::Unit& u, std::optional<Kind> chosen, const Error* err) {
  auto kinds = kinds_for(ctx.principal, u);
  if (kinds.empty()) return ctx.error(Error::forbidden());
  Kind kind = chosen && std::find(kinds.begin(), kinds.end(), *chosen) != kinds.end() ? *chosen : kinds.front();
  html::Dict d("import_new");
  d.SetIntValue("UNIT_ID", u.id);
  d.SetValue("UNIT_NAME", u.name);
  d.SetValue("UNIT_CODE", u.code);
  d.SetValue("CSRF", ctx.csrf_token());
  d.SetValue("KIND", std::string(kind_code(kind)));
  d.SetValue("KIND_TITLE", std::string(kind_title(kind)));
  for (Kind k : kinds) {
    auto* o = d.AddSectionDictionary("KIND_OPT");
    o->SetValue("VALUE", std::string(kind_code(k)));
    o->SetValue("LABEL", std::string(kind_title(k)));
    if (k == kind) o->ShowSection("SELECTED");
    auto* t = d.AddSectionDictionary("TEMPLATE");
    t->SetValue("KIND", std::string(kind_code(k)));
    t->SetValue("LABEL", std::string(kind_title(k)));
  }
  for (const auto& col : column_help(kind)) {
    auto* s = d.AddSectionDictionary("COLUMN");
    s->SetValue("HEADER", col.header);
    s->SetValue("HELP", col.help);
    if (col.required) s->ShowSection("REQUIRED");
  }
  if (kind == Kind::kUnits) d.ShowSection("FOR_UNITS");
  if (kind == Kind::kPeople) d.ShowSection("FOR_PEOPLE");
  if (kind == Kind::kHouseholds) d.ShowSection("FOR_HOUSEHOLDS");
  int status = 200;
  if (err) {
    html::set_field_errors(d, err->message, http::field_pairs(*err));
    status = http::status_for(err->code);
  }
  return ctx.page("imports/import_new.tpl", d, "Nhập từ tệp — " + u.name, status);
}

Result<org::Unit> unit_of(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return fail(Error::not_found("Không tìm thấy đơn vị."));
  return org::get_unit(ctx.db(), ctx.principal, *id, auth::Action::kViewUnit);
}

http::Response new_h(http::Context& ctx) {
  auto u = unit_of(ctx);
  if (!u) return ctx.error(u.error());
  return upload_page(ctx, *u, kind_from_code(ctx.req.query().get("kind")), nullptr);
}

http::Response upload_h(http::Context& ctx) {
  auto u = unit_of(ctx);
  if (!u) return ctx.error(u.error());
  auto kind = kind_from_code(ctx.req.form().get("kind"));
  if (!kind) {
    Error e = Error::invalid({{"kind", "Vui lòng chọn loại dữ liệu cần nhập."}});
    return upload_page(ctx, *u, std::nullopt, &e);
  }
  const http::UploadedFile* file = nullptr;
  for (const auto& f : ctx.req.files())
    if (f.field == "file") file = &f;
  // Permission first (the store checks it before anything else), so an empty upload to a forbidden unit is 403.
  auto r = preview(ctx.db(), ctx.principal, *kind, u->id, file ? file->filename : "",
                   file ? std::string_view(file->data) : std::string_view());
  if (!r) {
    if (r.error().code == ErrorCode::kInvalid) return upload_page(ctx, *u, kind, &r.error());
    return ctx.error(r.error());
  }
  return http::Response::redirect("/imports/" + std::to_string(r->id));
}

http::Response preview_page(http::Context& ctx, const Import& imp, const Error* err) {
  auto& c = ctx.db();
  html::Dict d("import_preview");
  d.SetIntValue("ID", imp.id);
  d.SetIntValue("UNIT_ID", imp.unit_id);
  d.SetValue("UNIT_NAME", imp.unit_name);
  d.SetValue("KIND", std::string(kind_code(imp.kind)));
  d.SetValue("KIND_TITLE", std::string(kind_title(imp.kind)));
  d.SetValue("NOUN", std::string(kind_noun(imp.kind)));
  d.SetValue("FILE_NAME", imp.file_name.empty() ? "(không tên)" : imp.file_name);
  d.SetValue("FORMAT", imp.format == "xlsx" ? "Excel (.xlsx)" : "CSV");
  d.SetValue("CREATED", kernel::datetime_vn(imp.created_at));
  d.SetValue("DATA_ROWS", html::number_vn(imp.data_rows));
  d.SetValue("VALID_ROWS", html::number_vn(imp.valid_rows));
  d.SetValue("INVALID_ROWS", html::number_vn(imp.invalid_rows));
  d.SetValue("ISSUE_COUNT", html::number_vn(imp.issue_count));
  d.SetValue("CSRF", ctx.csrf_token());
  if (imp.committed) {
    auto* s = d.AddSectionDictionary("COMMITTED");
    s->SetValue("IMPORTED", html::number_vn(imp.imported));
    s->SetValue("AT", kernel::datetime_vn(imp.committed_at));
    if (imp.mode == "valid_rows_only" && imp.invalid_rows > 0) s->ShowSection("SKIPPED");
    s->SetValue("INVALID_ROWS", html::number_vn(imp.invalid_rows));
  } else if (imp.file_error) {
    d.ShowSection("FILE_ERROR");
  } else {
    auto* s = d.AddSectionDictionary("PENDING");
    if (imp.valid_rows > 0) {
      auto* f = s->AddSectionDictionary("COMMIT");
      f->SetValue("VALID_ROWS", html::number_vn(imp.valid_rows));
      f->SetValue("INVALID_ROWS", html::number_vn(imp.invalid_rows));
      if (imp.invalid_rows > 0)
        f->ShowSection("HAS_INVALID");
      else
        f->ShowSection("ALL_VALID");
    } else {
      s->ShowSection("NOTHING_VALID");
    }
  }
  if (!imp.ignored_columns.empty()) {
    std::string cols;
    for (const auto& col : imp.ignored_columns) cols += (cols.empty() ? "" : ", ") + col;
    d.AddSectionDictionary("IGNORED")->SetValue("TEXT", cols);
  }
  auto page = html::page_request(ctx.req.query().get("page"), kIssuesPerPage);
  if (imp.issue_count > 0) {
    d.ShowSection("HAS_ISSUES");
    for (const auto& i : issues(c, imp.id, page.per_page, page.offset())) {
      auto* s = d.AddSectionDictionary("ISSUE");
      s->SetValue("LINE", i.line ? std::to_string(i.line) : "—");
      s->SetValue("COLUMN", i.column.empty() ? "—" : i.column);
      s->SetValue("MESSAGE", i.message);
    }
    html::add_pager(d, imp.issue_count, page, "/imports/" + std::to_string(imp.id) + "?");
  }
  std::string msg = ctx.req.query().get("msg");
  if (msg == "committed") d.AddSectionDictionary("FLASH")->SetValue("MESSAGE", "Đã nhập xong.");
  int status = 200;
  if (err) {
    html::set_field_errors(d, err->message, http::field_pairs(*err));
    status = http::status_for(err->code);
  }
  return ctx.page("imports/import_preview.tpl", d, "Nhập " + std::string(kind_noun(imp.kind)) + " — " + imp.unit_name,
                  status);
}

http::Response view_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy lần nhập này."));
  auto imp = get_import(ctx.db(), ctx.principal, *id);
  if (!imp) return ctx.error(imp.error());
  return preview_page(ctx, *imp, nullptr);
}

http::Response commit_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy lần nhập này."));
  auto mode = ctx.req.form().get("valid_only") == "1" ? CommitMode::kValidRowsOnly : CommitMode::kAllOrNothing;
  auto r = commit(ctx.db(), ctx.principal, *id, mode);
  if (!r) {
    auto code = r.error().code;
    if (code != ErrorCode::kInvalid && code != ErrorCode::kConflict) return ctx.error(r.error());
    auto imp = get_import(ctx.db(), ctx.principal, *id);
    if (!imp) return ctx.error(imp.error());
    return preview_page(ctx, *imp, &r.error());
  }
  std::string done = "/imports/" + std::to_string(r->id) + "?msg=committed";
  // Through htmx (the page that showed the progress), the browser goes to the result itself.
  if (ctx.req.header("hx-request") == "true") return http::Response::html("", 200).header("HX-Redirect", done);
  return http::Response::redirect(done);
}

// GET /imports/{id}/progress: what the commit is doing, polled by the preview page while its form is submitted
// (the browser keeps the page until the commit answers); without JavaScript the page just waits.
http::Response progress_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy lần nhập này."));
  auto imp = get_import(ctx.db(), ctx.principal, *id);
  if (!imp) return ctx.error(imp.error());
  html::Dict d("import_progress");
  d.SetIntValue("ID", imp->id);
  if (auto s = progress::get("import:" + std::to_string(imp->id))) {
    d.ShowSection("POLL");
    auto* r = d.AddSectionDictionary("RUNNING");
    r->SetValue("STAGE", s->stage);
    r->SetIntValue("STEP", static_cast<long>(s->step));
    r->SetIntValue("STEPS", static_cast<long>(s->steps));
    r->SetIntValue("SECONDS", static_cast<long>(s->seconds));
  } else if (imp->committed) {
    d.ShowSection("DONE");
  } else {
    d.ShowSection("POLL");
    d.ShowSection("WAITING");
  }
  auto r = http::Response::html(html::render("imports/progress.tpl", d));
  r.header("Cache-Control", "no-store");
  return r;
}

// GET /imports/templates/{file}: "people.xlsx", "units.csv", "households.xlsx", …
http::Response template_h(http::Context& ctx) {
  std::string file = ctx.params["file"];
  auto dot = file.rfind('.');
  auto kind = dot == std::string::npos ? std::nullopt : kind_from_code(file.substr(0, dot));
  std::string ext = dot == std::string::npos ? "" : file.substr(dot + 1);
  if (!kind || (ext != "xlsx" && ext != "csv")) return ctx.error(Error::not_found("Không có tệp mẫu này."));
  std::string stem = "mau-nhap-" + std::string(kind_code(*kind));
  http::Response r = ext == "xlsx" ? http::Response::text(template_xlsx(*kind), 200, xlsx::kContentType)
                                   : http::Response::text(template_csv(*kind), 200, "text/csv; charset=utf-8");
  r.header("Content-Disposition", "attachment; filename=\"" + stem + "." + ext + "\"");
  return r;
}

// The unit page's link, for those who may import something there.
std::string unit_panel(http::Context& ctx, const org::Unit& u) {
  auto kinds = kinds_for(ctx.principal, u);
  if (kinds.empty()) return "";
  std::string what;
  for (std::size_t i = 0; i < kinds.size(); ++i)
    what += (i == 0 ? "" : i + 1 == kinds.size() ? " và " : ", ") + std::string(kind_noun(kinds[i]));
  html::Dict d("unit_panel");
  d.SetIntValue("UNIT_ID", u.id);
  d.SetValue("WHAT", what);
  return html::render("imports/unit_panel.tpl", d);
}

}  // namespace

void wire_pages(http::App& app) {
  org::add_unit_panel("imports", unit_panel);
  app.route("GET", "/units/{id}/imports", new_h);
  app.route("POST", "/units/{id}/imports", upload_h);
  app.route("GET", "/imports/templates/{file}", template_h);
  app.route("GET", "/imports/{id}", view_h);
  app.route("POST", "/imports/{id}/commit", commit_h);
  app.route("GET", "/imports/{id}/progress", progress_h);
}

}  // namespace ct05::imports
