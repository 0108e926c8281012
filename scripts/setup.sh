#!/usr/bin/env bash
# Installs what ct05 needs on Debian 12 (apt packages, pinned npm packages) and builds build/ct05.
# Idempotent: packages already present are not asked for again, and the build is incremental.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build ccache pkg-config gzip sqlite3
  librestinio-dev libasio-dev libhttp-parser-dev libctemplate-dev nlohmann-json3-dev libcli11-dev
  libspdlog-dev libfmt-dev libsodium-dev libexpected-dev libsqlite3-dev libpq-dev
  libgtest-dev libgmock-dev libvips-dev libxlsxwriter-dev libpoco-dev
  libpango1.0-dev libcairo2-dev zlib1g-dev
  postgresql postgresql-contrib chromium fonts-noto-core python3-aiosmtpd
  libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils unzip
  clang libclang-rt-14-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ! command -v npm >/dev/null 2>&1; then missing+=(nodejs npm); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "ct05: cài các gói còn thiếu: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# npm packages pinned by package-lock.json; reinstalled only when the lock changes.
if [ ! -f node_modules/.ct05-lock ] || ! cmp -s package-lock.json node_modules/.ct05-lock; then
  npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.ct05-lock
fi

# ccache keys on paths relative to the checkout, so a fresh clone (CI) reuses earlier compilations.
export CCACHE_BASEDIR="$PWD"
# Debug info names the build folder, so ccache hashes it unless told not to: a clone elsewhere would miss.
export CCACHE_NOHASHDIR=1
build_type="${CT05_BUILD_TYPE:-RelWithDebInfo}"
if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="$build_type" ${CT05_CMAKE_ARGS:-}
fi
cmake --build build -j "$(nproc)"
