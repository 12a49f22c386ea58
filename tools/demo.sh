#!/usr/bin/env bash
# The demo workspace: a municipality's own workspace with a synthetic
# population, a budget for the last year and result goals, so that every
# command in the README's "Brug" block, and every section of every output,
# has content. make demo and the README test (tests/readme/run.sh) build it
# the same way.
#
#   bash tools/demo.sh STYR WS [KOMMUNE] [PERSONS]
#
# Without PERSONS the own municipality and its cluster are simulated at their
# real population size and the rest of the country as a 10 pct. sample
# (styr synth --fuld-skala), so potentials in kr. have the right magnitude;
# with PERSONS, that many persons spread over the country (smaller, faster).
set -euo pipefail
STYR=$1
WS=$2
KOMMUNE=${3:-461}
PERSONS=${4:-}
FROM=2015
TO=2025   # the budget and goals follow the last year; 2015-2024 is the development shown

rm -rf "$WS"
"$STYR" init "$WS" --kommune "$KOMMUNE"
if [[ -n $PERSONS ]]; then scale=(--persons "$PERSONS"); else scale=(--fuld-skala); fi
"$STYR" synth -w "$WS" "${scale[@]}" --from "$FROM" --to "$TO" --seed 1
# the budget of the last year: the template's proposals from the year before
tmp=$(mktemp -d "${TMPDIR:-/tmp}/styr-demo-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
"$STYR" budget export -w "$WS" --aar "$TO" -o "$tmp/budget.csv"
"$STYR" budget import -w "$WS" "$tmp/budget.csv"
# result goals, as a job centre sets them: per unit, against the cluster, a
# change and a level, and one on an offer
# (kontanthjælp mv.: the union runs on across the reform of 1 July 2025, when the
# old kontanthjælp ends and the new one begins)
"$STYR" goals add -w "$WS" --ydelse kontanthjaelp_mv --figur andel_befolkning --maal klynge --aar "$TO" \
    --enhed "Jobcenter Kontanthjælp" --tekst "Kontanthjælp mv. på klyngens niveau"
"$STYR" goals add -w "$WS" --ydelse sygedagpenge --figur langvarige --maal -10% --aar "$TO" \
    --enhed "Sygedagpengeteamet" --tekst "Færre langvarige sygedagpengeforløb"
"$STYR" goals add -w "$WS" --ydelse dagpenge --figur varighed --maal "<=16" --aar "$TO" \
    --enhed "Jobcenter Dagpenge" --tekst "Hurtigere i job fra a-dagpenge"
"$STYR" goals add -w "$WS" --ydelse kontanthjaelp --tilbud praktik --figur i_job_3mdr --maal ">=25" --aar "$TO" \
    --tekst "Flere i job efter virksomhedspraktik"
