# Progression (issue 14 §3): styr progression import (each refusal with its
# line and column, all or nothing, Windows-1252 with ',' and decimal comma, CPR
# numbers never shown) and styr progression (the table, --lang en, JSON, CSV,
# --tilbud, --kommune, discretion with its secondary suppression), and the
# planted relation: "tro på job" raises the log-odds of a job by 0,6 per point,
# the other indicators not at all, and the intervals cover exactly that.
# Sourced by tests/cli/run.sh (run, has, file_has, sha, STYR, HERE, n, fails).

# 17 persons on kontanthjaelp in Odense from 2024-W01 to 2025-W26; between the
# assessments of 2024-01-10 (W02) and 2024-04-10 (W15): Q01-Q08 no offer, Q09-Q11
# praktik and Q12-Q17 vejledning in W05-W12; Q01-Q06 and Q12-Q14 in job from 2024-W30
python3 - <<'PY'
rows = ["person;uge;kommune;ydelse;tilbud;timer"]
for i in range(1, 18):
    for k in range(78):
        y, w = (2024, k + 1) if k < 52 else (2025, k - 51)
        tb = ("praktik" if 9 <= i <= 11 else "vejledning" if i >= 12 else "") if 4 <= k <= 11 else ""
        job = (i <= 6 or 12 <= i <= 14) and k >= 29
        rows.append(f"Q{i:02d};{y}-W{w:02d};461;" + (";;37" if job else f"kontanthjaelp;{tb};0"))
open("panel.csv", "w").write("\n".join(rows) + "\n")
# tro på job (1-5): the second score is the first + change; helbredsmestring on 1-10
ch = [1, 2, 0, -1, 1, 1, 0, 2, 1, -1, 0, 1, 1, 2, 0, -1, 1]
v = ["person;dato;instrument;indikator;score;skala"]
for i in range(1, 18):
    s = 2 + i % 2
    v.append(f"Q{i:02d};2024-01-10;BIP;tro på job;{s};5")
    v.append(f"Q{i:02d};2024-04-10;BIP;tro på job;{s + ch[i - 1]};5")
    v.append(f"Q{i:02d};2024-01-10;BIP;helbredsmestring;{3 + i % 5};10")
    v.append(f"Q{i:02d};10.04.2024;BIP;helbredsmestring;{4 + i % 5};10")
open("vurderinger.csv", "w").write("\n".join(v) + "\n")
PY
run prog-init 0 init ws --kommune 461
"$STYR" import -w ws panel.csv > /dev/null
run prog-none 2 progression -w ws
run prog-import 0 progression import -w ws vurderinger.csv
has prog-info "Progression: 68 vurderinger af 17 personer på 2 indikatorer, 2024-01-10 - 2024-04-10" info -w ws
run prog-table 0 progression -w ws
run prog-table-en 0 --lang en progression -w ws
run prog-json 0 progression -w ws --format json
run prog-csv 0 progression -w ws --format csv
# --tilbud keeps the breakdown's pattern: vejledning (6 persons) stays hidden beside praktik (3)
run prog-tilbud 0 progression -w ws --tilbud vejledning --format json
run prog-tilbud-ingen 0 progression -w ws --tilbud ingen
run prog-tilbud-bad 1 progression -w ws --tilbud frobnicate
run prog-kommune-other 0 progression -w ws --kommune 101
run prog-format-bad 1 progression -w ws --format xlsx

# refusals: each with its line and column, and nothing written
before=$(sha ws)
printf 'person;dato;instrument;indikator;score;skala\nQ01;2024-07-10;BIP;tro på job;4;5\nQ99;2024-07-10;BIP;tro på job;4;5\nQ01;2024-13-10;BIP;tro på job;4;5\nQ02;2024-07-10;BIP;tro på job;6;5\nQ03;2024-07-10;BIP;tro på job;3;1\nQ04;2024-07-10;;tro på job;3;5\nQ05;2024-07-10;BIP;tro på job;tre;5\nQ06;2024-07-10;BIP;tro på job;3\n010190-1234;2024-07-10;BIP;tro på job;3;5\nQ98;2024-07-10;BIP;tro på job;4;5\nQ99;2024-10-10;BIP;tro på job;4;5\n' > bad.csv
run prog-import-bad 2 progression import -w ws bad.csv
run prog-import-bad-en 2 --lang en progression import -w ws bad.csv
printf 'person;dato;instrument;indikator;score;skala\nQ01;2024-07-10;BIP;tro på job;4;5\nQ01;10-07-2024;BIP;tro på job;3;5\n' > dup.csv
run prog-import-dup 2 progression import -w ws dup.csv
printf 'person;dato;indikator;score;skala\nQ01;2024-07-10;tro på job;4;5\n' > nocol.csv
run prog-import-nocol 2 progression import -w ws nocol.csv
run prog-import-nofile 1 progression import -w ws
run prog-import-missing 2 progression import -w ws missing.csv
if [[ $(sha ws) != "$before" ]]; then echo "FAIL prog-all-or-nothing: a refused import changed the workspace"; fails=$((fails + 1)); else echo "ok   prog-all-or-nothing"; fi
n=$((n + 1))
# Windows-1252, ',' and a decimal comma: a third assessment of Q01 (4 -> 3,5: a change of -0,5)
printf 'person,dato,instrument,indikator,score,skala\nQ01,2024-07-10,BIP,tro på job,"3,5",5\n' | iconv -f utf-8 -t cp1252 > cp1252.csv
run prog-import-1252 0 progression import -w ws cp1252.csv
run prog-after-1252 0 progression -w ws --format csv
# three persons: every count of 1-4 is discretion, the header's too
"$STYR" init small --kommune 461 > /dev/null
grep -E '^(person|Q0[123]);' panel.csv > small.csv && grep -E '^(person|Q0[123]);' vurderinger.csv > small-v.csv
"$STYR" import -w small small.csv > /dev/null && "$STYR" progression import -w small small-v.csv > /dev/null
run prog-small 0 progression -w small
run prog-small-json 0 progression -w small --format json
# an empty panel: nothing to tie the assessments to
"$STYR" init empty > /dev/null
run prog-import-empty 2 progression import -w empty vurderinger.csv

# the planted relation (tools/progression_fixture.py): recovered within its interval
mkdir planted
python3 "$HERE/../../tools/progression_fixture.py" gen planted 2000 1
"$STYR" init planted/ws --kommune 461 > /dev/null
"$STYR" import -w planted/ws planted/panel.csv > /dev/null
run prog-planted-import 0 progression import -w planted/ws planted/vurderinger.csv
"$STYR" progression -w planted/ws --samlet --format json > planted/out.json
n=$((n + 1))
if out=$(python3 "$HERE/../../tools/progression_fixture.py" check planted/out.json); then
    echo "ok   prog-planted"
else
    echo "FAIL prog-planted"; echo "$out" | sed 's/^/    /'; fails=$((fails + 1))
fi
run prog-planted-table 0 progression -w planted/ws --samlet

# the report's (and the dashboard's) section, with its discretion
"$STYR" report -w ws -o rapport.html 2> /dev/null
file_has prog-report-section '<section id="progression"><h2>Progression</h2>' rapport.html
file_has prog-report-total '<tr class="total"><td>BIP: tro på job</td><td>i alt</td><td class="n">17</td>' rapport.html
file_has prog-report-hidden '<tr><td></td><td>Vejledning og opkvalificering</td><td class="n">..</td>' rapport.html
