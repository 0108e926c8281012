#pragma once
// multipart/form-data bodies (RFC 7578): the text fields and the uploaded files of an HTML form.
// Pure parsing, no I/O; what the files contain is checked later by files::FileStore.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kernel/error.hpp"

namespace ct05::http {

//! One file chosen in an <input type="file">, as the browser sent it (nothing here is trusted).
struct UploadedFile {
  std::string field;         //!< the form field name
  std::string filename;      //!< the name the browser gave (never empty; may contain anything)
  std::string content_type;  //!< the declared type, "" when absent; never used to decide what the file is
  std::string data;          //!< the bytes as sent
};

//! The parts of a multipart/form-data body, in body order.
struct MultipartForm {
  std::vector<std::pair<std::string, std::string>> fields;  //!< text fields: name, value
  std::vector<UploadedFile> files;                          //!< file parts with a non-empty file name
};

//! At most this many parts (text fields, files and empty file inputs together) in one body.
inline constexpr std::size_t kMaxMultipartParts = 20;

//! Parses a multipart/form-data body. content_type_header is the whole Content-Type value
//! (`multipart/form-data; boundary=…`, the boundary quoted or not). Lines end in CRLF. A file input
//! left empty (filename="") is skipped. A malformed body, a missing closing boundary or more than
//! kMaxMultipartParts parts give Error::invalid with a Vietnamese message.
Result<MultipartForm> parse_multipart(std::string_view content_type_header, std::string_view body);

}  // namespace ct05::http
