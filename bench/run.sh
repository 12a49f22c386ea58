#!/usr/bin/env bash
# The import and store benchmark of issue #2.
#
#   make bench                     (N=1000000 persons over 2015-2024)
#   N=200000 bash bench/run.sh     (smaller)
#
# 1. styr synth --out writes the synthetic national panel as a long CSV (and
#    its persons and population files);
# 2. styr import reads them into a fresh workspace on one core (--stats gives
#    the time of each phase and the peak memory);
# 3. styr info gives the panel size per person-week;
# 4. build/bench/walk walks every person and run of the panel.
# Results go to bench/out/results.txt.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
N=${N:-1000000}
OUT=${BENCH_OUT:-bench/out}
STYR=build/styr
mkdir -p "$OUT"
rm -rf "$OUT/bench.ws"
# REUSE=1 keeps a long CSV from an earlier run with the same N
[[ ${REUSE:-0} == 1 && -f $OUT/long.csv && $(cat "$OUT/n" 2>/dev/null) == "$N" ]] || rm -f "$OUT"/long*.csv
log=$OUT/results.txt
: > "$log"
say() { echo "$*" | tee -a "$log"; }
say "styr $(cat VERSION) import/store benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(uname -m)"
say "N=$N persons, 2015-2024"

$STYR init "$OUT/bench.ws" > /dev/null
t0=$(date +%s.%N)
if [[ ! -f $OUT/long.csv ]]; then
    $STYR --lang en synth -w "$OUT/bench.ws" --persons "$N" --from 2015 --to 2024 --seed 1 --out "$OUT/long.csv" > /dev/null
    echo "$N" > "$OUT/n"
fi
t1=$(date +%s.%N)
bytes=$(stat -c %s "$OUT/long.csv")
lines=$(( $(wc -l < "$OUT/long.csv") - 1 ))
say "synth --out: $(echo "$t1 - $t0" | bc) s; long CSV $((bytes / 1000000)) MB, $lines rows"

sync
$STYR --lang en --stats import -w "$OUT/bench.ws" "$OUT/long.csv" "$OUT/long-personer.csv" "$OUT/long-befolkning.csv" \
    > "$OUT/import.txt" 2> "$OUT/import-stats.txt"
cat "$OUT/import.txt" "$OUT/import-stats.txt" | tee -a "$log"
$STYR --lang en info -w "$OUT/bench.ws" | sed -n '2,7p' | tee -a "$log"
make -s build/bench/walk
build/bench/walk "$OUT/bench.ws" 5 | tee -a "$log"
echo "results in $log"
