#!/usr/bin/env python3
"""Write the reference tables in data/ (run from the repository root).

Every table starts with one '# ...' source line that says where its numbers
come from, and whether they are real, approximate or generated. styr init
loads these files (they are compiled into the binary).

  python3 tools/gen_refdata.py

Deterministic: the same script writes the same bytes.
"""
import math
import random

# ---- municipalities: code, name, region (real: the 98 municipalities since 2007) ----
KOMMUNER = """
101 København H 660000
147 Frederiksberg H 104000
151 Ballerup H 49000
153 Brøndby H 36000
155 Dragør H 14700
157 Gentofte H 75000
159 Gladsaxe H 70000
161 Glostrup H 24000
163 Herlev H 30000
165 Albertslund H 28000
167 Hvidovre H 54000
169 Høje-Taastrup H 52000
173 Lyngby-Taarbæk H 57000
175 Rødovre H 41000
183 Ishøj H 23500
185 Tårnby H 44000
187 Vallensbæk H 17000
190 Furesø H 41500
201 Allerød H 26000
210 Fredensborg H 41000
217 Helsingør H 63500
219 Hillerød H 53500
223 Hørsholm H 25500
230 Rudersdal H 57000
240 Egedal H 44500
250 Frederikssund H 46000
253 Greve S 51500
259 Køge S 62000
260 Halsnæs H 31500
265 Roskilde S 90000
269 Solrød S 23500
270 Gribskov H 41500
306 Odsherred S 33000
316 Holbæk S 73000
320 Faxe S 37500
326 Kalundborg S 48500
329 Ringsted S 36000
330 Slagelse S 80000
336 Stevns S 23500
340 Sorø S 30500
350 Lejre S 29000
360 Lolland S 40500
370 Næstved S 84000
376 Guldborgsund S 60500
390 Vordingborg S 45500
400 Bornholm H 39500
410 Middelfart D 39500
420 Assens D 41000
430 Faaborg-Midtfyn D 51500
440 Kerteminde D 24000
450 Nyborg D 32500
461 Odense D 208000
479 Svendborg D 59000
480 Nordfyns D 29500
482 Langeland D 12000
492 Ærø D 6000
510 Haderslev D 55000
530 Billund D 27000
540 Sønderborg D 74000
550 Tønder D 37000
561 Esbjerg D 116000
563 Fanø D 3500
573 Varde D 50000
575 Vejen D 43000
580 Aabenraa D 58500
607 Fredericia D 52500
615 Horsens M 98000
621 Kolding D 95000
630 Vejle D 121000
657 Herning M 90000
661 Holstebro M 59000
665 Lemvig M 19500
671 Struer M 20500
706 Syddjurs M 43500
707 Norddjurs M 37500
710 Favrskov M 49500
727 Odder M 23500
730 Randers M 99500
740 Silkeborg M 98000
741 Samsø M 3700
746 Skanderborg M 64500
751 Aarhus M 367000
756 Ikast-Brande M 42000
760 Ringkøbing-Skjern M 56000
766 Hedensted M 47500
773 Morsø N 20000
779 Skive M 46000
787 Thisted N 43000
791 Viborg M 98000
810 Brønderslev N 36500
813 Frederikshavn N 58500
820 Vesthimmerlands N 36500
825 Læsø N 1800
840 Rebild N 30500
846 Mariagerfjord N 42000
849 Jammerbugt N 38500
851 Aalborg N 222000
860 Hjørring N 64000
"""
REGION = {"H": "Hovedstaden", "S": "Sjælland", "D": "Syddanmark", "M": "Midtjylland", "N": "Nordjylland"}

kommuner = []
for line in KOMMUNER.strip().splitlines():
    parts = line.split()
    code, pop, reg = int(parts[0]), int(parts[-1]), parts[-2]
    name = " ".join(parts[1:-2])
    kommuner.append((code, name, REGION[reg], pop))
assert len(kommuner) == 98 and len({k[0] for k in kommuner}) == 98

# ---- clusters: illustrative, by broad frame conditions -------------------------------
KLYNGER = {
    "Klynge 1 storbykommuner": [101, 147, 751, 461, 851, 561],
    "Klynge 2 hovedstadsomegn med svære rammevilkår": [151, 153, 159, 161, 163, 165, 167, 169, 175, 183, 185, 217],
    "Klynge 3 velstillede forstadskommuner": [155, 157, 173, 187, 190, 201, 210, 219, 223, 230, 240, 253, 265, 269,
                                              350, 746, 710],
    "Klynge 4 mellemstore provinsbyer": [259, 615, 621, 630, 657, 661, 730, 740, 791, 607, 510, 540, 580, 370, 330,
                                         316, 410, 530, 756, 766, 727, 329],
    "Klynge 5 land- og pendlerkommuner": [250, 260, 270, 320, 336, 340, 420, 430, 440, 450, 480, 573, 575, 706, 760,
                                          779, 810, 840, 846, 849],
    "Klynge 6 yderkommuner med svære rammevilkår": [306, 326, 360, 376, 390, 400, 479, 482, 492, 550, 563, 665, 671,
                                                     707, 741, 773, 787, 813, 820, 825, 860],
}
members = [c for v in KLYNGER.values() for c in v]
assert sorted(members) == sorted(k[0] for k in kommuner), "every municipality in exactly one cluster"
# From 2019 three municipalities move cluster, so that membership per year is exercised.
MOVES_2019 = {217: "Klynge 4 mellemstore provinsbyer", 727: "Klynge 3 velstillede forstadskommuner",
              259: "Klynge 3 velstillede forstadskommuner"}

YEARS = range(2015, 2025)


def write(path, source, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# " + source + "\n")
        f.write(header + "\n")
        for r in rows:
            f.write(";".join(str(x) for x in r) + "\n")


write("data/kommuner.csv",
      "Kilde: de 98 kommuner siden 2007 med kommunekode (Danmarks Statistik / DAGI) og region. Reelle koder og navne.",
      "kode;navn;region", [(k[0], k[1], k[2]) for k in kommuner])

rows = []
for y in YEARS:
    for name, codes in KLYNGER.items():
        for c in codes:
            cl = MOVES_2019.get(c, name) if y >= 2019 else name
            rows.append((y, c, cl))
rows.sort(key=lambda r: (r[0], r[1]))
write("data/klynger.csv",
      "Kilde: ILLUSTRATIVE klynger dannet af styrs udviklere efter brede rammevilkår (storby, omegn, forstad, "
      "provinsby, land, yderområde); IKKE STAR's officielle klynger. Tre kommuner skifter klynge i 2019. "
      "Erstat med de officielle klynger for det år, der analyseres.",
      "aar;kommune;klynge", rows)

write("data/ydelser.csv",
      "Kilde: ydelsesgrupperne i spec/measures.md; offentlig = tæller med i offentligt forsørgede; "
      "refusionsklasse og trappe (refusionstrappen fra 2016) som i spec/refusion.md.",
      "ydelse;navn;navn_en;offentlig;refusionsklasse;trappe", [
          ("dagpenge", "A-dagpenge", "Unemployment insurance benefit", 1, "forsikret", 1),
          ("kontanthjaelp", "Kontanthjælp", "Social assistance", 1, "oevrig", 1),
          ("uddannelseshjaelp", "Uddannelseshjælp", "Education assistance", 1, "oevrig", 1),
          ("integration", "Selvforsørgelses- og hjemrejseydelse", "Self-support and integration benefit", 1,
           "oevrig", 1),
          ("sygedagpenge", "Sygedagpenge", "Sickness benefit", 1, "sygedagpenge", 1),
          ("jobafklaring", "Jobafklaringsforløb", "Job clarification programme", 1, "oevrig", 1),
          ("ressourceforloeb", "Ressourceforløb", "Resource programme", 1, "oevrig", 1),
          ("revalidering", "Revalidering", "Rehabilitation", 1, "oevrig", 1),
          ("ledighedsydelse", "Ledighedsydelse", "Flexjob unemployment benefit", 1, "oevrig", 1),
          ("fleksjob", "Fleksjob", "Flexjob", 1, "oevrig", 1),
          ("foertidspension", "Førtidspension", "Disability pension", 1, "foertidspension", 0),
          ("oevrige", "Øvrige (efterløn, barsel, orlov m.fl.)", "Other benefits (early retirement, leave)",
           1, "ingen", 0),
      ])

write("data/tilbud.csv",
      "Kilde: tilbudsarterne i spec/measures.md §1.",
      "tilbud;navn;navn_en", [
          ("uddannelse", "Ordinær uddannelse", "Ordinary education"),
          ("praktik", "Virksomhedspraktik", "Work placement"),
          ("loentilskud", "Løntilskud", "Wage subsidy"),
          ("vejledning", "Vejledning og opkvalificering", "Guidance and up-skilling"),
          ("nytte", "Nytteindsats", "Community work"),
          ("andet", "Andet tilbud", "Other offer"),
      ])

# ---- refusion regimes and rules (spec/refusion.md) ---------------------------------------
write("data/regimer.csv",
      "Kilde: spec/refusion.md: 2010 til 2010-12-31, 2011 fra 2011-01-03 til 2016-01-03, 2016 fra 2016-01-04. "
      "Uger efter ISO 8601 (2015 har 53 uger).",
      "regime;fra;til;navn", [
          ("2010", "1990-W01", "2010-W52", "Refusion før 2011 (aktiv og passiv)"),
          ("2011", "2011-W01", "2015-W53", "Finansieringsomlægningen 2011"),
          ("2016", "2016-W01", "2099-W52", "Refusionstrappen 2016"),
      ])
# One row per rule; the first row that matches a week applies. klasse is the
# refusionsklasse of ydelser.csv or *, tilbud a tilbud code, 'passiv', 'tilbud'
# (any offer) or *, taeller '' or 'forloebsuge' (week of the person's spell in the
# group) or 'trappe' (the 2016 count of covered weeks), fra/til an interval of it.
S = "spec/refusion.md"
rules = [
    ("2010", "forsikret", "tilbud", "", "", "", "0.25", S + ": forsikrede med tilbud, refusion 75 pct."),
    ("2010", "forsikret", "passiv", "", "", "", "0.50", S + ": forsikrede passive, refusion 50 pct."),
    ("2010", "foertidspension", "*", "", "", "", "0.65", "SKØN: førtidspension, refusion 35 pct. (ikke i spec)"),
    ("2010", "ingen", "*", "", "", "", "0", "ingen kommunal udgift i styr (ikke i spec)"),
    ("2010", "*", "tilbud", "", "", "", "0.35", S + ": øvrige med tilbud, refusion 65 pct."),
    ("2010", "*", "passiv", "", "", "", "0.65", S + ": øvrige passive, refusion 35 pct."),
    ("2011", "sygedagpenge", "*", "forloebsuge", "1", "8", "0", S + ": sygedagpenge uge 1-8 bæres af staten og arbejdsgiveren"),
    ("2011", "sygedagpenge", "*", "forloebsuge", "53", "", "1", S + ": ingen refusion efter uge 52 af forløbet"),
    ("2011", "foertidspension", "*", "", "", "", "0.65", "SKØN: førtidspension, refusion 35 pct. (ikke i spec)"),
    ("2011", "ingen", "*", "", "", "", "0", "ingen kommunal udgift i styr (ikke i spec)"),
    ("2011", "*", "loentilskud", "", "", "", "0.50", S + ": løntilskud, refusion 50 pct."),
    ("2011", "*", "praktik", "", "", "", "0.50", S + ": virksomhedspraktik, refusion 50 pct."),
    ("2011", "*", "uddannelse", "", "", "", "0.50", S + ": ordinær uddannelse, refusion 50 pct."),
    ("2011", "*", "tilbud", "", "", "", "0.70", S + ": andre tilbud, refusion 30 pct."),
    ("2011", "*", "passiv", "", "", "", "0.70", S + ": passive, refusion 30 pct."),
    ("2016", "foertidspension", "*", "", "", "", "0.65", "SKØN: førtidspension, refusion 35 pct. (ikke i spec)"),
    ("2016", "ingen", "*", "", "", "", "0", "ingen kommunal udgift i styr (ikke i spec)"),
    ("2016", "*", "*", "trappe", "1", "4", "0.20", S + ": trappen uge 1-4, refusion 80 pct."),
    ("2016", "*", "*", "trappe", "5", "26", "0.60", S + ": trappen uge 5-26, refusion 40 pct."),
    ("2016", "*", "*", "trappe", "27", "52", "0.70", S + ": trappen uge 27-52, refusion 30 pct."),
    ("2016", "*", "*", "trappe", "53", "", "0.80", S + ": trappen fra uge 53, refusion 20 pct."),
]
write("data/refusion.csv",
      "Kilde: spec/refusion.md (kommunal andel s = 1 - refusion); reglerne for førtidspension er SKØN og står ikke i "
      "spec. Den første række, der passer, gælder; ret en procent eller tilføj et regime her uden at ændre kode.",
      "regime;klasse;tilbud;taeller;fra;til;kommunal_andel;kilde", rules)

# ---- DREAM branch codes: illustrative mapping -----------------------------------------
dream = [
    (111, "dagpenge", "", "Ledig, a-dagpenge"),
    (112, "dagpenge", "", "Ledig, a-dagpenge (deltidsforsikret)"),
    (113, "dagpenge", "", "Feriedagpenge"),
    (121, "dagpenge", "", "Delvis ledig, a-dagpenge"),
    (130, "dagpenge", "vejledning", "Kursus/opkvalificering under ledighed"),
    (211, "dagpenge", "loentilskud", "Forsikret ledig i løntilskud (privat)"),
    (212, "dagpenge", "loentilskud", "Forsikret ledig i løntilskud (offentlig)"),
    (213, "dagpenge", "uddannelse", "Forsikret ledig i ordinær uddannelse"),
    (214, "dagpenge", "vejledning", "Forsikret ledig i vejledning og opkvalificering"),
    (215, "dagpenge", "praktik", "Forsikret ledig i virksomhedspraktik"),
    (299, "dagpenge", "andet", "Forsikret ledig i andet tilbud"),
    (311, "oevrige", "", "Børnepasningsorlov"),
    (312, "oevrige", "", "Uddannelsesorlov"),
    (411, "oevrige", "", "Efterløn"),
    (412, "oevrige", "", "Fleksydelse"),
    (511, "kontanthjaelp", "loentilskud", "Kontanthjælpsmodtager i løntilskud"),
    (512, "kontanthjaelp", "praktik", "Kontanthjælpsmodtager i virksomhedspraktik"),
    (513, "kontanthjaelp", "vejledning", "Kontanthjælpsmodtager i vejledning og opkvalificering"),
    (514, "kontanthjaelp", "uddannelse", "Kontanthjælpsmodtager i ordinær uddannelse"),
    (515, "kontanthjaelp", "nytte", "Kontanthjælpsmodtager i nytteindsats"),
    (521, "uddannelseshjaelp", "praktik", "Uddannelseshjælpsmodtager i virksomhedspraktik"),
    (522, "uddannelseshjaelp", "vejledning", "Uddannelseshjælpsmodtager i vejledning og opkvalificering"),
    (523, "uddannelseshjaelp", "uddannelse", "Uddannelseshjælpsmodtager i ordinær uddannelse"),
    (524, "uddannelseshjaelp", "nytte", "Uddannelseshjælpsmodtager i nytteindsats"),
    (531, "integration", "praktik", "Integrationsydelse, virksomhedspraktik"),
    (532, "integration", "vejledning", "Integrationsydelse, vejledning og opkvalificering"),
    (533, "integration", "loentilskud", "Integrationsydelse, løntilskud"),
    (599, "kontanthjaelp", "andet", "Kontanthjælpsmodtager i andet tilbud"),
    (651, "", "", "SU, ordinær uddannelse (ingen offentlig forsørgelse i styr)"),
    (652, "", "", "SVU / voksenuddannelsesstøtte (ingen offentlig forsørgelse i styr)"),
    (701, "kontanthjaelp", "", "Kontanthjælp"),
    (702, "uddannelseshjaelp", "", "Uddannelseshjælp"),
    (703, "integration", "", "Integrationsydelse / selvforsørgelses- og hjemrejseydelse"),
    (730, "revalidering", "", "Revalidering"),
    (731, "revalidering", "uddannelse", "Revalidering, uddannelse"),
    (732, "revalidering", "praktik", "Revalidering, virksomhedspraktik"),
    (740, "ledighedsydelse", "", "Ledighedsydelse"),
    (750, "ressourceforloeb", "", "Ressourceforløb"),
    (751, "ressourceforloeb", "praktik", "Ressourceforløb, virksomhedspraktik"),
    (752, "ressourceforloeb", "vejledning", "Ressourceforløb, vejledning og opkvalificering"),
    (760, "jobafklaring", "", "Jobafklaringsforløb"),
    (761, "jobafklaring", "praktik", "Jobafklaringsforløb, virksomhedspraktik"),
    (771, "fleksjob", "", "Fleksjob"),
    (781, "foertidspension", "", "Førtidspension"),
    (881, "oevrige", "", "Barselsdagpenge"),
    (890, "sygedagpenge", "", "Sygedagpenge"),
    (891, "sygedagpenge", "vejledning", "Sygedagpenge, vejledning og opkvalificering"),
    (892, "sygedagpenge", "praktik", "Sygedagpenge, virksomhedspraktik"),
    (997, "", "", "Udvandret (forløbet slutter)"),
    (998, "", "", "Død (forløbet slutter)"),
    (999, "", "", "Folkepension (forløbet slutter)"),
]
write("data/dream.csv",
      "Kilde: ILLUSTRATIV oversættelse af DREAM-branchekoder til (ydelse, tilbud), bygget efter DREAMs "
      "kodestruktur; IKKE kontrolleret mod den officielle kodeliste. Ret den til kodelisten for den "
      "DREAM-version, I bruger (tom ydelse = ingen post, fx SU og udgang).",
      "kode;ydelse;tilbud;tekst", dream)

# ---- rates per full-time week (kr.): written by tools/gen_satser.py (data/satser.csv) ----------

# ---- population by municipality, year and one-year age 16-66: GENERATED ----------------
rng = random.Random(20240101)
BIG = {101, 147, 751, 461, 851}
rows = []
for code, name, region, total in kommuner:
    urban = code in BIG or code in (151, 153, 159, 161, 163, 165, 167, 169, 175, 183, 185, 187)
    periphery = code in KLYNGER["Klynge 6 yderkommuner med svære rammevilkår"]
    growth = 0.011 if code in BIG else (-0.004 if periphery else 0.004)
    growth += rng.uniform(-0.002, 0.002)
    for y in YEARS:
        tot_y = total * (1 + growth) ** (y - 2024)
        weights = []
        for a in range(16, 67):
            w = 1.0
            if urban:
                w *= 1 + 0.9 * math.exp(-((a - 27) / 7.0) ** 2)
            else:
                w *= 1 - 0.25 * math.exp(-((a - 27) / 6.0) ** 2) + 0.15 * math.exp(-((a - 55) / 9.0) ** 2)
            w *= 1 + 0.08 * math.sin((a + y) / 4.0)
            weights.append(w)
        share = 0.66 if urban else 0.61
        s = sum(weights)
        for a, w in zip(range(16, 67), weights):
            rows.append((code, y, a, int(round(tot_y * share * w / s))))
write("data/befolkning.csv",
      "Kilde: GENERERET af tools/gen_refdata.py: plausible tal for 16-66-årige pr. kommune, år og alder, "
      "udledt af omtrentlige, afrundede folketal (ca. 2024) og en skønnet aldersprofil. IKKE Danmarks "
      "Statistiks tal: importér FOLK1A (kommune;aar;alder;antal) med styr import for rigtige tal.",
      "kommune;aar;alder;antal", rows)
print("wrote data/*.csv")
