#pragma once
// A small process-wide cache of values read from the database, valid while this process has written
// nothing (db::write_generation() unchanged since the read began) and for at most max_age, which bounds how
// long a write by another process can go unseen. For rows that are read on every request and rarely change.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "platform/db/db.hpp"

namespace ct05::db {

template <class Key, class Value>
class GenerationCache {
 public:
  explicit GenerationCache(std::chrono::milliseconds max_age, std::size_t max_entries = 10000)
      : max_age_(max_age), max_entries_(max_entries) {}

  std::optional<Value> get(const Key& k) {
    std::lock_guard g(mu_);
    auto it = entries_.find(k);
    if (it == entries_.end()) return std::nullopt;
    if (it->second.generation != write_generation() || std::chrono::steady_clock::now() - it->second.at > max_age_) {
      entries_.erase(it);
      return std::nullopt;
    }
    return it->second.value;
  }
  //! Stores a value whose read began at `generation`; dropped at once if a write happened meanwhile.
  void put(const Key& k, Value v, std::uint64_t generation) {
    if (generation != write_generation()) return;
    std::lock_guard g(mu_);
    if (entries_.size() >= max_entries_) entries_.clear();
    entries_[k] = Entry{std::move(v), generation, std::chrono::steady_clock::now()};
  }

 private:
  struct Entry {
    Value value;
    std::uint64_t generation;
    std::chrono::steady_clock::time_point at;
  };
  std::chrono::milliseconds max_age_;
  std::size_t max_entries_;
  std::mutex mu_;
  std::unordered_map<Key, Entry> entries_;
};

}  // namespace ct05::db
