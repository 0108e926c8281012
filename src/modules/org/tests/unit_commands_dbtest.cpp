// Unit commands on both engines: create/update/deactivate, validation, conflicts, scope, audit, search.
#include <set>

#include <gtest/gtest.h>

#include "modules/org/storage/unit_store.hpp"
#include "platform/audit/audit.hpp"
#include "platform/search/search.hpp"
#include "support/test_db.hpp"

namespace ct05::org {
namespace {

UnitInput input(const std::string& code, const std::string& name, const std::string& kind, std::int64_t parent) {
  UnitInput in;
  in.code = code;
  in.name = name;
  in.kind = kind;
  in.parent_id = parent;
  in.valid_from = "2020-01-01";
  return in;
}

struct Tree {
  Unit root, commune, cell, ward;
};

Tree make_tree(db::Connection& c) {
  auto sys = auth::system_principal();
  UnitInput r = input("TU-X", "Thành ủy X", "thanh_uy", 0);
  Tree t;
  t.root = *create_root_unit(c, sys, r);
  t.commune = *create_unit(c, sys, input("DB-A", "Đảng bộ xã A", "dang_bo_co_so", t.root.id));
  t.cell = *create_unit(c, sys, input("CB-A1", "Chi bộ thôn A1", "chi_bo", t.commune.id));
  t.ward = *create_unit(c, sys, input("DB-B", "Đảng bộ phường B", "dang_bo_co_so", t.root.id));
  return t;
}

auth::Principal officer(const Unit& u) {
  auth::Principal p;
  p.user_id = 99;
  p.login = "officer";
  p.grants.push_back({auth::Role::kPhuTrach, u.id, u.path, u.name});
  return p;
}

TEST(UnitCommands, CreateBuildsPathsAndWritesAuditAndSearch) {
  testing::TestDb db;
  auto t = make_tree(db.conn());
  EXPECT_EQ(t.cell.path, t.commune.path + std::to_string(t.cell.id) + "/");
  EXPECT_EQ(t.cell.depth, 2);
  EXPECT_EQ(count_subtree(db.conn(), t.root.path), 4);
  EXPECT_EQ(audit::count(db.conn(), {"/"}, "unit.create"), 4);
  auto hits = search::find(db.conn(), "chi bo thon a1", {"/"}, 10);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].ref_id, t.cell.id);
}

TEST(UnitCommands, InvalidInputGivesVietnameseFieldErrorsAndWritesNothing) {
  testing::TestDb db;
  auto t = make_tree(db.conn());
  auto before = count_subtree(db.conn(), "/");
  UnitInput in = input("bad code", "", "khong_co", t.root.id);
  in.valid_from = "2020-02-30";
  auto r = create_unit(db.conn(), auth::system_principal(), in);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  std::set<std::string> fields;
  for (const auto& f : r.error().fields) fields.insert(f.field);
  EXPECT_EQ(fields, (std::set<std::string>{"code", "name", "kind", "valid_from"}));
  EXPECT_EQ(count_subtree(db.conn(), "/"), before);
}

TEST(UnitCommands, DuplicateCodeIsAFieldError) {
  testing::TestDb db;
  auto t = make_tree(db.conn());
  auto r = create_unit(db.conn(), auth::system_principal(), input("CB-A1", "Chi bộ khác", "chi_bo", t.commune.id));
  ASSERT_FALSE(r);
  ASSERT_EQ(r.error().fields.size(), 1u);
  EXPECT_EQ(r.error().fields[0].field, "code");
  // The failed insert left no row, audit entry or search document behind.
  EXPECT_EQ(audit::count(db.conn(), {"/"}, "unit.create"), 4);
  EXPECT_TRUE(search::find(db.conn(), "chi bo khac", {"/"}, 10).empty());
}

TEST(UnitCommands, OfficerCannotTouchUnitsOutsideTheirSubtree) {
  testing::TestDb db;
  auto t = make_tree(db.conn());
  auto cell_officer = officer(t.cell);
  EXPECT_EQ(get_unit(db.conn(), cell_officer, t.commune.id).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(create_unit(db.conn(), cell_officer, input("CB-Z", "Z", "chi_bo", t.commune.id)).error().code,
            ErrorCode::kForbidden);
  UnitInput rename;
  rename.name = "Tên mới";
  EXPECT_EQ(update_unit(db.conn(), cell_officer, t.ward.id, rename).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(find_unit(db.conn(), t.ward.id)->name, "Đảng bộ phường B");
  EXPECT_TRUE(update_unit(db.conn(), cell_officer, t.cell.id, rename));
  EXPECT_EQ(find_unit(db.conn(), t.cell.id)->name, "Tên mới");
}

TEST(UnitCommands, UpdateRecordsBeforeAndAfter) {
  testing::TestDb db;
  auto t = make_tree(db.conn());
  UnitInput in;
  in.name = "Chi bộ thôn A một";
  ASSERT_TRUE(update_unit(db.conn(), auth::system_principal(), t.cell.id, in));
  auto e = audit::list(db.conn(), {"/"}, "unit.update", 1, 0);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_NE(e[0].before.find("Chi bộ thôn A1"), std::string::npos);
  EXPECT_NE(e[0].after.find("Chi bộ thôn A một"), std::string::npos);
  EXPECT_EQ(search::find(db.conn(), "a mot", {"/"}, 10).size(), 1u);
}

TEST(UnitCommands, DeactivateKeepsHistoryAndRefusesWhileChildrenAreActive) {
  testing::TestDb db;
  auto t = make_tree(db.conn());
  auto sys = auth::system_principal();
  auto r = deactivate_unit(db.conn(), sys, t.commune.id, "2025-07-01");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  auto cell = deactivate_unit(db.conn(), sys, t.cell.id, "2025-07-01");
  ASSERT_TRUE(cell) << cell.error().message;
  EXPECT_FALSE(cell->active);
  EXPECT_EQ(cell->valid_to, "2025-07-01");
  EXPECT_EQ(find_unit(db.conn(), t.cell.id)->valid_from, "2020-01-01");
  EXPECT_TRUE(deactivate_unit(db.conn(), sys, t.commune.id, "2025-07-01"));
  EXPECT_EQ(deactivate_unit(db.conn(), sys, t.cell.id, "").error().code, ErrorCode::kConflict);
}

TEST(UnitCommands, OfficerCannotDeactivateTheirOwnUnit) {
  testing::TestDb db;
  auto t = make_tree(db.conn());
  EXPECT_EQ(deactivate_unit(db.conn(), officer(t.cell), t.cell.id, "").error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(find_unit(db.conn(), t.cell.id)->active);
}

TEST(UnitCommands, GrantsLoadWithTheirPaths) {
  testing::TestDb db;
  auto t = make_tree(db.conn());
  db.conn().exec("INSERT INTO users (login, password_hash, display_name, active, created_at) VALUES ('u1', '', 'U', 1, 'x')");
  auto uid = db.conn().scalar("SELECT id FROM users WHERE login = 'u1'");
  grant_role(db.conn(), auth::system_principal(), uid, auth::Role::kPhuTrach, t.cell.id);
  auth::Principal p;
  p.user_id = uid;
  load_grants(db.conn(), p);
  ASSERT_EQ(p.grants.size(), 1u);
  EXPECT_EQ(p.grants[0].unit_path, t.cell.path);
  EXPECT_EQ(p.grants[0].role, auth::Role::kPhuTrach);
}

}  // namespace
}  // namespace ct05::org
