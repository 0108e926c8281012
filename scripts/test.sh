#!/usr/bin/env bash
# README command 2: install, build and run every test: unit, database (SQLite and a throwaway
# PostgreSQL on loopback), golden pages, permissions, the command line and the Chromium journeys;
# then libFuzzer on the parsers (tests/fuzz/run.sh; skip with CT05_SKIP_FUZZ=1), then the same tests but the
# browser ones in an ASan+UBSan build (skip with CT05_SKIP_SANITIZE=1).
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

# The same tests (but the browser journey) once more under AddressSanitizer and UndefinedBehaviorSanitizer.
if [ -z "${CT05_SKIP_SANITIZE:-}" ]; then
  # Debug keeps assert() on; CMakeLists.txt builds the sanitizer tree at -O0 -g1.
  cmake -S "$root" -B "$root/build-asan" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCT05_SANITIZE=ON >/dev/null
  cmake --build "$root/build-asan" -j "$(nproc)"
  cd "$root/build-asan"
  export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
  ctest --output-on-failure -j "$(nproc)" -E '^e2e$' "$@"
fi
