#include "modules/registry/storage/entry_inbox.hpp"

#include <algorithm>

#include "kernel/text.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "platform/inbox/inbox.hpp"
#include "platform/notify/notify.hpp"

namespace ct05::registry {

namespace {

// Each source starts from the units r whose officers take the step (inbox::waiting_on on r), then the entries of
// r (or of r's children) by register_entries_unit (unit_id, status): a few index lookups whatever the tree's size.
// New entries wait at their own unit; $1 tells members' nominations ("member") from citizens' ("public").
constexpr const char* kSubmittedColumns = "SELECT e.id, e.subject_name, r.name, e.created_at ";
constexpr const char* kSubmittedFrom =
    "FROM units r JOIN register_entries e ON e.unit_id = r.id WHERE e.status = 'submitted' AND e.source = $1 AND "
    "r.active = 1 AND ";
// Verified entries wait for the committee above their unit x; they have waited since the verification. The
// entries of a unit closed since (D25) wait for nobody.
constexpr const char* kVerifiedColumns =
    "SELECT e.id, e.subject_name, x.name, COALESCE((SELECT MAX(ev.at) FROM register_events ev WHERE ev.entry_id = e.id "
    "AND ev.action = 'verify'), e.updated_at) ";
constexpr const char* kVerifiedFrom =
    "FROM units r JOIN units x ON x.parent_id = r.id JOIN register_entries e ON e.unit_id = x.id "
    "WHERE e.status = 'verified' AND x.active = 1 AND ";
constexpr const char* kOldestFirst = " ORDER BY 4, 1 LIMIT $";

struct StepSource {
  const char* columns;
  const char* from;
  auth::Action action;
  const char* source;  //!< $1 of kSubmittedFrom, or nullptr
  const char* title;   //!< before the subject's name
};
constexpr StepSource kVerify{kSubmittedColumns, kSubmittedFrom, auth::Action::kVerifyEntry, "member",
                             "Xác minh việc tốt của "};
constexpr StepSource kScreen{kSubmittedColumns, kSubmittedFrom, auth::Action::kVerifyEntry, "public",
                             "Sàng lọc đề cử từ người dân: "};
constexpr StepSource kApprove{kVerifiedColumns, kVerifiedFrom, auth::Action::kReviewEntry, nullptr,
                              "Phê duyệt ghi danh "};

// The condition and its parameters, or nothing when the principal takes this step nowhere.
std::optional<std::pair<std::string, db::Params>> where(const auth::Principal& who, const StepSource& k) {
  db::Params p;
  if (k.source) p.emplace_back(std::string(k.source));
  auto cond = inbox::waiting_on(who, k.action, "r", p);
  if (cond.empty()) return std::nullopt;
  return std::make_pair(std::string(k.from) + cond, std::move(p));
}

inbox::Source source(std::string code, std::string label, const StepSource& k) {
  return inbox::Source{
      std::move(code), std::move(label),
      [&k](db::Connection& c, const auth::Principal& who) -> std::int64_t {
        auto w = where(who, k);
        return w ? c.scalar("SELECT COUNT(*) " + w->first, w->second) : 0;
      },
      [&k](db::Connection& c, const auth::Principal& who, int limit) {
        std::vector<inbox::Item> out;
        auto w = where(who, k);
        if (!w) return out;
        w->second.emplace_back(std::int64_t{limit});
        for (const auto& r : c.query(k.columns + w->first + kOldestFirst + std::to_string(w->second.size()), w->second))
          out.push_back(
              inbox::Item{k.title + r.str(1), r.str(2), r.str(3), "/register/entries/" + std::to_string(r.i64(0))});
        return out;
      }};
}

std::string quoted(const Entry& e) { return "“" + e.subject_name + "”"; }

std::vector<std::int64_t> without(std::vector<std::int64_t> ids, std::int64_t user_id) {
  std::erase(ids, user_id);
  return ids;
}

}  // namespace

void declare_inbox() {
  inbox::add_source(source("registry.verify", "Việc tốt chờ xác minh", kVerify));
  inbox::add_source(source("registry.screen", "Đề cử từ người dân chờ sàng lọc", kScreen));
  inbox::add_source(source("registry.approve", "Việc tốt chờ phê duyệt", kApprove));
}

void notify_nominated(db::Connection& c, const auth::Principal& who, const Entry& e) {
  bool citizen = e.source == "public";
  notify::Message m{citizen ? "register.to_screen" : "register.to_verify",
                    citizen ? "Đề cử từ người dân " + quoted(e) + " chờ anh/chị sàng lọc"
                            : "Đề nghị ghi danh " + quoted(e) + " chờ anh/chị xác minh",
                    e.unit_name + ". Người đề nghị: " + e.nominator_name + ".",
                    "/register/entries/" + std::to_string(e.id)};
  notify::send(c, without(inbox::reviewers(c, e.unit_id, auth::Action::kVerifyEntry), who.user_id), m);
}

void notify_step(db::Connection& c, const auth::Principal& who, const Entry& before, Step step, const StepInput& in) {
  const std::string href = "/register/entries/" + std::to_string(before.id);
  const std::string by = before.unit_name + ". " + std::string(step_label(step)) + ": " + who.actor() + ".";
  if (step == Step::kVerify) {
    auto unit = org::find_unit(c, before.unit_id);
    if (unit && unit->parent_id > 0)
      notify::send(c, without(inbox::reviewers(c, unit->parent_id, auth::Action::kReviewEntry), who.user_id),
                   {"register.to_approve",
                    "Việc tốt của " + quoted(before) + " đã được xác minh, chờ anh/chị phê duyệt", by, href});
  }
  if (before.nominator_user_id <= 0 || before.nominator_user_id == who.user_id) return;
  notify::Message m{"", "", by, href};
  const std::string entry = "Đề nghị ghi danh " + quoted(before);
  switch (step) {
    case Step::kVerify:
      m.kind = "register.verified";
      m.subject = entry + " đã được xác minh";
      break;
    case Step::kApprove:
      m.kind = "register.approved";
      m.subject = entry + " đã được phê duyệt";
      break;
    case Step::kCommend:
      m.kind = "register.commended";
      m.subject = entry + " đã được khen thưởng (" + std::string(commendation_label(in.commendation)) + ")";
      break;
    case Step::kReject:
      m.kind = "register.rejected";
      m.subject = entry + " không được chấp nhận: " + kernel::truncate_utf8(in.comment, 300);
      m.body = by + "\nLý do: " + in.comment;
      break;
    case Step::kPublish:
      m.kind = "register.published";
      m.subject = entry + " đã được công bố trên Sổ ghi danh người tốt, việc tốt";
      m.href = "/r/" + before.code;
      break;
    case Step::kUnpublish:
      return;  // the committee's own decision, not an answer to the nomination
  }
  notify::send(c, {before.nominator_user_id}, m);
}

}  // namespace ct05::registry
