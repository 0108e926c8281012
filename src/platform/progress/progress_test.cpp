#include "platform/progress/progress.hpp"

#include <gtest/gtest.h>

namespace ct05::progress {
namespace {

TEST(Progress, AJobIsSeenWhileItRunsAndGoneAfter) {
  EXPECT_FALSE(get("import:1"));
  {
    Scope job("import:1");
    job.stage("Đang đọc lại tệp", 1, 2);
    auto s = get("import:1");
    ASSERT_TRUE(s);
    EXPECT_EQ(s->stage, "Đang đọc lại tệp");
    EXPECT_EQ(s->step, 1);
    job.stage("Đang ghi", 2, 2);
    EXPECT_EQ(get("import:1")->step, 2);
    EXPECT_FALSE(get("import:2"));
  }
  EXPECT_FALSE(get("import:1"));
}

}  // namespace
}  // namespace ct05::progress
