// Restructurings on both engines, on small trees made with the factories (D25): a merge into a new unit and into an
// existing one, a split with explicit assignments of units, people and households, a move, a rename and a
// dissolution, each read back through the tree of a date (org::scope_at, unit_on, children_on), the indicators and
// the tallies; failed events and previews leave every table as it was; who may restructure what.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "kernel/clock.hpp"
#include "modules/org/storage/scope.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/plans/storage/plan_store.hpp"
#include "modules/plans/storage/tallies.hpp"
#include "modules/restructurings/storage/restructuring_store.hpp"
#include "modules/villages/storage/household_store.hpp"
#include "platform/audit/audit.hpp"
#include "support/factories.hpp"
#include "support/test_db.hpp"

namespace ct05::restructurings {
namespace {

using testing::make_member;
using testing::make_unit;

constexpr const char* kDate = "2025-07-01";
constexpr const char* kDayBefore = "2025-06-30";

std::string describe(const Error& e) {
  std::string s = e.message;
  for (const auto& f : e.fields) s += " | " + f.field + ": " + f.message;
  return s;
}

// Every row of the tables an event writes, as text: equal snapshots mean nothing changed.
std::map<std::string, std::vector<std::string>> snapshot(db::Connection& c) {
  std::map<std::string, std::vector<std::string>> out;
  for (const char* t : {"units", "memberships", "unit_history", "unit_lineage", "restructurings", "restructuring_units",
                        "unit_moves", "audit_log", "audit_head", "unit_tallies", "unit_own_tallies", "households", "household_statuses",
                        "household_members", "search_items"}) {
    auto& rows = out[t];
    for (const auto& r : c.query(std::string("SELECT * FROM ") + t + " ORDER BY 1, 2, 3")) {
      std::string line;
      for (std::size_t i = 0; i < r.size(); ++i) line += (r.null(i) ? std::string("NULL") : r.str(i)) + "|";
      rows.push_back(line);
    }
  }
  return out;
}

void expect_same(const std::map<std::string, std::vector<std::string>>& a,
                 const std::map<std::string, std::vector<std::string>>& b, const char* what) {
  for (const auto& [table, rows] : a) EXPECT_EQ(rows, b.at(table)) << what << ": table " << table << " changed";
}

class Restructuring : public ::testing::Test {
 protected:
  db::Connection& c() { return db.conn(); }

  // root TU-X ─┬─ DB-A ─┬─ CB-A1 (member An, plan 2024)      DB-A: member Anh, plan 2024
  //            │        └─ CB-A2
  //            ├─ DB-B ─── CB-B1                             DB-B: member Bình, plan 2024
  //            └─ DB-W (member Vân, plan 2024)
  void SetUp() override {
    root = make_unit(c(), "TU-X", "Thành ủy X", "thanh_uy", 0);
    a = make_unit(c(), "DB-A", "Đảng bộ xã A", "dang_bo_co_so", root.id);
    a1 = make_unit(c(), "CB-A1", "Chi bộ thôn A1", "chi_bo", a.id);
    a2 = make_unit(c(), "CB-A2", "Chi bộ thôn A2", "chi_bo", a.id);
    b = make_unit(c(), "DB-B", "Đảng bộ xã B", "dang_bo_co_so", root.id);
    b1 = make_unit(c(), "CB-B1", "Chi bộ thôn B1", "chi_bo", b.id);
    w = make_unit(c(), "DB-W", "Đảng bộ phường W", "dang_bo_co_so", root.id);
    anh = make_member(c(), "Trần Văn Anh", a.id);
    an = make_member(c(), "Hoàng Văn An", a1.id);
    binh = make_member(c(), "Nông Thị Bình", b.id);
    van = make_member(c(), "Lý Thị Vân", w.id);
    for (auto id : {a.id, a1.id, b.id, w.id}) accept_plan(id, 2024);
  }

  void accept_plan(std::int64_t unit_id, int year) {
    auto p = plans::open_unit_plan(c(), sys, unit_id, year);
    ASSERT_TRUE(p) << p.error().message;
    plans::ItemInput in;
    in.content = "Nói đi đôi với làm";
    ASSERT_TRUE(plans::add_item(c(), sys, p->id, in));
    ASSERT_TRUE(plans::transition(c(), sys, p->id, plans::Transition::kSubmit, ""));
    ASSERT_TRUE(plans::transition(c(), sys, p->id, plans::Transition::kAccept, ""));
  }

  org::Unit unit(std::int64_t id) { return *org::find_unit(c(), id); }
  org::Unit unit(const std::string& code) { return *org::find_unit_by_code(c(), code); }

  plans::Indicators at(const org::Unit& u, const std::string& as_of, int year, bool continuity = false) {
    auto s = org::scope_at(c(), u, as_of, continuity);
    EXPECT_TRUE(s) << s.error().message;
    return plans::indicators(c(), *s, year);
  }

  Request base(const std::string& kind) {
    Request r;
    r.kind = kind;
    r.effective_on = kDate;
    r.legal_basis = "Nghị quyết 1/NQ-TU ngày 20/6/2025";
    return r;
  }
  Request merge_new(std::vector<std::string> sources, const std::string& code, const std::string& name) {
    auto r = base("merge");
    r.sources = std::move(sources);
    r.target = UnitRef{code, name, "dang_bo_co_so", ""};
    return r;
  }

  Outcome commit(const Request& r) {
    auto o = run(c(), sys, r, true);
    EXPECT_TRUE(o) << describe(o.error());
    return o ? *o : Outcome{};
  }
  Error refused(const Request& r, const auth::Principal& who) {
    auto o = run(c(), who, r, true);
    EXPECT_FALSE(o) << "the event was accepted";
    return o ? Error{} : o.error();
  }
  Error refused(const Request& r) { return refused(r, sys); }

  std::int64_t count(const std::string& sql, const db::Params& p = {}) { return c().scalar(sql, p); }

  void expect_tallies_agree(const char* after) {
    auto bad = plans::tallies::check(c());
    EXPECT_TRUE(bad.empty()) << "after " << after << ": " << bad.size() << " tallies differ from a recount";
  }

  std::set<std::string> roles(std::int64_t event) {
    std::set<std::string> out;
    for (const auto& r : c().query("SELECT unit_id, role FROM restructuring_units WHERE restructuring_id = $1", {event}))
      out.insert(std::to_string(r.i64(0)) + ":" + r.str(1));
    return out;
  }
  static std::string role(std::int64_t id, const char* r) { return std::to_string(id) + ":" + r; }

  testing::TestDb db;
  auth::Principal sys = auth::system_principal();
  org::Unit root, a, a1, a2, b, b1, w;
  std::int64_t anh = 0, an = 0, binh = 0, van = 0;
};

bool mentions(const Error& e, const std::string& field, const std::string& text) {
  for (const auto& f : e.fields)
    if (f.field == field && f.message.find(text) != std::string::npos) return true;
  return false;
}

// ---------------------------------------------------------------- merge

TEST_F(Restructuring, MergeIntoANewUnitMovesChildrenMembersAndClosesTheSources) {
  auto before_root = at(root, kDayBefore, 2024);
  EXPECT_EQ(before_root.units, 6);  // A, A1, A2, B, B1, W (a city committee is not a plan kind)
  auto o = commit(merge_new({"DB-A", "DB-B"}, "DB-AB", "Đảng bộ xã AB"));
  ASSERT_NE(o.id, 0);
  auto n = unit("DB-AB");
  EXPECT_EQ(n.parent_id, root.id);
  EXPECT_EQ(n.path, root.path + std::to_string(n.id) + "/");
  EXPECT_EQ(n.depth, 1);
  EXPECT_EQ(n.valid_from, kDate);
  EXPECT_TRUE(n.active);
  // The children now hang under the new unit.
  for (const auto& k : {a1, a2, b1}) {
    auto now = unit(k.id);
    EXPECT_EQ(now.parent_id, n.id) << k.code;
    EXPECT_EQ(now.path, n.path + std::to_string(k.id) + "/") << k.code;
    EXPECT_EQ(now.depth, 2) << k.code;
    EXPECT_EQ(org::unit_on(c(), now, kDayBefore).path, k.path) << k.code << " before the date";
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM unit_history WHERE restructuring_id = $1 AND valid_to = $2", {o.id, kDayBefore}), 3);
  // Members of the sources are transferred: the old membership ends on the date, the new one starts then.
  for (auto [person, from] : {std::pair{anh, a.id}, std::pair{binh, b.id}}) {
    auto old = c().query_one("SELECT valid_to FROM memberships WHERE person_id = $1 AND unit_id = $2", {person, from});
    ASSERT_TRUE(old);
    EXPECT_EQ(old->str(0), kDate);
    auto now = c().query_one("SELECT valid_from FROM memberships WHERE person_id = $1 AND unit_id = $2 AND valid_to IS NULL",
                             {person, n.id});
    ASSERT_TRUE(now) << "no current membership in the new unit";
    EXPECT_EQ(now->str(0), kDate);
  }
  // The member of a moved cell stays in the cell.
  EXPECT_EQ(count("SELECT COUNT(*) FROM memberships WHERE person_id = $1", {an}), 1);
  // The sources are closed the day before.
  for (const auto& s : {a, b}) {
    auto now = unit(s.id);
    EXPECT_FALSE(now.active) << s.code;
    EXPECT_EQ(now.valid_to, kDayBefore) << s.code;
    EXPECT_EQ(now.path, s.path) << s.code << " keeps its place";
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM unit_lineage WHERE restructuring_id = $1 AND successor_id = $2", {o.id, n.id}), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM unit_lineage WHERE predecessor_id IN ($1, $2) AND successor_id = $3", {a.id, b.id, n.id}), 2);
  // Every moved child is listed too, so its page shows the move.
  EXPECT_EQ(roles(o.id), (std::set<std::string>{role(n.id, "created"), role(a.id, "source"), role(b.id, "source"),
                                                role(a1.id, "moved"), role(a2.id, "moved"), role(b1.id, "moved")}));
  EXPECT_EQ(audit::count(c(), {"/"}, "restructuring.commit"), 1);
  EXPECT_EQ(o.counts.created, 1);
  EXPECT_EQ(o.counts.closed, 2);
  EXPECT_EQ(o.counts.moved, 3);
  EXPECT_EQ(o.counts.people, 2);
  expect_tallies_agree("a merge into a new unit");

  // The root as of the day before: the old committees and their plans (A, A1, B, W).
  auto then = at(root, kDayBefore, 2024);
  EXPECT_EQ(then.units, 6);
  EXPECT_EQ(then.plans_accepted, 4);
  EXPECT_EQ(then.cadres, 4);
  auto kids_then = org::children_on(c(), root, kDayBefore);
  std::set<std::string> codes_then;
  for (const auto& k : kids_then) codes_then.insert(k.code);
  EXPECT_EQ(codes_then, (std::set<std::string>{"DB-A", "DB-B", "DB-W"}));
  // As of the event date and today: the new committee instead (A1, A2, B1, W; AB owes plans from 2025); A's and
  // B's plans stay theirs.
  for (const std::string& day : {std::string(kDate), kernel::today_iso()}) {
    auto now = at(root, day, 2024);
    EXPECT_EQ(now.units, 4) << day;
    EXPECT_EQ(at(root, day, 2025).units, 5) << day;
    EXPECT_EQ(now.plans_accepted, 2) << day;  // A1 and W
    EXPECT_EQ(now.cadres, 4) << day;
  }
  EXPECT_EQ(plans::indicators(c(), root.id, 2024).units, 4);
  EXPECT_EQ(plans::indicators(c(), root.id, 2025).units, 5);
  EXPECT_EQ(plans::indicators(c(), root.id, 2024).plans_accepted, 2);
  std::set<std::string> codes_now;
  for (const auto& k : org::children_on(c(), root, kDate))
    if (k.active) codes_now.insert(k.code);
  EXPECT_EQ(codes_now, (std::set<std::string>{"DB-AB", "DB-W"}));

  // With continuity the new committee carries its predecessors' 2024 figures.
  auto pa = at(a, kDayBefore, 2024), pb = at(b, kDayBefore, 2024);
  EXPECT_EQ(pa.plans_accepted + pb.plans_accepted, 3);
  auto carried = at(n, "", 2024, true);
  EXPECT_EQ(carried.plans_accepted, pa.plans_accepted + pb.plans_accepted);
  EXPECT_EQ(carried.cadres, pa.cadres + pb.cadres);
  // The units that must have a plan: the predecessors' (A, A1, A2, B, B1); the new committee owes plans from 2025.
  EXPECT_EQ(carried.units, pa.units + pb.units);
  // Without continuity it has only its cells' plan.
  EXPECT_EQ(at(n, "", 2024).plans_accepted, 1);
  EXPECT_EQ(plans::indicators(c(), n.id, 2024).plans_accepted, 1);
}

TEST_F(Restructuring, MergeAsOfTheYearEndWithContinuityCountsThePredecessorsSubtrees) {
  // The demo's article reads 2020 as of 2020-12-31; the new committee did not exist then, so with continuity its
  // figures for the year are those of the committees it was made from, their cells included.
  auto pa = at(a, "2024-12-31", 2024), pb = at(b, "2024-12-31", 2024);
  auto o = commit(merge_new({"DB-A", "DB-B"}, "DB-AB", "Đảng bộ xã AB"));
  ASSERT_NE(o.id, 0);
  auto n = unit("DB-AB");
  auto carried = at(n, "2024-12-31", 2024, true);
  EXPECT_EQ(carried.plans_accepted, pa.plans_accepted + pb.plans_accepted);
  EXPECT_EQ(carried.units, pa.units + pb.units);
  EXPECT_EQ(carried.cadres, pa.cadres + pb.cadres);
}

TEST_F(Restructuring, MergeIntoAnExistingUnit) {
  auto r = base("merge");
  r.sources = {"DB-A"};
  r.target = UnitRef{"DB-W", "", "", ""};
  auto o = commit(r);
  ASSERT_NE(o.id, 0);
  auto now_w = unit(w.id);
  EXPECT_EQ(now_w.path, w.path) << "the target keeps its place";
  EXPECT_TRUE(now_w.active);
  for (const auto& k : {a1, a2}) {
    EXPECT_EQ(unit(k.id).parent_id, w.id);
    EXPECT_EQ(unit(k.id).path, w.path + std::to_string(k.id) + "/");
  }
  EXPECT_FALSE(unit(a.id).active);
  EXPECT_EQ(unit(a.id).valid_to, kDayBefore);
  EXPECT_EQ(count("SELECT COUNT(*) FROM memberships WHERE person_id = $1 AND unit_id = $2 AND valid_from = $3 AND valid_to IS NULL",
                  {anh, w.id, kDate}),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM unit_lineage WHERE predecessor_id = $1 AND successor_id = $2", {a.id, w.id}), 1);
  EXPECT_EQ(roles(o.id), (std::set<std::string>{role(w.id, "target"), role(a.id, "source"), role(a1.id, "moved"),
                                                role(a2.id, "moved")}));
  EXPECT_EQ(count("SELECT COUNT(*) FROM units"), 7) << "no unit was created";
  expect_tallies_agree("a merge into an existing unit");
  // W now: W, A1, A2 with W's and A1's plans; with continuity A's plan is carried.
  EXPECT_EQ(plans::indicators(c(), w.id, 2024).units, 3);
  EXPECT_EQ(plans::indicators(c(), w.id, 2024).plans_accepted, 2);
  auto carried = at(now_w, "", 2024, true);
  EXPECT_EQ(carried.plans_accepted, 3);
  EXPECT_EQ(carried.units, 4);
  // As of the day before W was just itself.
  EXPECT_EQ(at(now_w, kDayBefore, 2024).units, 1);
  EXPECT_EQ(at(now_w, kDayBefore, 2024).plans_accepted, 1);
}

TEST_F(Restructuring, TwoMergesInTurnCarryEveryPredecessor) {
  ASSERT_NE(commit(merge_new({"DB-A", "DB-B"}, "DB-AB", "Đảng bộ xã AB")).id, 0);
  auto second = merge_new({"DB-AB", "DB-W"}, "DB-Z", "Đảng bộ phường Z");
  second.effective_on = "2025-09-01";
  // Not before the first: the new committee began on 1/7/2025.
  second.effective_on = "2025-06-01";
  auto e = refused(second);
  EXPECT_TRUE(mentions(e, "sources", "bắt đầu hoạt động từ 01/07/2025")) << describe(e);
  second.effective_on = "2025-09-01";
  ASSERT_NE(commit(second).id, 0);
  auto z = unit("DB-Z");
  for (const auto& k : {a1, a2, b1}) EXPECT_EQ(unit(k.id).parent_id, z.id) << k.code;
  // A1 held two places before its present one.
  EXPECT_EQ(org::unit_on(c(), unit(a1.id), "2025-06-30").parent_id, a.id);
  EXPECT_EQ(org::unit_on(c(), unit(a1.id), "2025-08-31").parent_id, unit("DB-AB").id);
  EXPECT_EQ(org::unit_on(c(), unit(a1.id), "2025-09-01").parent_id, z.id);
  expect_tallies_agree("two merges");
  // Today with continuity: A, B and W's plans (the first committee had none), through the lineage transitively.
  auto s = org::scope_at(c(), z, "", true);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->carried.size(), 4u);  // DB-AB, DB-W, DB-A, DB-B
  EXPECT_EQ(plans::indicators(c(), *s, 2024).plans_accepted, 4);
  // As of the end of 2024: the trees of A, B and W of that day (AB did not exist yet, so it is not counted).
  auto then = at(z, "2024-12-31", 2024, true);
  EXPECT_EQ(then.plans_accepted, 4);
  EXPECT_EQ(then.units, 6);   // A, A1, A2, B, B1, W
  EXPECT_EQ(then.cadres, 4);  // Anh, An, Bình, Vân
  // Between the two: AB's tree then, and W.
  // Between the two: AB's tree then (A1, A2, B1; AB owes plans from 2025) and W, and A and B carried as they were on
  // their last day.
  auto between = at(z, "2025-08-01", 2024, true);
  EXPECT_EQ(between.units, 6);
  EXPECT_EQ(between.plans_accepted, 4);
  EXPECT_EQ(between.cadres, 4);
}

// ---------------------------------------------------------------- split

TEST_F(Restructuring, SplitACommuneAssigningItsCellsAndPeople) {
  auto r = base("split");
  r.unit = "DB-A";
  r.successors = {UnitRef{"DB-A-BAC", "Đảng bộ xã A Bắc", "dang_bo_co_so", ""}, UnitRef{"DB-W", "", "", ""}};
  r.assign = {{"CB-A1", "DB-A-BAC"}, {"CB-A2", "DB-W"}, {"nguoi:" + std::to_string(anh), "DB-W"}};
  auto o = commit(r);
  ASSERT_NE(o.id, 0);
  auto north = unit("DB-A-BAC");
  EXPECT_EQ(north.parent_id, root.id);
  EXPECT_EQ(unit(a1.id).parent_id, north.id);
  EXPECT_EQ(unit(a1.id).path, north.path + std::to_string(a1.id) + "/");
  EXPECT_EQ(unit(a2.id).parent_id, w.id);
  EXPECT_EQ(count("SELECT COUNT(*) FROM memberships WHERE person_id = $1 AND unit_id = $2 AND valid_to IS NULL", {anh, w.id}), 1);
  EXPECT_FALSE(unit(a.id).active);
  EXPECT_EQ(count("SELECT COUNT(*) FROM unit_lineage WHERE restructuring_id = $1 AND predecessor_id = $2", {o.id, a.id}), 2);
  expect_tallies_agree("a split");
}

TEST_F(Restructuring, SplitAVillageMovesHouseholdsWithTheirLaterStatuses) {
  auto village = make_unit(c(), "THON-S", "Thôn Sơn", "thon", a.id);
  auto dung = make_member(c(), "Hà Văn Dũng", village.id);
  std::map<std::string, std::int64_t> old;
  for (const char* code : {"S-01", "S-02"}) {
    villages::HouseholdInput in;
    in.village_id = village.id;
    in.code = code;
    in.head_name = std::string("Chủ hộ ") + code;
    in.area = "nong_thon";
    in.registered_on = "2020-01-01";
    auto h = villages::create_household(c(), sys, in);
    ASSERT_TRUE(h) << describe(h.error());
    old[code] = h->id;
  }
  using villages::PovertyStatus;
  ASSERT_TRUE(villages::decide_status(c(), sys, old["S-01"], 2024, PovertyStatus::kPoor, "QĐ 2024"));
  ASSERT_TRUE(villages::decide_status(c(), sys, old["S-01"], 2025, PovertyStatus::kNearPoor, "QĐ 2025"));
  ASSERT_TRUE(villages::decide_status(c(), sys, old["S-01"], 2026, PovertyStatus::kNone, "QĐ 2026"));
  ASSERT_TRUE(villages::decide_status(c(), sys, old["S-02"], 2024, PovertyStatus::kNearPoor, "QĐ 2024"));
  auto before_2024 = villages::subtree_figures(c(), a.path, 2024, true);
  EXPECT_EQ(before_2024.households, 2);

  auto r = base("split");
  r.unit = "THON-S";
  r.successors = {UnitRef{"THON-S1", "Thôn Sơn Một", "thon", ""}, UnitRef{"THON-S2", "Thôn Sơn Hai", "thon", ""}};
  r.assign = {{"ho:S-01", "THON-S1"}, {"ho:S-02", "THON-S2"}, {"nguoi:" + std::to_string(dung), "THON-S2"}};
  auto o = commit(r);
  ASSERT_NE(o.id, 0);
  EXPECT_EQ(o.counts.households, 2);
  EXPECT_EQ(o.counts.people, 1);
  auto s1 = unit("THON-S1"), s2 = unit("THON-S2");
  EXPECT_EQ(s1.parent_id, a.id);
  for (auto [code, to] : {std::pair{std::string("S-01"), s1}, std::pair{std::string("S-02"), s2}}) {
    auto was = villages::find_household(c(), old[code]);
    ASSERT_TRUE(was);
    EXPECT_EQ(was->ended_on, kDate) << code;
    EXPECT_EQ(was->village_id, village.id) << code;
    auto is = c().query_one("SELECT id, registered_on, village_path FROM households WHERE village_id = $1 AND code = $2",
                            {to.id, code});
    ASSERT_TRUE(is) << code << " has no record in " << to.code;
    EXPECT_EQ(is->str(1), kDate);
    EXPECT_EQ(is->str(2), to.path);
    if (code == "S-01") {
      // 2025 and 2026 moved to the new record, 2024 stayed on the old one.
      std::set<int> old_years, new_years;
      for (const auto& s : villages::statuses_of(c(), old[code])) old_years.insert(s.year);
      for (const auto& s : villages::statuses_of(c(), is->i64(0))) new_years.insert(s.year);
      EXPECT_EQ(old_years, (std::set<int>{2024}));
      EXPECT_EQ(new_years, (std::set<int>{2025, 2026}));
      EXPECT_EQ(villages::status_of(c(), is->i64(0), 2025)->status, PovertyStatus::kNearPoor);
    }
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM memberships WHERE person_id = $1 AND unit_id = $2 AND valid_to IS NULL", {dung, s2.id}), 1);
  EXPECT_FALSE(unit(village.id).active);
  EXPECT_EQ(unit(village.id).valid_to, kDayBefore);

  // 2024 as of before the date: the old village and its two households, one poor.
  auto then = org::scope_at(c(), a, kDayBefore, false);
  ASSERT_TRUE(then);
  auto f = villages::subtree_figures(c(), *then, 2024, true);
  EXPECT_EQ(f.households, 2);
  EXPECT_EQ(f.poor, 1);
  EXPECT_EQ(f.near_poor, 1);
  EXPECT_EQ(f.villages, 1);
  // 2025 as of today: the two new villages, each household once.
  auto now = villages::subtree_figures(c(), a.path, 2025, true);
  EXPECT_EQ(now.households, 2);
  EXPECT_EQ(now.near_poor, 1);
  EXPECT_EQ(now.villages, 2);
  expect_tallies_agree("a village split");
}

TEST_F(Restructuring, SplitWithADefaultSuccessorAndItsRefusals) {
  auto r = base("split");
  r.unit = "DB-A";
  r.successors = {UnitRef{"DB-A-BAC", "Đảng bộ xã A Bắc", "dang_bo_co_so", ""},
                  UnitRef{"DB-A-NAM", "Đảng bộ xã A Nam", "dang_bo_co_so", ""}};
  auto before = snapshot(c());
  // Something assigned that is not A's.
  r.assign = {{"CB-B1", "DB-A-BAC"}};
  r.default_successor = "DB-A-NAM";
  auto e = refused(r);
  EXPECT_TRUE(mentions(e, "assign", "“CB-B1” không thuộc Đảng bộ xã A (DB-A)")) << describe(e);
  // Assigned to a unit that is not a successor.
  r.assign = {{"CB-A1", "DB-W"}};
  e = refused(r);
  EXPECT_TRUE(mentions(e, "assign", "không phải đơn vị kế thừa")) << describe(e);
  r.assign = {};
  r.default_successor = "DB-W";
  e = refused(r);
  EXPECT_TRUE(mentions(e, "default_successor", "“DB-W”")) << describe(e);
  // A successor inside the unit split.
  r.default_successor = "";
  r.successors = {UnitRef{"CB-A1", "", "", ""}, UnitRef{"DB-A-NAM", "Đảng bộ xã A Nam", "dang_bo_co_so", ""}};
  e = refused(r);
  EXPECT_TRUE(mentions(e, "successors", "phải ở ngoài")) << describe(e);
  expect_same(before, snapshot(c()), "refused splits");
  // Everything not assigned goes to the default successor.
  r.successors = {UnitRef{"DB-A-BAC", "Đảng bộ xã A Bắc", "dang_bo_co_so", ""},
                  UnitRef{"DB-A-NAM", "Đảng bộ xã A Nam", "dang_bo_co_so", ""}};
  r.assign = {{"CB-A1", "DB-A-BAC"}};
  r.default_successor = "DB-A-NAM";
  auto o = commit(r);
  ASSERT_NE(o.id, 0);
  auto north = unit("DB-A-BAC"), south = unit("DB-A-NAM");
  EXPECT_EQ(unit(a1.id).parent_id, north.id);
  EXPECT_EQ(unit(a2.id).parent_id, south.id);
  EXPECT_EQ(count("SELECT COUNT(*) FROM memberships WHERE person_id = $1 AND unit_id = $2 AND valid_to IS NULL", {anh, south.id}), 1);
  EXPECT_EQ(roles(o.id), (std::set<std::string>{role(north.id, "created"), role(south.id, "created"), role(a.id, "source"),
                                                role(a1.id, "moved"), role(a2.id, "moved")}));
  auto items = org::lineage(c(), a.id);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].successors.size(), 2u);
  expect_tallies_agree("a split with a default successor");
}

TEST_F(Restructuring, HouseholdsGoOnlyToAVillage) {
  auto village = make_unit(c(), "THON-S", "Thôn Sơn", "thon", a.id);
  villages::HouseholdInput in;
  in.village_id = village.id;
  in.code = "S-01";
  in.head_name = "Chủ hộ S-01";
  in.area = "nong_thon";
  ASSERT_TRUE(villages::create_household(c(), sys, in));
  auto before = snapshot(c());
  auto r = base("split");
  r.unit = "THON-S";
  r.successors = {UnitRef{"THON-S1", "Thôn Sơn Một", "thon", ""}, UnitRef{"CB-S2", "Chi bộ Sơn Hai", "chi_bo", ""}};
  r.assign = {{"ho:S-01", "CB-S2"}};
  auto e = refused(r);
  EXPECT_TRUE(mentions(e, "assign", "chỉ chuyển được sang một thôn")) << describe(e);
  expect_same(before, snapshot(c()), "households assigned to a cell");
}

// ---------------------------------------------------------------- move

TEST_F(Restructuring, MoveASubtreeRewritesPathsAndTalliesAndKeepsTheOldTree) {
  // Two districts under the root; M (with two cells and a village with a household) moves from D1 to D2.
  auto d1 = make_unit(c(), "HU-D1", "Huyện ủy D1", "thanh_uy", root.id);
  auto d2 = make_unit(c(), "HU-D2", "Huyện ủy D2", "thanh_uy", root.id);
  auto m = make_unit(c(), "DB-M", "Đảng bộ xã M", "dang_bo_co_so", d1.id);
  auto m1 = make_unit(c(), "CB-M1", "Chi bộ thôn M1", "chi_bo", m.id);
  auto m2 = make_unit(c(), "CB-M2", "Chi bộ thôn M2", "chi_bo", m.id);
  auto village = make_unit(c(), "THON-M3", "Thôn M3", "thon", m.id);
  auto stay = make_unit(c(), "CB-D1", "Chi bộ cơ quan D1", "chi_bo", d1.id);
  make_member(c(), "Đinh Văn Minh", m.id);
  auto mai = make_member(c(), "Đinh Thị Mai", m1.id);
  make_member(c(), "Vi Văn Dân", stay.id);
  for (auto id : {m.id, m1.id, stay.id}) accept_plan(id, 2024);
  villages::HouseholdInput in;
  in.village_id = village.id;
  in.code = "M3-01";
  in.head_name = "Chủ hộ M3";
  in.area = "nong_thon";
  in.registered_on = "2020-01-01";
  ASSERT_TRUE(villages::create_household(c(), sys, in));
  expect_tallies_agree("the set-up");
  auto d1_before = plans::indicators(c(), d1.id, 2024), d2_before = plans::indicators(c(), d2.id, 2024);
  auto root_before = plans::indicators(c(), root.id, 2024);
  EXPECT_EQ(d1_before.plans_accepted, 3);
  EXPECT_EQ(d1_before.units, 4);  // M, M1, M2, CB-D1
  EXPECT_EQ(d1_before.cadres, 3);
  EXPECT_EQ(d2_before.plans_accepted, 0);

  auto r = base("move");
  r.unit = "DB-M";
  r.parent = "HU-D2";
  auto o = commit(r);
  ASSERT_NE(o.id, 0);
  EXPECT_EQ(o.counts.moved, 4);
  auto now_m = unit(m.id);
  EXPECT_EQ(now_m.parent_id, d2.id);
  EXPECT_EQ(now_m.path, d2.path + std::to_string(m.id) + "/");
  EXPECT_EQ(now_m.depth, 2);
  for (const auto& k : {m1, m2, village}) {
    auto now = unit(k.id);
    EXPECT_EQ(now.path, now_m.path + std::to_string(k.id) + "/") << k.code;
    EXPECT_EQ(now.depth, 3) << k.code;
    EXPECT_EQ(now.parent_id, m.id) << k.code;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM unit_history WHERE restructuring_id = $1 AND valid_to = $2", {o.id, kDayBefore}), 4);
  EXPECT_EQ(c().query_one("SELECT path FROM unit_history WHERE unit_id = $1", {m1.id})->str(0), m1.path);
  // Copies of the paths follow.
  EXPECT_EQ(c().query_one("SELECT village_path FROM households WHERE code = 'M3-01'")->str(0), unit(village.id).path);
  EXPECT_EQ(c().query_one("SELECT unit_path FROM search_items WHERE kind = 'unit' AND ref_id = $1", {m1.id})->str(0),
            unit(m1.id).path);
  EXPECT_EQ(c().query_one("SELECT unit_path FROM search_items WHERE kind = 'person' AND ref_id = $1", {mai})->str(0),
            unit(m1.id).path);
  EXPECT_EQ(count("SELECT COUNT(*) FROM search_items WHERE unit_path >= $1 AND unit_path < $2", {m.path, db::subtree_end(m.path)}), 0)
      << "a search document still has the old path";
  // The tallies: M's subtree left D1 and joined D2; the root is unchanged.
  auto d1_after = plans::indicators(c(), d1.id, 2024), d2_after = plans::indicators(c(), d2.id, 2024);
  EXPECT_EQ(d1_after.plans_accepted, 1);
  EXPECT_EQ(d1_after.units, 1);
  EXPECT_EQ(d1_after.cadres, 1);
  EXPECT_EQ(d2_after.plans_accepted, 2);
  EXPECT_EQ(d2_after.units, 3);
  EXPECT_EQ(d2_after.cadres, 2);
  EXPECT_EQ(plans::indicators(c(), root.id, 2024).plans_accepted, root_before.plans_accepted);
  EXPECT_EQ(plans::indicators(c(), root.id, 2024).units, root_before.units);
  expect_tallies_agree("a move");
  // Before the date M was under D1, and D1's tree of that day still holds M's figures.
  EXPECT_EQ(org::unit_on(c(), now_m, kDayBefore).parent_id, d1.id);
  EXPECT_EQ(org::unit_on(c(), now_m, kDate).parent_id, d2.id);
  auto d1_then = at(d1, kDayBefore, 2024);
  EXPECT_EQ(d1_then.plans_accepted, d1_before.plans_accepted);
  EXPECT_EQ(d1_then.units, d1_before.units);
  EXPECT_EQ(d1_then.cadres, d1_before.cadres);
  EXPECT_EQ(at(d2, kDayBefore, 2024).plans_accepted, 0);
  EXPECT_EQ(at(d2, kDate, 2024).plans_accepted, 2);
  EXPECT_EQ(at(d1, kDate, 2024).plans_accepted, 1);
  auto then = org::scope_at(c(), d1, kDayBefore, false);
  EXPECT_EQ(villages::subtree_figures(c(), *then, 2024, true).households, 1);
  EXPECT_EQ(villages::subtree_figures(c(), d1.path, 2024, true).households, 0);
  EXPECT_EQ(villages::subtree_figures(c(), d2.path, 2024, true).households, 1);
  std::set<std::string> kids;
  for (const auto& k : org::children_on(c(), d1, kDayBefore)) kids.insert(k.code);
  EXPECT_EQ(kids, (std::set<std::string>{"DB-M", "CB-D1"}));
  EXPECT_EQ(roles(o.id), (std::set<std::string>{role(m.id, "moved"), role(d2.id, "target")}));
  auto items = org::lineage(c(), m.id);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_NE(items[0].before.find("Huyện ủy D1"), std::string::npos) << items[0].before;
}

TEST_F(Restructuring, MoveUnderItsOwnDescendantIsRefused) {
  auto r = base("move");
  r.unit = "DB-A";
  r.parent = "CB-A1";
  auto before = snapshot(c());
  auto e = refused(r);
  EXPECT_TRUE(mentions(e, "parent", "thuộc chính nó")) << describe(e);
  expect_same(before, snapshot(c()), "a move under its own cell");
}

// ---------------------------------------------------------------- rename, dissolve

TEST_F(Restructuring, RenameKeepsTheOldNameForTheDayBefore) {
  auto r = base("rename");
  r.unit = "CB-A1";
  r.new_name = "Chi bộ thôn A Một";
  r.new_code = "CB-A1M";
  auto o = commit(r);
  ASSERT_NE(o.id, 0);
  auto now = unit(a1.id);
  EXPECT_EQ(now.name, "Chi bộ thôn A Một");
  EXPECT_EQ(now.code, "CB-A1M");
  EXPECT_EQ(now.path, a1.path);
  auto then = org::unit_on(c(), now, kDayBefore);
  EXPECT_EQ(then.name, "Chi bộ thôn A1");
  EXPECT_EQ(then.code, "CB-A1");
  EXPECT_EQ(org::unit_on(c(), now, kDate).name, "Chi bộ thôn A Một");
  std::set<std::string> names_then;
  for (const auto& k : org::children_on(c(), a, kDayBefore)) names_then.insert(k.name);
  EXPECT_TRUE(names_then.count("Chi bộ thôn A1"));
  auto items = org::lineage(c(), a1.id);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].role, "renamed");
  EXPECT_EQ(items[0].kind, "rename");
  EXPECT_EQ(items[0].effective_on, kDate);
  EXPECT_NE(items[0].before.find("Chi bộ thôn A1 (CB-A1)"), std::string::npos) << items[0].before;
  // The old code is free again and the new one is taken.
  EXPECT_FALSE(org::find_unit_by_code(c(), "CB-A1"));
  expect_tallies_agree("a rename");
}

TEST_F(Restructuring, DissolveIsRefusedWhileSomethingIsLeftAndWorksWhenEmpty) {
  auto r = base("dissolve");
  r.unit = "DB-W";  // a member left
  auto e = refused(r);
  EXPECT_EQ(e.code, ErrorCode::kInvalid);
  EXPECT_TRUE(mentions(e, "unit", "còn 1 người đang sinh hoạt")) << describe(e);
  r.unit = "DB-B";  // an active cell left (and a member)
  e = refused(r);
  EXPECT_TRUE(mentions(e, "unit", "1 đơn vị trực thuộc đang hoạt động")) << describe(e);
  EXPECT_TRUE(unit(b.id).active);
  r.unit = "CB-A2";  // empty
  auto o = commit(r);
  ASSERT_NE(o.id, 0);
  auto now = unit(a2.id);
  EXPECT_FALSE(now.active);
  EXPECT_EQ(now.valid_to, kDayBefore);
  EXPECT_EQ(roles(o.id), (std::set<std::string>{role(a2.id, "dissolved")}));
  EXPECT_EQ(count("SELECT COUNT(*) FROM unit_lineage WHERE restructuring_id = $1", {o.id}), 0);
  // Still counted as of the day before, not after.
  EXPECT_EQ(at(a, kDayBefore, 2024).units, 3);
  EXPECT_EQ(at(a, kDate, 2024).units, 2);
  expect_tallies_agree("a dissolution");
}

// ---------------------------------------------------------------- failures and previews

TEST_F(Restructuring, AFailedEventLeavesNothingChanged) {
  auto before = snapshot(c());
  {
    // A split whose second cell is not assigned: found after the successor was created.
    auto r = base("split");
    r.unit = "DB-A";
    r.successors = {UnitRef{"DB-A-BAC", "Đảng bộ xã A Bắc", "dang_bo_co_so", ""}, UnitRef{"DB-W", "", "", ""}};
    r.assign = {{"CB-A1", "DB-A-BAC"}, {"nguoi:" + std::to_string(anh), "DB-W"}};
    auto e = refused(r);
    EXPECT_TRUE(mentions(e, "assign", "Chi bộ thôn A2 (CB-A2)")) << describe(e);
    expect_same(before, snapshot(c()), "a split with a cell not assigned");
  }
  {
    auto e = refused(merge_new({"DB-A", "DB-B"}, "DB-W", "Đảng bộ mới"));
    EXPECT_TRUE(mentions(e, "target", "“DB-W” đã được dùng")) << describe(e);
    expect_same(before, snapshot(c()), "a merge into a code that is taken");
  }
  {
    auto r = merge_new({"DB-A", "DB-B"}, "DB-AB", "Đảng bộ xã AB");
    r.effective_on = add_days(kernel::today_iso(), 1);
    auto e = refused(r);
    EXPECT_TRUE(mentions(e, "effective_on", "không được sau hôm nay")) << describe(e);
    expect_same(before, snapshot(c()), "a date in the future");
  }
  {
    auto r = merge_new({"DB-A", "DB-B"}, "DB-AB", "Đảng bộ xã AB");
    r.effective_on = "2015-12-31";
    auto e = refused(r);
    EXPECT_TRUE(mentions(e, "sources", "bắt đầu hoạt động từ")) << describe(e);
    expect_same(before, snapshot(c()), "a date before the units began");
  }
  {
    // A village with a household merged into a commune committee: the members and the cells move, then the
    // village cannot be closed with its household left.
    auto village = make_unit(c(), "THON-B2", "Thôn B2", "thon", b.id);
    make_member(c(), "Người thôn B2", village.id);
    villages::HouseholdInput in;
    in.village_id = village.id;
    in.code = "B2-01";
    in.head_name = "Chủ hộ B2";
    in.area = "nong_thon";
    ASSERT_TRUE(villages::create_household(c(), sys, in));
    auto mid = snapshot(c());
    auto r = base("merge");
    r.sources = {"THON-B2"};
    r.target = UnitRef{"DB-W", "", "", ""};
    auto e = refused(r);
    EXPECT_TRUE(mentions(e, "unit", "1 hộ gia đình")) << describe(e);
    expect_same(mid, snapshot(c()), "a merge that fails on closing the source");
  }
  {
    // A later event cannot be put before an earlier one on the same unit.
    auto r = base("rename");
    r.unit = "CB-A1";
    r.new_name = "Chi bộ A1 mới";
    commit(r);
    auto mid = snapshot(c());
    auto m = base("move");
    m.unit = "DB-A";
    m.parent = "DB-W";
    m.effective_on = "2025-01-01";
    auto e = refused(m);
    EXPECT_TRUE(mentions(e, "effective_on", "đã có thay đổi từ")) << describe(e);
    expect_same(mid, snapshot(c()), "an event dated before a later change of a descendant");
  }
  expect_tallies_agree("the failed events");
}

TEST_F(Restructuring, APreviewChangesNothingAndShowsWhatTheCommitDoes) {
  auto r = merge_new({"DB-A", "DB-B"}, "DB-AB", "Đảng bộ xã AB");
  auto before = snapshot(c());
  auto p = run(c(), sys, r, false);
  ASSERT_TRUE(p) << describe(p.error());
  EXPECT_EQ(p->id, 0);
  EXPECT_FALSE(p->lines.empty());
  expect_same(before, snapshot(c()), "a preview");
  EXPECT_FALSE(org::find_unit_by_code(c(), "DB-AB"));
  auto o = commit(r);
  EXPECT_NE(o.id, 0);
  EXPECT_EQ(o.lines, p->lines);
  EXPECT_EQ(o.notes, p->notes);
  EXPECT_EQ(o.counts.moved, p->counts.moved);
  EXPECT_EQ(o.counts.people, p->counts.people);
  EXPECT_EQ(to_json(o, false)["lines"], to_json(*p, false)["lines"]);
  EXPECT_TRUE(audit::verify(c()).ok) << "the audit chain after a preview and a commit";
  // A preview of a refused event gives the same errors as its commit.
  auto bad = merge_new({"DB-A"}, "DB-X", "X");
  auto pe = run(c(), sys, bad, false), ce = run(c(), sys, bad, true);
  ASSERT_FALSE(pe);
  ASSERT_FALSE(ce);
  EXPECT_EQ(describe(pe.error()), describe(ce.error()));
}

// ---------------------------------------------------------------- permission

TEST_F(Restructuring, OfficersAreForbiddenAndAdminsOfAnotherSubtreeGetAFieldError) {
  auto before = snapshot(c());
  auto officer = testing::principal_on(auth::Role::kPhuTrach, root);
  auto e = refused(merge_new({"DB-A", "DB-B"}, "DB-AB", "Đảng bộ xã AB"), officer);
  EXPECT_EQ(e.code, ErrorCode::kForbidden);
  EXPECT_EQ(run(c(), officer, merge_new({"DB-A", "DB-B"}, "DB-AB", "AB"), false).error().code, ErrorCode::kForbidden);
  auto ward_admin = testing::principal_on(auth::Role::kQuanTri, w);
  e = refused(merge_new({"DB-A", "DB-B"}, "DB-AB", "Đảng bộ xã AB"), ward_admin);
  EXPECT_EQ(e.code, ErrorCode::kInvalid);
  EXPECT_TRUE(mentions(e, "sources", "Đảng bộ xã A (DB-A)")) << describe(e);
  EXPECT_TRUE(mentions(e, "sources", "Đảng bộ xã B (DB-B)")) << describe(e);
  // Into their own unit still needs the sources.
  auto into_w = base("merge");
  into_w.sources = {"DB-A"};
  into_w.target = UnitRef{"DB-W", "", "", ""};
  e = refused(into_w, ward_admin);
  EXPECT_TRUE(mentions(e, "sources", "(DB-A)")) << describe(e);
  expect_same(before, snapshot(c()), "refused principals");
  // The commune's admin merges its own cells into a new one under the commune.
  auto commune_admin = testing::principal_on(auth::Role::kQuanTri, a);
  auto own = merge_new({"CB-A1", "CB-A2"}, "CB-A12", "Chi bộ thôn A1-A2");
  own.target.kind = "chi_bo";
  auto o = run(c(), commune_admin, own, true);
  ASSERT_TRUE(o) << describe(o.error());
  EXPECT_EQ(unit("CB-A12").parent_id, a.id);
}

}  // namespace
}  // namespace ct05::restructurings
