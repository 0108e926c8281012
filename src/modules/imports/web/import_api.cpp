// /api/v1/imports: the same preview → commit as the pages, with the same permission checks (the store's).
#include "modules/imports/module.hpp"
#include "modules/imports/storage/import_store.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "platform/http/json_input.hpp"

namespace ct05::imports {

namespace {

constexpr int kIssuesPerPage = 500;

nlohmann::json with_issues(db::Connection& c, const Import& imp, int page) {
  auto j = to_json(imp);
  nlohmann::json list = nlohmann::json::array();
  for (const auto& i : issues(c, imp.id, kIssuesPerPage, (page - 1) * kIssuesPerPage)) list.push_back(to_json(i));
  j["issues"] = list;
  j["issues_page"] = page;
  j["issues_per_page"] = kIssuesPerPage;
  return j;
}

// The unit of an upload: "unit" is its id or its code.
std::optional<std::int64_t> unit_id_of(db::Connection& c, const std::string& text) {
  if (auto id = http::parse_id(text)) return id;
  if (text.empty()) return std::nullopt;
  if (auto u = org::find_unit_by_code(c, text)) return u->id;
  return std::nullopt;
}

// POST /api/v1/imports: multipart/form-data with "file", "kind" (units, people, households) and "unit" (id or code).
http::Response create(http::Context& ctx) {
  auto& c = ctx.db();
  std::string kind_text = ctx.req.form().get("kind"), unit_text = ctx.req.form().get("unit");
  if (kind_text.empty()) kind_text = ctx.req.query().get("kind");
  if (unit_text.empty()) unit_text = ctx.req.query().get("unit");
  auto kind = kind_from_code(kind_text);
  auto unit_id = unit_id_of(c, unit_text);
  std::vector<FieldError> errs;
  if (!kind) errs.push_back({"kind", "Loại dữ liệu phải là units, people hoặc households."});
  if (!unit_id) errs.push_back({"unit", "Không tìm thấy đơn vị (mã hoặc số hiệu) nơi nhập."});
  if (!errs.empty()) return ctx.error(Error::invalid(std::move(errs)));
  const http::UploadedFile* file = nullptr;
  for (const auto& f : ctx.req.files())
    if (f.field == "file") file = &f;
  auto r = preview(c, ctx.principal, *kind, *unit_id, file ? file->filename : "",
                   file ? std::string_view(file->data) : std::string_view());
  if (!r) return ctx.error(r.error());
  return http::Response::json(with_issues(c, *r, 1).dump(), 201);
}

// GET /api/v1/imports/{id}?page=N: the preview (or the committed import) with a page of its issues.
http::Response show(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy lần nhập này."));
  auto& c = ctx.db();
  auto r = get_import(c, ctx.principal, *id);
  if (!r) return ctx.error(r.error());
  auto page = html::page_request(ctx.req.query().get("page"));
  return http::Response::json(with_issues(c, *r, page.page).dump());
}

// POST /api/v1/imports/{id}/commit, body {"valid_rows_only": true} (optional; or ?valid_only=1).
http::Response commit_post(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy lần nhập này."));
  bool valid_only = ctx.req.query().get("valid_only") == "1";
  if (!ctx.req.body.empty()) {
    auto j = http::json_object(ctx.req);
    if (!j) return ctx.error(j.error());
    http::JsonFields f(*j);
    auto v = f.boolean("valid_rows_only");
    if (!f.errors().empty()) return ctx.error(Error::invalid(f.errors()));
    if (v) valid_only = *v;
  }
  auto& c = ctx.db();
  auto r = commit(c, ctx.principal, *id, valid_only ? CommitMode::kValidRowsOnly : CommitMode::kAllOrNothing);
  if (!r) return ctx.error(r.error());
  return http::Response::json(with_issues(c, *r, 1).dump());
}

}  // namespace

void wire_api(http::App& app) {
  app.route("POST", "/api/v1/imports", create);
  app.route("GET", "/api/v1/imports/{id}", show);
  app.route("POST", "/api/v1/imports/{id}/commit", commit_post);
}

}  // namespace ct05::imports
