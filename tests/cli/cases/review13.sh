# issue 13 review: hostile inputs to the new readers, fixed one by one.
# Sourced by tests/cli/run.sh (run, has, file_has, sha, STYR, HERE, EXP, n, fails).

# 1. A CPR number never shows, not in another column of a Ydelsesrefusion file,
#    not in its file name, not in the imports log
RH='Uge;CPR nummer;Ydelse;Finansiering Kommunenavn;Beregnet udbetalingsbeløb;Refusionssats;Refusionsbeløb;Medfinansieringssats;Medfinansieringsbeløb'
mkdir -p "kopi 150385-1233"
{
    echo "$RH"
    echo '2024-W01;150385-1233;Kontanthjælp 0101801234;Odense;100,00;80;80,00;0;0'
    echo '2024-W01;150385-1233;Kontanthjælp;Odense 020280-1235;100,00;80;80,00;0;0'
    echo '2024-W01;1503851233;Kontanthjælp;0303801236;100,00;80;80,00;0;0'
    echo '0404801237;1503851233;Kontanthjælp;Odense;100,00;80;80,00;0;0'
    echo '2024-W02;1503851235;Kontanthjælp;Odense;0505801238;80;80,00;0;0'
    echo '2024-W02;1503851235;Kontanthjælp;Odense;100;0606801239;80,00;0;0'
    printf '2024-W03;1503851235;Kontanthj\xe6lp 0808801231;Odense;100;80;80,00;0;0\n'
} > "kopi 150385-1233/yr-ydelsesrefusion-beregning-0909801232.csv"
"$STYR" init r13yr --kommune 461 > /dev/null
before=$(sha r13yr)
run review13-yr-cpr-elsewhere 2 import -w r13yr "kopi 150385-1233/yr-ydelsesrefusion-beregning-0909801232.csv"
run review13-yr-cpr-elsewhere-check 2 import -w r13yr --check "kopi 150385-1233/yr-ydelsesrefusion-beregning-0909801232.csv"
[[ $(sha r13yr) == "$before" ]] && echo "ok   review13-yr-cpr-unchanged" || { echo "FAIL review13-yr-cpr-unchanged"; fails=$((fails + 1)); }
n=$((n + 1))
cp "$HERE/../fixtures/yr/yr-ydelsesrefusion-beregning-2024.csv" "kopi 150385-1233/yr-ydelsesrefusion-beregning-1503851233.csv"
run review13-yr-cpr-file-name 0 import -w r13yr "kopi 150385-1233/yr-ydelsesrefusion-beregning-1503851233.csv"
"$STYR" info -w r13yr > r13info.out 2>&1
n=$((n + 1))
if grep -raE '0101801234|0202801235|020280-1235|0303801236|0404801237|0505801238|505801238|0606801239|0808801231|0909801232|1503851233|150385-1233' \
    r13yr r13info.out "$EXP"/review13-*.out > /dev/null; then
    echo "FAIL review13-yr-cpr-nowhere"; fails=$((fails + 1))
else echo "ok   review13-yr-cpr-nowhere"; fi

# 2. jobindsats: every bad value with its line and column, in the reading phase
"$STYR" init r13ji --kommune 730 > /dev/null
before=$(sha r13ji)
printf '{"columns":["Periode","Område","Antal personer"],"rows":[["2024M00","Randers",1],["1989M01","Randers",1],["2100Y01","Randers",1],["2024M01","Viborg",1e308],["2024M01","Skive","-1e308"]]}' > y01a02_r13.json
run review13-ji-periods-values 2 import -w r13ji y01a02_r13.json
# a cell that is neither text nor number: not "expected a number" in the area column
printf '{"columns":["Periode","Område","Antal personer"],"rows":[["2024M01",true,3],["2024M01","Skive",[1]]]}' > y01a02_r13t.json
run review13-ji-cell-types 2 import -w r13ji y01a02_r13t.json
# a label twice: which is the period?
printf 'Periode;Område;Periode;Antal personer\n2024M01;Randers;2024M02;1\n' > y07a02_r13.csv
run review13-ji-dup-column 2 import -w r13ji y07a02_r13.csv
# a FOLK1A is not y01a02, a path is not a table
cp "$HERE/../fixtures/jobindsats/folk1a_koder.csv" y01a02_2024.csv
cp "$HERE/../fixtures/jobindsats/y01a02_v2.json" r13_v2.json
run review13-ji-folk1a-named-y01a02 2 import -w r13ji y01a02_2024.csv
run review13-ji-tabel-y01a02-folk1a 2 import -w r13ji --tabel y01a02 y01a02_2024.csv
run review13-ji-tabel-path-en 2 --lang en import -w r13ji --tabel ../../etc r13_v2.json
run review13-ji-tabel-folk1a-ji 2 import -w r13ji --tabel folk1a r13_v2.json
[[ $(sha r13ji) == "$before" ]] && echo "ok   review13-ji-unchanged" || { echo "FAIL review13-ji-unchanged"; fails=$((fails + 1)); }
n=$((n + 1))
# "-0" is 0
printf 'Periode;Område;Antal personer\n2024M01;Randers;-0\n' > y07a02_nul.csv
run review13-ji-minus-zero 0 import -w r13ji y07a02_nul.csv
n=$((n + 1))
if [[ $(python3 -c 'import sqlite3, sys; print(repr(sqlite3.connect(sys.argv[1]).execute("SELECT vaerdi FROM offentlige_tal WHERE tabel = ?", ("y07a02",)).fetchone()[0]))' r13ji/katalog.sqlite) == "0.0" ]]; then
    echo "ok   review13-ji-minus-zero-stored"
else echo "FAIL review13-ji-minus-zero-stored"; fails=$((fails + 1)); fi

# 3. Published figures in compare and scorecard: every value with its source
"$STYR" init r13pub --kommune 730 > /dev/null
{
    echo 'Periode;Område;Antal personer;Antal fuldtidspersoner;Fuldtidspersoner i pct. af befolkningen 16-66 år'
    echo '2023Y01;Randers;1300;1100;1,81'
    echo '2024Y01;Randers;1250;1050;1,73'
    echo '2024Y01;Horsens;900;800;1,12'
    echo '2024Y01;Vejle;..;..;..'
    echo '2023Y01;Vejle;1000;900;1,36'
} > y07a02_r13.csv
"$STYR" import -w r13pub y07a02_r13.csv > /dev/null
# the retrieval date is today's: fixed here so the goldens keep
python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("UPDATE offentlige_tal SET hentet = ?", ("2026-11-29",)); c.commit()' r13pub/katalog.sqlite
run review13-pub-compare 0 compare -w r13pub --periode 2024Y01 --ydelse sygedagpenge
run review13-pub-compare-csv 0 compare -w r13pub --periode 2024Y01 --ydelse sygedagpenge --format csv
run review13-pub-compare-json-en 0 --lang en compare -w r13pub --periode 2024Y01 --ydelse sygedagpenge --format json
run review13-pub-scorecard 0 scorecard -w r13pub --periode 2024Y01 --ydelse sygedagpenge
run review13-pub-scorecard-json 0 scorecard -w r13pub --periode 2024Y01 --ydelse sygedagpenge,dagpenge --format json
# the whole cluster (Randers' of 2024) in y01a02: a level, so profil has something to say
{
    echo 'Periode;Område;Antal personer;Antal fuldtidspersoner;Fuldtidspersoner i pct. af befolkningen 16-66 år'
    i=0
    for k in Helsingør Holbæk Ringsted Slagelse Næstved Middelfart Haderslev Billund Sønderborg Aabenraa Fredericia \
        Horsens Kolding Vejle Herning Holstebro Silkeborg Ikast-Brande Hedensted Viborg; do
        echo "2024Y01;$k;$((700 + i));$((600 + i));1,$((10 + i))"
        i=$((i + 1))
    done
    echo '2024Y01;Randers;2400;2100;3,46'
} > y01a02_r13k.csv
"$STYR" import -w r13pub y01a02_r13k.csv > /dev/null
python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("UPDATE offentlige_tal SET hentet = ?", ("2026-11-29",)); c.commit()' r13pub/katalog.sqlite
run review13-pub-profil 0 profil -w r13pub --periode 2024Y01
run review13-pub-profil-json 0 profil -w r13pub --periode 2024Y01 --format json

# 4. Statistikbanken: a population or labour force is a whole number of persons,
#    FOLK1A's sex and age are known values (else they were silently left out)
printf 'kommune;aar;antal\n730;2024;-5\n751;2024;12,5\n461;2024;1000\n' > arbejdsstyrke_r13.csv
printf 'OMRÅDE;KØN;ALDER;TID;INDHOLD\n730;1;-1;2024K1;5\n730;3;0;2024K1;5\n730;1;200;2024K1;5\n730;1;0;2024K1;-3\n730;TOT;IALT;2024K1;3\n' > folk1a_r13.csv
before=$(sha r13ji)
run review13-sb-counts 2 import -w r13ji arbejdsstyrke_r13.csv folk1a_r13.csv
run review13-sb-counts-en 2 --lang en import -w r13ji folk1a_r13.csv
[[ $(sha r13ji) == "$before" ]] && echo "ok   review13-sb-unchanged" || { echo "FAIL review13-sb-unchanged"; fails=$((fails + 1)); }
n=$((n + 1))

# 5. A Ydelsesrefusion file with a column missing: the expected header names it
printf 'Uge;CPR nummer;Ydelse\n2024-W01;150385-1233;Kontanthjælp\n' > yr-ydelsesrefusion-beregning-r13.csv
run review13-yr-header 2 import -w r13yr yr-ydelsesrefusion-beregning-r13.csv

# 6. The website's wide CSV: a mistyped period column is refused, not kept as a
#    dimension (its values were silently attached to the row); --maal "" is no measure
printf 'Område;Ydelsesgrupper;2024M01;2024M13\nRanders;A-dagpenge mv.;1.234;5\n' > ptv_r13.csv
run review13-wide-bad-period 2 import -w r13ji --tabel ptva02 --maal "Antal fuldtidspersoner" ptv_r13.csv
cp "$HERE/../fixtures/jobindsats/ptv_pivot.csv" ptv_pivot_r13.csv
run review13-wide-empty-maal 2 import -w r13ji --tabel ptva02 --maal "" ptv_pivot_r13.csv

# 7. Y30R21 without the share measures: nothing can be ranked, and benchmark says so
"$STYR" init r13bm --kommune 730 > /dev/null
cut -d';' -f1-7 "$HERE/../fixtures/benchmark/y30r21_2022qmat04.csv" | head -4 > y30r21_2022qmat04.csv
"$STYR" import -w r13bm y30r21_2022qmat04.csv > /dev/null
run review13-y30-no-shares 0 benchmark -w r13bm --periode 2022QMAT04

# 8. One municipality under two spellings in one table is one area: a duplicate, not two rows
printf 'Periode;Område;Antal personer\n2024M01;København;100\n2024M01;københavn;200\n2024M01;Hele landet;5\n2024M01;Hele Landet;6\n' > y01a02_r13dk.csv
run review13-ji-area-spellings 2 import -w r13ji y01a02_r13dk.csv

# 9. In a table with a decimal comma a '.' only groups thousands: 12.34 is an error, not 12,34 persons
printf 'Periode;Område;Antal personer;Fuldtidspersoner i pct. af befolkningen 16-66 år\n2024M01;Randers;12.34;9,08\n2024M01;Aarhus;1.2345;1,5\n2024M01;Odense;1.234;2\n2024M01;Vejle;-1.234.567,5;2\n' > y01a02_r13nm.csv
run review13-ji-thousands 2 import -w r13ji y01a02_r13nm.csv

# 10. figures as XLSX: published values with their source, as the CSV's Kilde column
"$STYR" figures -w r13pub --periode 2024Y01 --kommune 730,751 --ydelse dagpenge --format xlsx -o r13.xlsx > /dev/null 2>&1
n=$((n + 1))
if python3 - r13.xlsx <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
s = re.findall(r'<t[^>]*>([^<]*)</t>', z.read('xl/sharedStrings.xml').decode())
want = ['Kilde', 'jobindsats y01a02, hentet 2026-11-29', 'jobindsats (intet hentet for ydelsen, området og perioden)']
sys.exit(0 if all(w in s for w in want) else 1)
PY
then echo "ok   review13-pub-figures-xlsx-kilde"; else echo "FAIL review13-pub-figures-xlsx-kilde"; fails=$((fails + 1)); fi

# 11. jobindsats a02 tables only split by sex: figures says why there is nothing, not "the panel is empty"
"$STYR" init r13split --kommune 730 > /dev/null
cp "$HERE/../fixtures/jobindsats/y01a02_v2.json" y01a02_r13split.json
"$STYR" import -w r13split y01a02_r13split.json > /dev/null
run review13-pub-split-only 2 figures -w r13split --kommune 730 --periode 2024M01
run review13-pub-split-only-en 2 --lang en noegletal -w r13split --periode 2024M01 --kilde jobindsats
# ... and a table whose split has its total row (Køn = I alt) gives the total, never the parts summed
printf 'Periode;Område;Køn;Antal personer;Antal fuldtidspersoner\n2024M01;Randers;Mænd;100;80\n2024M01;Randers;Kvinder;110;90\n2024M01;Randers;I alt;211;171\n' > y07a02_r13kt.csv
"$STYR" import -w r13split y07a02_r13kt.csv > /dev/null
python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("UPDATE offentlige_tal SET hentet = ?", ("2026-11-29",)); c.commit()' r13split/katalog.sqlite
run review13-pub-split-total 0 figures -w r13split --kommune 730 --periode 2024M01 --ydelse sygedagpenge --format csv
