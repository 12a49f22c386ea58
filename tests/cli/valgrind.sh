#!/usr/bin/env bash
# The CLI paths under valgrind: any invalid access or definite/indirect leak fails.
#   bash tests/cli/valgrind.sh build/styr
set -u
STYR=$(realpath "$1")
if ! command -v valgrind >/dev/null; then echo "valgrind is not installed"; exit 1; fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/styr-vg-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
VG=(valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99)
fails=0
check() { # check EXPECTED_EXIT ARGS...
    local want=$1; shift
    "${VG[@]}" "$STYR" "$@" > out.txt 2>&1
    local got=$?
    if [[ $got == 99 || $got != "$want" ]]; then
        echo "FAIL valgrind: styr $* (exit $got, expected $want)"; sed 's/^/    /' out.txt | head -40; fails=$((fails + 1))
    else
        echo "ok   valgrind: styr $*"
    fi
}
printf 'person;uge;kommune;ydelse;tilbud;timer\nA;2024-W01;101;kontanthjaelp;;\nA;2024-W02;101;kontanthjaelp;praktik;7,5\n' > good.csv
printf 'person;uge;kommune;ydelse;tilbud\nA;2024-W99;101;x;;\nA;2024-W01;999;dagpenge;y\n' > bad.csv
printf 'pnr;kommune;y_2401;y_2402\nX;461;890;111\n' > dream.csv
check 0 --help
check 0 init ws --kommune 101
check 0 synth -w ws --persons 300 --seed 2
check 0 import -w ws good.csv dream.csv
check 2 import -w ws bad.csv
check 0 synth -w ws --persons 200 --seed 3 --out s.csv
check 0 import -w ws --check s.csv s-personer.csv
check 0 info -w ws
mkfifo pipe.csv && mkdir folder.csv && head -c 1000 /dev/urandom > cut.xpt
check 2 import -w ws pipe.csv folder.csv /dev/zero cut.xpt
check 0 noegletal -w ws --periode 2024 --intern
check 0 figures -w ws --periode 2024K1,2024M03R12 --format json --taellinger -j 2 -o f.json
check 0 figures -w ws --periode 2024 --format csv -o f.csv
check 0 figures -w ws --periode 2024M01..2024M02 --format xlsx -o f.xlsx
check 0 figures -w ws --kommune 101 --periode 2024
check 0 figures -w ws --udvikling --kommune 101 --format json -o u.json
# progression (issue 14 §3): import, a refused import, and the analysis in every format
check 0 init wp --kommune 101
check 0 import -w wp good.csv
printf 'person;dato;instrument;indikator;score;skala\nA;2024-01-03;BIP;tro på job;2;5\nA;2024-01-10;BIP;tro på job;3;5\n' > prog.csv
printf 'person;dato;instrument;indikator;score;skala\nB;2024-01-03;BIP;tro på job;9;5\n010190-1234;x;BIP;;2;5\n' > progbad.csv
check 0 progression import -w wp prog.csv
check 2 progression import -w wp progbad.csv
check 0 progression -w wp --samlet
check 0 progression -w wp --format json -o p.json
check 0 progression -w wp --format csv --tilbud praktik
check 0 figures -w ws --udvikling --kommune 101 --ydelse i_alt --periode 2024K2 --figur andel_befolkning
check 0 money -w ws --kommune 461 --periode 2024 --compare 2011,2016
check 0 money -w ws --periode 2016 --format json -o m.json
check 1 money -w ws --regime 2012
printf 'kommune;aar;ydelse;fuldtidspersoner;personer;pris;aktiveringsgrad;udgift_pr_tilbud;sagsbehandlere;udgift_pr_sagsbehandler\n101;2024;kontanthjaelp;2;4;100.000;25;40.000;1;500.000\n' > budget.csv
printf 'kommune;aar;ydelse;fuldtidspersoner;pris;farve\n101;2024;kontant;x;1;\n' > budget-bad.csv
check 2 budget import -w ws budget-bad.csv
check 0 budget import -w ws budget.csv
check 0 budget opfoelgning -w ws --maaned 2024M06 --intern
check 0 budget opfoelgning -w ws --maaned 2024M02 --format json -o fu.json
check 0 budget export -w ws --aar 2024 -o b.xlsx
check 0 budget export -w ws --aar 2025 -o b.csv
check 0 budget import -w ws b.csv
check 0 invest -w ws --kommune 101 --ydelse kontanthjaelp --tilbud praktik --personer 10 --pris 5000 --effekt-uger 4 --varighed 30
check 0 invest -w ws --ydelse sygedagpenge --tilbud vejledning --personer 10 --pris 5000 --effekt-pct 10 --format json
check 1 invest -w ws --ydelse sygedagpenge
check 0 compare -w ws --kommune 101 --periode 2024 --format json
check 0 compare -w ws --kommune 101 --figur netto_pr_indbygger_18_64 --klynge 147,151
check 0 compare -w ws --model --periode 2024 --format csv
printf 'kommune;x\n101;1\n147;2\n151;4\n461;3\n' > rv.csv
check 2 compare -w ws --model --rammevilkaar rv.csv --periode 2024 --kommune 101
check 0 scorecard -w ws --kommune 101 --periode 2024 --format json
check 0 goals add -w ws --ydelse kontanthjaelp --figur langvarige --maal -10% --aar 2024 --enhed Team
check 0 goals add -w ws --ydelse kontanthjaelp --tilbud praktik --figur i_job_3mdr --maal ">=40" --aar 2024
check 0 goals -w ws --format json
check 0 profil -w ws --periode 2024 --kommune 101
check 0 report -w ws --periode 2024 --intern -o r.html --xlsx r.xlsx
check 0 offers -w ws --kommune 101 --periode 2024 --alder --format json
check 0 effect -w ws --periode 2023 --pris praktik=10000
check 0 flows -w ws --kommune 101 --periode 2024 --format json
check 0 flows -w ws --kommune 101 --periode 2024 --intern --ydelse kontanthjaelp_mv
check 0 sample -w ws --ydelse kontanthjaelp --intern -n 5 -o review.xlsx
check 3 synth -w ws --persons 100 --seed 9
check 0 init planted.ws
check 0 synth -w planted.ws --persons 100 --seed 9 --effekt praktik=10 --indsvingning 5
check 0 effect -w planted.ws --sand planted.ws/sand-effekt.csv --diagnostik
check 0 effect -w planted.ws --sand planted.ws/sand-effekt.csv --diagnostik --format json
check 0 synth -w planted.ws --persons 100 --seed 10 --effekt praktik=0 --effekt-selektion --out sel.csv
check 0 synth -w planted.ws --fuld-skala=482 --stikproeve 1 --from 2010 --to 2010 --indsvingning 2 --konjunktur --out full.csv
check 3 info -w nowhere

# the server: requests of every kind, then SIGTERM; no invalid access or leak
printf 'valgrind-token-0123456789abcdef 101\n' > tok.txt
"${VG[@]}" "$STYR" serve -w ws --listen 127.0.0.1:0 --tokens tok.txt > serve.txt 2>&1 &
pid=$!
port=
for _ in $(seq 150); do port=$(sed -n 's/.*port \([0-9]*\).*/\1/p' serve.txt); [[ -n $port ]] && break; sleep 0.2; done
http() { # http PATH [HEADER]
    exec 3<>"/dev/tcp/127.0.0.1/$port" || return
    printf 'GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n%s\r\n' "$1" "${2:-}" >&3
    head -c 15 <&3 >> answers.txt; echo >> answers.txt
    exec 3<&-
}
if [[ -n $port ]]; then
    http /api/v1/kommuner
    http "/api/v1/figurer?kommune=101&ydelse=kontanthjaelp"
    http "/api/v1/figurer?kommune=101&ydelse=kontanthjaelp"
    http "/api/v1/sammenlign?kommune=101&figur=varighed" "Authorization: Bearer valgrind-token-0123456789abcdef"$'\r\n'
    http "/api/v1/figurer?kommune=147"
    http "/api/v1/figurer?kommune=%zz"
    http /kommune/101
    http "/kommune/101/klynge?figur=andel_befolkning"
    http /../etc/passwd
    # issue 11: parameters per route, the engine thread, a range of periods, too many parameters
    http "/api/v1/figurer?kommune=101&aar=1"
    http "/api/v1/klynger?aar=2024"
    http "/api/v1/maal?kommune=101" "Authorization: Bearer valgrind-token-0123456789abcdef"$'\r\n'
    http "/api/v1/figurer?kommune=101&periode=2024M01..2024M03" "Authorization: Bearer valgrind-token-0123456789abcdef"$'\r\n'
    http "/api/v1/kommuner?$(printf 'p%d=1&' $(seq 300))"
fi
kill -TERM $pid 2>/dev/null
wait $pid
got=$?
if [[ -z $port || $got != 0 ]] || [[ $(grep -c 'HTTP/1.1' answers.txt 2>/dev/null) != 14 ]]; then
    echo "FAIL valgrind: styr serve (exit $got)"; sed 's/^/    /' serve.txt | head -40; cat answers.txt 2>/dev/null; fails=$((fails + 1))
else
    echo "ok   valgrind: styr serve ($(tr '\n' ' ' < answers.txt | tr -s ' '))"
fi
((fails == 0))
