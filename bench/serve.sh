#!/usr/bin/env bash
# The server benchmark of issue #7: wrk on loopback against the overview API of
# a demo municipality (/api/v1/figurer for Odense with a KL-wide token) on the
# 3-million-person demo for 20 seconds. Targets: at least 5,000 requests/s,
# p99 under 20 ms on 2 cores, no errors, memory flat over the run.
#
#   bash bench/serve.sh              (the panel of bench/figures.sh, N=3000000)
#   N=200000 DURATION=5 bash bench/serve.sh
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
N=${N:-3000000}
DURATION=${DURATION:-20}
CONNS=${CONNS:-64}
OUT=${BENCH_OUT:-bench/out}
WS=$OUT/figures-$N.ws
mkdir -p "$OUT"
make -s all
command -v wrk > /dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
log=$OUT/serve-results.txt
: > "$log"
say() { echo "$*" | tee -a "$log"; }
say "styr $(cat VERSION) serve benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(uname -m)"
if [[ ! -f $WS/katalog.sqlite ]]; then
    build/styr init "$WS" > /dev/null
    build/styr --lang en synth -w "$WS" --persons "$N" --from 2015 --to 2024 --seed 1 | tee -a "$log"
fi
TOKEN=bench-kl-token-0123456789abcdef
printf '%s *\n' "$TOKEN" > "$OUT/serve-tokens.txt"
PORT=${PORT:-18181}
build/styr serve -w "$WS" --listen "127.0.0.1:$PORT" --tokens "$OUT/serve-tokens.txt" > "$OUT/serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/api/v1/kommuner" && break; sleep 0.2; done
URL="http://127.0.0.1:$PORT/api/v1/figurer?kommune=461&periode=2024"
t0=$(date +%s.%N)
curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "$URL"
say "first request (computes the answer from the stored counts): $(echo "$(date +%s.%N) - $t0" | bc) s"
rss() { awk '/VmRSS/ {print $2}' /proc/$PID/status; }
say "server RSS before: $(rss) kB"
wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" "$URL" | tee -a "$log"
say "server RSS after: $(rss) kB"
echo "results in $log"
