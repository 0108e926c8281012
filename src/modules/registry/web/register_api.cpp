// /api/v1/register-entries (signed in: the same commands and permission rule as the pages) and
// /api/v1/public/register-entries (anyone: published entries with consent only, without contacts).
#include "modules/org/storage/unit_store.hpp"
#include "modules/registry/module.hpp"
#include "modules/registry/storage/entry_store.hpp"
#include "platform/http/json_input.hpp"

namespace ct05::registry {

namespace {

http::Response entry_json(http::Context& ctx, const Result<Entry>& e, int status = 200) {
  if (!e) return ctx.error(e.error());
  bool contact = can_record_consent(ctx.principal, *e);
  if (contact) log_contact_read(ctx.db(), ctx.principal, {&*e}, "api");
  return http::Response::json(to_json(*e, true, contact).dump(), status);
}

nlohmann::json page_json(const std::vector<nlohmann::json>& items, std::int64_t total, const html::PageRequest& page) {
  return {{"items", items}, {"total", total}, {"page", page.page}, {"per_page", page.per_page}};
}

http::Response list_h(http::Context& ctx) {
  const auto& q = ctx.req.query();
  auto unit = q.id("unit");
  if (!unit) return ctx.error(Error::invalid({{"unit", "Cần tham số unit là mã số đơn vị."}}));
  auto u = org::get_unit(ctx.db(), ctx.principal, *unit, auth::Action::kViewRegister);
  if (!u) return ctx.error(u.error());
  ListQuery lq;
  if (!q.get("status").empty()) {
    if (!parse_status(q.get("status"))) return ctx.error(Error::invalid({{"status", "Trạng thái không hợp lệ."}}));
    lq.status = q.get("status");
  }
  lq.category_id = q.id("category").value_or(0);
  lq.q = q.trimmed("q");
  auto page = html::page_request(q.get("page"));
  std::vector<nlohmann::json> items;
  auto entries = list_entries(ctx.db(), u->path, lq, page.per_page, page.offset());
  std::vector<const Entry*> contacts;
  for (const auto& e : entries) {
    bool contact = can_record_consent(ctx.principal, e);
    if (contact) contacts.push_back(&e);
    items.push_back(to_json(e, true, contact));
  }
  log_contact_read(ctx.db(), ctx.principal, contacts, "api_list");
  return http::Response::json(page_json(items, count_entries(ctx.db(), u->path, lq), page).dump());
}

http::Response get_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy mục ghi danh."));
  return entry_json(ctx, get_entry(ctx.db(), ctx.principal, *id));
}

http::Response create_h(http::Context& ctx) {
  auto body = http::json_object(ctx.req);
  if (!body) return ctx.error(body.error());
  http::JsonFields f(*body);
  EntryInput in;
  in.unit_id = f.integer("unit_id");
  in.category_id = f.integer("category_id");
  in.subject_kind = f.text("subject_kind");
  in.subject_name = f.text("subject_name");
  in.deed = f.text("deed");
  in.deed_date = f.text("deed_date");
  in.place = f.text("place");
  in.nominator_contact = f.text("nominator_contact");
  in.consent = f.boolean("consent").value_or(false);
  if (!f.errors().empty()) return ctx.error(Error::invalid(f.errors()));
  return entry_json(ctx, nominate(ctx.db(), ctx.principal, in, {}, file_store()), 201);
}

http::Response step_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy mục ghi danh."));
  auto step = parse_step(ctx.params.at("step"));
  if (!step) return ctx.error(Error::not_found("Không có bước xử lý này."));
  StepInput in;
  if (!ctx.req.body.empty()) {
    auto body = http::json_object(ctx.req);
    if (!body) return ctx.error(body.error());
    http::JsonFields f(*body);
    in.comment = f.text("comment").value_or("");
    in.commendation = f.text("commendation").value_or("");
    in.decision_no = f.text("decision_no").value_or("");
    in.decision_date = f.text("decision_date").value_or("");
    if (!f.errors().empty()) return ctx.error(Error::invalid(f.errors()));
  }
  return entry_json(ctx, take_step(ctx.db(), ctx.principal, *id, *step, in));
}

http::Response consent_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  if (!id) return ctx.error(Error::not_found("Không tìm thấy mục ghi danh."));
  auto body = http::json_object(ctx.req);
  if (!body) return ctx.error(body.error());
  http::JsonFields f(*body);
  auto given = f.boolean("given");
  auto note = f.text("note");
  if (!f.errors().empty()) return ctx.error(Error::invalid(f.errors()));
  if (!given) return ctx.error(Error::invalid({{"given", "Cần trường given: true (đồng ý) hoặc false (rút lại)."}}));
  return entry_json(ctx, set_consent(ctx.db(), ctx.principal, *id, *given, note.value_or("")));
}

http::Response public_list_h(http::Context& ctx) {
  const auto& q = ctx.req.query();
  PublicQuery pq;
  pq.q = q.trimmed("q");
  pq.unit_id = q.id("unit").value_or(0);
  pq.category_id = q.id("category").value_or(0);
  if (auto y = q.get("year"); !y.empty()) {
    if (y.size() != 4 || y.find_first_not_of("0123456789") != std::string::npos)
      return ctx.error(Error::invalid({{"year", "Năm phải có 4 chữ số."}}));
    pq.year = std::stoi(y);
  }
  auto page = html::page_request(q.get("page"));
  std::vector<nlohmann::json> items;
  for (const auto& e : public_entries(ctx.db(), pq, page.per_page, page.offset())) items.push_back(to_json(e, false));
  return http::Response::json(page_json(items, count_public_entries(ctx.db(), pq), page).dump());
}

http::Response public_get_h(http::Context& ctx) {
  auto id = ctx.id_param("id");
  auto e = id ? find_entry(ctx.db(), *id) : std::nullopt;
  if (!e || !e->is_public()) return ctx.error(Error::not_found("Không tìm thấy mục ghi danh này, hoặc mục chưa được công bố."));
  return http::Response::json(to_json(*e, false).dump());
}

}  // namespace

void wire_api(http::App& app) {
  app.route("GET", "/api/v1/register-entries", list_h);
  app.route("POST", "/api/v1/register-entries", create_h);
  app.route("GET", "/api/v1/register-entries/{id}", get_h);
  app.route("POST", "/api/v1/register-entries/{id}/consent", consent_h);
  app.route("POST", "/api/v1/register-entries/{id}/{step}", step_h);
  app.route("GET", "/api/v1/public/register-entries", public_list_h, http::Access::kPublic);
  app.route("GET", "/api/v1/public/register-entries/{id}", public_get_h, http::Access::kPublic);
}

}  // namespace ct05::registry
