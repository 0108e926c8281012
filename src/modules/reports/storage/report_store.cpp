#include "modules/reports/storage/report_store.hpp"

#include <algorithm>
#include <cstdio>

#include "kernel/clock.hpp"
#include "kernel/text.hpp"
#include "modules/meetings/storage/meeting_store.hpp"
#include "modules/models/storage/model_store.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/plans/storage/plan_store.hpp"
#include "modules/quizzes/storage/quiz_store.hpp"
#include "modules/reports/render/render.hpp"
#include "modules/villages/storage/household_store.hpp"
#include "platform/audit/audit.hpp"
#include "platform/html/view.hpp"

namespace ct05::reports {

namespace {

Template template_of(const db::Row& r) {
  Template t;
  t.id = r.i64(0);
  t.kind = kind_of(r.str(1)).value_or(Kind::kYear);
  t.version = static_cast<int>(r.i64(2));
  t.title = r.str(3);
  t.body = r.str(4);
  t.recipients = r.str(5);
  t.note = r.str(6);
  t.created_at = r.str(7);
  t.created_by = r.str(8);
  return t;
}

constexpr const char* kTemplateColumns =
    "SELECT id, kind, version, title, body, recipients, note, created_at, created_by FROM report_templates ";

}  // namespace

std::optional<Template> current_template(db::Connection& c, Kind kind) {
  auto r = c.query_one(std::string(kTemplateColumns) + "WHERE kind = $1 ORDER BY version DESC LIMIT 1",
                       {std::string(kind_code(kind))});
  if (!r) return std::nullopt;
  return template_of(*r);
}

std::optional<Template> find_template(db::Connection& c, std::int64_t id) {
  auto r = c.query_one(std::string(kTemplateColumns) + "WHERE id = $1", {id});
  if (!r) return std::nullopt;
  return template_of(*r);
}

std::vector<Template> template_history(db::Connection& c, Kind kind) {
  std::vector<Template> out;
  for (const auto& r : c.query(std::string(kTemplateColumns) + "WHERE kind = $1 ORDER BY version DESC",
                               {std::string(kind_code(kind))}))
    out.push_back(template_of(r));
  return out;
}

Result<Template> save_template(db::Connection& c, const auth::Principal& who, Kind kind, const Template& in) {
  if (auto ok = auth::authorize_any(who, auth::Action::kManageReports); !ok) return fail(ok.error());
  Template t = in;
  t.kind = kind;
  if (auto errors = check_template(t); !errors.empty()) return fail(Error::invalid(std::move(errors), "Mẫu báo cáo chưa hợp lệ."));
  if (t.note.size() > 1000) return fail(Error::invalid({{"note", "Ghi chú quá dài (tối đa 1000 ký tự)."}}));
  try {
    return db::in_transaction(c, [&]() -> Result<Template> {
      auto before = current_template(c, kind);
      t.version = before ? before->version + 1 : 1;
      t.created_at = kernel::now_iso();
      t.created_by = who.actor();
      t.id = c.scalar(
          "INSERT INTO report_templates (kind, version, title, body, recipients, note, created_at, created_by) "
          "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
          {std::string(kind_code(kind)), std::int64_t{t.version}, t.title, t.body, t.recipients, t.note, t.created_at,
           t.created_by});
      audit::record(c, who,
                    {"report_template.create", "report_template", t.id, "/",
                     before ? to_json(*before) : nlohmann::json(), to_json(t)});
      return t;
    });
  } catch (const db::DbError& e) {
    if (e.unique_violation()) return fail(Error::conflict("Có người vừa lưu một phiên bản mẫu khác; vui lòng tải lại trang."));
    throw;
  }
}

void ensure_default_templates(db::Connection& c) {
  for (const auto& k : kinds()) {
    if (current_template(c, k.kind)) continue;
    Template t = default_template(k.kind);
    c.exec("INSERT INTO report_templates (kind, version, title, body, recipients, note, created_at, created_by) "
           "VALUES ($1, 1, $2, $3, $4, $5, $6, $7)",
           {std::string(k.code), t.title, t.body, t.recipients, t.note, kernel::now_iso(), std::string("ct05")});
  }
}

// ---- figures
void RegisterCounts::add(const std::string& status, const std::string& commendation, std::int64_t n) {
  total += n;
  if (status == "approved" || status == "commended" || status == "published" || status == "unpublished") approved += n;
  if (status == "published") published += n;
  if (!commendation.empty()) commended += n;
}

namespace {

std::string pct_vn(std::int64_t part, std::int64_t total) {
  if (total <= 0) return "0%";
  double v = 100.0 * static_cast<double>(part) / static_cast<double>(total);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.size() > 2 && s.substr(s.size() - 2) == ".0") s.resize(s.size() - 2);
  std::replace(s.begin(), s.end(), '.', ',');
  return s + "%";
}

std::string n(long long v) { return html::number_vn(v); }

std::string dmy(const std::string& iso) {
  if (iso.size() < 10) return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

//! The end of a year of the period, or the period's end, or today, whichever is first.
std::string year_end(const Period& p, int year, const std::string& today) {
  std::string end = std::min(std::to_string(year) + "-12-31", p.to);
  return std::min(end, today);
}

// Entries whose deed falls in [from, to] over a subtree. The reports module reads the register's table directly:
// it only counts, and the register has no period query of its own.
RegisterCounts register_counts(db::Connection& c, const org::Scope& s, const std::string& from, const std::string& to) {
  RegisterCounts out;
  db::Params p{from, to};
  s.bind_all(p);
  auto rows = c.query(
      "SELECT e.status, e.commendation, COUNT(*) FROM register_entries e JOIN units u ON u.id = e.unit_id "
      "WHERE e.deed_date >= $1 AND e.deed_date <= $2 AND " + s.all("u.id", "u.path", 3) + " GROUP BY e.status, e.commendation",
      p);
  for (const auto& r : rows) out.add(r.str(0), r.str(1), r.i64(2));
  return out;
}

}  // namespace

Figures gather(db::Connection& c, const org::Unit& u, const Period& p, const std::string& today, const org::Scope& scope) {
  Figures f;
  auto& v = f.values;
  v["don_vi"] = u.name;
  auto parent = u.parent_id ? org::find_unit(c, u.parent_id) : std::nullopt;
  if (parent && scope.dated()) parent = org::unit_on(c, *parent, scope.as_of);
  v["cap_tren"] = parent ? parent->name : "";
  v["ky_bao_cao"] = p.phrase;
  v["nam"] = std::to_string(p.year);
  v["tu_ngay"] = dmy(p.from);
  v["den_ngay"] = dmy(p.to);
  auto year = plans::find_year(c, p.year);
  v["chuyen_de"] = year && !year->study_topic.empty() ? year->study_topic : "(chưa có chuyên đề năm " + std::to_string(p.year) + ")";
  v["dot_pha"] = year && !year->theme.empty() ? year->theme : "(chưa có nội dung đột phá năm " + std::to_string(p.year) + ")";

  auto ind = plans::indicators(c, scope, p.year);
  v["so_don_vi_ke_hoach"] = n(ind.units);
  v["so_ke_hoach_duyet"] = n(ind.plans_accepted);
  v["ty_le_ke_hoach"] = pct_vn(ind.plans_accepted, ind.units);
  v["so_can_bo"] = n(ind.cadres);
  v["so_cam_ket_duyet"] = n(ind.commitments_accepted);
  v["ty_le_cam_ket"] = pct_vn(ind.commitments_accepted, ind.cadres);
  v["so_van_de"] = n(ind.issues_registered);
  v["so_van_de_giai_quyet"] = n(ind.issues_resolved);

  // Meetings: each year of the period counted up to its end (or today).
  meetings::MeetingSummary ms;
  std::map<int, meetings::MeetingSummary> by_year;
  for (int y : p.years) {
    auto s = meetings::meeting_summary(c, scope, y, year_end(p, y, today));
    by_year[y] = s;
    ms.expected += s.expected;
    ms.held += s.held;
    ms.meetings += s.meetings;
    ms.thematic += s.thematic;
    ms.stories += s.stories;
    ms.quizzes += s.quizzes;
    ms.behind = s.behind;  // the last year's
  }
  v["sinh_hoat_phai_co"] = n(ms.expected);
  v["sinh_hoat_da_co"] = n(ms.held);
  v["ty_le_sinh_hoat"] = pct_vn(ms.held, ms.expected);
  v["so_buoi_chuyen_de"] = n(ms.thematic);
  v["so_cau_chuyen"] = n(ms.stories);
  v["so_buoi_hai_hoa"] = n(ms.quizzes);
  v["don_vi_cham"] = n(ms.behind);

  auto ratings = meetings::rating_distribution(c, scope, p.year);
  auto count_of = [](const std::map<meetings::Rating, std::int64_t>& m, meetings::Rating r) {
    auto it = m.find(r);
    return it == m.end() ? std::int64_t{0} : it->second;
  };
  v["xep_loai_xuat_sac"] = n(count_of(ratings.commitments, meetings::Rating::kExcellent));
  v["xep_loai_tot"] = n(count_of(ratings.commitments, meetings::Rating::kGood));
  v["xep_loai_hoan_thanh"] = n(count_of(ratings.commitments, meetings::Rating::kDone));
  v["xep_loai_khong"] = n(count_of(ratings.commitments, meetings::Rating::kNotDone));
  {
    Table t;
    t.header = {"Xếp loại", "Kế hoạch tập thể", "Cam kết cá nhân"};
    t.widths = {3, 2, 2};
    t.numeric = {false, true, true};
    std::int64_t rated = 0;
    for (auto r : meetings::ratings()) {
      rated += count_of(ratings.plans, r) + count_of(ratings.commitments, r);
      t.rows.push_back({std::string(meetings::rating_label(r)), n(count_of(ratings.plans, r)), n(count_of(ratings.commitments, r))});
    }
    if (rated > 0) f.tables["xep_loai"] = std::move(t);
  }

  auto reg = register_counts(c, scope, p.from, std::min(p.to, today));
  v["so_ghi_danh"] = n(reg.total);
  v["so_ghi_danh_duyet"] = n(reg.approved);
  v["so_ghi_danh_cong_bo"] = n(reg.published);
  v["so_bieu_duong"] = n(reg.commended);

  // Adoptions in use at the period's end: begun by then and not stopped (ct05 keeps no end date for an adoption).
  std::int64_t adopted_models = 0, adoption_total = 0;
  std::map<std::int64_t, std::int64_t> per_model;
  db::Params mp{p.to};
  scope.bind_all(mp);
  for (const auto& r : c.query("SELECT a.model_id, COUNT(*) FROM model_adoptions a JOIN units u ON u.id = a.unit_id "
                               "WHERE a.active = 1 AND a.since <= $1 AND " + scope.all("u.id", "u.path", 2) + " GROUP BY a.model_id",
                               mp)) {
    per_model[r.i64(0)] = r.i64(1);
    ++adopted_models;
    adoption_total += r.i64(1);
  }
  v["so_mo_hinh"] = n(adopted_models);
  v["so_don_vi_ap_dung"] = n(adoption_total);
  {
    Table t;
    t.header = {"TT", "Mô hình, cách làm", "Số đơn vị áp dụng"};
    t.widths = {0.7, 6, 2};
    t.numeric = {true, false, true};
    int i = 0;
    for (const auto& m : models::list_models(c, true)) {
      auto it = per_model.find(m.id);
      if (it == per_model.end() || it->second == 0) continue;
      t.rows.push_back({std::to_string(++i), m.name, n(it->second)});
    }
    if (!t.rows.empty()) f.tables["mo_hinh"] = std::move(t);
  }

  std::int64_t rounds = 0, attempts = 0, draws = 0;
  double weighted = 0;
  for (int y : p.years) {
    auto q = quizzes::summary(c, scope, y);
    rounds += q.rounds;
    attempts += q.attempts;
    draws += q.draws;
    weighted += q.average_percent * static_cast<double>(q.attempts);
  }
  v["so_cuoc_thi"] = n(rounds);
  v["so_luot_thi"] = n(attempts);
  v["so_buoi_hai_hoa_truc_tiep"] = n(draws);
  {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", attempts ? weighted / static_cast<double>(attempts) : 0.0);
    std::string s = buf;
    std::replace(s.begin(), s.end(), '.', ',');
    v["diem_trung_binh"] = s + "%";
  }

  auto vf = villages::subtree_figures(c, scope, p.year, true);
  v["so_thon"] = n(vf.villages);
  v["so_thon_nong_thon_moi"] = n(vf.recognised);
  v["so_ho"] = n(vf.households);
  v["so_ho_ngheo"] = n(vf.poor);
  v["ty_le_ho_ngheo"] = pct_vn(vf.poor, vf.households);
  v["so_ho_can_ngheo"] = n(vf.near_poor);
  v["ty_le_ho_can_ngheo"] = pct_vn(vf.near_poor, vf.households);
  v["so_ho_thoat_ngheo"] = n(vf.left_poverty);

  // Child units: plans accepted and periodic meetings of the report's last year.
  {
    Table t;
    t.header = {"TT", "Đơn vị", "Kế hoạch được duyệt / phải có", "Sinh hoạt định kỳ đã tổ chức / phải có"};
    t.widths = {0.7, 5, 2.5, 2.5};
    t.numeric = {true, false, true, true};
    std::vector<plans::ChildCoverage> coverage;
    std::vector<meetings::ChildSummary> kids_meetings;
    if (!scope.dated()) {
      coverage = plans::plan_coverage_by_child(c, u.id, p.year);
      kids_meetings = meetings::summary_by_child(c, u.id, p.year, year_end(p, p.year, today));
    } else {
      // The children of that day, each over its own subtree then.
      for (const auto& k : org::children_on(c, u, scope.as_of)) {
        org::Scope ks{k.id, k.path, scope.as_of, {}};
        auto ki = plans::indicators(c, ks, p.year);
        if (ki.units > 0) coverage.push_back({k.id, k.name, ki.units, ki.plans_accepted});
        auto km = meetings::meeting_summary(c, ks, p.year, year_end(p, p.year, today));
        if (km.units > 0) kids_meetings.push_back({k.id, k.name, km});
      }
    }
    std::map<std::int64_t, meetings::MeetingSummary> meet;
    for (const auto& k : kids_meetings) meet[k.unit_id] = k.summary;
    std::map<std::int64_t, std::string> names;
    std::vector<std::int64_t> order;
    std::map<std::int64_t, plans::ChildCoverage> cov;
    for (const auto& k : coverage) {
      cov[k.unit_id] = k;
      names[k.unit_id] = k.name;
      order.push_back(k.unit_id);
    }
    for (const auto& k : kids_meetings)
      if (!names.count(k.unit_id)) {
        names[k.unit_id] = k.name;
        order.push_back(k.unit_id);
      }
    int i = 0;
    for (auto id : order) {
      auto ci = cov.find(id);
      auto mi = meet.find(id);
      std::string plan_cell = ci == cov.end() || ci->second.units == 0
                                  ? "—"
                                  : n(ci->second.accepted) + " / " + n(ci->second.units);
      std::string meet_cell = mi == meet.end() || mi->second.expected == 0
                                  ? "—"
                                  : n(mi->second.held) + " / " + n(mi->second.expected);
      if (plan_cell == "—" && meet_cell == "—") continue;
      t.rows.push_back({std::to_string(++i), names[id], plan_cell, meet_cell});
    }
    if (!t.rows.empty()) f.tables["don_vi_truc_thuoc"] = std::move(t);
  }

  // Year by year, for the 5- and 10-year reviews.
  if (p.years.size() > 1) {
    Table t;
    t.header = {"Năm", "Kế hoạch được duyệt", "Cam kết được duyệt", "Sinh hoạt định kỳ", "Ghi danh người tốt, việc tốt",
                "Tỷ lệ hộ nghèo"};
    t.widths = {1, 2, 2, 2, 2, 1.6};
    t.numeric = {false, true, true, true, true, true};
    for (int y : p.years) {
      if (std::to_string(y) + "-01-01" > today) break;
      auto i = plans::indicators(c, scope, y);
      const auto& s = by_year[y];
      auto rc = register_counts(c, scope, std::to_string(y) + "-01-01", std::to_string(y) + "-12-31");
      auto hv = villages::subtree_figures(c, scope, y, false);
      t.rows.push_back({std::to_string(y), pct_vn(i.plans_accepted, i.units), pct_vn(i.commitments_accepted, i.cadres),
                        pct_vn(s.held, s.expected), n(rc.total), hv.recorded ? pct_vn(hv.poor, hv.households) : "—"});
    }
    f.tables["theo_nam"] = std::move(t);
  }
  return f;
}

// ---- the document
namespace {

bool starts_with(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

std::string strip_prefix(const std::string& name) {
  for (std::string_view p : {"Thành ủy ", "Tỉnh ủy ", "Huyện ủy ", "Thị ủy ", "Quận ủy ", "Đảng bộ xã ", "Đảng bộ phường ",
                             "Đảng bộ thị trấn ", "Đảng ủy xã ", "Đảng ủy phường ", "Đảng bộ ", "Đảng ủy ", "Chi bộ thôn ",
                             "Chi bộ "})
    if (starts_with(name, p)) return name.substr(p.size());
  return name;
}

bool is_committee(const std::string& kind) { return kind == "tinh_uy" || kind == "thanh_uy"; }

std::string issuer_name(const org::Unit& u) {
  // The committee issues the report, not the party organisation: "Đảng bộ xã …" signs as "Đảng ủy xã …".
  if (u.kind == "dang_bo_co_so" && starts_with(u.name, "Đảng bộ ")) return "Đảng ủy " + u.name.substr(std::string("Đảng bộ ").size());
  return u.name;
}

std::string abbreviation(const std::string& kind) {
  if (is_committee(kind)) return "TU";
  if (kind == "dang_bo_co_so") return "ĐU";
  if (kind == "chi_bo") return "CB";
  return "";
}

std::string on_behalf(const org::Unit& u) {
  if (is_committee(u.kind)) return "T/M BAN THƯỜNG VỤ";
  if (u.kind == "dang_bo_co_so") return "T/M ĐẢNG ỦY";
  if (u.kind == "chi_bo") return "T/M CHI BỘ";
  return "T/M " + upper_vn(u.name);
}

}  // namespace

Document compose(db::Connection& c, const org::Unit& u, const Period& p, const Template& t, const Figures& f,
                 const std::string& date, const std::string& tree_date) {
  Document d;
  auto ancestors = org::find_units(c, org::path_ids(u.path));
  if (!tree_date.empty())
    for (auto& a : ancestors) a = org::unit_on(c, a, tree_date);  // the names and kinds of that day
  const org::Unit* parent = nullptr;
  for (const auto& a : ancestors)
    if (a.id == u.parent_id) parent = &a;
  d.superior = parent ? upper_vn(issuer_name(*parent)) : "";
  d.issuer = upper_vn(issuer_name(u));
  std::string abbr = abbreviation(u.kind);
  d.number = "Số       -BC/" + (abbr.empty() ? std::string("…") : abbr);
  // The place: the committee the unit belongs to (itself, or the nearest one above), without its kind.
  std::string place = strip_prefix(u.name);
  if (!is_committee(u.kind) && u.kind != "dang_bo_co_so") {
    for (auto it = ancestors.rbegin(); it != ancestors.rend(); ++it)
      if (it->id != u.id && (is_committee(it->kind) || it->kind == "dang_bo_co_so")) {
        place = strip_prefix(it->name);
        break;
      }
  }
  d.place_date = place + ", " + date_phrase(date);
  d.title = "BÁO CÁO";
  d.subject = fill(t.title, f);
  d.blocks = body_blocks(t, f);
  for (const auto& line : kernel::lines_of(t.recipients)) {
    auto a = line.find_first_not_of(" \t-");
    if (a == std::string::npos) continue;
    d.recipients.push_back("- " + fill(line.substr(a), f));
  }
  d.on_behalf = on_behalf(u);
  d.position = "BÍ THƯ";
  auto signer = c.query_one(
      "SELECT p.full_name FROM memberships m JOIN persons p ON p.id = m.person_id WHERE m.unit_id = $1 AND "
      "m.valid_to IS NULL AND p.active = 1 AND p.position LIKE 'Bí thư%' ORDER BY p.id LIMIT 1",
      {u.id});
  d.signer = signer ? signer->str(0) : "";
  d.meta = std::string(kind_code(p.kind)) + " " + p.code + ", mẫu phiên bản " + std::to_string(t.version);
  return d;
}

Result<Made> make(db::Connection& c, const auth::Principal& who, const Request& r) {
  auto u = org::get_unit(c, who, r.unit_id, auth::Action::kViewReports);
  if (!u) return fail(u.error());
  std::vector<FieldError> errors;
  auto kind = kind_of(r.kind);
  if (!kind) errors.push_back({"kind", "Vui lòng chọn loại báo cáo: 6-thang, nam, 5-nam hoặc 10-nam."});
  if (r.format != "docx" && r.format != "pdf" && r.format != "json")
    errors.push_back({"format", "Định dạng báo cáo là docx, pdf hoặc json."});
  std::string date = r.date.empty() ? kernel::today_iso() : r.date;
  if (!kernel::valid_date(date)) errors.push_back({"date", "Ngày báo cáo không hợp lệ (dạng năm-tháng-ngày)."});
  std::optional<Period> period;
  if (kind) {
    auto p = parse_period(*kind, r.period);
    if (!p) errors.insert(errors.end(), p.error().fields.begin(), p.error().fields.end());
    else period = *p;
  }
  org::Scope scope = org::current_scope(*u);
  if (!r.as_of.empty() || r.continuity) {
    auto s = org::scope_at(c, *u, r.as_of, r.continuity);
    if (!s) errors.insert(errors.end(), s.error().fields.begin(), s.error().fields.end());
    else scope = std::move(*s);
  }
  if (!errors.empty()) return fail(Error::invalid(std::move(errors), "Chưa tạo được báo cáo: vui lòng kiểm tra lại."));
  auto t = current_template(c, *kind);
  if (!t) t = default_template(*kind);
  Made m;
  m.used = *t;
  const org::Unit then = scope.dated() ? org::unit_on(c, *u, scope.as_of) : *u;
  m.figures = gather(c, then, *period, kernel::today_iso(), scope);
  m.document = compose(c, then, *period, *t, m.figures, date, scope.dated() ? scope.as_of : "");
  m.as_of = scope.as_of;
  if (scope.dated()) {
    m.document.meta += ", theo cây tổ chức ngày " + kernel::date_vn(scope.as_of);
    if (r.continuity) m.document.meta += ", nối tiếp số liệu của " + std::to_string(scope.carried.size()) + " đơn vị tiền thân";
  }
  std::string stem = "bao-cao-" + std::string(kind_code(*kind)) + "-" + period->code + "-" + u->code;
  if (r.format == "docx") {
    m.bytes = render_docx(m.document);
    m.content_type = kDocxType;
    m.file_name = stem + ".docx";
  } else if (r.format == "pdf") {
    m.bytes = render_pdf(m.document);
    m.content_type = "application/pdf";
    m.file_name = stem + ".pdf";
  } else {
    m.content_type = "application/json";
    m.file_name = stem + ".json";
  }
  db::in_transaction(c, [&] {
    audit::record(c, who,
                  {"report.generate", "unit", u->id, u->path, nullptr,
                   {{"kind", r.kind}, {"period", period->code}, {"format", r.format}, {"template_version", t->version},
                    {"as_of", scope.as_of}, {"continuity", r.continuity}}});
  });
  return m;
}

nlohmann::json to_json(const Template& t) {
  return {{"id", t.id},           {"kind", kind_code(t.kind)}, {"version", t.version},      {"title", t.title},
          {"body", t.body},       {"recipients", t.recipients}, {"note", t.note},           {"created_at", t.created_at},
          {"created_by", t.created_by}};
}

nlohmann::json to_json(const Figures& f) {
  nlohmann::json tables = nlohmann::json::object();
  for (const auto& [name, t] : f.tables) tables[name] = {{"header", t.header}, {"rows", t.rows}};
  return {{"values", f.values}, {"tables", tables}};
}

}  // namespace ct05::reports
