#pragma once
// What the imports module puts in "Việc cần làm" (platform/inbox): the imports the principal uploaded and left in
// preview, not committed.
namespace ct05::imports {

//! Declares the source "imports.preview" (Module::inbox).
void declare_inbox();

}  // namespace ct05::imports
