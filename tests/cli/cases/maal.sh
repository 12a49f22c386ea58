# maal: target groups, origin and units (issue 14 §1). A hand-made panel for
# København (101), 2024; months by the Thursday (W01-W04 January, W05-W09 February):
#   A born 2000 (young), dansk: kontanthjælp W01-W10, W01-W04 jobparat in Team Nord,
#     W05-W10 aktivitetsparat in Team Syd
#   B born 1980, non-Western immigrant arrived 2016 (a refugee in 2024):
#     kontanthjælp W03-W08 aktivitetsparat in Team Syd
#   C born 1970, dansk: dagpenge W01-W06 jobparat in Team Nord
#   Z a job week in 2025-W52
# By hand, January 2024, with --intern (the own municipality exact):
#   aktivitetsparat kontanthjælp: B's W03-W04 = 2 weeks, 0,5 full-time persons, 1 person
#   jobparat i alt: A 4 + C 4 = 8 weeks (2,0), 2 persons; unge: A's 4 weeks (1,0)
#   flygtninge: B's 2 weeks (0,5); Team Nord: A 4 + C 4 (2,0)
"$STYR" init ws --kommune 101 >/dev/null
{
    echo "person;uge;kommune;ydelse;tilbud;timer;visitation;enhed"
    for w in 01 02 03 04; do echo "A;2024-W$w;101;kontanthjaelp;;;jobparat;Team Nord"; done
    for w in 05 06 07 08 09 10; do echo "A;2024-W$w;101;kontanthjaelp;;;aktivitetsparat;Team Syd"; done
    for w in 03 04 05 06 07 08; do echo "B;2024-W$w;101;kontanthjaelp;;;aktivitetsparat;Team Syd"; done
    for w in 01 02 03 04 05 06; do echo "C;2024-W$w;101;dagpenge;;;jobparat;Team Nord"; done
    echo "Z;2025-W52;101;;;37;;"
} > maal.csv
printf 'person;foedt;koen;oprindelse;indrejst\nA;2000-01-01;K;dansk;\nB;1980-05-05;M;indvandrer_ikke_vestlig;2016\nC;1970-03-03;K;dansk;\nZ;1990-01-01;M;;\n' > maal-personer.csv
run maal-import 0 import -w ws maal.csv maal-personer.csv
run maal-aktiv 0 figures -w ws --kommune 101 --intern --periode 2024M01 --ydelse kontanthjaelp,i_alt --maalgruppe aktivitetsparat
run maal-jobparat-csv 0 figures -w ws --kommune 101 --intern --periode 2024M01 --ydelse i_alt --maalgruppe jobparat --format csv
run maal-unge-json 0 figures -w ws --kommune 101 --intern --periode 2024M01 --ydelse i_alt --maalgruppe unge --format json
run maal-flygtninge 0 figures -w ws --kommune 101 --intern --periode 2024M01 --ydelse kontanthjaelp --maalgruppe flygtninge
run maal-enhed 0 figures -w ws --kommune 101 --intern --periode 2024M01 --ydelse i_alt --enhed "team nord"
run maal-combo-en 0 --lang en figures -w ws --kommune 101 --intern --periode 2024M02 --ydelse kontanthjaelp \
    --maalgruppe unge,aktivitetsparat --oprindelse dansk --enhed "Team Syd"
# without --intern a cell of 1-4 persons is discretion (..), never 0 or the value
run maal-discretion 0 figures -w ws --kommune 101 --periode 2024M01 --ydelse kontanthjaelp --maalgruppe aktivitetsparat
# wrong values: the nearest and every valid one; the panel's units
run maal-bad 1 figures -w ws --kommune 101 --periode 2024M01 --maalgruppe aktivitetsparta
run maal-bad-opr 1 figures -w ws --kommune 101 --periode 2024M01 --oprindelse vestlig
run maal-bad-enhed 1 figures -w ws --kommune 101 --periode 2024M01 --enhed "Team Vest"
run maal-bad-kilde 1 figures -w ws --kommune 101 --periode 2024M01 --maalgruppe unge --kilde jobindsats
run maal-compare-model 1 compare -w ws --kommune 101 --model --maalgruppe unge
# a goal of a unit the panel knows follows the unit's weeks
"$STYR" goals add -w ws --figur fuldtidspersoner --ydelse dagpenge --maal "-5%" --aar 2024 --enhed "Team Nord" >/dev/null
run maal-goals 0 goals -w ws --intern
# import refusals: file, line, column and what was expected; nothing is imported
printf 'person;uge;kommune;ydelse;tilbud;visitation;enhed\nQ;2024-W01;101;dagpenge;;jobklar;Team Nord\n' > bad-vis.csv
run maal-import-bad-vis 2 import -w ws bad-vis.csv
printf 'person;foedt;koen;oprindelse;indrejst\nQ;1990-01-01;K;dansk;1850\nR;1990-01-01;K;vestlig;\n' > bad-pers.csv
run maal-import-bad-pers 2 import -w ws bad-pers.csv
# a person's origin given twice, differently
printf 'person;foedt;koen;oprindelse;indrejst\nA;2000-01-01;K;indvandrer_vestlig;\n' > conflict.csv
run maal-import-conflict 2 import -w ws conflict.csv
has maal-info "perioder med ens uger        5" info -w ws
# progression in a target group: the assessment's week must be in it (A jobparat in W02,
# aktivitetsparat in W08; B aktivitetsparat in W04 and W08): few persons, so '..' and '-'
printf 'person;dato;instrument;indikator;score;skala\nA;2024-01-10;BIP;tro på job;2;5\nA;2024-02-21;BIP;tro på job;3;5\nB;2024-01-24;BIP;tro på job;1;5\nB;2024-02-21;BIP;tro på job;2;5\n' > vurderinger.csv
"$STYR" progression import -w ws vurderinger.csv >/dev/null
run maal-progression 0 progression -w ws --kommune 101 --maalgruppe aktivitetsparat
run maal-progression-json 0 progression -w ws --kommune 101 --maalgruppe aktivitetsparat --format json
