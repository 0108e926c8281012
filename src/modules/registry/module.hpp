#pragma once
// The register module: Sổ ghi danh người tốt, việc tốt — nominations by members and citizens, verification,
// approval, commendation and publication with the subject's consent, replication by other units.
#include <filesystem>

#include "platform/files/file_store.hpp"
#include "platform/http/app.hpp"
#include "platform/module.hpp"

namespace ct05::registry {

//! The module manifest.
Module module();
void wire_pages(http::App& app);
void wire_public(http::App& app);
void wire_api(http::App& app);
//! Declares the exportable list of register entries (exports::add_kind).
void declare_exports();

//! Where evidence files are kept (set once at start-up by `ct05 serve --files`, or by tests); the default is
//! ./ct05-files.
void set_files_root(const std::filesystem::path& root);
files::FileStore& file_store();

}  // namespace ct05::registry
