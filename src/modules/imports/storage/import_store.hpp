#pragma once
// Pending imports in the database: an upload read and validated into a preview (the file kept, every problem a
// row with its line, column and Vietnamese message), owned by the uploader, and its commit, which reads the kept
// file again against the database as it is then and writes the valid rows in one transaction (decision D22).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "kernel/error.hpp"
#include "modules/imports/domain/import_plan.hpp"
#include "platform/auth/principal.hpp"
#include "platform/db/db.hpp"

namespace ct05::imports {

//! A pending or committed import.
struct Import {
  std::int64_t id = 0;
  Kind kind = Kind::kPeople;
  std::int64_t unit_id = 0;
  std::string unit_path, unit_name, unit_code;
  std::int64_t owner_user_id = 0;
  std::string owner_name, file_name, format, file_sha256;
  bool committed = false;
  std::int64_t data_rows = 0, valid_rows = 0, invalid_rows = 0, issue_count = 0;
  bool file_error = false;
  std::vector<std::string> ignored_columns;
  std::string mode;  //!< "all_or_nothing" or "valid_rows_only" once committed
  std::int64_t imported = 0;
  std::string created_at, committed_at;
};

//! A problem of the file (line 0) or of a row.
struct Issue {
  std::int64_t line = 0;
  std::string column, message;
};

//! How a commit treats invalid rows.
enum class CommitMode {
  kAllOrNothing,   //!< nothing is written while any row is invalid (the default, D19)
  kValidRowsOnly,  //!< the valid rows are written, the others left out
};

//! The action that creating records of this kind by hand needs on the import's unit.
auth::Action action_for(Kind k);

//! Reads and validates an upload for a unit (the parent for units, the unit for people, the village for
//! households) and stores the preview. Forbidden (the same rule as creating by hand), NotFound and a wrong unit
//! are errors; a bad file or bad rows are in the preview. Nothing is written to units, persons or households.
Result<Import> preview(db::Connection& c, const auth::Principal& who, Kind kind, std::int64_t unit_id,
                       std::string_view file_name, std::string_view bytes);
//! An import, for its uploader only (another account: NotFound, so ids reveal nothing).
Result<Import> get_import(db::Connection& c, const auth::Principal& who, std::int64_t id);
//! A page of its issues, in the file's order (line 0, the file, first).
std::vector<Issue> issues(db::Connection& c, std::int64_t import_id, int limit, int offset);
//! Writes the valid rows in one transaction, audited as one `import.commit` entry with the counts (units also get
//! their own `unit.create` entries). The file is read again: a row that became invalid meanwhile (a code taken) is
//! reported and, all or nothing, nothing is written (Invalid, the preview updated). A second commit is a Conflict.
Result<Import> commit(db::Connection& c, const auth::Principal& who, std::int64_t id, CommitMode mode);

//! The template of a kind: a sheet "Mẫu" with the header and an example row and, in the XLSX, a sheet
//! "Hướng dẫn" with each column, whether it is required and what to write.
std::string template_xlsx(Kind k);
std::string template_csv(Kind k);
//! What each column of a kind accepts (the template's "Hướng dẫn" sheet and the upload page).
struct ColumnHelp {
  std::string header;
  bool required = false;
  std::string help;
};
std::vector<ColumnHelp> column_help(Kind k);

//! The API representation; issues (a page of them) are added by the caller.
nlohmann::json to_json(const Import& i);
nlohmann::json to_json(const Issue& i);

}  // namespace ct05::imports
