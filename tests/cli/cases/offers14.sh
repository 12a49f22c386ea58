# offers14: styr offers by target group, origin and unit (issue 14 §1), with
# discretion that holds across the categories. A hand-made panel, kontanthjælp
# 2024, praktik in weeks 5-10 of a spell of weeks 1-20 (so every offer starts
# and ends in 2024, in the category of its weeks); a job week in 2025-W52 ends
# the panel:
#   København (101)  J01-J12 jobparat, Team Nord, born 1970, dansk
#                    U01-U06 jobparat, Team Nord, born 2000 (unge), dansk
#                    K01-K03 aktivitetsparat, Team Syd, born 1970,
#                            indvandrer_ikke_vestlig arrived 2018 (flygtninge)
#   147, 151, 153, 155 (each) 10 jobparat and 10 aktivitetsparat, born 1970,
#                    dansk, no unit
# By hand, København, praktik, all ages: the whole 21 started, 21 ended
# (published); jobparat 18; aktivitetsparat 3 (1-4 persons: hidden, and
# jobparat - the partner with the most offers in the hypercube's cells -
# hidden with it, for else 21 - 18 = 3). flygtninge and Team Syd are K01-K03,
# only in København, so no hypercube within them: their rows (municipalities,
# clusters, the country) are hidden, and so are their partners' (not refugees;
# Team Nord, with the most in København). unge are U01-U06: 6 started, 6
# ended. Every praktik lasts 6
# weeks of the spell's 20 (30,0 pct. of the full-time recipients), starts in
# spell week 5 and is followed by nothing (selvforsørget 3 months after).
printf '#!/usr/bin/env bash\n"%s" "$@" 2>&1 | sed -E "s/\\b[0-9a-f]{16}\\b/<panel>/g"; exit "${PIPESTATUS[0]}"\n' "$STYR" > styrp
chmod +x styrp
"$STYR" init ws --kommune 101 >/dev/null
{
    echo "person;uge;kommune;ydelse;tilbud;timer;visitation;enhed"
    one() { # person municipality visitation unit
        for w in $(seq 1 20); do
            local tb=""
            ((w >= 5 && w <= 10)) && tb=praktik
            printf '%s;2024-W%02d;%s;kontanthjaelp;%s;;%s;%s\n' "$1" "$w" "$2" "$tb" "$3" "$4"
        done
    }
    for i in $(seq -w 1 12); do one "J$i" 101 jobparat "Team Nord"; done
    for i in $(seq -w 1 6); do one "U0$i" 101 jobparat "Team Nord"; done
    for i in 1 2 3; do one "K0$i" 101 aktivitetsparat "Team Syd"; done
    for k in 147 151 153 155; do
        for i in $(seq -w 1 10); do one "J$k$i" "$k" jobparat ""; one "A$k$i" "$k" aktivitetsparat ""; done
    done
    echo "Z;2025-W52;101;;;37;;"
} > panel.csv
{
    echo "person;foedt;koen;oprindelse;indrejst"
    for i in $(seq -w 1 12); do echo "J$i;1970-01-01;K;dansk;"; done
    for i in $(seq 1 6); do echo "U0$i;2000-01-01;K;dansk;"; done
    for i in 1 2 3; do echo "K0$i;1970-01-01;M;indvandrer_ikke_vestlig;2018"; done
    for k in 147 151 153 155; do for i in $(seq -w 1 10); do echo "J$k$i;1970-01-01;K;dansk;"; echo "A$k$i;1970-01-01;M;dansk;"; done; done
    echo "Z;1990-01-01;M;;"
} > personer.csv
"$STYR" import -w ws panel.csv personer.csv >/dev/null
O="offers -w ws --periode 2024 --ydelse kontanthjaelp"
run offers14-whole 0 $O
run offers14-jobparat 0 $O --maalgruppe jobparat
run offers14-aktivitetsparat 0 $O --maalgruppe aktivitetsparat
# alternatives of one kind add up: the union's cells are hidden where any of its categories' are
run offers14-union 0 $O --maalgruppe jobparat,aktivitetsparat
run offers14-unge 0 $O --maalgruppe unge
run offers14-flygtninge 0 $O --maalgruppe flygtninge
run offers14-enhed 0 $O --enhed "Team Nord"
run offers14-land-csv 0 offers -w ws --periode 2024 --ydelse kontanthjaelp --kommune land --maalgruppe jobparat --format csv
run offers14-oprindelse-json 0 offers -w ws --periode 2024 --ydelse kontanthjaelp --kommune 147 --oprindelse dansk --format json
run offers14-jobparat-155 0 $O --kommune 155 --maalgruppe jobparat --alder
run offers14-en 0 --lang en $O --kommune 147 --maalgruppe aktivitetsparat
# the own municipality's exact figures (--intern)
run offers14-intern 0 $O --maalgruppe aktivitetsparat --intern
# one kind at a time; unknown values named
run offers14-two-kinds 1 $O --maalgruppe unge,aktivitetsparat
run offers14-two-options 1 $O --maalgruppe jobparat --enhed "Team Nord"
run offers14-bad 1 $O --maalgruppe joobparat
