#include "modules/registry/web/forms.hpp"

#include "kernel/clock.hpp"
#include "platform/http/json_input.hpp"

namespace ct05::registry {

EntryInput entry_input(const http::Fields& f) {
  EntryInput in;
  in.unit_id = f.id("unit_id");
  in.category_id = f.id("category_id");
  in.subject_kind = f.trimmed("subject_kind");
  in.subject_name = f.trimmed("subject_name");
  in.deed = f.trimmed("deed");
  in.deed_date = f.trimmed("deed_date");
  in.place = f.trimmed("place");
  in.nominator_name = f.trimmed("nominator_name");
  in.nominator_contact = f.trimmed("nominator_contact");
  in.consent = f.get("consent") == "1";
  return in;
}

std::vector<Upload> uploads_of(const http::Request& req) {
  std::vector<Upload> out;
  for (const auto& f : req.files())
    if (f.field == "files" && !f.filename.empty()) out.push_back(Upload{f.filename, f.data});
  return out;
}

void fill_entry_form(html::Dict& d, db::Connection& c, const EntryInput& in, const std::vector<UnitChoice>& units, const Error* err) {
  for (const auto& u : units) {
    auto* s = d.AddSectionDictionary("UNIT");
    s->SetIntValue("ID", u.id);
    s->SetValue("NAME", u.name);
    if (in.unit_id && *in.unit_id == u.id) s->ShowSection("SELECTED");
  }
  for (const char* k : {"ca_nhan", "tap_the"}) {
    auto* s = d.AddSectionDictionary("KIND");
    s->SetValue("VALUE", k);
    s->SetValue("LABEL", std::string(subject_kind_label(k)));
    if (in.subject_kind.value_or("ca_nhan") == k) s->ShowSection("CHECKED");
  }
  for (const auto& cat : categories(c, true)) {
    auto* s = d.AddSectionDictionary("CATEGORY");
    s->SetIntValue("ID", cat.id);
    s->SetValue("NAME", cat.name);
    if (in.category_id && *in.category_id == cat.id) s->ShowSection("SELECTED");
  }
  d.SetValue("SUBJECT_NAME", in.subject_name.value_or(""));
  d.SetValue("DEED", in.deed.value_or(""));
  d.SetValue("DEED_DATE", in.deed_date.value_or(""));
  d.SetValue("PLACE", in.place.value_or(""));
  if (in.consent) d.ShowSection("CONSENT");
  if (err) {
    html::set_field_errors(d, err->message, http::field_pairs(*err));
    d.ShowSection("RESEND");
  }
}

void add_commendation(html::Dict& d, const Entry& e) {
  if (e.commendation.empty()) return;
  auto* s = d.AddSectionDictionary("COMMENDATION");
  s->SetValue("LABEL", std::string(commendation_label(e.commendation)));
  if (!e.decision_no.empty()) {
    auto* dec = s->AddSectionDictionary("DECISION");
    dec->SetValue("NO", e.decision_no);
    if (!e.decision_date.empty()) dec->AddSectionDictionary("DATE")->SetValue("TEXT", kernel::date_vn(e.decision_date));
  }
}

void add_files(html::Dict& d, const Entry& e) {
  if (e.files.empty()) return;
  d.ShowSection("HAS_FILES");
  int n = 0;
  for (const auto& f : e.files) {
    auto* s = d.AddSectionDictionary("FILE");
    auto* k = s->AddSectionDictionary(f.kind == "image" ? "IMAGE" : "PDF");
    k->SetIntValue("ID", f.id);
    k->SetIntValue("N", ++n);
  }
}

void add_replications(html::Dict& d, const Entry& e) {
  if (e.replications.empty()) return;
  d.ShowSection("HAS_REPLICATIONS");
  for (const auto& r : e.replications) {
    auto* s = d.AddSectionDictionary("REPLICATION");
    s->SetValue("UNIT", r.unit_name);
    s->SetValue("DATE", kernel::date_vn(r.on_date));
    s->SetValue("WHAT", r.what);
  }
}

std::string event_label(const std::string& action) {
  if (action == "nominate") return "Đề nghị ghi danh";
  if (action == "consent") return "Ghi nhận đồng ý công bố";
  if (action == "consent_withdrawn") return "Rút lại sự đồng ý công bố";
  if (action == "replicate") return "Nhân rộng";
  if (auto s = parse_step(action)) return std::string(step_label(*s));
  return action;
}

}  // namespace ct05::registry
