#include "modules/registry/storage/entry_store.hpp"

#include <algorithm>
#include <map>

#include "kernel/clock.hpp"
#include "kernel/text.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/registry/storage/entry_inbox.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/crypto.hpp"
#include "platform/search/search.hpp"

namespace ct05::registry {

namespace {

constexpr const char* kSelectEntry =
    "SELECT e.id, e.code, e.unit_id, u.name, u.path, COALESCE(pu.path, u.path), e.subject_kind, e.subject_name, e.deed, "
    "e.deed_date, e.place, e.category_id, c.name, e.status, e.source, COALESCE(e.nominator_user_id, 0), e.nominator_name, "
    "e.nominator_contact, e.consent, e.consent_by, COALESCE(e.consent_at, ''), e.commendation, e.decision_no, "
    "COALESCE(e.decision_date, ''), e.reject_reason, COALESCE(e.published_at, ''), e.created_at "
    "FROM register_entries e JOIN units u ON u.id = e.unit_id LEFT JOIN units pu ON pu.id = u.parent_id "
    "JOIN register_categories c ON c.id = e.category_id ";
constexpr const char* kInsertEntry =
    "INSERT INTO register_entries (code, unit_id, subject_kind, subject_name, deed, deed_date, place, category_id, status, "
    "source, nominator_user_id, nominator_name, nominator_contact, consent, consent_by, consent_at, folded, created_at, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'submitted', $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) "
    "RETURNING id";
constexpr const char* kInsertEvent =
    "INSERT INTO register_events (entry_id, action, from_status, to_status, actor, comment, at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7)";
constexpr const char* kInsertFile =
    "INSERT INTO register_files (entry_id, kind, mime, path, thumb_path, sha256, bytes, width, height, original_name, "
    "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
constexpr const char* kSelectFiles =
    "SELECT id, entry_id, bytes, kind, mime, path, thumb_path, original_name, width, height FROM register_files ";
constexpr const char* kSelectReplications =
    "SELECT r.id, r.unit_id, u.name, r.what, r.on_date, r.created_by FROM register_replications r "
    "JOIN units u ON u.id = r.unit_id WHERE r.entry_id = $1 ORDER BY r.on_date, r.id";
// The register is open for a unit when it is open everywhere or the unit lies under a member of an open group.
constexpr const char* kEnabled =
    "SELECT 1 FROM register_groups rg JOIN unit_group_members gm ON gm.group_id = rg.group_id "
    "JOIN units m ON m.id = gm.unit_id WHERE $1 >= m.path AND $1 < substr(m.path, 1, length(m.path) - 1) || '0'";
constexpr const char* kPublicWhere = " WHERE e.status = 'published' AND e.consent = 1";

Entry entry_from(const db::Row& r) {
  Entry e;
  e.id = r.i64(0);
  e.code = r.str(1);
  e.unit_id = r.i64(2);
  e.unit_name = r.str(3);
  e.unit_path = r.str(4);
  e.parent_path = r.str(5);
  e.subject_kind = r.str(6);
  e.subject_name = r.str(7);
  e.deed = r.str(8);
  e.deed_date = r.str(9);
  e.place = r.str(10);
  e.category_id = r.i64(11);
  e.category_name = r.str(12);
  e.status = parse_status(r.str(13)).value_or(Status::kSubmitted);
  e.source = r.str(14);
  e.nominator_user_id = r.i64(15);
  e.nominator_name = r.str(16);
  e.nominator_contact = r.str(17);
  e.consent = r.i64(18) == 1;
  e.consent_by = r.str(19);
  e.consent_at = r.str(20);
  e.commendation = r.str(21);
  e.decision_no = r.str(22);
  e.decision_date = r.str(23);
  e.reject_reason = r.str(24);
  e.published_at = r.str(25);
  e.created_at = r.str(26);
  return e;
}

File file_from(const db::Row& r) {
  File f;
  f.id = r.i64(0);
  f.entry_id = r.i64(1);
  f.bytes = r.i64(2);
  f.kind = r.str(3);
  f.mime = r.str(4);
  f.path = r.str(5);
  f.thumb_path = r.str(6);
  f.original_name = r.str(7);
  f.width = static_cast<int>(r.i64(8));
  f.height = static_cast<int>(r.i64(9));
  return f;
}

void load_details(db::Connection& c, Entry& e) {
  for (const auto& r : c.query(std::string(kSelectFiles) + "WHERE entry_id = $1 ORDER BY id", {e.id})) e.files.push_back(file_from(r));
  for (const auto& r : c.query(kSelectReplications, {e.id}))
    e.replications.push_back(Replication{r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4), r.str(5)});
}

std::optional<Entry> load_one(db::Connection& c, const std::string& where, const db::Params& p) {
  auto r = c.query_one(std::string(kSelectEntry) + where, p);
  if (!r) return std::nullopt;
  Entry e = entry_from(*r);
  load_details(c, e);
  return e;
}

// Short public codes: 8 letters and digits without look-alikes (no 0/o, 1/l/i).
std::string new_code() {
  static constexpr char kAlphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";
  std::string raw = auth::random_token(8);  // 16 hex digits of randomness
  std::string out;
  for (std::size_t i = 0; i + 1 < raw.size() && out.size() < 8; i += 2)
    out += kAlphabet[std::stoi(raw.substr(i, 2), nullptr, 16) % (sizeof(kAlphabet) - 1)];
  return out;
}

nlohmann::json entry_audit(const Entry& e) {
  return {{"status", status_code(e.status)}, {"subject_name", e.subject_name}, {"unit_id", e.unit_id},
          {"consent", e.consent}, {"commendation", e.commendation}};
}

void index_entry(db::Connection& c, const Entry& e) {
  search::put(c, search::Document{"register", e.id, e.unit_path, e.subject_name + " — " + kernel::truncate_utf8(e.deed, 80),
                                  e.place + " " + e.category_name});
}

struct StoredUploads {
  std::vector<files::StoredFile> files;
  std::vector<FieldError> errors;
};
StoredUploads store_uploads(const std::vector<Upload>& uploads, files::FileStore& store) {
  StoredUploads out;
  if (uploads.size() > kMaxFiles) {
    out.errors.push_back({"files", "Chỉ gửi được tối đa " + std::to_string(kMaxFiles) + " tệp minh chứng."});
    return out;
  }
  for (const auto& u : uploads) {
    auto f = store.accept(u.filename, u.data);
    if (!f) {
      for (const auto& fe : f.error().fields) out.errors.push_back(fe);
      if (f.error().fields.empty()) out.errors.push_back({"files", f.error().message});
    } else {
      out.files.push_back(*f);
    }
  }
  return out;
}

Result<Entry> insert_entry(db::Connection& c, const auth::Principal& who, const EntryInput& in, const org::Unit& unit,
                           const std::vector<files::StoredFile>& stored, bool from_public) {
  return db::in_transaction(c, [&]() -> Result<Entry> {
    std::string now = kernel::now_iso();
    std::string nominator = from_public ? *in.nominator_name : who.actor();
    // A member who records consent answers for it with their account. A citizen's tick is only what the
    // nominator says: the unit must confirm it with the person named before it counts (PDPL: consent comes
    // from the data subject).
    bool consent = in.consent && !from_public;
    std::string consent_by = consent ? who.actor() : "";
    std::string folded = kernel::fold(*in.subject_name + " " + *in.deed + " " + in.place.value_or(""));
    // 31^8 codes: a collision is checked for rather than caught (a failed INSERT would abort the transaction
    // on PostgreSQL).
    std::string code = new_code();
    for (int attempt = 0; attempt < 5 && c.query_one("SELECT 1 FROM register_entries WHERE code = $1", {code}); ++attempt)
      code = new_code();
    std::int64_t id =
        c.query_one(kInsertEntry, {code, unit.id, *in.subject_kind, *in.subject_name, *in.deed, *in.deed_date, in.place.value_or(""),
                                   *in.category_id, std::string(from_public ? "public" : "member"),
                                   from_public || who.user_id <= 0 ? db::Value{} : db::Value{who.user_id}, nominator,
                                   in.nominator_contact.value_or(""), std::int64_t{consent ? 1 : 0}, consent_by,
                                   consent ? db::Value{now} : db::Value{}, folded, now, now})
            ->i64(0);
    std::string note = !from_public ? ""
                       : in.consent ? "Đề nghị qua biểu mẫu công khai; người đề nghị cho biết người được ghi danh đồng ý công bố "
                                      "(đơn vị cần xác nhận lại với người được ghi danh)."
                                    : "Đề nghị qua biểu mẫu công khai.";
    c.exec(kInsertEvent, {id, std::string("nominate"), std::string(""), std::string("submitted"), nominator, note, now});
    for (const auto& f : stored)
      c.exec(kInsertFile, {id, f.kind, f.mime, f.path, f.thumb_path, f.sha256, f.bytes, std::int64_t{f.width},
                           std::int64_t{f.height}, f.original_name, now});
    auto e = *find_entry(c, id);
    index_entry(c, e);
    audit::record(c, who, {"register.nominate", "register_entry", id, unit.path, nullptr, entry_audit(e)});
    notify_nominated(c, who, e);
    return e;
  });
}

Result<org::Unit> nomination_unit(db::Connection& c, const EntryInput& in) {
  auto unit = in.unit_id ? org::find_unit(c, *in.unit_id) : std::nullopt;
  if (!unit || !unit->active) return fail(Error::invalid({{"unit_id", "Đơn vị đã chọn không tồn tại hoặc đã ngừng hoạt động."}}));
  if (!enabled_for(c, unit->path))
    return fail(Error::invalid({{"unit_id", "Sổ ghi danh chưa được triển khai ở đơn vị này."}}));
  return *unit;
}

Result<void> check_category(db::Connection& c, const EntryInput& in) {
  if (!c.query_one("SELECT 1 FROM register_categories WHERE id = $1 AND active = 1", {in.category_id.value_or(0)}))
    return fail(Error::invalid({{"category_id", "Lĩnh vực đã chọn không có trong danh mục."}}));
  return {};
}

// Filters of the internal list, as SQL and parameters after the subtree bounds ($1, $2).
std::string list_where(const ListQuery& q, db::Params& p) {
  std::string w = " WHERE u.path >= $1 AND u.path < $2";
  if (!q.status.empty()) {
    p.push_back(q.status);
    w += " AND e.status = $" + std::to_string(p.size());
  }
  if (q.category_id > 0) {
    p.push_back(q.category_id);
    w += " AND e.category_id = $" + std::to_string(p.size());
  }
  for (const auto& t : kernel::fold_tokens(q.q)) {
    p.push_back("%" + t + "%");
    w += " AND e.folded LIKE $" + std::to_string(p.size());
  }
  return w;
}

std::string public_where(const PublicQuery& q, db::Params& p) {
  std::string w = kPublicWhere;
  if (q.unit_id > 0) {
    p.push_back(q.unit_id);
    w += " AND u.path >= (SELECT path FROM units WHERE id = $" + std::to_string(p.size()) +
         ") AND u.path < (SELECT substr(path, 1, length(path) - 1) || '0' FROM units WHERE id = $" + std::to_string(p.size()) + ")";
  }
  if (q.category_id > 0) {
    p.push_back(q.category_id);
    w += " AND e.category_id = $" + std::to_string(p.size());
  }
  if (q.year > 0) {
    p.push_back(std::to_string(q.year) + "-01-01");
    w += " AND e.deed_date >= $" + std::to_string(p.size());
    p.push_back(std::to_string(q.year + 1) + "-01-01");
    w += " AND e.deed_date < $" + std::to_string(p.size());
  }
  for (const auto& t : kernel::fold_tokens(q.q)) {
    p.push_back("%" + t + "%");
    w += " AND e.folded LIKE $" + std::to_string(p.size());
  }
  return w;
}

}  // namespace

Result<void> may_manage(const auth::Principal& who) { return auth::authorize_any(who, auth::Action::kManageRegister); }

// ---------------------------------------------------------------- catalogue and openness
std::vector<Category> categories(db::Connection& c, bool active_only) {
  std::vector<Category> out;
  std::string sql = "SELECT id, code, name, active FROM register_categories";
  if (active_only) sql += " WHERE active = 1";
  for (const auto& r : c.query(sql + " ORDER BY position, id")) out.push_back(Category{r.i64(0), r.str(1), r.str(2), r.i64(3) == 1});
  return out;
}

Result<Category> create_category(db::Connection& c, const auth::Principal& who, const std::string& name) {
  if (auto ok = may_manage(who); !ok) return fail(ok.error());
  if (name.empty()) return fail(Error::invalid({{"name", "Vui lòng nhập tên lĩnh vực."}}));
  if (name.size() > 120 || !kernel::valid_utf8(name)) return fail(Error::invalid({{"name", "Tên lĩnh vực quá dài (tối đa 120 ký tự)."}}));
  std::string code;
  for (const auto& t : kernel::fold_tokens(name)) code += (code.empty() ? "" : "_") + t;
  if (code.empty()) return fail(Error::invalid({{"name", "Tên lĩnh vực cần có chữ."}}));
  if (c.query_one("SELECT 1 FROM register_categories WHERE code = $1", {code}))
    return fail(Error::conflict("Lĩnh vực “" + name + "” đã có trong danh mục."));
  return db::in_transaction(c, [&]() -> Result<Category> {
    auto pos = c.scalar("SELECT COALESCE(MAX(position), 0) + 1 FROM register_categories");
    auto id = c.query_one("INSERT INTO register_categories (code, name, position, active, created_at) VALUES ($1, $2, $3, 1, $4) "
                          "RETURNING id",
                          {code, name, pos, kernel::now_iso()})
                  ->i64(0);
    audit::record(c, who, {"register.category_create", "register_category", id, "/", nullptr, {{"code", code}, {"name", name}}});
    return Category{id, code, name, true};
  });
}

Result<void> set_category_active(db::Connection& c, const auth::Principal& who, std::int64_t id, bool active) {
  if (auto ok = may_manage(who); !ok) return fail(ok.error());
  if (!c.query_one("SELECT 1 FROM register_categories WHERE id = $1", {id})) return fail(Error::not_found("Không tìm thấy lĩnh vực."));
  return db::in_transaction(c, [&]() -> Result<void> {
    c.exec("UPDATE register_categories SET active = $1 WHERE id = $2", {std::int64_t{active ? 1 : 0}, id});
    audit::record(c, who, {"register.category_active", "register_category", id, "/", nullptr, {{"active", active}}});
    return {};
  });
}

bool open_everywhere(db::Connection& c) { return c.scalar("SELECT everyone FROM register_settings WHERE id = 1") == 1; }

std::vector<GroupSetting> group_settings(db::Connection& c) {
  std::vector<GroupSetting> out;
  for (const auto& r : c.query("SELECT g.id, g.code, g.name, (SELECT COUNT(*) FROM unit_group_members m WHERE m.group_id = g.id), "
                               "CASE WHEN rg.group_id IS NULL THEN 0 ELSE 1 END FROM unit_groups g "
                               "LEFT JOIN register_groups rg ON rg.group_id = g.id ORDER BY g.name, g.id"))
    out.push_back(GroupSetting{r.i64(0), r.str(1), r.str(2), r.i64(3), r.i64(4) == 1});
  return out;
}

Result<void> set_openness(db::Connection& c, const auth::Principal& who, bool everyone, const std::vector<std::int64_t>& group_ids) {
  if (auto ok = may_manage(who); !ok) return fail(ok.error());
  for (auto g : group_ids)
    if (!c.query_one("SELECT 1 FROM unit_groups WHERE id = $1", {g}))
      return fail(Error::invalid({{"groups", "Nhóm đơn vị đã chọn không tồn tại."}}));
  return db::in_transaction(c, [&]() -> Result<void> {
    std::string now = kernel::now_iso();
    nlohmann::json before{{"everyone", open_everywhere(c)}};
    if (c.exec("UPDATE register_settings SET everyone = $1, updated_at = $2 WHERE id = 1", {std::int64_t{everyone ? 1 : 0}, now}) == 0)
      c.exec("INSERT INTO register_settings (id, everyone, updated_at) VALUES (1, $1, $2)", {std::int64_t{everyone ? 1 : 0}, now});
    c.exec("DELETE FROM register_groups");
    for (auto g : group_ids) c.exec("INSERT INTO register_groups (group_id, enabled_at) VALUES ($1, $2)", {g, now});
    audit::record(c, who, {"register.openness", "register", 0, "/", before, {{"everyone", everyone}, {"groups", group_ids}}});
    return {};
  });
}

bool enabled_for(db::Connection& c, const std::string& unit_path) {
  return open_everywhere(c) || c.query_one(kEnabled, {unit_path}).has_value();
}

std::vector<UnitChoice> nomination_units(db::Connection& c, const auth::Principal* who, int limit) {
  std::vector<UnitChoice> out;
  std::string sql = "SELECT u.id, u.name, u.path FROM units u WHERE u.active = 1";
  if (!open_everywhere(c))
    sql += " AND EXISTS (SELECT 1 FROM register_groups rg JOIN unit_group_members gm ON gm.group_id = rg.group_id "
           "JOIN units m ON m.id = gm.unit_id WHERE u.path >= m.path AND u.path < substr(m.path, 1, length(m.path) - 1) || '0')";
  sql += " ORDER BY u.sort_name, u.id";
  for (const auto& r : c.query(sql)) {
    if (who && !auth::authorize(*who, auth::Action::kNominate, {r.str(2)})) continue;
    out.push_back(UnitChoice{r.i64(0), r.str(1)});
    if (static_cast<int>(out.size()) >= limit) break;
  }
  return out;
}

// ---------------------------------------------------------------- entries
std::optional<Entry> find_entry(db::Connection& c, std::int64_t id) { return load_one(c, "WHERE e.id = $1", {id}); }
std::optional<Entry> find_entry_by_code(db::Connection& c, const std::string& code) {
  return load_one(c, "WHERE e.code = $1", {code});
}

Result<Entry> nominate(db::Connection& c, const auth::Principal& who, const EntryInput& in, const std::vector<Upload>& uploads,
                       files::FileStore& store) {
  auto target = in.unit_id ? org::find_unit(c, *in.unit_id) : std::nullopt;
  if (target) {
    if (auto ok = auth::authorize(who, auth::Action::kNominate, {target->path}); !ok) return fail(ok.error());
  } else if (!who.authenticated()) {
    return fail(Error::unauthenticated());
  }
  auto errs = validate(in, false, kernel::today_iso());
  if (!errs.empty()) return fail(Error::invalid(std::move(errs)));
  auto unit = nomination_unit(c, in);
  if (!unit) return fail(unit.error());
  if (auto ok = check_category(c, in); !ok) return fail(ok.error());
  auto stored = store_uploads(uploads, store);
  if (!stored.errors.empty()) return fail(Error::invalid(std::move(stored.errors)));
  return insert_entry(c, who, in, *unit, stored.files, false);
}

bool public_throttled(db::Connection& c, const std::string& ip) {
  auto since = kernel::format_iso(kernel::now_seconds() - 3600);
  return c.scalar("SELECT COUNT(*) FROM register_public_attempts WHERE ip = $1 AND at >= $2", {ip, since}) >= kPublicPerHour;
}

void record_public_attempt(db::Connection& c, const std::string& ip) {
  auto now = kernel::now_seconds();
  c.exec("INSERT INTO register_public_attempts (ip, at) VALUES ($1, $2)", {ip, kernel::format_iso(now)});
  c.exec("DELETE FROM register_public_attempts WHERE at < $1", {kernel::format_iso(now - 86400)});
}

Result<Entry> nominate_public(db::Connection& c, const EntryInput& in, const std::vector<Upload>& uploads, files::FileStore& store,
                              const std::string& ip) {
  if (public_throttled(c, ip))
    return fail(Error{ErrorCode::kTooManyRequests,
                      "Địa chỉ của bạn đã gửi nhiều đề nghị trong một giờ qua. Vui lòng thử lại sau hoặc liên hệ trực tiếp đơn vị.",
                      {},
                      {}});
  auto errs = validate(in, true, kernel::today_iso());
  if (!errs.empty()) return fail(Error::invalid(std::move(errs)));
  auto unit = nomination_unit(c, in);
  if (!unit) return fail(unit.error());
  if (auto ok = check_category(c, in); !ok) return fail(ok.error());
  auto stored = store_uploads(uploads, store);
  if (!stored.errors.empty()) return fail(Error::invalid(std::move(stored.errors)));
  record_public_attempt(c, ip);
  auth::Principal citizen;
  citizen.user_id = 0;
  citizen.login = "cong_dan";
  citizen.display_name = "Công dân (biểu mẫu công khai)";
  return insert_entry(c, citizen, in, *unit, stored.files, true);
}

bool can_step(const auth::Principal& who, const Entry& e, Step step) {
  if (unit_step(e.status, step)) return auth::authorize(who, auth::Action::kVerifyEntry, {e.unit_path}).has_value();
  return auth::authorize(who, auth::Action::kReviewEntry, {e.parent_path}).has_value();
}

bool can_record_consent(const auth::Principal& who, const Entry& e) {
  return auth::authorize(who, auth::Action::kVerifyEntry, {e.unit_path}).has_value() ||
         auth::authorize(who, auth::Action::kReviewEntry, {e.parent_path}).has_value();
}

Result<Entry> get_entry(db::Connection& c, const auth::Principal& who, std::int64_t id) {
  auto e = find_entry(c, id);
  if (!e) return fail(Error::not_found("Không tìm thấy mục ghi danh."));
  if (auth::authorize(who, auth::Action::kViewRegister, {e->unit_path})) return *e;
  if (can_record_consent(who, *e)) return *e;
  if (who.authenticated() && e->is_public()) return *e;
  if (auto ok = auth::authorize(who, auth::Action::kViewRegister, {e->unit_path}); !ok) return fail(ok.error());
  return *e;
}

std::vector<Event> events(db::Connection& c, std::int64_t entry_id) {
  std::vector<Event> out;
  for (const auto& r : c.query("SELECT action, from_status, to_status, actor, comment, at FROM register_events WHERE entry_id = $1 "
                               "ORDER BY id",
                               {entry_id}))
    out.push_back(Event{r.str(0), r.str(1), r.str(2), r.str(3), r.str(4), r.str(5)});
  return out;
}

Result<Entry> take_step(db::Connection& c, const auth::Principal& who, std::int64_t id, Step step, const StepInput& in) {
  auto e = find_entry(c, id);
  if (!e) return fail(Error::not_found("Không tìm thấy mục ghi danh."));
  if (!can_step(who, *e, step)) {
    if (auto ok = get_entry(c, who, id); !ok) return fail(ok.error());
    return fail(Error::forbidden(unit_step(e->status, step) ? "Chỉ đơn vị phụ trách nơi có việc tốt mới xác minh được."
                                                           : "Chỉ cấp ủy cấp trên mới phê duyệt, khen thưởng, công bố được."));
  }
  auto next = next_status(e->status, step);
  if (!next) return fail(next.error());
  if (step == Step::kPublish && !e->consent)
    return fail(Error::conflict("Chưa thể công bố: chưa ghi nhận sự đồng ý công bố của người (tập thể) được ghi danh."));
  if (auto errs = validate(step, in); !errs.empty()) return fail(Error::invalid(std::move(errs)));
  return db::in_transaction(c, [&]() -> Result<Entry> {
    std::string now = kernel::now_iso();
    c.exec("UPDATE register_entries SET status = $1, updated_at = $2 WHERE id = $3",
           {std::string(status_code(*next)), now, id});
    if (step == Step::kReject) c.exec("UPDATE register_entries SET reject_reason = $1 WHERE id = $2", {in.comment, id});
    if (step == Step::kCommend)
      c.exec("UPDATE register_entries SET commendation = $1, decision_no = $2, decision_date = $3 WHERE id = $4",
             {in.commendation, in.decision_no, in.decision_date.empty() ? db::Value{} : db::Value{in.decision_date}, id});
    if (step == Step::kPublish) c.exec("UPDATE register_entries SET published_at = $1 WHERE id = $2", {now, id});
    std::string comment = in.comment;
    if (step == Step::kCommend) {
      comment = std::string(commendation_label(in.commendation)) +
                (in.decision_no.empty() ? "" : ", quyết định số " + in.decision_no) +
                (in.decision_date.empty() ? "" : " ngày " + kernel::date_vn(in.decision_date)) + (comment.empty() ? "" : ". " + comment);
    }
    c.exec(kInsertEvent, {id, std::string(step_code(step)), std::string(status_code(e->status)), std::string(status_code(*next)),
                          who.actor(), comment, now});
    auto after = *find_entry(c, id);
    audit::record(c, who, {"register." + std::string(step_code(step)), "register_entry", id, e->unit_path, entry_audit(*e),
                           entry_audit(after)});
    notify_step(c, who, *e, step, in);
    return after;
  });
}

Result<Entry> set_consent(db::Connection& c, const auth::Principal& who, std::int64_t id, bool given, const std::string& note) {
  auto e = find_entry(c, id);
  if (!e) return fail(Error::not_found("Không tìm thấy mục ghi danh."));
  if (!can_record_consent(who, *e)) {
    if (auto ok = get_entry(c, who, id); !ok) return fail(ok.error());
    return fail(Error::forbidden("Chỉ đơn vị phụ trách hoặc cấp ủy cấp trên mới ghi nhận sự đồng ý công bố."));
  }
  if (e->consent == given)
    return fail(Error::conflict(given ? "Sự đồng ý công bố đã được ghi nhận từ trước." : "Mục này chưa có sự đồng ý công bố."));
  if (note.size() > 500) return fail(Error::invalid({{"note", "Ghi chú quá dài (tối đa 500 ký tự)."}}));
  return db::in_transaction(c, [&]() -> Result<Entry> {
    std::string now = kernel::now_iso();
    std::string by = who.actor() + (note.empty() ? "" : " (" + note + ")");
    c.exec("UPDATE register_entries SET consent = $1, consent_by = $2, consent_at = $3, updated_at = $4 WHERE id = $5",
           {std::int64_t{given ? 1 : 0}, by, now, now, id});
    std::string st(status_code(e->status));
    c.exec(kInsertEvent, {id, std::string(given ? "consent" : "consent_withdrawn"), st, st, who.actor(), note, now});
    if (!given && e->status == Status::kPublished) {
      c.exec("UPDATE register_entries SET status = 'unpublished' WHERE id = $1", {id});
      c.exec(kInsertEvent, {id, std::string("unpublish"), st, std::string("unpublished"), who.actor(),
                            std::string("Gỡ công bố ngay khi rút lại sự đồng ý."), now});
    }
    auto after = *find_entry(c, id);
    audit::record(c, who, {given ? "register.consent" : "register.consent_withdrawn", "register_entry", id, e->unit_path,
                           entry_audit(*e), entry_audit(after)});
    return after;
  });
}

Result<Entry> add_replication(db::Connection& c, const auth::Principal& who, std::int64_t id, std::int64_t unit_id,
                              const std::string& what, const std::string& on_date) {
  auto e = get_entry(c, who, id);
  if (!e) return e;
  auto unit = org::find_unit(c, unit_id);
  if (!unit) return fail(Error::invalid({{"unit_id", "Vui lòng chọn đơn vị nhân rộng."}}));
  if (auto ok = auth::authorize(who, auth::Action::kVerifyEntry, {unit->path}); !ok) return fail(ok.error());
  if (e->status != Status::kApproved && e->status != Status::kCommended && e->status != Status::kPublished)
    return fail(Error::conflict("Chỉ nhân rộng được điển hình đã được phê duyệt."));
  std::vector<FieldError> errs;
  if (unit_id == e->unit_id) errs.push_back({"unit_id", "Nhân rộng là việc của một đơn vị khác với nơi có điển hình."});
  if (what.empty()) errs.push_back({"what", "Vui lòng cho biết đơn vị đã làm gì để nhân rộng."});
  else if (what.size() > 2000 || !kernel::valid_utf8(what)) errs.push_back({"what", "Nội dung quá dài (tối đa 2000 ký tự)."});
  std::string date = on_date.empty() ? kernel::today_iso() : on_date;
  if (!kernel::valid_date(date)) errs.push_back({"on_date", "Ngày không hợp lệ (dạng năm-tháng-ngày)."});
  if (!errs.empty()) return fail(Error::invalid(std::move(errs)));
  return db::in_transaction(c, [&]() -> Result<Entry> {
    std::string now = kernel::now_iso();
    auto rid = c.query_one("INSERT INTO register_replications (entry_id, unit_id, what, on_date, created_by, created_at) "
                           "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                           {id, unit_id, what, date, who.actor(), now})
                   ->i64(0);
    std::string st(status_code(e->status));
    c.exec(kInsertEvent, {id, std::string("replicate"), st, st, who.actor(), unit->name + ": " + what, now});
    audit::record(c, who, {"register.replicate", "register_entry", id, unit->path, nullptr,
                           {{"replication_id", rid}, {"unit_id", unit_id}, {"what", what}}});
    return *find_entry(c, id);
  });
}

std::vector<Entry> list_entries(db::Connection& c, const std::string& path, const ListQuery& q, int limit, int offset) {
  db::Params p{path, db::subtree_end(path)};
  std::string sql = std::string(kSelectEntry) + list_where(q, p);
  p.push_back(std::int64_t{limit});
  sql += " ORDER BY e.created_at DESC, e.id DESC LIMIT $" + std::to_string(p.size());
  p.push_back(std::int64_t{offset});
  sql += " OFFSET $" + std::to_string(p.size());
  std::vector<Entry> out;
  for (const auto& r : c.query(sql, p)) out.push_back(entry_from(r));
  return out;
}

std::int64_t count_entries(db::Connection& c, const std::string& path, const ListQuery& q) {
  db::Params p{path, db::subtree_end(path)};
  std::string sql = "SELECT COUNT(*) FROM register_entries e JOIN units u ON u.id = e.unit_id" + list_where(q, p);
  return c.scalar(sql, p);
}

std::vector<Entry> public_entries(db::Connection& c, const PublicQuery& q, int limit, int offset) {
  db::Params p;
  std::string sql = std::string(kSelectEntry) + public_where(q, p);
  p.push_back(std::int64_t{limit});
  sql += " ORDER BY e.deed_date DESC, e.id DESC LIMIT $" + std::to_string(p.size());
  p.push_back(std::int64_t{offset});
  sql += " OFFSET $" + std::to_string(p.size());
  std::vector<Entry> out;
  for (const auto& r : c.query(sql, p)) out.push_back(entry_from(r));
  if (out.empty()) return out;
  // The first image of each entry on the page, for its thumbnail: one query for the page.
  db::Params ids;
  for (const auto& e : out) ids.push_back(e.id);
  std::map<std::int64_t, File> first;
  for (const auto& f : c.query(std::string(kSelectFiles) + "WHERE kind = 'image' AND entry_id IN " + db::placeholders(ids.size()) +
                                   " ORDER BY id",
                               ids))
    first.emplace(f.i64(1), file_from(f));  // keeps the lowest id of each entry
  for (auto& e : out)
    if (auto it = first.find(e.id); it != first.end()) e.files.push_back(it->second);
  return out;
}

std::int64_t count_public_entries(db::Connection& c, const PublicQuery& q) {
  db::Params p;
  std::string sql = "SELECT COUNT(*) FROM register_entries e JOIN units u ON u.id = e.unit_id" + public_where(q, p);
  return c.scalar(sql, p);
}

std::optional<File> find_file(db::Connection& c, std::int64_t file_id) {
  auto r = c.query_one(std::string(kSelectFiles) + "WHERE id = $1", {file_id});
  if (!r) return std::nullopt;
  return file_from(*r);
}

Stats stats(db::Connection& c, std::int64_t unit_id, const std::string& path) {
  Stats s;
  db::Params p{path, db::subtree_end(path)};
  const std::string from = " FROM register_entries e JOIN units u ON u.id = e.unit_id ";
  const std::string in_subtree = " WHERE u.path >= $1 AND u.path < $2 ";
  for (const auto& r : c.query("SELECT e.status, COUNT(*)" + from + in_subtree + "GROUP BY e.status", p)) {
    s.by_status.emplace_back(r.str(0), r.i64(1));
    s.total += r.i64(1);
  }
  for (const auto& r : c.query("SELECT c.name, COUNT(*)" + from + "JOIN register_categories c ON c.id = e.category_id" + in_subtree +
                                   "GROUP BY c.name, c.position ORDER BY c.position",
                               p))
    s.by_category.emplace_back(r.str(0), r.i64(1));
  for (const auto& r : c.query("SELECT substr(e.deed_date, 1, 7), COUNT(*)" + from + in_subtree +
                                   "GROUP BY substr(e.deed_date, 1, 7) ORDER BY substr(e.deed_date, 1, 7) DESC LIMIT 12",
                               p))
    s.by_month.emplace_back(r.str(0), r.i64(1));
  std::reverse(s.by_month.begin(), s.by_month.end());
  for (const auto& r : c.query("SELECT ch.id, ch.name, COUNT(e.id), COALESCE(SUM(CASE WHEN e.status = 'published' THEN 1 ELSE 0 END), 0) "
                               "FROM units ch JOIN units x ON x.path >= ch.path AND x.path < substr(ch.path, 1, length(ch.path) - 1) || '0' "
                               "JOIN register_entries e ON e.unit_id = x.id WHERE ch.parent_id = $1 "
                               "GROUP BY ch.id, ch.name, ch.sort_name ORDER BY ch.sort_name, ch.id",
                               {unit_id}))
    s.by_child.push_back(Stats::Child{r.i64(0), r.str(1), r.i64(2), r.i64(3)});
  return s;
}

std::pair<std::int64_t, std::int64_t> count_in_subtree(db::Connection& c, const std::string& path) {
  auto r = c.query_one("SELECT COUNT(*), COALESCE(SUM(CASE WHEN e.status = 'published' THEN 1 ELSE 0 END), 0) "
                       "FROM register_entries e JOIN units u ON u.id = e.unit_id WHERE u.path >= $1 AND u.path < $2",
                       {path, db::subtree_end(path)});
  return {r->i64(0), r->i64(1)};
}

nlohmann::json to_json(const Entry& e, bool internal, bool with_contact) {
  nlohmann::json files = nlohmann::json::array();
  for (const auto& f : e.files)
    files.push_back({{"id", f.id},
                     {"kind", f.kind},
                     {"url", "/register/files/" + std::to_string(f.id)},
                     {"thumbnail_url", f.kind == "image" ? nlohmann::json("/register/files/" + std::to_string(f.id) + "/thumb")
                                                         : nlohmann::json()},
                     {"bytes", f.bytes}});
  nlohmann::json reps = nlohmann::json::array();
  for (const auto& r : e.replications)
    reps.push_back({{"unit_id", r.unit_id}, {"unit_name", r.unit_name}, {"what", r.what}, {"on_date", r.on_date}});
  nlohmann::json j{{"id", e.id},
                   {"url", "/r/" + e.code},
                   {"unit_id", e.unit_id},
                   {"unit_name", e.unit_name},
                   {"subject_kind", e.subject_kind},
                   {"subject_name", e.subject_name},
                   {"deed", e.deed},
                   {"deed_date", e.deed_date},
                   {"place", e.place},
                   {"category_id", e.category_id},
                   {"category", e.category_name},
                   {"commendation", e.commendation},
                   {"commendation_label", commendation_label(e.commendation)},
                   {"decision_no", e.decision_no},
                   {"decision_date", e.decision_date.empty() ? nlohmann::json() : nlohmann::json(e.decision_date)},
                   {"files", files},
                   {"replications", reps}};
  if (internal) {
    j["status"] = status_code(e.status);
    j["status_label"] = status_label(e.status);
    j["source"] = e.source;
    j["nominator_name"] = e.nominator_name;
    if (with_contact) j["nominator_contact"] = e.nominator_contact;
    j["consent"] = e.consent;
    j["consent_by"] = e.consent_by;
    j["consent_at"] = e.consent_at.empty() ? nlohmann::json() : nlohmann::json(e.consent_at);
    j["reject_reason"] = e.reject_reason;
    nlohmann::json next = nlohmann::json::array();
    for (auto s : next_steps(e.status)) next.push_back(step_code(s));
    j["next_steps"] = next;
    j["internal_url"] = "/register/entries/" + std::to_string(e.id);
  }
  return j;
}

void log_contact_read(db::Connection& c, const auth::Principal& who, const std::vector<const Entry*>& shown, const std::string& via) {
  for (const Entry* e : shown) {
    if (e->nominator_contact.empty()) continue;
    audit::record_read(c, who, {"register.read", "register_entry", e->id, e->unit_path, nullptr,
                                {{"shown", {"nominator_contact"}}, {"via", via}}});
  }
}

}  // namespace ct05::registry
