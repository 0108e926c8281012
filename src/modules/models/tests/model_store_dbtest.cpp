// Models on both engines, on the demo data: who keeps the catalogue and who registers adoptions, and how
// outcomes add up over a subtree (the latest record of each adoption, nothing outside the subtree).
#include <gtest/gtest.h>

#include "modules/models/storage/model_store.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "platform/auth/accounts.hpp"
#include "support/test_db.hpp"

namespace ct05::models {
namespace {

class Models : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new testing::TestDb();
    db_->load_demo();
  }
  static void TearDownTestSuite() { delete db_; }
  static db::Connection& c() { return db_->conn(); }
  static auth::Principal user(const std::string& login) { return *org::principal_of(c(), login); }
  static org::Unit unit(const std::string& code) { return *org::find_unit_by_code(c(), code); }
  static Model model(const std::string& name) {
    for (const auto& m : list_models(c(), false))
      if (m.name == name) return m;
    throw std::runtime_error("no model " + name);
  }
  static const Spread::Total& total(const Spread& s, const std::string& label) {
    for (const auto& t : s.totals)
      if (t.metric.label == label) return t;
    throw std::runtime_error("no figure " + label);
  }
  static testing::TestDb* db_;
};
testing::TestDb* Models::db_ = nullptr;

TEST_F(Models, TheArticlesSevenModelsWithTheirFigures) {
  EXPECT_EQ(list_models(c(), true).size(), 7u);
  auto pig = model("Nuôi lợn đất tiết kiệm");
  ASSERT_EQ(pig.metrics.size(), 2u);
  EXPECT_EQ(pig.metrics[0].label, "Số tiền tiết kiệm");
  EXPECT_EQ(pig.metrics[0].unit_label, "đồng");
  EXPECT_EQ(parse_metric_line("Hộ được giúp (hộ)"), std::make_pair(std::string("Hộ được giúp"), std::string("hộ")));
  EXPECT_EQ(parse_metric_line("Không có đơn vị"), std::make_pair(std::string("Không có đơn vị"), std::string("")));
}

TEST_F(Models, OutcomesAddUpOverASubtreeFromEachAdoptionsLatestRecord) {
  auto pig = model("Nuôi lợn đất tiết kiệm");
  // Khuổi Cuồng 8,500,000 and Nà Nàng 11,200,000 at the end of 2020 (the June figures are superseded).
  auto commune = spread(c(), pig, unit("DB-NONGTHUONG").path);
  EXPECT_EQ(commune.units, 2);
  EXPECT_EQ(total(commune, "Số tiền tiết kiệm").sum, 19700000);
  EXPECT_EQ(total(commune, "Số tiền tiết kiệm").reporting, 2);
  EXPECT_EQ(total(commune, "Hộ được giúp").sum, 5);
  auto cell = spread(c(), pig, unit("CB-KHUOICUONG").path);
  EXPECT_EQ(cell.units, 1);
  EXPECT_EQ(total(cell, "Số tiền tiết kiệm").sum, 8500000);
  auto ward = spread(c(), pig, unit("DB-SONGCAU").path);
  EXPECT_EQ(ward.units, 0);
  EXPECT_EQ(total(ward, "Số tiền tiết kiệm").sum, 0);
  // A later record replaces the unit's figure; an earlier one (a late correction of June) does not.
  auto officer = user("khuoicuong");
  auto adoption = unit_adoptions(c(), unit("CB-KHUOICUONG").id);
  auto it = std::find_if(adoption.begin(), adoption.end(), [&](const Adoption& a) { return a.model_id == pig.id; });
  ASSERT_NE(it, adoption.end());
  auto money = it->figures[0].metric_id;
  ASSERT_TRUE(record_outcomes(c(), officer, it->id, "2020-07-31", {{money, 1}}));
  EXPECT_EQ(total(spread(c(), pig, unit("DB-NONGTHUONG").path), "Số tiền tiết kiệm").sum, 19700000);
  auto later = record_outcomes(c(), officer, it->id, "2021-03-31", {{money, 9000000}});
  ASSERT_TRUE(later) << later.error().message;
  EXPECT_EQ(later->figures[0].value, 9000000);
  EXPECT_EQ(total(spread(c(), pig, unit("DB-NONGTHUONG").path), "Số tiền tiết kiệm").sum, 20200000);
  // The city sees the spread by kind of unit.
  auto city = spread(c(), model("Kể chuyện về Bác trong các buổi sinh hoạt định kỳ"), unit("TU-BACKAN").path);
  EXPECT_EQ(city.units, 3);
  std::int64_t by_kind = 0;
  for (const auto& [k, n] : city.by_kind) by_kind += n;
  EXPECT_EQ(by_kind, 3);
}

TEST_F(Models, WhoKeepsTheCatalogueAndWhoRegistersAdoptions) {
  ModelInput in;
  in.name = "Tổ tự quản đường làng";
  in.metrics = "Km đường được chăm sóc (km)";
  EXPECT_EQ(create_model(c(), user("nongthuong"), in).error().code, ErrorCode::kForbidden);
  auto m = create_model(c(), user("admin"), in);
  ASSERT_TRUE(m) << m.error().message;
  EXPECT_EQ(create_model(c(), user("admin"), in).error().code, ErrorCode::kConflict);  // same name
  AdoptionInput a;
  a.model_id = m->id;
  a.unit_id = unit("CB-NANANG").id;
  a.since = "2020-01-01";
  EXPECT_EQ(adopt(c(), user("khuoicuong"), a).error().code, ErrorCode::kForbidden);  // not its cell
  EXPECT_EQ(adopt(c(), user("lanhdao"), a).error().code, ErrorCode::kForbidden);     // leaders read only
  a.since = "2099-01-01";
  EXPECT_EQ(adopt(c(), user("nongthuong"), a).error().code, ErrorCode::kInvalid);
  a.since = "2020-01-01";
  auto ok = adopt(c(), user("nongthuong"), a);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(adopt(c(), user("nongthuong"), a).error().code, ErrorCode::kConflict);  // already applying it
  auto metric = ok->figures[0].metric_id;
  EXPECT_EQ(record_outcomes(c(), user("nongthuong"), ok->id, "2019-12-31", {{metric, 3}}).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(record_outcomes(c(), user("nongthuong"), ok->id, "2020-06-30", {{metric, -3}}).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(record_outcomes(c(), user("nongthuong"), ok->id, "2020-06-30", {{999999, 3}}).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(record_outcomes(c(), user("khuoicuong"), ok->id, "2020-06-30", {{metric, 3}}).error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(record_outcomes(c(), user("nongthuong"), ok->id, "2020-06-30", {{metric, 3}}));
  // A figure with records cannot be dropped from the model, only renamed.
  ModelInput drop;
  drop.metrics = "";
  EXPECT_EQ(update_model(c(), user("admin"), m->id, drop).error().code, ErrorCode::kInvalid);
  ModelInput rename;
  rename.metrics = "Đường làng được chăm sóc (km)";
  auto renamed = update_model(c(), user("admin"), m->id, rename);
  ASSERT_TRUE(renamed);
  EXPECT_EQ(renamed->metrics[0].id, metric);
  EXPECT_EQ(find_adoption(c(), ok->id)->figures[0].value, 3);
}

}  // namespace
}  // namespace ct05::models
