#include "modules/plans/domain/plan.hpp"

#include "kernel/clock.hpp"
#include "kernel/text.hpp"

namespace ct05::plans {

std::string_view status_code(Status s) {
  switch (s) {
    case Status::kDraft: return "draft";
    case Status::kSubmitted: return "submitted";
    case Status::kAccepted: return "accepted";
    case Status::kReturned: return "returned";
  }
  return "";
}

std::optional<Status> parse_status(std::string_view s) {
  for (auto st : {Status::kDraft, Status::kSubmitted, Status::kAccepted, Status::kReturned})
    if (status_code(st) == s) return st;
  return std::nullopt;
}

std::string_view status_label(Status s) {
  switch (s) {
    case Status::kDraft: return "Đang soạn";
    case Status::kSubmitted: return "Đã gửi, chờ duyệt";
    case Status::kAccepted: return "Đã được chấp thuận";
    case Status::kReturned: return "Bị trả lại để sửa";
  }
  return "";
}

std::string_view transition_code(Transition t) {
  switch (t) {
    case Transition::kSubmit: return "submit";
    case Transition::kAccept: return "accept";
    case Transition::kReturn: return "return";
  }
  return "";
}

std::optional<Transition> parse_transition(std::string_view s) {
  for (auto t : {Transition::kSubmit, Transition::kAccept, Transition::kReturn})
    if (transition_code(t) == s) return t;
  return std::nullopt;
}

Result<Status> next_status(Status from, Transition t) {
  switch (t) {
    case Transition::kSubmit:
      if (from == Status::kDraft || from == Status::kReturned) return Status::kSubmitted;
      return fail(Error::conflict("Chỉ gửi duyệt được khi đang soạn hoặc đã bị trả lại (hiện: " +
                                  std::string(status_label(from)) + ")."));
    case Transition::kAccept:
    case Transition::kReturn:
      if (from == Status::kSubmitted) return t == Transition::kAccept ? Status::kAccepted : Status::kReturned;
      return fail(Error::conflict("Chỉ duyệt hoặc trả lại được khi đã gửi và đang chờ duyệt (hiện: " +
                                  std::string(status_label(from)) + ")."));
  }
  return fail(Error::conflict("Thao tác không hợp lệ."));
}

bool editable(Status s) { return s == Status::kDraft || s == Status::kReturned; }

const std::vector<std::pair<std::string_view, std::string_view>>& item_statuses() {
  static const std::vector<std::pair<std::string_view, std::string_view>> v = {
      {"chua_thuc_hien", "Chưa thực hiện"}, {"dang_thuc_hien", "Đang thực hiện"}, {"hoan_thanh", "Hoàn thành"}};
  return v;
}

std::string_view item_status_label(std::string_view code) {
  for (const auto& [c, l] : item_statuses())
    if (c == code) return l;
  return "";
}

std::vector<FieldError> validate(const ItemInput& in, bool creating) {
  std::vector<FieldError> e;
  if (in.content || creating) {
    const std::string c = in.content.value_or("");
    if (c.empty()) e.push_back({"content", "Nội dung việc làm không được để trống."});
    else if (c.size() > 2000 || !kernel::valid_utf8(c)) e.push_back({"content", "Nội dung quá dài (tối đa 2000 ký tự)."});
  }
  if (in.responsible && in.responsible->size() > 200) e.push_back({"responsible", "Tên người thực hiện quá dài."});
  if (in.due_date && !in.due_date->empty() && !kernel::valid_date(*in.due_date))
    e.push_back({"due_date", "Thời hạn không hợp lệ (năm-tháng-ngày)."});
  if (in.evidence && in.evidence->size() > 2000) e.push_back({"evidence", "Minh chứng quá dài (tối đa 2000 ký tự)."});
  if (in.status && !in.status->empty() && item_status_label(*in.status).empty())
    e.push_back({"status", "Trạng thái việc làm không hợp lệ."});
  return e;
}

bool valid_year(int year) { return year >= 2016 && year <= 2100; }

int current_year() { return std::stoi(kernel::today_iso().substr(0, 4)); }

std::optional<int> parse_year(std::string_view s) {
  if (s.size() != 4 || s.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  if (!valid_year(y)) return std::nullopt;
  return y;
}

}  // namespace ct05::plans
