#pragma once
// "Việc cần làm": everything that waits for the signed-in person's action, across modules. Each module declares
// its sources in its module.cpp (Module::inbox → add_source), as it declares its exports; /inbox, the top bar's
// badge and /api/v1/inbox read them all through count() and gather().
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "platform/auth/principal.hpp"
#include "platform/db/db.hpp"

namespace ct05::inbox {

//! One thing waiting for the person.
struct Item {
  std::string title;      //!< what to do, in Vietnamese: "Duyệt cam kết năm 2026 của Hoàng Văn Bình"
  std::string unit_name;  //!< the unit it belongs to
  std::string since;      //!< when it started waiting (ISO date or time), for its age
  std::string href;       //!< where to act
};

//! A kind of waiting work, declared by a module.
struct Source {
  std::string code;   //!< "plans.review", "registry.verify", …: the `source` of /api/v1/inbox
  std::string label;  //!< Vietnamese heading on /inbox: "Kế hoạch, cam kết chờ duyệt"
  //! How many items wait for the principal: one or a few indexed queries, never a loop over units, so a
  //! province officer's badge stays cheap.
  std::function<std::int64_t(db::Connection&, const auth::Principal&)> count;
  //! Up to limit items, the oldest first.
  std::function<std::vector<Item>(db::Connection&, const auth::Principal&, int limit)> list;
};

//! Declares a source; a second declaration with the same code replaces the first.
void add_source(Source source);
std::vector<Source> sources();

//! The number of waiting items over every source (the badge). Kept per account until the next write in this
//! process, and for at most a few seconds (writes of another process).
std::int64_t count(db::Connection& c, const auth::Principal& who);

struct Group {
  std::string code, label;
  std::int64_t count = 0;
  std::vector<Item> items;  //!< at most the limit asked
};
//! Every source with waiting items, in declaration order, each with up to per_source items.
std::vector<Group> gather(db::Connection& c, const auth::Principal& who, int per_source);

//! The SQL condition "the unit `alias` reviews, and its review waits for the principal": the unit is one the
//! principal holds a grant allowing `action` on, or it has no active account holding such a grant itself and its
//! parent is one (work of a cell without an officer account goes to the committee above). `alias` names a row
//! of `units` (needs id and parent_id). Appends its parameters to params, numbered from params.size() + 1.
//! Empty when the principal holds no such grant (the source has nothing for them).
//! `author_person`, when given, is an SQL expression for the person whose work it is (a commitment's
//! `pl.person_id`): nobody reviews their own work, so that person's accounts do not count as the unit's officers,
//! and a cell secretary's own commitment goes to the committee above. The caller leaves out the principal's own
//! work itself (`pl.person_id <> <the principal's person>`).
std::string waiting_on(const auth::Principal& who, auth::Action action, const std::string& alias, db::Params& params,
                       const std::string& author_person = "");

//! The same rule for one unit, as the accounts to notify: the active accounts holding a grant allowing action on
//! the unit, else (none) on its parent. With `author_person` (not 0), that person's accounts are neither counted
//! nor notified, as in waiting_on().
std::vector<std::int64_t> reviewers(db::Connection& c, std::int64_t unit_id, auth::Action action,
                                    std::int64_t author_person = 0);

}  // namespace ct05::inbox
