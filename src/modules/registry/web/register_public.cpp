// The public side of the register, for citizens without an account: published entries with consent, each
// with a short link, the nomination form with its challenge and rate limit, and the evidence files of
// public entries. Nothing else is reachable here: an entry that is not public answers 404, by id, by short
// link and by file URL alike.
#include "kernel/clock.hpp"
#include "kernel/text.hpp"
#include "modules/registry/module.hpp"
#include "modules/registry/storage/entry_store.hpp"
#include "modules/registry/web/challenge.hpp"
#include "modules/registry/web/forms.hpp"
#include "platform/http/json_input.hpp"

namespace ct05::registry {

namespace {

const Error kNotPublic = Error::not_found("Không tìm thấy mục ghi danh này, hoặc mục chưa được công bố.");

http::Response public_list(http::Context& ctx) {
  auto& c = ctx.db();
  const auto& q = ctx.req.query();
  PublicQuery pq;
  pq.q = kernel::truncate_utf8(q.trimmed("q"), 200);
  pq.unit_id = q.id("unit").value_or(0);
  pq.category_id = q.id("category").value_or(0);
  if (auto y = q.get("year"); y.size() == 4 && y.find_first_not_of("0123456789") == std::string::npos) pq.year = std::stoi(y);
  html::Dict d("public_list");
  d.SetValue("Q", pq.q);
  // Signed-in officers come here from the menu: their units' registers, with every status, are one click away.
  for (const auto& g : ctx.principal.grants) {
    if (!auth::allowed(ctx.principal, auth::Action::kViewRegister, {g.unit_path}) || g.unit_id <= 0) continue;
    auto* s = d.AddSectionDictionary("MINE");
    s->SetIntValue("ID", g.unit_id);
    s->SetValue("NAME", g.unit_name);
  }
  for (const auto& u : nomination_units(c, nullptr)) {
    auto* s = d.AddSectionDictionary("UNIT");
    s->SetIntValue("ID", u.id);
    s->SetValue("NAME", u.name);
    if (u.id == pq.unit_id) s->ShowSection("SELECTED");
  }
  for (const auto& cat : categories(c, true)) {
    auto* s = d.AddSectionDictionary("CATEGORY");
    s->SetIntValue("ID", cat.id);
    s->SetValue("NAME", cat.name);
    if (cat.id == pq.category_id) s->ShowSection("SELECTED");
  }
  int this_year = std::stoi(kernel::today_iso().substr(0, 4));
  for (int y = this_year; y >= this_year - 10; --y) {
    auto* s = d.AddSectionDictionary("YEAR");
    s->SetIntValue("Y", y);
    if (y == pq.year) s->ShowSection("SELECTED");
  }
  auto page = html::page_request(q.get("page"));
  auto total = count_public_entries(c, pq);
  d.SetValue("COUNT", html::number_vn(total));
  auto list = public_entries(c, pq, page.per_page, page.offset());
  if (list.empty()) d.ShowSection("NONE");
  for (const auto& e : list) {
    auto* s = d.AddSectionDictionary("ENTRY");
    s->SetValue("CODE", e.code);
    s->SetValue("SUBJECT_NAME", e.subject_name);
    s->SetValue("DEED", kernel::truncate_utf8(e.deed, 200));
    s->SetValue("CATEGORY", e.category_name);
    s->SetValue("UNIT_NAME", e.unit_name);
    s->SetValue("DATE", kernel::date_vn(e.deed_date));
    if (!e.commendation.empty()) s->AddSectionDictionary("COMMENDATION")->SetValue("TEXT", std::string(commendation_label(e.commendation)));
    if (!e.files.empty()) s->AddSectionDictionary("THUMB")->SetIntValue("FILE_ID", e.files.front().id);
  }
  std::string base = "/register?q=" + http::url_encode(pq.q) + "&unit=" + (pq.unit_id ? std::to_string(pq.unit_id) : "") +
                     "&category=" + (pq.category_id ? std::to_string(pq.category_id) : "") +
                     "&year=" + (pq.year ? std::to_string(pq.year) : "") + "&";
  html::add_pager(d, total, page, base);
  return ctx.page("registry/public_list.tpl", d, "Sổ ghi danh người tốt, việc tốt");
}

http::Response public_entry(http::Context& ctx) {
  std::string code = ctx.params.count("code") ? ctx.params.at("code") : "";
  auto e = code.size() <= 16 ? find_entry_by_code(ctx.db(), code) : std::nullopt;
  if (!e || !e->is_public()) return ctx.error(kNotPublic);
  html::Dict d("public_entry");
  d.SetIntValue("ID", e->id);
  d.SetValue("CODE", e->code);
  d.SetValue("SUBJECT_NAME", e->subject_name);
  d.SetValue("SUBJECT_KIND", std::string(subject_kind_label(e->subject_kind)));
  d.SetValue("CATEGORY", e->category_name);
  d.SetValue("UNIT_NAME", e->unit_name);
  d.SetValue("DATE", kernel::date_vn(e->deed_date));
  d.SetValue("DEED", e->deed);
  if (!e->place.empty()) d.AddSectionDictionary("PLACE")->SetValue("TEXT", e->place);
  add_commendation(d, *e);
  add_files(d, *e);
  add_replications(d, *e);
  if (ctx.principal.authenticated()) d.ShowSection("INTERNAL");
  return ctx.page("registry/public_entry.tpl", d, e->subject_name + " — Sổ ghi danh người tốt, việc tốt");
}

// A file is served when its entry is public, or to someone who may see the entry inside ct05.
http::Response file_h(http::Context& ctx, bool thumb) {
  auto id = ctx.id_param("id");
  auto f = id ? find_file(ctx.db(), *id) : std::nullopt;
  if (!f) return ctx.error(kNotPublic);
  auto e = find_entry(ctx.db(), f->entry_id);
  bool visible = e && (e->is_public() || (ctx.principal.authenticated() && get_entry(ctx.db(), ctx.principal, e->id)));
  if (!visible) return ctx.error(kNotPublic);
  const std::string& path = thumb && !f->thumb_path.empty() ? f->thumb_path : f->path;
  auto bytes = file_store().read(path);
  if (!bytes) return ctx.error(Error::not_found("Tệp không còn trên máy chủ."));
  http::Response r;
  r.body = std::move(*bytes);
  r.header("Content-Type", thumb && !f->thumb_path.empty() ? "image/jpeg" : f->mime);
  r.header("X-Content-Type-Options", "nosniff");
  // Asked again every time: once consent is withdrawn no cache, the viewer's included, shows the file.
  r.header("Cache-Control", "no-cache");
  // PDFs are downloaded, not opened in the page: their contents are only checked at both ends.
  if (f->kind == "pdf") r.header("Content-Disposition", "attachment; filename=\"minh-chung-" + std::to_string(f->id) + ".pdf\"");
  return r;
}
http::Response file_full(http::Context& ctx) { return file_h(ctx, false); }
http::Response file_thumb(http::Context& ctx) { return file_h(ctx, true); }

// ---- the citizen's nomination form
http::Response nominate_form(http::Context& ctx, const EntryInput& in, const Error* err) {
  auto units = nomination_units(ctx.db(), nullptr);
  html::Dict d("entry_form");
  d.SetValue("HEADING", "Đề nghị ghi danh người tốt, việc tốt");
  d.SetValue("ACTION", "/register/nominate");
  d.SetValue("CSRF", ctx.csrf_token());
  fill_entry_form(d, ctx.db(), in, units, err);
  auto ch = new_challenge();
  auto* p = d.AddSectionDictionary("PUBLIC");
  p->SetValue("NOMINATOR_NAME", in.nominator_name.value_or(""));
  p->SetValue("NOMINATOR_CONTACT", in.nominator_contact.value_or(""));
  p->SetValue("QUESTION", ch.question);
  p->SetValue("CHALLENGE", ch.token);
  if (err) html::set_field_errors(*p, "", http::field_pairs(*err));
  return ctx.page("registry/entry_form.tpl", d, "Đề nghị ghi danh người tốt, việc tốt", err ? http::status_for(err->code) : 200);
}

http::Response nominate_page(http::Context& ctx) {
  if (nomination_units(ctx.db(), nullptr, 1).empty())
    return ctx.error(Error::not_found("Sổ ghi danh chưa được triển khai."));
  return nominate_form(ctx, EntryInput{}, nullptr);
}

http::Response thanks_page(http::Context& ctx) {
  return ctx.page_html("<h1 class=\"h3\">Cảm ơn bạn đã đề nghị ghi danh</h1><p>Đơn vị sẽ xác minh và liên hệ với bạn nếu cần. Mục ghi "
                       "danh chỉ được công bố sau khi cấp ủy phê duyệt và người được ghi danh đồng ý.</p>"
                       "<p><a href=\"/register\">Xem Sổ ghi danh</a></p>",
                       "Đã gửi đề nghị ghi danh");
}

http::Response nominate_h(http::Context& ctx) {
  const auto& f = ctx.req.form();
  EntryInput in = entry_input(f);
  auto& c = ctx.db();
  if (public_throttled(c, ctx.req.remote_ip))
    return ctx.error(Error{ErrorCode::kTooManyRequests,
                           "Địa chỉ của bạn đã gửi nhiều đề nghị trong một giờ qua. Vui lòng thử lại sau hoặc liên hệ trực tiếp đơn vị.",
                           {},
                           {}});
  // A robot fills the hidden field or sends at once; a person answers the sum, once per question.
  auto passed = f.get("website").empty() ? check_challenge(c, f.get("challenge"), f.trimmed("answer")) : ChallengeResult::kWrong;
  if (passed != ChallengeResult::kPassed) {
    record_public_attempt(c, ctx.req.remote_ip);
    std::string why;
    switch (passed) {
      case ChallengeResult::kTooFast: why = "Biểu mẫu được gửi quá nhanh. Vui lòng kiểm tra lại nội dung rồi trả lời câu hỏi mới."; break;
      case ChallengeResult::kExpired: why = "Câu hỏi kiểm tra đã hết hạn (30 phút). Vui lòng trả lời câu hỏi mới."; break;
      case ChallengeResult::kSpent: why = "Câu hỏi kiểm tra này đã được dùng. Vui lòng trả lời câu hỏi mới."; break;
      default: why = "Câu trả lời kiểm tra chưa đúng. Vui lòng trả lời câu hỏi mới."; break;
    }
    // Every mistake at once, so the citizen fixes the form in one go.
    auto errs = validate(in, true, kernel::today_iso());
    errs.push_back({"answer", why});
    std::string summary = errs.size() > 1 ? "Dữ liệu chưa hợp lệ, vui lòng kiểm tra lại." : why;
    Error e = Error::invalid(std::move(errs), summary);
    return nominate_form(ctx, in, &e);
  }
  auto r = nominate_public(c, in, uploads_of(ctx.req), file_store(), ctx.req.remote_ip);
  if (!r) {
    if (r.error().code != ErrorCode::kInvalid) return ctx.error(r.error());
    return nominate_form(ctx, in, &r.error());
  }
  return http::Response::redirect("/register/thanks");
}

}  // namespace

void wire_public(http::App& app) {
  using http::Access;
  app.route("GET", "/register", public_list, Access::kPublic);
  app.route("GET", "/register/nominate", nominate_page, Access::kPublic);
  app.route("POST", "/register/nominate", nominate_h, Access::kPublic);
  app.route("GET", "/register/thanks", thanks_page, Access::kPublic);
  app.route("GET", "/r/{code}", public_entry, Access::kPublic);
  app.route("GET", "/register/files/{id}", file_full, Access::kPublic);
  app.route("GET", "/register/files/{id}/thumb", file_thumb, Access::kPublic);
}

}  // namespace ct05::registry
