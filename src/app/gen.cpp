#include "app/gen.hpp"

#include <chrono>
#include <initializer_list>
#include <vector>

#include "kernel/clock.hpp"
#include "kernel/text.hpp"
#include "modules/plans/storage/tallies.hpp"

namespace ct05::app {

namespace {

// The shape of each scale. Country: 34 provinces, 3,321 communes, 63,619 villages, 5.6 million members.
struct Shape {
  const char* root_name;
  const char* root_kind;
  int provinces;        // 0: the root is itself the province or city
  int communes;         // in total
  int villages;         // in total
  std::int64_t members; // in total
};
Shape shape_of(Scale s) {
  switch (s) {
    case Scale::kCity: return {"Thành ủy (dữ liệu tổng hợp)", "thanh_uy", 0, 8, 64, 3000};
    case Scale::kProvince: return {"Tỉnh ủy (dữ liệu tổng hợp)", "tinh_uy", 0, 100, 1900, 150000};
    case Scale::kCountry: return {"Toàn quốc (dữ liệu tổng hợp)", "tinh_uy", 34, 3321, 63619, 5600000};
  }
  return {};
}

constexpr const char* kSurnames[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
                                     "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Nông", "Lường", "Ma", "Triệu"};
constexpr const char* kMiddles[] = {"Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Ngọc", "Hữu"};
constexpr const char* kGiven[] = {"An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hoa", "Hùng", "Lan", "Linh",
                                  "Mai", "Nam", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Yến"};

// Rows are buffered and loaded in batches (COPY on PostgreSQL, a reused prepared INSERT on SQLite).
class Loader {
 public:
  Loader(db::Connection& c, std::string table, std::vector<std::string> cols)
      : c_(c), table_(std::move(table)), cols_(std::move(cols)) {}
  void add(std::vector<db::Value> row) {
    rows_.push_back(std::move(row));
    if (rows_.size() >= 50000) flush();
  }
  //! Tables whose rows must be loaded before this one's (foreign keys are checked row by row).
  void after(std::initializer_list<Loader*> deps) { deps_ = deps; }
  void flush() {
    for (auto* d : deps_) d->flush();
    if (rows_.empty()) return;
    c_.bulk_insert(table_, cols_, rows_);
    total_ += static_cast<std::int64_t>(rows_.size());
    rows_.clear();
  }
  std::int64_t total() const { return total_ + static_cast<std::int64_t>(rows_.size()); }

 private:
  db::Connection& c_;
  std::string table_;
  std::vector<std::string> cols_;
  std::vector<std::vector<db::Value>> rows_;
  std::vector<Loader*> deps_;
  std::int64_t total_ = 0;
};

}  // namespace

Result<GenCounts> generate(db::Connection& c, Scale scale, const std::function<void(const std::string&)>& progress) {
  if (c.scalar("SELECT COUNT(*) FROM units") > 0)
    return fail(Error::conflict("Cơ sở dữ liệu đã có đơn vị; `ct05 gen` chỉ chạy trên cơ sở dữ liệu trống."));
  const Shape sh = shape_of(scale);
  const std::string now = kernel::now_iso();
  const std::int64_t kYears[] = {2024, 2025};
  GenCounts n;
  auto t0 = std::chrono::steady_clock::now();
  auto say = [&](const std::string& what) {
    auto s = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - t0).count();
    progress("[" + std::to_string(s) + " s] " + what);
  };

  c.begin();
  try {
    Loader units(c, "units", {"id", "code", "name", "sort_name", "kind", "parent_id", "path", "depth", "valid_from",
                              "active", "note", "created_at", "updated_at"});
    Loader persons(c, "persons", {"id", "full_name", "sort_name", "gender", "birth_year", "is_party_member",
                                  "cadre_status", "position", "active", "created_at", "updated_at"});
    Loader members(c, "memberships", {"person_id", "unit_id", "position", "valid_from"});
    Loader plans(c, "plans", {"id", "owner_kind", "unit_id", "person_id", "year", "status", "created_at", "updated_at"});
    Loader items(c, "plan_items", {"plan_id", "position", "content", "status"});
    persons.after({&units});
    members.after({&units, &persons});
    plans.after({&units, &persons});
    items.after({&plans});

    std::int64_t next_unit = 0, next_person = 0, next_plan = 0;
    auto add_unit = [&](const std::string& code, const std::string& name, const char* kind, std::int64_t parent,
                        const std::string& parent_path, int depth) {
      std::int64_t id = ++next_unit;
      std::string path = parent_path + std::to_string(id) + "/";
      units.add({id, code, name, kernel::fold(name), std::string(kind), parent ? db::Value{parent} : db::Value{}, path,
                 std::int64_t{depth}, std::string("2016-05-15"), std::int64_t{1}, std::string(), now, now});
      return std::make_pair(id, path);
    };
    // Deterministic: the i-th plan of a unit or person is accepted unless i hits one of these strides.
    auto plan_for = [&](const char* kind, std::int64_t unit_id, std::int64_t person_id, std::int64_t i) {
      for (auto year : kYears) {
        std::int64_t id = ++next_plan;
        const char* status = (i + year) % 10 == 0 ? "submitted" : (i + year) % 23 == 0 ? "draft" : "accepted";
        plans.add({id, std::string(kind), unit_id, person_id ? db::Value{person_id} : db::Value{}, year,
                   std::string(status), now, now});
        items.add({id, std::int64_t{1},
                   std::string(person_id ? "Nêu cao tinh thần trách nhiệm, nói đi đôi với làm, gắn bó với nhân dân"
                                         : "Tổ chức kể chuyện về Bác trong các buổi sinh hoạt định kỳ"),
                   std::string("dang_thuc_hien")});
        if (person_id) ++n.commitments;
        else ++n.plans;
      }
    };

    auto [root, root_path] = add_unit("GEN-ROOT", sh.root_name, sh.root_kind, 0, "/", 0);
    int provinces = sh.provinces ? sh.provinces : 1;
    std::int64_t members_per_village = sh.members / sh.villages;
    std::int64_t extra_members = sh.members % sh.villages;
    std::int64_t village_index = 0, commune_index = 0;
    for (int p = 0; p < provinces; ++p) {
      std::int64_t prov = root;
      std::string prov_path = root_path;
      int depth = 1;
      if (sh.provinces) {
        auto pr = add_unit("GEN-P" + std::to_string(p + 1), "Tỉnh ủy tổng hợp " + std::to_string(p + 1), "tinh_uy", root,
                           root_path, 1);
        prov = pr.first;
        prov_path = pr.second;
        depth = 2;
      }
      int communes = sh.communes / provinces + (p < sh.communes % provinces ? 1 : 0);
      for (int k = 0; k < communes; ++k, ++commune_index) {
        std::string cn = std::to_string(commune_index + 1);
        auto [db_id, db_path] = add_unit("GEN-DB" + cn, "Đảng bộ xã tổng hợp " + cn, "dang_bo_co_so", prov, prov_path, depth);
        plan_for("unit", db_id, 0, commune_index);
        auto [xa_id, xa_path] = add_unit("GEN-XA" + cn, "Xã tổng hợp " + cn, "xa_phuong", db_id, db_path, depth + 1);
        int villages = static_cast<int>(sh.villages / sh.communes + (commune_index < sh.villages % sh.communes ? 1 : 0));
        for (int v = 0; v < villages; ++v, ++village_index) {
          std::string vn = std::to_string(village_index + 1);
          add_unit("GEN-TH" + vn, "Thôn tổng hợp " + vn, "thon", xa_id, xa_path, depth + 2);
          auto [cb_id, cb_path] = add_unit("GEN-CB" + vn, "Chi bộ thôn tổng hợp " + vn, "chi_bo", db_id, db_path, depth + 1);
          plan_for("unit", cb_id, 0, village_index);
          ++n.villages;
          ++n.cells;
          std::int64_t m = members_per_village + (village_index < extra_members ? 1 : 0);
          for (std::int64_t j = 0; j < m; ++j) {
            std::int64_t id = ++next_person;
            std::uint64_t h = static_cast<std::uint64_t>(id) * 0x9E3779B97F4A7C15ULL;
            std::string name = std::string(kSurnames[h % 20]) + " " + kMiddles[(h >> 8) % 8] + " " + kGiven[(h >> 16) % 20];
            std::string given = kernel::fold(kGiven[(h >> 16) % 20]);
            persons.add({id, name, given + " " + kernel::fold(name), std::string((h >> 24) % 2 ? "nam" : "nu"),
                         std::int64_t{1950 + static_cast<std::int64_t>((h >> 32) % 55)}, std::int64_t{1},
                         std::string("nhan_dan"), std::string("Đảng viên"), std::int64_t{1}, now, now});
            members.add({id, cb_id, std::string("Đảng viên"), std::string("2016-05-15")});
            // 97% of members have a commitment each year.
            if (id % 33 != 0) plan_for("person", cb_id, id, id);
          }
          n.people += m;
        }
        if ((commune_index + 1) % 200 == 0 || commune_index + 1 == sh.communes)
          say(std::to_string(commune_index + 1) + "/" + std::to_string(sh.communes) + " xã, " +
              std::to_string(village_index) + " thôn, " + std::to_string(n.people) + " đảng viên");
      }
    }
    for (auto* l : {&units, &persons, &members, &plans, &items}) l->flush();
    n.units = units.total();
    n.items = items.total();
    if (c.engine() == db::Engine::kPostgres) {
      // Explicit ids were loaded; move the identity sequences past them.
      for (const char* t : {"units", "persons", "plans"}) {
        std::string sql = "SELECT setval(pg_get_serial_sequence('";
        sql += t;
        sql += "', 'id'), (SELECT MAX(id) FROM ";
        sql += t;
        sql += "))";
        c.query(sql);
      }
    }
    for (auto year : kYears)
      c.exec("INSERT INTO years (year, theme, study_topic, updated_at) VALUES ($1, $2, '', $3)",
             {year, std::string("Nêu cao tinh thần trách nhiệm, nói đi đôi với làm, gắn bó với nhân dân"), now});
    say("ghi vào đĩa…");
    c.commit();
  } catch (...) {
    c.rollback();
    throw;
  }
  say("tính số liệu tổng hợp của từng đơn vị (unit_tallies)…");
  auto rows = plans::tallies::rebuild(c);
  say("đã ghi " + std::to_string(rows) + " dòng tổng hợp; phân tích chỉ mục…");
  c.exec_script("ANALYZE");
  say("xong");
  return n;
}

}  // namespace ct05::app
