#!/usr/bin/env bash
# README command 2: install, build and run every test: unit, database (SQLite and a throwaway
# PostgreSQL on loopback), golden pages, permissions, the command line and the Chromium journeys;
# then libFuzzer on the parsers (tests/fuzz/run.sh; skip with CT05_SKIP_FUZZ=1), then the tests in an ASan+UBSan
# build (SQLite, and PostgreSQL's own code; skip with CT05_SKIP_SANITIZE=1).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export CCACHE_BASEDIR="$root"  # cache hits across checkouts (CI clones afresh)
export CCACHE_NOHASHDIR=1     # …even though debug info names the folder (see setup.sh)
./scripts/setup.sh
eval "$("$root/scripts/pg_throwaway.sh" start)"
trap '"$root/scripts/pg_throwaway.sh" stop "$CT05_PG_DIR"' EXIT
cd "$root/build"
ctest --output-on-failure -j "$(nproc)" "$@"

# The parsers of uploads and request bodies under libFuzzer, 10 s a target (skip with CT05_SKIP_FUZZ=1).
if [ -z "${CT05_SKIP_FUZZ:-}" ]; then
  "$root/tests/fuzz/run.sh"
fi

# The tests once more under AddressSanitizer and UndefinedBehaviorSanitizer: all of them on SQLite (the browser
# journey aside), and on PostgreSQL the suites that drive its own code (the driver, the audit chain, search,
# readiness, the retried writes): the modules' code is the same on both engines, and running all of it twice under
# the sanitizers would double the slowest stage of CI (docs/decisions.md D32).
if [ -z "${CT05_SKIP_SANITIZE:-}" ]; then
  # Debug keeps assert() on; CMakeLists.txt builds the sanitizer tree at -O0 -g1.
  cmake -S "$root" -B "$root/build-asan" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCT05_SANITIZE=ON >/dev/null
  cmake --build "$root/build-asan" -j "$(nproc)"
  cd "$root/build-asan"
  export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
  ctest --output-on-failure -j "$(nproc)" -E '^(e2e|db_postgres|cli_postgres)$' "$@"
  CT05_TEST_ENGINE=postgres "$root/build-asan/tests/ct05_db_tests" \
    --gtest_filter='Db.*:AuditChain.*:SearchDemo.*:Readiness.*:Idempotency.*:TextInput.*' --gtest_brief=1
fi
