#!/usr/bin/env bash
# synth_levels: how much the synthetic country looks like Denmark (issue 12 §3).
#
#   bash bench/synth_levels.sh [build/styr] [WS]
#
# WS (default: a new one in a temporary directory, made with the demo's command
# line) is read with styr figures: the national share on public support of each
# year 2015-2024 and its spread (max - min, in pct.-points), and Pearson's r
# between the municipalities' shares in 2024 and the published shares in
# data/offentligt_forsoergede.csv (the level the simulation is calibrated to).
# Prints the numbers; exits 1 when r < 0.7 or the national spread > 2 pp.
set -euo pipefail
STYR=${1:-build/styr}
HERE=$(cd "$(dirname "$0")/.." && pwd)
WS=${2:-}
if [ -z "$WS" ]; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    WS=$tmp/demo.ws
    "$STYR" init "$WS" --kommune 461 > /dev/null
    start=$(date +%s.%N)
    "$STYR" synth -w "$WS" --fuld-skala --seed 1
    end=$(date +%s.%N)
    echo "synth: $(echo "$end - $start" | bc) s"
fi
# field 9: andel af befolkningen 16-66 år; CSV in Danish Excel form (; and decimal comma)
"$STYR" figures -w "$WS" --kommune land --ydelse i_alt --periode 2015..2024 --format csv |
    tr -d '\r' | awk -F';' 'NR > 1 { v = $9; sub(",", ".", v); printf "%s %s\n", $1, v }' > "${TMPDIR:-/tmp}/synth_national.$$"
echo "Landets andel på offentlig forsørgelse (16-66 år), pct.:"
awk '{ printf "  %s %s\n", $1, $2; if (NR == 1 || $2 < lo) lo = $2; if (NR == 1 || $2 > hi) hi = $2 }
     END { printf "  spredning %.1f pct.-point\n", hi - lo; exit (hi - lo > 2) }' "${TMPDIR:-/tmp}/synth_national.$$" &&
    spread_ok=0 || spread_ok=1
rm -f "${TMPDIR:-/tmp}/synth_national.$$"
"$STYR" figures -w "$WS" --kommune alle --ydelse i_alt --periode 2024 --format csv | tr -d '\r' |
    awk -F';' 'NR > 1 { v = $9; sub(",", ".", v); print $2, v }' > "${TMPDIR:-/tmp}/synth_kom.$$"
awk -F';' '/^[0-9]/ { v = $2; sub(",", ".", v); print $1, v }' "$HERE/data/offentligt_forsoergede.csv" |
    awk 'NR == FNR { real[$1] = $2; next }
         ($1 in real) && $2 != ".." { n++; x = real[$1]; y = $2; sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y }
         END { r = (n * sxy - sx * sy) / sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
               printf "Kommunernes andel 2024 mod data/offentligt_forsoergede.csv: r = %.3f (n = %d)\n", r, n; exit (r < 0.7) }' \
        - "${TMPDIR:-/tmp}/synth_kom.$$" && r_ok=0 || r_ok=1
grep -E '^(360|183|153|482|157|230|201|240|461|101|151) ' "${TMPDIR:-/tmp}/synth_kom.$$" | sed 's/^/  kommune /'
rm -f "${TMPDIR:-/tmp}/synth_kom.$$"
exit $((spread_ok || r_ok))
