#!/usr/bin/env bash
# The server benchmark of issues #7 and #11, on loopback on the 3-million-person
# demo:
#  1. wrk for DURATION seconds against the overview API of a demo municipality
#     (/api/v1/figurer for Odense with a KL-wide token). Targets: at least
#     20,000 requests/s, no errors, memory flat over the run.
#  2. The request of issue #11 (every week of 1990-2099): refused at once.
#  3. Under load: a loop of heavy uncached requests (120 weeks each, a new
#     range every time, so each runs the engine) and 1,000 slow clients (a
#     header byte every 4 s, from 127.0.0.2-127.0.0.17) while wrk measures the
#     cached request from 127.0.0.1. Target: p99 under 50 ms; memory flat.
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
rss() { awk '/VmRSS/ {r=$2} /RssAnon/ {a=$2} END {printf "%s (anonymous %s)", r, a}' /proc/$PID/status; }
say "server RSS before: $(rss) kB"
say "== 1. cached figures"
wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" "$URL" | tee -a "$log"
say "server RSS after: $(rss) kB"

say "== 2. the request of issue #11"
BIG="http://127.0.0.1:$PORT/api/v1/figurer?kommune=461&periode=1990U02..2099U52"
say "$(curl -s -o /dev/null -w '%{http_code} in %{time_total} s' -H "Authorization: Bearer $TOKEN" "$BIG")"

say "== 3. cached figures while heavy requests run and 1,000 slow clients trickle"
heavy() { # a new 120-week range each time: every one runs the engine
    local i=0
    while :; do
        local y=$((2015 + i % 6)) w=$((1 + (i / 6) % 50))
        printf '%s %s\n' "$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" \
            "http://127.0.0.1:$PORT/api/v1/figurer?kommune=461&periode=${y}U$(printf %02d $w)..$((y + 2))U$(printf %02d $w)")" "$y" \
            >> "$OUT/serve-heavy.txt"
        i=$((i + 1))
    done
}
: > "$OUT/serve-heavy.txt"
heavy &
HPID=$!
python3 bench/slowclients.py "$PORT" "${SLOW:-1000}" 4 > "$OUT/serve-slow.txt" &
SPID=$!
trap 'kill $PID $HPID $SPID 2>/dev/null || true' EXIT
sleep 12 # past one header deadline: the slow clients have been dropped and come back
say "server connections: $(ls /proc/$PID/fd | wc -l) descriptors; RSS $(rss) kB"
wrk -t2 -c"${LOADCONNS:-16}" -d"${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" "$URL" | tee -a "$log"
say "server RSS after: $(rss) kB"
kill $HPID $SPID 2>/dev/null || true
wait $HPID $SPID 2>/dev/null || true
say "heavy requests: $(wc -l < "$OUT/serve-heavy.txt") ($(awk '{print $1}' "$OUT/serve-heavy.txt" | sort | uniq -c | tr '\n' ' ')), seconds each: $(awk '{s+=$2; if ($2>m) m=$2} END {if (NR) printf "mean %.2f, max %.2f", s/NR, m}' "$OUT/serve-heavy.txt")"
say "$(tail -1 "$OUT/serve-slow.txt")"
echo "results in $log"
