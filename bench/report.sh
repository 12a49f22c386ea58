#!/usr/bin/env bash
# The report benchmark of issue #5: `styr report` for one municipality on the
# 3-million-person demo, when the figures are already stored (the target is
# under 2 seconds), and once cold (every count computed by the engine).
#
#   bash bench/report.sh             (the panel of bench/figures.sh, N=3000000)
#   N=200000 bash bench/report.sh    (smaller)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
N=${N:-3000000}
K=${KOMMUNE:-461}
OUT=${BENCH_OUT:-bench/out}
WS=$OUT/figures-$N.ws
mkdir -p "$OUT"
make -s all
log=$OUT/report-results.txt
: > "$log"
say() { echo "$*" | tee -a "$log"; }
say "styr $(cat VERSION) report benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(uname -m)"
if [[ ! -f $WS/katalog.sqlite ]]; then
    build/styr init "$WS" > /dev/null
    build/styr --lang en synth -w "$WS" --persons "$N" --from 2015 --to 2024 --seed 1 | tee -a "$log"
fi
# a budget and two goals, so the report has every section
build/styr budget export -w "$WS" --kommune "$K" --aar 2024 -o "$OUT/report-budget.csv" > /dev/null
build/styr budget import -w "$WS" "$OUT/report-budget.csv" > /dev/null
build/styr goals list -w "$WS" | grep -q langvarige ||
    build/styr goals add -w "$WS" --kommune "$K" --ydelse sygedagpenge --figur langvarige --maal -10% --aar 2024 > /dev/null
# cold: no stored counts
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('DELETE FROM figurcache'); c.commit()" "$WS/katalog.sqlite"
say "cold (counts computed and stored):"
build/styr --lang en --stats report -w "$WS" --kommune "$K" --periode 2024 -o "$OUT/report.html" 2>&1 | grep -v written | tee -a "$log"
say "warm (counts stored), 5 runs:"
for i in 1 2 3 4 5; do
    build/styr --lang en --stats report -w "$WS" --kommune "$K" --periode 2024 -o "$OUT/report.html" 2>&1 | grep -v written | tee -a "$log"
done
say "report: $(wc -c < "$OUT/report.html") bytes"
echo "results in $log"
