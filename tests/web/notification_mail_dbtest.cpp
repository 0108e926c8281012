// The commitment's return → resubmit → accept path by mail, on the demo and both engines, through a real SMTP
// server on loopback: the officer and the member each get their mails with the right subject and link, and a
// member who turns mail off on /account gets the notification in the app only.
#include <algorithm>

#include <gtest/gtest.h>

#include "kernel/clock.hpp"
#include "modules/accounts/storage/account_store.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "modules/plans/storage/plan_store.hpp"
#include "platform/notify/mailer.hpp"
#include "platform/notify/notify.hpp"
#include "support/demo_suite.hpp"
#include "support/smtp_sink.hpp"

namespace ct05 {
namespace {

class NotificationMail : public testing::DemoSuite<NotificationMail> {};

TEST_F(NotificationMail, ACommitmentsReturnResubmitAndAcceptArriveByMail) {
  testing::SmtpSink sink;
  ASSERT_TRUE(sink.up()) << "python3-aiosmtpd must be installed (scripts/setup.sh)";
  notify::set_public_url("https://ct05.backan.example");
  auto member = *org::principal_of(c(), "dangvien");
  auto officer = *org::principal_of(c(), "khuoicuong");
  ASSERT_TRUE(accounts::update_account(c(), member, member.user_id, {std::nullopt, std::string("khanh@example.vn"), true}));
  ASSERT_TRUE(accounts::update_account(c(), officer, officer.user_id, {std::nullopt, std::string("thoi@example.vn"), true}));
  notify::SmtpTarget smtp{"127.0.0.1", static_cast<std::uint16_t>(sink.port()), "", "", "ct05@backan.example"};
  // Whatever the demo queued before is not this test's.
  c().exec("UPDATE mail_queue SET sent_at = $1 WHERE sent_at IS NULL", {kernel::now_iso()});

  int year = std::stoi(kernel::today_iso().substr(0, 4)) + 1;  // a year nobody has written yet
  auto p = plans::open_commitment(c(), member, member.person_id, year);
  ASSERT_TRUE(p) << p.error().message;
  plans::ItemInput in;
  in.content = "Giúp hai hộ cận nghèo của thôn làm vườn rau";
  ASSERT_TRUE(plans::add_item(c(), member, p->id, in));
  ASSERT_TRUE(plans::transition(c(), member, p->id, plans::Transition::kSubmit, ""));
  ASSERT_TRUE(plans::transition(c(), officer, p->id, plans::Transition::kReturn, "Ghi rõ thời hạn"));
  ASSERT_TRUE(plans::transition(c(), member, p->id, plans::Transition::kSubmit, ""));
  ASSERT_TRUE(plans::transition(c(), officer, p->id, plans::Transition::kAccept, ""));
  EXPECT_EQ(notify::send_due(c(), smtp), 4);

  auto mails = sink.wait_for(4);
  ASSERT_EQ(mails.size(), 4u);
  std::vector<std::string> to_thoi, to_khanh;
  for (const auto& m : mails) {
    auto to = testing::to_of(m);
    (to.find("thoi@") != std::string::npos ? to_thoi : to_khanh).push_back(testing::subject_of(m));
    EXPECT_NE(testing::unqp(m).find("https://ct05.backan.example/plans/" + std::to_string(p->id)), std::string::npos);
  }
  std::sort(to_khanh.begin(), to_khanh.end());
  std::string subject = "[ct05] Cam kết năm " + std::to_string(year) + " của " + member.display_name;
  EXPECT_EQ(to_thoi, (std::vector<std::string>{subject + " chờ anh/chị duyệt", subject + " chờ anh/chị duyệt"}));
  EXPECT_EQ(to_khanh, (std::vector<std::string>{subject + " bị trả lại: Ghi rõ thời hạn", subject + " đã được chấp nhận"}));

  // Mail turned off on /account: the next step is notified in the app, not by mail.
  ASSERT_TRUE(accounts::update_account(c(), member, member.user_id, {std::nullopt, std::nullopt, false}));
  auto unread = notify::count_unread(c(), member.user_id);
  auto p2 = plans::open_commitment(c(), member, member.person_id, year + 1);
  ASSERT_TRUE(plans::add_item(c(), member, p2->id, in));
  ASSERT_TRUE(plans::transition(c(), member, p2->id, plans::Transition::kSubmit, ""));
  ASSERT_TRUE(plans::transition(c(), officer, p2->id, plans::Transition::kAccept, ""));
  EXPECT_EQ(notify::count_unread(c(), member.user_id), unread + 1);
  EXPECT_EQ(notify::send_due(c(), smtp), 1);  // the officer's "chờ duyệt" only
  EXPECT_EQ(sink.wait_for(5).size(), 5u);
}

}  // namespace
}  // namespace ct05
