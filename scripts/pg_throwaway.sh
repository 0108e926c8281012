#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on loopback in a temp folder and prints its URL and folder.
# Usage: eval "$(scripts/pg_throwaway.sh start)"; …; scripts/pg_throwaway.sh stop "$CT05_PG_DIR"
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/ct05-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_pg "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    for attempt in 1 2 3 4 5; do
      port=$((40000 + RANDOM % 20000))
      if as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
          -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
          start >/dev/null; then
        echo "export CT05_TEST_PG_URL=postgresql://postgres@127.0.0.1:$port/postgres CT05_PG_DIR=$dir"
        exit 0
      fi
    done
    echo "echo 'ct05: không khởi động được PostgreSQL tạm (xem $dir/server.log)' >&2; false"
    exit 1 ;;
  stop)
    dir="$2"
    as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir" ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
