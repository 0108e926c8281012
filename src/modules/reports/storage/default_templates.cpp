// The shipped report templates (version 1 of each kind): the outline a unit's report follows under Hướng dẫn
// 36-HD/VPTW, with every figure as a placeholder. The admin edits them into new versions.
#include "modules/reports/storage/report_store.hpp"

namespace ct05::reports {

namespace {

constexpr const char* kOpening =
    "Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo "
    "đức, phong cách Hồ Chí Minh và Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ "
    "thị 05-CT/TW, {don_vi} báo cáo kết quả thực hiện {ky_bao_cao} (từ {tu_ngay} đến {den_ngay}) như sau:\n";

constexpr const char* kResults =
    "# I. KẾT QUẢ THỰC HIỆN\n"
    "## 1. Công tác lãnh đạo, chỉ đạo, quán triệt, triển khai\n"
    "Năm {nam}, {don_vi} tập trung học tập chuyên đề \"{chuyen_de}\"; nội dung đột phá được xác định là "
    "\"{dot_pha}\".\n"
    "Có {so_ke_hoach_duyet}/{so_don_vi_ke_hoach} chi bộ, đảng bộ xây dựng kế hoạch làm theo Bác được cấp trên duyệt "
    "(đạt {ty_le_ke_hoach}); {so_cam_ket_duyet}/{so_can_bo} cán bộ, đảng viên đăng ký cam kết được duyệt (đạt "
    "{ty_le_cam_ket}).\n"
    "[bang:don_vi_truc_thuoc]\n"
    "## 2. Sinh hoạt định kỳ, sinh hoạt chuyên đề\n"
    "Các chi bộ, đảng bộ tổ chức {sinh_hoat_da_co}/{sinh_hoat_phai_co} kỳ sinh hoạt định kỳ (đạt {ty_le_sinh_hoat}); "
    "{so_buoi_chuyen_de} buổi sinh hoạt chuyên đề; {so_cau_chuyen} buổi có kể chuyện về Bác; {so_buoi_hai_hoa} buổi "
    "tổ chức hái hoa dân chủ. Còn {don_vi_cham} đơn vị chưa sinh hoạt đủ theo quy định.\n"
    "## 3. Giải quyết những vấn đề bức xúc, nổi cộm\n"
    "Các đơn vị đăng ký giải quyết {so_van_de} vấn đề bức xúc, nổi cộm; đến nay đã giải quyết {so_van_de_giai_quyet} "
    "vấn đề.\n"
    "## 4. Xây dựng và nhân rộng mô hình, cách làm sáng tạo\n"
    "Có {so_mo_hinh} mô hình, cách làm sáng tạo đang được áp dụng, với {so_don_vi_ap_dung} lượt đơn vị áp dụng.\n"
    "[bang:mo_hinh]\n"
    "## 5. Sổ ghi danh người tốt, việc tốt\n"
    "Trong kỳ có {so_ghi_danh} người tốt, việc tốt được đề nghị ghi danh; {so_ghi_danh_duyet} trường hợp được phê "
    "duyệt, {so_bieu_duong} trường hợp được biểu dương, khen thưởng và {so_ghi_danh_cong_bo} trường hợp đã được công "
    "bố.\n"
    "## 6. Hái hoa dân chủ, thi tìm hiểu\n"
    "Tổ chức {so_cuoc_thi} đợt thi trực tuyến với {so_luot_thi} lượt tham gia (điểm trung bình {diem_trung_binh}) và "
    "{so_buoi_hai_hoa_truc_tiep} buổi hái hoa dân chủ trực tiếp.\n"
    "## 7. Xây dựng nông thôn mới, giảm nghèo\n"
    "Trên địa bàn có {so_thon_nong_thon_moi}/{so_thon} thôn, tổ dân phố được công nhận đạt chuẩn nông thôn mới; "
    "{so_ho_ngheo}/{so_ho} hộ nghèo (tỷ lệ {ty_le_ho_ngheo}), {so_ho_can_ngheo} hộ cận nghèo (tỷ lệ "
    "{ty_le_ho_can_ngheo}); {so_ho_thoat_ngheo} hộ thoát nghèo trong năm {nam}.\n"
    "## 8. Đánh giá, xếp loại việc thực hiện kế hoạch và cam kết\n"
    "Kết quả đánh giá năm {nam}: {xep_loai_xuat_sac} cam kết hoàn thành xuất sắc, {xep_loai_tot} hoàn thành tốt, "
    "{xep_loai_hoan_thanh} hoàn thành và {xep_loai_khong} không hoàn thành.\n"
    "[bang:xep_loai]\n";

constexpr const char* kAssessment =
    "# II. ĐÁNH GIÁ CHUNG\n"
    "## 1. Ưu điểm\n"
    "(Đơn vị bổ sung nhận xét về ưu điểm.)\n"
    "## 2. Hạn chế, nguyên nhân\n"
    "(Đơn vị bổ sung hạn chế và nguyên nhân.)\n";

constexpr const char* kTasks =
    "- Tiếp tục quán triệt, thực hiện nghiêm Chỉ thị 05-CT/TW và Kết luận 01-KL/TW; gắn việc học tập và làm theo Bác "
    "với nhiệm vụ chính trị của địa phương, đơn vị.\n"
    "- 100% chi bộ, đảng bộ xây dựng kế hoạch và 100% cán bộ, đảng viên đăng ký cam kết làm theo Bác.\n"
    "- Duy trì sinh hoạt định kỳ, kể chuyện về Bác; nhân rộng các mô hình, cách làm sáng tạo và các điển hình người "
    "tốt, việc tốt.\n";

constexpr const char* kRecipients =
    "Ban Thường vụ {cap_tren} (b/c),\n"
    "Ban Tuyên giáo {cap_tren} (b/c),\n"
    "Các chi bộ, đảng bộ trực thuộc,\n"
    "Lưu Văn phòng.";

constexpr const char* kSubject =
    " thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách "
    "Hồ Chí Minh";

}  // namespace

Template default_template(Kind kind) {
  Template t;
  t.kind = kind;
  t.version = 1;
  t.recipients = kRecipients;
  t.note = "Mẫu ban đầu của ct05 theo Hướng dẫn 36-HD/VPTW.";
  switch (kind) {
    case Kind::kHalfYear:
      t.title = std::string("Sơ kết 6 tháng đầu năm {nam}") + kSubject;
      t.body = std::string(kOpening) + kResults + kAssessment + "# III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM\n" + kTasks;
      break;
    case Kind::kYear:
      t.title = std::string("Tổng kết năm {nam}") + kSubject;
      t.body = std::string(kOpening) + kResults + kAssessment + "# III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM TỚI\n" + kTasks;
      break;
    case Kind::kFiveYear:
    case Kind::kTenYear:
      t.title = std::string(kind == Kind::kFiveYear ? "Sơ kết" : "Tổng kết") + " {ky_bao_cao}" + kSubject;
      t.body = std::string(kOpening) + "Các chỉ số chính qua từng năm của giai đoạn:\n[bang:theo_nam]\n" + kResults +
               kAssessment + "# III. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN TỚI\n" + kTasks;
      break;
  }
  return t;
}

}  // namespace ct05::reports
