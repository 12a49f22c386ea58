#!/usr/bin/env python3
"""Coverage of styr effect's 95 pct. intervals against the true effect that
styr synth --effekt computes from simulated counterfactuals (issue 15).

usage: coverage.py [--min-treated N] [--target PCT] [--max-mean-error PP] CLASS:FILE ...
CLASS is "planted:KIND" (a population with an effect planted for KIND: its
rows of KIND are "planted", the other kinds "unplanted") or "zero" (a
population without any effect: every row is "zero"). FILE is the CSV of
styr effect --sand. A cell counts when it has at least N treated measurable
at the horizon (column behandlede) and an estimate. Exits 1 when a class
misses the target coverage or the mean error, or an interval has width 0.
The mean error is weighted by the cells' treated (the error per treated
person: a cell of 60 treated says less about bias than one of 1.000); the
unweighted mean is printed beside it."""
import sys


def num(s):
    s = s.strip()
    return float(s.replace(".", "").replace(",", ".")) if s and s != ".." else None


def main(argv):
    min_treated, target, max_err = 50, 93.0, 0.5
    files = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--min-treated":
            min_treated = int(argv[i + 1]); i += 2; continue
        if a == "--target":
            target = float(argv[i + 1]); i += 2; continue
        if a == "--max-mean-error":
            max_err = float(argv[i + 1]); i += 2; continue
        files.append(a); i += 1
    cells = {"planted": [], "unplanted": [], "zero": []}
    zero_width = []
    for spec in files:
        cls, path = spec.split(":", 1) if not spec.startswith("planted:") else ("planted", spec)
        kind = None
        if cls == "planted":
            _, kind, path = spec.split(":", 2)
        with open(path, encoding="utf-8-sig") as f:
            head = f.readline().strip().split(";")
            col = {h: j for j, h in enumerate(head)}
            for line in f:
                r = line.rstrip("\r\n").split(";")
                n, est, lo, hi, truth = (num(r[col["behandlede"]]), num(r[col["effekt"]]), num(r[col["ki_lav"]]),
                                         num(r[col["ki_hoej"]]), num(r[col["sand_effekt"]]))
                if n is None or n < min_treated or est is None or truth is None:
                    continue
                if lo == hi:
                    zero_width.append((path, r[1], r[2], r[3]))
                c = "zero" if cls == "zero" else "planted" if r[2] == kind else "unplanted"
                cells[c].append((est - truth, lo <= truth <= hi, r[1], r[2], r[3], est, lo, hi, truth, n))
    ok = True
    print(f"cells with at least {min_treated} treated: 95 pct. intervals against the true effect")
    print(f"{'class':<10} {'cells':>6} {'covered':>8} {'coverage':>9} {'mean error':>11} {'unweighted':>11} "
          f"{'mean |error|':>13}")
    for c in ("planted", "unplanted", "zero"):
        xs = cells[c]
        if not xs:
            continue
        cov = 100.0 * sum(1 for x in xs if x[1]) / len(xs)
        me = sum(x[0] * x[9] for x in xs) / sum(x[9] for x in xs)
        mu = sum(x[0] for x in xs) / len(xs)
        mae = sum(abs(x[0]) for x in xs) / len(xs)
        print(f"{c:<10} {len(xs):>6} {sum(1 for x in xs if x[1]):>8} {cov:>8.1f}% {me:>+11.2f} {mu:>+11.2f} {mae:>13.2f}")
        if cov < target or abs(me) > max_err:
            ok = False
    allz = cells["unplanted"] + cells["zero"]
    if allz:
        cov = 100.0 * sum(1 for x in allz if x[1]) / len(allz)
        me = sum(x[0] * x[9] for x in allz) / sum(x[9] for x in allz)
        print(f"{'no effect':<10} {len(allz):>6} {sum(1 for x in allz if x[1]):>8} {cov:>8.1f}% {me:>+11.2f}  (unplanted and zero)")
    for c in cells:
        by_h = {}
        for x in cells[c]:
            by_h.setdefault(x[4], []).append(x)
        for h in sorted(by_h, key=int):
            xs = by_h[h]
            print(f"  {c:<10} {h:>2} weeks: {len(xs):>5} cells, coverage {100.0 * sum(1 for x in xs if x[1]) / len(xs):5.1f}%, "
                  f"mean error {sum(x[0] * x[9] for x in xs) / sum(x[9] for x in xs):+.2f}")
    if zero_width:
        ok = False
        print(f"intervals of width 0 with {min_treated}+ treated: {len(zero_width)}", zero_width[:5])
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
