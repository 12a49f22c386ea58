# satser: the ØVO/mentor cap (L 77 2025-26) beside the budget follow-up's indsats
# element, from 2026; not shown before. A small panel for København in January
# 2025 and January 2026: A and B on dagpenge (B in vejledning), C on kontanthjælp
# in praktik, D in fleksjob (outside the target group); January 2027 too, a year the
# table holds no amount for (no data, "-").
"$STYR" init ws --kommune 101 >/dev/null
{
    echo "person;uge;kommune;ydelse;tilbud;timer"
    for y in 2025 2026 2027; do
        for w in 01 02 03 04 05; do
            echo "A;$y-W$w;101;dagpenge;;"
            echo "B;$y-W$w;101;dagpenge;vejledning;"
            echo "C;$y-W$w;101;kontanthjaelp;praktik;"
            echo "D;$y-W$w;101;fleksjob;;"
        done
    done
} > panel.csv
"$STYR" import -w ws panel.csv >/dev/null
# over the cap: dagpenge 2 x 50 pct. x 30.000 = 30.000 against 2 x 10.602 = 21.204,
# kontanthjælp 1 x 20 pct. x 20.000 = 4.000 against 10.602; in all 34.000 against 31.806
cat > over.csv <<'CSV'
kommune;aar;ydelse;fuldtidspersoner;pris;aktiveringsgrad;udgift_pr_tilbud
101;2026;dagpenge;2;100.000;50;30.000
101;2026;kontanthjaelp;1;80.000;20;20.000
101;2026;fleksjob;1;50.000;;
101;2025;dagpenge;2;100.000;50;30.000
101;2025;kontanthjaelp;1;80.000;20;20.000
101;2027;dagpenge;2;100.000;50;30.000
CSV
"$STYR" budget import -w ws over.csv >/dev/null
run satser-loft-over 0 budget opfoelgning -w ws --maaned 2026M01 --intern
run satser-loft-over-json 0 budget opfoelgning -w ws --maaned 2026M01 --intern --format json
run satser-loft-over-csv 0 budget opfoelgning -w ws --maaned 2026M01 --intern --format csv
run satser-loft-over-en 0 --lang en budget opfoelgning -w ws --maaned 2026M01 --intern
# before 2026 the cap does not apply: no cap section, no cap keys
run satser-loft-2025 0 budget opfoelgning -w ws --maaned 2025M01 --intern --format csv
# after the last year of the table: the section says there is no amount ("-")
has satser-loft-2027 "Loft for 2027: - (ingen grænse udmeldt i oevo_loft.csv)." budget opfoelgning -w ws --maaned 2027M01 --intern
has satser-loft-2027-json '"loft_status":"ingen_data"' budget opfoelgning -w ws --maaned 2027M01 --intern --format json
# under the cap: dagpenge 2 x 50 pct. x 10.000 = 10.000, kontanthjælp 1 x 20 pct. x
# 5.000 = 1.000; the forecast (all of C's weeks in an offer) 10.000 + 5.000 = 15.000
cat > under.csv <<'CSV'
kommune;aar;ydelse;fuldtidspersoner;pris;aktiveringsgrad;udgift_pr_tilbud
101;2026;dagpenge;2;100.000;50;10.000
101;2026;kontanthjaelp;1;80.000;20;5.000
CSV
"$STYR" budget import -w ws under.csv >/dev/null
run satser-loft-under 0 budget opfoelgning -w ws --maaned 2026M01 --intern
