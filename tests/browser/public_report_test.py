"""Browser test of a workspace with only published figures (issue 13, Done when: "A workspace
with only public figures produces a full committee report, every value labelled with its
source"): Randers with jobindsats.dk's a02 tables, the labour force and FOLK1A
(tests/fixtures/public) and Y30R21 (tests/fixtures/benchmark), no person panel.

The report renders in headless Chromium: its sections are there with values (not all "-"),
every value from published figures carries its source ([n] and a note naming jobindsats and
the table), what needs a person panel says so, no text overlaps (on screen and on A4), the
charts keep their axes; screenshots of every section go to SHOT_DIR (default
build/screenshots). The workbook names the sources. The dashboard (styr serve) shows the same
report with its sources, and the JSON API carries "kilde" on rows.

    python3 tests/browser/public_report_test.py build/styr ARTEFACT_DIR [SHOT_DIR]
"""
import glob
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import urllib.request
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from cdp import Browser, committee_checks, find_chromium, number  # noqa: E402

ROOT = os.path.join(HERE, "..", "..")
TOKEN = "randers-token-0123456789abcdef"
fails = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        fails.append(what)


def run(styr, *args, cwd):
    r = subprocess.run([styr, *args], cwd=cwd, capture_output=True, text=True,
                       env={**os.environ, "STYR_PROGRESS": "0", "SOURCE_DATE_EPOCH": "1798000000"})
    if r.returncode != 0:
        sys.exit("styr %s failed (%d):\n%s%s" % (" ".join(args), r.returncode, r.stdout, r.stderr))
    return r.stdout


def api(base, path):
    req = urllib.request.Request(base + path)
    req.add_header("Authorization", "Bearer " + TOKEN)
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read())


def report_checks(page, shots, prefix):
    """The report's content as read in the browser (file or dashboard)."""
    sections = page.eval("[...document.querySelectorAll('section')].map(s => s.id)")
    for s in ["sammenfatning", "noegletal", "klynge", "udvikling", "udvikling-maaned", "scorecards", "maal", "oekonomi",
              "persondata", "bilag"]:
        check(s in sections, "%s: section %s" % (prefix, s))
    lead = page.eval("document.querySelector('.lead').textContent")
    check(re.search(r"\d+,\d pct\. af borgerne 16-66 år i Randers Kommune", lead) is not None,
          "%s: the lead has the share (%s)" % (prefix, lead[:80]))
    keys = page.eval("[...document.querySelectorAll('#noegletal table.keys')][0].innerText")
    vals = page.eval("[...[...document.querySelectorAll('#noegletal table.keys')][0].querySelectorAll('td.n')]"
                     ".map(t => t.textContent)")
    numeric = [v for v in vals if re.match(r"^\d", v)]
    check(len(numeric) >= 20, "%s: the key figures have values (%d of %d cells)" % (prefix, len(numeric), len(vals)))
    check("A-dagpenge" in keys, "%s: the key table lists the groups" % prefix)
    marks = page.eval("document.querySelectorAll('sup.kilde').length")
    check(marks >= 15, "%s: values marked with their source (%d markers)" % (prefix, marks))
    notes = page.eval("[...document.querySelectorAll('p.kilde')].map(p => (p.closest('section') || {id: 'none'}).id)")
    for s in ["sammenfatning", "noegletal", "klynge", "udvikling", "udvikling-maaned", "scorecards", "maal"]:
        check(s in notes, "%s: a source note in section %s" % (prefix, s))
    text = page.eval("document.body.innerText")
    for t in ["jobindsats y01a02, hentet 2026-12-23", "jobindsats y07a02", "jobindsats y36a02", "jobindsats ptva02"]:
        check(t in text, "%s: the source '%s' is named" % (prefix, t))
    months = page.eval("[...document.querySelectorAll('table.maaneder tbody tr')].filter(r => /\\d/.test(r.cells[1]"
                       ".textContent)).length")
    check(months >= 3 * 18, "%s: the development month by month from the published months (%d)" % (prefix, months))
    cards = page.eval("[...document.querySelectorAll('#scorecards tbody tr')].filter(r => /\\d/.test(r.cells[1]"
                      ".textContent)).length")
    check(cards == 3, "%s: the scorecards' 'more in work' from published figures (%d rows with values)" % (prefix, cards))
    panel = page.eval("[...document.querySelectorAll('.persondata')].length")
    check(panel >= 4, "%s: what needs a person panel says so (%d notes)" % (prefix, panel))
    status = page.eval("[...document.querySelectorAll('#maal .status')].map(s => s.textContent)")
    check(len(status) == 2 and all(s in ("nået", "på vej", "ikke nået") for s in status),
          "%s: goals evaluated from the published months (%s)" % (prefix, status))
    money = page.eval("document.querySelector('#oekonomi').innerText")
    check("kræver personpanel" in money and "Bruttoudgift" not in money, "%s: no money table of dashes" % prefix)
    committee_checks(page, check, prefix)
    for path in page.screenshot_sections("header, section", os.path.join(shots, prefix)):
        check(os.path.getsize(path) > 1000, "screenshot %s" % os.path.basename(path))


def main():
    styr = os.path.abspath(sys.argv[1])
    art = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else "build/test-artifacts")
    shots = os.path.abspath(sys.argv[3] if len(sys.argv) > 3 else "build/screenshots")
    os.makedirs(art, exist_ok=True)
    os.makedirs(shots, exist_ok=True)
    if not find_chromium():
        print("chromium is not installed: public report test skipped")
        return 0
    files = sorted(glob.glob(os.path.join(ROOT, "tests/fixtures/public/*.csv"))) + \
        [os.path.join(ROOT, "tests/fixtures/benchmark/y30r21_%s.csv" % p) for p in ("2022qmat04", "2023qmat04")]
    with tempfile.TemporaryDirectory(prefix="styr-public-") as tmp:
        run(styr, "init", "ws", "--kommune", "730", cwd=tmp)
        run(styr, "import", "-w", "ws", *[os.path.abspath(f) for f in files], cwd=tmp)
        run(styr, "goals", "add", "-w", "ws", "--ydelse", "dagpenge", "--figur", "andel_befolkning", "--maal", "klynge",
            "--aar", "2025", cwd=tmp)
        run(styr, "goals", "add", "-w", "ws", "--ydelse", "sygedagpenge", "--figur", "fuldtidspersoner", "--maal", "-5%",
            "--aar", "2025", cwd=tmp)
        run(styr, "report", "-w", "ws", "-o", "rapport.html", "--xlsx", "rapport.xlsx", cwd=tmp)
        with Browser() as b:
            page = b.open("file://" + os.path.join(tmp, "rapport.html"))
            report_checks(page, shots, "offentlig")
            page.screenshot(os.path.join(art, "offentlig.png"))
            page.as_a4_print()
            over = page.overlapping_text()
            check(not over, "A4: no overlapping text (%d pairs%s)" % (len(over), ", e.g. %s" % (over[:3],) if over else ""))
            wide = page.eval("Math.max(...[...document.querySelectorAll('section')].map(s => s.scrollWidth))")
            check(wide <= 688, "A4: every section fits the page's width (%s px)" % wide)
            page.screenshot(os.path.join(shots, "offentlig-a4.png"), width=688)
            check(not page.errors, "no console errors %s" % page.errors)
        with zipfile.ZipFile(os.path.join(tmp, "rapport.xlsx")) as z:
            strings = z.read("xl/sharedStrings.xml").decode()
        check("Kilde: [2] jobindsats y01a02, hentet 2026-12-23" in strings, "the workbook names the sources")
        check("kræver personpanel" in strings, "the workbook says what needs a person panel")

        # the dashboard and the JSON API on the same workspace
        with open(os.path.join(tmp, "tokens.txt"), "w") as f:
            f.write("%s 730\n" % TOKEN)
        proc = subprocess.Popen([styr, "serve", "-w", "ws", "--listen", "127.0.0.1:0", "--tokens", "tokens.txt"],
                                cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                env={**os.environ, "STYR_PROGRESS": "0"})
        try:
            m = re.search(r"port (\d+)", proc.stdout.readline())
            check(m is not None, "styr serve starts")
            if m:
                base = "http://127.0.0.1:%s" % m.group(1)
                with Browser() as b:
                    page = b.open("%s/kommune/730?periode=2025M06&token=%s" % (base, TOKEN))
                    report_checks(page, shots, "dashboard-offentlig")
                    check(not page.errors, "dashboard: no console errors %s" % page.errors)
                    check(all(u.startswith(base) for u in page.requests), "dashboard: no request leaves the server")
                rows = api(base, "/api/v1/figurer?kommune=730&ydelse=dagpenge&periode=2025M06")
                check(rows and rows[0].get("kilde", "").startswith("jobindsats y01a02, hentet"),
                      "API figurer: kilde on the row (%s)" % (rows[0].get("kilde") if rows else None))
                cmp_ = api(base, "/api/v1/sammenlign?kommune=730&ydelse=dagpenge&periode=2025M06")
                check(cmp_.get("kilde", "").startswith("jobindsats y01a02") and
                      all(r.get("kilde", "").startswith("jobindsats y01a02") for r in cmp_["kommuner"]),
                      "API sammenlign: kilde on the municipality and every member")
                goals = api(base, "/api/v1/maal?kommune=730")
                check(all(g.get("kilde", "").startswith("jobindsats") for g in goals["maal"]), "API maal: kilde on every goal")
                dev = api(base, "/api/v1/udvikling?kommune=730&periode=2025M06")
                check(len(dev["ydelser"]) == 3 and all(g.get("kilde", "").startswith("jobindsats") and
                                                       g["aar_til_dato"]["vaerdi"] is not None for g in dev["ydelser"]),
                      "API udvikling: the year to date and the source of every group")
                sc = api(base, "/api/v1/scorecard?kommune=730&periode=2025M06")
                check(len(sc.get("kilder", [])) >= 3, "API scorecard: the sources (%s)" % sc.get("kilder"))
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
    print("%d public report checks failed" % len(fails) if fails else "public report test passed")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
