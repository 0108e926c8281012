// /api/v1/reports (the file, or its document and figures as JSON) and /api/v1/report-templates: the same commands
// and permission rules as the pages.
#include "modules/org/storage/unit_store.hpp"
#include "modules/reports/module.hpp"
#include "modules/reports/storage/report_store.hpp"
#include "platform/http/json_input.hpp"

namespace ct05::reports {

namespace {

nlohmann::json to_json(const Table& t) { return {{"header", t.header}, {"rows", t.rows}}; }

nlohmann::json to_json(const Document& d) {
  nlohmann::json blocks = nlohmann::json::array();
  for (const auto& b : d.blocks) {
    static const char* kTypes[] = {"heading", "subheading", "paragraph", "dash", "table"};
    nlohmann::json j{{"type", kTypes[static_cast<int>(b.type)]}};
    if (b.type == Block::Type::kTable) j["table"] = to_json(b.table);
    else j["text"] = b.text;
    blocks.push_back(j);
  }
  return {{"superior", d.superior}, {"issuer", d.issuer},     {"number", d.number},         {"place_date", d.place_date},
          {"title", d.title},       {"subject", d.subject},   {"blocks", blocks},           {"recipients", d.recipients},
          {"on_behalf", d.on_behalf}, {"position", d.position}, {"signer", d.signer}};
}

// GET /api/v1/reports?unit=ID (or unit_code=CODE)&kind=&period=&format=docx|pdf|json[&date=]
http::Response report_h(http::Context& ctx) {
  const auto& q = ctx.req.query();
  auto& c = ctx.db();
  std::optional<std::int64_t> unit = q.id("unit");
  if (!unit && !q.trimmed("unit_code").empty()) {
    auto u = org::find_unit_by_code(c, q.trimmed("unit_code"));
    if (!u) return ctx.error(Error::not_found("Không tìm thấy đơn vị có mã này."));
    unit = u->id;
  }
  if (!unit) return ctx.error(Error::invalid({{"unit", "Cần tham số unit (mã số đơn vị) hoặc unit_code."}}));
  std::string format = q.trimmed("format");
  if (format.empty()) format = "json";
  Request req{*unit, q.trimmed("kind"), q.trimmed("period"), format, q.trimmed("date"), "", false};
  req.as_of = q.trimmed("as_of");  // the tree of that day (D25)
  std::string cont = q.trimmed("continuity");
  if (!cont.empty() && cont != "0" && cont != "1")
    return ctx.error(Error::invalid({{"continuity", "Tham số continuity chỉ nhận 0 hoặc 1."}}));
  req.continuity = cont == "1";
  auto made = make(c, ctx.principal, req);
  if (!made) return ctx.error(made.error());
  if (format == "json") {
    nlohmann::json out{{"unit_id", *unit},
                       {"kind", q.trimmed("kind")},
                       {"period", q.trimmed("period")},
                       {"as_of", req.as_of.empty() && !req.continuity ? nlohmann::json() : nlohmann::json(made->as_of)},
                       {"continuity", req.continuity},
                       {"template", {{"id", made->used.id}, {"version", made->used.version}}},
                       {"document", to_json(made->document)},
                       {"figures", reports::to_json(made->figures)}};
    return http::Response::json(out.dump());
  }
  auto r = http::Response::text(std::move(made->bytes), 200, made->content_type);
  r.header("Content-Disposition", "attachment; filename=\"" + made->file_name + "\"");
  r.header("Cache-Control", "private, no-store");
  return r;
}

std::optional<Kind> kind_param(const http::Context& ctx) {
  auto it = ctx.params.find("kind");
  return it == ctx.params.end() ? std::nullopt : kind_of(it->second);
}

http::Response templates_h(http::Context& ctx) {
  if (auto ok = auth::authorize_any(ctx.principal, auth::Action::kManageReports); !ok) return ctx.error(ok.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& k : kinds())
    if (auto t = current_template(ctx.db(), k.kind)) items.push_back(to_json(*t));
  return http::Response::json(nlohmann::json{{"items", items}}.dump());
}

http::Response template_h(http::Context& ctx) {
  if (auto ok = auth::authorize_any(ctx.principal, auth::Action::kManageReports); !ok) return ctx.error(ok.error());
  auto kind = kind_param(ctx);
  if (!kind) return ctx.error(Error::not_found("Không có loại báo cáo này."));
  nlohmann::json versions = nlohmann::json::array();
  for (const auto& t : template_history(ctx.db(), *kind)) versions.push_back(to_json(t));
  return http::Response::json(nlohmann::json{{"versions", versions}}.dump());
}

// POST {"title": "…", "body": "…", "recipients": "…", "note": "…"} → the new version.
http::Response save_h(http::Context& ctx) {
  auto kind = kind_param(ctx);
  if (!kind) return ctx.error(Error::not_found("Không có loại báo cáo này."));
  auto body = http::json_object(ctx.req);
  if (!body) return ctx.error(body.error());
  http::JsonFields f(*body);
  Template in;
  in.title = f.text("title").value_or("");
  in.body = f.text("body").value_or("");
  in.recipients = f.text("recipients").value_or("");
  in.note = f.text("note").value_or("");
  if (!f.errors().empty()) return ctx.error(Error::invalid(f.errors()));
  auto t = save_template(ctx.db(), ctx.principal, *kind, in);
  if (!t) return ctx.error(t.error());
  return http::Response::json(to_json(*t).dump(), 201);
}

}  // namespace

void wire_api(http::App& app) {
  app.route("GET", "/api/v1/reports", report_h);
  app.route("GET", "/api/v1/report-templates", templates_h);
  app.route("GET", "/api/v1/report-templates/{kind}", template_h);
  app.route("POST", "/api/v1/report-templates/{kind}", save_h);
}

}  // namespace ct05::reports
