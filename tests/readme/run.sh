#!/usr/bin/env bash
# The README's usage block ("## Brug") is executable: every command line in it
# runs against the demo workspace (tools/demo.sh, as make demo builds it) and
# must exit 0 with a non-empty result (its output, or the file it writes with
# -o/--xlsx/--pdf). The README cannot drift from the program.
#
# The commands that create or fill a workspace get a place of their own:
# `styr init` runs where nothing exists yet, `styr import` into that new
# workspace with small files this test writes (data.csv, personer.csv,
# ny.csv), and each `styr synth` into a new workspace of its own. `styr serve` is
# started, asked for its first page and stopped. Everything else runs in
# the order written against the demo workspace ./styr.ws.
#
#   bash tests/readme/run.sh build/styr [README.md]
set -u
STYR=$(realpath "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
README=$(realpath "${2:-$ROOT/README.md}")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/styr-readme-XXXXXX")
trap 'pkill -f "$WORK" 2>/dev/null; [[ -n ${KEEP:-} ]] || rm -rf "$WORK"' EXIT
export STYR_PROGRESS=0
cd "$WORK" || exit 1
fails=0 n=0

echo "demo workspace (tools/demo.sh) ..."
if ! bash "$ROOT/tools/demo.sh" "$STYR" styr.ws "${DEMO_KOMMUNE:-461}" "${DEMO_PERSONS:-}" > demo.log 2>&1; then
    echo "FAIL demo: tools/demo.sh failed"; sed 's/^/    /' demo.log; exit 1
fi

# files the block names but does not create
mkdir -p ny
printf 'person;uge;kommune;ydelse;tilbud\nA1;2024-W01;461;kontanthjaelp;\nA1;2024-W02;461;kontanthjaelp;praktik\nB2;2024-W01;461;sygedagpenge;\n' > ny/data.csv
printf 'person;foedt;koen\nA1;1990-05-01;K\nB2;1971;M\n' > ny/personer.csv
printf 'person;uge;kommune;ydelse;tilbud\nC3;2024-W10;461;dagpenge;\n' > ny/ny.csv
printf 'demo-token-0123456789abcdef 461\n' > tokens.txt

# the block: the lines between "## Brug" and the end of its first code block
mapfile -t lines < <(awk '/^## Brug/{b=1} b&&/^```sh/{c=1;next} c&&/^```/{exit} c' "$README")
if (( ${#lines[@]} < 10 )); then echo "FAIL: no usage block in $README"; exit 1; fi

run_line() { # DIR LINE
    local dir=$1 line=$2
    local cmd=${line%%  #*}            # the comment after two spaces
    cmd=${cmd%"${cmd##*[![:space:]]}"}
    local args=${cmd#styr }
    n=$((n + 1))
    # the file a command writes, if any
    local out="" prev="" a
    for a in $args; do
        case $prev in -o|--xlsx|--pdf) out=$a ;; esac
        prev=$a
    done
    local log
    log=$(cd "$dir" && eval "\"$STYR\" $args" 2>&1)
    local rc=$?
    if (( rc != 0 )); then
        echo "FAIL [$cmd]: exit $rc"; printf '%s\n' "$log" | head -20 | sed 's/^/    /'; fails=$((fails + 1)); return
    fi
    if [[ -n $out && ! -s $dir/$out ]]; then
        echo "FAIL [$cmd]: $out is missing or empty"; fails=$((fails + 1)); return
    fi
    if [[ -z $out && -z $log ]]; then
        echo "FAIL [$cmd]: no output"; fails=$((fails + 1)); return
    fi
    if grep -qiE '(^|[^a-z])-?(nan|inf)([^a-z]|$)' <<< "$log"; then
        echo "FAIL [$cmd]: NaN or inf in the output"; fails=$((fails + 1)); return
    fi
    echo "ok   $cmd"
}

serve_line() { # LINE
    local line=$1 cmd=${1%%  #*}
    cmd=${cmd%"${cmd##*[![:space:]]}"}
    n=$((n + 1))
    local args=${cmd#styr }
    local port=8080 listen
    listen=$(grep -o -- '--listen [^ ]*' <<< "$args" | cut -d' ' -f2)
    [[ -n $listen ]] && port=${listen##*:}
    (eval "exec \"$STYR\" $args" > serve.log 2>&1 &)
    local code="" i
    for i in $(seq 1 100); do
        code=$(curl -s -L -o page.html -w '%{http_code}' "http://127.0.0.1:$port/?token=demo-token-0123456789abcdef" 2>/dev/null)
        [[ $code == 200 ]] && break
        sleep 0.2
    done
    pkill -f "$STYR serve -w styr.ws" 2>/dev/null
    if [[ $code != 200 || ! -s page.html ]]; then
        echo "FAIL [$cmd]: / answered ${code:-nothing}"; sed 's/^/    /' serve.log; fails=$((fails + 1)); return
    fi
    echo "ok   $cmd (/ -> 200)"
}

for line in "${lines[@]}"; do
    [[ $line == styr\ * ]] || continue
    case $line in
        "styr init "*) run_line ny "$line" ;;
        "styr import "*) run_line ny "$line" ;;
        "styr synth "*) # each into a new workspace of its own
            nsynth=$((${nsynth:-0} + 1)); d=synth$nsynth; mkdir -p "$d"
            if ! (cd "$d" && "$STYR" init styr.ws --kommune 461 > /dev/null); then
                echo "FAIL [$line]: could not make a new workspace for it"; fails=$((fails + 1)); n=$((n + 1))
            else run_line "$d" "$line"; fi ;;
        "styr serve "*) serve_line "$line" ;;
        *) run_line . "$line" ;;
    esac
done
echo "$((n - fails))/$n README commands passed"

# No NaN or inf reaches a user: every format of every command, in Danish and
# English, on the demo workspace (xlsx files are unpacked and their sheets read).
scan() { # WHAT FILE...
    local what=$1 f hit=""
    shift
    for f in "$@"; do
        [[ -s $f ]] || continue
        if [[ $(head -c 2 "$f") == PK ]]; then
            hit=$(unzip -p "$f" 'xl/worksheets/*.xml' 'xl/sharedStrings.xml' 2>/dev/null |
                  grep -oiE '>-?(nan|inf)<|"-?(nan|inf)"' | head -1)
        else
            hit=$(grep -oiE '(^|[^a-z_])-?(nan|inf)([^a-z_]|$)' "$f" | head -1)
        fi
        [[ -n $hit ]] && break
    done
    m=$((m + 1))
    if [[ -n $hit ]]; then echo "FAIL nan [$what]: '$hit' in $f"; nanfails=$((nanfails + 1)); fi
}
m=0 nanfails=0
i=0
for lang in da en; do
    L=(--lang "$lang")
    while IFS= read -r c; do
        [[ -z $c ]] && continue
        read -r -a cmdw <<< "${c%%#*}"
        for fmt in ${c##*#}; do
            i=$((i + 1))
            case $fmt in
                xlsx) "$STYR" "${L[@]}" "${cmdw[@]}" --format xlsx -o "scan$i.xlsx" > "scan$i.txt" 2>&1 ;;
                -) "$STYR" "${L[@]}" "${cmdw[@]}" > "scan$i.txt" 2>&1 ;;
                *) "$STYR" "${L[@]}" "${cmdw[@]}" --format "$fmt" > "scan$i.txt" 2>&1 ;;
            esac
            rc=$?
            if (( rc != 0 )); then
                echo "FAIL scan [$lang ${cmdw[*]} $fmt]: exit $rc"; sed 's/^/    /' "scan$i.txt" | head -5
                nanfails=$((nanfails + 1))
            fi
            scan "$lang ${cmdw[*]} $fmt" "scan$i.txt" "scan$i.xlsx"
        done
    done <<'CMDS'
figures -w styr.ws --periode 2015..2025 --kommune 461,land #table csv json xlsx
figures -w styr.ws --periode 2025M06AATD,2024M12R12 --intern --taellinger #table csv json
money -w styr.ws --ydelse alle --periode 2024,2025 --compare 2011,2016 #table csv json xlsx
compare -w styr.ws --figur langvarige --ydelse sygedagpenge #table csv json
compare -w styr.ws --figur netto_pr_indbygger_18_64 #table csv json
compare -w styr.ws --model #table csv json
scorecard -w styr.ws #table json
scorecard -w styr.ws --ydelse i_alt --intern #table json
goals -w styr.ws #table json
profil -w styr.ws #table json
budget opfoelgning -w styr.ws --maaned 2025M06 #table csv json
budget opfoelgning -w styr.ws --maaned 2025M06 --intern #table csv json
budget export -w styr.ws --aar 2026 -o scanbudget.csv #-
offers -w styr.ws --ydelse alle --alder #table csv json
effect -w styr.ws --tilbud praktik,loentilskud --pris praktik=15.000 #table csv json
invest -w styr.ws --ydelse kontanthjaelp --tilbud praktik --personer 40 --pris 15.000 --effekt-uger 8 #table json
noegletal -w styr.ws --periode 2025 #-
noegletal -w styr.ws --periode 2025 --intern #-
info -w styr.ws #-
sample -w styr.ws --ydelse sygedagpenge --intern -o scansample.xlsx #-
CMDS
    "$STYR" "${L[@]}" report -w styr.ws -o "scan-$lang.html" --xlsx "scan-$lang.xlsx" > /dev/null 2>&1
    scan "$lang report" "scan-$lang.html" "scan-$lang.xlsx"
    scan "$lang budget export / sample" scanbudget.csv scansample.xlsx
done
echo "$((m - nanfails))/$m outputs free of NaN and inf"
fails=$((fails + nanfails))
exit $((fails > 0))
