#pragma once
// A retried write answers like the first one instead of writing twice (D32). A POST, PATCH or DELETE from a
// signed-in account that carries an Idempotency-Key header (API) or a form's one-time "_once" field (pages,
// added by forms.js) is run once per account and key: the first answer is kept 24 hours and a retry gets it back
// ("Idempotent-Replayed: true"). The record that the write happened commits in the write's own transaction, so
// a server killed between the commit and the answer still does not write twice on the retry.
#include <cstdint>
#include <functional>
#include <string>

#include "platform/db/db.hpp"
#include "platform/http/http.hpp"

namespace ct05::http {
class Context;
}

namespace ct05::http::idempotency {

constexpr std::int64_t kKeepSeconds = 24 * 3600;
//! A "pending" claim older than this is a request that died before committing: a retry takes it over.
constexpr std::int64_t kStaleSeconds = 30;

//! The key the request carries ("" when none or when it is not one we accept). Throws nothing.
std::string key_of(const Request& req, bool api);
//! Runs `run` once for the signed-in account and the request's key (or just runs it when there is none). A retry
//! with the same method, path and body gets the first answer; the same key on another request is refused (422);
//! a retry while the first still runs waits for it (up to 10 s, then 409).
Response once(Context& ctx, const std::function<Response()>& run);
//! Deletes keys older than kKeepSeconds and spent nonces past their expiry; returns how many rows went.
std::int64_t sweep(db::Connection& c);

}  // namespace ct05::http::idempotency
