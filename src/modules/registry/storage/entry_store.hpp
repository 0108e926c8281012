#pragma once
// The register's storage and commands. Every command checks permission with auth::authorize first, then
// the state (409), then the input (422), and writes the change, its timeline event and its audit entry in
// one transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "modules/registry/domain/entry.hpp"
#include "platform/auth/principal.hpp"
#include "platform/db/db.hpp"
#include "platform/files/file_store.hpp"

namespace ct05::registry {

// ---- catalogue and where the register is open (quản trị)
Result<void> may_manage(const auth::Principal& who);
struct Category {
  std::int64_t id = 0;
  std::string code, name;
  bool active = true;
};
std::vector<Category> categories(db::Connection& c, bool active_only);
Result<Category> create_category(db::Connection& c, const auth::Principal& who, const std::string& name);
Result<void> set_category_active(db::Connection& c, const auth::Principal& who, std::int64_t id, bool active);

struct GroupSetting {
  std::int64_t group_id = 0;
  std::string code, name;
  std::int64_t units = 0;
  bool enabled = false;
};
bool open_everywhere(db::Connection& c);
std::vector<GroupSetting> group_settings(db::Connection& c);
Result<void> set_openness(db::Connection& c, const auth::Principal& who, bool everyone, const std::vector<std::int64_t>& group_ids);
//! True when the register is open for the unit at this path.
bool enabled_for(db::Connection& c, const std::string& unit_path);
struct UnitChoice {
  std::int64_t id = 0;
  std::string name;
};
//! Active units where the register is open (and, with a principal, where they may nominate), by name.
std::vector<UnitChoice> nomination_units(db::Connection& c, const auth::Principal* who, int limit = 1000);

// ---- entries
struct File {
  std::int64_t id = 0, entry_id = 0, bytes = 0;
  std::string kind, mime, path, thumb_path, original_name;
  int width = 0, height = 0;
};
struct Replication {
  std::int64_t id = 0, unit_id = 0;
  std::string unit_name, what, on_date, created_by;
};
struct Event {
  std::string action, from_status, to_status, actor, comment, at;
};
struct Entry {
  std::int64_t id = 0;
  std::string code;  //!< short public link /r/{code}
  std::int64_t unit_id = 0;
  std::string unit_name, unit_path, parent_path;
  std::string subject_kind, subject_name, deed, deed_date, place;
  std::int64_t category_id = 0;
  std::string category_name;
  Status status = Status::kSubmitted;
  std::string source;  //!< "member" or "public"
  std::int64_t nominator_user_id = 0;
  std::string nominator_name, nominator_contact;
  bool consent = false;
  std::string consent_by, consent_at;
  std::string commendation, decision_no, decision_date, reject_reason;
  std::string published_at, created_at;
  std::vector<File> files;
  std::vector<Replication> replications;
  //! Shown on the public pages: published and the subject consented.
  bool is_public() const { return status == Status::kPublished && consent; }
};

struct Upload {
  std::string filename;
  std::string_view data;
};
constexpr std::size_t kMaxFiles = 5;

//! A logged-in member's nomination.
Result<Entry> nominate(db::Connection& c, const auth::Principal& who, const EntryInput& in, const std::vector<Upload>& uploads,
                       files::FileStore& store);
//! A citizen's nomination through the public form (the caller checked the challenge); at most
//! kPublicPerHour per address (several households may share one address behind a mobile carrier). The
//! citizen's consent tick is noted on the timeline but not recorded as consent: the unit confirms it.
constexpr int kPublicPerHour = 10;
Result<Entry> nominate_public(db::Connection& c, const EntryInput& in, const std::vector<Upload>& uploads,
                              files::FileStore& store, const std::string& ip);
//! Counts a public attempt (also a failed challenge) and says whether the address is over its limit.
bool public_throttled(db::Connection& c, const std::string& ip);
void record_public_attempt(db::Connection& c, const std::string& ip);

std::optional<Entry> find_entry(db::Connection& c, std::int64_t id);
std::optional<Entry> find_entry_by_code(db::Connection& c, const std::string& code);
//! The entry if the principal may see it: its unit's subtree, the committee above, or anyone signed in once public.
Result<Entry> get_entry(db::Connection& c, const auth::Principal& who, std::int64_t id);
bool can_step(const auth::Principal& who, const Entry& e, Step step);
bool can_record_consent(const auth::Principal& who, const Entry& e);
std::vector<Event> events(db::Connection& c, std::int64_t entry_id);

Result<Entry> take_step(db::Connection& c, const auth::Principal& who, std::int64_t id, Step step, const StepInput& in);
//! Records the subject's consent or its withdrawal; a withdrawal unpublishes at once.
Result<Entry> set_consent(db::Connection& c, const auth::Principal& who, std::int64_t id, bool given, const std::string& note);
//! Another unit took the example up.
Result<Entry> add_replication(db::Connection& c, const auth::Principal& who, std::int64_t id, std::int64_t unit_id,
                              const std::string& what, const std::string& on_date);

struct ListQuery {
  std::string status;  //!< "" for all
  std::int64_t category_id = 0;
  std::string q;
};
std::vector<Entry> list_entries(db::Connection& c, const std::string& path, const ListQuery& q, int limit, int offset);
std::int64_t count_entries(db::Connection& c, const std::string& path, const ListQuery& q);

struct PublicQuery {
  std::string q;
  std::int64_t unit_id = 0, category_id = 0;
  int year = 0;
};
std::vector<Entry> public_entries(db::Connection& c, const PublicQuery& q, int limit, int offset);
std::int64_t count_public_entries(db::Connection& c, const PublicQuery& q);
std::optional<File> find_file(db::Connection& c, std::int64_t file_id);

struct Stats {
  std::vector<std::pair<std::string, std::int64_t>> by_status, by_category, by_month;
  struct Child {
    std::int64_t unit_id = 0;
    std::string name;
    std::int64_t entries = 0, published = 0;
  };
  std::vector<Child> by_child;
  std::int64_t total = 0;
};
//! Entries over a subtree by status, category, child unit and month of the deed (the last 12 months with entries).
Stats stats(db::Connection& c, std::int64_t unit_id, const std::string& path);

//! Entries in a subtree and how many of them are published (the unit page's panel).
std::pair<std::int64_t, std::int64_t> count_in_subtree(db::Connection& c, const std::string& path);

//! API representations; `internal` adds the workflow details.
//! with_contact: the nominator's contact (a citizen's phone), only for the unit's officers (can_record_consent).
nlohmann::json to_json(const Entry& e, bool internal, bool with_contact = false);
//! Records that the nominator's contact of these entries was shown ("register.read", what and where).
void log_contact_read(db::Connection& c, const auth::Principal& who, const std::vector<const Entry*>& shown, const std::string& via);

}  // namespace ct05::registry
