#!/usr/bin/env bash
# Golden CLI tests: each case runs a styr command line in a scratch directory
# and compares its exit code and its combined stdout/stderr with
# tests/cli/expected/NAME.out. UPDATE=1 rewrites the expected files.
#
#   bash tests/cli/run.sh build/styr
set -u
STYR=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
EXP=$HERE/expected
WORK=$(mktemp -d "${TMPDIR:-/tmp}/styr-cli-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
export STYR_PROGRESS=0
fails=0 n=0

# run NAME CODE ARGS... : run styr ARGS, expect exit CODE and the golden output
run() {
    local name=$1 code=$2
    shift 2
    n=$((n + 1))
    local out
    out=$("$STYR" "$@" 2>&1)
    local got=$?
    if [[ $got != "$code" ]]; then
        echo "FAIL $name: exit $got, expected $code"; echo "$out" | sed 's/^/    /'; fails=$((fails + 1)); return
    fi
    if [[ ${UPDATE:-0} == 1 ]]; then printf '%s\n' "$out" > "$EXP/$name.out"; return; fi
    if [[ -f $EXP/$name.out ]]; then
        if ! diff -u "$EXP/$name.out" <(printf '%s\n' "$out") > diff.txt; then
            echo "FAIL $name: output differs"; sed 's/^/    /' diff.txt; fails=$((fails + 1)); return
        fi
    fi
    echo "ok   $name"
}

# contains NAME TEXT : the previous case's output must contain TEXT
has() {
    if ! "$STYR" "${@:3}" 2>&1 | grep -qF -- "$2"; then echo "FAIL $1: no '$2'"; fails=$((fails + 1)); else echo "ok   $1"; fi
    n=$((n + 1))
}

# file_has NAME TEXT FILE : FILE must contain TEXT
file_has() {
    if ! grep -qF -- "$2" "$3"; then echo "FAIL $1: no '$2' in $3"; fails=$((fails + 1)); else echo "ok   $1"; fi
    n=$((n + 1))
}

sha() { find "$1" -type f ! -name .lock -print0 | sort -z | xargs -0 sha256sum | sha256sum; }

run version 0 --version
has help-da "Afslutningskoder:" --help
has help-en "Exit codes:" --lang en --help
has help-import "person;uge;kommune;ydelse;tilbud[;timer]" import --help
has help-cmd-en "Usage: styr synth" help synth --lang en
run unknown-command 1 frobnicate
run unknown-option 1 --nope
run bad-lang 1 --lang fr --help
run info-missing 3 info -w missing.ws
run init 0 init ws --kommune 101
run init-again 3 init ws
run init-bad-kommune 1 init ws2 --kommune 999
run import-nofiles 1 import -w ws
# regression (issue 11): a FIFO blocked forever, a directory or /dev/zero said
# "No such file or directory"; each is refused by name, in the user's language
mkdir folder.csv && mkfifo pipe.csv
run import-not-regular 2 import -w ws folder.csv pipe.csv /dev/zero
run import-not-regular-en 2 --lang en import -w ws folder.csv

# reference tables from a directory: a bad row is reported and nothing is created
mkdir refdata && cp "$HERE"/../../data/*.csv refdata/
printf '9999;Nowhere;Hovedstaden\n147;Frederiksberg igen;Hovedstaden\n' >> refdata/kommuner.csv
run init-bad-data 2 init ws3 --data refdata
if [[ -e ws3 || -n $(ls -d ws3.tmp-* 2>/dev/null) ]]; then echo "FAIL init-bad-data left files"; fails=$((fails + 1)); fi
rm refdata/kommuner.csv
run init-missing-data 2 init ws3 --data refdata

cat > good.csv <<'CSV'
person;uge;kommune;ydelse;tilbud;timer
A;2024-W01;101;kontanthjaelp;;
A;2024-W02;101;kontanthjaelp;;
A;2024-W03;101;kontanthjaelp;;
A;2024-W04;101;kontanthjaelp;;
B;2024-W01;101;kontanthjaelp;praktik;
B;2024-W02;101;kontanthjaelp;praktik;
CSV
printf 'person;uge;kommune;ydelse;tilbud;timer\r\nA;2024-W54;101;dagpenge;;\r\nB;2024-W01;999;dagpenge;;\r\nC;2024-W01;101;kontant;;7,5\r\nA;2024-W01;101;dagpenge;;\r\nA;2024-W01;101;dagpenge;;\r\nD;2024-W02;101;dagpenge;;1000\r\n' > bad.csv
printf 'kommune;aar;alder;antal\n101;2024;30;100\n' > pop.csv

before=$(sha ws)
run import-check 0 import -w ws --check good.csv
run import-bad 2 import -w ws good.csv bad.csv
run import-bad-en 2 --lang en import -w ws bad.csv
if [[ $(sha ws) != "$before" ]]; then echo "FAIL all-or-nothing: the workspace changed"; fails=$((fails + 1)); else echo "ok   all-or-nothing"; fi
n=$((n + 1))
run import-good 0 import -w ws good.csv
run import-again 2 import -w ws good.csv
run figures-table 0 figures -w ws --kommune 101,land --ydelse kontanthjaelp,i_alt --periode 2024M01 --intern
run figures-json 0 figures -w ws --kommune 101 --ydelse kontanthjaelp --periode 2024M01,2024K1 --format json --intern
# a period wholly outside the panel has no data: exit 2 naming the span, never zeros or discretion
run figures-outside 2 figures -w ws --kommune 101 --ydelse kontanthjaelp --periode 2024M01,2024M02
run noegletal-outside 2 noegletal -w ws --kommune 101 --periode 2030
# partly outside: computed on the weeks covered and marked
has figures-partial '2024K1*' figures -w ws --kommune 101 --ydelse kontanthjaelp --periode 2024K1
has figures-partial-json '"ufuldstaendig":true' figures -w ws --kommune 101 --ydelse kontanthjaelp --periode 2024K1 --format json
run figures-json-discretion 0 figures -w ws --kommune 101 --ydelse kontanthjaelp --periode 2024M01 --format json
run figures-csv 0 figures -w ws --kommune 101 --ydelse kontanthjaelp --periode 2024M01 --format csv --intern --taellinger
run figures-en 0 --lang en figures -w ws --periode 2024M01
run figures-bad-period 1 figures -w ws --periode 2024M13
run figures-bad-group 1 figures -w ws --ydelse kontant
run figures-xlsx-needs-o 1 figures -w ws --format xlsx
run figures-xlsx 0 figures -w ws --periode 2024M01,2024K1 --format xlsx -o f.xlsx
if [[ $(head -c 2 f.xlsx) != PK ]]; then echo "FAIL figures-xlsx: not a zip"; fails=$((fails + 1)); fi
run money-table 0 money -w ws --kommune 101 --ydelse kontanthjaelp,i_alt --periode 2024M01 --intern
run money-compare 0 money -w ws --kommune 101 --ydelse kontanthjaelp --periode 2024M01 --intern --compare 2011,2016
run money-json 0 money -w ws --kommune 101 --ydelse kontanthjaelp --periode 2024M01 --format json --intern --regime 2016
run money-json-discretion 0 money -w ws --kommune 101 --ydelse kontanthjaelp --periode 2024M01 --format json --regime 2010
run money-csv 0 money -w ws --kommune 101 --ydelse kontanthjaelp --periode 2024M01 --format csv --intern --compare 2010,auto
run money-en 0 --lang en money -w ws --kommune 101 --ydelse i_alt --periode 2024M01 --intern
run money-bad-regime 1 money -w ws --regime 2012
run money-bad-compare 1 money -w ws --compare 2016
run money-same-compare 1 money -w ws --compare 2016,2016

# budget: import (all or nothing), follow-up with a drift warning, the template round trip
cat > budget.csv <<'CSV'
kommune;aar;ydelse;fuldtidspersoner;pris;aktiveringsgrad;udgift_pr_tilbud
101;2024;kontanthjaelp;1;10.000;25;4.000
CSV
printf 'kommune;aar;ydelse;fuldtidspersoner;pris;personer;varighed;farve;m01;m02\n101;2024;kontant;1;10.000;;;;;\n101;2023;kontanthjaelp;x;-5;;;;1;\n101;2024;dagpenge;10;1.000;4;52;;;\n' > budget-bad.csv
printf 'kommune;aar;ydelse;fuldtidspersoner;pris\n101;2024;dagpenge;1;1\n101;2024;dagpenge;2;2\n' > budget-dup.csv
before=$(sha ws)
run budget-import-bad 2 budget import -w ws budget-bad.csv
run budget-import-dup 2 budget import -w ws budget-dup.csv
if [[ $(sha ws) != "$before" ]]; then echo "FAIL budget all-or-nothing: the workspace changed"; fails=$((fails + 1)); else echo "ok   budget all-or-nothing"; fi
n=$((n + 1))
run budget-none 1 budget opfoelgning -w ws --maaned 2024M01
run budget-import 0 budget import -w ws budget.csv
run budget-followup 0 budget opfoelgning -w ws --maaned 2024M01 --intern
run budget-followup-discretion 0 budget opfoelgning -w ws --maaned 2024M01
run budget-followup-json 0 budget opfoelgning -w ws --maaned 2024M01 --intern --format json
run budget-followup-en 0 --lang en budget opfoelgning -w ws --maaned 2024M01 --intern --graense 500
run budget-bad-month 1 budget opfoelgning -w ws --maaned 2024K1
# issue 12: a month the panel does not cover has no actuals: exit 2, never 0, '..' or "no deviation"
run budget-beyond-panel 2 budget opfoelgning -w ws --maaned 2024M06 --intern
run budget-bad-sub 1 budget frobnicate -w ws
run budget-export-csv 0 budget export -w ws --aar 2024 -o t1.csv
run budget-reimport 0 budget import -w ws t1.csv
run budget-export-again 0 budget export -w ws --aar 2024 -o t2.csv
if ! cmp -s t1.csv t2.csv; then echo "FAIL budget round trip: the template changed"; fails=$((fails + 1)); else echo "ok   budget round trip (csv)"; fi
n=$((n + 1))
run budget-export-xlsx 0 budget export -w ws --aar 2024 -o t.xlsx
if [[ $(head -c 2 t.xlsx) != PK ]]; then echo "FAIL budget-export-xlsx: not a zip"; fails=$((fails + 1)); fi
# the XLSX opens in LibreOffice and its Budget sheet, saved as CSV, imports again
if command -v soffice >/dev/null; then
    n=$((n + 1))
    if soffice --headless --convert-to csv --outdir lo t.xlsx >/dev/null 2>&1 && [[ -s lo/t.csv ]] &&
        "$STYR" budget import -w ws lo/t.csv >/dev/null 2>&1 && "$STYR" budget export -w ws --aar 2024 -o t3.csv >/dev/null &&
        cmp -s t1.csv t3.csv; then
        echo "ok   budget round trip (xlsx through LibreOffice)"
    else
        echo "FAIL budget round trip through LibreOffice"; cat lo/t.csv 2>/dev/null; fails=$((fails + 1))
    fi
else
    echo "skip budget round trip through LibreOffice (soffice is not installed)"
fi
run noegletal-discretion 0 noegletal -w ws --kommune 101 --periode 2024M01
run noegletal-intern 0 noegletal -w ws --periode 2024M01 --intern
run noegletal-intern-other 1 noegletal -w ws --kommune 461 --periode 2024M01 --intern
run noegletal-bad-period 1 noegletal -w ws --kommune 101 --periode 2024M13
run init-demo 0 init demo.ws
run synth-demo 0 synth -w demo.ws --persons 400 --seed 5
has info "personer" info -w demo.ws
# issue 12: a second synth on a filled workspace is one line (exit 3), a real import too
run synth-again 3 synth -w demo.ws --persons 400 --seed 5
run synth-on-import 3 synth -w ws --persons 400 --seed 6
has help-synth-files "tabellen befolkning i katalog.sqlite" synth --help
run synth-both 1 synth -w demo.ws --persons 400 --hele-landet
run init-nokom 0 init nokom.ws
run synth-fuld-no-own 1 synth -w nokom.ws --fuld-skala
# full scale for one municipality (Langeland), the rest at 1 pct., no burn-in and a short one
run synth-fuld 0 synth -w nokom.ws --fuld-skala=482 --stikproeve 1 --from 2023 --to 2024 --indsvingning 5 --seed 2
run synth-fuld-figures 0 figures -w nokom.ws --kommune 482 --ydelse i_alt --periode 2024 --format csv

# a synthetic municipality against its cluster: the staircase and what could be freed
run init-odense 0 init big --kommune 461
run synth-odense 0 synth -w big --persons 30000 --seed 5
run money-potential 0 money -w big --ydelse i_alt --periode 2024
run money-potential-compare 0 money -w big --ydelse i_alt --periode 2016 --compare 2010,2016

# investment cases: the duration from the data, or given, and a case that does not pay
run invest-praktik 0 invest -w big --ydelse kontanthjaelp --tilbud praktik --personer 40 --pris 15.000 --effekt-uger 8
run invest-json 0 invest -w big --ydelse sygedagpenge --tilbud vejledning --personer 20 --pris 20000 --effekt-pct 20 --start-uge 10 --format json
run invest-2011-en 0 --lang en invest -w big --ydelse kontanthjaelp --tilbud praktik --personer 40 --pris 15.000 --effekt-uger 8 --regime 2011 --varighed 60
run invest-missing 1 invest -w big --ydelse kontanthjaelp --tilbud praktik --personer 40
run invest-bad-offer 1 invest -w big --ydelse kontanthjaelp --tilbud kursus --personer 40 --pris 1 --effekt-uger 1

# the cluster benchmark and expected against actual
run compare-cluster 0 compare -w big --periode 2024
run compare-money-json 0 compare -w big --figur netto_pr_indbygger_18_64 --periode 2024 --format json
run compare-adhoc-en 0 --lang en compare -w big --figur varighed --ydelse sygedagpenge --klynge 101,147 --periode 2024
run compare-csv 0 compare -w big --figur langvarige --ydelse sygedagpenge --periode 2024 --format csv
run compare-bad-figure 1 compare -w big --figur andel
run compare-bad-group 1 compare -w big --ydelse alle
run compare-model 0 compare -w big --model --periode 2024
printf 'kommune;ledighed\n101;4,1\n147;3,9\n151;3,0\n153;3,2\n155;2,8\n157;1,9\n' > rv.csv
run compare-model-file 0 compare -w big --model --rammevilkaar rv.csv --periode 2024 --format json
printf 'kommune;ledighed\n101;4,1\n147;tre\n999;3,0\n' > rv-bad.csv
run compare-model-bad-file 2 compare -w big --model --rammevilkaar rv-bad.csv --periode 2024

# scorecards and result goals
run scorecard 0 scorecard -w big --periode 2024
run scorecard-json 0 scorecard -w big --ydelse sygedagpenge --periode 2024M09R12 --format json
run scorecard-en 0 --lang en scorecard -w big --ydelse i_alt --periode 2024 --intern
run goals-none 0 goals -w big
# issue 11: without goals, --format json is an empty list, not a sentence (the API answered 200 with no JSON)
run goals-none-json 0 goals -w big --format json
run goals-add-cluster 0 goals add -w big --ydelse dagpenge --figur andel_befolkning --maal klynge --aar 2024 --enhed "Team A"
run goals-add-change 0 goals add -w big --ydelse sygedagpenge --figur langvarige --maal -10% --aar 2024 --tekst "Færre langvarige sygedagpengeforløb"
run goals-add-min 0 goals add -w big --ydelse i_alt --figur i_job_3mdr --maal ">=40" --aar 2025
run goals-add-bad 1 goals add -w big --ydelse dagpenge --figur andel_befolkning --maal "under" --aar 2024
run goals-list 0 goals list -w big
run goals-followup 0 goals -w big
run goals-json 0 goals opfoelgning -w big --format json
run goals-add-offer 0 goals add -w big --ydelse kontanthjaelp --tilbud praktik --figur i_job_3mdr --maal ">=40" --aar 2024
# issue 12: a figure that means nothing for the group is neither a goal nor compared
run goals-add-na 1 goals add -w big --ydelse foertidspension --figur langvarige --maal "<=10" --aar 2024
run compare-na 1 compare -w big --figur i_job_3mdr --ydelse fleksjob
run goals-add-offer-bad 1 goals add -w big --ydelse kontanthjaelp --tilbud praktik --figur varighed --maal ">=40" --aar 2024
run goals-offer-followup 0 goals -w big
run goals-remove 0 goals remove -w big 3
run goals-remove-again 1 goals remove -w big 3

# the profile in words
run profil 0 profil -w big --periode 2024
run profil-en-json 0 --lang en profil -w big --periode 2024 --format json
run profil-bad-kommune 1 profil -w big --kommune 998

# offers, their effect and the case review sample
run offers-table 0 offers -w big --ydelse kontanthjaelp,sygedagpenge --periode 2024
run offers-alder-json 0 offers -w big --kommune land --ydelse sygedagpenge --alder --format json --periode 2024
run offers-csv 0 offers -w big --kommune 101 --ydelse dagpenge --format csv --periode 2024
run offers-intern-other 1 offers -w big --kommune 101 --intern
run effect-table 0 effect -w big --ydelse kontanthjaelp,dagpenge --tilbud praktik,vejledning --periode 2023
run effect-json 0 effect -w big --ydelse kontanthjaelp --tilbud praktik --format json --periode 2023
run effect-pris-en 0 --lang en effect -w big --ydelse kontanthjaelp --tilbud praktik,loentilskud --pris praktik=15.000,loentilskud=40.000 --periode 2023
run effect-bad-offer 1 effect -w big --tilbud kursus
run effect-bad-price 1 effect -w big --pris praktik
run sample-needs-intern 1 sample -w big --ydelse kontanthjaelp
run sample 0 sample -w big --ydelse kontanthjaelp --intern -n 10 -o gennemgang.xlsx
"$STYR" sample -w big --ydelse kontanthjaelp --intern -n 10 > again.txt 2>&1
"$STYR" sample -w big --ydelse kontanthjaelp --intern -n 10 > again2.txt 2>&1
n=$((n + 1)); if cmp -s again.txt again2.txt; then echo "ok   sample-reproducible"; else echo "FAIL sample-reproducible"; fails=$((fails + 1)); fi
run init-planted 0 init planted
run synth-planted 0 synth -w planted --persons 20000 --seed 3 --effekt praktik=10,loentilskud=15
run synth-bad-effect 1 synth -w planted --persons 10 --effekt praktik
# the true effect beside the estimate, and the estimate's checks (issue 15)
run effect-sand 0 effect -w planted --ydelse kontanthjaelp,dagpenge --tilbud praktik,vejledning --periode 2023 --sand planted/sand-effekt.csv
run effect-sand-csv 0 effect -w planted --ydelse kontanthjaelp --tilbud praktik --periode 2023 --sand planted/sand-effekt.csv --format csv
run effect-diagnostik 0 effect -w planted --ydelse kontanthjaelp,dagpenge --tilbud praktik --periode 2023 --diagnostik
run effect-diagnostik-json 0 effect -w planted --ydelse dagpenge --tilbud praktik --periode 2023 --diagnostik --format json
run effect-sand-missing 2 effect -w planted --sand planted/findes-ikke.csv
printf 'ydelse;tilbud;aar;uger\nkontanthjaelp;kursus;2023;13\n' > bad-sand.csv
run effect-sand-bad 2 effect -w planted --sand bad-sand.csv
run init-zero 0 init zero
run synth-zero-selection 0 synth -w zero --persons 3000 --seed 4 --effekt praktik=0 --effekt-selektion
file_has synth-zero-truth ";praktik;2020;13;" zero/sand-effekt.csv

# the committee's report
export SOURCE_DATE_EPOCH=1798000000
run goals-add-2025 0 goals add -w big --ydelse dagpenge --figur andel_befolkning --maal klynge --aar 2025
run report 0 report -w big --periode 2024 -o rapport.html --xlsx rapport.xlsx
file_has report-title "Opfølgning på beskæftigelsesindsatsen i Odense Kommune" rapport.html
file_has report-date "Dannet 2026-12-23" rapport.html
file_has report-scorecard "Fastholdt i job" rapport.html
# issue 12: the 2025 goal has no data: "ingen data", never a green "nået"
file_has report-goal-nodata '<span class="status ingen_data">ingen data</span>' rapport.html
if grep -qiE '(-?nan|-?inf)( |<| pct)' rapport.html; then echo "FAIL report-nan: NaN or inf in rapport.html"; fails=$((fails + 1)); fi
has report-en "Follow-up on the employment effort in Odense" --lang en report -w big --periode 2024
run report-effekt 0 report -w big --periode 2024 --effekt -o rapport-effekt.html
file_has report-effekt-section "Effekt af tilbud" rapport-effekt.html
run report-pdf-needs-o 1 report -w big --pdf r.pdf
run report-bad-period 1 report -w big --periode 2024M13
# issue 12 §5: the report says when its data are synthetic, the trappe table sums, the development month by month
file_has report-synthetic "Syntetiske data" rapport.html
file_has report-trappe-outside "Uden for trappen" rapport.html
file_has report-development "Udviklingen måned for måned" rapport.html
"$STYR" report -w big --periode 2024K2 -o rapport-k2.html 2>/dev/null
file_has report-period-words "2. kvartal 2024" rapport-k2.html
has figures-udvikling "År til dato (januar-juni 2024)" figures -w big --udvikling --kommune 461 --periode 2024M06
has figures-udvikling-groups "Sygedagpenge" figures -w big --udvikling --kommune 461
has figures-udvikling-csv "kommune;kommunenavn;ydelse;figur;periode;periode_tekst;sammenlignet_med;vaerdi;aaret_foer;aendring" \
    figures -w big --udvikling --kommune 461 --format csv
has figures-udvikling-json '"aar_til_dato"' figures -w big --udvikling --kommune 461 --format json --figur varighed
has figures-udvikling-en "Year to date" --lang en figures -w big --udvikling --kommune 461
run figures-udvikling-bad-figure 1 figures -w big --udvikling --figur ingen
run figures-udvikling-xlsx 1 figures -w big --udvikling --format xlsx -o u.xlsx
run figures-figur-needs-udvikling 1 figures -w big --figur varighed
unset SOURCE_DATE_EPOCH

# issue 12 §4: a wrong value names what was meant and what is valid (exit 1)
run msg-ydelse-alias 1 figures -w big --ydelse a-dagpenge
run msg-ydelse-alias-en 1 --lang en figures -w big --ydelse kontant,i_alt
run msg-ydelse-one 1 compare -w big --ydelse dagpenge,i_alt
run msg-periode-dash 1 figures -w big --periode 2024-06
run msg-periode-week 1 noegletal -w big --periode 2024W05
run msg-periode-range-one 1 compare -w big --periode 2023..2024
run msg-maaned-quarter 1 budget opfoelgning -w big --maaned 2024Q2
run msg-periode-q-en 1 --lang en figures -w big --periode 2024Q5
# 2024Q2 (as jobindsats.dk writes it) and 2024M6 are read as 2024K2 and 2024M06
has periode-q "2024K2   Odense" figures -w big --kommune 461 --ydelse i_alt --periode 2024Q2,2024M6
has periode-m "2024M06  Odense" figures -w big --kommune 461 --ydelse i_alt --periode 2024Q2,2024M6
# --kommune takes names: case, blanks, hyphens and æ/ø/å as ae/oe/aa do not matter
has kommune-name "Høje-Taastrup  Offentligt" figures -w big --kommune "Odense,hoeje-taastrup,LAND" --ydelse i_alt --periode 2024
has kommune-name-land "Hele landet" figures -w big --kommune "Odense,hoeje-taastrup,LAND" --ydelse i_alt --periode 2024
has kommune-name-compare "Høje-Taastrup Kommune (169)" compare -w big --kommune "Høje Taastrup kommune" --periode 2024
run msg-kommune-nearest 1 compare -w big --kommune Odence
run msg-kommune-nearest-en 1 --lang en figures -w big --kommune 101,Aarhuus
run msg-kommune-land 1 scorecard -w big --kommune land
run msg-klynge 1 compare -w big --klynge 101,Frederiksbjerg
run msg-figur 1 compare -w big --figur langvarig
run msg-figur-goals 1 goals add -w big --ydelse dagpenge --figur andel --maal klynge --aar 2024
run msg-tilbud 1 effect -w big --tilbud loentilskud,praktikk
run msg-format 1 figures -w big --format excel
run msg-format-no-xlsx 1 offers -w big --format xlsx
run msg-xlsx-money 1 money -w big --format xlsx
run msg-xlsx-budget 1 budget export -w big --aar 2024
run msg-listen 1 serve -w big --listen 8733
run msg-listen-en 1 --lang en serve -w big --listen localhost:8080
# one message when the municipality is missing: --kommune "" or 0, or no own municipality
run msg-kommune-empty 1 compare -w big --kommune ""
run msg-kommune-zero 1 noegletal -w big --kommune 0
run msg-kommune-none 1 scorecard -w planted
run msg-kommune-none-goals 1 goals -w planted
run msg-kommune-none-budget 1 budget opfoelgning -w planted --maaned 2024M06
run msg-kommune-none-invest 1 invest -w planted --ydelse kontanthjaelp --tilbud praktik --personer 40 --pris 15.000 --effekt-uger 8
run msg-kommune-none-en 1 --lang en profil -w planted
# getopt's messages in the user's language, with the command and a hint to --help
run msg-option-unknown 1 figures -w big --kommnue 461
run msg-option-unknown-en 1 --lang en compare -w big --frobnicate
run msg-option-missing 1 figures -w big --periode
run msg-option-short 1 sample -w big -n
run msg-option-no-value 1 scorecard -w big --intern=ja
run msg-option-ambiguous 1 compare -w big --k 461
# a short token is an input error of the tokens file, not of an import: no "Intet er skrevet"
printf 'kort 461\n' > short-tokens.txt
run msg-token-short 2 serve -w big --tokens short-tokens.txt
run msg-token-short-en 2 --lang en serve -w big --tokens short-tokens.txt
# the values the options take
has info-codes "Høje-Taastrup" info -w big --koder
has info-codes-figures "langvarige" info -w big --koder
has info-codes-en "Unemployment insurance benefit" --lang en info -w big --koder
# English names of groups and offers
has offers-en "Work placement" --lang en offers -w big --ydelse kontanthjaelp --periode 2024
has sample-en "Case review: Social assistance" --lang en sample -w big --ydelse kontanthjaelp --intern -n 5

# the cases of one area each, in files of their own (tests/cli/cases/*.sh),
# run in this shell with run/has/file_has/sha and HERE, EXP, STYR at hand;
# each starts in a directory of its own under the scratch directory
for f in "$HERE"/cases/*.sh; do
    [[ -e $f ]] || continue
    mkdir -p "$WORK/$(basename "$f" .sh)" && cd "$WORK/$(basename "$f" .sh)" || exit 1
    # shellcheck source=/dev/null
    source "$f"
    cd "$WORK" || exit 1
done

echo "$((n - fails))/$n CLI cases passed"
((fails == 0))
