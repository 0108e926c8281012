#!/usr/bin/env python3
"""Turns bench/run.sh's results.tsv into BENCHMARKS.md (machine, date, figures, targets)."""
import datetime
import os
import platform
import subprocess
import sys


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=20).stdout.strip()
    except Exception:  # noqa: BLE001 - a missing tool only leaves a blank in the report
        return ""


def main():
    results, scale, duration, connections = sys.argv[1:5]
    rows = [line.rstrip("\n").split("\t") for line in open(results, encoding="utf-8") if line.strip()]
    cpu = sh("lscpu | sed -n 's/^Model name: *//p' | head -1")
    mem = sh("free -g | awk '/^Mem:/ {print $2}'")
    debian = sh("cat /etc/debian_version")
    sqlite = sh("sqlite3 --version | cut -d' ' -f1")
    pg = sh("ls /usr/lib/postgresql | sort -V | tail -1")
    wrk = sh("wrk -v 2>&1 | head -1 | cut -d' ' -f2")
    nginx = sh("nginx -v 2>&1 | cut -d/ -f2")
    commit = sh("git rev-parse --short HEAD")
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    out = []
    w = out.append
    w("# Benchmarks")
    w("")
    w(f"Written by `bench/run.sh --scale {scale}` on {now}, ct05 commit `{commit}`. Not a test: figures depend on")
    w("the machine. wrk and the server share the same cores, so the figures are lower than on a machine where")
    w("the client runs elsewhere.")
    w("")
    w("## Machine")
    w(f"- CPU: {cpu}, {os.cpu_count()} cores; memory: {mem} GiB; Debian {debian}, kernel {platform.release()}")
    w(f"- SQLite {sqlite}; PostgreSQL {pg} (throwaway server on loopback, default settings, fsync off)")
    w(f"- wrk {wrk}: 2 threads, {connections} connections, {duration} per measurement; nginx {nginx}")
    w("- ct05 serve: 2 HTTP threads, 8 database connections")
    w("")
    w("## Dataset")
    for r in rows:
        if r[0] == "gen":
            w(f"- {r[1]}: `ct05 gen --scale {scale}` took {int(r[2]) // 60} min {int(r[2]) % 60} s: {r[3]}")
        if r[0] == "size":
            w(f"- {r[1]}: {r[2]}")
    w("")
    w("## Indicators API: `GET /api/v1/indicators?unit=…&year=2025`")
    w("Target: p99 < 50 ms for any subtree at country scale, on both engines.")
    w("")
    w("| engine | unit | p50 (ms) | p99 (ms) | requests/s | target met | answer |")
    w("| --- | --- | ---: | ---: | ---: | --- | --- |")
    for r in rows:
        if r[0] == "indicators":
            p50, p99, rps = r[3].split()
            met = "yes" if float(p99) < 50 else "**no**"
            w(f"| {r[1]} | {r[2]} | {p50} | {p99} | {rps} | {met} | `{r[4]}` |")
    w("")
    nginx = {}
    for r in rows:
        if r[0] == "nginx":
            nginx[r[1]] = float(r[2].split()[2])
    w("## Dashboard page beside nginx")
    w("Target: the dashboard page's throughput ≥ 0.5 × nginx serving a static file of the same size.")
    w("")
    w("| engine | dashboard of | bytes | p50 (ms) | p99 (ms) | requests/s | nginx, same size (requests/s) | × nginx | target met |")
    w("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for r in rows:
        if r[0] == "dashboard":
            p50, p99, rps = r[3].split()
            base = nginx.get(r[4])
            ratio = float(rps) / base if base else 0
            met = "yes" if ratio >= 0.5 else "**no**"
            w(f"| {r[1]} | {r[2]} | {r[4]} | {p50} | {p99} | {rps} | {base or 0:.0f} | {ratio:.2f} | {met} |")
    w("")
    w("The dashboard's body is kept until the next write (docs/decisions.md D15); the page still checks the")
    w("session and the permission on every request.")
    w("")
    w("## How the figures are kept fast")
    w("The indicators and the dashboard's per-child coverage read per-unit tallies (`unit_tallies`, one row per")
    w("unit and year, kept in the transaction of every change; docs/decisions.md D13), so a subtree of any size")
    w("is one indexed row. `ct05 tallies check` recounts them from the rows.")
    print("\n".join(out))


main()
