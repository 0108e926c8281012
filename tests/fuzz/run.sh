#!/usr/bin/env bash
# The fuzz stage of scripts/test.sh (skip it with CT05_SKIP_FUZZ=1): builds the libFuzzer targets with clang in
# build-fuzz (-DCT05_FUZZ=ON: the parsers only, with ASan and UBSan) and runs each for a bounded time on its seed
# corpus (tests/fuzz/corpus/<target>/). Fails on any crash, leak, timeout or memory blow-up, and copies the input that
# caused it into the corpus as crash-*, so the next run starts from it until the parser is fixed (keep the file then:
# it stays a regression seed). Inputs that only add coverage go to a scratch folder, not into the repository.
#
# Usage: tests/fuzz/run.sh [seconds per target, default 10] [target…]
# Skipped (exit 0) when clang++ or libFuzzer is missing: install clang and libclang-rt-14-dev (scripts/setup.sh does).
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
seconds="${1:-10}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csv_reader xlsx_reader multipart json_input form_query)

if ! command -v clang++ >/dev/null 2>&1 || ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  echo "fuzz: clang++ or libFuzzer missing (apt-get install clang libclang-rt-14-dev); skipped"
  exit 0
fi
if [ ! -f build-fuzz/build.ninja ]; then
  cmake -S . -B build-fuzz -G Ninja -DCT05_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ >/dev/null || exit 1
fi
# Two jobs at most: the fuzz tree is small, and the machine may be busy with the other builds.
cmake --build build-fuzz -j 2 || exit 1

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failed=()
for t in "${targets[@]}"; do
  corpus="$root/tests/fuzz/corpus/$t"
  mkdir -p "$scratch/$t/new" "$scratch/$t/artifacts"
  # The scratch folder comes first, so libFuzzer writes what it finds there and only reads the checked-in seeds.
  ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    "build-fuzz/fuzz_$t" "$scratch/$t/new" "$corpus" \
    -max_total_time="$seconds" -rss_limit_mb=1024 -malloc_limit_mb=1024 -timeout=5 -print_final_stats=1 \
    -artifact_prefix="$scratch/$t/artifacts/" >"$scratch/$t/log" 2>&1
  rc=$?
  stats=$(awk '/stat::number_of_executed_units/ {n=$2} /stat::peak_rss_mb/ {m=$2} END {printf "%s runs, peak %s MB", n, m}' "$scratch/$t/log")
  cov=$(grep -Eo 'cov: [0-9]+' "$scratch/$t/log" | tail -1)
  found=0
  for a in "$scratch/$t/artifacts"/*; do
    [ -e "$a" ] || continue
    found=1
    name=$(basename "$a")
    case "$name" in crash-*) ;; *) name="crash-$name" ;; esac  # leak-, timeout-, oom-, slow-unit- → crash-leak-…
    cp "$a" "$corpus/$name"
    echo "fuzz: $t: kept the failing input as tests/fuzz/corpus/$t/$name"
  done
  if [ $rc -ne 0 ] || [ $found -ne 0 ]; then
    failed+=("$t")
    echo "fuzz: $t FAILED (exit $rc, $stats)"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|ALARM|==[0-9]+== ERROR)' "$scratch/$t/log" | head -5
    grep -E '^    #[0-9]+ ' "$scratch/$t/log" | head -15
  else
    echo "fuzz: $t ok ($seconds s, $stats, $cov)"
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failures in ${failed[*]}; reproduce with build-fuzz/fuzz_<target> tests/fuzz/corpus/<target>/crash-…"
  exit 1
fi
