# Ydelsesrefusion (issue 13 §3): the import with CPR numbers pseudonymised, the
# reconciliation styr afstem --kilde ydelsesrefusion, and the privacy test: no
# CPR number of the fixture, in any form, anywhere in the workspace or the outputs.
# Sourced by tests/cli/run.sh (run, has, file_has, STYR, HERE, n, fails).

YRFIX="$HERE/../fixtures/yr/yr-ydelsesrefusion-beregning-2024.csv"
# a fixed key, so the pseudonyms in the goldens are the same every run
yr_key() { python3 -c 'import sys; open(sys.argv[1], "wb").write(bytes(range(1, 33)))' "$1/pseudonymnoegle"; }

run yr-init 0 init ws --kommune 461
yr_key ws
cp "$YRFIX" .
run yr-import 0 import -w ws yr-ydelsesrefusion-beregning-2024.csv
has yr-info "+61 personuger" info -w ws
has yr-info-rows "Ydelsesrefusion: 62 rækker, 4 personer (pseudonymer), 2022-W40 - 2024-W30" info -w ws
run yr-afstem 0 afstem -w ws --kilde ydelsesrefusion
run yr-afstem-en 0 --lang en afstem -w ws --kilde ydelsesrefusion --maaned 2024M02
run yr-afstem-json 0 afstem -w ws --kilde ydelsesrefusion --maaned 2024M01 --kommune Odense --format json
run yr-afstem-csv 0 afstem -w ws --kilde ydelsesrefusion --maaned 2024M07 --format csv
run yr-afstem-kilde 2 afstem -w ws --kilde jobindsats
run yr-afstem-bad-kilde 1 afstem -w ws --kilde frobnicate
run yr-afstem-no-kilde 2 afstem -w ws
run yr-afstem-maaned 1 afstem -w ws --kilde ydelsesrefusion --maaned 2024Q1
run yr-init-empty 0 init empty
run yr-afstem-empty 2 afstem -w empty --kilde ydelsesrefusion
# the same file in Windows-1252 gives the same reconciliation
iconv -f utf-8 -t cp1252 "$YRFIX" > yr-ydelsesrefusion-beregning-1252.csv
"$STYR" init w1252 > /dev/null && yr_key w1252
run yr-import-1252 0 import -w w1252 yr-ydelsesrefusion-beregning-1252.csv
"$STYR" afstem -w w1252 --kilde ydelsesrefusion > afstem-1252.out 2>&1
n=$((n + 1))
if diff -q afstem-1252.out "$EXP/yr-afstem.out" > /dev/null; then echo "ok   yr-afstem-1252"
else echo "FAIL yr-afstem-1252: differs from yr-afstem"; fails=$((fails + 1)); fi
# the same file again: every week is already in the panel, nothing is written
run yr-import-again 2 import -w ws yr-ydelsesrefusion-beregning-2024.csv

# errors point at line and column and never show a CPR number, not even a wrong one
H='Uge;CPR nummer;Ydelse;Finansiering Kommunenavn;Beregnet udbetalingsbeløb;Refusionssats;Refusionsbeløb;Medfinansieringssats;Medfinansieringsbeløb'
{
    echo "$H"
    echo '2024-W01;310285-1234;Kontanthjælp;Odense;100,00;80;80,00;0;0'
    echo '2024-W01;9912311234;Kontanthjælp;Odense;100,00;80;80,00;0;0'
    echo '2024-W02;150385-123;Kontanthjælp;Odense;100,00;80;80,00;0;0'
    echo '2024-W03;150385-1233;Kontanthjælp;Gotham;100,00;80;80,00;0;0'
    echo '2024-W54;150385-1233;Kontanthjælp;Odense;1OO;180;80,00;0;0'
} > yr-ydelsesrefusion-beregning-fejl.csv
run yr-import-bad 2 import -w ws yr-ydelsesrefusion-beregning-fejl.csv
run yr-import-bad-en 2 --lang en import -w ws yr-ydelsesrefusion-beregning-fejl.csv
# a byte that is not UTF-8 inside a CPR number: the place, never the text
{ echo "$H"; printf '2024-W01;150385-12\xff3;Kontanthjælp;Odense;100,00;80;80,00;0;0\n'; } > yr-ydelsesrefusion-beregning-tegn.csv
run yr-import-encoding 2 import -w ws yr-ydelsesrefusion-beregning-tegn.csv
# unknown benefit texts together: the first 20 and a count
{
    echo "$H"
    for i in $(seq 1 23); do echo "2024-W01;150385-1233;Ukendt ydelse $i;Odense;100,00;80;80,00;0;0"; done
} > yr-ydelsesrefusion-beregning-ukendt.csv
run yr-import-unknown 2 import -w ws yr-ydelsesrefusion-beregning-ukendt.csv

# THE privacy test: import, reconcile in every format into files, then search the
# whole workspace (catalog, journals, panel files, key) and every output for
# every fixture CPR number (and the rejected ones) in every form
rm -rf pws && "$STYR" init pws > import.out 2>&1
"$STYR" import -w pws yr-ydelsesrefusion-beregning-2024.csv >> import.out 2>&1
"$STYR" import -w pws yr-ydelsesrefusion-beregning-fejl.csv > fejl.out 2>&1
"$STYR" --lang en import -w pws yr-ydelsesrefusion-beregning-fejl.csv > fejl-en.out 2>&1
"$STYR" import -w pws --check yr-ydelsesrefusion-beregning-fejl.csv > check.out 2>&1
"$STYR" import -w pws yr-ydelsesrefusion-beregning-tegn.csv >> check.out 2>&1
for f in table csv json; do
    "$STYR" afstem -w pws --kilde ydelsesrefusion --format $f > afstem.$f 2>&1
    "$STYR" --lang en afstem -w pws --kilde ydelsesrefusion --format $f > afstem-en.$f 2>&1
done
"$STYR" info -w pws > info.out 2>&1
"$STYR" figures -w pws --kommune 461 --periode 2024 --format json > figures.json 2>&1
yr_scan() { python3 - "$@" <<'PY'
import os, struct, sys
cprs = ["150385-1233", "2207024562", "030560-2345", "121199-3460",  # the fixture
        "310285-1234", "9912311234", "150385-123"]                   # rejected ones
pats = {}
for c in cprs:
    d = c.replace("-", "")
    if len(d) != 10:
        pats[c + " as given"] = c.encode()
        pats[c + " digits"] = d.encode()
        continue
    dd, mm, yy, ss = d[0:2], d[2:4], d[4:6], d[6:10]
    forms = [dd + mm + yy + "-" + ss, d, dd + mm + yy + " " + ss, yy + mm + dd + ss, yy + mm + dd + "-" + ss,
             dd + "-" + mm + "-" + yy + "-" + ss, dd + mm + "19" + yy + ss, dd + mm + "20" + yy + ss]
    for f in forms:
        pats[c + " text " + f] = f.encode()
        pats[c + " utf16 " + f] = f.encode("utf-16-le")
    v = int(d)
    pats[c + " int64le"] = struct.pack("<Q", v)
    pats[c + " int64be"] = struct.pack(">Q", v)
    if v < 2**32:
        pats[c + " int32le"] = struct.pack("<I", v)
        pats[c + " int32be"] = struct.pack(">I", v)
    pats[c + " double"] = struct.pack("<d", float(v))
files = []
for a in sys.argv[1:]:
    if os.path.isdir(a):
        for root, _, names in os.walk(a):
            files += [os.path.join(root, x) for x in names]
    else:
        files.append(a)
bad = 0
for f in files:
    data = open(f, "rb").read()
    for k, p in pats.items():
        if p in data:
            print("    %s: %s" % (f, k)); bad = 1
if len(files) < 12: print("    too few files: %d" % len(files)); bad = 1
sys.exit(bad)
PY
}
n=$((n + 1))
if yr_scan pws import.out fejl.out fejl-en.out check.out afstem.* afstem-en.* info.out figures.json; then echo "ok   yr-privacy"; else echo "FAIL yr-privacy: a CPR number was found"; fails=$((fails + 1)); fi
# the scanner finds what it looks for: the fixture itself (and a binary integer) must fail it
python3 -c 'import struct; open("int.bin", "wb").write(b"x" + struct.pack("<Q", 1211993460))'
n=$((n + 1))
if yr_scan pws import.out fejl.out fejl-en.out check.out afstem.* yr-ydelsesrefusion-beregning-2024.csv > /dev/null ||
   yr_scan pws import.out fejl.out fejl-en.out check.out afstem.* int.bin > /dev/null; then
    echo "FAIL yr-privacy-control: the scanner missed a CPR number"; fails=$((fails + 1))
else echo "ok   yr-privacy-control"; fi
file_has yr-privacy-rejected "(CPR-nummer, ikke vist)" fejl.out
file_has yr-privacy-rejected-en "(CPR number, not shown)" fejl-en.out
file_has yr-privacy-afstem "YR" afstem.json
