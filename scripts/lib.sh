# Shared by scripts/build, scripts/test, scripts/demo. Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JOBS="$(nproc 2>/dev/null || echo 2)"
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"   # emcc's acorn is a Debian node module

log() { printf '\n== %s\n' "$*" >&2; }

# Installs the Debian packages given that are not installed yet.
need_debs() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

need_build_deps() {
  need_debs cmake ninja-build g++ libgtest-dev libbenchmark-dev nlohmann-json3-dev emscripten
  if ! command -v node >/dev/null; then need_debs nodejs npm; fi
}

need_test_deps() {
  need_build_deps
  need_debs chromium fonts-wqy-microhei clang libclang-rt-14-dev
  need_npm
}

# The test suites' npm packages (playwright-core, the package itself) from the
# committed lockfile.
need_npm() {
  local installed="$ROOT/tests/node_modules/.package-lock.json"
  if [ ! -f "$installed" ] || [ "$ROOT/tests/package-lock.json" -nt "$installed" ] ||
     [ ! -e "$ROOT/tests/node_modules/certpolicy" ]; then
    log "npm ci (tests/)"
    (cd "$ROOT/tests" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# The sanitized tree (clang, ASan + UBSan; libFuzzer's coverage instrumentation
# on the code the fuzzer runs): the native tests run there under the sanitizers and the
# fuzz target is built there too, so the core is compiled once for both.
# -O1 with line tables: what the sanitizers' reports need, at half the
# compile time of -O2 -g.
SANITIZED="$ROOT/build/sanitize"
# The build trees are Ninja's: it compiles a library's dependants while the
# library links, where make waits for each target in turn (the native build
# on 2 cores, fresh: 63 s with Ninja, 107 s with make, both in unity batches).
# A tree another generator made is configured again: its CMake cache goes
# (what else the tree holds, such as the fuzz corpus and findings, stays).
ninja_tree() {
  if [ -f "$1/CMakeCache.txt" ] && ! grep -qx "CMAKE_GENERATOR:INTERNAL=Ninja" "$1/CMakeCache.txt"; then
    log "configuring $1 again, for Ninja"
    rm -rf "$1/CMakeCache.txt" "$1/CMakeFiles"
  fi
}

build_sanitized() {
  need_debs clang libclang-rt-14-dev nlohmann-json3-dev cmake ninja-build libgtest-dev
  ninja_tree "$SANITIZED"
  CC=clang CXX=clang++ cmake -G Ninja -S "$ROOT" -B "$SANITIZED" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" -DCERTPOLICY_FUZZ=ON >/dev/null
  cmake --build "$SANITIZED" -j"$JOBS" "$@"
}
