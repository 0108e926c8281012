#include "modules/registry/domain/entry.hpp"

#include "kernel/clock.hpp"
#include "kernel/text.hpp"

namespace ct05::registry {

namespace {
struct StatusInfo {
  Status status;
  std::string_view code, label;
};
constexpr StatusInfo kStatuses[] = {
    {Status::kSubmitted, "submitted", "Chờ xác minh"},  {Status::kVerified, "verified", "Đã xác minh"},
    {Status::kRejected, "rejected", "Không công nhận"}, {Status::kApproved, "approved", "Đã phê duyệt"},
    {Status::kCommended, "commended", "Đã biểu dương, khen thưởng"},
    {Status::kPublished, "published", "Đã công bố"},    {Status::kUnpublished, "unpublished", "Đã gỡ công bố"},
};
struct StepInfo {
  Step step;
  std::string_view code, label;
};
constexpr StepInfo kSteps[] = {
    {Step::kVerify, "verify", "Xác minh"},         {Step::kReject, "reject", "Không công nhận"},
    {Step::kApprove, "approve", "Phê duyệt"},      {Step::kCommend, "commend", "Ghi nhận khen thưởng"},
    {Step::kPublish, "publish", "Công bố"},        {Step::kUnpublish, "unpublish", "Gỡ công bố"},
};
}  // namespace

std::string_view status_code(Status s) {
  for (const auto& i : kStatuses)
    if (i.status == s) return i.code;
  return "";
}
std::optional<Status> parse_status(std::string_view s) {
  for (const auto& i : kStatuses)
    if (i.code == s) return i.status;
  return std::nullopt;
}
std::string_view status_label(Status s) {
  for (const auto& i : kStatuses)
    if (i.status == s) return i.label;
  return "";
}
const std::vector<Status>& all_statuses() {
  static const std::vector<Status> v = [] {
    std::vector<Status> out;
    for (const auto& i : kStatuses) out.push_back(i.status);
    return out;
  }();
  return v;
}
std::string_view step_code(Step s) {
  for (const auto& i : kSteps)
    if (i.step == s) return i.code;
  return "";
}
std::optional<Step> parse_step(std::string_view s) {
  for (const auto& i : kSteps)
    if (i.code == s) return i.step;
  return std::nullopt;
}
std::string_view step_label(Step s) {
  for (const auto& i : kSteps)
    if (i.step == s) return i.label;
  return "";
}

std::vector<Step> next_steps(Status from) {
  switch (from) {
    case Status::kSubmitted: return {Step::kVerify, Step::kReject};
    case Status::kVerified: return {Step::kApprove, Step::kReject};
    case Status::kApproved: return {Step::kCommend, Step::kReject};
    case Status::kCommended: return {Step::kPublish};
    case Status::kPublished: return {Step::kUnpublish};
    case Status::kUnpublished: return {Step::kPublish};
    case Status::kRejected: return {};
  }
  return {};
}

Result<Status> next_status(Status from, Step step) {
  for (auto s : next_steps(from)) {
    if (s != step) continue;
    switch (step) {
      case Step::kVerify: return Status::kVerified;
      case Step::kReject: return Status::kRejected;
      case Step::kApprove: return Status::kApproved;
      case Step::kCommend: return Status::kCommended;
      case Step::kPublish: return Status::kPublished;
      case Step::kUnpublish: return Status::kUnpublished;
    }
  }
  std::string allowed;
  for (auto s : next_steps(from)) allowed += (allowed.empty() ? "" : ", ") + std::string(step_label(s));
  return fail(Error::conflict("Không thể thực hiện bước “" + std::string(step_label(step)) + "” khi mục ghi danh đang ở trạng thái “" +
                              std::string(status_label(from)) + "”." +
                              (allowed.empty() ? " Mục này đã kết thúc." : " Bước tiếp theo có thể làm: " + allowed + ".")));
}

bool unit_step(Status from, Step step) {
  return step == Step::kVerify || (step == Step::kReject && from == Status::kSubmitted);
}

const std::vector<std::pair<std::string_view, std::string_view>>& commendations() {
  static const std::vector<std::pair<std::string_view, std::string_view>> v = {
      {"bieu_duong", "Biểu dương"}, {"giay_khen", "Giấy khen"}, {"bang_khen", "Bằng khen"}};
  return v;
}
std::string_view commendation_label(std::string_view code) {
  for (const auto& [c, l] : commendations())
    if (c == code) return l;
  return "";
}
std::string_view subject_kind_label(std::string_view code) {
  if (code == "ca_nhan") return "Cá nhân";
  if (code == "tap_the") return "Tập thể";
  return "";
}

std::vector<FieldError> validate(const EntryInput& in, bool public_form, const std::string& today) {
  std::vector<FieldError> e;
  auto text = [&](const std::optional<std::string>& v, const char* field, const char* empty_msg, std::size_t max,
                  const char* long_msg) {
    if (!v || v->empty()) {
      if (empty_msg) e.push_back({field, empty_msg});
    } else if (!kernel::valid_utf8(*v)) {
      e.push_back({field, "Nội dung có ký tự không hợp lệ."});
    } else if (v->size() > max) {
      e.push_back({field, long_msg});
    }
  };
  if (!in.unit_id || *in.unit_id <= 0) e.push_back({"unit_id", "Vui lòng chọn đơn vị, địa bàn của việc tốt."});
  if (!in.category_id || *in.category_id <= 0) e.push_back({"category_id", "Vui lòng chọn lĩnh vực."});
  if (!in.subject_kind || subject_kind_label(*in.subject_kind).empty())
    e.push_back({"subject_kind", "Vui lòng chọn người được ghi danh là cá nhân hay tập thể."});
  text(in.subject_name, "subject_name", "Vui lòng nhập tên người hoặc tập thể được ghi danh.", 200,
       "Tên quá dài (tối đa 200 ký tự).");
  text(in.deed, "deed", "Vui lòng mô tả việc tốt.", 4000, "Mô tả quá dài (tối đa 4000 ký tự).");
  text(in.place, "place", nullptr, 300, "Địa điểm quá dài (tối đa 300 ký tự).");
  if (!in.deed_date || in.deed_date->empty()) e.push_back({"deed_date", "Vui lòng nhập thời gian làm việc tốt."});
  else if (!kernel::valid_date(*in.deed_date)) e.push_back({"deed_date", "Ngày không hợp lệ (dạng năm-tháng-ngày)."});
  else if (*in.deed_date > today) e.push_back({"deed_date", "Ngày làm việc tốt không thể ở tương lai."});
  else if (*in.deed_date < "2000-01-01") e.push_back({"deed_date", "Ngày làm việc tốt quá xa (từ năm 2000)."});
  if (public_form) {
    text(in.nominator_name, "nominator_name", "Vui lòng cho biết họ tên người đề nghị.", 200, "Họ tên quá dài.");
    text(in.nominator_contact, "nominator_contact", "Vui lòng để lại số điện thoại hoặc địa chỉ để đơn vị liên hệ xác minh.",
         200, "Thông tin liên hệ quá dài.");
  } else {
    text(in.nominator_contact, "nominator_contact", nullptr, 200, "Thông tin liên hệ quá dài.");
  }
  return e;
}

std::vector<FieldError> validate(Step step, const StepInput& in) {
  std::vector<FieldError> e;
  if (in.comment.size() > 2000) e.push_back({"comment", "Ý kiến quá dài (tối đa 2000 ký tự)."});
  if (step == Step::kReject && in.comment.empty())
    e.push_back({"comment", "Khi không công nhận, vui lòng ghi rõ lý do để người đề nghị được biết."});
  if (step == Step::kCommend) {
    if (commendation_label(in.commendation).empty())
      e.push_back({"commendation", "Vui lòng chọn hình thức: biểu dương, giấy khen hoặc bằng khen."});
    if (in.commendation != "bieu_duong" && !in.commendation.empty() && in.decision_no.empty())
      e.push_back({"decision_no", "Giấy khen, bằng khen cần số quyết định."});
    if (in.decision_no.size() > 100) e.push_back({"decision_no", "Số quyết định quá dài."});
    if (!in.decision_date.empty() && !kernel::valid_date(in.decision_date))
      e.push_back({"decision_date", "Ngày quyết định không hợp lệ (dạng năm-tháng-ngày)."});
  }
  return e;
}

}  // namespace ct05::registry
