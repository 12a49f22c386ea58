# issue 13 §1: published tables (jobindsats.dk, Statistikbanken) into the catalog
cp "$HERE"/../fixtures/jobindsats/*.json "$HERE"/../fixtures/jobindsats/*.csv .
"$STYR" init pub.ws --kommune 730 > /dev/null
run jobindsats-import-v2 0 import -w pub.ws y01a02_v2.json
run jobindsats-import-v3 0 import -w pub.ws y01a02_v3.json
run jobindsats-import-csv 0 import -w pub.ws y01a02_site.csv
run jobindsats-import-objects-en 0 --lang en import -w pub.ws y01a02_objekter.json
run jobindsats-import-y30r21 0 import -w pub.ws Y30R21_2022QMAT04.json
run jobindsats-wide-no-measure 2 import -w pub.ws ptv_pivot.csv
run jobindsats-wide 0 import -w pub.ws --tabel ptva02 --maal "Antal fuldtidspersoner" ptv_pivot.csv
run jobindsats-folk1a 0 import -w pub.ws folk1a_koder.csv arbejdsstyrke_2024.csv
run jobindsats-folk1a-texts-en 0 --lang en import -w pub.ws --tabel folk1a folk1a_tekster.csv
has jobindsats-info "jobindsats y01a02 \"Fuldtidspersoner i pct. af befolkningen 16-66 år\": 2024M01..2024M02 (2 perioder), 5 områder, 20 rækker" info -w pub.ws
has jobindsats-info-y30r21 "jobindsats y30r21 \"Forventet og faktisk antal fuldtidspersoner på offentlig forsørgelse: Faktisk antal\": 2022QMAT04 (1 periode), 4 områder, 8 rækker" info -w pub.ws
has jobindsats-info-labour "statistikbanken arbejdsstyrke \"Arbejdsstyrken 16-66 år\": 2024 (1 periode), 3 områder, 3 rækker" info -w pub.ws
has jobindsats-info-en "Public figures (source, table, measure):" --lang en info -w pub.ws
has jobindsats-info-pop "Statistikbanken FOLK1A (1. kvartal)" info -w pub.ws
# errors: file, line, column, value and what was expected; nothing written
printf 'Periode;Område;Køn;Antal personer\n2024M01;Randrs;Mænd;12\n2021QMAT05;Aarhus;Mænd;1\n2024M01;Aarhus;Mænd;1x\n2024M01;Christiansø;Mænd;3\n' > y07a02_fejl.csv
before=$(sha pub.ws)
run jobindsats-errors 2 import -w pub.ws y07a02_fejl.csv y01a02_v2.json
run jobindsats-errors-en 2 --lang en import -w pub.ws y07a02_fejl.csv
[[ $(sha pub.ws) == "$before" ]] && echo "ok   jobindsats-errors-unchanged" || { echo "FAIL jobindsats-errors-unchanged"; fails=$((fails + 1)); }
n=$((n + 1))
cp y01a02_v3.json tal.json
run jobindsats-no-table-id 2 import -w pub.ws tal.json
printf 'person;uge;kommune;ydelse;tilbud\n1;2024-W01;730;dagpenge;\n' > panel.csv
run jobindsats-mixed 1 import -w pub.ws panel.csv y01a02_v2.json
# --check validates only
run jobindsats-check 0 import -w pub.ws --check y01a02_v2.json folk1a_koder.csv
[[ $(sha pub.ws) == "$before" ]] && echo "ok   jobindsats-check-unchanged" || { echo "FAIL jobindsats-check-unchanged"; fails=$((fails + 1)); }
n=$((n + 1))
# issue 16 §5: the tables behind the profile's published indicators import as
# they are (sanctions on kontanthjælp, the minister's target mm10 on companies,
# REGK31 by function in codes); src/calc/pubind.c reads them
run jobindsats-profil-tabeller 0 import -w pub.ws y36h01_2024.csv mm10_2024.csv REGK31_2024.csv
has jobindsats-profil-info "statistikbanken regk31 \"INDHOLD\": 2024 (1 periode), 2 områder, 5 rækker" info -w pub.ws
has jobindsats-profil-info-mm10 "jobindsats mm10 \"Samarbejdsgrad med eget jobcenter\": 2024Y01 (1 periode), 2 områder, 2 rækker" info -w pub.ws
