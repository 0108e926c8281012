#include "modules/imports/storage/import_inbox.hpp"

#include "modules/imports/domain/import_plan.hpp"
#include "platform/inbox/inbox.hpp"

namespace ct05::imports {

namespace {

// A preview belongs to its uploader only (get_import), so the account's own pending imports: imports_owner.
constexpr const char* kPendingFrom =
    "FROM imports i JOIN units u ON u.id = i.unit_id WHERE i.owner_user_id = $1 AND i.status = 'pending'";
constexpr const char* kPendingColumns =
    "SELECT i.id, i.kind, i.file_name, u.name, i.created_at, i.valid_rows, i.invalid_rows ";
constexpr const char* kOldestFirst = " ORDER BY i.created_at, i.id LIMIT $2";

std::string title(const db::Row& r) {
  auto kind = kind_from_code(r.str(1));
  std::string file = r.str(2).empty() ? "" : " “" + r.str(2) + "”";
  return "Hoàn tất nhập tệp" + file + " (" + std::string(kind ? kind_title(*kind) : "") + ": " +
         std::to_string(r.i64(5)) + " dòng hợp lệ, " + std::to_string(r.i64(6)) + " dòng lỗi)";
}

}  // namespace

void declare_inbox() {
  inbox::add_source(inbox::Source{
      "imports.preview", "Tệp nhập chờ xác nhận",
      [](db::Connection& c, const auth::Principal& who) {
        return c.scalar(std::string("SELECT COUNT(*) ") + kPendingFrom, {who.user_id});
      },
      [](db::Connection& c, const auth::Principal& who, int limit) {
        std::vector<inbox::Item> out;
        for (const auto& r :
             c.query(std::string(kPendingColumns) + kPendingFrom + kOldestFirst, {who.user_id, std::int64_t{limit}}))
          out.push_back(inbox::Item{title(r), r.str(3), r.str(4), "/imports/" + std::to_string(r.i64(0))});
        return out;
      }});
}

}  // namespace ct05::imports
