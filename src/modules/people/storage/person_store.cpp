#include "modules/people/storage/person_store.hpp"

#include "kernel/clock.hpp"
#include "kernel/text.hpp"
#include "modules/org/storage/unit_store.hpp"
#include "platform/audit/audit.hpp"
#include "platform/changes/changes.hpp"
#include "platform/search/search.hpp"

namespace ct05::people {

namespace {
// The current membership, or the latest one for a person who has left.
constexpr const char* kSelectPerson =
    "SELECT p.id, p.full_name, p.gender, p.birth_year, p.ethnicity, p.phone, p.id_number, p.is_party_member, "
    "p.party_card_no, p.party_join_date, p.cadre_status, p.position, p.note, p.active, m.unit_id, u.name, u.path, "
    "m.valid_from FROM persons p "
    "LEFT JOIN memberships m ON m.id = (SELECT m2.id FROM memberships m2 WHERE m2.person_id = p.id "
    "ORDER BY (m2.valid_to IS NULL) DESC, m2.valid_from DESC, m2.id DESC LIMIT 1) "
    "LEFT JOIN units u ON u.id = m.unit_id WHERE p.id = $1";
constexpr const char* kSelectMembers =
    "SELECT p.id, p.full_name, p.gender, p.birth_year, p.ethnicity, p.phone, p.id_number, p.is_party_member, "
    "p.party_card_no, p.party_join_date, p.cadre_status, p.position, p.note, p.active, m.unit_id, u.name, u.path, "
    "m.valid_from FROM memberships m JOIN persons p ON p.id = m.person_id JOIN units u ON u.id = m.unit_id "
    "WHERE m.unit_id = $1 AND m.valid_to IS NULL ORDER BY p.sort_name, p.id LIMIT $2 OFFSET $3";
constexpr const char* kCountMembers = "SELECT COUNT(*) FROM memberships WHERE unit_id = $1 AND valid_to IS NULL";
constexpr const char* kInsertPerson =
    "INSERT INTO persons (sort_name, full_name, gender, birth_year, ethnicity, phone, id_number, is_party_member, party_card_no, "
    "party_join_date, cadre_status, position, note, active, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1, $14, $15) RETURNING id";
constexpr const char* kUpdatePerson =
    "UPDATE persons SET sort_name = $1, full_name = $2, gender = $3, birth_year = $4, ethnicity = $5, phone = $6, "
    "id_number = $7, is_party_member = $8, party_card_no = $9, party_join_date = $10, cadre_status = $11, position = $12, "
    "note = $13, active = $14, updated_at = $15 WHERE id = $16";
constexpr const char* kInsertMembership =
    "INSERT INTO memberships (person_id, unit_id, position, valid_from) VALUES ($1, $2, $3, $4)";
constexpr const char* kEndMembership =
    "UPDATE memberships SET valid_to = $1 WHERE person_id = $2 AND valid_to IS NULL";

Person person_from(const db::Row& r) {
  Person p;
  p.id = r.i64(0);
  p.full_name = r.str(1);
  p.gender = r.str(2);
  p.birth_year = static_cast<int>(r.i64(3));
  p.ethnicity = r.str(4);
  p.phone = r.str(5);
  p.id_number = r.str(6);
  p.is_party_member = r.i64(7) != 0;
  p.party_card_no = r.str(8);
  p.party_join_date = r.str(9);
  p.cadre_status = r.str(10);
  p.position = r.str(11);
  p.note = r.str(12);
  p.active = r.i64(13) != 0;
  p.unit_id = r.i64(14);
  p.unit_name = r.str(15);
  p.unit_path = r.str(16);
  p.member_since = r.str(17);
  return p;
}

// Vietnamese lists sort by the given name (the last word), then by the whole name.
std::string sort_name(const std::string& full_name) {
  std::string f = kernel::fold(full_name);
  auto sp = f.rfind(' ');
  return sp == std::string::npos ? f : f.substr(sp + 1) + " " + f;
}

db::Params person_params(const Person& p) {
  return {sort_name(p.full_name),
          p.full_name,
          p.gender,
          p.birth_year ? db::Value{std::int64_t{p.birth_year}} : db::Value{},
          p.ethnicity,
          p.phone,
          p.id_number,
          std::int64_t{p.is_party_member ? 1 : 0},
          p.party_card_no,
          p.party_join_date.empty() ? db::Value{} : db::Value{p.party_join_date},
          p.cadre_status,
          p.position,
          p.note};
}

void apply(Person& p, const PersonInput& in) {
  if (in.full_name) p.full_name = *in.full_name;
  if (in.gender) p.gender = *in.gender;
  if (in.birth_year) p.birth_year = *in.birth_year;
  if (in.ethnicity) p.ethnicity = *in.ethnicity;
  if (in.phone) p.phone = *in.phone;
  if (in.id_number) p.id_number = *in.id_number;
  if (in.is_party_member) p.is_party_member = *in.is_party_member;
  if (in.party_card_no) p.party_card_no = *in.party_card_no;
  if (in.party_join_date) p.party_join_date = *in.party_join_date;
  if (in.cadre_status) p.cadre_status = *in.cadre_status;
  if (in.position) p.position = *in.position;
  if (in.note) p.note = *in.note;
}

void index_person(db::Connection& c, const Person& p) {
  search::put(c, search::Document{"person", p.id, p.unit_path, p.full_name, p.position + " " + p.unit_name});
}

int current_year() { return std::stoi(kernel::today_iso().substr(0, 4)); }
}  // namespace

std::optional<Person> find_person(db::Connection& c, std::int64_t id) {
  auto r = c.query_one(kSelectPerson, {id});
  if (!r) return std::nullopt;
  return person_from(*r);
}

std::vector<Person> members(db::Connection& c, std::int64_t unit_id, int limit, int offset) {
  std::vector<Person> out;
  for (const auto& r : c.query(kSelectMembers, {unit_id, std::int64_t{limit}, std::int64_t{offset}})) out.push_back(person_from(r));
  return out;
}

std::int64_t count_members(db::Connection& c, std::int64_t unit_id) { return c.scalar(kCountMembers, {unit_id}); }

Result<Person> get_person(db::Connection& c, const auth::Principal& who, std::int64_t id, auth::Action action) {
  auto p = find_person(c, id);
  if (!p) return fail(Error::not_found("Không tìm thấy người này."));
  if (auto ok = auth::authorize(who, action, {p->unit_path, p->id}); !ok) return fail(ok.error());
  return *p;
}

Result<Person> create_person(db::Connection& c, const auth::Principal& who, const PersonInput& in) {
  // Permission before validation, so a refused caller learns nothing about the data.
  auto unit = in.unit_id ? org::find_unit(c, *in.unit_id) : std::nullopt;
  if (unit) {
    if (auto ok = auth::authorize(who, auth::Action::kEditPerson, {unit->path}); !ok) return fail(ok.error());
  }
  if (auto errs = validate(in, true, current_year()); !errs.empty()) return fail(Error::invalid(std::move(errs)));
  if (!unit) return fail(Error::invalid({{"unit_id", "Đơn vị sinh hoạt không tồn tại."}}));
  if (!unit->active) return fail(Error::invalid({{"unit_id", "Đơn vị này đã ngừng hoạt động."}}));
  return db::in_transaction(c, [&]() -> Result<Person> {
    Person p;
    apply(p, in);
    std::string now = kernel::now_iso();
    auto params = person_params(p);
    params.push_back(now);
    params.push_back(now);
    p.id = c.query_one(kInsertPerson, params)->i64(0);
    std::string since = in.member_since && !in.member_since->empty() ? *in.member_since : kernel::today_iso();
    c.exec(kInsertMembership, {p.id, unit->id, p.position, since});
    p.unit_id = unit->id;
    p.unit_name = unit->name;
    p.unit_path = unit->path;
    p.member_since = since;
    index_person(c, p);
    changes::units_changed(c, {p.unit_id});
    audit::record(c, who, {"person.create", "person", p.id, p.unit_path, nullptr, to_json(p, true)});
    return p;
  });
}

Result<Person> update_person(db::Connection& c, const auth::Principal& who, std::int64_t id, const PersonInput& in) {
  auto before = get_person(c, who, id, auth::Action::kEditPerson);
  if (!before) return before;
  PersonInput checked = in;
  if (!checked.birth_year && before->birth_year) checked.birth_year = before->birth_year;  // for the join-date rule
  if (auto errs = validate(checked, false, current_year()); !errs.empty()) return fail(Error::invalid(std::move(errs)));
  return db::in_transaction(c, [&]() -> Result<Person> {
    Person p = *before;
    apply(p, in);
    std::optional<org::Unit> target;
    if (in.unit_id && *in.unit_id != p.unit_id) {
      // A transfer: the person must be movable here and the new unit must be in the principal's scope.
      target = org::find_unit(c, *in.unit_id);
      if (!target) return fail(Error::invalid({{"unit_id", "Đơn vị chuyển đến không tồn tại."}}));
      if (auto ok = auth::authorize(who, auth::Action::kEditPerson, {target->path}); !ok) return fail(ok.error());
      if (!target->active) return fail(Error::invalid({{"unit_id", "Đơn vị chuyển đến đã ngừng hoạt động."}}));
    }
    auto params = person_params(p);
    params.push_back(std::int64_t{p.active ? 1 : 0});
    params.push_back(kernel::now_iso());
    params.push_back(p.id);
    c.exec(kUpdatePerson, params);
    if (target) {
      std::string today = kernel::today_iso();
      c.exec(kEndMembership, {today, p.id});
      c.exec(kInsertMembership, {p.id, target->id, p.position, today});
      p.unit_id = target->id;
      p.unit_name = target->name;
      p.unit_path = target->path;
      p.member_since = today;
    }
    index_person(c, p);
    changes::units_changed(c, {before->unit_id, p.unit_id});
    audit::record(c, who, {"person.update", "person", p.id, p.unit_path, to_json(*before, true), to_json(p, true)});
    return p;
  });
}

Result<Person> deactivate_person(db::Connection& c, const auth::Principal& who, std::int64_t id) {
  auto before = get_person(c, who, id, auth::Action::kEditPerson);
  if (!before) return before;
  if (!before->active) return fail(Error::conflict("Người này đã thôi sinh hoạt từ trước."));
  return db::in_transaction(c, [&]() -> Result<Person> {
    Person p = *before;
    p.active = false;
    auto params = person_params(p);
    params.push_back(std::int64_t{0});
    params.push_back(kernel::now_iso());
    params.push_back(p.id);
    c.exec(kUpdatePerson, params);
    c.exec(kEndMembership, {kernel::today_iso(), p.id});
    index_person(c, p);
    changes::units_changed(c, {before->unit_id});
    audit::record(c, who, {"person.deactivate", "person", p.id, p.unit_path, to_json(*before, true), to_json(p, true)});
    return p;
  });
}

const std::vector<std::string> kSensitiveFields = {"ethnicity",     "phone",          "id_number", "is_party_member",
                                                   "party_card_no", "party_join_date"};

void log_full_read(db::Connection& c, const auth::Principal& who, const Person& p, const std::string& via) {
  audit::record_read(c, who, {"person.read", "person", p.id, p.unit_path, nullptr, {{"shown", kSensitiveFields}, {"via", via}}});
}

nlohmann::json to_json(const Person& p, bool sensitive) {
  nlohmann::json j{{"id", p.id},
                   {"full_name", p.full_name},
                   {"gender", p.gender},
                   {"birth_year", p.birth_year ? nlohmann::json(p.birth_year) : nlohmann::json()},
                   {"cadre_status", p.cadre_status},
                   {"position", p.position},
                   {"active", p.active},
                   {"unit_id", p.unit_id ? nlohmann::json(p.unit_id) : nlohmann::json()},
                   {"unit_name", p.unit_name},
                   {"member_since", p.member_since},
                   {"url", "/people/" + std::to_string(p.id)}};
  if (sensitive) {
    j["ethnicity"] = p.ethnicity;
    j["phone"] = p.phone;
    j["id_number"] = p.id_number;
    j["is_party_member"] = p.is_party_member;
    j["party_card_no"] = p.party_card_no;
    j["party_join_date"] = p.party_join_date.empty() ? nlohmann::json() : nlohmann::json(p.party_join_date);
    j["note"] = p.note;
  }
  return j;
}

}  // namespace ct05::people
