#include "platform/auth/principal.hpp"

namespace ct05::auth {

std::optional<Role> parse_role(std::string_view s) {
  if (s == "quan_tri") return Role::kQuanTri;
  if (s == "phu_trach") return Role::kPhuTrach;
  if (s == "lanh_dao") return Role::kLanhDao;
  if (s == "dang_vien") return Role::kDangVien;
  return std::nullopt;
}

std::string_view role_code(Role r) {
  switch (r) {
    case Role::kQuanTri: return "quan_tri";
    case Role::kPhuTrach: return "phu_trach";
    case Role::kLanhDao: return "lanh_dao";
    case Role::kDangVien: return "dang_vien";
  }
  return "";
}

std::string_view role_label(Role r) {
  switch (r) {
    case Role::kQuanTri: return "Quản trị";
    case Role::kPhuTrach: return "Phụ trách đơn vị";
    case Role::kLanhDao: return "Lãnh đạo";
    case Role::kDangVien: return "Đảng viên / cán bộ";
  }
  return "";
}

namespace {

// Which actions a role may take on its subtree. Person-own rules are handled below.
bool role_allows(Role role, Action action) {
  switch (role) {
    case Role::kQuanTri: return action != Action::kAcknowledgeEthics;
    case Role::kPhuTrach:
      // An officer acknowledges standards as a person (the rule above), never on others' behalf.
      // An officer manages the accounts of their subtree (never an admin's, never above their own role:
      // modules/accounts decides that), so kManageUsers is theirs too.
      return action != Action::kManageYears && action != Action::kManageRegister &&
             action != Action::kManageModels && action != Action::kAcknowledgeEthics && action != Action::kManageCriteria &&
             action != Action::kManageReports && action != Action::kRestructure;
    case Role::kLanhDao:
      return action == Action::kViewUnit || action == Action::kViewPerson || action == Action::kViewPlan ||
             action == Action::kViewRegister || action == Action::kNominate || action == Action::kTakeQuiz ||
             action == Action::kViewReports;
    case Role::kDangVien:
      return action == Action::kViewUnit || action == Action::kViewPlan || action == Action::kViewRegister ||
             action == Action::kNominate || action == Action::kTakeQuiz;
  }
  return false;
}

bool needs_strict_descendant(Role role, Action action) {
  // An officer may not dissolve or move the unit they were put in charge of; that is for the unit above.
  return role != Role::kQuanTri && action == Action::kDeactivateUnit;
}

}  // namespace

std::vector<std::string> Principal::scope_paths(Action action) const {
  std::vector<std::string> out;
  for (const auto& g : grants)
    if (role_allows(g.role, action)) out.push_back(g.unit_path);
  return out;
}

Principal system_principal() {
  Principal p;
  p.user_id = -1;
  p.login = "hệ thống";
  p.display_name = "Hệ thống";
  p.grants.push_back(Grant{Role::kQuanTri, 0, "/", "Toàn hệ thống"});
  return p;
}

Result<void> authorize(const Principal& who, Action action, const Target& target) {
  if (!who.authenticated()) return fail(Error::unauthenticated());
  // Everyone may read their own full record (PDPL: the data subject sees their data).
  if (target.person_id != 0 && target.person_id == who.person_id &&
      (action == Action::kViewPerson || action == Action::kViewPersonSensitive || action == Action::kEditCommitment ||
       action == Action::kAcknowledgeEthics))
    return {};
  for (const auto& g : who.grants) {
    if (!role_allows(g.role, action)) continue;
    if (!in_subtree(target.unit_path, g.unit_path)) continue;
    if (needs_strict_descendant(g.role, action) && target.unit_path == g.unit_path) continue;
    return {};
  }
  return fail(Error::forbidden());
}

Result<void> authorize_any(const Principal& who, Action action) {
  if (!who.authenticated()) return fail(Error::unauthenticated());
  auto scope = who.scope_paths(action);
  if (scope.empty()) return fail(Error::forbidden());
  return authorize(who, action, {scope.front()});
}

}  // namespace ct05::auth
