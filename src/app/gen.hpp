#pragma once
// `ct05 gen`: a synthetic dataset at a chosen scale, so that claims about scale are measured.
#include <cstdint>
#include <functional>
#include <string>

#include "kernel/error.hpp"
#include "platform/db/db.hpp"

namespace ct05::app {

enum class Scale { kCity, kProvince, kCountry };

struct GenCounts {
  std::int64_t units = 0, villages = 0, cells = 0, people = 0, plans = 0, commitments = 0, items = 0;
};

//! Fills an empty, migrated database: a tree (country → provinces → communes → villages with a party cell each),
//! party members, and plans and commitments for `years` (most accepted). Progress goes to `progress`.
//! Refused with a Conflict when the database already has units.
Result<GenCounts> generate(db::Connection& c, Scale scale, const std::function<void(const std::string&)>& progress);

}  // namespace ct05::app
