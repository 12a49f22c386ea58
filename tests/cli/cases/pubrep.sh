# issue 13 §2: a committee report, goals and comparisons from published figures only
# (tests/fixtures/public: a02 tables of five groups for all 98 municipalities and Hele
# landet, 2023-2025, the labour force and FOLK1A 2025; Y30R21 from tests/fixtures/benchmark),
# every value labelled with its source; and a mixed workspace (a panel for the own
# municipality, published figures for the others).
export SOURCE_DATE_EPOCH=1798000000 # the retrieval date of the imports and the report's date: 2026-12-23
"$STYR" init pub.ws --kommune 730 > /dev/null
has pubrep-import "Importeret: 40.075 offentlige tal" import -w pub.ws "$HERE"/../fixtures/public/*.csv \
    "$HERE"/../fixtures/benchmark/y30r21_2022qmat04.csv "$HERE"/../fixtures/benchmark/y30r21_2023qmat04.csv
run pubrep-noegletal 0 noegletal -w pub.ws --periode 2025M06
run pubrep-compare 0 compare -w pub.ws --ydelse dagpenge --periode 2025M06
run pubrep-compare-json 0 compare -w pub.ws --ydelse sygedagpenge --periode 2024 --format json
run pubrep-scorecard 0 scorecard -w pub.ws --periode 2025M06
run pubrep-profil 0 profil -w pub.ws --periode 2025M06
# money needs a person panel: no data ("-", null), never 0 kr.
run pubrep-money 0 money -w pub.ws --ydelse dagpenge,i_alt --periode 2025M06
has pubrep-money-json '"brutto":null,"refusion":null,"netto":null' money -w pub.ws --ydelse i_alt --periode 2024 --format json
# month by month from the published months (the year to date their week-weighted average), with sources
run pubrep-udvikling 0 figures -w pub.ws --udvikling --ydelse sygedagpenge
run pubrep-udvikling-json 0 figures -w pub.ws --udvikling --ydelse dagpenge --periode 2024M12 --format json

# goals on published months: the year to date is the months' week-weighted average
"$STYR" goals add -w pub.ws --ydelse dagpenge --figur andel_befolkning --maal klynge --aar 2025 > /dev/null
"$STYR" goals add -w pub.ws --ydelse sygedagpenge --figur fuldtidspersoner --maal -5% --aar 2025 > /dev/null
"$STYR" goals add -w pub.ws --ydelse kontanthjaelp --figur fuldtidspersoner --maal "<=1200" --aar 2024 > /dev/null
run pubrep-goals 0 goals -w pub.ws
run pubrep-goals-json 0 goals -w pub.ws --format json

# the full report: sections with values, every section's source, what needs a panel says so
"$STYR" report -w pub.ws -o pub.html --xlsx pub.xlsx 2> /dev/null
file_has pubrep-report-lead "I juni 2025 var 15,9 pct. af borgerne 16-66 år i Randers Kommune på offentlig forsørgelse. Det svarer til 9.694 fuldtidspersoner. I klyngen var andelen 18,3 pct." pub.html
file_has pubrep-report-key '<td>A-dagpenge</td><td class="n">1.430,0<sup class="kilde">[2]</sup></td><td class="n">2,3 pct.<sup class="kilde">[2]</sup></td><td class="n">1,9 pct.<sup class="kilde">[2]</sup></td><td class="n">16 af 21</td>' pub.html
file_has pubrep-report-source "Kilde: [1] jobindsats ptva02, hentet 2026-12-23; [2] jobindsats y01a02, hentet 2026-12-23; [3] jobindsats y36a02, hentet 2026-12-23; [4] jobindsats y38a02, hentet 2026-12-23; [5] jobindsats y07a02, hentet 2026-12-23." pub.html
file_has pubrep-report-dev "<tr><td>marts 2025</td><td class=\"n\">1.678,0</td><td class=\"n\">1.772,0</td><td class=\"n\">-5,3 pct.</td></tr>" pub.html
file_has pubrep-report-ytd '<tr><td>Sygedagpenge</td><td class="n">1.395,3</td><td class="n">1.416,0</td><td class="n">-1,5 pct.</td></tr>' pub.html
file_has pubrep-report-scorecard "Hurtigere i job og fastholdt i job kræver personpanel" pub.html
file_has pubrep-report-goal '<td>Sygedagpenge: Fuldtidspersoner 2025</td><td>-5,0 pct. fra året før</td><td class="n">1.395,3</td>' pub.html
file_has pubrep-report-money "Økonomien efter refusion (brutto, refusion, netto og refusionstrappen) kræver personpanel" pub.html
file_has pubrep-report-persondata 'id="persondata"' pub.html
file_has pubrep-report-benchmark "placering 46 af 98 (2023QMAT04), 91 (2022QMAT04)" pub.html
file_has pubrep-report-footer "offentlige tal fra jobindsats.dk og Danmarks Statistik (intet personpanel" pub.html
for s in noegletal sammenfatning klynge udvikling udvikling-maaned scorecards maal oekonomi; do
    file_has "pubrep-report-section-$s" "id=\"$s\"" pub.html
done
n=$((n + 1))
if grep -q 'id="klynge-aktiveringsgrad' pub.html; then
    echo "FAIL pubrep-report-no-empty-charts"; fails=$((fails + 1)); else echo "ok   pubrep-report-no-empty-charts"; fi
n=$((n + 1))
if unzip -p pub.xlsx xl/sharedStrings.xml | grep -qF "Kilde: [2] jobindsats y01a02, hentet 2026-12-23"; then
    echo "ok   pubrep-xlsx-source"; else echo "FAIL pubrep-xlsx-source"; fails=$((fails + 1)); fi
"$STYR" --lang en report -w pub.ws -o pub-en.html 2> /dev/null
file_has pubrep-report-en "Source: [1] jobindsats ptva02, retrieved 2026-12-23" pub-en.html
"$STYR" report -w pub.ws --klynge forventet -o pub-fv.html 2> /dev/null
file_has pubrep-report-forventet "Sammenlignet med de 10 kommuner, hvis forventede andel ligger nærmest (jobindsats Y30R21, 2023QMAT04)." pub-fv.html
run pubrep-compare-forventet 0 compare -w pub.ws --klynge forventet --periode 2024

# no NaN or inf in any format of the public-only workspace
"$STYR" report -w pub.ws --periode 2024 -o pub24.html --xlsx pub24.xlsx 2> /dev/null
for fmt in json csv; do
    "$STYR" figures -w pub.ws --kommune alle,land --ydelse alle --periode 2024M01..2025M06 --format $fmt -o pub-fig.$fmt 2> /dev/null
    "$STYR" compare -w pub.ws --ydelse kontanthjaelp --format $fmt -o pub-cmp.$fmt 2> /dev/null
done
"$STYR" goals -w pub.ws --format json > pub-goals.json 2> /dev/null
"$STYR" scorecard -w pub.ws --format json > pub-sc.json 2> /dev/null
"$STYR" profil -w pub.ws > pub-profil.txt 2> /dev/null
mkdir -p xl && (cd xl && unzip -oq ../pub.xlsx && unzip -oq ../pub24.xlsx -d y24)
n=$((n + 1))
if grep -rqiE '(-?\bnan\b|-?\binf\b)' pub.html pub24.html pub-en.html pub-fv.html pub-fig.* pub-cmp.* pub-goals.json pub-sc.json pub-profil.txt xl; then
    echo "FAIL pubrep-nan: NaN or inf in a public-only output"; fails=$((fails + 1)); else echo "ok   pubrep-nan"; fi

# mixed: DREAM-like panel for Randers, jobindsats for the cluster; the own from the panel, the others labelled
awk 'BEGIN { OFS = ";"; print "person", "uge", "kommune", "ydelse", "tilbud"; split("dagpenge sygedagpenge kontanthjaelp", G, " ")
    for (i = 1; i <= 900; i++) { s = (i * 37) % 125; l = 4 + (i * 53) % 60; g = G[1 + i % 3]
        for (w = s; w < s + l && w < 130; w++) { t = (w - s >= 8 && i % 4 == 0) ? "praktik" : ""
            printf "P%04d;%d-W%02d;730;%s;%s\n", i, 2023 + int(w / 52), w % 52 + 1, g, t } } }' > mix.csv
"$STYR" init mix.ws --kommune 730 > /dev/null
"$STYR" import -w mix.ws mix.csv > /dev/null
"$STYR" import -w mix.ws "$HERE"/../fixtures/public/*.csv > /dev/null
run pubrep-mixed-compare 0 compare -w mix.ws --ydelse dagpenge --periode 2024
run pubrep-mixed-compare-json 0 compare -w mix.ws --ydelse sygedagpenge --periode 2024 --format json
"$STYR" report -w mix.ws --periode 2024 -o mix.html 2> /dev/null
file_has pubrep-mixed-report-source "Kommuner uden panel i perioden: offentlige tal" mix.html
file_has pubrep-mixed-report-own '<td>A-dagpenge</td><td class="n">' mix.html
n=$((n + 1))
own=$(grep -o '<td>A-dagpenge</td><td class="n">[^<]*<[^>]*>' mix.html | head -1)
if [[ $own == *'<sup'* ]]; then echo "FAIL pubrep-mixed-own-unmarked: $own"; fails=$((fails + 1)); else echo "ok   pubrep-mixed-own-unmarked"; fi
unset SOURCE_DATE_EPOCH
