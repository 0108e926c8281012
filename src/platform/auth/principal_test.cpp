// The permission table: role × action × place (own unit, below it, above it, beside it).
#include "platform/auth/principal.hpp"

#include <gtest/gtest.h>

namespace ct05::auth {
namespace {

// A city /1/ with commune committee /1/2/, its cell /1/2/3/ and a ward /1/4/.
constexpr const char* kCity = "/1/";
constexpr const char* kCommune = "/1/2/";
constexpr const char* kCell = "/1/2/3/";
constexpr const char* kWard = "/1/4/";

Principal with(Role role, const char* path, std::int64_t person = 0) {
  Principal p;
  p.user_id = 7;
  p.login = "u";
  p.person_id = person;
  p.grants.push_back(Grant{role, 2, path, "x"});
  return p;
}

struct Row {
  Role role;
  const char* grant;
  Action action;
  const char* target;
  bool allowed;
};

const Row kTable[] = {
    // phụ trách of the commune committee: everything in its subtree, nothing above or beside
    {Role::kPhuTrach, kCommune, Action::kViewUnit, kCommune, true},
    {Role::kPhuTrach, kCommune, Action::kViewUnit, kCell, true},
    {Role::kPhuTrach, kCommune, Action::kViewUnit, kCity, false},
    {Role::kPhuTrach, kCommune, Action::kViewUnit, kWard, false},
    {Role::kPhuTrach, kCommune, Action::kCreateUnit, kCell, true},
    {Role::kPhuTrach, kCommune, Action::kCreateUnit, kWard, false},
    {Role::kPhuTrach, kCommune, Action::kEditUnit, kCommune, true},
    {Role::kPhuTrach, kCommune, Action::kEditUnit, kCity, false},
    {Role::kPhuTrach, kCommune, Action::kDeactivateUnit, kCell, true},
    {Role::kPhuTrach, kCommune, Action::kDeactivateUnit, kCommune, false},  // not its own unit
    {Role::kPhuTrach, kCommune, Action::kViewPersonSensitive, kCell, true},
    {Role::kPhuTrach, kCommune, Action::kViewPersonSensitive, kWard, false},
    {Role::kPhuTrach, kCommune, Action::kEditPerson, kCell, true},
    {Role::kPhuTrach, kCommune, Action::kEditPerson, kWard, false},
    {Role::kPhuTrach, kCommune, Action::kViewAudit, kCell, true},
    {Role::kPhuTrach, kCommune, Action::kViewAudit, kCity, false},
    {Role::kPhuTrach, kCommune, Action::kManageUsers, kCell, true},  // accounts of its subtree (D26)
    {Role::kPhuTrach, kCommune, Action::kManageUsers, kWard, false},
    // phụ trách of the cell: the cell only
    {Role::kPhuTrach, kCell, Action::kViewUnit, kCell, true},
    {Role::kPhuTrach, kCell, Action::kViewUnit, kCommune, false},
    {Role::kPhuTrach, kCell, Action::kEditPerson, kCell, true},
    {Role::kPhuTrach, kCell, Action::kEditPerson, kCommune, false},
    // lãnh đạo: reads units and the non-sensitive part of people, changes nothing
    {Role::kLanhDao, kCity, Action::kViewUnit, kWard, true},
    {Role::kLanhDao, kCity, Action::kViewPerson, kCell, true},
    {Role::kLanhDao, kCity, Action::kViewPersonSensitive, kCell, false},
    {Role::kLanhDao, kCity, Action::kEditUnit, kCell, false},
    {Role::kLanhDao, kCity, Action::kEditPerson, kCell, false},
    {Role::kLanhDao, kCity, Action::kViewAudit, kCell, false},
    // đảng viên: sees their unit, not other people's records
    {Role::kDangVien, kCell, Action::kViewUnit, kCell, true},
    {Role::kDangVien, kCell, Action::kViewUnit, kCommune, false},
    {Role::kDangVien, kCell, Action::kViewPerson, kCell, false},
    {Role::kDangVien, kCell, Action::kEditPerson, kCell, false},
    {Role::kDangVien, kCell, Action::kEditUnit, kCell, false},
    // quản trị: everything in its subtree, its own root included
    {Role::kQuanTri, kCity, Action::kDeactivateUnit, kCity, true},
    {Role::kQuanTri, kCity, Action::kManageUsers, kWard, true},
    {Role::kQuanTri, kCity, Action::kViewPersonSensitive, kCell, true},
    {Role::kQuanTri, kCommune, Action::kViewUnit, kWard, false},
    // the register: every role nominates and reads in its subtree; officers verify and review; only quản trị
    // opens it and edits the catalogue
    {Role::kDangVien, kCell, Action::kNominate, kCell, true},
    {Role::kDangVien, kCell, Action::kNominate, kWard, false},
    {Role::kDangVien, kCell, Action::kViewRegister, kCell, true},
    {Role::kDangVien, kCell, Action::kVerifyEntry, kCell, false},
    {Role::kLanhDao, kCity, Action::kNominate, kCell, true},
    {Role::kLanhDao, kCity, Action::kReviewEntry, kCommune, false},
    {Role::kPhuTrach, kCell, Action::kVerifyEntry, kCell, true},
    {Role::kPhuTrach, kCell, Action::kReviewEntry, kCommune, false},  // the committee above reviews
    {Role::kPhuTrach, kCommune, Action::kReviewEntry, kCommune, true},
    {Role::kPhuTrach, kCommune, Action::kVerifyEntry, kWard, false},
    {Role::kPhuTrach, kCommune, Action::kManageRegister, kCommune, false},
    {Role::kQuanTri, kCity, Action::kManageRegister, kCity, true},
    // models: the catalogue is quản trị's; units' adoptions are their officers' (kEditPlan)
    {Role::kPhuTrach, kCommune, Action::kManageModels, kCommune, false},
    {Role::kLanhDao, kCity, Action::kManageModels, kCity, false},
    {Role::kQuanTri, kCity, Action::kManageModels, kCity, true},
    // meetings and evaluations: the unit's officers record and rate; the unit above reopens a locked year
    {Role::kPhuTrach, kCell, Action::kRecordMeeting, kCell, true},
    {Role::kPhuTrach, kCell, Action::kRecordMeeting, kCommune, false},
    {Role::kPhuTrach, kCell, Action::kEvaluate, kCell, true},
    {Role::kPhuTrach, kCell, Action::kReopenYear, kCommune, false},  // the cell cannot reopen its own year
    {Role::kPhuTrach, kCommune, Action::kReopenYear, kCommune, true},
    {Role::kLanhDao, kCity, Action::kRecordMeeting, kCell, false},
    {Role::kLanhDao, kCity, Action::kEvaluate, kCell, false},
    {Role::kDangVien, kCell, Action::kEvaluate, kCell, false},
    // ethics standards: officers publish; only the person acknowledges (see the test below)
    {Role::kPhuTrach, kCell, Action::kPublishEthics, kCell, true},
    {Role::kPhuTrach, kCell, Action::kPublishEthics, kCommune, false},
    {Role::kLanhDao, kCity, Action::kPublishEthics, kCell, false},
    {Role::kPhuTrach, kCell, Action::kAcknowledgeEthics, kCell, false},  // not on a member's behalf
    {Role::kQuanTri, kCity, Action::kAcknowledgeEthics, kCell, false},
    // villages: households are personal data for officers; leaders read only the figures (kViewPlan)
    {Role::kPhuTrach, kCommune, Action::kViewHouseholds, kCell, true},
    {Role::kPhuTrach, kCommune, Action::kEditHouseholds, kWard, false},
    {Role::kPhuTrach, kCommune, Action::kAssessVillage, kCell, true},
    {Role::kLanhDao, kCity, Action::kViewHouseholds, kCell, false},
    {Role::kDangVien, kCell, Action::kViewHouseholds, kCell, false},
    {Role::kPhuTrach, kCommune, Action::kManageCriteria, kCommune, false},
    {Role::kQuanTri, kCity, Action::kManageCriteria, kCity, true},
    // quizzes: officers keep their banks and run rounds; every member takes a round open to them
    {Role::kPhuTrach, kCell, Action::kManageQuestions, kCell, true},
    {Role::kPhuTrach, kCell, Action::kManageQuestions, kCity, false},  // not the shared bank
    {Role::kPhuTrach, kCommune, Action::kRunQuiz, kCell, true},
    {Role::kLanhDao, kCity, Action::kRunQuiz, kCell, false},
    {Role::kDangVien, kCell, Action::kTakeQuiz, kCell, true},
    {Role::kDangVien, kCell, Action::kTakeQuiz, kWard, false},
    {Role::kDangVien, kCell, Action::kManageQuestions, kCell, false},
};

TEST(PermissionTable, EveryRowDecidesAsExpected) {
  for (const auto& row : kTable) {
    auto p = with(row.role, row.grant);
    EXPECT_EQ(allowed(p, row.action, {row.target}), row.allowed)
        << role_code(row.role) << " on " << row.grant << ", action " << static_cast<int>(row.action) << ", target "
        << row.target;
  }
}

TEST(PermissionTable, RefusalIsForbiddenWithVietnameseMessage) {
  auto r = authorize(with(Role::kPhuTrach, kCell), Action::kViewUnit, {kCommune});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kForbidden);
  EXPECT_NE(r.error().message.find("không có quyền"), std::string::npos);
}

TEST(PermissionTable, AnonymousIsUnauthenticated) {
  auto r = authorize(Principal{}, Action::kViewUnit, {kCity});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kUnauthenticated);
}

TEST(PermissionTable, ASiblingPathWithTheSamePrefixDigitsIsOutside) {
  // "/1/2/" must not cover "/1/23/": paths end with a slash so prefixes never cut a number.
  EXPECT_FALSE(allowed(with(Role::kPhuTrach, "/1/2/"), Action::kViewUnit, {"/1/23/"}));
}

TEST(PermissionTable, APersonSeesTheirOwnFullRecordButNoOneElses) {
  auto p = with(Role::kDangVien, kCell, 42);
  EXPECT_TRUE(allowed(p, Action::kViewPersonSensitive, {kCell, 42}));
  EXPECT_FALSE(allowed(p, Action::kViewPersonSensitive, {kCell, 43}));
  EXPECT_FALSE(allowed(p, Action::kEditPerson, {kCell, 42}));
}

TEST(PermissionTable, OnlyThePersonAcknowledgesEthicsStandards) {
  auto member = with(Role::kDangVien, kCell, 42);
  EXPECT_TRUE(allowed(member, Action::kAcknowledgeEthics, {kCell, 42}));
  EXPECT_FALSE(allowed(member, Action::kAcknowledgeEthics, {kCell, 43}));
  auto officer = with(Role::kPhuTrach, kCommune, 50);
  EXPECT_TRUE(allowed(officer, Action::kAcknowledgeEthics, {kCell, 50}));  // for themself
  EXPECT_FALSE(allowed(officer, Action::kAcknowledgeEthics, {kCell, 42}));  // not for a member
}

TEST(PermissionTable, ScopePathsListOnlyGrantsThatAllowTheAction) {
  Principal p = with(Role::kLanhDao, kCity);
  p.grants.push_back(Grant{Role::kPhuTrach, 3, kWard, "w"});
  EXPECT_EQ(p.scope_paths(Action::kEditPerson), std::vector<std::string>{kWard});
  EXPECT_EQ(p.scope_paths(Action::kViewUnit).size(), 2u);
}

}  // namespace
}  // namespace ct05::auth
