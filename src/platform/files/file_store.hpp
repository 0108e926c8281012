#pragma once
// Uploaded files on disk: the type is decided by the content, images are decoded and re-encoded
// (which drops EXIF/GPS and anything hidden in the original), files are content-addressed by SHA-256.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "kernel/error.hpp"

namespace ct05::files {

//! What accept() stored.
struct StoredFile {
  std::string kind;           //!< "image" or "pdf"
  std::string mime;           //!< "image/jpeg" for every image (they are re-encoded), "application/pdf"
  std::string path;           //!< relative to the store root: "<2 hex>/<sha256>.jpg" or ".pdf"
  std::string thumb_path;     //!< images only: "<2 hex>/<sha256>.thumb.jpg"; "" for PDFs
  std::string sha256;         //!< of the stored bytes (lowercase hex)
  std::int64_t bytes = 0;     //!< size of the stored file
  int width = 0, height = 0;  //!< of the stored image; 0 for PDFs
  std::string original_name;  //!< the uploaded name, cleaned: no folders, no control characters, ≤120 bytes of UTF-8
};

//! A folder of checked uploads. Thread-safe: accept() and read() may run concurrently.
class FileStore {
 public:
  //! Creates root if needed (throws std::filesystem::filesystem_error when it cannot) and initialises
  //! libvips once per process (throws std::runtime_error when it cannot).
  explicit FileStore(std::filesystem::path root);

  //! Checks and stores one upload: JPEG, PNG or WebP (recognised by their bytes, re-encoded as a stripped
  //! JPEG of at most kLongSide px plus a kThumbSide px thumbnail) or PDF (stored as is). Refusals are
  //! Error::invalid with field "files" and a Vietnamese message naming the file; disk failures throw.
  //! Storing the same content twice gives the same path.
  Result<StoredFile> accept(std::string_view filename, std::string_view data);

  //! The bytes of a stored file by the relative path accept() gave, or nothing. Any other shape of path
  //! ("..", absolute, another extension) is refused without touching the disk.
  std::optional<std::string> read(const std::string& relative_path) const;

  //! The root folder.
  const std::filesystem::path& root() const { return root_; }

  //! Largest accepted upload.
  static constexpr std::size_t kMaxBytes = 8 * 1024 * 1024;
  //! Largest accepted image, by the dimensions in its header (checked before any pixel is decoded).
  static constexpr std::int64_t kMaxPixels = 40'000'000;
  //! Long side of a stored image at most (smaller images are not enlarged).
  static constexpr int kLongSide = 1600;
  //! Long side of a thumbnail at most.
  static constexpr int kThumbSide = 320;

 private:
  std::filesystem::path root_;
};

//! The process's store of uploads, shared by every module (files are named by their content, so modules never
//! collide): set once at start-up (`ct05 serve --files`) or by tests; ./ct05-files until set.
void set_shared_root(const std::filesystem::path& root);
//! The shared store (created at ./ct05-files when no root was set).
FileStore& shared();

//! The uploaded name made safe to show and keep: the part after the last '/' or '\', without control
//! or bidirectional-override characters and invalid UTF-8, trimmed, cut to 120 bytes of valid UTF-8.
std::string clean_file_name(std::string_view name);

}  // namespace ct05::files
