#pragma once
// Rendered fragments of read-heavy pages (the dashboard), kept while nothing was written.
//
// An entry is valid while db::write_generation() has not moved since the rendering began (any write by this
// process, committed or not, drops every entry) and for at most max_age, which bounds how long a write made
// by another process (a second server on the same PostgreSQL, a CLI command) can go unseen. Only fragments
// that depend on nothing but their key (not on the user: the permission check runs before the lookup) belong here.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace ct05::http {

class FragmentCache {
 public:
  explicit FragmentCache(std::chrono::milliseconds max_age, std::size_t max_entries = 2000)
      : max_age_(max_age), max_entries_(max_entries) {}

  //! The fragment stored under key if it is still valid.
  std::optional<std::string> get(const std::string& key);
  //! Stores a fragment whose rendering began at `generation` (read db::write_generation() before the queries).
  void put(const std::string& key, std::string html, std::uint64_t generation);

 private:
  struct Entry {
    std::string html;
    std::uint64_t generation;
    std::chrono::steady_clock::time_point at;
  };
  std::chrono::milliseconds max_age_;
  std::size_t max_entries_;
  std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace ct05::http
