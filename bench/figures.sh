#!/usr/bin/env bash
# The key-figure benchmark of issue #3: styr's engine against an independent SQL
# implementation in DuckDB (bench/duckdb/figures.sql), on the same synthetic panel.
#
#   bash bench/figures.sh              (N=3000000 persons, 2015-2024, 2 threads)
#   N=200000 bash bench/figures.sh     (smaller)
#
# 1. styr synth builds the panel (kept in bench/out/figures-N.ws for later runs);
# 2. build/bench/figures computes the full cube (every month of 2015-2024 x every
#    municipality and the country x every group and all public support, with spells,
#    varighed, langvarige and status after) with styr's engine, best of 3, and writes
#    its counts;
# 3. build/bench/dump writes the panel's runs (no person ids) and DuckDB computes the
#    same cube from them with SQL;
# 4. every count of every cell is compared. Results go to bench/out/figures-results.txt.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
N=${N:-3000000}
T=${THREADS:-2}
OUT=${BENCH_OUT:-bench/out}
WS=$OUT/figures-$N.ws
mkdir -p "$OUT"
make -s all build/bench/figures build/bench/dump
log=$OUT/figures-results.txt
: > "$log"
say() { echo "$*" | tee -a "$log"; }
say "styr $(cat VERSION) figures benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(uname -m), $T threads"
if [[ ! -f $WS/katalog.sqlite ]]; then
    rm -rf "$WS"
    build/styr init "$WS" > /dev/null
    build/styr --lang en synth -w "$WS" --persons "$N" --from 2015 --to 2024 --seed 1 | tee -a "$log"
fi
STYR_BENCH_JSON=$OUT/figures-styr.csv build/bench/figures "$WS" "$T" 3 | tee -a "$log"
build/bench/dump "$WS" "$OUT/figures-runs.csv"
if [[ ! -d bench/duckdb/node_modules/@duckdb ]]; then (cd bench/duckdb && npm install --no-audit --no-fund > /dev/null); fi
mkdir -p "$OUT/duckdb-tmp"
DUCKDB_MEMORY_LIMIT=${DUCKDB_MEMORY_LIMIT:-16GB} DUCKDB_TEMP=$OUT/duckdb-tmp \
    node bench/duckdb/run.mjs "$OUT/figures-runs.csv" "$OUT/figures-styr.csv" "$T" | tee -a "$log"
rm -rf "$OUT/duckdb-tmp" "$OUT/figures-runs.csv"
echo "results in $log"
