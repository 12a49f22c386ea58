#!/usr/bin/env python3
"""Write data/satser.csv and data/oevo_loft.csv (run from the repository root).

  python3 tools/gen_satser.py

satser.csv: kr. per full-time week, per year 2008-2026 and benefit group, the
rate the money calculation multiplies full-time weeks by (spec/refusion.md:
gross amount of a week = the rate). Every row says in `kilde` where its number
comes from and how it was turned into kr. per week:

  - a monthly rate x 12 / 52, rounded to whole kroner;
  - a daily rate x 5 (dagpenge before the monthly rates of July 2017);
  - an annual rate / 52;
  - a weekly rate as published (sygedagpenge, ledighedsydelse 2014).

The representative rate of each group (one number must stand for everyone in
the group):

  dagpenge          the maximum rate, full-time insured
  sygedagpenge      the highest weekly amount (sygedagpengeloven § 50)
  kontanthjaelp     "fyldt 30 år, andre" (over 30, not a provider; before the
                    2014 reform "fyldt 25 år, andre")
  uddannelseshjaelp "under 30 år, udeboende" without activity supplement
  integration       integrationsydelse "over 30 år og udeboende under 30 år"
  jobafklaring,
  ressourceforloeb  ressourceforløbsydelse without a duty to provide
  revalidering      revalideringsydelse "fyldt 30 år"
  ledighedsydelse   the maximum (89 pct. of the dagpenge maximum)
  foertidspension   førtidspension, enlige (rules from 2003)
  kontanthjaelp_ny  the new kontanthjælp from 1 July 2025 (lov nr. 1655 af 30.
                    december 2024): "forhøjet sats", fyldt 30 år, not a provider,
                    without the supplements (tillæg til enlige ikke-forsørgere
                    etc.), as kontanthjaelp; only from 2025, the group's first year
  fleksjob, oevrige no official rate fits (a wage subsidy that falls with the
                    wage; a mix of efterløn, barsel and leave): estimates

Where a year has no sourced figure the row is an estimate and its kilde starts
"SKØN:": the nearest sourced year's rate of the same group, moved with the
sourced dagpenge maximum (all these rates follow satsreguleringen, as the
dagpenge maximum does). Sources are public rate tables found through the tool
library (bm.dk "Satser for <år>", retsinformation.dk "Vejledning om satser",
unemployment funds' and employer organisations' copies of them, and the DREAM
group's published rate series, github.com/DREAMmodel/Overfoerselsindkomster).

Deterministic: the same script writes the same bytes.
"""

YEARS = range(2008, 2027)
GROUPS = ["dagpenge", "sygedagpenge", "kontanthjaelp", "uddannelseshjaelp", "integration",
          "jobafklaring", "ressourceforloeb", "revalidering", "ledighedsydelse", "fleksjob",
          "foertidspension", "oevrige", "kontanthjaelp_ny"]
# the first year of a group that has not always existed (ydelser.csv, fra): no rate before
FIRST = {"kontanthjaelp_ny": 2025}


def kr(v):
    """1234567 -> '1.234.567' (Danish thousands separator)."""
    return f"{v:,}".replace(",", ".")


def month(v, src):
    return round(v * 12 / 52), f"{src}: {kr(v)} kr./md. x 12/52"


def day(v, src):
    return v * 5, f"{src}: {kr(v)} kr./dag x 5"


def year(v, src):
    return round(v / 52), f"{src}: {kr(v)} kr./år / 52"


def week(v, src):
    return v, f"{src}: {kr(v)} kr./uge"


DREAM = "DREAMmodel/Overfoerselsindkomster Satser.cs (DREAM-gruppens satsrække)"

# ---- sourced figures, per group and year: (kr. per week, kilde) ----------------------
SRC = {g: {} for g in GROUPS}
dp = SRC["dagpenge"]
for y, v in {2008: 182780, 2009: 188500, 2010: 195520, 2011: 199160, 2012: 204880, 2013: 208260}.items():
    dp[y] = year(v, f"maks. dagpengesats {y}, {DREAM}")
dp[2014] = day(815, "bm.dk Satser for 2014, dagpenge fuldtidsforsikrede")
dp[2015] = day(827, "bm.dk Satser for 2015, dagpenge fuldtidsforsikrede")
dp[2017] = month(18403, "bm.dk Satser for 2017, dagpenge fuldtidsforsikrede (månedssats fra 1.7.2017)")
dp[2018] = month(18633, "3f.dk/bf-a.dk satser 2018, dagpenge fuldtid")
dp[2019] = month(18866, "3f.dk og danskerhverv.dk satser 2019, dagpenge fuldtidsforsikrede")
dp[2020] = month(19083, "horesta.dk satser 2020, arbejdsløshedsdagpenge fuldtidsforsikrede")
dp[2021] = month(19322, "serviceforbundet.dk satser 2021, dagpenge fuldtidsforsikret")
dp[2022] = month(19351, "serviceforbundet.dk satser 2022, dagpenge fuldtidsforsikret")
dp[2023] = month(19728, "bm.dk Satser for 2023, dagpenge fuldtidsforsikrede")
dp[2024] = month(20359, "aka.dk/fa-k.dk satser 2024, dagpenge maksimal sats")
dp[2025] = month(21092, "bm.dk Satser for 2025 og dsa.dk, dagpenge fuldtidsforsikret u. beskæftigelsestillæg")
dp[2026] = month(22041, "beraknare.se med henvisning til bm.dk/satser/satser-for-2026, maks. dagpengesats "
                        "(sekundær kilde)")

sd = SRC["sygedagpenge"]
sd[2013] = week(4005, "bm.dk Satser for 2013, højeste sygedagpengebeløb")
sd[2014] = week(4075, "bm.dk Satser for 2014, højeste sygedagpengebeløb")
sd[2015] = week(4135, "bm.dk Satser for 2015, højeste sygedagpengebeløb")
sd[2016] = week(4180, "retsinformation.dk Vejledning om satser 2016, tabel 1")
sd[2017] = week(4245, "bm.dk Satser for 2017, højeste sygedagpengebeløb")
sd[2018] = week(4300, "kk.dk og pav.medst.dk (Vejledning om satser 2018), højeste sygedagpengebeløb")
sd[2019] = week(4355, "bm.dk Satser for 2019, højeste sygedagpengebeløb")
sd[2020] = week(4405, "bm.dk Satser for 2020 (ressourceforløbsydelse, højeste sygedagpengebeløb) og horesta.dk")
sd[2021] = week(4460, "danskerhverv.dk og serviceforbundet.dk satser 2021, højeste sygedagpengebeløb")
sd[2022] = week(4465, "serviceforbundet.dk satser 2022 og pav.medst.dk (vejl. 9210 2022)")
sd[2023] = week(4550, "bm.dk Satser for 2023, højeste sygedagpengebeløb")
sd[2024] = week(4695, "dag.dk og serviceforbundet.dk satser 2024, højeste sygedagpengebeløb")

kh = SRC["kontanthjaelp"]
kh[2013] = month(10500, "bm.dk Satser for 2013, kontanthjælp fyldt 25 år, andre")
kh[2014] = month(10689, "bm.dk Satser for 2014, kontanthjælp fyldt 30 år, andre")
kh[2015] = month(10849, "Vejledning om satser 2015 (gengivet af blog.chrisalban.com), over 30 år uden forsørgerpligt")
kh[2016] = month(10968, "bm.dk Satser for 2016, kontanthjælp fyldt 30 år, andre")
kh[2017] = month(11143, "bm.dk Satser for 2017, kontanthjælp fyldt 30 år, andre")
kh[2018] = month(11282, "kk.dk og bm.dk (kontantydelse 2018), kontanthjælp fyldt 30 år, andre")
kh[2019] = month(11423, "danskerhverv.dk Satser for 2019, ressourceforløbsydelse uden forsørgerpligt "
                        "(samme sats som kontanthjælp fyldt 30 år, andre)")
kh[2020] = month(11554, "bm.dk Satser for 2020, ressourceforløbsydelse ikke-forsørgere (samme sats som "
                        "kontanthjælp fyldt 30 år, andre)")
kh[2021] = month(11698, "bm.dk Satser for 2021 (gengivet af aktivsocialraadgiver.dk), kontanthjælp fyldt 30 år, andre")
kh[2023] = month(11944, "bm.dk Satser for 2023, kontanthjælp fyldt 30 år, andre")
kh[2024] = month(12326, "detfagligehus.dk satser 2024, fyldt 30 år uden forsørgerpligt")

ud = SRC["uddannelseshjaelp"]
ud[2016] = month(6010, "bm.dk Satser for 2016, uddannelseshjælp under 30 år, udeboende")
ud[2018] = month(6182, "satser 2018 (gengivet af behandlosordentligt.dk), uddannelseshjælp under 30 år, udeboende")
ud[2020] = month(6331, "bm.dk Satser for 2020, uddannelseshjælp under 30 år, udeboende")
ud[2023] = month(6545, "bm.dk Satser for 2023, uddannelseshjælp under 30 år, udeboende")

SRC["integration"][2018] = month(5997, "kk.dk satser 2018 (efter nedsættelsen 1.7.2018), integrationsydelse "
                                       "over 30 år og udeboende under 30 år")

for g in ("jobafklaring", "ressourceforloeb"):
    SRC[g][2019] = month(11423, "danskerhverv.dk Satser for 2019, ressourceforløbsydelse uden forsørgerpligt")
    SRC[g][2020] = month(11554, "bm.dk Satser for 2020, ressourceforløbsydelse ikke-forsørgere")
    SRC[g][2021] = month(11698, "danskerhverv.dk satser 2021, ressourceforløbsydelse ved jobafklaring, "
                                "ikke-forsørgende")
    SRC[g][2023] = month(11944, "region.de Satser og tal 2023, ressourceforløbsydelse ikke forsørger")

rv = SRC["revalidering"]
rv[2014] = month(17663, "bm.dk Satser for 2014, revalideringsydelse fyldt 30 år")
rv[2015] = month(17928, "bm.dk Satser for 2015, revalideringsydelse fyldt 30 år")
rv[2021] = month(19334, "serviceforbundet.dk satser 2021, revalideringsydelse over 30 år")
rv[2022] = month(19363, "serviceforbundet.dk satser 2022, revalideringsydelse over 30 år")
rv[2024] = month(20373, "serviceforbundet.dk satser 2024, revalideringsydelse over 30 år")

SRC["ledighedsydelse"][2014] = week(3625, "bm.dk Satser for 2014, ledighedsydelse (maksimum)")
SRC["ledighedsydelse"][2019] = month(16791, "danskerhverv.dk Satser for 2019, ledighedsydelse (89 pct.)")
SRC["ledighedsydelse"][2020] = week(3919, "bm.dk Satser for 2020, ressourceforløbsydelse (ledighedsydelse 89 pct.)")

fp = SRC["foertidspension"]
for y, v in {2008: 182784, 2009: 188448, 2010: 195420, 2011: 199128, 2012: 204900, 2013: 209208}.items():
    fp[y] = year(v, f"førtidspension enlige {y}, {DREAM}")
fp[2021] = month(19331, "serviceforbundet.dk satser 2021, førtidspension enlige")
fp[2022] = year(232320, "serviceforbundet.dk satser 2022, førtidspension enlige")
fp[2024] = month(20370, "serviceforbundet.dk satser 2024, førtidspension enlige")

# the one estimate with no sourced figure at all (dagpenge 2016): the 2016 sygedagpenge
# maximum, which equalled the dagpenge maximum x 5 in every sourced year 2013-2015
assert all(SRC["sygedagpenge"][y][0] == SRC["dagpenge"][y][0] for y in (2013, 2014, 2015))
DP16 = (4180, "SKØN: højeste sygedagpengebeløb 2016 4.180 kr./uge (retsinformation.dk Vejledning om "
              "satser 2016), sygedagpengemaksimum var lig dagpengemaksimum x 5 i 2013-2015")
dpw = {y: (SRC["dagpenge"][y][0] if y in SRC["dagpenge"] else DP16[0]) for y in YEARS}

# groups without any official rate: the earlier estimates (average weekly amount per
# full-time person in 2024, indexed back 1,8 pct. a year), kept so as not to invent more
ESTIMATE_2024 = {"fleksjob": 1900, "oevrige": 3600}


def estimate(g, y):
    if g == "kontanthjaelp_ny":
        # No published table of the new rates was found in the tool library (the
        # municipalities' pages found give the supplements only: tillæg til enlige
        # ikke-forsørgere 1.092 kr./md. 2025, kalundborg.dk). The forhøjet sats for a
        # person of 30 or more without children is taken at the level of the old
        # "fyldt 30 år, andre", the group's predecessor in the same representative case.
        v, src = estimate("kontanthjaelp", y) if y not in SRC["kontanthjaelp"] else SRC["kontanthjaelp"][y]
        return v, "SKØN: forhøjet sats (fyldt 30 år, ikke-forsørger, uden tillæg) sat lig den gamle " \
                  "kontanthjælps sats fyldt 30 år, andre (ingen offentlig tabel over de nye satser fundet): " + \
                  src.removeprefix("SKØN: ").split(" (den gamle")[0]
    if g == "dagpenge":
        return DP16
    if g in ESTIMATE_2024:
        v = round(ESTIMATE_2024[g] * (1 - 0.018) ** (2024 - y))
        why = {"fleksjob": "gennemsnitligt flekslønstilskud pr. fuldtidsperson (tilskuddet falder med lønnen)",
               "oevrige": "gennemsnitlig ugentlig ydelse pr. fuldtidsperson i en blandet gruppe "
                          "(efterløn, barsel, orlov)"}[g]
        return v, f"SKØN: {why}, ikke en officiel sats, 2024-niveau {kr(ESTIMATE_2024[g])} kr./uge " \
                  f"tilbageskrevet 1,8 pct. om året"
    known = SRC[g]
    a = min(known, key=lambda k: (abs(k - y), -k))  # the nearest sourced year, the later on a tie
    v = round(known[a][0] * dpw[y] / dpw[a])
    note = ""
    if g == "kontanthjaelp" and y >= 2025:
        note = " (den gamle kontanthjælp, den nye fra 1.7.2025 er sin egen gruppe)"
    if g in ("jobafklaring",) and y < 2014:
        note = " (ydelsen fandtes ikke før 2014)"
    if g in ("ressourceforloeb",) and y < 2013:
        note = " (ydelsen fandtes ikke før 2013)"
    if g == "integration" and (y < 2015 or y > 2020):
        note = " (starthjælp før 2015, selvforsørgelses- og hjemrejseydelse fra 2021)"
    return v, f"SKØN: {a}-satsen {kr(known[a][0])} kr./uge fulgt med dagpengemaksimum fra {a} til {y} " \
              f"({kr(dpw[a])} -> {kr(dpw[y])} kr./uge){note}"


rows = []
for y in YEARS:
    for g in GROUPS:
        if y < FIRST.get(g, 0):
            continue
        v, src = SRC[g][y] if y in SRC[g] else estimate(g, y)
        assert ";" not in src, src
        rows.append((y, g, v, src))

with open("data/satser.csv", "w", encoding="utf-8", newline="\n") as f:
    f.write("# Kilde: kr. pr. fuldtidsuge pr. år (2008-2026) og ydelse, skrevet af tools/gen_satser.py. "
            "Repræsentativ sats: dagpenge og sygedagpenge maksimum; kontanthjælp fyldt 30 år, andre "
            "(ikke-forsørger); uddannelseshjælp under 30 år, udeboende; integrationsydelse over 30 år; "
            "ressourceforløbsydelse ikke-forsørger; revalideringsydelse fyldt 30 år; ledighedsydelse "
            "maksimum; førtidspension enlige. Omregning: md. x 12/52, dag x 5, år / 52. Kolonnen kilde "
            "siger for hver række, hvor tallet er fra; rækker uden offentlig sats begynder med SKØN.\n")
    f.write("aar;ydelse;kr_pr_uge;kilde\n")
    for r in rows:
        f.write(";".join(str(x) for x in r) + "\n")

# ---- the cap on ØVO and mentor spending (L 77 2025-26, LAB § 203 a) -------------------
# 10.602 kr. per full-time person in the target group (2026 level), from 2026. The target
# group is LAB § 6, nr. 1-10, including those in løntilskud and 6 ugers jobrettet uddannelse;
# persons in fleksjob are not counted. The reading chosen, as styr's groups:
#   in:  dagpenge (nr. 1), kontanthjælp (nr. 2-3), uddannelseshjælp (nr. 4-5), sygedagpenge
#        (nr. 6), jobafklaring (nr. 7), ressourceforløb (nr. 8), ledighedsydelse (nr. 9, the
#        fleksjob-visiterede not in a fleksjob), revalidering (nr. 10);
#   out: fleksjob (excluded by the law), førtidspension (nr. 11), the other groups (not in
#        § 6, nr. 1-10), and integration: nr. 2-5 cover kontanthjælp and overgangsydelse for
#        persons not in the program under integrationsloven, while styr's group is mostly
#        selvforsørgelses- og hjemrejseydelse in that program, whose offers have a limit of
#        their own (the rådighedsbeløb of integrationsloven § 45). A municipality that reads
#        it otherwise adds a row to data/oevo_loft.csv.
# Later years follow stk. 7 (a yearly regulation not yet published), so only 2026 is here.
OEVO_GROUPS = ["dagpenge", "kontanthjaelp", "uddannelseshjaelp", "sygedagpenge", "jobafklaring", "ressourceforloeb",
               "revalidering", "ledighedsydelse"]
with open("data/oevo_loft.csv", "w", encoding="utf-8", newline="\n") as f:
    f.write("# Kilde: L 77 (2025-26), lov om en aktiv beskæftigelsesindsats § 203 a (fremsat 7.11.2025, "
            "ft.dk/ripdf/samling/20251/lovforslag/l77): grænse for kommunens udgifter til øvrig vejledning "
            "og opkvalificering samt mentorstøtte i budgetgarantien, kr. pr. fuldtidsperson i målgruppen fra "
            "1.1.2026. Målgruppen er § 6, nr. 1-10 (også i løntilskud og 6 ugers jobrettet uddannelse), "
            "ikke fleksjob: styrs ydelsesgrupper herunder, en række pr. år og ydelse (integration er ikke med: "
            "selvforsørgelses- og hjemrejseprogrammet har sit eget rådighedsbeløb efter integrationsloven). "
            "Skrevet af "
            "tools/gen_satser.py. Senere års grænse (§ 203 a, stk. 7) tilføjes, når den er udmeldt.\n")
    f.write("aar;ydelse;kr_pr_fuldtidsperson;kilde\n")
    for g in OEVO_GROUPS:
        f.write(f"2026;{g};10602;L 77 2025-26 § 1 (LAB § 203 a stk. 2): 10.602 kr. pr. fuldtidsperson "
                f"(2026-niveau) i målgruppen § 6 nr. 1-10\n")
print("wrote data/satser.csv data/oevo_loft.csv")
