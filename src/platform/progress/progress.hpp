#pragma once
// What a long request is doing right now, for the page that polls it: a stage in Vietnamese and, when known, how
// many of how many. Kept in the process's memory (a job runs inside its request); a poll that reaches another
// process behind a load balancer finds nothing and says "đang xử lý".
#include <cstdint>
#include <optional>
#include <string>

namespace ct05::progress {

struct State {
  std::string stage;  //!< "Đang ghi 100.000 dòng vào cơ sở dữ liệu"
  std::int64_t step = 0, steps = 0;  //!< "bước 2/3"
  double seconds = 0;  //!< since the job started
};

//! Starts or moves a job on to its next stage.
void set(const std::string& key, std::string stage, std::int64_t step, std::int64_t steps);
//! The job's state, or nothing when no job of that key is running here.
std::optional<State> get(const std::string& key);
//! The job is over.
void clear(const std::string& key);

//! Clears the key when it goes out of scope (whatever way the job ends).
class Scope {
 public:
  explicit Scope(std::string key) : key_(std::move(key)) {}
  ~Scope() { clear(key_); }
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;
  void stage(std::string text, std::int64_t step, std::int64_t steps) { set(key_, std::move(text), step, steps); }

 private:
  std::string key_;
};

}  // namespace ct05::progress
