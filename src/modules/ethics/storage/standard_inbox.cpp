#include "modules/ethics/storage/standard_inbox.hpp"

#include <algorithm>

#include "modules/ethics/storage/standard_store.hpp"
#include "platform/inbox/inbox.hpp"

namespace ct05::ethics {

namespace {

// awaiting() is two indexed queries (the person's current units, then the versions in force of the units on their
// paths not acknowledged), a handful of rows: the count is its size. Only the person acknowledges, so an account
// without a person has nothing here.
std::vector<Standard> waiting(db::Connection& c, const auth::Principal& who) {
  if (who.person_id == 0) return {};
  return awaiting(c, who.person_id);
}

}  // namespace

void declare_inbox() {
  inbox::add_source(inbox::Source{
      "ethics.acknowledge", "Chuẩn mực đạo đức công vụ chờ xác nhận",
      [](db::Connection& c, const auth::Principal& who) { return static_cast<std::int64_t>(waiting(c, who).size()); },
      [](db::Connection& c, const auth::Principal& who, int limit) {
        auto standards = waiting(c, who);
        // Oldest first: the version that has waited longest.
        std::stable_sort(standards.begin(), standards.end(),
                         [](const Standard& a, const Standard& b) { return a.published_at < b.published_at; });
        std::vector<inbox::Item> out;
        for (const auto& s : standards) {
          if (static_cast<int>(out.size()) >= limit) break;
          out.push_back(inbox::Item{"Đọc và xác nhận: " + s.title + " (phiên bản " + std::to_string(s.version) + ")",
                                    s.unit_name, s.published_at, "/ethics-standards/" + std::to_string(s.id)});
        }
        return out;
      }});
}

}  // namespace ct05::ethics
