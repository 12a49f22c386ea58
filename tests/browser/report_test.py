"""Browser test of styr report: the committee's report for a demo municipality
renders in headless Chromium with no console errors, every chart present and
drawn, numbers in Danish format, no request leaving the file, and a
screenshot (and a PDF print) kept as test artefacts.

    python3 tests/browser/report_test.py build/styr ARTEFACT_DIR
"""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Browser, find_chromium  # noqa: E402


def run(styr, *args, cwd):
    r = subprocess.run([styr, *args], cwd=cwd, capture_output=True, text=True,
                       env={**os.environ, "STYR_PROGRESS": "0", "SOURCE_DATE_EPOCH": "1798000000"})
    if r.returncode != 0:
        sys.exit("styr %s failed (%d):\n%s%s" % (" ".join(args), r.returncode, r.stdout, r.stderr))
    return r.stdout


def main():
    styr = os.path.abspath(sys.argv[1])
    art = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else "build/test-artifacts")
    os.makedirs(art, exist_ok=True)
    if not find_chromium():
        print("chromium is not installed: browser test skipped")
        return 0
    fails = []

    def check(cond, what):
        print(("ok   " if cond else "FAIL ") + what)
        if not cond:
            fails.append(what)

    with tempfile.TemporaryDirectory(prefix="styr-browser-") as tmp:
        run(styr, "init", "ws", "--kommune", "461", cwd=tmp)
        run(styr, "synth", "-w", "ws", "--persons", "30000", "--seed", "5", cwd=tmp)
        run(styr, "goals", "add", "-w", "ws", "--ydelse", "sygedagpenge", "--figur", "langvarige", "--maal", "-10%",
            "--aar", "2024", cwd=tmp)
        # the municipality's own report: its own figures exact (--intern), the others under discretion
        run(styr, "report", "-w", "ws", "--periode", "2024", "-o", "rapport.html", "--xlsx", "rapport.xlsx", "--effekt",
            "--intern", cwd=tmp)
        html = open(os.path.join(tmp, "rapport.html"), encoding="utf-8").read()
        # static: nothing in the file can reach outside it
        check(not re.search(r'(src|href|action)\s*=\s*"(?!#|data:)', html), "no src/href/action outside the file")
        check("<script" not in html, "no script")
        check("default-src 'none'" in html, "a CSP that forbids external sources")
        url = "file://" + os.path.join(tmp, "rapport.html")
        with Browser() as b:
            page = b.open(url)
            charts = page.eval("[...document.querySelectorAll('svg.chart')].map(s => [s.dataset.chart,"
                               " s.querySelectorAll('circle').length, s.querySelectorAll('polyline').length,"
                               " s.getBoundingClientRect().width])")
            ids = [c[0] for c in charts]
            want = ["klynge-andel_befolkning-offentligt_forsoergede", "klynge-andel_befolkning-dagpenge",
                    "klynge-andel_befolkning-kontanthjaelp", "klynge-andel_befolkning-sygedagpenge",
                    "klynge-langvarige-sygedagpenge", "klynge-varighed-sygedagpenge",
                    "klynge-aktiveringsgrad-offentligt_forsoergede", "klynge-i_job_3mdr-offentligt_forsoergede",
                    "klynge-netto_pr_indbygger_18_64-offentligt_forsoergede",
                    "udvikling-offentligt_forsoergede", "udvikling-dagpenge", "udvikling-kontanthjaelp",
                    "udvikling-sygedagpenge"]
            check(ids == want, "every chart present (%d of %d)" % (len([i for i in want if i in ids]), len(want)))
            check(all(c[1] > 0 and c[3] > 100 for c in charts), "every chart drawn with points and a width")
            check(all(c[2] == 2 for c in charts if c[0].startswith("udvikling")), "development charts have two lines")
            own = page.eval("document.querySelectorAll('svg.chart circle.own').length")
            check(own == 9, "the municipality highlighted in every cluster chart (%s)" % own)
            title = page.eval("document.querySelector('h1').textContent")
            check(title == "Opfølgning på beskæftigelsesindsatsen i Odense Kommune", "title: %s" % title)
            lead = page.eval("document.querySelector('.lead').textContent")
            check(re.search(r"\d+,\d pct\. af borgerne 16-66 år", lead) is not None, "Danish numbers in the lead")
            sections = page.eval("[...document.querySelectorAll('section')].map(s => s.id)")
            check(sections == ["sammenfatning", "noegletal", "klynge", "udvikling", "scorecards", "maal", "oekonomi",
                               "effekt", "bilag"], "sections: %s" % sections)
            rows = page.eval("document.querySelectorAll('#effekt tbody tr').length")
            check(rows > 0, "effect of offers: %s rows" % rows)
            status = page.eval("document.querySelector('#maal .status').textContent")
            check(status in ("nået", "på vej", "ikke nået"), "goal status shown (%s)" % status)
            page.screenshot(os.path.join(art, "rapport.png"))
            page.pdf(os.path.join(art, "rapport.pdf"))
            leaving = [u for u in page.requests if not (u.startswith("file://") or u.startswith("data:"))]
            check(page.requests and not leaving, "no request leaves the file (%d requests, leaving: %s)"
                  % (len(page.requests), leaving))
            check(not page.errors, "no console errors %s" % page.errors)
        check(os.path.getsize(os.path.join(art, "rapport.png")) > 50000, "screenshot kept: %s/rapport.png" % art)
        check(open(os.path.join(art, "rapport.pdf"), "rb").read(4) == b"%PDF", "prints to PDF")
    print("%d browser checks failed" % len(fails) if fails else "browser test passed")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
