#include "platform/progress/progress.hpp"

#include <chrono>
#include <map>
#include <mutex>

namespace ct05::progress {

namespace {

struct Job {
  State state;
  std::chrono::steady_clock::time_point started;
};

std::mutex& mu() {
  static std::mutex m;
  return m;
}
std::map<std::string, Job>& jobs() {
  static std::map<std::string, Job> j;
  return j;
}

}  // namespace

void set(const std::string& key, std::string stage, std::int64_t step, std::int64_t steps) {
  std::lock_guard lock(mu());
  auto [it, fresh] = jobs().try_emplace(key);
  if (fresh) it->second.started = std::chrono::steady_clock::now();
  it->second.state.stage = std::move(stage);
  it->second.state.step = step;
  it->second.state.steps = steps;
}

std::optional<State> get(const std::string& key) {
  std::lock_guard lock(mu());
  auto it = jobs().find(key);
  if (it == jobs().end()) return std::nullopt;
  State s = it->second.state;
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - it->second.started).count();
  return s;
}

void clear(const std::string& key) {
  std::lock_guard lock(mu());
  jobs().erase(key);
}

}  // namespace ct05::progress
