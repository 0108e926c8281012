#!/usr/bin/env bash
# README command 1: install, build, create ct05.db with the demo data and serve http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
db="${CT05_DB:-ct05.db}"
listen="${CT05_LISTEN:-127.0.0.1:8080}"
./build/ct05 demo --db "$db"
echo
echo "ct05 đang chạy tại http://${listen} (Ctrl+C để dừng)"
exec ./build/ct05 serve --db "$db" --listen "$listen"
