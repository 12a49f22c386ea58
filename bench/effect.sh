#!/usr/bin/env bash
# The effect benchmark of issue #6: `styr effect` for every offer kind and group
# (dynamic exact matching over every spell week of the window) and `styr offers`
# on the 3-million-person demo. Target: the effect run under 30 seconds on 2 cores.
#
#   bash bench/effect.sh             (the panel of bench/figures.sh, N=3000000)
#   N=200000 bash bench/effect.sh    (smaller)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
N=${N:-3000000}
OUT=${BENCH_OUT:-bench/out}
WS=$OUT/figures-$N.ws
mkdir -p "$OUT"
make -s all
log=$OUT/effect-results.txt
: > "$log"
say() { echo "$*" | tee -a "$log"; }
say "styr $(cat VERSION) effect benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(uname -m)"
if [[ ! -f $WS/katalog.sqlite ]]; then
    build/styr init "$WS" > /dev/null
    build/styr --lang en synth -w "$WS" --persons "$N" --from 2015 --to 2024 --seed 1 | tee -a "$log"
fi
say "styr effect, every group and offer kind, window 2023, 3 runs:"
for i in 1 2 3; do
    build/styr --lang en --stats effect -w "$WS" --periode 2023 --format json -o "$OUT/effect.json" 2>&1 | tee -a "$log"
done
say "rows: $(grep -c '"uger"' "$OUT/effect.json")"
say "styr effect with prices (one pass also computing the money figures of the window):"
build/styr --lang en --stats effect -w "$WS" --periode 2023 --pris praktik=15000,loentilskud=40000 --format json \
    -o "$OUT/effect-pris.json" 2>&1 | tee -a "$log"
say "styr offers, the country by age band, 2024:"
build/styr --lang en --stats offers -w "$WS" --kommune land --alder --periode 2024 --format csv -o "$OUT/offers.csv" 2>&1 | tee -a "$log"
echo "results in $log"
