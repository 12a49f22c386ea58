#!/usr/bin/env bash
# The coverage test of styr effect (issue 15): over 20 synthetic populations
# (styr synth --effekt; 10 with +10 pp planted for praktik, 10 where no offer
# has any effect), the 95 pct. intervals must hold the true effect on the
# treated (computed by styr synth from simulated counterfactuals) in at least
# 93 pct. of the group x offer x horizon cells with 50 or more treated, for
# planted and for zero effects, with a mean error within +-0,5 pp and no
# interval of width 0. bench/effect_coverage.sh runs a longer one.
#
#   bash tests/effect/run.sh build/styr [N persons] [first seed] [populations]
set -euo pipefail
STYR=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
N=${2:-150000}
FIRST=${3:-101}
POPS=${4:-20}
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/styr-effect-XXXXXX")
trap 'rm -rf "$TMP"' EXIT
one() { # seed: a population, its estimates with the truth beside them
    local s=$1 eff=praktik=10
    (( s % 2 )) || eff=praktik=0
    "$STYR" init "$TMP/ws$s" > /dev/null
    "$STYR" synth -w "$TMP/ws$s" --persons "$N" --from 2017 --to 2022 --seed "$s" --effekt "$eff" \
        ${EFFECT_SELECTION:+--effekt-selektion} > /dev/null
    "$STYR" effect -w "$TMP/ws$s" --periode 2021 --sand "$TMP/ws$s/sand-effekt.csv" --format csv -o "$TMP/e$s.csv"
    rm -rf "$TMP/ws$s"
}
export -f one
export STYR N TMP EFFECT_SELECTION
seq "$FIRST" $((FIRST + POPS - 1)) | xargs -P "$(nproc)" -I{} bash -c 'one {}'
args=()
for s in $(seq "$FIRST" $((FIRST + POPS - 1))); do
    if (( s % 2 )); then args+=("planted:praktik:$TMP/e$s.csv"); else args+=("zero:$TMP/e$s.csv"); fi
done
echo "styr effect: coverage over $POPS populations of $N persons (seeds $FIRST-$((FIRST + POPS - 1)), window 2021)"
python3 "$HERE/coverage.py" "${args[@]}"
