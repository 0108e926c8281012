#include "modules/restructurings/storage/restructuring_store.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "kernel/clock.hpp"
#include "kernel/text.hpp"
#include "modules/org/domain/unit.hpp"
#include "modules/plans/storage/tallies.hpp"
#include "platform/audit/audit.hpp"
#include "platform/changes/changes.hpp"
#include "platform/html/view.hpp"
#include "platform/search/search.hpp"

namespace ct05::restructurings {

namespace {

struct U {
  std::int64_t id = 0, parent_id = 0;
  std::string code, name, kind, path, valid_from, valid_to, state_from;
  int depth = 0;
  bool active = true;
};

constexpr const char* kSelectUnit =
    "SELECT id, parent_id, code, name, kind, path, valid_from, COALESCE(valid_to, ''), COALESCE(state_from, valid_from), "
    "depth, active FROM units ";

U unit_of(const db::Row& r) {
  return U{r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4), r.str(5), r.str(6), r.str(7), r.str(8),
           static_cast<int>(r.i64(9)), r.i64(10) != 0};
}

// Tables outside org that copy a unit's path (D19 and the platform's search and imports): a move rewrites them.
constexpr std::pair<const char*, const char*> kPathCopies[] = {
    {"search_items", "unit_path"},          {"households", "village_path"}, {"village_assessments", "village_path"},
    {"village_recognitions", "village_path"}, {"imports", "unit_path"},
};

std::string named(const U& u) { return u.name + " (" + u.code + ")"; }
std::string vn(const std::string& iso) { return kernel::date_vn(iso); }
std::string num(std::int64_t n) { return html::number_vn(n); }

class Run {
 public:
  Run(db::Connection& c, const auth::Principal& who, const Request& r) : c_(c), who_(who), r_(r) {
    day_before_ = add_days(r.effective_on, -1);
  }

  Outcome execute() {
    out_.request = r_;
    event_ = c_.query_one("INSERT INTO restructurings (kind, effective_on, legal_basis, note, request_json, summary_json, "
                          "created_by, created_at) VALUES ($1, $2, $3, $4, $5, '{}', $6, $7) RETURNING id",
                          {r_.kind, r_.effective_on, r_.legal_basis, r_.note, to_json(r_).dump(), who_.actor(), kernel::now_iso()})
                 ->i64(0);
    if (r_.kind == "merge") merge();
    else if (r_.kind == "split") split();
    else if (r_.kind == "move") move_only();
    else if (r_.kind == "rename") rename();
    else if (r_.kind == "dissolve") dissolve();
    if (!errors_.empty()) return out_;
    std::vector<std::int64_t> touched(touched_.begin(), touched_.end());
    changes::units_changed(c_, touched);
    out_.units = touched;
    out_.id = event_;
    nlohmann::json summary{{"lines", out_.lines},
                           {"notes", out_.notes},
                           {"counts",
                            {{"created", out_.counts.created},
                             {"moved", out_.counts.moved},
                             {"closed", out_.counts.closed},
                             {"renamed", out_.counts.renamed},
                             {"people", out_.counts.people},
                             {"households", out_.counts.households}}},
                           {"units", touched}};
    c_.exec("UPDATE restructurings SET summary_json = $1 WHERE id = $2", {summary.dump(), event_});
    audit::record(c_, who_, {"restructuring.commit", "restructuring", event_, audit_path_, nullptr,
                             {{"request", to_json(r_)}, {"summary", summary}}});
    return out_;
  }

  const std::vector<FieldError>& errors() const { return errors_; }

 private:
  void error(const std::string& field, const std::string& message) { errors_.push_back({field, message}); }

  std::optional<U> by_code(const std::string& code) {
    auto r = c_.query_one(std::string(kSelectUnit) + "WHERE code = $1", {code});
    if (!r) return std::nullopt;
    return unit_of(*r);
  }
  U by_id(std::int64_t id) { return unit_of(*c_.query_one(std::string(kSelectUnit) + "WHERE id = $1", {id})); }

  //! An existing unit the event changes: found, in scope, in force, and not changed since the date.
  std::optional<U> existing(const std::string& field, const std::string& code, bool will_change) {
    auto u = by_code(code);
    if (!u) {
      error(field, "Không có đơn vị mã “" + code + "”.");
      return std::nullopt;
    }
    if (!allowed(*u, field)) return std::nullopt;
    if (!u->active) {
      error(field, named(*u) + " đã ngừng hoạt động từ " + vn(u->valid_to) + ".");
      return std::nullopt;
    }
    if (will_change && r_.effective_on < u->state_from) {
      error(field, named(*u) + (u->state_from == u->valid_from ? " bắt đầu hoạt động từ " : " đã có thay đổi từ ") +
                       vn(u->state_from) + "; ngày có hiệu lực không được trước ngày đó.");
      return std::nullopt;
    }
    note_path(*u);
    return u;
  }

  bool allowed(const U& u, const std::string& field) {
    if (auth::authorize(who_, auth::Action::kRestructure, {u.path})) return true;
    error(field, "Bạn không có quyền sắp xếp " + named(u) + " (cần quyền quản trị của đơn vị này).");
    return false;
  }

  //! The audit entry goes under the deepest unit above every unit involved, so the officers above see it.
  void note_path(const U& u) {
    std::string p = u.path;
    if (u.parent_id) p = p.substr(0, p.rfind('/', p.size() - 2) + 1);  // the parent's path
    if (audit_path_.empty()) {
      audit_path_ = p;
      return;
    }
    std::size_t i = 0;
    while (i < audit_path_.size() && i < p.size() && audit_path_[i] == p[i]) ++i;
    audit_path_ = audit_path_.substr(0, audit_path_.rfind('/', i ? i - 1 : 0) + 1);
    if (audit_path_.empty()) audit_path_ = "/";
  }

  void record_unit(std::int64_t unit_id, const char* role) {
    c_.exec("INSERT INTO restructuring_units (restructuring_id, unit_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            {event_, unit_id, std::string(role)});
    touched_.insert(unit_id);
  }

  //! A new unit under `parent`, in force from the effective date.
  std::optional<U> create(const UnitRef& ref, const std::string& field, const U& parent) {
    org::UnitInput in;
    in.code = ref.code;
    in.name = ref.name;
    in.kind = ref.kind;
    in.parent_id = parent.id;
    bool ok = true;
    for (auto& e : org::validate(in, true)) {
      error(field, e.message);
      ok = false;
    }
    if (by_code(ref.code)) {
      error(field, "Mã “" + ref.code + "” đã được dùng cho đơn vị khác.");
      ok = false;
    }
    if (!ok) return std::nullopt;
    std::string now = kernel::now_iso();
    auto id = c_.query_one("INSERT INTO units (code, name, sort_name, kind, parent_id, path, depth, valid_from, active, note, "
                           "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, '', $6, $7, 1, $8, $9, $9) RETURNING id",
                           {ref.code, ref.name, kernel::fold(ref.name), ref.kind, parent.id, std::int64_t{parent.depth + 1},
                            r_.effective_on, "Lập theo " + r_.legal_basis, now})
                  ->i64(0);
    std::string path = parent.path + std::to_string(id) + "/";
    c_.exec("UPDATE units SET path = $1 WHERE id = $2", {path, id});
    search::put(c_, search::Document{"unit", id, path, ref.name, ref.code + " " + std::string(org::kind_label(ref.kind))});
    record_unit(id, "created");
    ++out_.counts.created;
    out_.lines.push_back("Lập " + ref.name + " (" + ref.code + ", loại: " + std::string(org::kind_label(ref.kind)) +
                         "), trực thuộc " + parent.name + ", hoạt động từ " + vn(r_.effective_on) + ".");
    return by_id(id);
  }

  //! Moves a unit and its whole subtree under a new parent: the places they leave go to unit_history, every copy of
  //! their paths follows, and the subtree's tallies leave the old ancestors for the new ones.
  void move(const U& x, const U& parent) {
    if (parent.path.rfind(x.path, 0) == 0) {
      error("parent", "Không thể chuyển " + named(x) + " về " + named(parent) + ", vì đó là đơn vị thuộc chính nó.");
      return;
    }
    const std::string old_path = x.path, new_path = parent.path + std::to_string(x.id) + "/", end = db::subtree_end(old_path);
    if (auto later = c_.query_one("SELECT name, state_from FROM units WHERE path >= $1 AND path < $2 AND state_from > $3 "
                                  "ORDER BY state_from DESC LIMIT 1",
                                  {old_path, end, r_.effective_on})) {
      error("effective_on", later->str(0) + " đã có thay đổi từ " + vn(later->str(1)) +
                                "; hãy ghi các sắp xếp theo thứ tự thời gian.");
      return;
    }
    auto n = c_.scalar("SELECT COUNT(*) FROM units WHERE path >= $1 AND path < $2", {old_path, end});
    c_.exec("INSERT INTO unit_history (unit_id, code, name, kind, parent_id, path, depth, valid_from, valid_to, restructuring_id) "
            "SELECT id, code, name, kind, parent_id, path, depth, COALESCE(state_from, valid_from), $1, $2 FROM units "
            "WHERE path >= $3 AND path < $4 AND COALESCE(state_from, valid_from) < $5",
            {day_before_, event_, old_path, end, r_.effective_on});
    const auto keep = static_cast<std::int64_t>(old_path.size()) + 1;
    c_.exec("UPDATE units SET path = $1 || substr(path, $2), depth = depth + $3, state_from = $4, updated_at = $5 "
            "WHERE path >= $6 AND path < $7",
            {new_path, keep, std::int64_t{parent.depth + 1 - x.depth}, r_.effective_on, kernel::now_iso(), old_path, end});
    c_.exec("UPDATE units SET parent_id = $1 WHERE id = $2", {parent.id, x.id});
    for (const auto& [table, column] : kPathCopies)
      c_.exec(std::string("UPDATE ") + table + " SET " + column + " = $1 || substr(" + column + ", $2) WHERE " + column +
                  " >= $3 AND " + column + " < $4",
              {new_path, keep, old_path, end});
    plans::tallies::move_subtree(c_, x.id, old_path, new_path);
    record_unit(x.id, "moved");
    c_.exec("INSERT INTO unit_moves (restructuring_id, unit_id, old_path, new_path) VALUES ($1, $2, $3, $4)",
            {event_, x.id, old_path, new_path});
    std::string from = x.parent_id ? " từ " + by_id(x.parent_id).name : " (đang là đơn vị gốc)";
    out_.lines.push_back("Chuyển " + named(x) + from + " về trực thuộc " + parent.name +
                         (n > 1 ? ", cùng " + num(n - 1) + " đơn vị cấp dưới." : "."));
    out_.counts.moved += n;
    touched_.insert(x.id);
  }

  //! The members of `from` (those in `only`, when given) become members of `to` on the effective date.
  void transfer_members(const U& from, const U& to, const std::set<std::int64_t>* only = nullptr) {
    std::int64_t n = 0;
    for (const auto& r : c_.query("SELECT id, person_id, position, valid_from FROM memberships WHERE unit_id = $1 "
                                  "AND valid_to IS NULL ORDER BY id",
                                  {from.id})) {
      if (only && !only->count(r.i64(1))) continue;
      if (r.str(3) >= r_.effective_on) {
        c_.exec("UPDATE memberships SET unit_id = $1 WHERE id = $2", {to.id, r.i64(0)});
      } else {
        c_.exec("UPDATE memberships SET valid_to = $1 WHERE id = $2", {r_.effective_on, r.i64(0)});
        c_.exec("INSERT INTO memberships (person_id, unit_id, position, valid_from) VALUES ($1, $2, $3, $4)",
                {r.i64(1), to.id, r.str(2), r_.effective_on});
      }
      c_.exec("UPDATE search_items SET unit_path = $1 WHERE kind = 'person' AND ref_id = $2", {to.path, r.i64(1)});
      ++n;
    }
    if (n == 0) return;
    out_.counts.people += n;
    out_.lines.push_back("Chuyển sinh hoạt " + num(n) + " người từ " + from.name + " sang " + to.name + " từ " +
                         vn(r_.effective_on) + ".");
    touched_.insert(from.id);
    touched_.insert(to.id);
  }

  //! The households of village `from` (those in `only`, by code) go on in village `to`: the old record ends on the
  //! effective date with its past statuses, a new one starts then with the statuses from that year on.
  void transfer_households(const U& from, const U& to, const std::set<std::string>* only = nullptr) {
    std::int64_t n = 0;
    const std::int64_t year = std::stoi(r_.effective_on.substr(0, 4));
    for (const auto& r : c_.query("SELECT id, code FROM households WHERE village_id = $1 AND ended_on IS NULL ORDER BY id",
                                  {from.id})) {
      if (only && !only->count(r.str(1))) continue;
      if (c_.query_one("SELECT 1 FROM households WHERE village_id = $1 AND code = $2", {to.id, r.str(1)})) {
        error("assign", "Thôn " + to.name + " đã có hộ mã “" + r.str(1) + "”; hãy đổi mã hộ trước khi sắp xếp.");
        continue;
      }
      std::string now = kernel::now_iso();
      auto id = c_.query_one(
                     "INSERT INTO households (village_id, village_path, code, head_name, head_birth_year, head_gender, "
                     "ethnicity, address, area, registered_on, note, folded, created_at, updated_at) SELECT $1, $2, code, "
                     "head_name, head_birth_year, head_gender, ethnicity, address, area, $3, note, folded, $4, $4 "
                     "FROM households WHERE id = $5 RETURNING id",
                     {to.id, to.path, r_.effective_on, now, r.i64(0)})
                    ->i64(0);
      c_.exec("INSERT INTO household_members (household_id, position, full_name, relation, birth_year, gender) "
              "SELECT $1, position, full_name, relation, birth_year, gender FROM household_members WHERE household_id = $2",
              {id, r.i64(0)});
      c_.exec("UPDATE household_statuses SET household_id = $1 WHERE household_id = $2 AND year >= $3", {id, r.i64(0), year});
      c_.exec("UPDATE households SET ended_on = $1, ended_reason = $2, updated_at = $3 WHERE id = $4",
              {r_.effective_on, "Chuyển sang " + to.name + " theo " + r_.legal_basis, now, r.i64(0)});
      ++n;
    }
    if (n == 0) return;
    out_.counts.households += n;
    out_.lines.push_back("Chuyển " + num(n) + " hộ gia đình từ " + from.name + " sang " + to.name +
                         " (hồ sơ cũ giữ các năm trước " + std::to_string(year) + ").");
  }

  //! Ends a unit on the day before the effective date; refused while something active is still in it.
  void close(const U& x, const char* role) {
    auto kids = c_.scalar("SELECT COUNT(*) FROM units WHERE parent_id = $1 AND active = 1", {x.id});
    auto members = c_.scalar("SELECT COUNT(*) FROM memberships WHERE unit_id = $1 AND valid_to IS NULL", {x.id});
    auto homes = c_.scalar("SELECT COUNT(*) FROM households WHERE village_id = $1 AND ended_on IS NULL", {x.id});
    if (kids || members || homes) {
      std::string what;
      auto add = [&](std::int64_t k, const char* label) {
        if (!k) return;
        what += (what.empty() ? "" : ", ") + num(k) + " " + label;
      };
      add(kids, "đơn vị trực thuộc đang hoạt động");
      add(members, "người đang sinh hoạt");
      add(homes, "hộ gia đình");
      error(r_.kind == "split" ? "assign" : "unit",
            named(x) + " còn " + what + (r_.kind == "dissolve" ? "; hãy chuyển đi trước khi giải thể, hoặc chọn “Sáp nhập”."
                                                                : " chưa được giao cho đơn vị kế thừa."));
      return;
    }
    if (day_before_ < x.valid_from) {
      error("effective_on", named(x) + " bắt đầu hoạt động từ " + vn(x.valid_from) + "; ngày có hiệu lực phải sau ngày đó.");
      return;
    }
    c_.exec("UPDATE units SET active = 0, valid_to = $1, updated_at = $2 WHERE id = $3", {day_before_, kernel::now_iso(), x.id});
    record_unit(x.id, role);
    ++out_.counts.closed;
    out_.lines.push_back(named(x) + " kết thúc hoạt động ngày " + vn(day_before_) +
                         "; hồ sơ, kế hoạch, sinh hoạt và số liệu trước đó vẫn thuộc đơn vị này.");
  }

  std::vector<U> active_children(const U& x) {
    std::vector<U> out;
    for (const auto& r : c_.query(std::string(kSelectUnit) + "WHERE parent_id = $1 AND active = 1 ORDER BY sort_name, id", {x.id}))
      out.push_back(unit_of(r));
    return out;
  }

  void lineage(const U& pred, const U& succ) {
    c_.exec("INSERT INTO unit_lineage (restructuring_id, predecessor_id, successor_id) VALUES ($1, $2, $3)",
            {event_, pred.id, succ.id});
  }

  //! The successor a merge or split ends with: existing (in scope, in force) or new under `default_parent`.
  std::optional<U> resolve_ref(const UnitRef& ref, const std::string& field, const U& default_parent) {
    if (!ref.is_new()) {
      auto t = existing(field, ref.code, false);
      if (t) record_unit(t->id, "target");
      return t;
    }
    U parent = default_parent;
    if (!ref.parent.empty()) {
      auto p = existing(field, ref.parent, false);
      if (!p) return std::nullopt;
      parent = *p;
    } else if (!allowed(parent, field)) {
      return std::nullopt;
    }
    return create(ref, field, parent);
  }

  void grants_note(const U& x) {
    auto n = c_.scalar("SELECT COUNT(*) FROM grants WHERE unit_id = $1", {x.id});
    if (n)
      out_.notes.push_back(num(n) + " quyền được giao trên " + x.name +
                           " vẫn giữ (để xem lịch sử của đơn vị); quyền trên đơn vị kế thừa cần được cấp riêng.");
  }

  void merge() {
    std::vector<U> sources;
    std::set<std::string> seen;
    for (const auto& code : r_.sources) {
      if (!seen.insert(code).second) {
        error("sources", "Mã “" + code + "” được nhập hai lần.");
        continue;
      }
      if (auto u = existing("sources", code, true)) sources.push_back(*u);
    }
    if (!errors_.empty() || sources.empty()) return;
    if (!r_.target.is_new() && seen.count(r_.target.code)) {
      error("target", "Đơn vị sau sáp nhập không thể đồng thời là đơn vị được sáp nhập.");
      return;
    }
    U parent = sources.front().parent_id ? by_id(sources.front().parent_id) : sources.front();
    if (!sources.front().parent_id) {
      error("sources", "Không sáp nhập được đơn vị gốc của cây tổ chức.");
      return;
    }
    auto target = resolve_ref(r_.target, "target", parent);
    if (!target) return;
    for (const auto& s : sources)
      if (target->path.rfind(s.path, 0) == 0) {
        error("target", named(*target) + " thuộc " + named(s) + "; hãy chọn đơn vị sau sáp nhập ở ngoài các đơn vị được sáp nhập.");
        return;
      }
    for (const auto& s : sources) {
      for (const auto& k : active_children(s)) {
        move(k, by_id(target->id));
        if (!errors_.empty()) return;
      }
      U t = by_id(target->id);
      transfer_members(s, t);
      if (s.kind == "thon" && t.kind == "thon") transfer_households(s, t);
      grants_note(s);
      close(by_id(s.id), "source");
      lineage(s, t);
      if (!errors_.empty()) return;
    }
    out_.lines.push_back("Số liệu của " + std::to_string(sources.size()) + " đơn vị trước ngày " + vn(r_.effective_on) +
                         " được cộng vào " + target->name + " khi xem báo cáo có “nối tiếp số liệu”.");
  }

  void split() {
    auto source = existing("unit", r_.unit, true);
    if (!source) return;
    if (!source->parent_id) {
      error("unit", "Không chia tách được đơn vị gốc của cây tổ chức.");
      return;
    }
    U parent = by_id(source->parent_id);
    std::map<std::string, U> succ;
    std::vector<std::string> order;
    for (const auto& ref : r_.successors) {
      if (ref.code == source->code) {
        error("successors", "Đơn vị bị chia tách không thể là đơn vị kế thừa của chính nó.");
        return;
      }
      auto s = resolve_ref(ref, "successors", parent);
      if (!s) continue;
      if (s->path.rfind(source->path, 0) == 0) {
        error("successors", named(*s) + " thuộc " + named(*source) + "; đơn vị kế thừa phải ở ngoài đơn vị bị chia tách.");
        continue;
      }
      succ[s->code] = *s;
      order.push_back(s->code);
    }
    if (!errors_.empty()) return;
    for (const auto& [what, code] : r_.assign)
      if (!succ.count(code)) error("assign", "“" + what + "” được giao cho “" + code + "”, không phải đơn vị kế thừa đã nhập.");
    if (!r_.default_successor.empty() && !succ.count(r_.default_successor))
      error("default_successor", "“" + r_.default_successor + "” không phải đơn vị kế thừa đã nhập.");
    if (!errors_.empty()) return;
    auto where = [&](const std::string& key) -> std::string {
      auto it = r_.assign.find(key);
      return it != r_.assign.end() ? it->second : r_.default_successor;
    };
    std::set<std::string> used;
    for (const auto& k : active_children(*source)) {
      auto to = where(k.code);
      used.insert(k.code);
      if (to.empty()) {
        error("assign", named(k) + " chưa được giao cho đơn vị kế thừa nào.");
        continue;
      }
      move(k, by_id(succ[to].id));
    }
    std::map<std::string, std::set<std::int64_t>> people;
    for (const auto& r : c_.query("SELECT m.person_id, p.full_name FROM memberships m JOIN persons p ON p.id = m.person_id "
                                  "WHERE m.unit_id = $1 AND m.valid_to IS NULL ORDER BY p.sort_name",
                                  {source->id})) {
      std::string key = "nguoi:" + std::to_string(r.i64(0));
      used.insert(key);
      auto to = where(key);
      if (to.empty()) error("assign", r.str(1) + " (" + key + ") chưa được giao cho đơn vị kế thừa nào.");
      else people[to].insert(r.i64(0));
    }
    std::map<std::string, std::set<std::string>> homes;
    for (const auto& r : c_.query("SELECT code, head_name FROM households WHERE village_id = $1 AND ended_on IS NULL ORDER BY code",
                                  {source->id})) {
      std::string key = "ho:" + r.str(0);
      used.insert(key);
      auto to = where(key);
      if (to.empty()) error("assign", "Hộ " + r.str(1) + " (" + key + ") chưa được giao cho đơn vị kế thừa nào.");
      else if (succ[to].kind != "thon") error("assign", "Hộ " + r.str(1) + " chỉ chuyển được sang một thôn, tổ dân phố.");
      else homes[to].insert(r.str(0));
    }
    for (const auto& [what, code] : r_.assign)
      if (!used.count(what)) error("assign", "“" + what + "” không thuộc " + named(*source) + ".");
    if (!errors_.empty()) return;
    for (const auto& code : order) {
      U to = by_id(succ[code].id);
      if (people.count(code)) transfer_members(*source, to, &people[code]);
      if (homes.count(code)) transfer_households(*source, to, &homes[code]);
    }
    grants_note(*source);
    close(by_id(source->id), "source");
    for (const auto& code : order) lineage(*source, succ[code]);
  }

  void move_only() {
    auto x = existing("unit", r_.unit, true);
    if (!x) return;
    auto p = existing("parent", r_.parent, false);
    if (!p) return;
    if (x->parent_id == p->id) {
      error("parent", named(*x) + " đã trực thuộc " + p->name + ".");
      return;
    }
    move(*x, *p);
    record_unit(x->id, "moved");
    record_unit(p->id, "target");
  }

  void rename() {
    auto x = existing("unit", r_.unit, true);
    if (!x) return;
    std::string name = r_.new_name.empty() ? x->name : r_.new_name, code = r_.new_code.empty() ? x->code : r_.new_code;
    if (name == x->name && code == x->code) {
      error("new_name", "Tên và mã mới giống tên và mã hiện tại.");
      return;
    }
    org::UnitInput in;
    in.name = name;
    in.code = code;
    for (auto& e : org::validate(in, false)) error(e.field == "code" ? "new_code" : "new_name", e.message);
    if (code != x->code && by_code(code)) error("new_code", "Mã “" + code + "” đã được dùng cho đơn vị khác.");
    if (!errors_.empty()) return;
    c_.exec("INSERT INTO unit_history (unit_id, code, name, kind, parent_id, path, depth, valid_from, valid_to, restructuring_id) "
            "SELECT id, code, name, kind, parent_id, path, depth, COALESCE(state_from, valid_from), $1, $2 FROM units WHERE id = $3",
            {day_before_, event_, x->id});
    c_.exec("UPDATE units SET name = $1, sort_name = $2, code = $3, state_from = $4, updated_at = $5 WHERE id = $6",
            {name, kernel::fold(name), code, r_.effective_on, kernel::now_iso(), x->id});
    search::put(c_, search::Document{"unit", x->id, x->path, name, code + " " + std::string(org::kind_label(x->kind))});
    record_unit(x->id, "renamed");
    ++out_.counts.renamed;
    out_.lines.push_back("Đổi tên " + named(*x) + " thành " + name + " (" + code + ") từ " + vn(r_.effective_on) +
                         "; báo cáo tính đến ngày trước đó vẫn dùng tên cũ.");
  }

  void dissolve() {
    auto x = existing("unit", r_.unit, true);
    if (!x) return;
    if (!x->parent_id) {
      error("unit", "Không giải thể được đơn vị gốc của cây tổ chức.");
      return;
    }
    grants_note(*x);
    close(*x, "dissolved");
  }

  db::Connection& c_;
  const auth::Principal& who_;
  const Request& r_;
  std::string day_before_, audit_path_;
  std::int64_t event_ = 0;
  Outcome out_;
  std::vector<FieldError> errors_;
  std::set<std::int64_t> touched_;
};

Summary summary_of(const db::Row& r) {
  Summary s{r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4), r.str(5), r.str(6), {}};
  s.summary = nlohmann::json::parse(r.str(7), nullptr, false);
  return s;
}

constexpr const char* kSelectSummary =
    "SELECT id, kind, effective_on, legal_basis, note, created_by, created_at, summary_json FROM restructurings ";

// Events that touched a unit in any of the paths (the units' current paths).
std::string scope_filter(const std::vector<std::string>& paths, db::Params& p) {
  std::string w;
  for (const auto& path : paths) {
    w += w.empty() ? "" : " OR ";
    w += "(u.path >= $" + std::to_string(p.size() + 1) + " AND u.path < $" + std::to_string(p.size() + 2) + ")";
    p.push_back(path);
    p.push_back(db::subtree_end(path));
  }
  return "id IN (SELECT ru.restructuring_id FROM restructuring_units ru JOIN units u ON u.id = ru.unit_id WHERE " + w + ")";
}

}  // namespace

Result<Outcome> run(db::Connection& c, const auth::Principal& who, const Request& r, bool commit) {
  if (!who.authenticated()) return fail(Error::unauthenticated());
  if (who.scope_paths(auth::Action::kRestructure).empty()) return fail(Error::forbidden());
  if (auto errs = validate(r, kernel::today_iso()); !errs.empty()) return fail(Error::invalid(std::move(errs)));
  c.begin();
  try {
    Run run(c, who, r);
    Outcome o = run.execute();
    if (!run.errors().empty()) {
      c.rollback();
      return fail(Error::invalid(run.errors(), "Chưa thể ghi nhận sắp xếp này, vui lòng xem các lỗi bên dưới."));
    }
    if (commit) {
      c.commit();
    } else {
      c.rollback();
      o.id = 0;
    }
    return o;
  } catch (...) {
    c.rollback();
    throw;
  }
}

std::vector<Summary> list(db::Connection& c, const auth::Principal& who, int limit, int offset) {
  db::Params p;
  auto paths = who.scope_paths(auth::Action::kViewUnit);
  if (paths.empty()) return {};
  std::string w = scope_filter(paths, p);
  std::string lim = "$" + std::to_string(p.size() + 1), off = "$" + std::to_string(p.size() + 2);
  p.push_back(std::int64_t{limit});
  p.push_back(std::int64_t{offset});
  std::vector<Summary> out;
  for (const auto& r : c.query(std::string(kSelectSummary) + "WHERE " + w + " ORDER BY effective_on DESC, id DESC LIMIT " + lim +
                                   " OFFSET " + off,
                               p))
    out.push_back(summary_of(r));
  return out;
}

std::int64_t count(db::Connection& c, const auth::Principal& who) {
  db::Params p;
  auto paths = who.scope_paths(auth::Action::kViewUnit);
  if (paths.empty()) return 0;
  return c.scalar("SELECT COUNT(*) FROM restructurings WHERE " + scope_filter(paths, p), p);
}

std::optional<Summary> find(db::Connection& c, std::int64_t id) {
  auto r = c.query_one(std::string(kSelectSummary) + "WHERE id = $1", {id});
  if (!r) return std::nullopt;
  return summary_of(*r);
}

std::vector<std::string> old_paths(db::Connection& c, const std::vector<std::string>& scope) {
  std::vector<std::string> out = scope;
  for (std::size_t i = 0; i < out.size() && out.size() < 10000; ++i) {
    std::string p = out[i];
    for (const auto& r : c.query("SELECT old_path FROM unit_moves WHERE new_path >= $1 AND new_path < $2", {p, db::subtree_end(p)}))
      if (std::find(out.begin(), out.end(), r.str(0)) == out.end()) out.push_back(r.str(0));
  }
  return out;
}

nlohmann::json to_json(const Outcome& o, bool committed) {
  nlohmann::json j = to_json(o.request);
  j["committed"] = committed;
  if (committed) {
    j["id"] = o.id;
    j["url"] = "/restructurings/" + std::to_string(o.id);
  }
  j["lines"] = o.lines;
  j["notes"] = o.notes;
  j["counts"] = {{"created", o.counts.created}, {"moved", o.counts.moved},   {"closed", o.counts.closed},
                 {"renamed", o.counts.renamed}, {"people", o.counts.people}, {"households", o.counts.households}};
  return j;
}

nlohmann::json to_json(const Summary& s) {
  nlohmann::json j{{"id", s.id},
                   {"kind", s.kind},
                   {"effective_on", s.effective_on},
                   {"legal_basis", s.legal_basis},
                   {"note", s.note},
                   {"created_by", s.created_by},
                   {"created_at", s.created_at},
                   {"url", "/restructurings/" + std::to_string(s.id)}};
  if (s.summary.is_object()) {
    j["lines"] = s.summary.value("lines", nlohmann::json::array());
    j["counts"] = s.summary.value("counts", nlohmann::json::object());
  }
  return j;
}

}  // namespace ct05::restructurings
