#pragma once
// Expected failures travel as values (tl::expected); only infrastructure failures throw.
#include <string>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace ct05 {

//! What went wrong, in the terms the HTTP layer maps to a status (see http/status.cpp).
enum class ErrorCode { kInvalid, kUnauthenticated, kForbidden, kNotFound, kConflict, kTooManyRequests, kInternal };

//! A per-field message for a form or a 422 problem document.
struct FieldError {
  std::string field;    //!< form field / JSON property name
  std::string message;  //!< Vietnamese message for the user
};

//! An expected failure: a code, a Vietnamese message for the user and a detail for the log.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  //!< shown to the user (Vietnamese)
  std::string detail;   //!< for the log only
  std::vector<FieldError> fields;

  static Error invalid(std::vector<FieldError> fields, std::string message = "Dữ liệu chưa hợp lệ, vui lòng kiểm tra lại.") {
    return Error{ErrorCode::kInvalid, std::move(message), {}, std::move(fields)};
  }
  static Error not_found(std::string message = "Không tìm thấy dữ liệu yêu cầu.") {
    return Error{ErrorCode::kNotFound, std::move(message), {}, {}};
  }
  static Error forbidden(std::string message = "Bạn không có quyền thực hiện thao tác này trong phạm vi đơn vị được giao.") {
    return Error{ErrorCode::kForbidden, std::move(message), {}, {}};
  }
  static Error conflict(std::string message) { return Error{ErrorCode::kConflict, std::move(message), {}, {}}; }
  static Error unauthenticated(std::string message = "Bạn cần đăng nhập để tiếp tục.") {
    return Error{ErrorCode::kUnauthenticated, std::move(message), {}, {}};
  }
};

template <class T>
using Result = tl::expected<T, Error>;

//! Shorthand for returning an error from a function that yields Result<T>.
inline tl::unexpected<Error> fail(Error e) { return tl::unexpected<Error>(std::move(e)); }

}  // namespace ct05
