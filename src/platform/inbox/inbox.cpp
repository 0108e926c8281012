#include "platform/inbox/inbox.hpp"

#include <chrono>
#include <mutex>
#include <unordered_map>

#include <spdlog/spdlog.h>

namespace ct05::inbox {

namespace {

std::mutex g_mu;
std::vector<Source>& registry() {
  static std::vector<Source> v;
  return v;
}

// The badge is on every page; its count is kept per account while nothing is written in this process, and for at
// most kCountSeconds so a write by another server or the CLI shows soon.
constexpr int kCountSeconds = 5;
struct Counted {
  std::int64_t n = 0;
  std::uint64_t generation = 0;
  std::chrono::steady_clock::time_point at;
};
std::mutex g_count_mu;
std::unordered_map<std::int64_t, Counted>& counted() {
  static std::unordered_map<std::int64_t, Counted> m;
  return m;
}

std::vector<auth::Role> roles_for(auth::Action action) {
  std::vector<auth::Role> out;
  for (auto r : {auth::Role::kQuanTri, auth::Role::kPhuTrach, auth::Role::kLanhDao, auth::Role::kDangVien}) {
    auth::Principal p;
    p.user_id = 1;
    p.grants.push_back(auth::Grant{r, 1, "/1/", ""});
    if (auth::allowed(p, action, {"/1/2/"})) out.push_back(r);
  }
  return out;
}

}  // namespace

void add_source(Source source) {
  std::lock_guard g(g_mu);
  for (auto& s : registry())
    if (s.code == source.code) {
      s = std::move(source);
      return;
    }
  registry().push_back(std::move(source));
}

std::vector<Source> sources() {
  std::lock_guard g(g_mu);
  return registry();
}

std::int64_t count(db::Connection& c, const auth::Principal& who) {
  if (!who.authenticated()) return 0;
  auto gen = db::write_generation();
  auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard g(g_count_mu);
    auto it = counted().find(who.user_id);
    if (it != counted().end() && it->second.generation == gen && now - it->second.at < std::chrono::seconds(kCountSeconds))
      return it->second.n;
  }
  std::int64_t n = 0;
  for (const auto& s : sources()) n += s.count(c, who);
  std::lock_guard g(g_count_mu);
  if (counted().size() > 20000) counted().clear();
  counted()[who.user_id] = Counted{n, gen, now};
  return n;
}

std::vector<Group> gather(db::Connection& c, const auth::Principal& who, int per_source) {
  std::vector<Group> out;
  if (!who.authenticated()) return out;
  for (const auto& s : sources()) {
    auto n = s.count(c, who);
    if (n == 0) continue;
    out.push_back(Group{s.code, s.label, n, s.list(c, who, per_source)});
  }
  return out;
}

std::string waiting_on(const auth::Principal& who, auth::Action action, const std::string& alias, db::Params& params,
                       const std::string& author_person) {
  std::vector<std::int64_t> units;
  for (const auto& g : who.grants) {
    if (g.unit_id <= 0) continue;
    auth::Principal one = who;
    one.grants = {g};
    if (auth::allowed(one, action, {g.unit_path})) units.push_back(g.unit_id);
  }
  if (units.empty()) return "";
  auto roles = roles_for(action);
  std::string in_units = db::placeholders(units.size(), params.size() + 1);
  for (auto u : units) params.emplace_back(u);
  std::string in_roles = db::placeholders(roles.size(), params.size() + 1);
  for (auto r : roles) params.emplace_back(std::string(auth::role_code(r)));
  std::string not_author =
      author_person.empty() ? "" : " AND (wu.person_id IS NULL OR wu.person_id <> " + author_person + ")";
  return "(" + alias + ".id IN " + in_units + " OR (" + alias + ".parent_id IN " + in_units +
         " AND NOT EXISTS (SELECT 1 FROM grants wg JOIN users wu ON wu.id = wg.user_id WHERE wg.unit_id = " + alias +
         ".id AND wu.active = 1 AND wg.role IN " + in_roles + not_author + ")))";
}

std::vector<std::int64_t> reviewers(db::Connection& c, std::int64_t unit_id, auth::Action action,
                                    std::int64_t author_person) {
  auto roles = roles_for(action);
  // $2: the author's person (0 matches nobody), whose accounts never review their own work.
  std::string sql = "SELECT DISTINCT g.user_id FROM grants g JOIN users u ON u.id = g.user_id WHERE g.unit_id = $1 AND "
                    "u.active = 1 AND (u.person_id IS NULL OR u.person_id <> $2) AND g.role IN " +
                    db::placeholders(roles.size(), 3) + " ORDER BY g.user_id";
  auto run = [&](std::int64_t unit) {
    db::Params p{unit, author_person};
    for (auto r : roles) p.emplace_back(std::string(auth::role_code(r)));
    std::vector<std::int64_t> ids;
    for (const auto& r : c.query(sql, p)) ids.push_back(r.i64(0));
    return ids;
  };
  auto ids = run(unit_id);
  if (!ids.empty()) return ids;
  auto parent = c.query_one("SELECT parent_id FROM units WHERE id = $1", {unit_id});
  if (!parent || parent->null(0)) return {};
  return run(parent->i64(0));
}

}  // namespace ct05::inbox
