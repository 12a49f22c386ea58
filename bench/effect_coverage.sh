#!/usr/bin/env bash
# The longer coverage run of issue 15: styr effect's 95 pct. intervals against the
# true effect on the treated (styr synth --effekt computes it from simulated
# counterfactuals), over POPS populations of N persons (half with +10 pp planted for
# praktik, half where no offer has any effect), and the same with
# --effekt-selektion (who gets an offer also depends on an unobserved risk), where
# the estimate is expected to be biased and the placebo to show it.
#
#   bash bench/effect_coverage.sh                 (40 + 20 populations of 150,000)
#   POPS=20 SEL_POPS=10 N=100000 bash bench/effect_coverage.sh
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
N=${N:-150000}
POPS=${POPS:-40}
SEL_POPS=${SEL_POPS:-20}
OUT=${BENCH_OUT:-bench/out}
mkdir -p "$OUT"
make -s all
log=$OUT/effect-coverage.txt
: > "$log"
say() { echo "$*" | tee -a "$log"; }
say "styr $(cat VERSION) effect coverage, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores"
start=$(date +%s)
bash tests/effect/run.sh build/styr "$N" 1001 "$POPS" 2>&1 | tee -a "$log"
say "wall: $(( $(date +%s) - start )) s"
say ""
say "with --effekt-selektion (selection on an unobserved risk; the estimate should miss):"
EFFECT_SELECTION=1 bash tests/effect/run.sh build/styr "$N" 2001 "$SEL_POPS" 2>&1 | tee -a "$log" || true
echo "results in $log"
