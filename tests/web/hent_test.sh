#!/usr/bin/env bash
# styr hent against a local stand-in for jobindsats.dk and Statistikbanken
# (tests/web/jobindsats_server.py, fixtures in tests/fixtures/hent/); never
# the internet. Checks the values imported, the API v2 fallback, a refused
# key, a dropped connection, HTTP 500, an answer that is not JSON, a closed
# port, that nothing is written on any failure (sha of the workspace), that
# the temporary files are removed and that the key appears nowhere.
#
#   bash tests/web/hent_test.sh build/styr
set -u
STYR=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
SERVER=$HERE/jobindsats_server.py
WORK=$(mktemp -d "${TMPDIR:-/tmp}/styr-hent-test-XXXXXX")
SP=
cleanup() { [[ -n $SP ]] && kill "$SP" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
cd "$WORK" || exit 1
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
export NO_PROXY=127.0.0.1 no_proxy=127.0.0.1
mkdir tmp && export TMPDIR=$WORK/tmp
KEY=hemmelig-NOEGLE-7f3a91
printf '%s\n' "$KEY" > tok && chmod 600 tok
printf 'forkert-noegle\n' > bad && chmod 600 bad
fails=0 n=0 skips=0
ok() { n=$((n + 1)); echo "ok   $1"; }
bad() { n=$((n + 1)); fails=$((fails + 1)); echo "FAIL $1: $2"; [[ -f out.txt ]] && sed 's/^/    /' out.txt; }
skip() { skips=$((skips + 1)); echo "SKIP $1 (import not yet built)"; }
sha() { find "$1" -type f ! -name .lock -print0 | sort -z | xargs -0 sha256sum | sha256sum; }

# start MODE [TABLE]: a fresh server; sets PORT, URL
start() {
    [[ -n $SP ]] && { kill "$SP" 2>/dev/null; wait "$SP" 2>/dev/null; }
    rm -f port
    python3 "$SERVER" --token "$KEY" --mode "$1" --table "${2:-}" port server.log &
    SP=$!
    for _ in $(seq 100); do [[ -s port ]] && break; sleep 0.05; done
    PORT=$(cat port) URL=http://127.0.0.1:$PORT
}

# hent NAME CODE ARGS...: run styr ARGS (output in out.txt; all outputs kept in all.txt),
# expect exit CODE and no temporary file left
hent() {
    local name=$1 code=$2
    shift 2
    "$STYR" "$@" > out.txt 2>&1
    local got=$?
    cat out.txt >> all.txt
    LAST=$got
    if [[ $code != - && $got != "$code" ]]; then bad "$name" "exit $got, expected $code"; return 1; fi
    if [[ -n $(ls -A tmp) ]]; then bad "$name" "temporary files left: $(ls -A tmp)"; return 1; fi
    ok "$name"
}
says() { if grep -qF -- "$2" out.txt; then ok "$1"; else bad "$1" "no '$2'"; fi; }
logs() { if grep -qF -- "$2" server.log; then ok "$1"; else bad "$1" "server saw no '$2'"; fi; }

"$STYR" init ws --kommune 730 > /dev/null || exit 1
"$STYR" init ws2 --kommune 730 > /dev/null || exit 1
TABLES=y01a02,y60a02,y07a02,y30r21
start normal
before=$(sha ws)

# ---- the whole download: v3 for three tables, v2 for y30r21 (404 in v3) -----
: > server.log
hent jobindsats-run - hent jobindsats -w ws --tabel $TABLES --token-fil tok --url "$URL"
built=1
grep -q "cannot be imported yet" out.txt && built=0
if [[ $built == 1 ]]; then [[ $LAST == 0 ]] && ok jobindsats-exit-0 || bad jobindsats-exit-0 "exit $LAST"; fi
logs v3-y01a02 "GET /v3/data/y01a02?mgroup.*=*&period.M=latest:14&hierarchy._nykom=*&format=json auth=ok"
logs v3-y30r21-404 "GET /v3/data/y30r21?mgroup.*=*&period.QMAT=latest:4&hierarchy._nykom=*&format=json auth=ok"
logs v2-y30r21 "GET /v2/data/y30r21/json/?period=l(qmat:4)&area=* auth=ok"
[[ $(grep -c '^GET /v2/' server.log) == 1 ]] && ok v2-only-for-y30r21 || bad v2-only-for-y30r21 "$(cat server.log)"
says progress-1 "Henter y01a02 (1/4) ... 335 bytes"
says progress-4 "Henter y30r21 (4/4) ... 741 bytes"
q() { sqlite3 ws/katalog.sqlite "$1" 2>/dev/null; }
val() { # val NAME EXPECTED TABLE MEASURE AREA PERIOD
    local got
    got=$(q "SELECT vaerdi FROM offentlige_tal WHERE tabel='$3' AND maal='$4' AND omraade='$5' AND periode_kilde='$6'")
    if [[ $got == "$2" ]]; then ok "$1"; else bad "$1" "got '$got', expected $2"; fi
}
if [[ $built == 1 ]]; then
    says imported "Indlæst: "
    # the fixtures' values, read back exactly
    val y01a02-fuldtid-randers-feb 955.0 y01a02 "Antal fuldtidspersoner" Randers 2024M02
    val y01a02-personer-landet-jan 98765.0 y01a02 "Antal personer" "Hele landet" 2024M01
    val y01a02-pct-randers-jan 1.62 y01a02 "Fuldtidspersoner i pct. af befolkningen 16-66 år" Randers 2024M01
    val y60a02-fuldtid-aug 1860.0 y60a02 "Antal fuldtidspersoner" Randers 2025M08
    val y07a02-personer-jan 1500.0 y07a02 "Antal personer" Randers 2024M01
    val y30r21-placering-aarhus 61.0 y30r21 "Placering på benchmarkranglisten" Aarhus 2022QMAT04
    val y30r21-forskel-randers -0.4 y30r21 "Forventet og faktisk andel fuldtidspersoner på offentlig forsørgelse: Forskel mellem forventet og faktisk andel (pct. point)" Randers 2022QMAT04
    # rows x measures: y01a02 4x3, y60a02 2x2, y07a02 2x2, y30r21 2x4 = 12+4+4+8
    [[ $(q "SELECT count(*) FROM offentlige_tal") == 28 ]] && ok rows-28 || bad rows-28 "$(q 'SELECT count(*) FROM offentlige_tal')"
    says imported-28 "Indlæst: 28 offentlige tal fra 4 tabeller."
    says y30r21-v2 "y30r21: API v2, 741 bytes, 8 tal"
    # the origin recorded is the URL, without the key
    [[ $(q "SELECT DISTINCT fil FROM offentlige_tal WHERE tabel='y30r21'") == "$URL/v2/data/y30r21/json/?period=l(qmat:4)&area=*" ]] \
        && ok origin-url || bad origin-url "$(q "SELECT DISTINCT fil FROM offentlige_tal")"
    before=$(sha ws)
else
    skip "jobindsats values"
fi

# ---- a table the import refuses (an unknown area): the error names the URL,
# and the good table fetched with it is not stored either -------------------
hent import-error "$([[ $built == 1 ]] && echo 2 || echo -)" hent jobindsats -w ws --tabel y01a02,y09a02 --token-fil tok --url "$URL"
if [[ $built == 1 ]]; then
    says import-error-url "$URL/v3/data/y09a02?mgroup.*=*&period.M=latest:14&hierarchy._nykom=*&format=json, række 2, kolonne 2 (Område)"
    says import-error-value '"Atlantis"'
fi
[[ $(sha ws) == "$before" ]] && ok import-error-unchanged || bad import-error-unchanged "workspace changed"

# ---- a refused key: v3 by its status, v2 in words; nothing written ----------
hent bad-key-v3 2 hent jobindsats -w ws --tabel $TABLES --token-fil bad --url "$URL"
says bad-key-v3-text "jobindsats.dk afviste nøglen: Forkert nøgle eller nøglen er udløbet. (HTTP 401) Hent en ny nøgle på jobindsats.dk"
says bad-key-nothing "Intet er skrevet: arbejdsområdet er uændret."
[[ $(sha ws) == "$before" ]] && ok bad-key-unchanged || bad bad-key-unchanged "workspace changed"
hent bad-key-en 2 --lang en hent jobindsats -w ws --tabel y01a02 --token-fil bad --url "$URL"
says bad-key-en-text "jobindsats.dk refused the key: Wrong key, or the key has expired. (HTTP 401) Get a new key at jobindsats.dk"
start v2only
: > server.log
hent bad-key-v2 2 hent jobindsats -w ws --tabel y01a02 --periode 2024M01,2024M02 --token-fil bad --url "$URL"
says bad-key-v2-text "jobindsats.dk afviste nøglen: Forkert nøgle eller nøglen er udløbet. Hent en ny nøgle"
logs v2-post 'POST /v2/data/y01a02/json? auth=bad body={"area":"*","period":["2024M01","2024M02"]}'
hent v2-unknown-table 2 hent jobindsats -w ws --tabel y07a02 --token-fil tok --url "$URL"
says v2-unknown-table-text "tabel y07a02: tabellen findes ikke på 127.0.0.1:$PORT (HTTP 404 i API v3 og v2)"
[[ $(sha ws) == "$before" ]] && ok v2-unchanged || bad v2-unchanged "workspace changed"

# ---- v3 refuses the selection (400): v2 is tried; where v2 does not know the
# table either, v3's own words are shown --------------------------------------
start v3bad400 y01a02
: > server.log
hent v3-400-v2 - hent jobindsats -w ws --tabel y01a02 --token-fil tok --url "$URL"
logs v3-400-then-v2 "GET /v2/data/y01a02/json/?period=l(m:14)&area=* auth=ok"
[[ $built == 1 ]] && says v3-400-v2-used "y01a02: API v2"
before=$(sha ws)
start v3bad400 y60a02
hent v3-400-no-v2 4 hent jobindsats -w ws --tabel y60a02 --token-fil tok --url "$URL"
says v3-400-text "tabel y60a02: 127.0.0.1:$PORT svarede HTTP 400: Ukendt hierarki: _nykom"
[[ $(sha ws) == "$before" ]] && ok v3-400-unchanged || bad v3-400-unchanged "workspace changed"

# ---- a connection dropped in the middle of the second table ----------------
start drop y60a02
hent dropped 4 hent jobindsats -w ws --tabel $TABLES --token-fil tok --url "$URL"
says dropped-text "tabel y60a02: forbindelsen til 127.0.0.1:$PORT blev afbrudt midt i svaret"
says dropped-nothing "Intet er indlæst: arbejdsområdet er uændret."
[[ $(sha ws) == "$before" ]] && ok dropped-unchanged || bad dropped-unchanged "workspace changed"

# ---- Ctrl-C in the middle of an answer: stopped within a second or so, the
# temporary files removed, nothing imported ------------------------------------
start slow y60a02
: > server.log
"$STYR" hent jobindsats -w ws --tabel $TABLES --token-fil tok --url "$URL" > out.txt 2>&1 &
HP=$!
for _ in $(seq 100); do grep -q "y60a02" server.log && break; sleep 0.05; done
sleep 0.3
t0=$(date +%s)
kill -INT $HP
wait $HP
got=$?
t1=$(date +%s)
cat out.txt >> all.txt
[[ $got == 4 ]] && ok ctrl-c-exit-4 || bad ctrl-c-exit-4 "exit $got"
((t1 - t0 <= 3)) && ok ctrl-c-quick || bad ctrl-c-quick "took $((t1 - t0)) s"
says ctrl-c-text "tabel y60a02: hentningen blev afbrudt (Ctrl-C)"
says ctrl-c-nothing "Intet er indlæst: arbejdsområdet er uændret."
[[ -z $(ls -A tmp) ]] && ok ctrl-c-no-temp || bad ctrl-c-no-temp "left: $(ls -A tmp)"
[[ $(sha ws) == "$before" ]] && ok ctrl-c-unchanged || bad ctrl-c-unchanged "workspace changed"

# ---- HTTP 500 on the third ---------------------------------------------------
start error500 y07a02
hent http500 4 hent jobindsats -w ws --tabel $TABLES --token-fil tok --url "$URL"
says http500-text "tabel y07a02: 127.0.0.1:$PORT har en fejl lige nu (HTTP 500); prøv igen senere"
[[ $(sha ws) == "$before" ]] && ok http500-unchanged || bad http500-unchanged "workspace changed"

# ---- an answer that is not JSON ---------------------------------------------
start html y01a02
hent not-json 2 hent jobindsats -w ws --tabel $TABLES --token-fil tok --url "$URL"
says not-json-text "tabel y01a02: svaret fra 127.0.0.1:$PORT er ikke JSON (1:1:"
[[ $(sha ws) == "$before" ]] && ok not-json-unchanged || bad not-json-unchanged "workspace changed"

# ---- too many requests: in plain words ----------------------------------------
start busy y01a02
hent busy 4 hent jobindsats -w ws --tabel y01a02 --token-fil tok --url "$URL"
says busy-text "tabel y01a02: 127.0.0.1:$PORT har fået for mange forespørgsler (HTTP 429); vent et par minutter, og prøv igen"

# ---- a redirect to another host: the key does not go along --------------------
rm -f port2 server2.log
python3 "$SERVER" --token "$KEY" --mode normal port2 server2.log &
SP2=$!
for _ in $(seq 100); do [[ -s port2 ]] && break; sleep 0.05; done
start redirect "$(cat port2)"
hent redirect - hent jobindsats -w ws --tabel y01a02 --token-fil tok --url "$URL"
if [[ -s server2.log ]] && ! grep -q "auth=ok\|auth=bad" server2.log; then ok redirect-no-key
else bad redirect-no-key "the other host got a key (or no request): $(cat server2.log 2>/dev/null)"; fi
kill "$SP2" 2>/dev/null; wait "$SP2" 2>/dev/null

# ---- an answer that carries the key back: refused, the key not shown ---------
start echokey y01a02
hent echo-key 2 hent jobindsats -w ws --tabel y01a02 --token-fil tok --url "$URL"
says echo-key-text "tabel y01a02: svaret fra 127.0.0.1:$PORT indeholder nøglen; det indlæses ikke"
[[ $(sha ws) == "$before" ]] && ok echo-key-unchanged || bad echo-key-unchanged "workspace changed"

# ---- a closed port: nothing listens there ------------------------------------
CLOSED=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
hent refused 4 hent jobindsats -w ws --tabel $TABLES --token-fil tok --url "http://127.0.0.1:$CLOSED"
says refused-text "tabel y01a02: kan ikke forbinde til 127.0.0.1:$CLOSED"
says refused-nothing "Intet er indlæst: arbejdsområdet er uændret."
hent refused-en 4 --lang en hent jobindsats -w ws --tabel y01a02 --token-fil tok --url "http://127.0.0.1:$CLOSED"
says refused-en-text "table y01a02: cannot connect to 127.0.0.1:$CLOSED"
says refused-en-nothing "Nothing was imported: the workspace is unchanged."
[[ $(sha ws) == "$before" ]] && ok refused-unchanged || bad refused-unchanged "workspace changed"

# ---- the token file -----------------------------------------------------------
start normal
: > empty
hent token-empty 2 hent jobindsats -w ws --tabel y01a02 --token-fil empty --url "$URL"
says token-empty-text "token-filen empty er tom"
printf '\n\n%s\n' "$KEY" > blankfirst && chmod 600 blankfirst
hent token-blank-first 2 hent jobindsats -w ws --tabel y01a02 --token-fil blankfirst --url "$URL"
says token-blank-first-text "token-filen blankfirst: første linje er tom; den skal være nøglen fra jobindsats.dk"
hent token-missing 2 hent jobindsats -w ws --tabel y01a02 --token-fil nosuch --url "$URL"
says token-missing-text "token-filen nosuch: findes ikke"
hent token-none 1 hent jobindsats -w ws --tabel y01a02 --url "$URL"
says token-none-text "--token-fil mangler"
cp bad open && chmod 644 open
hent token-readable-warns 2 hent jobindsats -w ws --tabel y01a02 --token-fil open --url "$URL"
says token-readable-text "advarsel: token-filen open kan læses af andre; skriv chmod 600 open"
hent bad-period 1 hent jobindsats -w ws --tabel y01a02 --periode 2024M13 --token-fil tok --url "$URL"
says bad-period-text "'2024M13' er ikke en periode, som jobindsats.dk skriver dem"
hent qmat05 1 hent jobindsats -w ws --tabel y30r21 --periode 2021QMAT05 --token-fil tok --url "$URL"
hent twice 1 hent jobindsats -w ws --tabel y01a02,Y01A02 --token-fil tok --url "$URL"
says twice-text "tabellen Y01A02 er nævnt to gange"
[[ $(sha ws) == "$before" ]] && ok token-unchanged || bad token-unchanged "workspace changed"

# ---- Statistikbanken ----------------------------------------------------------
: > server.log
STYR_PROGRESS=0 hent statbank-run - hent statistikbanken -w ws2 FOLK1A --tid 2024K1 --url "$URL"
built_sb=1
grep -q "cannot be imported yet" out.txt && built_sb=0
if [[ $built_sb == 1 ]]; then [[ $LAST == 0 ]] && ok statbank-exit-0 || bad statbank-exit-0 "exit $LAST"; fi
logs statbank-url "GET /v1/data/FOLK1A/CSV?valuePresentation=Code&OMR%C3%85DE=*&K%C3%98N=1,2&ALDER=*&Tid=2024K1 auth=none"
if grep -q "Henter" out.txt; then bad statbank-no-progress "progress shown with STYR_PROGRESS=0"; else ok statbank-no-progress; fi
if [[ $built_sb == 1 ]]; then
    got=$(sqlite3 ws2/katalog.sqlite "SELECT sum(vaerdi) FROM offentlige_tal WHERE tabel='folk1a' AND kommune=730" 2>/dev/null)
    [[ $got == 1053.0 ]] && ok folk1a-randers-1053 || bad folk1a-randers-1053 "got '$got'"
    # styr's population: Randers and Aarhus at 16 in 2024, the sexes summed, 000 (the country) left out
    says folk1a-one-table "Indlæst: 6 offentlige tal fra 1 tabel."
    got=$(sqlite3 ws2/katalog.sqlite "SELECT antal FROM befolkning WHERE kommune=730 AND aar=2024 AND alder=16" 2>/dev/null)
    [[ $got == 1053 ]] && ok befolkning-randers-16 || bad befolkning-randers-16 "got '$got'"
    says folk1a-population "Befolkningstallene for 2024 (2 rækker pr. kommune, år og alder) er erstattet fra Statistikbanken FOLK1A"
else
    skip "statistikbanken values"
fi
before2=$(sha ws2)
hent statbank-var 1 hent statistikbanken -w ws2 FOLK1A --var 'ALDER' --url "$URL"
hent statbank-unknown 2 hent statistikbanken -w ws2 FOLK1B --url "$URL"
says statbank-unknown-text "tabel FOLK1B: Statistikbanken svarede: Tabellen FOLK1B findes ikke"
[[ $(sha ws2) == "$before2" ]] && ok statbank-unchanged || bad statbank-unchanged "workspace changed"

# ---- the key appears nowhere: not in any output, not in the workspaces ---------
if grep -rqF -- "$KEY" all.txt ws ws2 tmp; then bad key-nowhere "the key was found"; else ok key-nowhere; fi
if grep -qF -- "$KEY" server.log; then bad key-not-in-url "the key was in a URL or body"; else ok key-not-in-url; fi

if ((skips)); then echo "$((n - fails))/$n hent cases passed, $skips skipped"; else echo "$((n - fails))/$n hent cases passed"; fi
[[ $fails == 0 ]]
