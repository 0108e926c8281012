// "Việc cần làm" on the demo, on both engines: each demo account's inbox lists exactly the demo's waiting work;
// the notifications of a commitment's return → resubmit → accept path reach the right accounts as the items move
// between inboxes; a cell without an officer sends its commitments to the committee above; and each source has a
// case that must not show. The clock is fixed in 2027, so the demo's "current year" is computed, not 2026.
#include <algorithm>
#include <map>

#include <gtest/gtest.h>

#include "kernel/clock.hpp"
#include "modules/ethics/storage/standard_store.hpp"
#include "modules/imports/storage/import_store.hpp"
#include "modules/meetings/domain/meeting.hpp"
#include "modules/meetings/storage/meeting_store.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/plans/storage/plan_store.hpp"
#include "modules/plans/storage/year_review.hpp"
#include "modules/quizzes/domain/quiz.hpp"
#include "modules/quizzes/storage/quiz_store.hpp"
#include "modules/registry/module.hpp"
#include "modules/registry/storage/entry_store.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/inbox/inbox.hpp"
#include "platform/notify/notify.hpp"
#include "support/demo_suite.hpp"

namespace ct05 {
namespace {

// 10 March 2027, 08:00 in Vietnam: the last month over is February, the last quarter the fourth of 2026.
constexpr std::int64_t kNow = 1804640400;
const std::string kYear = "2027";
const std::string kQuiz = "Dự thi: Thi trực tuyến tìm hiểu tư tưởng, đạo đức, phong cách Hồ Chí Minh";

using Titles = std::vector<std::string>;

// The inbox as titles per source; every group's count must be its list (nothing is cut at 1000).
std::map<std::string, Titles> titles(db::Connection& c, const auth::Principal& who) {
  std::map<std::string, Titles> out;
  std::int64_t sum = 0;
  for (const auto& g : inbox::gather(c, who, 1000)) {
    EXPECT_EQ(g.count, static_cast<std::int64_t>(g.items.size())) << who.login << " " << g.code;
    EXPECT_GT(g.count, 0) << who.login << " " << g.code;  // gather leaves empty sources out
    for (const auto& i : g.items) {
      out[g.code].push_back(i.title);
      EXPECT_FALSE(i.unit_name.empty()) << i.title;
      EXPECT_FALSE(i.since.empty()) << i.title;
      EXPECT_EQ(i.href.front(), '/') << i.title;
    }
    sum += g.count;
  }
  EXPECT_EQ(inbox::count(c, who), sum) << who.login;
  return out;
}

Titles group(db::Connection& c, const auth::Principal& who, const std::string& code) {
  auto t = titles(c, who);
  return t.count(code) ? t[code] : Titles{};
}

bool has(const Titles& t, const std::string& title) { return std::find(t.begin(), t.end(), title) != t.end(); }

// The subjects of the notifications an account received after `since` (a notification id), oldest first.
Titles notified(db::Connection& c, std::int64_t user_id, std::int64_t since) {
  Titles out;
  for (const auto& n : notify::list(c, user_id, 1000, 0))
    if (n.id > since) out.insert(out.begin(), n.subject);
  return out;
}

std::int64_t last_notification(db::Connection& c) { return c.scalar("SELECT COALESCE(MAX(id), 0) FROM notifications"); }

// The demo's units of a subtree expected to meet, counted straight from the tree (every unit in force in the demo
// has been since before the last periods, and the demo records no meeting after 2020).
std::int64_t meeting_units(db::Connection& c, const std::string& code) {
  auto u = org::find_unit_by_code(c, code);
  std::int64_t n = 0;
  for (const auto& r : c.query("SELECT kind FROM units WHERE active = 1 AND path >= $1 AND path < $2",
                               {u->path, db::subtree_end(u->path)}))
    if (meetings::cadence_for(r.str(0)) != meetings::Cadence::kNone) ++n;
  return n;
}

template <class Suite>
class FixedClockDemo : public testing::DemoSuite<Suite> {
 public:
  static void SetUpTestSuite() {
    kernel::set_fixed_time(kNow);
    testing::DemoSuite<Suite>::SetUpTestSuite();
  }
  static void TearDownTestSuite() {
    testing::DemoSuite<Suite>::TearDownTestSuite();
    kernel::set_fixed_time(0);
  }

 protected:
  using testing::DemoSuite<Suite>::c;
  auth::Principal user(const std::string& login) { return *org::principal_of(c(), login); }
  std::int64_t unit(const std::string& code) { return org::find_unit_by_code(c(), code)->id; }
  std::int64_t person_of(const std::string& login) { return user(login).person_id; }
  std::string name_of(std::int64_t person_id) { return c().query_one("SELECT full_name FROM persons WHERE id = $1", {person_id})->str(0); }
  // A commitment of the current year with one item, sent for review by `who`.
  plans::Plan send_commitment(const auth::Principal& who, std::int64_t person_id) {
    auto p = plans::open_commitment(c(), who, person_id, std::stoi(kYear));
    EXPECT_TRUE(p) << p.error().message;
    plans::ItemInput in;
    in.content = "Giúp một hộ cận nghèo trong thôn làm chuồng trại, chọn giống lợn";
    EXPECT_TRUE(plans::add_item(c(), who, p->id, in));
    auto sent = plans::transition(c(), who, p->id, plans::Transition::kSubmit, "");
    EXPECT_TRUE(sent) << sent.error().message;
    return *sent;
  }
  // An account for a person, with one grant, as an officer would make it.
  auth::Principal account(const std::string& login, std::int64_t person_id, auth::Role role, const std::string& unit_code) {
    auto id = auth::create_user(c(), login, "mat-khau-dai-du", name_of(person_id), person_id);
    EXPECT_TRUE(id);
    org::grant_role(c(), auth::system_principal(), *id, role, unit(unit_code));
    return user(login);
  }
};

// ---------------------------------------------------------------- what the demo leaves waiting

class InboxDemo : public FixedClockDemo<InboxDemo> {};

TEST_F(InboxDemo, TheCellOfficerSeesTheCommitmentsSentToHerAndHerOwnToWrite) {
  auto t = titles(c(), user("khuoicuong"));
  EXPECT_EQ(t.size(), 4u);
  // A 2020 commitment still waits: the cell has not held its year-end review (the meetings demo). Three members sent
  // theirs this year; neither she nor the `dangvien` account's member is among them.
  EXPECT_EQ(t["plans.review"], (Titles{"Duyệt cam kết năm 2020 của La Thị Xuân", "Duyệt cam kết năm " + kYear + " của Lường Đức Bình",
                                       "Duyệt cam kết năm " + kYear + " của Phùng Thu Hằng",
                                       "Duyệt cam kết năm " + kYear + " của Lục Thị Hạnh"}));
  EXPECT_EQ(t["plans.own"], Titles{"Viết cam kết năm " + kYear});
  EXPECT_EQ(t["meetings.missed"], Titles{"Chưa sinh hoạt định kỳ tháng 2/2027"});
  EXPECT_EQ(t["quizzes.take"], Titles{kQuiz});
}

TEST_F(InboxDemo, TheCommuneOfficerSeesTheCellsPlanTheCellsWithoutOfficersAndTheRegister) {
  auto t = titles(c(), user("nongthuong"));
  EXPECT_EQ(t.size(), 6u);
  // Nà Nàng, Bản Áng and the others have no officer account of their own: their commitments come to the commune.
  EXPECT_EQ(t["plans.review"], (Titles{"Duyệt kế hoạch năm 2020 của Chi bộ thôn Nà Nàng",
                                       "Duyệt kế hoạch năm 2020 của Chi bộ thôn Bản Áng",
                                       "Duyệt cam kết năm 2020 của Ma Quang Hưng", "Duyệt cam kết năm 2020 của Lăng Thị Nhung",
                                       "Duyệt cam kết năm 2020 của Lăng Văn Tâm", "Duyệt cam kết năm 2020 của Đàm Đức Long",
                                       "Duyệt kế hoạch năm " + kYear + " của Chi bộ thôn Khuổi Cuồng"}));
  EXPECT_EQ(t["plans.own"], Titles{"Viết cam kết năm " + kYear});
  // Nà Nàng's entry waits for verification at the cell (no officer there); Khuổi Cuồng's verified one for the commune.
  EXPECT_EQ(t["registry.verify"], Titles{"Xác minh việc tốt của Lý Văn Sáng"});
  EXPECT_EQ(t["registry.approve"], Titles{"Phê duyệt ghi danh Hà Thị Mai"});
  EXPECT_EQ(t["quizzes.take"], Titles{kQuiz});
  // Every unit of the commune that meets: the quarter's first (it ended first), then the month's.
  const auto& missed = t["meetings.missed"];
  EXPECT_EQ(static_cast<std::int64_t>(missed.size()), meeting_units(c(), "DB-NONGTHUONG"));
  EXPECT_EQ(missed.front(), "Chưa sinh hoạt định kỳ quý IV/2026");
  EXPECT_EQ(missed.back(), "Chưa sinh hoạt định kỳ tháng 2/2027");
  auto items = inbox::gather(c(), user("nongthuong"), 100);
  auto g = std::find_if(items.begin(), items.end(), [](const auto& x) { return x.code == "meetings.missed"; });
  ASSERT_NE(g, items.end());
  EXPECT_EQ(g->items.front().since, "2027-01-01");
  EXPECT_EQ(g->items.back().since, "2027-03-01");
  EXPECT_EQ(std::count_if(g->items.begin(), g->items.end(), [](const auto& i) { return i.unit_name == "Chi bộ thôn Khuổi Cuồng"; }), 1);
  // The commune's officer has acknowledged the standards; the register waits for nothing else.
  EXPECT_FALSE(t.count("ethics.acknowledge"));
  EXPECT_FALSE(t.count("registry.screen"));
}

TEST_F(InboxDemo, TheMemberHasACommitmentToWriteStandardsToAcknowledgeAndAQuiz) {
  auto t = titles(c(), user("dangvien"));
  EXPECT_EQ(t.size(), 3u);
  EXPECT_EQ(t["plans.own"], Titles{"Viết cam kết năm " + kYear});
  EXPECT_EQ(t["ethics.acknowledge"],
            (Titles{"Đọc và xác nhận: Chuẩn mực đạo đức của đảng viên chi bộ thôn Khuổi Cuồng (phiên bản 1)",
                    "Đọc và xác nhận: Chuẩn mực đạo đức công vụ của cán bộ, công chức xã Nông Thượng (phiên bản 2)"}));
  EXPECT_EQ(t["quizzes.take"], Titles{kQuiz});
  auto own = inbox::gather(c(), user("dangvien"), 10).front();
  EXPECT_EQ(own.code, "plans.own");
  EXPECT_EQ(own.items.front().href, "/people/" + std::to_string(person_of("dangvien")) + "/commitment?year=" + kYear);
  EXPECT_EQ(own.items.front().unit_name, "Chi bộ thôn Khuổi Cuồng");
}

TEST_F(InboxDemo, TheLeaderReviewsNothingAndTheAdminHasNoCommitmentOfTheirOwn) {
  auto leader = titles(c(), user("lanhdao"));
  EXPECT_EQ(leader.size(), 2u);
  EXPECT_EQ(leader["plans.own"], Titles{"Viết cam kết năm " + kYear});
  EXPECT_EQ(leader["quizzes.take"], Titles{kQuiz});

  auto admin = titles(c(), user("admin"));
  EXPECT_EQ(admin.size(), 2u);
  // The committees' plans come to the city; Đảng bộ phường Xuất Hóa's 2020 plan also waited, but the ward was merged
  // on 1/7/2025 and its plan waits for nobody now. Lưu Văn Long is a member of a city body without an officer account.
  EXPECT_EQ(admin["plans.review"], (Titles{"Duyệt kế hoạch năm 2020 của Đảng bộ xã Nông Thượng",
                                           "Duyệt kế hoạch năm 2020 của Chi bộ tổ 2", "Duyệt cam kết năm 2020 của Lưu Văn Long"}));
  EXPECT_EQ(static_cast<std::int64_t>(admin["meetings.missed"].size()), meeting_units(c(), "TU-BACKAN"));
}

TEST_F(InboxDemo, EverySubmittedPlanWaitsForExactlyTheAccountsItsNotificationReaches) {
  // The SQL of plans.review and inbox::reviewers (whom a submission notifies) must agree, plan by plan.
  std::map<std::int64_t, std::vector<std::int64_t>> listed;
  for (const char* login : {"admin", "lanhdao", "nongthuong", "khuoicuong", "dangvien"}) {
    auto who = user(login);
    for (const auto& g : inbox::gather(c(), who, 1000))
      if (g.code == "plans.review")
        for (const auto& i : g.items) listed[std::stoll(i.href.substr(std::string("/plans/").size()))].push_back(who.user_id);
  }
  int checked = 0;
  for (const auto& r : c().query("SELECT pl.id FROM plans pl JOIN units u ON u.id = pl.unit_id WHERE pl.status = 'submitted' "
                                 "AND u.active = 1 ORDER BY pl.id")) {
    auto p = *plans::find_plan(c(), r.i64(0));
    if (!plans::check_open(c(), p.unit_id, p.year)) continue;
    bool commitment = p.owner == plans::OwnerKind::kPerson;
    auto unit = commitment ? p.unit_id : p.parent_id;
    auto want = inbox::reviewers(c(), unit, auth::Action::kReviewPlan, commitment ? p.person_id : 0);
    auto got = listed[p.id];
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, want) << "plan " << p.id << " of " << p.unit_name;
    ++checked;
  }
  EXPECT_GT(checked, 10);
}

// ---------------------------------------------------------------- workflows moving items and notifying

class InboxWorkflow : public FixedClockDemo<InboxWorkflow> {};

TEST_F(InboxWorkflow, ACommitmentReturnedResubmittedAndAcceptedNotifiesTheRightAccounts) {
  auto member = user("dangvien"), officer = user("khuoicuong");
  const std::string name = name_of(member.person_id);
  const std::string review = "Duyệt cam kết năm " + kYear + " của " + name;
  const std::string subject = "Cam kết năm " + kYear + " của " + name;
  auto start = last_notification(c());
  auto officer_count = inbox::count(c(), officer);

  auto p = send_commitment(member, member.person_id);
  EXPECT_TRUE(has(group(c(), officer, "plans.review"), review));
  EXPECT_EQ(inbox::count(c(), officer), officer_count + 1);
  EXPECT_FALSE(titles(c(), member).count("plans.own"));
  EXPECT_EQ(notified(c(), officer.user_id, start), Titles{subject + " chờ anh/chị duyệt"});
  auto n = notify::list(c(), officer.user_id, 1, 0).front();
  EXPECT_EQ(n.kind, "commitment.submitted");
  EXPECT_EQ(n.href, "/plans/" + std::to_string(p.id));
  EXPECT_FALSE(n.read());

  ASSERT_TRUE(plans::transition(c(), officer, p.id, plans::Transition::kReturn, "Cần ghi rõ thời hạn từng việc"));
  EXPECT_FALSE(has(group(c(), officer, "plans.review"), review));
  EXPECT_EQ(group(c(), member, "plans.own"), Titles{"Sửa cam kết năm " + kYear + " (bị trả lại)"});
  EXPECT_EQ(notified(c(), member.user_id, start), Titles{subject + " bị trả lại: Cần ghi rõ thời hạn từng việc"});

  ASSERT_TRUE(plans::transition(c(), member, p.id, plans::Transition::kSubmit, ""));
  EXPECT_TRUE(has(group(c(), officer, "plans.review"), review));
  EXPECT_EQ(notified(c(), officer.user_id, start), (Titles{subject + " chờ anh/chị duyệt", subject + " chờ anh/chị duyệt"}));

  ASSERT_TRUE(plans::transition(c(), officer, p.id, plans::Transition::kAccept, ""));
  EXPECT_FALSE(has(group(c(), officer, "plans.review"), review));
  EXPECT_EQ(inbox::count(c(), officer), officer_count);
  EXPECT_FALSE(titles(c(), member).count("plans.own"));
  EXPECT_EQ(notified(c(), member.user_id, start),
            (Titles{subject + " bị trả lại: Cần ghi rõ thời hạn từng việc", subject + " đã được chấp nhận"}));
  // Nobody else heard of it: the cell has its officer, so the commune is not asked; nobody is told of their own step.
  for (const char* login : {"admin", "lanhdao", "nongthuong"}) EXPECT_TRUE(notified(c(), user(login).user_id, start).empty()) << login;
  EXPECT_EQ(notified(c(), officer.user_id, start).size(), 2u);
}

TEST_F(InboxWorkflow, ACellWithoutAnOfficerSendsItsCommitmentsToTheCommitteeAbove) {
  // A member of Nà Nàng, whose cell has no officer account, sends a commitment: the commune reviews it.
  auto person = c().scalar("SELECT m.person_id FROM memberships m JOIN persons p ON p.id = m.person_id "
                           "WHERE m.unit_id = $1 AND m.valid_to IS NULL AND p.is_party_member = 1 "
                           "AND NOT EXISTS (SELECT 1 FROM plans pl WHERE pl.person_id = p.id AND pl.year = $2) "
                           "ORDER BY p.id LIMIT 1",
                           {unit("CB-NANANG"), std::int64_t{std::stoi(kYear)}});
  ASSERT_GT(person, 0);
  auto member = account("nanang.member", person, auth::Role::kDangVien, "CB-NANANG");
  const std::string review = "Duyệt cam kết năm " + kYear + " của " + name_of(person);
  auto start = last_notification(c());
  auto p = send_commitment(member, person);
  EXPECT_TRUE(has(group(c(), user("nongthuong"), "plans.review"), review));
  EXPECT_FALSE(has(group(c(), user("khuoicuong"), "plans.review"), review));
  EXPECT_EQ(notified(c(), user("nongthuong").user_id, start).size(), 1u);
  EXPECT_TRUE(notified(c(), user("khuoicuong").user_id, start).empty());
  EXPECT_TRUE(notified(c(), user("admin").user_id, start).empty());

  // Once the cell has an officer of its own, the review is theirs and no longer the commune's.
  auto other = c().scalar("SELECT m.person_id FROM memberships m WHERE m.unit_id = $1 AND m.valid_to IS NULL "
                          "AND m.person_id <> $2 ORDER BY m.person_id LIMIT 1",
                          {unit("CB-NANANG"), person});
  auto secretary = account("nanang.officer", other, auth::Role::kPhuTrach, "CB-NANANG");
  EXPECT_EQ(group(c(), secretary, "plans.review"), Titles{review});
  EXPECT_FALSE(has(group(c(), user("nongthuong"), "plans.review"), review));
  EXPECT_EQ(inbox::reviewers(c(), p.unit_id, auth::Action::kReviewPlan, person), std::vector<std::int64_t>{secretary.user_id});
}

TEST_F(InboxWorkflow, TheSecretarysOwnCommitmentGoesToTheCommitteeAbove) {
  // Nobody reviews their own commitment: the cell's only officer is its author, so it waits for the commune.
  auto officer = user("khuoicuong");
  const std::string review = "Duyệt cam kết năm " + kYear + " của " + name_of(officer.person_id);
  auto start = last_notification(c());
  send_commitment(officer, officer.person_id);
  EXPECT_FALSE(has(group(c(), officer, "plans.review"), review));
  EXPECT_FALSE(titles(c(), officer).count("plans.own"));
  EXPECT_TRUE(has(group(c(), user("nongthuong"), "plans.review"), review));
  EXPECT_TRUE(notified(c(), officer.user_id, start).empty());
  EXPECT_EQ(notified(c(), user("nongthuong").user_id, start), Titles{"Cam kết năm " + kYear + " của " +
                                                                     name_of(officer.person_id) + " chờ anh/chị duyệt"});
}

TEST_F(InboxWorkflow, AUnitPlanAnswersTheAccountThatSubmittedIt) {
  // Nà Nàng has no officer: the commune writes and sends its plan, which then waits for the commune itself (the unit
  // above) and tells nobody, the sender being its reviewer. The city's quản trị, whose grant covers it too, returns
  // it: the answer goes to the account that sent it.
  auto commune = user("nongthuong"), admin = user("admin");
  auto plan = plans::open_unit_plan(c(), commune, unit("CB-NANANG"), std::stoi(kYear));
  ASSERT_TRUE(plan);
  plans::ItemInput in;
  in.content = "Kể chuyện về Bác trong mỗi buổi sinh hoạt chi bộ";
  ASSERT_TRUE(plans::add_item(c(), commune, plan->id, in));
  auto start = last_notification(c());
  ASSERT_TRUE(plans::transition(c(), commune, plan->id, plans::Transition::kSubmit, ""));
  EXPECT_TRUE(has(group(c(), commune, "plans.review"), "Duyệt kế hoạch năm " + kYear + " của Chi bộ thôn Nà Nàng"));
  EXPECT_TRUE(notified(c(), commune.user_id, start).empty());
  ASSERT_TRUE(plans::transition(c(), admin, plan->id, plans::Transition::kReturn, "Bổ sung thời hạn"));
  EXPECT_EQ(notified(c(), commune.user_id, start),
            Titles{"Kế hoạch làm theo Bác năm " + kYear + " của Chi bộ thôn Nà Nàng bị trả lại: Bổ sung thời hạn"});
  EXPECT_TRUE(notified(c(), admin.user_id, start).empty());
}

// ---------------------------------------------------------------- each source, and what must not show

class InboxSources : public FixedClockDemo<InboxSources> {};

TEST_F(InboxSources, PlansOfALockedYearWaitForNobody) {
  auto officer = user("khuoicuong");
  ASSERT_TRUE(has(group(c(), officer, "plans.review"), "Duyệt cam kết năm 2020 của La Thị Xuân"));
  auto meeting = c().scalar("SELECT MAX(id) FROM meetings WHERE unit_id = $1", {unit("CB-KHUOICUONG")});
  ASSERT_TRUE(plans::lock_year(c(), auth::system_principal(), unit("CB-KHUOICUONG"), 2020, meeting));
  EXPECT_FALSE(has(group(c(), officer, "plans.review"), "Duyệt cam kết năm 2020 của La Thị Xuân"));
  EXPECT_EQ(group(c(), officer, "plans.review").size(), 3u);
}

TEST_F(InboxSources, RegisterEntriesMoveFromTheUnitToTheCommitteeAndAnswerTheMember) {
  auto member = user("dangvien"), cell = user("khuoicuong"), commune = user("nongthuong");
  registry::EntryInput in;
  in.unit_id = unit("CB-KHUOICUONG");
  in.category_id = c().scalar("SELECT id FROM register_categories WHERE code = 'giup_do_nguoi_ngheo'");
  in.subject_kind = "ca_nhan";
  in.subject_name = "Nông Văn Thụ";
  in.deed = "Giúp một hộ cận nghèo sửa lại mái nhà trước mùa mưa bão.";
  in.deed_date = "2027-02-01";
  in.place = "Thôn Khuổi Cuồng";
  auto start = last_notification(c());
  auto e = registry::nominate(c(), member, in, {}, registry::file_store());
  ASSERT_TRUE(e) << e.error().message;
  EXPECT_EQ(group(c(), cell, "registry.verify"), Titles{"Xác minh việc tốt của Nông Văn Thụ"});
  EXPECT_FALSE(has(group(c(), commune, "registry.verify"), "Xác minh việc tốt của Nông Văn Thụ"));  // the cell has an officer
  EXPECT_EQ(notified(c(), cell.user_id, start), Titles{"Đề nghị ghi danh “Nông Văn Thụ” chờ anh/chị xác minh"});

  // A citizen's nomination is for screening, at the same unit.
  registry::EntryInput pub = in;
  pub.subject_name = "Hoàng Thị Nhung";
  pub.nominator_name = "Nguyễn Văn A";
  pub.nominator_contact = "0912345678";
  auto citizen = registry::nominate_public(c(), pub, {}, registry::file_store(), "203.0.113.20");
  ASSERT_TRUE(citizen) << citizen.error().message;
  EXPECT_EQ(group(c(), cell, "registry.screen"), Titles{"Sàng lọc đề cử từ người dân: Hoàng Thị Nhung"});
  EXPECT_TRUE(group(c(), commune, "registry.screen").empty());
  EXPECT_TRUE(group(c(), member, "registry.screen").empty());

  ASSERT_TRUE(registry::take_step(c(), cell, e->id, registry::Step::kVerify, {"Đã gặp gia đình, đúng sự thật.", "", "", ""}));
  EXPECT_TRUE(group(c(), cell, "registry.verify").empty());
  EXPECT_TRUE(has(group(c(), commune, "registry.approve"), "Phê duyệt ghi danh Nông Văn Thụ"));
  EXPECT_TRUE(group(c(), cell, "registry.approve").empty());  // the committee's step, not the cell's
  EXPECT_EQ(notified(c(), commune.user_id, start), Titles{"Việc tốt của “Nông Văn Thụ” đã được xác minh, chờ anh/chị phê duyệt"});
  ASSERT_TRUE(registry::take_step(c(), commune, e->id, registry::Step::kApprove, {}));
  EXPECT_FALSE(has(group(c(), commune, "registry.approve"), "Phê duyệt ghi danh Nông Văn Thụ"));
  ASSERT_TRUE(registry::take_step(c(), cell, citizen->id, registry::Step::kReject, {"Không đúng địa bàn thôn.", "", "", ""}));
  EXPECT_TRUE(group(c(), cell, "registry.screen").empty());
  EXPECT_EQ(notified(c(), member.user_id, start),
            (Titles{"Đề nghị ghi danh “Nông Văn Thụ” đã được xác minh", "Đề nghị ghi danh “Nông Văn Thụ” đã được phê duyệt"}));
}

TEST_F(InboxSources, AnAcknowledgedStandardLeavesTheInbox) {
  auto member = user("dangvien");
  auto before = group(c(), member, "ethics.acknowledge");
  ASSERT_EQ(before.size(), 2u);
  auto cell = ethics::current_standard(c(), unit("CB-KHUOICUONG"));
  ASSERT_TRUE(ethics::acknowledge(c(), member, cell->id));
  EXPECT_EQ(group(c(), member, "ethics.acknowledge"), Titles{before.back()});
  // Acknowledging for someone else is not possible, so nobody else's inbox changes; the leader has none to sign.
  EXPECT_TRUE(group(c(), user("lanhdao"), "ethics.acknowledge").empty());
}

TEST_F(InboxSources, AQuizRoundLeavesOnceStartedAndOthersSubtreesRoundsNeverShow) {
  auto member = user("dangvien");
  // A round for Nà Nàng only: outside the member's path, and the commune's officer is not in that cell either.
  quizzes::RoundInput in;
  in.unit_id = unit("CB-NANANG");
  in.title = "Thi nhanh của chi bộ Nà Nàng";
  in.questions_per_person = 3;
  in.time_limit_minutes = 5;
  in.opens_at = quizzes::local_datetime(kNow - 3600);
  in.closes_at = quizzes::local_datetime(kNow + 86400);
  ASSERT_TRUE(quizzes::create_round(c(), user("nongthuong"), in));
  EXPECT_EQ(group(c(), member, "quizzes.take"), Titles{kQuiz});
  EXPECT_EQ(group(c(), user("nongthuong"), "quizzes.take"), Titles{kQuiz});
  auto round = c().scalar("SELECT id FROM quiz_rounds WHERE title = 'Thi trực tuyến tìm hiểu tư tưởng, đạo đức, phong cách Hồ Chí Minh'");
  ASSERT_TRUE(quizzes::start_attempt(c(), member, round));
  EXPECT_TRUE(group(c(), member, "quizzes.take").empty());
  EXPECT_EQ(group(c(), user("khuoicuong"), "quizzes.take"), Titles{kQuiz});
}

TEST_F(InboxSources, APeriodicMeetingInTheLastMonthClearsTheUnit) {
  auto cell = unit("CB-KHUOICUONG");
  auto meeting = [&](const char* kind) {
    meetings::MeetingInput in;
    in.unit_id = cell;
    in.held_on = "2027-02-20";
    in.kind = kind;
    in.topic = "Triển khai nghị quyết tháng";
    auto m = meetings::create_meeting(c(), user("khuoicuong"), in, {});
    ASSERT_TRUE(m) << m.error().message;
  };
  auto commune_missed = group(c(), user("nongthuong"), "meetings.missed").size();
  meeting("chuyen_de");  // a thematic meeting does not replace the periodic one
  EXPECT_EQ(group(c(), user("khuoicuong"), "meetings.missed"), Titles{"Chưa sinh hoạt định kỳ tháng 2/2027"});
  meeting("dinh_ky");
  EXPECT_TRUE(group(c(), user("khuoicuong"), "meetings.missed").empty());
  EXPECT_EQ(group(c(), user("nongthuong"), "meetings.missed").size(), commune_missed - 1);
  // Members do not record meetings: nothing of this kind is theirs.
  EXPECT_TRUE(group(c(), user("dangvien"), "meetings.missed").empty());
}

TEST_F(InboxSources, AnImportLeftInPreviewIsItsUploadersOnly) {
  auto officer = user("nongthuong");
  auto file = imports::template_xlsx(imports::Kind::kPeople);
  auto pending = imports::preview(c(), officer, imports::Kind::kPeople, unit("DB-NONGTHUONG"), "nhan-su.xlsx", file);
  ASSERT_TRUE(pending) << pending.error().message;
  EXPECT_EQ(group(c(), officer, "imports.preview"),
            Titles{"Hoàn tất nhập tệp “nhan-su.xlsx” (Nhân sự: 1 dòng hợp lệ, 0 dòng lỗi)"});
  EXPECT_TRUE(group(c(), user("khuoicuong"), "imports.preview").empty());
  EXPECT_TRUE(group(c(), user("admin"), "imports.preview").empty());
  ASSERT_TRUE(imports::commit(c(), officer, pending->id, imports::CommitMode::kAllOrNothing));
  EXPECT_TRUE(group(c(), officer, "imports.preview").empty());
}

}  // namespace
}  // namespace ct05
