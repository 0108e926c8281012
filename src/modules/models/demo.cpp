// The models part of `ct05 demo`: the seven models the article lists, adopted across the city by the demo
// accounts, with outcomes recorded twice in 2020 so the latest-value rule shows.
#include <stdexcept>

#include "modules/models/module.hpp"
#include "modules/models/storage/model_store.hpp"
#include "modules/org/storage/unit_store.hpp"

namespace ct05::models {

namespace {

auth::Principal account(db::Connection& c, const char* login) {
  auto p = org::principal_of(c, login);
  if (!p) throw std::runtime_error(std::string("demo: no account ") + login);
  return *p;
}

template <class T>
T must(Result<T> r, const char* what) {
  if (!r) throw std::runtime_error(std::string("demo: ") + what + ": " + r.error().message);
  return std::move(*r);
}

struct Seed {
  const char* name;
  const char* description;
  const char* metrics;
};
constexpr Seed kModels[] = {
    {"Kể chuyện về Bác trong các buổi sinh hoạt định kỳ",
     "Mỗi buổi sinh hoạt chi bộ dành thời gian để một đảng viên kể một câu chuyện về Bác và liên hệ việc làm theo.",
     "Buổi kể chuyện (buổi)\nNgười kể (người)"},
    {"Hái hoa dân chủ", "Trả lời câu hỏi về cuộc đời, tư tưởng, đạo đức, phong cách của Bác và phong cách làm việc của cán bộ, đảng viên.",
     "Buổi tổ chức (buổi)\nLượt người tham gia (người)"},
    {"Cải cách thủ tục hành chính", "Giải quyết hồ sơ đúng hạn, công khai quy trình, không để người dân đi lại nhiều lần.",
     "Hồ sơ giải quyết đúng hạn (hồ sơ)\nHồ sơ quá hạn (hồ sơ)"},
    {"Xây dựng chính quyền điện tử", "Đưa dịch vụ công lên mạng, xử lý văn bản trên môi trường điện tử.",
     "Dịch vụ công trực tuyến (dịch vụ)\nVăn bản xử lý trên mạng (văn bản)"},
    {"Nuôi lợn đất tiết kiệm", "Hội viên góp tiền nuôi “lợn đất”, cuối năm dùng giúp hộ nghèo, cận nghèo phát triển sản xuất.",
     "Số tiền tiết kiệm (đồng)\nHộ được giúp (hộ)"},
    {"“Dân vận khéo”", "Mô hình, điển hình dân vận khéo trong phát triển kinh tế, xây dựng nông thôn mới.",
     "Công trình, phần việc (công trình)\nNgày công đóng góp (ngày công)"},
    {"5 Điều Bác Hồ dạy thiếu niên, nhi đồng", "Thiếu nhi thi đua thực hiện 5 điều Bác Hồ dạy.", "Thiếu nhi tham gia (em)"},
};

struct Use {
  const char* login;
  const char* unit;
  int model;  //!< index in kModels
  const char* since;
  const char* lead;
  long long mid_year[2];  //!< figures on 2020-06-30 (negative: none)
  long long year_end[2];  //!< figures on 2020-12-31
};
constexpr Use kUses[] = {
    {"khuoicuong", "CB-KHUOICUONG", 0, "2017-03-01", "Lường Thị Thời", {6, 4}, {12, 7}},
    {"khuoicuong", "CB-KHUOICUONG", 4, "2019-01-15", "Chi hội Phụ nữ thôn", {3200000, 1}, {8500000, 2}},
    {"nongthuong", "CB-NANANG", 4, "2018-06-01", "Chi hội Phụ nữ thôn Nà Nàng", {5000000, 2}, {11200000, 3}},
    {"nongthuong", "CB-NANANG", 1, "2019-05-19", "Đoàn Thanh niên thôn", {2, 46}, {4, 95}},
    {"nongthuong", "DB-NONGTHUONG", 5, "2018-01-01", "Khối Dân vận xã", {3, 420}, {7, 1150}},
    {"nongthuong", "CB-TRUONG-NONGTHUONG", 6, "2016-09-05", "Tổng phụ trách Đội", {-1, -1}, {312, -1}},
    {"admin", "CB-VPUBND", 2, "2017-01-01", "Văn phòng HĐND và UBND", {1840, 12}, {3950, 17}},
    {"admin", "CB-VPUBND", 3, "2019-01-01", "Văn phòng HĐND và UBND", {96, 2100}, {128, 4700}},
    {"admin", "DB-SONGCAU", 0, "2017-05-19", "", {6, 5}, {12, 9}},
    {"admin", "DB-DUCXUAN", 0, "2018-02-03", "", {5, 5}, {11, 8}},
};

}  // namespace

void load_demo(db::Connection& c, DemoReport& report) {
  if (c.scalar("SELECT COUNT(*) FROM models") > 0) {
    report.lines.push_back("Mô hình đã có; không nạp lại.");
    return;
  }
  auto admin = account(c, "admin");
  std::vector<Model> made;
  for (const auto& s : kModels) {
    ModelInput in;
    in.name = s.name;
    in.description = s.description;
    in.metrics = s.metrics;
    made.push_back(must(create_model(c, admin, in), "model"));
  }
  int adoptions = 0;
  for (const auto& u : kUses) {
    auto who = account(c, u.login);
    auto unit = org::find_unit_by_code(c, u.unit);
    if (!unit) throw std::runtime_error(std::string("demo: no unit ") + u.unit);
    AdoptionInput in;
    in.model_id = made[static_cast<std::size_t>(u.model)].id;
    in.unit_id = unit->id;
    in.since = u.since;
    in.lead = u.lead;
    auto a = must(adopt(c, who, in), "adopt");
    for (auto [date, figures] : {std::pair{"2020-06-30", u.mid_year}, std::pair{"2020-12-31", u.year_end}}) {
      std::vector<std::pair<std::int64_t, std::int64_t>> values;
      for (std::size_t i = 0; i < a.figures.size() && i < 2; ++i)
        if (figures[i] >= 0) values.emplace_back(a.figures[i].metric_id, figures[i]);
      if (!values.empty()) must(record_outcomes(c, who, a.id, date, values), "outcomes");
    }
    ++adoptions;
  }
  report.lines.push_back("Mô hình: 7 mô hình như bài báo, " + std::to_string(adoptions) + " lượt đơn vị áp dụng có số liệu năm 2020.");
}

}  // namespace ct05::models
