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
