#!/usr/bin/env bash
# README command 2: install, build and run every test: unit, database (SQLite and a throwaway
# PostgreSQL on loopback), golden pages, permissions, and the Chromium journeys.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./scripts/setup.sh
eval "$("$root/scripts/pg_throwaway.sh" start)"
trap '"$root/scripts/pg_throwaway.sh" stop "$CT05_PG_DIR"' EXIT
cd build
ctest --output-on-failure -j "$(nproc)" "$@"
