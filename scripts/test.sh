#!/usr/bin/env bash
# README command 2: install, build and run every test: unit, database (SQLite and a throwaway
# PostgreSQL on loopback), golden pages, permissions, the command line and the Chromium journeys;
# then the same tests but the browser ones in an ASan+UBSan build (skip with CT05_SKIP_SANITIZE=1).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export CCACHE_BASEDIR="$root"  # cache hits across checkouts (CI clones afresh)
./scripts/setup.sh
eval "$("$root/scripts/pg_throwaway.sh" start)"
trap '"$root/scripts/pg_throwaway.sh" stop "$CT05_PG_DIR"' EXIT
cd "$root/build"
ctest --output-on-failure -j "$(nproc)" "$@"

# The same tests (but the browser journey) once more under AddressSanitizer and UndefinedBehaviorSanitizer.
if [ -z "${CT05_SKIP_SANITIZE:-}" ]; then
  if [ ! -f "$root/build-asan/build.ninja" ]; then
    cmake -S "$root" -B "$root/build-asan" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCT05_SANITIZE=ON
  fi
  cmake --build "$root/build-asan" -j "$(nproc)"
  cd "$root/build-asan"
  ctest --output-on-failure -j "$(nproc)" -E '^e2e$' "$@"
fi
