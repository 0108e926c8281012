#include "platform/http/fragment_cache.hpp"

#include "platform/db/db.hpp"

namespace ct05::http {

std::optional<std::string> FragmentCache::get(const std::string& key) {
  std::lock_guard g(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  if (it->second.generation != db::write_generation() || std::chrono::steady_clock::now() - it->second.at > max_age_) {
    entries_.erase(it);
    return std::nullopt;
  }
  return it->second.html;
}

void FragmentCache::put(const std::string& key, std::string html, std::uint64_t generation) {
  if (generation != db::write_generation()) return;  // a write happened while it was rendered
  std::lock_guard g(mu_);
  if (entries_.size() >= max_entries_) entries_.clear();
  entries_[key] = Entry{std::move(html), generation, std::chrono::steady_clock::now()};
}

}  // namespace ct05::http
