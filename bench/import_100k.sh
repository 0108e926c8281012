#!/usr/bin/env bash
# Times an import of 100,000 people from one CSV (issue 8: "an import of 100,000 rows … finishes in seconds"):
# `ct05 import` reads and checks the file (the preview), then again with --commit (preview and commit), on a fresh
# demo database, on SQLite and, when a PostgreSQL URL is given, on PostgreSQL too. Not a test: its figures depend on
# the machine; it prints them.
#
# Usage: bench/import_100k.sh [BIN] [postgresql://…/empty_database]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/ct05}
pg=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{
  echo "Họ và tên,Giới tính,Năm sinh,Mã đơn vị,Chức vụ,Đảng viên"
  for i in $(seq 0 99999); do
    if [ $((i % 2)) -eq 0 ]; then g="Nữ"; else g="Nam"; fi
    echo "Nguyễn Văn Người$i,$g,$((1950 + i % 50)),CB-KHUOICUONG,Đảng viên,Có"
  done
} >"$work/nguoi.csv"
run() {  # run ENGINE DB
  "$bin" demo --db "$2" >/dev/null
  local t0 t1 t2
  t0=$(date +%s.%N)
  "$bin" import --db "$2" --kind people --unit DB-NONGTHUONG --file "$work/nguoi.csv" >/dev/null || true
  t1=$(date +%s.%N)
  "$bin" import --db "$2" --kind people --unit DB-NONGTHUONG --file "$work/nguoi.csv" --commit >"$work/out"
  t2=$(date +%s.%N)
  printf '%-10s preview %5.1f s   preview + commit %5.1f s   %s\n' "$1" "$(echo "$t1 - $t0" | bc)" \
    "$(echo "$t2 - $t1" | bc)" "$(tail -1 "$work/out")"
}
run sqlite "$work/ct05.db"
if [ -n "$pg" ]; then run postgres "$pg"; fi
