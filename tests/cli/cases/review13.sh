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
