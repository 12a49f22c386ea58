# kthj: the new kontanthjælp from 1 July 2025 (lov nr. 1655 af 30. december 2024) as
# a group of its own, kontanthjaelp_ny, and the union kontanthjaelp_mv = kontanthjælp,
# uddannelseshjælp, integration and the new kontanthjælp, whose spells run on across
# the reform. A hand-made panel for København, 2025:
#   R kontanthjaelp W14-W26 (13 weeks), kontanthjaelp_ny W27-W40 (14)
#   S uddannelseshjaelp W20-W26 (7), kontanthjaelp_ny W27-W30 (4)
#   T integration in praktik W01-W26 (26)
#   U a week of dagpenge in 2024-W10 (so the panel covers 2024)
#   Z a job week in W52 (the panel's last week)
# By hand, 2025: the union has 27 + 11 + 26 = 64 weeks (1,2 full-time persons),
# 3 persons (not 1 + 1 + 1 + 2 = 5), activation 26/64 = 40,6 pct., 3 spells
# of 27, 11 and 26 weeks (varighed 21,3); the separate groups end R's and S's
# spells at the reform (kontanthjaelp 13, uddannelseshjaelp 7) and start two in
# kontanthjaelp_ny (14 + 4: varighed 9,0). Money: 13 x 2.946 + 7 x 1.614 +
# 26 x 1.566 + 18 x 2.946 = 143.340 kr. gross, the sum of the parts.
"$STYR" init ws --kommune 101 >/dev/null
{
    echo "person;uge;kommune;ydelse;tilbud;timer"
    for w in $(seq 14 40); do
        if ((w < 27)); then y=kontanthjaelp; else y=kontanthjaelp_ny; fi
        printf 'R;2025-W%02d;101;%s;;\n' "$w" "$y"
    done
    for w in $(seq 20 30); do
        if ((w < 27)); then y=uddannelseshjaelp; else y=kontanthjaelp_ny; fi
        printf 'S;2025-W%02d;101;%s;;\n' "$w" "$y"
    done
    for w in $(seq 1 26); do printf 'T;2025-W%02d;101;integration;praktik;\n' "$w"; done
    echo "U;2024-W10;101;dagpenge;;"
    echo "Z;2025-W52;101;;;37"
} > panel.csv
"$STYR" import -w ws panel.csv >/dev/null
run kthj-figures 0 figures -w ws --kommune 101 --intern --periode 2025 --format csv \
    --ydelse kontanthjaelp,uddannelseshjaelp,integration,kontanthjaelp_ny,kontanthjaelp_mv,i_alt
run kthj-figures-en 0 --lang en figures -w ws --kommune 101 --intern --periode 2025 --ydelse kontanthjaelp_ny,kontanthjaelp_mv
# 2024: the new kontanthjælp did not exist yet: not applicable (.), not 0; the union
# is the old groups (nobody on them in 2024 here: 0)
run kthj-before 0 figures -w ws --kommune 101 --intern --periode 2024 --ydelse kontanthjaelp_ny,kontanthjaelp_mv
run kthj-money 0 money -w ws --kommune 101 --intern --periode 2025 \
    --ydelse kontanthjaelp,uddannelseshjaelp,integration,kontanthjaelp_ny,kontanthjaelp_mv
has kthj-noegletal "Kontanthjælp mv." noegletal -w ws --periode 2025 --intern
has kthj-scorecard "Kontanthjælp mv." scorecard -w ws --periode 2025 --intern --ydelse kontanthjaelp_mv
has kthj-info "kontanthjaelp_mv" info -w ws --koder
# no person-week is in a union: the import and the budget say so
printf 'person;uge;kommune;ydelse;tilbud;timer\nQ;2025-W30;101;kontanthjaelp_mv;;\n' > union.csv
run kthj-import-union 2 import -w ws union.csv
printf 'kommune;aar;ydelse;fuldtidspersoner;pris\n101;2026;kontanthjaelp_mv;2;100.000\n' > budget.csv
run kthj-budget-union 2 budget import -w ws budget.csv
# a goal on the union
run kthj-goal 0 goals add -w ws --ydelse kontanthjaelp_mv --figur varighed --maal "<=20" --aar 2025 --tekst "Kortere forløb i kontanthjælp mv."
