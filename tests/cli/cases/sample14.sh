# sample14: the case review closed (issue 14 §4): styr sample writes a sheet that
# identifies its sample, styr sample import checks a filled one against a re-draw
# (all or nothing), styr sample resultat summarises it. A hand-made panel for
# København, kontanthjælp, all spells current in the panel's last week 2024-W52:
#   P01-P06  8 weeks (2024-W45..W52), no offer      stratum 3  (1-13 uger, intet tilbud)
#   P07-P09  20 weeks, praktik in the last 4          stratum 4  (14-26 uger, i tilbud nu)
#   P10-P12  60 weeks (from 2023-W45), no offer       stratum 12 (53-104 uger, intet tilbud)
# n = 6 over N = 6, 3, 3: quotas 3; 1,5; 1,5 -> 3, 1, 1 and the last case to the
# first of the tied remainders: 3, 2, 1 (cases 1-3 stratum 3, 4-5 stratum 4, 6
# stratum 12). tests/cli/data/fill_review.py marks cases 1-5 reviewed (case 6 not:
# stratum 12 has no reviewed case, coverage 9/12 = 75,0 pct.) and answers
#   til_tiden            cases 1, 3, 5     3/5; stratum 3: 2/3, stratum 4: 1/2
#   virksomhedsrettet    cases 1, 2, 3     3/5; 3/3, 0/2
#   sundhed              cases 1-5         5/5; 3/3, 2/2
#   the other three      none              0/5
# By hand: 3/5 = 60,0 pct., Wilson [23,1; 88,2]; til_tiden stratified p_st = 6/9 x 2/3
# + 3/9 x 1/2 = 61,1 pct., V = (6/9)^2 (1 - 3/6)(3/2 x 2/9)/3 + (3/9)^2 (1 - 2/3)(2 x
# 1/4)/2 = 0,033951, SE 18,4; n_eff = 7,0 capped at 5: Wilson(0,611; 5) = [23,8; 88,8].
# virksomhedsrettet p_st = 6/9 = 66,7, V = 0 (both strata all or none), n_eff = 5:
# [27,5; 91,3], never [66,7; 66,7]. 5/5 = 100,0 [56,6; 100,0]; 0/5 = 0,0 [0,0; 43,4].
FILL="python3 $HERE/data/fill_review.py"
# the panel's checksum follows the panel file's format: goldens show <panel>
printf '#!/usr/bin/env bash\n"%s" "$@" 2>&1 | sed -E "s/\\b[0-9a-f]{16}\\b/<panel>/g"; exit "${PIPESTATUS[0]}"\n' "$STYR" > styrp
chmod +x styrp
STYRP=$PWD/styrp
dump() { python3 -c "import sqlite3,sys; print('\n'.join(sqlite3.connect(sys.argv[1]).iterdump()))" ws/katalog.sqlite; }
"$STYR" init ws --kommune 101 >/dev/null
{
    echo "person;uge;kommune;ydelse;tilbud;timer"
    for p in 01 02 03 04 05 06; do for w in $(seq 45 52); do printf 'P%s;2024-W%02d;101;kontanthjaelp;;\n' "$p" "$w"; done; done
    for p in 07 08 09; do
        for w in $(seq 33 48); do printf 'P%s;2024-W%02d;101;kontanthjaelp;;\n' "$p" "$w"; done
        for w in $(seq 49 52); do printf 'P%s;2024-W%02d;101;kontanthjaelp;praktik;\n' "$p" "$w"; done
    done
    for p in 10 11 12; do
        for w in $(seq 45 52); do printf 'P%s;2023-W%02d;101;kontanthjaelp;;\n' "$p" "$w"; done
        for w in $(seq 1 52); do printf 'P%s;2024-W%02d;101;kontanthjaelp;;\n' "$p" "$w"; done
    done
} > panel.csv
"$STYR" import -w ws panel.csv >/dev/null
run sample14-sheet 0 sample -w ws --ydelse kontanthjaelp --intern -n 6 -o ark.xlsx
"$STYR" sample -w ws --ydelse kontanthjaelp --intern -n 6 -o ark.csv >/dev/null 2>&1
file_has sample14-sheet-seed "Frø;1;" ark.csv
file_has sample14-sheet-head "Nr.;Person;Lag-nr.;Lag;Forløbet startede;Uger;Tilbud nu;Gennemgået;Ret indsats til tiden;Virksomhedsrettet tilbud;Relevant sygdomsbehandling/sundhed;Tværfaglig koordinering;Borgerens egne mål;Sagsbehandlingsfejl;Note" ark.csv
run sample14-no-review 1 sample resultat -w ws --intern
# refusals: each names file, row and column; the catalog is the same afterwards
dump > before.sql
$FILL ark.xlsx seed.xlsx "Frø=1:2"
run sample14-wrong-seed 2 sample import -w ws seed.xlsx
$FILL ark.csv id.csv "2=Person:P99"
run sample14-changed-id 2 sample import -w ws id.csv
$FILL ark.csv stratum.csv "4=Lag-nr.:3"
run sample14-changed-stratum 2 sample import -w ws stratum.csv
$FILL ark.xlsx col.xlsx "drop=Borgerens egne mål"
run sample14-missing-column 2 sample import -w ws col.xlsx
$FILL ark.xlsx answer.xlsx "3=Virksomhedsrettet tilbud:måske"
run sample14-bad-answer 2 sample import -w ws answer.xlsx
run sample14-bad-answer-en 2 --lang en sample import -w ws answer.xlsx
$FILL ark.csv panel.csv "Panel (kontrolsum)=1:0123456789abcdef"
STYR=$STYRP run sample14-other-panel 2 sample import -w ws panel.csv
grep -v '^6;' ark.csv > missing.csv
$FILL missing.csv missing2.csv
run sample14-missing-case 2 sample import -w ws missing2.csv
$FILL ark.csv extra.csv
printf '7;P01;3;;;;;x;;;;;;;\r\n' >> extra.csv
run sample14-extra-case 2 sample import -w ws extra.csv
$FILL ark.csv rev.csv "6=Sagsbehandlingsfejl:x"
run sample14-not-reviewed 2 sample import -w ws rev.csv
dump > after.sql
n=$((n + 1)); if cmp -s before.sql after.sql; then echo "ok   sample14-all-or-nothing"; else echo "FAIL sample14-all-or-nothing"; fails=$((fails + 1)); fi
# the round trip: XLSX in, the result out in every format
$FILL ark.xlsx udfyldt.xlsx
run sample14-import-xlsx 0 sample import -w ws udfyldt.xlsx
STYR=$STYRP run sample14-resultat 0 sample resultat -w ws --intern
STYR=$STYRP run sample14-resultat-json 0 sample resultat -w ws --intern --format json
run sample14-resultat-csv 0 sample resultat -w ws --intern --format csv
STYR=$STYRP run sample14-resultat-en 0 --lang en sample resultat -w ws --intern
run sample14-resultat-needs-intern 1 sample resultat -w ws
run sample14-resultat-html 0 sample resultat -w ws --intern --format html -o resultat.html
file_has sample14-html-a4 "@page{size:A4 landscape" resultat.html
file_has sample14-html-intern "INTERNT: kommunens egen sagsgennemgang" resultat.html
run sample14-resultat-xlsx 0 sample resultat -w ws --intern --format xlsx -o resultat.xlsx
# no person id and no note in any result
n=$((n + 1))
if cat resultat.html <("$STYR" sample resultat -w ws --intern --format json) <("$STYR" sample resultat -w ws --intern --format csv) \
    <(unzip -p resultat.xlsx) | grep -qE 'P(0[1-9]|1[0-2])\b|ryg'; then
    echo "FAIL sample14-no-persons"; fails=$((fails + 1))
else echo "ok   sample14-no-persons"; fi
# the same answers as CSV saved in Windows-1252 with ',' give the same result; a
# second import of the sample replaces the first
"$STYR" sample resultat -w ws --intern --format json > r1.json
$FILL --sep , --enc cp1252 ark.csv udfyldt.csv
run sample14-import-csv-cp1252 0 sample import -w ws udfyldt.csv
"$STYR" sample resultat -w ws --intern --format json | sed 's/udfyldt\.csv/udfyldt.xlsx/' > r2.json
n=$((n + 1)); if cmp -s r1.json r2.json; then echo "ok   sample14-csv-same-result"; else echo "FAIL sample14-csv-same-result"; diff r1.json r2.json | head; fails=$((fails + 1)); fi
