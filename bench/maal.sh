#!/usr/bin/env bash
# Issue 14: what target groups, origin and units cost the panel and the engine,
# measured side by side in one run against the commit before them (BASE).
#
#   bash bench/maal.sh                   (N=3000000 persons, 2015-2024, 4 rounds)
#   N=500000 ROUNDS=2 bash bench/maal.sh (smaller)
#
# 1. BASE's sources are unpacked (git archive) and built in bench/out/maal-base;
# 2. both binaries synthesise the same population (seed 1): BASE's panel in format 1,
#    this tree's in format 2 with visitation and teams per week, origin and year of
#    arrival per person (more runs: a run ends where the visitation or the team changes);
# 3. bytes per person-week of each panel;
# 4. ROUNDS rounds of build/bench/figures (the full cube of every month, municipality and
#    group, one thread, best of 2), interleaved: BASE on its panel, this tree on its
#    panel, and this tree on BASE's panel (format 1 read as all attributes 0). The best
#    of each goes to bench/out/maal-results.txt.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
N=${N:-3000000}
ROUNDS=${ROUNDS:-4}
BASE=${BASE:-4574348}
OUT=${BENCH_OUT:-bench/out}
mkdir -p "$OUT"
make -s build/styr build/bench/figures
if [[ ! -x $OUT/maal-base/build/bench/figures ]]; then
    rm -rf "$OUT/maal-base"
    mkdir -p "$OUT/maal-base"
    git archive "$BASE" | tar -x -C "$OUT/maal-base"
    make -s -C "$OUT/maal-base" build/styr build/bench/figures
fi
OLD=$OUT/maal-base/build
log=$OUT/maal-results.txt
: > "$log"
say() { echo "$*" | tee -a "$log"; }
say "styr $(cat VERSION) target-group benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, base $BASE, N=$N"
for side in old new; do
    ws=$OUT/maal-$side-$N.ws
    exe=build/styr
    [[ $side == old ]] && exe=$OLD/styr
    if [[ ! -f $ws/katalog.sqlite ]]; then
        rm -rf "$ws"
        "$exe" init "$ws" > /dev/null
        "$exe" --lang en synth -w "$ws" --persons "$N" --from 2015 --to 2024 --seed 1 | tail -1 | sed "s/^/$side: /" | tee -a "$log"
    fi
    size=$(stat -c %s "$ws"/panel-*.styr)
    weeks=$("$exe" --lang en info -w "$ws" | awk '/person-weeks with a record/{print $NF}' | tr -d ,)
    say "$side: panel $size bytes, $weeks person-weeks: $(awk -v s="$size" -v w="$weeks" 'BEGIN{printf "%.3f", s/w}') bytes per person-week"
done
best() { sort -n | head -1; }
: > "$OUT/maal-times.txt"
for r in $(seq "$ROUNDS"); do
    t=$("$OLD/bench/figures" "$OUT/maal-old-$N.ws" 1 2 | sed -n 's/.*best of 2: \([0-9.]*\) s.*/\1/p'); echo "old $t" >> "$OUT/maal-times.txt"
    t=$(build/bench/figures "$OUT/maal-new-$N.ws" 1 2 | sed -n 's/.*best of 2: \([0-9.]*\) s.*/\1/p'); echo "new $t" >> "$OUT/maal-times.txt"
    t=$(build/bench/figures "$OUT/maal-old-$N.ws" 1 2 | sed -n 's/.*best of 2: \([0-9.]*\) s.*/\1/p'); echo "new-on-old $t" >> "$OUT/maal-times.txt"
done
o=$(awk '$1=="old"{print $2}' "$OUT/maal-times.txt" | best)
n=$(awk '$1=="new"{print $2}' "$OUT/maal-times.txt" | best)
no=$(awk '$1=="new-on-old"{print $2}' "$OUT/maal-times.txt" | best)
say "engine, full cube, one thread, best of $((ROUNDS * 2)): base on its panel $o s; this tree on its panel $n s ($(awk -v a="$o" -v b="$n" 'BEGIN{printf "%+.1f", 100*(b-a)/a}') %); this tree on the base's panel $no s"
say "all times: $(tr '\n' ' ' < "$OUT/maal-times.txt")"
