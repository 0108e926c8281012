#pragma once
// Who is asking, and the one function that decides what they may do (DESIGN §2).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kernel/error.hpp"

namespace ct05::auth {

//! The four roles of DESIGN §2; citizens are anonymous principals.
enum class Role { kQuanTri, kPhuTrach, kLanhDao, kDangVien };

//! "quan_tri" ↔ Role::kQuanTri, …
std::optional<Role> parse_role(std::string_view s);
std::string_view role_code(Role r);
//! Vietnamese label ("quản trị", "phụ trách đơn vị", …).
std::string_view role_label(Role r);

//! Every action a request can ask for. Modules add theirs here so one table decides all.
enum class Action {
  kViewUnit,             //!< read a unit and its lists
  kCreateUnit,           //!< target: the parent
  kEditUnit,             //!< rename, recode, change details
  kDeactivateUnit,       //!< only strictly below the grant's unit, except for quản trị
  kViewPerson,           //!< the non-sensitive part of a person's record
  kViewPersonSensitive,  //!< party card, ethnicity, phone, ID number
  kEditPerson,           //!< create (target: the unit), edit, deactivate
  kViewAudit,
  kManageUsers,
  kManageYears,     //!< the year's breakthrough theme and study topic (quản trị)
  kViewPlan,        //!< read plans, commitments, pressing issues and indicators
  kEditPlan,        //!< write the unit's plan and pressing issues
  kReviewPlan,      //!< accept or return: a unit's plan (target: the parent), a commitment (target: the unit)
  kEditCommitment,  //!< write a commitment: the person themself, or an officer of their unit
  kViewRegister,    //!< read the register of good deeds of a subtree, published or not
  kNominate,        //!< propose an entry for the register (target: the entry's unit)
  kVerifyEntry,     //!< the unit's steps: verify or reject a new entry, record consent (target: the entry's unit)
  kReviewEntry,     //!< the committee's steps: approve, commend, publish, unpublish (target: the unit above)
  kManageRegister,  //!< where the register is open and its categories (quản trị)
  kManageModels,    //!< the catalogue of models and the figures each counts (quản trị)
  kRecordMeeting,   //!< record a unit's meetings, attendance and minutes (target: the unit)
  kEvaluate,        //!< rate plans and commitments, hold the year-end review that locks the year (target: the unit)
  kReopenYear,      //!< reopen a unit's locked year (target: the unit above)
  kPublishEthics,   //!< publish a new version of the unit's ethics standards (target: the unit)
  kAcknowledgeEthics,  //!< acknowledge the standards in force: the person themself only (target: unit + person)
  kViewHouseholds,   //!< households of a village with their members and poverty status (personal data; officers)
  kEditHouseholds,   //!< keep households, record poverty status, import households (target: the village)
  kAssessVillage,    //!< assess a village against a criteria set, record its recognition (target: the village)
  kManageCriteria,   //!< criteria sets and poverty standards (quản trị)
  kManageQuestions,  //!< keep a question bank (target: the bank's unit; the shared bank is the root's)
  kRunQuiz,          //!< open an online quiz round or host a live draw for a subtree (target: its unit)
  kTakeQuiz,         //!< take an online quiz round open to the subtree (target: the round's unit)
  kViewReports,      //!< generate and read the periodic reports of a subtree (officers, lãnh đạo)
  kManageReports,    //!< the report templates' versions (quản trị)
  kRestructure,      //!< record a merge, split, move, rename or dissolution (quản trị of every unit involved)
};

//! A role granted on a unit; it holds for the unit's whole subtree.
struct Grant {
  Role role = Role::kDangVien;
  std::int64_t unit_id = 0;
  std::string unit_path;  //!< materialized path of the unit, "/1/4/9/"
  std::string unit_name;
};

struct Principal {
  std::int64_t user_id = 0;  //!< 0: anonymous
  std::string login;
  std::string display_name;
  std::int64_t person_id = 0;  //!< the person record of this account, if any
  std::vector<Grant> grants;

  bool authenticated() const { return user_id != 0; }
  //! The name recorded as who did something (display name, else login).
  const std::string& actor() const { return display_name.empty() ? login : display_name; }
  //! The widest unit this principal works on (first grant), 0 when none.
  std::int64_t home_unit() const { return grants.empty() ? 0 : grants.front().unit_id; }
  //! The paths of every grant whose role allows action (used to scope list queries).
  std::vector<std::string> scope_paths(Action action) const;
};


//! What an action is about: a unit (by its path) and, for person actions, the person.
struct Target {
  std::string unit_path;
  std::int64_t person_id = 0;
};

//! The principal of CLI commands and the demo loader: quản trị over every tree.
Principal system_principal();

//! The one permission decision for pages and API alike.
Result<void> authorize(const Principal& who, Action action, const Target& target);
//! For settings of the whole installation (years, the register, the models' catalogue): allowed when any of
//! the principal's grants allows the action.
Result<void> authorize_any(const Principal& who, Action action);
//! Same as authorize() but as a bool (for showing or hiding buttons).
inline bool allowed(const Principal& who, Action action, const Target& target) {
  return authorize(who, action, target).has_value();
}

//! True when path lies in the subtree rooted at root (both materialized paths).
inline bool in_subtree(std::string_view path, std::string_view root) {
  return !root.empty() && path.size() >= root.size() && path.compare(0, root.size(), root) == 0;
}

}  // namespace ct05::auth
