#!/usr/bin/env bash
# Build the libFuzzer targets with clang (ASan + UBSan) and run each for a
# number of seconds on its seed corpus. `make test` runs 10 s each; run longer
# by hand: bash tests/fuzz/run.sh 600
set -euo pipefail
SECS=${1:-10}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
if ! command -v clang >/dev/null; then echo "clang is not installed: fuzzing skipped"; exit 1; fi
make -s build/gen/refdata.c
OUT=build/fuzz
mkdir -p "$OUT"
SRC="$(ls src/core/*.c src/ingest/*.c src/panel/*.c src/ws/*.c | tr '\n' ' ') src/calc/figures.c src/web/access.c src/web/url.c" # figures.c: the figure keys ws/workspace.c reads ydelser.csv by (a leaf: libc only)
FLAGS="-std=c11 -g -O1 -D_DEFAULT_SOURCE -D_FILE_OFFSET_BITS=64 -DSTYR_VERSION=\"fuzz\" -Isrc -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all"
# fuzz_stat's seeds are written by seed_stat (small valid files of each format)
mkdir -p "$OUT/seeds_stat"
clang -std=c11 -O1 tests/fuzz/seed_stat.c -lreadstat -o "$OUT/seed_stat"
"$OUT/seed_stat" "$OUT/seeds_stat"
for t in csv panel period budget covars web stat pub sheet; do
    clang $FLAGS -Itests/fuzz $SRC build/gen/refdata.c tests/fuzz/fuzz_$t.c -lreadstat -lsqlite3 -lxxhash -lxlsxwriter -ljansson -lcurl -lcrypto -lminizip -lexpat -lm -lpthread -o "$OUT/fuzz_$t"
    mkdir -p "$OUT/corpus_$t"
    echo "fuzz_$t: ${SECS}s"
    "$OUT/fuzz_$t" -max_total_time="$SECS" -max_len=$([[ $t == stat || $t == sheet ]] && echo 32768 || echo 4096) -timeout=10 "$OUT/corpus_$t" $(ls -d tests/fuzz/corpus/$t "$OUT/seeds_$t" 2>/dev/null) 2>&1 | tail -2
done
