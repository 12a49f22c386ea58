#!/usr/bin/env bash
# durable: a full disk at every step, and kill -9 at random moments, never
# leave a workspace half-written (issue 11, part 2).
#
#   bash tests/fault/durable.sh STYR FAILIO.SO [KILLS] [SEED] [ALL]
#
# A base workspace holds generation 1 and a filled figure cache. Snapshots of
# `styr info` and `styr figures --format csv` are taken for it ("before") and
# for the same workspace after a clean import of a second file ("after").
#   1. The import and the cache store of `styr figures` are run once under the
#      failio shim to count their write-side calls; then each call N is made
#      to fail with ENOSPC, alone and with every call after it (the disk stays
#      full). An import that exits 0 must give "after"; one that fails must
#      give "before" and say so in Danish. By default the lone failure is
#      tried at every 7th call; ALL=1 (make stress) tries every call.
#   2. KILLS times (default 20), seeded, import or figures is killed with
#      SIGKILL after a random delay; the workspace must give "before" or
#      "after" (figures: "before").
# After every run: the next reader opens the workspace (no lockout, the hot
# journal is rolled back), its figures equal the snapshot, the next writer
# succeeds and removes what the dead process left, and one panel file stays.
set -u
STYR=$(realpath "$1")
SHIM=$(realpath "$2")
KILLS=${3:-20}
SEED=${4:-11}
ALL=${5:-0}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/styr-durable-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
export STYR_PROGRESS=0
fails=0 runs=0 cold=0

fail() { echo "FAIL $*"; fails=$((fails + 1)); }

# The data: A is generation 1; B adds weeks to A's persons and new persons.
awk 'BEGIN { print "person;uge;kommune;ydelse;tilbud"
  split("101 147 461 751 851", k, " ")
  for (p = 1; p <= 1500; p++) for (w = 1; w <= 30; w++)
    printf "P%d;2023-W%02d;%s;%s;%s\n", p, w, k[p % 5 + 1], (p % 3 ? "kontanthjaelp" : "dagpenge"), (w % 7 ? "" : "praktik") }' > A.csv
awk 'BEGIN { print "person;uge;kommune;ydelse;tilbud"
  split("101 147 461 751 851", k, " ")
  for (p = 1; p <= 2000; p++) for (w = 31; w <= 52; w++)
    if ((p + w) % 4) printf "P%d;2023-W%02d;%s;%s;%s\n", p, w, k[p % 5 + 1], (p % 3 ? "kontanthjaelp" : "sygedagpenge"), (w % 5 ? "" : "praktik") }' > B.csv

"$STYR" init base --kommune 101 > /dev/null || { echo "FAIL init"; exit 1; }
"$STYR" import -w base A.csv > /dev/null || { echo "FAIL import A"; exit 1; }
"$STYR" figures -w base --format csv > /dev/null || { echo "FAIL figures"; exit 1; } # fills the cache

# snapshot DIR NAME: info (timestamps removed) and figures of DIR into NAME.*
snapshot() {
    "$STYR" info -w "$1" 2>&1 | sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z/TIME/' > "$2.info"
    "$STYR" figures -w "$1" --format csv > "$2.fig" 2>&1
}
cp -a base ws && snapshot ws before && "$STYR" figures -w ws --format csv --periode 2023K1 > before.figq && rm -rf ws
cp -a base ws && "$STYR" import -w ws B.csv > /dev/null && snapshot ws after && rm -rf ws
cmp -s before.info after.info && { echo "FAIL the import does not change the workspace"; exit 1; }

# state DIR: "before", "after" or "other", from what the next reader sees
state() {
    snapshot "$1" now
    for s in before after; do
        if cmp -s now.info $s.info && cmp -s now.fig $s.fig; then echo $s; return; fi
    done
    echo other
}

# check WHAT WANT: the workspace ws holds WANT ("before", "after", or
# "either"); no journal survives a reader; the next writer runs and cleans up
check() {
    local what=$1 want=$2 got
    runs=$((runs + 1))
    got=$(state ws)
    if [[ $got == other ]]; then
        fail "$what: the workspace does not give a committed generation"; diff before.info now.info | head -5
        head -3 now.fig
        return 1
    fi
    if [[ $want != either && $got != "$want" ]]; then fail "$what: $got, expected $want"; return 1; fi
    # a journal that survives the reader is not hot (SQLite ignores it; the
    # next writer replaces it): counted, and it must be gone after the writer
    [[ -e ws/katalog.sqlite-journal ]] && cold=$((cold + 1))
    local rc=0
    "$STYR" import -w ws B.csv > next.out 2>&1 || rc=$?
    if [[ $got == before && $rc != 0 ]]; then fail "$what: the next import exits $rc"; cat next.out; return 1; fi
    if [[ $got == after && $rc != 2 ]]; then fail "$what: the repeated import exits $rc"; cat next.out; return 1; fi
    local left
    left=$(ls -A ws | grep -v -x -e katalog.sqlite -e .lock -e pseudonymnoegle -e 'panel-[0-9]*\.styr' | tr '\n' ' ')
    if [[ -n $left ]]; then fail "$what: left behind after the next writer: $left"; return 1; fi
    if [[ $(ls ws | grep -c '^panel-') != 1 ]]; then fail "$what: $(ls ws | tr '\n' ' ')"; return 1; fi
    return 0
}

english='cannot commit|not a styr|No space|disk I/O error|database or disk is full|No such file'

# ---- 1. every write-side call of the import and of the cache store fails -------
rm -rf ws && cp -a base ws
STYR_FAULT_COUNT=$WORK/n LD_PRELOAD=$SHIM "$STYR" import -w ws B.csv > /dev/null
nimport=$(cat n)
rm -rf ws && cp -a base ws
STYR_FAULT_COUNT=$WORK/n LD_PRELOAD=$SHIM "$STYR" figures -w ws --format csv --periode 2023K1 > /dev/null
nfig=$(cat n)
echo "write-side calls: import $nimport, figures with its cache store $nfig"

for sticky in 1 0; do
    step=1
    [[ $sticky == 0 && $ALL != 1 ]] && step=7
    for ((i = 1; i <= nimport; i += step)); do
        rm -rf ws && cp -a base ws
        rc=0
        STYR_FAULT_AT=$i STYR_FAULT_STICKY=$sticky LD_PRELOAD=$SHIM "$STYR" import -w ws B.csv > out 2> err || rc=$?
        what="import, call $i of $nimport failing (sticky=$sticky)"
        if [[ $rc == 0 ]]; then check "$what" after
        else
            if grep -Eq "$english" err; then fail "$what: English message: $(cat err)"; fi
            if ! grep -Eq 'ikke plads på disken|skrive- eller læsefejl|kan ikke åbnes eller oprettes' err; then fail "$what: message does not say why: $(cat err)"; fi
            check "$what" before
        fi
    done
    for ((i = 1; i <= nfig; i += step)); do
        rm -rf ws && cp -a base ws
        rc=0
        STYR_FAULT_AT=$i STYR_FAULT_STICKY=$sticky LD_PRELOAD=$SHIM "$STYR" figures -w ws --format csv \
            --periode 2023K1 > out 2> err || rc=$?
        what="figures, call $i of $nfig failing (sticky=$sticky)"
        [[ $rc == 0 ]] || fail "$what: exit $rc: $(cat err)"
        cmp -s out before.figq || fail "$what: the figures printed differ"
        if grep -Eq "$english" err; then fail "$what: English message: $(cat err)"; fi
        check "$what" before
    done
done

# the message in English when asked for
rm -rf ws && cp -a base ws
STYR_FAULT_AT=$((nimport - 2)) LD_PRELOAD=$SHIM "$STYR" --lang en import -w ws B.csv > out 2> err
grep -q 'no space left on the disk\|disk input/output error' err || fail "--lang en: $(cat err)"

# ---- 2. kill -9 at random moments ------------------------------------------------
ms() { date +%s%3N; }
rm -rf ws && cp -a base ws
t0=$(ms); "$STYR" import -w ws B.csv > /dev/null; timp=$(($(ms) - t0))
rm -rf ws && cp -a base ws
t0=$(ms); "$STYR" figures -w ws --format csv --periode 2023M01..2023M12 > /dev/null; tfig=$(($(ms) - t0))
echo "clean runs: import $timp ms, figures with its cache store $tfig ms"
RANDOM=$SEED
hits=0
for ((k = 1; k <= KILLS; k++)); do
    rm -rf ws && cp -a base ws
    if ((k % 2)); then cmd=(import -w ws B.csv); t=$timp; want=either
    else cmd=(figures -w ws --format csv --periode 2023M01..2023M12); t=$tfig; want=before; fi
    delay=$((t * (RANDOM % 1200) / 1000))
    "$STYR" "${cmd[@]}" > /dev/null 2>&1 &
    pid=$!
    sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
    kill -9 $pid 2> /dev/null && hits=$((hits + 1))
    wait $pid 2> /dev/null
    [[ -e ws/katalog.sqlite-journal ]] && journals=$((${journals:-0} + 1))
    check "kill -9 of ${cmd[0]} after $delay ms (run $k)" $want
done
echo "kills: $KILLS, $hits while running, ${journals:-0} left a journal ($cold runs of all left one that was not hot)"

if ((fails)); then echo "$fails of $runs durability runs FAILED"; exit 1; fi
echo "$runs durability runs passed"
