# profil16: the profile as KL's partnership draws it (issue 16). On the demo-like
# workspace "big": the seven themes in JSON, and no strength or challenge built on a
# figure without a direction or on one that does not apply to its group (checked
# against data/profil_retninger.csv); recommendations of one's own; a bad table.
run profil16-json 0 profil -w ../big --kommune 461 --periode 2024 --format json
"$STYR" profil -w ../big --kommune 461 --periode 2024 --format json > profil16.json 2>&1
n=$((n + 1))
if python3 - "$HERE/../../data/profil_retninger.csv" profil16.json <<'PY'
import json, sys
rows = [l.rstrip("\n").split(";", 5) for l in open(sys.argv[1], encoding="utf-8") if l.strip() and not l.startswith("#")][1:]
def direction(fig, yd):
    hit = [r for r in rows if r[0] == fig and r[1] == yd] or [r for r in rows if r[0] == fig and r[1] == "*"]
    return (hit[0][3], hit[0][4]) if hit else (None, None)
p = json.load(open(sys.argv[2], encoding="utf-8"))
assert [t["nr"] for t in p["temaer"]] == list(range(1, 8)), "seven themes in order"
for t in p["temaer"]:
    for key in ("styrker", "udfordringer", "forskelle"):
        for s in t[key]:
            yd = "*" if s["ydelse"] == "offentligt_forsoergede" else s["ydelse"]
            d, applies = direction(s["figur"], yd)
            assert d is not None and applies == "ja", (s, d, applies)
            assert (d == "ingen") == (key == "forskelle"), (key, s, d)
    for s in t["udfordringer"]:
        assert "godt_eksempel" in s, s
    assert t["tom"] is None or not (t["styrker"] or t["udfordringer"] or t["forskelle"]), t
PY
then echo "ok   profil16-directions"; else echo "FAIL profil16-directions"; fails=$((fails + 1)); fi
printf 'tema;figur;ydelse;tekst\n5;*;*;Vores egen anbefaling om resultater.\n4;*;*;Vores egen anbefaling på tværs.\n' > egne-anbefalinger.csv
has profil16-own-recs "Vores egen anbefaling" profil -w ../big --kommune 461 --periode 2024 --anbefalinger egne-anbefalinger.csv
printf 'tema;figur;ydelse;tekst\n12;*;*;Forkert tema.\n' > bad-anbefalinger.csv
run profil16-bad-recs 2 profil -w ../big --kommune 461 --periode 2024 --anbefalinger bad-anbefalinger.csv
run profil16-missing-recs 2 profil -w ../big --kommune 461 --anbefalinger findes-ikke.csv
# the published indicators in the profile (issue 16 §5): Randers (730) against three of
# its cluster (Klynge 4: Horsens 615, Fredericia 607, Sønderborg 540), 2024 and 2023.
# Companies (mm10, higher is better): Randers 24,6 of 1.000; Horsens 32,0 of 2.000,
# Fredericia 30,0 of 1.000, Sønderborg 29,0 of 1.000: the cluster 145,6 / 5 = ... as
# sum over sum: (246 + 640 + 300 + 290) / 5.000 = 29,52 pct. A challenge; the best is
# Horsens (32,0), the most improved Sønderborg (+4,0 pct.-point from 25,0).
# Sanctions (y36h01, no direction): Randers 82 of 1.000 (8,2), the others 100 of 1.000
# (10,0): the cluster 382 / 4.000 = 9,55: a difference to discuss, never a challenge.
export SOURCE_DATE_EPOCH=1798000000
"$STYR" init pubp.ws --kommune 730 > /dev/null
{
    echo "Periode;Område;Samarbejdsgrad med eget jobcenter;Antal virksomheder"
    printf '2024Y01;Randers;24,6;1000\n2024Y01;Horsens;32,0;2000\n2024Y01;Fredericia;30,0;1000\n2024Y01;Sønderborg;29,0;1000\n'
    printf '2023Y01;Randers;24,0;1000\n2023Y01;Horsens;31,0;2000\n2023Y01;Fredericia;30,0;1000\n2023Y01;Sønderborg;25,0;1000\n'
} > mm10_2024.csv
{
    echo "Periode;Område;Antal sanktionerede personer;Antal personer"
    printf '2024Y01;Randers;82;1000\n2024Y01;Horsens;100;1000\n2024Y01;Fredericia;100;1000\n2024Y01;Sønderborg;100;1000\n'
} > y36h01_2024.csv
has profil16-pub-import "offentlige tal" import -w pubp.ws "$HERE"/../fixtures/public/*.csv mm10_2024.csv y36h01_2024.csv
run profil16-pub 0 profil -w pubp.ws --periode 2024
run profil16-pub-json 0 profil -w pubp.ws --periode 2024 --format json
