#include "modules/plans/storage/plan_inbox.hpp"

#include <algorithm>

#include "kernel/text.hpp"
#include "modules/people/storage/person_store.hpp"
#include "modules/plans/storage/year_review.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/inbox/inbox.hpp"
#include "platform/notify/notify.hpp"

namespace ct05::plans {

namespace {

// A year locked by the unit's year-end review takes no review (check_open), so nothing in it waits for anyone.
constexpr const char* kYearOpen =
    "NOT EXISTS (SELECT 1 FROM year_reviews yr WHERE yr.unit_id = pl.unit_id AND yr.year = pl.year AND yr.locked = 1)";
// Both halves start from the units r that review (inbox::waiting_on on r) and reach their submitted plans through
// plans_submitted, a partial index holding every column the count reads, so the badge never touches a plan's row.
// A unit closed since (merged, dissolved: D25) has nobody to review or to answer, so its plans wait for nobody.
// Commitments are reviewed at the person's unit r; $1 is the principal's person, whose own they never review.
constexpr const char* kCommitmentsFrom =
    "FROM units r JOIN plans pl ON pl.unit_id = r.id "
    "WHERE pl.status = 'submitted' AND pl.person_id IS NOT NULL AND pl.person_id <> $1 AND r.active = 1 AND ";
constexpr const char* kCommitmentColumns =
    "SELECT pl.id, pl.year, COALESCE(pl.submitted_at, ''), r.name, "
    "(SELECT pe.full_name FROM persons pe WHERE pe.id = pl.person_id), 1 ";
// A unit x's plan is reviewed at the unit above it, r.
constexpr const char* kUnitPlansFrom =
    "FROM units r JOIN units x ON x.parent_id = r.id JOIN plans pl ON pl.unit_id = x.id "
    "WHERE pl.status = 'submitted' AND pl.person_id IS NULL AND x.active = 1 AND ";
constexpr const char* kUnitPlanColumns = "SELECT pl.id, pl.year, COALESCE(pl.submitted_at, ''), x.name, '', 0 ";
// Oldest first: by the time it was submitted (column 3), then by id.
constexpr const char* kOldestFirst = " ORDER BY 3, 1 LIMIT $";

constexpr const char* kOwnCommitment =
    "SELECT id, status, COALESCE(reviewed_at, '') FROM plans WHERE person_id = $1 AND year = $2";
constexpr const char* kSubmittedBy = "SELECT COALESCE(submitted_by, 0) FROM plans WHERE id = $1";

struct Query {
  std::string commitments, unit_plans;  //!< FROM and WHERE of each half
  db::Params params;
};

// Submitted plans and commitments whose review waits for the principal; nothing when they review nowhere.
std::optional<Query> waiting(const auth::Principal& who) {
  Query q{"", "", {who.person_id}};
  auto own_unit = inbox::waiting_on(who, auth::Action::kReviewPlan, "r", q.params, "pl.person_id");
  if (own_unit.empty()) return std::nullopt;
  auto unit_above = inbox::waiting_on(who, auth::Action::kReviewPlan, "r", q.params);
  q.commitments = std::string(kCommitmentsFrom) + kYearOpen + " AND " + own_unit;
  q.unit_plans = std::string(kUnitPlansFrom) + kYearOpen + " AND " + unit_above;
  return q;
}

std::int64_t count_review(db::Connection& c, const auth::Principal& who) {
  auto q = waiting(who);
  if (!q) return 0;
  return c.scalar("SELECT (SELECT COUNT(*) " + q->commitments + ") + (SELECT COUNT(*) " + q->unit_plans + ")", q->params);
}

std::vector<inbox::Item> list_review(db::Connection& c, const auth::Principal& who, int limit) {
  std::vector<inbox::Item> out;
  auto q = waiting(who);
  if (!q) return out;
  q->params.emplace_back(std::int64_t{limit});
  std::string sql = kCommitmentColumns + q->commitments + " UNION ALL " + kUnitPlanColumns + q->unit_plans + kOldestFirst +
                    std::to_string(q->params.size());
  for (const auto& r : c.query(sql, q->params)) {
    bool commitment = r.i64(5) == 1;
    std::string year = std::to_string(r.i64(1));
    out.push_back(inbox::Item{commitment ? "Duyệt cam kết năm " + year + " của " + r.str(4)
                                         : "Duyệt kế hoạch năm " + year + " của " + r.str(3),
                              r.str(3), r.str(2), "/plans/" + std::to_string(r.i64(0))});
  }
  return out;
}

// The principal's own commitment of the current year, when it is theirs to write or to fix.
std::optional<inbox::Item> own_commitment(db::Connection& c, const auth::Principal& who) {
  if (who.person_id == 0) return std::nullopt;
  auto person = people::find_person(c, who.person_id);
  if (!person || !person->active || person->unit_id == 0 || !owes_commitment(*person)) return std::nullopt;
  const int year = current_year();
  // After the unit's year-end review nothing can be written for the year any more.
  if (!check_open(c, person->unit_id, year)) return std::nullopt;
  const std::string y = std::to_string(year);
  auto r = c.query_one(kOwnCommitment, {who.person_id, std::int64_t{year}});
  std::string status = r ? r->str(1) : "";
  if (status == status_code(Status::kSubmitted) || status == status_code(Status::kAccepted)) return std::nullopt;
  inbox::Item item;
  item.unit_name = person->unit_name;
  item.href =
      r ? "/plans/" + std::to_string(r->i64(0)) : "/people/" + std::to_string(person->id) + "/commitment?year=" + y;
  if (status == status_code(Status::kReturned)) {
    item.title = "Sửa cam kết năm " + y + " (bị trả lại)";
    item.since = r->str(2);
  } else {
    // Owed since the year began, or since the person joined the unit if that was later.
    item.title = "Viết cam kết năm " + y;
    item.since = std::max(y + "-01-01", person->member_since.substr(0, 10));
  }
  return item;
}

std::string subject_of(const Plan& p) {
  std::string year = std::to_string(p.year);
  return p.owner == OwnerKind::kPerson ? "Cam kết năm " + year + " của " + p.person_name
                                       : "Kế hoạch làm theo Bác năm " + year + " của " + p.unit_name;
}

std::vector<std::int64_t> without(std::vector<std::int64_t> ids, std::int64_t user_id) {
  std::erase(ids, user_id);
  return ids;
}

}  // namespace

bool owes_commitment(const people::Person& p) {
  return p.active && (p.is_party_member || p.cadre_status == "can_bo" || p.cadre_status == "cong_chuc" ||
                      p.cadre_status == "vien_chuc");
}

std::int64_t reviewing_unit(const Plan& p) { return p.owner == OwnerKind::kPerson ? p.unit_id : p.parent_id; }

void declare_inbox() {
  inbox::add_source(inbox::Source{"plans.review", "Kế hoạch, cam kết chờ duyệt", count_review, list_review});
  inbox::add_source(inbox::Source{
      "plans.own", "Cam kết làm theo Bác của tôi",
      [](db::Connection& c, const auth::Principal& who) -> std::int64_t { return own_commitment(c, who) ? 1 : 0; },
      [](db::Connection& c, const auth::Principal& who, int limit) {
        std::vector<inbox::Item> out;
        if (auto item = own_commitment(c, who); item && limit > 0) out.push_back(std::move(*item));
        return out;
      }});
}

void notify_transition(db::Connection& c, const auth::Principal& who, const Plan& p, Transition t,
                       const std::string& comment) {
  // The system principal (the demo loader, the operator's commands) records what already happened elsewhere:
  // nobody is handed anything, and a demo of 500 commitments would bury the officers' notifications.
  if (who.user_id <= 0) return;
  const bool commitment = p.owner == OwnerKind::kPerson;
  const std::string entity = commitment ? "commitment" : "plan";
  notify::Message m;
  m.href = "/plans/" + std::to_string(p.id);
  const std::string where = commitment ? p.unit_name + ". " : "";
  if (t == Transition::kSubmit) {
    auto unit = reviewing_unit(p);
    if (unit == 0) return;
    m.kind = entity + ".submitted";
    m.subject = subject_of(p) + " chờ anh/chị duyệt";
    m.body = where + "Người gửi: " + who.actor() + ".";
    notify::send(
        c, without(inbox::reviewers(c, unit, auth::Action::kReviewPlan, commitment ? p.person_id : 0), who.user_id), m);
    return;
  }
  const std::string reviewer = "Người duyệt: " + who.actor() + ".";
  if (t == Transition::kAccept) {
    m.kind = entity + ".accepted";
    m.subject = subject_of(p) + " đã được chấp nhận";
    m.body = where + reviewer + (comment.empty() ? "" : "\nÝ kiến: " + comment);
  } else {
    m.kind = entity + ".returned";
    m.subject = subject_of(p) + " bị trả lại: " + kernel::truncate_utf8(comment, 300);
    m.body = where + reviewer + "\nÝ kiến: " + comment + "\nVui lòng sửa theo ý kiến và gửi duyệt lại.";
  }
  std::int64_t submitter = c.scalar(kSubmittedBy, {p.id});
  if (submitter == who.user_id) submitter = 0;
  if (commitment) {
    notify::send_to_person(c, p.person_id, m);
    // An officer who sent it for a member learns the answer too (the member may have no account).
    if (auto u = submitter > 0 ? auth::find_user(c, submitter) : std::nullopt; u && u->person_id != p.person_id)
      notify::send(c, {submitter}, m);
    return;
  }
  if (submitter > 0)
    notify::send(c, {submitter}, m);
  else
    notify::send(c, without(inbox::reviewers(c, p.unit_id, auth::Action::kEditPlan), who.user_id), m);
}

}  // namespace ct05::plans
