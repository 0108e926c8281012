#include "support/test_db.hpp"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <unistd.h>

#include "app/wiring.hpp"
#include "platform/auth/crypto.hpp"

namespace ct05::testing {

namespace {
std::atomic<int> g_counter{0};
}

std::string engine_name() {
  const char* e = std::getenv("CT05_TEST_ENGINE");
  return e ? e : "sqlite";
}

bool TestDb::postgres() const { return db::is_postgres_url(url_); }

TestDb::TestDb() {
  auth::init_crypto();
  std::string id = std::to_string(getpid()) + "_" + std::to_string(g_counter++);
  if (engine_name() == "postgres") {
    const char* base = std::getenv("CT05_TEST_PG_URL");
    if (!base || !*base)
      throw std::runtime_error("CT05_TEST_ENGINE=postgres needs CT05_TEST_PG_URL (scripts/test.sh starts the server)");
    admin_url_ = base;
    name_ = "ct05_t_" + id;
    auto admin = db::connect(admin_url_);
    admin->exec_script("CREATE DATABASE " + name_);
    url_ = admin_url_.substr(0, admin_url_.rfind('/') + 1) + name_;
  } else {
    name_ = (std::filesystem::temp_directory_path() / ("ct05_t_" + id + ".db")).string();
    std::filesystem::remove(name_);
    url_ = name_;
  }
  conn_ = db::connect(url_);
  app::prepare(*conn_);
}

TestDb::~TestDb() {
  conn_.reset();
  try {
    if (!admin_url_.empty()) {
      auto admin = db::connect(admin_url_);
      admin->exec_script("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } else {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(name_ + suffix);
    }
  } catch (...) {
  }
}

void TestDb::load_demo() { app::load_demo(*conn_); }

}  // namespace ct05::testing
