#pragma once
// Ethics standards in the database: versions per unit, who must acknowledge the version in force (the active
// members of the unit's subtree), who has, and the commands to publish and to acknowledge. Commands check
// permission first, then the input, and write the change and its audit entry in one transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kernel/error.hpp"
#include "modules/ethics/domain/standard.hpp"
#include "modules/org/domain/unit.hpp"
#include "platform/auth/principal.hpp"
#include "platform/db/db.hpp"

namespace ct05::ethics {

//! One published version; never changed after publication.
struct Standard {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  int version = 0;
  std::string unit_name, unit_path;
  std::string title, body, note;
  std::string published_at;  //!< "YYYY-MM-DDTHH:MM:SSZ"
  std::string published_by;  //!< the publisher's name as shown
  bool current = false;      //!< the highest version of its unit: the one in force
};

//! A person's acknowledgement of one version.
struct Acknowledgement {
  std::int64_t id = 0;
  std::int64_t standard_id = 0;
  std::int64_t person_id = 0;
  std::string acknowledged_at;
};

//! Acknowledgements of a version among those who must acknowledge it now.
struct Tally {
  std::int64_t acknowledged = 0;
  std::int64_t required = 0;
};

//! Someone who has not acknowledged yet: the non-sensitive part of their record only.
struct PendingPerson {
  std::int64_t person_id = 0;
  std::string full_name, position;
  std::int64_t unit_id = 0;
  std::string unit_name;
};

std::optional<Standard> find_standard(db::Connection& c, std::int64_t id);
//! The version in force of a unit, if it has published one.
std::optional<Standard> current_standard(db::Connection& c, std::int64_t unit_id);
//! Every version of a unit, newest first.
std::vector<Standard> history(db::Connection& c, std::int64_t unit_id);

//! Reading a unit's standards: kViewPlan on the unit, or being one of the members who must acknowledge them
//! (a cell's member reads the commune's standards without any grant on the commune).
Result<void> may_read(db::Connection& c, const auth::Principal& who, const org::Unit& u);
//! The unit if the principal may read its standards; NotFound or Forbidden otherwise.
Result<org::Unit> readable_unit(db::Connection& c, const auth::Principal& who, std::int64_t unit_id);
//! One version if the principal may read its unit's standards.
Result<Standard> get_standard(db::Connection& c, const auth::Principal& who, std::int64_t id);
//! Seeing who has and has not acknowledged (names, positions): kViewPerson on the unit (officers and lãnh đạo).
bool may_see_who(const auth::Principal& who, const std::string& unit_path);

//! Publishes the next version of in.unit_id (kPublishEthics on the unit). `at` is the time recorded; empty means
//! now (only loaders of past records, the demo, pass one).
Result<Standard> publish(db::Connection& c, const auth::Principal& who, const StandardInput& in,
                         const std::string& at = {});
//! The principal's own person acknowledges a version: it must be in force and they must be among those who must
//! acknowledge it. A second call returns the first acknowledgement unchanged. `at` as for publish().
Result<Acknowledgement> acknowledge(db::Connection& c, const auth::Principal& who, std::int64_t standard_id,
                                    const std::string& at = {});

//! True when the person is active with a current membership in the subtree of unit_path.
bool must_acknowledge(db::Connection& c, std::int64_t person_id, const std::string& unit_path);
std::optional<Acknowledgement> acknowledgement_of(db::Connection& c, std::int64_t standard_id, std::int64_t person_id);
//! How many of those who must acknowledge the version's unit have acknowledged this version.
Tally tally(db::Connection& c, const Standard& s);
//! Those who must acknowledge and have not, by name.
std::vector<PendingPerson> pending(db::Connection& c, const Standard& s, int limit, int offset);
//! The versions in force of the units above the person (their own unit included) that they have not acknowledged,
//! the nearest unit first.
std::vector<Standard> awaiting(db::Connection& c, std::int64_t person_id);

nlohmann::json to_json(const Standard& s);
nlohmann::json to_json(const Acknowledgement& a);
nlohmann::json to_json(const PendingPerson& p);

}  // namespace ct05::ethics
