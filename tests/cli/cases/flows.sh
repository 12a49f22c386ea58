# flows (issue 14 §2): where spells went, where they came from, moves, and the status
# "i uddannelse". A hand-made panel for København (101), 2024; the panel's last week
# is 2025-W10 (Z, a job week in Hjørring):
#   U1-U20  kontanthjaelp W01-W20, then SU (ydelse su) W21-W40
#   J1-J15  dagpenge W05-W24, then a job (hours) W25-W50
#   G1-G8   sygedagpenge W01-W10, nothing W11-W22, kontanthjaelp W23-W40
#   F1-F5   kontanthjaelp W01-W10 in 101, then dagpenge W11-W30 in Aarhus (751)
#   M1-M6   dagpenge W01-W10 in Aarhus, then dagpenge W11-W30 in 101
#   N1-N2   kontanthjaelp W45-W50
# By hand, all public support in 101: 59 spells end in 2024 (U 20, J 15, G 8 + 8,
# M 6, N 2; F's end in Aarhus). 4 weeks after: 20 in education, 15 in work, 24
# self-supporting. 13 weeks after: 20 education, 15 work, 8 on kontanthjælp (G),
# 14 self-supporting, 2 not yet measurable (N: 2025-W11) - 2 is on 1-4 persons,
# so it is hidden, and so is what would give it away. 59 spells start: 34 in the
# panel's first week (before the panel), 25 self-supporting 4 weeks before.
# Moves: 6 in (dagpenge -> dagpenge), 5 out (kontanthjælp -> dagpenge); full-time
# persons 6 x 20 / 52 = 2,3 gained, 5 x 20 / 52 = 1,9 lost, net 20 / 52 = 0,4.
# Status after for kontanthjælp in 101: 35 spells end there (U 20, G 8, N 2, and F's 5,
# which end in W10 before the move). 4 weeks after: U in education, G and N
# self-supporting, F on dagpenge (in Aarhus: status does not look at the place):
# i uddannelse 20 / 35 = 57,1 pct., selvforsørget 30 / 35 = 85,7 pct.; 13 weeks
# after N is not yet measurable: 20 / 33 = 60,6 pct. in education.
"$STYR" init ws --kommune 101 >/dev/null
{
    echo "person;uge;kommune;ydelse;tilbud;timer"
    wk() { local p=$1 k=$2 y=$3 a=$4 b=$5 t=$6; for w in $(seq "$a" "$b"); do printf '%s;2024-W%02d;%s;%s;;%s\n' "$p" "$w" "$k" "$y" "$t"; done; }
    for i in $(seq 1 20); do wk U$i 101 kontanthjaelp 1 20 0; wk U$i 101 su 21 40 0; done
    for i in $(seq 1 15); do wk J$i 101 dagpenge 5 24 0; wk J$i 101 "" 25 50 37; done
    for i in $(seq 1 8); do wk G$i 101 sygedagpenge 1 10 0; wk G$i 101 kontanthjaelp 23 40 0; done
    for i in $(seq 1 5); do wk F$i 101 kontanthjaelp 1 10 0; wk F$i 751 dagpenge 11 30 0; done
    for i in $(seq 1 6); do wk M$i 751 dagpenge 1 10 0; wk M$i 101 dagpenge 11 30 0; done
    for i in 1 2; do wk N$i 101 kontanthjaelp 45 50 0; done
    echo "Z;2025-W10;860;;;37"
} > panel.csv
"$STYR" import -w ws panel.csv >/dev/null
run flows-table 0 flows -w ws --kommune 101 --periode 2024
run flows-en 0 --lang en flows -w ws --kommune 101 --periode 2024
run flows-csv 0 flows -w ws --kommune 101 --periode 2024 --format csv
run flows-json 0 flows -w ws --kommune 101 --periode 2024 --ydelse kontanthjaelp --format json
# the education group is no benefit group: refused as --ydelse, shown when named in figures
run flows-bad-group 1 flows -w ws --kommune 101 --periode 2024 --ydelse uddannelse
run flows-no-kommune 1 flows -w ws --periode 2024 --kommune 999
run flows-status-udd 0 figures -w ws --kommune 101 --periode 2024 --intern --ydelse kontanthjaelp,uddannelse --format csv
# the report's flows section: the Sankey chart, and the lead with the total of 59
run flows-report 0 report -w ws --kommune 101 --periode 2024 -o rapport.html
file_has flows-report-chart 'data-chart="stroemme"' rapport.html
file_has flows-report-lead "59 forløb på offentlig forsørgelse sluttede i København i 2024" rapport.html
run flows-intern-other 1 flows -w ws --kommune 751 --periode 2024 --intern
# a period the panel does not touch: no data (exit 2), never a table of zeros
run flows-outside 2 flows -w ws --kommune 101 --periode 2030
# 2025: the panel ends in W10, so the figures are for the weeks covered, and say so
has flows-incomplete "Panelet dækker kun en del af perioden" flows -w ws --kommune 101 --periode 2025
