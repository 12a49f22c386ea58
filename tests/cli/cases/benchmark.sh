# issue 13 §2: STAR's benchmark "forventet mod faktisk" (jobindsats Y30R21) and
# --klynge forventet (the municipality and the 10 nearest in expected share).
# The fixture (tests/fixtures/benchmark/README.md) is constructed; its top 10 of
# 2023QMAT04 is the order Beskæftigelsesministeriet published.
cp "$HERE"/../fixtures/benchmark/*.csv .
"$STYR" init y30.ws --kommune 730 > /dev/null
"$STYR" init tom.ws --kommune 730 > /dev/null
run benchmark-no-figures 1 benchmark -w tom.ws
has benchmark-import "Importeret: 5.083 offentlige tal" import -w y30.ws y30r21_2023qmat04.csv y30r21_2022qmat04.csv
# the latest period, places as published; Solrød and Fredensborg share -2,8 but carry 3 and 4
run benchmark-table 0 benchmark -w y30.ws
# styr's ranks from the rounded differences agree with the published places within ties
has benchmark-within-ties '"placering_afviger": 0' benchmark -w y30.ws --format json
# the published top 10 (bm.dk, March 2024), in order
top=$("$STYR" benchmark -w y30.ws --format csv | awk -F';' 'NR > 1 && NR <= 11 { printf "%s,", $2 }')
n=$((n + 1))
if [[ $top == "Billund,Ballerup,Solrød,Fredensborg,Furesø,Rebild,Allerød,Holbæk,Faaborg-Midtfyn,Norddjurs," ]]; then
    echo "ok   benchmark-published-top10"
else
    echo "FAIL benchmark-published-top10: $top"; fails=$((fails + 1))
fi
# no places in the table: styr ranks, ties share the best; Læsø has no data ("-", null)
run benchmark-json-no-rank 0 benchmark -w y30.ws --periode 2022QMAT04 --ydelse sygedagpenge_mv --format json
run benchmark-en 0 --lang en benchmark -w y30.ws --ydelse kontanthjaelp_mv --periode 2022M12R12
run benchmark-csv 0 benchmark -w y30.ws --ydelse dagpenge_mv --format csv
run benchmark-bad-period 1 benchmark -w y30.ws --periode 2021QMAT04
run benchmark-bad-group 1 benchmark -w y30.ws --ydelse alle
run benchmark-bad-format 1 benchmark -w y30.ws --format xlsx

# --klynge forventet on a copy of the synthetic panel (Odense) with the Y30R21 figures
cp -a ../big big.ws
"$STYR" import -w big.ws y30r21_2023qmat04.csv y30r21_2022qmat04.csv > /dev/null
run benchmark-compare-no-y30 1 compare -w ../big --periode 2024 --klynge forventet
run benchmark-compare-forventet 0 compare -w big.ws --periode 2024 --klynge forventet
run benchmark-compare-forventet-json-en 0 --lang en compare -w big.ws --periode 2024 --klynge forventet --ydelse sygedagpenge --format json
run benchmark-scorecard-forventet 0 scorecard -w big.ws --periode 2024 --klynge forventet --ydelse sygedagpenge
run benchmark-profil-forventet 0 profil -w big.ws --periode 2024 --klynge forventet
run benchmark-profil-bad-klynge 1 profil -w big.ws --klynge naboer
"$STYR" report -w big.ws --periode 2024 --klynge forventet -o forventet.html 2> /dev/null
file_has benchmark-report-grouping "Sammenlignet med de 10 kommuner, hvis forventede andel ligger nærmest (jobindsats Y30R21, 2023QMAT04)." forventet.html
file_has benchmark-report-place "placering 58 af 98 (2023QMAT04), 84 (2022QMAT04). Andelen på offentlig forsørgelse var 0,6 procentpoint over den forventede." forventet.html
"$STYR" report -w big.ws --periode 2024 -o klynge.html 2> /dev/null
file_has benchmark-report-cluster "Sammenlignet med Klynge 1 storbykommuner (2024, 6 kommuner)." klynge.html
file_has benchmark-report-place-cluster 'id="benchmark"' klynge.html
# without Y30R21 rows the report has no benchmark line
"$STYR" report -w ../big --periode 2024 -o uden.html 2> /dev/null
n=$((n + 1))
if grep -q 'id="benchmark"' uden.html; then echo "FAIL benchmark-report-none"; fails=$((fails + 1)); else echo "ok   benchmark-report-none"; fi
