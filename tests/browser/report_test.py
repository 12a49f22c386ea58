"""Browser test of styr report: the committee's report for a demo municipality
renders in headless Chromium with no console errors, every chart present and
drawn, numbers in Danish format, no request leaving the file, and a
screenshot (and a PDF print) kept as test artefacts.

Read by a committee (issue 12 §5): every section is captured as its own
screenshot (SHOT_DIR, default build/screenshots), no two pieces of text
overlap (text boxes from the DOM, SVG text included), every chart's value
axis starts at 0 and names its unit, chart text is at least 12 px, the
synthetic data say so, the profile is drawn theme by theme (issue 16 §6), the trappe table sums, the development month by
month is there, the workbook has every section, and the English report too.

    python3 tests/browser/report_test.py build/styr ARTEFACT_DIR [SHOT_DIR]
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Browser, committee_checks, find_chromium, number  # noqa: E402


def run(styr, *args, cwd):
    r = subprocess.run([styr, *args], cwd=cwd, capture_output=True, text=True,
                       env={**os.environ, "STYR_PROGRESS": "0", "SOURCE_DATE_EPOCH": "1798000000"})
    if r.returncode != 0:
        sys.exit("styr %s failed (%d):\n%s%s" % (" ".join(args), r.returncode, r.stdout, r.stderr))
    return r.stdout


VALUE = re.compile(r"^[+-]?[\d.]+(,\d+)?( (pct\.(-point)?|uger|kr\.|mio\. kr\.))?$")
HERE = os.path.dirname(os.path.abspath(__file__))


def theme_names():
    """The seven themes' names as data/profil_temaer.csv has them (nr -> navn)."""
    rows = [ln.rstrip("\n").split(";") for ln in open(os.path.join(HERE, "..", "..", "data", "profil_temaer.csv"),
                                                          encoding="utf-8") if not ln.startswith("#")]
    return [r[1] for r in rows[1:] if r and r[0].isdigit()]


def profile_checks(page, check, prof):
    """The temperature page (issue 16 §6) against `styr profil --format json` (prof): the seven themes in
    order with their names, the statements under their headings with figures beside them that are
    numbers, '..' or '-', every challenge with a good example or nothing, the recommendations the
    profile has, and the empty text of a theme without figures."""
    names = theme_names()
    shown = page.eval("[...document.querySelectorAll('#profil .tema[data-nr]')].map(t => [+t.dataset.nr,"
                      " t.querySelector('h3 .navn').textContent])")
    check(shown == [[i + 1, n] for i, n in enumerate(names)], "profile: the seven themes in order with their names (%s)" % shown)
    cells = page.eval("[...document.querySelectorAll('#profil table.profil tbody tr')].map(r => [...r.cells].slice(1)"
                      ".map(c => c.textContent))")
    check(cells and all(len(r) == 2 and all(c in ("..", "-") or VALUE.match(c) for c in r) for r in cells),
          "profile: beside every sentence the own and the cluster's figure, a number, '..' or '-' (%d rows, %s)"
          % (len(cells), [r for r in cells if not all(c in ("..", "-") or VALUE.match(c) for c in r)][:3]))
    themes = page.eval("[...document.querySelectorAll('#profil .tema')].map(t => ({nr: +(t.dataset.nr || 0),"
                       " ch: [...t.querySelectorAll('table.udfordringer tbody tr')].map(r => r.dataset.figur + '/' + r.dataset.ydelse),"
                       " ex: [...t.querySelectorAll('ul.eksempler li')].map(l => [l.dataset.figur + '/' + l.dataset.ydelse,"
                       " (l.querySelector('.bedst') || {}).textContent || '', (l.querySelector('.forbedret') || {}).textContent || '']),"
                       " recs: [...t.querySelectorAll('ul.anbefalinger li')].map(l => l.textContent),"
                       " tom: (t.querySelector('p.tom') || {}).textContent || '',"
                       " n: t.querySelectorAll('table.profil tbody tr, ul.fakta li').length}))")
    good = re.compile(r"^(Bedst i klyngen|Forbedret mest): [^()]+ \(([+-]?[\d.]+(,\d+)?( \S+)*|\.\.|-)\)\.$")
    bad = []
    for t in themes:
        it = iter(t["ch"])  # the examples follow the challenges' order, one per challenge at most
        for key, best, imp in t["ex"]:
            if key not in it or not (best or imp) or not all(good.match(x) for x in (best, imp) if x):
                bad.append((t["nr"], key, best, imp))
    check(not bad, "profile: every challenge shows a good example (best, most improved) or nothing (%s)" % bad[:3])
    check(all(t["n"] or t["tom"] for t in themes if t["nr"]), "profile: a theme without figures says so (%s)"
          % [t["nr"] for t in themes if t["nr"] and not (t["n"] or t["tom"])])
    temaer = prof.get("temaer")
    check(isinstance(temaer, list) and len(temaer) == 7, "profile: styr profil --format json gives seven temaer")
    if isinstance(temaer, list):
        want = [[x.get("tekst", x) if isinstance(x, dict) else x for x in (tm.get("anbefalinger") or [])] for tm in temaer]
        got = [t["recs"] for t in themes if t["nr"]]
        check(got == want, "profile: the recommendations the profile has, theme by theme (%s against %s)"
              % ([len(g) for g in got], [len(w) for w in want]) + (" %s / %s" % (got, want) if got != want else ""))
        nch = [len(tm.get("udfordringer") or []) for tm in temaer]
        check([len(t["ch"]) for t in themes if t["nr"]] == nch, "profile: the challenges of each theme (%s)" % nch)


def main():
    styr = os.path.abspath(sys.argv[1])
    art = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else "build/test-artifacts")
    shots = os.path.abspath(sys.argv[3] if len(sys.argv) > 3 else "build/screenshots")
    os.makedirs(art, exist_ok=True)
    os.makedirs(shots, exist_ok=True)
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
            "--maalgrupper", "--intern", cwd=tmp)
        html = open(os.path.join(tmp, "rapport.html"), encoding="utf-8").read()
        prof = json.loads(run(styr, "profil", "-w", "ws", "--periode", "2024", "--intern", "--format", "json", cwd=tmp))
        # static: nothing in the file can reach outside it
        check(not re.search(r'(src|href|action)\s*=\s*"(?!#|data:)', html), "no src/href/action outside the file")
        check("<script" not in html, "no script")
        check("default-src 'none'" in html, "a CSP that forbids external sources")
        url = "file://" + os.path.join(tmp, "rapport.html")
        with Browser() as b:
            page = b.open(url)
            charts = page.eval("[...document.querySelectorAll('svg.chart')].map(s => [s.dataset.chart,"
                               " s.querySelectorAll('circle, rect.bar').length, s.querySelectorAll('polyline').length,"
                               " s.getBoundingClientRect().width])")
            ids = [c[0] for c in charts]
            want = ["klynge-andel_befolkning-offentligt_forsoergede", "klynge-andel_befolkning-dagpenge",
                    "klynge-andel_befolkning-kontanthjaelp", "klynge-andel_befolkning-sygedagpenge",
                    "klynge-langvarige-sygedagpenge", "klynge-varighed-sygedagpenge",
                    "klynge-aktiveringsgrad-offentligt_forsoergede", "klynge-i_job_3mdr-offentligt_forsoergede",
                    "klynge-netto_pr_indbygger_18_64-offentligt_forsoergede",
                    "udvikling-offentligt_forsoergede", "udvikling-dagpenge", "udvikling-kontanthjaelp",
                    "udvikling-sygedagpenge", "maaned-dagpenge", "maaned-kontanthjaelp", "maaned-sygedagpenge",
                    "stroemme", "stroemme-tilgang"]
            check(ids == want, "every chart present (%d of %d)" % (len([i for i in want if i in ids]), len(want)))
            check(all((c[1] > 0 or c[0].startswith("stroemme")) and c[3] > 100 for c in charts),
                  "every chart drawn with bars or points and a width")
            # the flows (issue 14): bands from the groups to the states 13 weeks after, labelled in Danish
            flows = page.eval("[...document.querySelectorAll('svg[data-chart=stroemme] text')].map(t => t.textContent)")
            bands = page.eval("document.querySelectorAll('svg[data-chart=stroemme] path.band').length")
            check(bands > 0 and any(t.startswith("I job ") for t in flows) and any(t.startswith("Selvforsørget") for t in flows)
                  and not any(t.startswith(("In work", "Self-supporting")) for t in flows),
                  "flows: a Sankey chart with Danish labels (%d bands, %s)" % (bands, flows[:4]))
            check(all(c[2] == 2 for c in charts if c[0].startswith(("udvikling", "maaned"))),
                  "development charts have two lines")
            own = page.eval("document.querySelectorAll('svg.chart .bar.own').length")
            check(own == 9, "the municipality highlighted in every cluster chart (%s)" % own)
            title = page.eval("document.querySelector('h1').textContent")
            check(title == "Opfølgning på beskæftigelsesindsatsen i Odense Kommune", "title: %s" % title)
            lead = page.eval("document.querySelector('.lead').textContent")
            check(re.search(r"\d+,\d pct\. af borgerne 16-66 år", lead) is not None, "Danish numbers in the lead")
            sections = page.eval("[...document.querySelectorAll('section')].map(s => s.id)")
            profile_checks(page, check, prof)
            check(sections == ["sammenfatning", "profil", "noegletal", "klynge", "udvikling", "udvikling-maaned", "scorecards",
                               "maalgrupper", "maal", "oekonomi", "effekt", "stroemme", "bilag"], "sections: %s" % sections)
            # the partnership's three target groups (issue 14): the own municipality's figures exact (--intern),
            # the cluster's a number or '..' (the target group's own discretion pattern), never zero for a group
            # the synthetic panel carries
            rows = page.eval("[...document.querySelectorAll('#maalgrupper table:first-of-type tbody tr')].map(r => [...r.cells].map(c => c.textContent))")
            rows2 = page.eval("[...document.querySelectorAll('#maalgrupper tbody tr')].map(r => [...r.cells].map(c => c.textContent))")
            check([r[0] for r in rows] == ["Unge under 30", "Borgere langt fra arbejdsmarkedet (aktivitetsparate)",
                                           "Flygtninge og familiesammenførte (indrejst inden for 10 år)"],
                  "the three target groups (%s)" % [r[0] for r in rows])
            check(all(len(r) == 5 and number(r[1]) is not None and number(r[1]) > 0 for r in rows),
                  "each target group has its own full-time persons, above 0 (%s)" % [r[1] for r in rows])
            check(len(rows2) == 6 and all(c == ".." or c == "-" or re.match(r"^[+-]?[\d.]+(,\d+)?( pct\.(-point)?)?$", c)
                                          for r in rows2 for c in r[1:]),
                  "target-group values (two tables) are numbers, '..' or '-' and nothing else")
            committee_checks(page, check, "report")
            banner = page.eval("(document.querySelector('header #syntetisk') || {}).textContent || ''")
            check("Syntetiske data" in banner, "the header says the data are synthetic")
            meta = page.eval("document.querySelector('.meta').textContent")
            check("Periode: 2024." in meta, "the period in words in the header (%s)" % meta)
            # the trappe: the steps and the row outside it sum to the total (as shown, in mio. kr.)
            trappe = page.eval("[...document.querySelectorAll('#oekonomi table')].pop().innerText")
            check("Uden for trappen" in trappe and "I alt" in trappe, "the trappe table has the row outside it and a total")
            weeks = page.eval("[...[...document.querySelectorAll('#oekonomi table')].pop().querySelectorAll('tbody tr')]"
                              ".map(r => r.lastElementChild.textContent)")
            nums = [number(w) for w in weeks]
            check(None not in nums and abs(sum(nums[:-1]) - nums[-1]) <= len(nums),
                  "the trappe's person-weeks sum to the total (%s)" % weeks)
            ytd = page.eval("[...document.querySelectorAll('#aatd tbody tr')].map(r => r.cells[0].textContent)")
            check(ytd == ["A-dagpenge", "Kontanthjælp", "Sygedagpenge"], "year to date for the scorecard groups (%s)" % ytd)
            months = page.eval("[...document.querySelectorAll('table.maaneder')].map(t => t.tBodies[0].rows.length)")
            check(months == [24, 24, 24], "24 months in each group's development table (%s)" % months)
            first = page.eval("document.querySelector('table.maaneder tbody tr td').textContent")
            check(first == "december 2024", "months in words, the latest first (%s)" % first)
            cells = page.eval("[...document.querySelectorAll('table.maaneder td.n, #aatd td.n')].map(t => t.textContent)")
            check(all(c == ".." or c == "\u2013" or re.match(r"^[+-]?[\d.]+(,\d+)?( pct\.)?$", c) for c in cells),
                  "development values are numbers, '..' or '\u2013' and nothing else")
            for path in page.screenshot_sections("header, section", os.path.join(shots, "rapport")):
                check(os.path.getsize(path) > 2000, "screenshot %s" % os.path.basename(path))
            rows = page.eval("document.querySelectorAll('#effekt tbody tr').length")
            check(rows > 0, "effect of offers: %s rows" % rows)
            # the estimate's checks (issue 15): a row per offer with placebo, balance and coarse bands
            diag = page.eval("[...document.querySelectorAll('#effekt table.effektdiag tbody tr')].map(r => "
                             "[...r.cells].map(c => c.textContent))")
            check(len(diag) > 0 and all(len(r) == 6 for r in diag), "effect checks: %s rows of 6 cells" % len(diag))
            check(all(r[3] == "-" or re.match(r"^-?[\d.]+,\d \[-?[\d.]+,\d; -?[\d.]+,\d\]$", r[3]) for r in diag),
                  "effect checks: the placebo is an estimate with its interval or '-' (%s)" % [r[3] for r in diag[:3]])
            status = page.eval("document.querySelector('#maal .status').textContent")
            check(status in ("nået", "på vej", "ikke nået"), "goal status shown (%s)" % status)
            page.screenshot(os.path.join(art, "rapport.png"))
            # as printed on A4: text of at least 12 px, nothing overlapping, the page's width kept
            page.as_a4_print()
            small = page.small_text(12)
            check(not small, "A4: no text under 12 px (%d, e.g. %s)" % (len(small), small[:3]))
            over = page.overlapping_text()
            check(not over, "A4: no overlapping text (%d pairs%s)" % (len(over), ", e.g. %s" % (over[:3],) if over else ""))
            wide = page.eval("Math.max(...[...document.querySelectorAll('section')].map(s => s.scrollWidth))")
            check(wide <= 688, "A4: every section fits the page's width (%s px)" % wide)
            page.screenshot(os.path.join(shots, "rapport-a4.png"), width=688)
            page.call("Emulation.setEmulatedMedia", media="")
            page.pdf(os.path.join(art, "rapport.pdf"))
            leaving = [u for u in page.requests if not (u.startswith("file://") or u.startswith("data:"))]
            check(page.requests and not leaving, "no request leaves the file (%d requests, leaving: %s)"
                  % (len(page.requests), leaving))
            check(not page.errors, "no console errors %s" % page.errors)
        check(os.path.getsize(os.path.join(art, "rapport.png")) > 50000, "screenshot kept: %s/rapport.png" % art)
        check(open(os.path.join(art, "rapport.pdf"), "rb").read(4) == b"%PDF", "prints to PDF")
        # the workbook: every section has its sheet, and the synthetic data say so
        with zipfile.ZipFile(os.path.join(tmp, "rapport.xlsx")) as z:
            sheets = re.findall(r'<sheet name="([^"]+)"', z.read("xl/workbook.xml").decode())
            strings = z.read("xl/sharedStrings.xml").decode()
        need = ["Om rapporten", "Profil", "Nøgletal", "Klyngen", "Udvikling", "Udvikling pr. måned", "Scorecards", "Målgrupper", "Mål", "Budget",
                "Økonomi", "Effekt"]
        check(all(n in sheets for n in need), "the workbook has every section: %s" % sheets)
        check("Syntetiske data" in strings, "the workbook says the data are synthetic")
        check("intet budget" in strings, "the budget sheet says there is no budget")
        check(all(w in strings for w in ("Tema", "Art", "Udsagn", "Egen værdi", "Klyngen", "Bedst i klyngen",
                                         "Forbedret mest", "Anbefaling")),
              "the Profil sheet: theme, kind, sentence, own and cluster value, best, most improved, recommendation")
        # the English report: the same checks on text and charts
        run(styr, "--lang", "en", "report", "-w", "ws", "--periode", "2024K2", "-o", "report-en.html", cwd=tmp)
        with Browser() as b:
            page = b.open("file://" + os.path.join(tmp, "report-en.html"))
            committee_checks(page, check, "report (en, 2024K2)")
            meta = page.eval("document.querySelector('.meta').textContent")
            check("Period: Q2 2024." in meta, "the period in words in English (%s)" % meta)
            pot = page.eval("document.querySelector('#oekonomi p').textContent")
            check("per quarter" in pot or ".." in pot, "a quarter's potential is labelled per quarter (%s)" % pot)
            page.screenshot(os.path.join(shots, "rapport-en.png"))
    print("%d browser checks failed" % len(fails) if fails else "browser test passed")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
