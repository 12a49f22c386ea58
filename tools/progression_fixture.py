#!/usr/bin/env python3
"""A planted relation for styr progression (issue 14 §3).

  progression_fixture.py gen DIR [N] [SEED]   write DIR/panel.csv and DIR/vurderinger.csv
  progression_fixture.py check FILE.json      check styr progression --format json --samlet

N persons (default 2000) on kontanthjaelp in Odense (461) from 2023-W06. Each is
assessed twice on the six BIP indicators, on Wednesday of 2023-W10 and 13 weeks
later, every score drawn uniformly from 1-5, independently. In job or not is
drawn per assessment and horizon, in the week 26 (52) weeks after the
assessment's week (four distinct weeks per person), with

    P(job) = 1 / (1 + exp(-(ALPHA + BETA * (tro paa job - 3))))

and no other indicator in it: the log-odds per scale point of "tro på job" is
BETA = 0.6 at both horizons; every other indicator's is exactly 0 (independent
of "tro på job"). A job week is a record with hours and no benefit; every other
week to 2024-W30 is a kontanthjaelp week. check says whether styr's intervals
cover the truth: BETA for "tro på job", 0 for the others, per horizon, for the
models of one indicator and the model of all six together. Random numbers:
Python's random (Mersenne Twister), so a seed gives the same files everywhere.
"""
import datetime
import json
import math
import random
import sys

ALPHA, BETA = -1.0, 0.6
X = "tro på job"
INDICATORS = ["helbredsmestring", "hverdagsmestring", X, "samarbejdsevne", "jobsøgningsadfærd",
              "sagsbehandlers tro på job"]


def week_label(monday):
    y, w, _ = monday.isocalendar()
    return f"{y}-W{w:02d}"


def gen(out, n, seed):
    rnd = random.Random(seed)
    start = datetime.date.fromisocalendar(2023, 6, 1)
    first = datetime.date.fromisocalendar(2023, 10, 1)
    end = datetime.date.fromisocalendar(2024, 30, 1)
    nweeks = (end - start).days // 7 + 1
    a_off = [(first - start).days // 7, (first - start).days // 7 + 13]  # assessment weeks (offsets)
    panel = ["person;uge;kommune;ydelse;tilbud;timer"]
    vurd = ["person;dato;instrument;indikator;score;skala"]
    for i in range(n):
        p = f"X{i + 1:05d}"
        job = set()
        for a in a_off:
            scores = {ind: rnd.randint(1, 5) for ind in INDICATORS}
            day = start + datetime.timedelta(weeks=a, days=2)
            for ind in INDICATORS:
                vurd.append(f"{p};{day.isoformat()};BIP;{ind};{scores[ind]};5")
            for h in (26, 52):
                pr = 1 / (1 + math.exp(-(ALPHA + BETA * (scores[X] - 3))))
                if rnd.random() < pr:
                    job.add(a + h)
        for w in range(nweeks):
            lab = week_label(start + datetime.timedelta(weeks=w))
            panel.append(f"{p};{lab};461;;;37" if w in job else f"{p};{lab};461;kontanthjaelp;;0")
    with open(f"{out}/panel.csv", "w", encoding="utf-8") as f:
        f.write("\n".join(panel) + "\n")
    with open(f"{out}/vurderinger.csv", "w", encoding="utf-8") as f:
        f.write("\n".join(vurd) + "\n")


def check(path):
    with open(path, encoding="utf-8") as f:
        res = json.load(f)
    bad = 0
    for m in res["forudsigelse"]:
        for x in m["regressorer"]:
            truth = BETA if x["indikator"] == X else 0.0
            lo, hi = math.log(x["ki_lav"]), math.log(x["ki_hoej"])
            ok = lo <= truth <= hi
            bad += not ok
            model = m["indikator"] or "alle seks"
            print(f"{model} ({m['horisont_maaneder']} mdr.): {x['indikator']}: log-odds {x['koefficient']:.3f} "
                  f"[{lo:.3f}; {hi:.3f}] dækker {truth:g}: {'ja' if ok else 'NEJ'}")
    return bad


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "gen":
        gen(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 2000, int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    elif len(sys.argv) == 3 and sys.argv[1] == "check":
        sys.exit(1 if check(sys.argv[2]) else 0)
    else:
        sys.exit(__doc__)
