#!/usr/bin/env bash
# The cost of discretion (issue #11): the suppression pattern of spec §8 on the
# national synthetic panel, with the time of its pass and the share of cells
# suppressed, primary and primary + secondary, per family and period kind.
#
#   bash bench/sdc.sh              (N=3000000 persons, 2015-2024, 2 threads)
#   N=300000 bash bench/sdc.sh     (the demo's size)
#
# The panel is kept in bench/out/figures-N.ws (shared with bench/figures.sh).
# Results go to bench/out/sdc-results.txt.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
N=${N:-3000000}
T=${THREADS:-2}
OUT=${BENCH_OUT:-bench/out}
WS=$OUT/figures-$N.ws
mkdir -p "$OUT"
make -s all build/bench/sdc
log=$OUT/sdc-results.txt
: > "$log"
say() { echo "$*" | tee -a "$log"; }
say "styr $(cat VERSION) discretion benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(uname -m), $T threads, N=$N"
if [[ ! -f $WS/katalog.sqlite ]]; then
    rm -rf "$WS"
    build/styr init "$WS" > /dev/null
    build/styr --lang en synth -w "$WS" --persons "$N" --from 2015 --to 2024 --seed 1 | tee -a "$log"
fi
/usr/bin/time -f "peak RSS %M kB, wall %e s" build/bench/sdc "$WS" "$T" 2>&1 | tee -a "$log"
echo "results in $log"
