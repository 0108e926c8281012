// The ethics part of `ct05 demo`: the commune's standards for its cadres and civil servants, published in 2019 and
// revised in 2020 for that year's breakthrough theme, and the Khuổi Cuồng cell's own short standards; most members
// have acknowledged, some not yet (the `dangvien` account among them, so the button shows when it logs in).
#include <stdexcept>

#include "kernel/clock.hpp"
#include "modules/ethics/module.hpp"
#include "modules/ethics/storage/standard_store.hpp"
#include "modules/org/storage/unit_store.hpp"

namespace ct05::ethics {

namespace {

template <class T>
T must(Result<T> r, const char* what) {
  if (!r) throw std::runtime_error(std::string("demo: ") + what + ": " + r.error().message);
  return std::move(*r);
}

auth::Principal account(db::Connection& c, const std::string& login) {
  auto p = org::principal_of(c, login);
  if (!p) throw std::runtime_error("demo: no account " + login);
  return *p;
}

// Who acknowledges: the person's own account when they have one; for the generated members, who have none, the
// loader acts in their name with no grant at all (only the person-own rule of the permission function applies),
// and says so in the audit log's actor.
auth::Principal as_person(db::Connection& c, std::int64_t person_id, const std::string& name) {
  if (auto r = c.query_one("SELECT login FROM users WHERE person_id = $1 AND active = 1", {person_id}))
    return account(c, r->str(0));
  auth::Principal p;
  p.user_id = -1;
  p.login = "dữ liệu mẫu";
  p.display_name = name;
  p.person_id = person_id;
  return p;
}

constexpr const char* kTitle = "Chuẩn mực đạo đức công vụ của cán bộ, công chức xã Nông Thượng";

constexpr const char* kCommuneV1 =
    "Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị, cán bộ, công chức xã Nông Thượng cam kết thực hiện các chuẩn "
    "mực sau:\n\n"
    "1. Tuyệt đối trung thành với Đảng, Nhà nước và Nhân dân; chấp hành nghiêm chủ trương của Đảng, chính sách, pháp "
    "luật của Nhà nước và quy định của địa phương.\n\n"
    "2. Gần dân, trọng dân, hiểu dân, học dân và có trách nhiệm với dân; thường xuyên xuống thôn nắm tình hình, lắng "
    "nghe ý kiến của Nhân dân.\n\n"
    "3. Nói đi đôi với làm; đã hứa với dân thì phải làm đến nơi đến chốn; không hứa những việc không thuộc thẩm "
    "quyền.\n\n"
    "4. Không gây phiền hà, sách nhiễu; không nhận quà biếu, tiền của tổ chức, cá nhân khi giải quyết công việc.\n\n"
    "5. Làm việc đúng giờ, đủ thời gian; không làm việc riêng, không uống rượu, bia trong giờ làm việc và giờ nghỉ "
    "trưa của ngày làm việc.\n\n"
    "6. Tác phong gọn gàng, lịch sự; đeo thẻ công chức trong giờ làm việc; nói năng nhã nhặn, niềm nở, tận tình với "
    "mọi người đến liên hệ công việc.\n\n"
    "7. Tiếp dân đúng lịch tại Bộ phận một cửa; hướng dẫn thủ tục một lần, đầy đủ, rõ ràng; hồ sơ trễ hạn phải xin "
    "lỗi bằng văn bản và hẹn lại ngày trả kết quả.\n\n"
    "8. Cần, kiệm, liêm, chính, chí công vô tư; sử dụng tài sản công đúng mục đích, tiết kiệm điện, nước, văn phòng "
    "phẩm.\n\n"
    "Chuẩn mực được niêm yết tại trụ sở Đảng ủy, HĐND, UBND xã.\n"
    "Nhân dân giám sát việc thực hiện qua hòm thư góp ý hoặc phản ánh trực tiếp với Thường trực Đảng ủy.";

constexpr const char* kCommuneV2 =
    "Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị và nội dung đột phá năm 2020 “Nêu cao tinh thần trách nhiệm, nói "
    "đi đôi với làm, gắn bó với nhân dân”, cán bộ, công chức xã Nông Thượng cam kết thực hiện các chuẩn mực sau:\n\n"
    "1. Tuyệt đối trung thành với Đảng, Nhà nước và Nhân dân; chấp hành nghiêm chủ trương của Đảng, chính sách, pháp "
    "luật của Nhà nước và quy định của địa phương.\n\n"
    "2. Gần dân, trọng dân, hiểu dân, học dân và có trách nhiệm với dân; thường xuyên xuống thôn nắm tình hình, lắng "
    "nghe ý kiến của Nhân dân.\n\n"
    "3. Nói đi đôi với làm; đã hứa với dân thì phải làm đến nơi đến chốn. Mỗi người đăng ký ít nhất một việc làm cụ "
    "thể làm theo Bác và báo cáo kết quả tại buổi sinh hoạt chi bộ hằng tháng.\n\n"
    "4. Không gây phiền hà, sách nhiễu; không nhận quà biếu, tiền của tổ chức, cá nhân khi giải quyết công việc.\n\n"
    "5. Làm việc đúng giờ, đủ thời gian; không làm việc riêng, không uống rượu, bia trong giờ làm việc và giờ nghỉ "
    "trưa của ngày làm việc.\n\n"
    "6. Tác phong gọn gàng, lịch sự; đeo thẻ công chức trong giờ làm việc; nói năng nhã nhặn, niềm nở, tận tình với "
    "mọi người đến liên hệ công việc.\n\n"
    "7. Tiếp dân đúng lịch tại Bộ phận một cửa; hướng dẫn thủ tục một lần, đầy đủ, rõ ràng; hồ sơ trễ hạn phải xin "
    "lỗi bằng văn bản và hẹn lại ngày trả kết quả.\n\n"
    "8. Cần, kiệm, liêm, chính, chí công vô tư; sử dụng tài sản công đúng mục đích, tiết kiệm điện, nước, văn phòng "
    "phẩm.\n\n"
    "9. Mỗi cán bộ, công chức phụ trách một thôn; mỗi tháng dự ít nhất một buổi họp thôn, nắm và cùng thôn giải quyết "
    "kịp thời những việc bức xúc của Nhân dân.\n\n"
    "10. Hướng dẫn Nhân dân nộp hồ sơ qua dịch vụ công trực tuyến; trả lời phản ánh, kiến nghị của Nhân dân trong "
    "thời hạn quy định.\n\n"
    "Chuẩn mực được niêm yết tại trụ sở Đảng ủy, HĐND, UBND xã.\n"
    "Nhân dân giám sát việc thực hiện qua hòm thư góp ý hoặc phản ánh trực tiếp với Thường trực Đảng ủy.";

constexpr const char* kCommuneV2Note =
    "Theo nội dung đột phá năm 2020: chuẩn mực 3 thêm việc đăng ký và báo cáo việc làm theo Bác; bổ sung chuẩn mực 9 "
    "(phụ trách thôn) và 10 (dịch vụ công trực tuyến, trả lời phản ánh của Nhân dân).";

constexpr const char* kCellTitle = "Chuẩn mực đạo đức của đảng viên chi bộ thôn Khuổi Cuồng";
constexpr const char* kCellV1 =
    "1. Gương mẫu trong xây dựng nông thôn mới: hiến đất, góp ngày công làm đường, giữ sạch đường làng, ngõ xóm.\n\n"
    "2. Sinh hoạt chi bộ đầy đủ, đúng giờ; mỗi buổi sinh hoạt một đảng viên kể một câu chuyện về Bác và liên hệ việc "
    "làm của mình.\n\n"
    "3. Giúp đỡ các hộ cận nghèo trong thôn phát triển sản xuất, không để hộ nào tái nghèo.\n\n"
    "4. Nói thật, làm thật; vận động gia đình và bà con chấp hành hương ước của thôn.";

// Acknowledgement times: from the day after publication, spread over a few weeks.
std::string after(std::int64_t published_epoch, std::size_t i) {
  return kernel::format_iso(published_epoch + 86400 + static_cast<std::int64_t>(i % 30) * 86400 +
                            static_cast<std::int64_t>(i % 7) * 1800);
}

// Everyone who must acknowledge s now, by name (the store's own list, so the demo follows the rule it shows).
std::vector<PendingPerson> required(db::Connection& c, const Standard& s) { return pending(c, s, 100000, 0); }

}  // namespace

void load_demo(db::Connection& c, DemoReport& report) {
  if (c.scalar("SELECT COUNT(*) FROM ethics_standards") > 0) {
    report.lines.push_back("Chuẩn mực đạo đức công vụ đã có; không nạp lại.");
    return;
  }
  auto commune = org::find_unit_by_code(c, "DB-NONGTHUONG");
  auto cell = org::find_unit_by_code(c, "CB-KHUOICUONG");
  if (!commune || !cell) throw std::runtime_error("demo: no unit DB-NONGTHUONG or CB-KHUOICUONG");
  const std::int64_t member = c.scalar("SELECT person_id FROM users WHERE login = 'dangvien'");
  auto acknowledge_some = [&](const Standard& s, std::int64_t published_epoch, auto&& who_does) {
    int n = 0;
    auto people = required(c, s);
    for (std::size_t i = 0; i < people.size(); ++i) {
      // The demo accounts' people (officers, lãnh đạo) have all acknowledged; `dangvien` has not.
      bool has_account = c.scalar("SELECT COUNT(*) FROM users WHERE person_id = $1", {people[i].person_id}) > 0;
      if (people[i].person_id == member || (!has_account && !who_does(i))) continue;
      must(acknowledge(c, as_person(c, people[i].person_id, people[i].full_name), s.id, after(published_epoch, i)),
           "acknowledge");
      ++n;
    }
    return n;
  };

  auto officer = account(c, "nongthuong");
  StandardInput in;
  in.unit_id = commune->id;
  in.title = kTitle;
  in.body = kCommuneV1;
  auto v1 = must(publish(c, officer, in, "2019-01-15T01:30:00Z"), "publish");
  acknowledge_some(v1, 1547515800, [](std::size_t i) { return i % 4 != 3; });
  in.body = kCommuneV2;
  in.note = kCommuneV2Note;
  auto v2 = must(publish(c, officer, in, "2020-03-02T01:30:00Z"), "publish");
  int v2_acks = acknowledge_some(v2, 1583112600, [](std::size_t i) { return i % 3 != 2; });

  StandardInput cin;
  cin.unit_id = cell->id;
  cin.title = kCellTitle;
  cin.body = kCellV1;
  auto c1 = must(publish(c, account(c, "khuoicuong"), cin, "2019-05-19T01:00:00Z"), "publish");
  int c1_acks = acknowledge_some(c1, 1558227600, [](std::size_t i) { return i % 2 == 0; });

  report.lines.push_back("Chuẩn mực đạo đức công vụ: DB-NONGTHUONG phiên bản 1 (2019) và 2 (2020), " +
                         std::to_string(v2_acks) + "/" + std::to_string(tally(c, v2).required) +
                         " người đã xác nhận phiên bản 2; CB-KHUOICUONG phiên bản 1, " + std::to_string(c1_acks) + "/" +
                         std::to_string(tally(c, c1).required) + " (tài khoản dangvien chưa xác nhận).");
}

}  // namespace ct05::ethics
