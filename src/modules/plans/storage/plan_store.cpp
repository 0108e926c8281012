#include "modules/plans/storage/plan_store.hpp"

#include "kernel/clock.hpp"
#include "kernel/text.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/people/storage/person_store.hpp"
#include "modules/plans/storage/plan_inbox.hpp"
#include "modules/plans/storage/sql_rules.hpp"
#include "modules/plans/storage/tallies.hpp"
#include "modules/plans/storage/year_review.hpp"
#include "platform/audit/audit.hpp"

namespace ct05::plans {

namespace {


constexpr const char* kSelectYear = "SELECT year, theme, study_topic FROM years WHERE year = $1";
constexpr const char* kSelectYears = "SELECT year, theme, study_topic FROM years ORDER BY year DESC";
constexpr const char* kLatestThemedYear = "SELECT MAX(year) FROM years WHERE theme <> ''";
constexpr const char* kUpsertYearUpdate = "UPDATE years SET theme = $1, study_topic = $2, updated_at = $3 WHERE year = $4";
constexpr const char* kInsertYear = "INSERT INTO years (year, theme, study_topic, updated_at) VALUES ($1, $2, $3, $4)";

constexpr const char* kSelectPlan =
    "SELECT pl.id, pl.owner_kind, pl.unit_id, u.name, u.path, COALESCE(pu.id, 0), COALESCE(pu.path, ''), "
    "COALESCE(pl.person_id, 0), COALESCE(pe.full_name, ''), pl.year, pl.status, pl.comment, "
    "COALESCE(pl.submitted_at, ''), COALESCE(pl.reviewed_at, ''), pl.reviewed_by "
    "FROM plans pl JOIN units u ON u.id = pl.unit_id LEFT JOIN units pu ON pu.id = u.parent_id "
    "LEFT JOIN persons pe ON pe.id = pl.person_id ";
constexpr const char* kWhereId = "WHERE pl.id = $1";
constexpr const char* kWhereUnitYear = "WHERE pl.unit_id = $1 AND pl.person_id IS NULL AND pl.year = $2";
constexpr const char* kWherePersonYear = "WHERE pl.person_id = $1 AND pl.year = $2";
constexpr const char* kSelectItems =
    "SELECT id, position, content, responsible, COALESCE(due_date, ''), evidence, status FROM plan_items "
    "WHERE plan_id = $1 ORDER BY position, id";
constexpr const char* kInsertPlan =
    "INSERT INTO plans (owner_kind, unit_id, person_id, year, status, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, 'draft', $5, $6) RETURNING id";
constexpr const char* kInsertItem =
    "INSERT INTO plan_items (plan_id, position, content, responsible, due_date, evidence, status) "
    "VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM plan_items WHERE plan_id = $2), $3, $4, $5, $6, $7)";
constexpr const char* kUpdateItem =
    "UPDATE plan_items SET content = $1, responsible = $2, due_date = $3, evidence = $4, status = $5 "
    "WHERE id = $6 AND plan_id = $7";
constexpr const char* kDeleteItem = "DELETE FROM plan_items WHERE id = $1 AND plan_id = $2";
constexpr const char* kDeleteItems = "DELETE FROM plan_items WHERE plan_id = $1";
constexpr const char* kTouchPlan = "UPDATE plans SET updated_at = $1 WHERE id = $2";
constexpr const char* kSetStatus =
    "UPDATE plans SET status = $1, comment = $2, submitted_at = COALESCE($3, submitted_at), "
    "reviewed_at = COALESCE($4, reviewed_at), reviewed_by = $5, updated_at = $6, "
    "submitted_by = COALESCE($8, submitted_by) WHERE id = $7";
constexpr const char* kInsertEvent =
    "INSERT INTO plan_events (plan_id, action, from_status, to_status, actor, comment, at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7)";
constexpr const char* kSelectEvents =
    "SELECT action, from_status, to_status, actor, comment, at FROM plan_events WHERE plan_id = $1 ORDER BY id";

constexpr const char* kSelectIssue =
    "SELECT i.id, i.unit_id, u.path, i.year, i.title, i.description, i.status, COALESCE(i.resolved_on, ''), i.note "
    "FROM pressing_issues i JOIN units u ON u.id = i.unit_id ";
constexpr const char* kInsertIssue =
    "INSERT INTO pressing_issues (unit_id, year, title, description, status, resolved_on, note, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
constexpr const char* kUpdateIssue =
    "UPDATE pressing_issues SET title = $1, description = $2, status = $3, resolved_on = $4, note = $5, updated_at = $6 "
    "WHERE id = $7";

constexpr const char* kSelectMissing =
    "SELECT u.id, u.name, u.code, COALESCE(pl.status, '') FROM units u LEFT JOIN plans pl ON pl.unit_id = u.id "
    "AND pl.person_id IS NULL AND pl.year = $2 WHERE u.path >= $1 AND u.path < $3 AND u.active = 1 AND u.kind IN " CT05_PLAN_KINDS
    " AND (pl.status IS NULL OR pl.status <> 'accepted') ORDER BY u.sort_name, u.id LIMIT $4 OFFSET $5";
// Each active direct child with its subtree tallies (units that must have a plan: those started by the year, summed
// over the rows up to it; year $2: accepted).
constexpr const char* kCoverageByChild =
    "SELECT ch.id, ch.name, COALESCE((SELECT SUM(t0.required) FROM unit_tallies t0 WHERE t0.unit_id = ch.id AND t0.year <= $2), 0), "
    "COALESCE(ty.plans, 0) FROM units ch "
    "LEFT JOIN unit_tallies ty ON ty.unit_id = ch.id AND ty.year = $2 "
    "WHERE ch.parent_id = $1 AND ch.active = 1 ORDER BY ch.sort_name, ch.id";
constexpr const char* kSelectUnitCommitments =
    "SELECT p.id, p.full_name, COALESCE(pl.status, '') FROM memberships m JOIN persons p ON p.id = m.person_id "
    "LEFT JOIN plans pl ON pl.person_id = p.id AND pl.year = $2 WHERE m.unit_id = $1 AND m.valid_to IS NULL "
    "AND p.active = 1 AND " CT05_CADRE " ORDER BY p.sort_name, p.id";

Plan plan_from(const db::Row& r) {
  Plan p;
  p.id = r.i64(0);
  p.owner = r.str(1) == "person" ? OwnerKind::kPerson : OwnerKind::kUnit;
  p.unit_id = r.i64(2);
  p.unit_name = r.str(3);
  p.unit_path = r.str(4);
  p.parent_id = r.i64(5);
  p.parent_path = r.str(6);
  p.person_id = r.i64(7);
  p.person_name = r.str(8);
  p.year = static_cast<int>(r.i64(9));
  p.status = parse_status(r.str(10)).value_or(Status::kDraft);
  p.comment = r.str(11);
  p.submitted_at = r.str(12);
  p.reviewed_at = r.str(13);
  p.reviewed_by = r.str(14);
  return p;
}

std::optional<Plan> load(db::Connection& c, const char* where, const db::Params& params) {
  std::string sql = kSelectPlan;
  sql += where;
  auto r = c.query_one(sql, params);
  if (!r) return std::nullopt;
  Plan p = plan_from(*r);
  for (const auto& it : c.query(kSelectItems, {p.id}))
    p.items.push_back(Item{it.i64(0), static_cast<int>(it.i64(1)), it.str(2), it.str(3), it.str(4), it.str(5), it.str(6)});
  return p;
}

Issue issue_from(const db::Row& r) {
  return Issue{r.i64(0), r.i64(1), r.str(2), static_cast<int>(r.i64(3)), r.str(4), r.str(5), r.str(6), r.str(7), r.str(8)};
}

db::Value opt_text(const std::string& s) { return s.empty() ? db::Value{} : db::Value{s}; }

Result<Plan> editable_plan(db::Connection& c, const auth::Principal& who, std::int64_t plan_id) {
  auto p = find_plan(c, plan_id);
  if (!p) return fail(Error::not_found("Không tìm thấy kế hoạch."));
  if (!can_edit(who, *p)) {
    if (auto ok = auth::authorize(who, auth::Action::kViewPlan, {p->unit_path, p->person_id}); !ok) return fail(ok.error());
    return fail(Error::forbidden("Bạn không được sửa kế hoạch, cam kết này."));
  }
  if (auto open = check_open(c, p->unit_id, p->year); !open) return fail(open.error());
  if (!editable(p->status))
    return fail(Error::conflict("Kế hoạch đang chờ duyệt hoặc đã được chấp thuận nên không sửa được nội dung."));
  return *p;
}

std::string owner_entity(const Plan& p) { return p.owner == OwnerKind::kPerson ? "commitment" : "plan"; }

}  // namespace

// ---------------------------------------------------------------- years
std::optional<Year> find_year(db::Connection& c, int year) {
  auto r = c.query_one(kSelectYear, {std::int64_t{year}});
  if (!r) return std::nullopt;
  return Year{static_cast<int>(r->i64(0)), r->str(1), r->str(2)};
}

std::vector<Year> list_years(db::Connection& c) {
  std::vector<Year> out;
  for (const auto& r : c.query(kSelectYears)) out.push_back(Year{static_cast<int>(r.i64(0)), r.str(1), r.str(2)});
  return out;
}

int default_year(db::Connection& c) {
  auto y = c.scalar(kLatestThemedYear);
  return y ? static_cast<int>(y) : std::stoi(kernel::today_iso().substr(0, 4));
}

Result<Year> set_year(db::Connection& c, const auth::Principal& who, const Year& y) {
  if (auto ok = auth::authorize_any(who, auth::Action::kManageYears); !ok) return fail(ok.error());
  std::vector<FieldError> errs;
  if (!valid_year(y.year)) errs.push_back({"year", "Năm phải trong khoảng 2016–2100."});
  if (y.theme.size() > 1000) errs.push_back({"theme", "Nội dung đột phá quá dài (tối đa 1000 ký tự)."});
  if (y.study_topic.size() > 1000) errs.push_back({"study_topic", "Chuyên đề quá dài (tối đa 1000 ký tự)."});
  if (!errs.empty()) return fail(Error::invalid(std::move(errs)));
  return db::in_transaction(c, [&]() -> Result<Year> {
    auto before = find_year(c, y.year);
    std::string now = kernel::now_iso();
    if (before) c.exec(kUpsertYearUpdate, {y.theme, y.study_topic, now, std::int64_t{y.year}});
    else c.exec(kInsertYear, {std::int64_t{y.year}, y.theme, y.study_topic, now});
    nlohmann::json b = before ? nlohmann::json{{"theme", before->theme}, {"study_topic", before->study_topic}} : nlohmann::json();
    audit::record(c, who, {"year.set", "year", y.year, "/", b, {{"theme", y.theme}, {"study_topic", y.study_topic}}});
    return y;
  });
}

// ---------------------------------------------------------------- plans
bool requires_plan(std::string_view kind) {
  return kind == "dang_bo_co_so" || kind == "chi_bo" || kind == "co_quan" || kind == "doan_the" || kind == "truong_hoc";
}

std::optional<Plan> find_plan(db::Connection& c, std::int64_t id) { return load(c, kWhereId, {id}); }
std::optional<Plan> find_unit_plan(db::Connection& c, std::int64_t unit_id, int year) {
  return load(c, kWhereUnitYear, {unit_id, std::int64_t{year}});
}
std::optional<Plan> find_commitment(db::Connection& c, std::int64_t person_id, int year) {
  return load(c, kWherePersonYear, {person_id, std::int64_t{year}});
}

bool can_edit(const auth::Principal& who, const Plan& p) {
  if (p.owner == OwnerKind::kUnit) return auth::allowed(who, auth::Action::kEditPlan, {p.unit_path});
  return auth::allowed(who, auth::Action::kEditCommitment, {p.unit_path, p.person_id}) ||
         auth::allowed(who, auth::Action::kEditPlan, {p.unit_path});
}

bool can_review(const auth::Principal& who, const Plan& p) {
  // A unit's plan is reviewed by the unit above; a commitment by the officers of the person's unit,
  // but never by the person themself.
  if (p.owner == OwnerKind::kUnit) return !p.parent_path.empty() && auth::allowed(who, auth::Action::kReviewPlan, {p.parent_path});
  return who.person_id != p.person_id && auth::allowed(who, auth::Action::kReviewPlan, {p.unit_path});
}

Result<Plan> get_plan(db::Connection& c, const auth::Principal& who, std::int64_t id) {
  auto p = find_plan(c, id);
  if (!p) return fail(Error::not_found("Không tìm thấy kế hoạch."));
  if (can_edit(who, *p) || can_review(who, *p)) return *p;
  if (auto ok = auth::authorize(who, auth::Action::kViewPlan, {p->unit_path}); !ok) return fail(ok.error());
  return *p;
}

Result<Plan> open_unit_plan(db::Connection& c, const auth::Principal& who, std::int64_t unit_id, int year) {
  auto u = org::get_unit(c, who, unit_id, auth::Action::kEditPlan);
  if (!u) return fail(u.error());
  if (!valid_year(year)) return fail(Error::invalid({{"year", "Năm phải trong khoảng 2016–2100."}}));
  if (!requires_plan(u->kind))
    return fail(Error::invalid({{"unit_id", "Loại đơn vị này không lập kế hoạch làm theo Bác riêng."}}));
  if (auto p = find_unit_plan(c, unit_id, year)) return *p;
  if (auto open = check_open(c, unit_id, year); !open) return fail(open.error());
  return db::in_transaction(c, [&]() -> Result<Plan> {
    std::string now = kernel::now_iso();
    auto id = c.query_one(kInsertPlan, {std::string("unit"), unit_id, db::Value{}, std::int64_t{year}, now, now})->i64(0);
    audit::record(c, who, {"plan.create", "plan", id, u->path, nullptr, {{"unit_id", unit_id}, {"year", year}}});
    return *find_plan(c, id);
  });
}

Result<Plan> open_commitment(db::Connection& c, const auth::Principal& who, std::int64_t person_id, int year) {
  auto person = people::find_person(c, person_id);
  if (!person || !person->active) return fail(Error::not_found("Không tìm thấy người này (hoặc đã thôi sinh hoạt)."));
  if (!auth::allowed(who, auth::Action::kEditCommitment, {person->unit_path, person_id}) &&
      !auth::allowed(who, auth::Action::kEditPlan, {person->unit_path}))
    return fail(Error::forbidden());
  if (!valid_year(year)) return fail(Error::invalid({{"year", "Năm phải trong khoảng 2016–2100."}}));
  if (auto p = find_commitment(c, person_id, year)) return *p;
  if (auto open = check_open(c, person->unit_id, year); !open) return fail(open.error());
  return db::in_transaction(c, [&]() -> Result<Plan> {
    std::string now = kernel::now_iso();
    auto id = c.query_one(kInsertPlan, {std::string("person"), person->unit_id, person_id, std::int64_t{year}, now, now})->i64(0);
    audit::record(c, who, {"commitment.create", "commitment", id, person->unit_path, nullptr,
                           {{"person_id", person_id}, {"year", year}}});
    return *find_plan(c, id);
  });
}

Result<Plan> add_item(db::Connection& c, const auth::Principal& who, std::int64_t plan_id, const ItemInput& in) {
  auto p = editable_plan(c, who, plan_id);
  if (!p) return p;
  if (auto errs = validate(in, true); !errs.empty()) return fail(Error::invalid(std::move(errs)));
  return db::in_transaction(c, [&]() -> Result<Plan> {
    std::string status = in.status && !in.status->empty() ? *in.status : "chua_thuc_hien";
    c.exec(kInsertItem, {plan_id, plan_id, *in.content, in.responsible.value_or(""), opt_text(in.due_date.value_or("")),
                         in.evidence.value_or(""), status});
    c.exec(kTouchPlan, {kernel::now_iso(), plan_id});
    audit::record(c, who, {owner_entity(*p) + ".item_add", owner_entity(*p), plan_id, p->unit_path, nullptr,
                           {{"content", *in.content}, {"responsible", in.responsible.value_or("")}}});
    return *find_plan(c, plan_id);
  });
}

Result<Plan> update_item(db::Connection& c, const auth::Principal& who, std::int64_t plan_id, std::int64_t item_id,
                         const ItemInput& in) {
  auto p = find_plan(c, plan_id);
  if (!p) return fail(Error::not_found("Không tìm thấy kế hoạch."));
  // Progress (status, evidence) may be recorded on an accepted plan; the content only while editable.
  bool content_change = in.content || in.responsible || in.due_date;
  if (!can_edit(who, *p)) return fail(Error::forbidden("Bạn không được sửa kế hoạch, cam kết này."));
  if (auto open = check_open(c, p->unit_id, p->year); !open) return fail(open.error());
  if (content_change && !editable(p->status))
    return fail(Error::conflict("Kế hoạch đang chờ duyệt hoặc đã được chấp thuận nên không sửa được nội dung việc làm."));
  if (auto errs = validate(in, false); !errs.empty()) return fail(Error::invalid(std::move(errs)));
  const Item* cur = nullptr;
  for (const auto& it : p->items)
    if (it.id == item_id) cur = &it;
  if (!cur) return fail(Error::not_found("Không tìm thấy việc làm này trong kế hoạch."));
  Item next = *cur;
  if (in.content) next.content = *in.content;
  if (in.responsible) next.responsible = *in.responsible;
  if (in.due_date) next.due_date = *in.due_date;
  if (in.evidence) next.evidence = *in.evidence;
  if (in.status && !in.status->empty()) next.status = *in.status;
  return db::in_transaction(c, [&]() -> Result<Plan> {
    c.exec(kUpdateItem, {next.content, next.responsible, opt_text(next.due_date), next.evidence, next.status, item_id, plan_id});
    c.exec(kTouchPlan, {kernel::now_iso(), plan_id});
    audit::record(c, who, {owner_entity(*p) + ".item_update", owner_entity(*p), plan_id, p->unit_path,
                           {{"content", cur->content}, {"status", cur->status}, {"evidence", cur->evidence}},
                           {{"content", next.content}, {"status", next.status}, {"evidence", next.evidence}}});
    return *find_plan(c, plan_id);
  });
}

Result<Plan> remove_item(db::Connection& c, const auth::Principal& who, std::int64_t plan_id, std::int64_t item_id) {
  auto p = editable_plan(c, who, plan_id);
  if (!p) return p;
  return db::in_transaction(c, [&]() -> Result<Plan> {
    if (c.exec(kDeleteItem, {item_id, plan_id}) == 0) return fail(Error::not_found("Không tìm thấy việc làm này."));
    audit::record(c, who, {owner_entity(*p) + ".item_remove", owner_entity(*p), plan_id, p->unit_path,
                           {{"item_id", item_id}}, nullptr});
    return *find_plan(c, plan_id);
  });
}

Result<Plan> replace_items(db::Connection& c, const auth::Principal& who, std::int64_t plan_id,
                           const std::vector<ItemInput>& items) {
  auto p = editable_plan(c, who, plan_id);
  if (!p) return p;
  for (const auto& in : items)
    if (auto errs = validate(in, true); !errs.empty()) return fail(Error::invalid(std::move(errs)));
  return db::in_transaction(c, [&]() -> Result<Plan> {
    nlohmann::json before = nlohmann::json::array(), after = nlohmann::json::array();
    for (const auto& it : p->items) before.push_back(it.content);
    c.exec(kDeleteItems, {plan_id});
    for (const auto& in : items) {
      std::string status = in.status && !in.status->empty() ? *in.status : "chua_thuc_hien";
      c.exec(kInsertItem, {plan_id, plan_id, *in.content, in.responsible.value_or(""),
                           opt_text(in.due_date.value_or("")), in.evidence.value_or(""), status});
      after.push_back(*in.content);
    }
    c.exec(kTouchPlan, {kernel::now_iso(), plan_id});
    audit::record(c, who, {owner_entity(*p) + ".items_replace", owner_entity(*p), plan_id, p->unit_path,
                           {{"items", before}}, {{"items", after}}});
    return *find_plan(c, plan_id);
  });
}

Result<Plan> transition(db::Connection& c, const auth::Principal& who, std::int64_t plan_id, Transition t,
                        const std::string& comment) {
  auto p = find_plan(c, plan_id);
  if (!p) return fail(Error::not_found("Không tìm thấy kế hoạch."));
  bool allowed = t == Transition::kSubmit ? can_edit(who, *p) : can_review(who, *p);
  if (!allowed) {
    if (auto ok = auth::authorize(who, auth::Action::kViewPlan, {p->unit_path, p->person_id}); !ok) return fail(ok.error());
    return fail(Error::forbidden(t == Transition::kSubmit ? "Chỉ người lập kế hoạch, cam kết mới gửi duyệt được."
                                                          : "Chỉ cấp trên có thẩm quyền mới duyệt hoặc trả lại được."));
  }
  if (auto open = check_open(c, p->unit_id, p->year); !open) return fail(open.error());
  auto next = next_status(p->status, t);
  if (!next) return fail(next.error());
  if (t == Transition::kSubmit && p->items.empty())
    return fail(Error::invalid({{"items", p->owner == OwnerKind::kPerson
                                              ? "Cam kết cần ít nhất một việc làm cụ thể trước khi gửi."
                                              : "Kế hoạch cần ít nhất một nội dung trước khi gửi."}}));
  if (t == Transition::kReturn && comment.empty())
    return fail(Error::invalid({{"comment", "Khi trả lại, vui lòng ghi rõ lý do để đơn vị sửa."}}));
  if (comment.size() > 2000) return fail(Error::invalid({{"comment", "Ý kiến quá dài (tối đa 2000 ký tự)."}}));
  return db::in_transaction(c, [&]() -> Result<Plan> {
    std::string now = kernel::now_iso();
    bool submit = t == Transition::kSubmit;
    // The account that submits is who hears the answer (notify_transition); the CLI and the demo are nobody's.
    db::Value submitter = submit && who.user_id > 0 ? db::Value{who.user_id} : db::Value{};
    c.exec(kSetStatus, {std::string(status_code(*next)), submit ? p->comment : comment, submit ? db::Value{now} : db::Value{},
                        submit ? db::Value{} : db::Value{now}, submit ? p->reviewed_by : who.display_name, now, plan_id,
                        submitter});
    c.exec(kInsertEvent, {plan_id, std::string(transition_code(t)), std::string(status_code(p->status)),
                          std::string(status_code(*next)), who.actor(),
                          comment, now});
    if (t == Transition::kAccept || p->status == Status::kAccepted)
      tallies::refresh(c, p->owner == OwnerKind::kPerson ? tallies::units_of_person(c, p->person_id)
                                                         : std::vector<std::int64_t>{p->unit_id});
    audit::record(c, who, {owner_entity(*p) + "." + std::string(transition_code(t)), owner_entity(*p), plan_id, p->unit_path,
                           {{"status", status_code(p->status)}}, {{"status", status_code(*next)}, {"comment", comment}}});
    notify_transition(c, who, *p, t, comment);
    return *find_plan(c, plan_id);
  });
}

std::vector<Event> events(db::Connection& c, std::int64_t plan_id) {
  std::vector<Event> out;
  for (const auto& r : c.query(kSelectEvents, {plan_id})) out.push_back({r.str(0), r.str(1), r.str(2), r.str(3), r.str(4), r.str(5)});
  return out;
}

// ---------------------------------------------------------------- pressing issues
const std::vector<std::pair<std::string_view, std::string_view>>& issue_statuses() {
  static const std::vector<std::pair<std::string_view, std::string_view>> v = {
      {"open", "Mới đăng ký"}, {"in_progress", "Đang giải quyết"}, {"resolved", "Đã giải quyết"}};
  return v;
}

std::string_view issue_status_label(std::string_view code) {
  for (const auto& [c, l] : issue_statuses())
    if (c == code) return l;
  return "";
}

std::vector<Issue> issues(db::Connection& c, std::int64_t unit_id, int year) {
  std::string sql = kSelectIssue;
  sql += "WHERE i.unit_id = $1 AND i.year = $2 ORDER BY i.id";
  std::vector<Issue> out;
  for (const auto& r : c.query(sql, {unit_id, std::int64_t{year}})) out.push_back(issue_from(r));
  return out;
}

Result<Issue> get_issue(db::Connection& c, const auth::Principal& who, std::int64_t id) {
  std::string sql = kSelectIssue;
  sql += "WHERE i.id = $1";
  auto r = c.query_one(sql, {id});
  if (!r) return fail(Error::not_found("Không tìm thấy vấn đề này."));
  Issue i = issue_from(*r);
  if (auto ok = auth::authorize(who, auth::Action::kViewPlan, {i.unit_path}); !ok) return fail(ok.error());
  return i;
}

namespace {
std::vector<FieldError> validate_issue(const IssueInput& in, bool creating) {
  std::vector<FieldError> e;
  if (in.title || creating) {
    if (in.title.value_or("").empty()) e.push_back({"title", "Tên vấn đề không được để trống."});
    else if (in.title->size() > 500) e.push_back({"title", "Tên vấn đề quá dài (tối đa 500 ký tự)."});
  }
  if (creating && (!in.year || !valid_year(*in.year))) e.push_back({"year", "Năm phải trong khoảng 2016–2100."});
  if (in.status && !in.status->empty() && issue_status_label(*in.status).empty())
    e.push_back({"status", "Trạng thái phải là: mới đăng ký, đang giải quyết hoặc đã giải quyết."});
  if (in.resolved_on && !in.resolved_on->empty() && !kernel::valid_date(*in.resolved_on))
    e.push_back({"resolved_on", "Ngày giải quyết không hợp lệ."});
  if (in.description && in.description->size() > 4000) e.push_back({"description", "Mô tả quá dài."});
  if (in.note && in.note->size() > 4000) e.push_back({"note", "Ghi chú quá dài."});
  return e;
}
nlohmann::json issue_json_short(const Issue& i) {
  return {{"title", i.title}, {"status", i.status}, {"resolved_on", i.resolved_on}, {"note", i.note}};
}
}  // namespace

Result<Issue> create_issue(db::Connection& c, const auth::Principal& who, const IssueInput& in) {
  auto u = org::get_unit(c, who, in.unit_id.value_or(0), auth::Action::kEditPlan);
  if (!u) return fail(u.error());
  if (auto errs = validate_issue(in, true); !errs.empty()) return fail(Error::invalid(std::move(errs)));
  Issue i;
  i.unit_id = u->id;
  i.unit_path = u->path;
  i.year = *in.year;
  i.title = *in.title;
  i.description = in.description.value_or("");
  i.status = in.status && !in.status->empty() ? *in.status : "open";
  i.resolved_on = i.status == "resolved" ? (in.resolved_on && !in.resolved_on->empty() ? *in.resolved_on : kernel::today_iso()) : "";
  i.note = in.note.value_or("");
  return db::in_transaction(c, [&]() -> Result<Issue> {
    std::string now = kernel::now_iso();
    i.id = c.query_one(kInsertIssue, {i.unit_id, std::int64_t{i.year}, i.title, i.description, i.status, opt_text(i.resolved_on),
                                      i.note, now, now})
               ->i64(0);
    tallies::refresh(c, {i.unit_id});
    audit::record(c, who, {"issue.create", "issue", i.id, i.unit_path, nullptr, issue_json_short(i)});
    return i;
  });
}

Result<Issue> update_issue(db::Connection& c, const auth::Principal& who, std::int64_t id, const IssueInput& in) {
  auto before = get_issue(c, who, id);
  if (!before) return before;
  if (auto ok = auth::authorize(who, auth::Action::kEditPlan, {before->unit_path}); !ok) return fail(ok.error());
  if (auto errs = validate_issue(in, false); !errs.empty()) return fail(Error::invalid(std::move(errs)));
  Issue i = *before;
  if (in.title) i.title = *in.title;
  if (in.description) i.description = *in.description;
  if (in.note) i.note = *in.note;
  if (in.status && !in.status->empty()) i.status = *in.status;
  if (i.status == "resolved") {
    if (in.resolved_on && !in.resolved_on->empty()) i.resolved_on = *in.resolved_on;
    else if (i.resolved_on.empty()) i.resolved_on = kernel::today_iso();
  } else {
    i.resolved_on.clear();
  }
  return db::in_transaction(c, [&]() -> Result<Issue> {
    c.exec(kUpdateIssue, {i.title, i.description, i.status, opt_text(i.resolved_on), i.note, kernel::now_iso(), id});
    tallies::refresh(c, {i.unit_id});
    audit::record(c, who, {"issue.update", "issue", id, i.unit_path, issue_json_short(*before), issue_json_short(i)});
    return i;
  });
}

// ---------------------------------------------------------------- indicators
Indicators indicators(db::Connection& c, std::int64_t unit_id, int year) {
  auto f = tallies::subtree(c, unit_id, year);
  return {f.required, f.plans, f.cadres, f.commitments, f.issues, f.resolved};
}

Indicators indicators(db::Connection& c, const org::Scope& s, int year) {
  if (!s.dated() && s.carried.empty()) return indicators(c, s.unit_id, year);
  // Every query below takes $1 the day, $2 the year, then the scope's parameters.
  db::Params p{s.as_of, std::int64_t{year}};
  s.bind_all(p);
  const std::string tree = s.tree("u.id", "u.path", 3);
  const std::string carried = s.carried.empty() ? "" : "u.id IN " + db::placeholders(s.carried.size(), 3 + s.tree_params());
  // Units in force that day (or carried) that owe a plan for the year: from the year they started, as in the tallies.
  std::string units = "(u.valid_from <= $1 AND (u.valid_to IS NULL OR u.valid_to >= $1) AND " + tree + ")";
  if (!carried.empty()) units = "(" + units + " OR " + carried + ")";
  const std::string owing = "u.kind IN " CT05_PLAN_KINDS " AND " CT05_START_YEAR " <= $2 AND " + units;
  Indicators x;
  x.units = c.scalar("SELECT COUNT(*) FROM units u WHERE " + owing, p);
  x.plans_accepted = c.scalar("SELECT COUNT(*) FROM plans pl JOIN units u ON u.id = pl.unit_id WHERE pl.person_id IS NULL "
                              "AND pl.status = 'accepted' AND pl.year = $2 AND " + owing,
                              p);
  // Cadres who were members that day (a carried unit: on its last day, or that day while it was still in force), each
  // person once, and those of them with an accepted commitment for the year.
  std::string member_then = "(m.valid_from <= $1 AND (m.valid_to IS NULL OR m.valid_to > $1) AND " + tree + ")";
  const std::string last = "(CASE WHEN u.valid_to IS NULL OR u.valid_to > $1 THEN $1 ELSE u.valid_to END)";
  if (!carried.empty())
    member_then = "(" + member_then + " OR (" + carried + " AND m.valid_from <= " + last + " AND (m.valid_to IS NULL OR m.valid_to > " +
                  last + ")))";
  auto r = c.query_one(
      "SELECT COUNT(*), COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = x.pid "
      "AND pl.status = 'accepted' AND pl.year = $2) THEN 1 ELSE 0 END), 0) FROM (SELECT DISTINCT m.person_id AS pid "
      "FROM memberships m JOIN persons p ON p.id = m.person_id JOIN units u ON u.id = m.unit_id WHERE " CT05_CADRE
      " AND " + member_then + ") x",
      p);
  x.cadres = r->i64(0);
  x.commitments_accepted = r->i64(1);
  // The year's pressing issues of every unit of the scope ($1 the year here).
  db::Params ip{std::int64_t{year}};
  s.bind_all(ip);
  r = c.query_one("SELECT COUNT(*), COALESCE(SUM(CASE WHEN i.status = 'resolved' THEN 1 ELSE 0 END), 0) "
                  "FROM pressing_issues i JOIN units u ON u.id = i.unit_id WHERE i.year = $1 AND " +
                      s.all("u.id", "u.path", 2),
                  ip);
  x.issues_registered = r->i64(0);
  x.issues_resolved = r->i64(1);
  return x;
}

std::vector<Missing> missing_plans(db::Connection& c, const std::string& path, int year, int limit, int offset) {
  std::vector<Missing> out;
  for (const auto& r : c.query(kSelectMissing, {path, std::int64_t{year}, db::subtree_end(path), std::int64_t{limit},
                                                std::int64_t{offset}}))
    out.push_back(Missing{r.i64(0), r.str(1), r.str(2), r.str(3)});
  return out;
}

std::vector<ChildCoverage> plan_coverage_by_child(db::Connection& c, std::int64_t parent_id, int year) {
  std::vector<ChildCoverage> out;
  for (const auto& r : c.query(kCoverageByChild, {parent_id, std::int64_t{year}}))
    out.push_back(ChildCoverage{r.i64(0), r.str(1), r.i64(2), r.i64(3)});
  return out;
}

std::vector<std::tuple<std::int64_t, std::string, std::string>> unit_commitments(db::Connection& c, std::int64_t unit_id,
                                                                                 int year) {
  std::vector<std::tuple<std::int64_t, std::string, std::string>> out;
  for (const auto& r : c.query(kSelectUnitCommitments, {unit_id, std::int64_t{year}})) out.emplace_back(r.i64(0), r.str(1), r.str(2));
  return out;
}

// ---------------------------------------------------------------- JSON
nlohmann::json to_json(const Plan& p) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& it : p.items)
    items.push_back({{"id", it.id},
                     {"position", it.position},
                     {"content", it.content},
                     {"responsible", it.responsible},
                     {"due_date", it.due_date.empty() ? nlohmann::json() : nlohmann::json(it.due_date)},
                     {"evidence", it.evidence},
                     {"status", it.status}});
  nlohmann::json j{{"id", p.id},
                   {"kind", p.owner == OwnerKind::kPerson ? "commitment" : "plan"},
                   {"unit_id", p.unit_id},
                   {"unit_name", p.unit_name},
                   {"year", p.year},
                   {"status", status_code(p.status)},
                   {"status_label", status_label(p.status)},
                   {"comment", p.comment},
                   {"submitted_at", p.submitted_at.empty() ? nlohmann::json() : nlohmann::json(p.submitted_at)},
                   {"reviewed_at", p.reviewed_at.empty() ? nlohmann::json() : nlohmann::json(p.reviewed_at)},
                   {"reviewed_by", p.reviewed_by},
                   {"items", items}};
  if (p.owner == OwnerKind::kPerson) {
    j["person_id"] = p.person_id;
    j["person_name"] = p.person_name;
    j["url"] = "/commitments/" + std::to_string(p.id);
  } else {
    j["url"] = "/plans/" + std::to_string(p.id);
  }
  return j;
}

nlohmann::json to_json(const Issue& i) {
  return {{"id", i.id},         {"unit_id", i.unit_id},         {"year", i.year},
          {"title", i.title},   {"description", i.description}, {"status", i.status},
          {"resolved_on", i.resolved_on.empty() ? nlohmann::json() : nlohmann::json(i.resolved_on)},
          {"note", i.note}};
}

nlohmann::json to_json(const Indicators& x, std::int64_t unit_id, int year) {
  return {{"unit", unit_id},
          {"year", year},
          {"plan_coverage", {{"units", x.units}, {"accepted", x.plans_accepted}}},
          {"commitment_coverage", {{"cadres", x.cadres}, {"accepted", x.commitments_accepted}}},
          {"issues", {{"registered", x.issues_registered}, {"resolved", x.issues_resolved}}}};
}

}  // namespace ct05::plans
