#include "kernel/clock.hpp"

#include <gtest/gtest.h>

namespace ct05::kernel {
namespace {

TEST(Clock, IsoTimesRoundTrip) {
  for (std::int64_t t : {0LL, 1764838800LL, 1798761599LL, 951782400LL /* 29/2/2000 */}) EXPECT_EQ(parse_iso_seconds(format_iso(t)), t);
  EXPECT_EQ(parse_iso_seconds("2026-12-04"), parse_iso_seconds("2026-12-04T00:00:00Z"));
  EXPECT_EQ(parse_iso_seconds("2026-12-04T10:00:00Z") - parse_iso_seconds("2026-12-04T09:59:30Z"), 30);
  EXPECT_EQ(parse_iso_seconds("04/12/2026"), 0);
  EXPECT_EQ(parse_iso_seconds("2026-13-01T00:00:00Z"), 0);
  EXPECT_EQ(parse_iso_seconds(""), 0);
}

}  // namespace
}  // namespace ct05::kernel
