#include "support/factories.hpp"

#include <atomic>
#include <stdexcept>

#include "modules/org/storage/unit_store.hpp"
#include "modules/people/storage/person_store.hpp"

namespace ct05::testing {

org::Unit make_unit(db::Connection& c, const std::string& code, const std::string& name, const std::string& kind,
                    std::int64_t parent_id, const std::string& valid_from) {
  auto sys = auth::system_principal();
  org::UnitInput in;
  in.code = code;
  in.name = name;
  in.kind = kind;
  in.valid_from = valid_from;
  if (parent_id) in.parent_id = parent_id;
  auto u = parent_id ? org::create_unit(c, sys, in) : org::create_root_unit(c, sys, in);
  if (!u) throw std::runtime_error("test factory: unit " + code + ": " + u.error().message);
  return *u;
}

std::int64_t make_member(db::Connection& c, const std::string& name, std::int64_t unit_id, const std::string& valid_from) {
  people::PersonInput in;
  in.full_name = name;
  in.unit_id = unit_id;
  in.is_party_member = true;
  in.member_since = valid_from;
  auto p = people::create_person(c, auth::system_principal(), in);
  if (!p) throw std::runtime_error("test factory: person " + name + ": " + p.error().message);
  return p->id;
}

auth::Principal principal_on(auth::Role role, const org::Unit& unit, std::int64_t person_id) {
  static std::atomic<std::int64_t> next{1000};
  auth::Principal p;
  p.user_id = next++;
  p.login = "u" + std::to_string(p.user_id);
  p.display_name = p.login;
  p.person_id = person_id;
  p.grants.push_back({role, unit.id, unit.path, unit.name});
  return p;
}

}  // namespace ct05::testing
