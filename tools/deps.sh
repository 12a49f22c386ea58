#!/usr/bin/env bash
# Install the Debian packages styr needs, when they are missing.
#
#   bash tools/deps.sh          what `make demo` needs (build and run)
#   bash tools/deps.sh test     also what `make test` needs (valgrind, clang for fuzzing,
#                               unzip and curl for the README test,
#                               python3 and chromium for the browser test)
#   bash tools/deps.sh bench    also what the benchmarks need (wrk, curl, bc)
#   bash tools/deps.sh --check  only list what is missing (exit 1 if anything is)
#
# Uses apt-get as root, or through sudo; otherwise prints the command to run.
set -eu
mode=${1:-build}
build=(gcc make pkg-config libsqlite3-dev libreadstat-dev libxxhash-dev libcmocka-dev libxlsxwriter-dev libjansson-dev libmicrohttpd-dev libcurl4-openssl-dev libssl-dev libminizip-dev libexpat1-dev)
test=(valgrind clang python3 chromium libglpk-dev unzip curl)
bench=(wrk curl bc python3)
want=("${build[@]}")
[[ $mode == test || $mode == --check ]] && want+=("${test[@]}")
[[ $mode == bench ]] && want+=("${bench[@]}")

missing() {
    local out=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || out+=("$p")
    done
    echo "${out[@]:-}"
}

apt() {
    if [[ $(id -u) == 0 ]]; then DEBIAN_FRONTEND=noninteractive apt-get "$@"
    elif command -v sudo >/dev/null; then sudo DEBIAN_FRONTEND=noninteractive apt-get "$@"
    else echo "styr needs: apt-get $* (run it as root)"; return 1; fi
}

need=$(missing "${want[@]}")
# libFuzzer ships with clang's runtime package of the same major version
if [[ $mode != build ]] && command -v clang >/dev/null; then
    v=$(clang --version | sed -n 's/.*clang version \([0-9]*\).*/\1/p' | head -1)
    [[ -n $v ]] && need="$need $(missing "libclang-rt-$v-dev")"
fi
need=$(echo $need)
if [[ -z $need ]]; then exit 0; fi
if [[ $mode == --check ]]; then echo "missing Debian packages: $need"; exit 1; fi
echo "Installing Debian packages: $need"
apt update -qq
apt install -y -qq --no-install-recommends $need >/dev/null
# clang may have come in just now: its runtime too
if [[ $mode == test ]]; then
    v=$(clang --version | sed -n 's/.*clang version \([0-9]*\).*/\1/p' | head -1)
    rt=$(missing "libclang-rt-$v-dev")
    [[ -n $rt ]] && apt install -y -qq --no-install-recommends $rt >/dev/null
fi
exit 0
