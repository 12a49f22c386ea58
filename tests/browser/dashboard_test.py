"""Browser test of `styr serve`: the overview and a cluster page load in
headless Chromium without console errors or requests leaving the server, the
rendered numbers equal the API's, and choosing another municipality shows its
page with its numbers. Screenshots are kept as test artefacts.

Read by a committee (issue 12 §5): every view is captured (SHOT_DIR, default
build/screenshots) and checked for overlapping text, value axes from zero with
their unit and 12 px chart text; the synthetic data say so in a banner; the
cluster page chooses figure and group and names the group in its heading;
periods are in words; the budget follows the chosen period; the municipality
list offers what the token may see; a 400 names the parameter at fault.

    python3 tests/browser/dashboard_test.py build/styr ARTEFACT_DIR [SHOT_DIR]
"""
import json
import os
import re
import sys
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "web"))
from cdp import Browser, committee_checks, find_chromium  # noqa: E402
from server import TOKENS, Server  # noqa: E402

fails = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        fails.append(what)


def api(base, path, token=None):
    req = urllib.request.Request(base + path)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read())


def same_value(text, v):
    """A value on a page against the API's: a number equal at one decimal, or '..' for null (discretion)."""
    if v is None or text.strip() == "..":
        return v is None and text.strip() == ".."
    return number(text) == round(v, 1)


def number(text):
    """'16,9 pct.' -> 16.9; '1.234,5' -> 1234.5"""
    m = re.search(r"-?[\d.]+(,\d+)?", text)
    return float(m.group(0).replace(".", "").replace(",", ".")) if m else None


def status_of(url):
    """The status and body of a GET (an error status too)."""
    try:
        with urllib.request.urlopen(url) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


VALUE = re.compile(r"^[+-]?[\d.]+(,\d+)?( (pct\.(-point)?|uger|kr\.|mio\. kr\.))?$")
GOOD = re.compile(r"^(Bedst i klyngen|Forbedret mest): [^()]+( \(([+-]?[\d.]+(,\d+)?( \S+)*|\.\.|-)\))?\.$")


def theme_names():
    """The seven themes' names as data/profil_temaer.csv has them."""
    rows = [ln.split(";") for ln in open(os.path.join(HERE, "..", "..", "data", "profil_temaer.csv"), encoding="utf-8")
            if not ln.startswith("#")]
    return [r[1] for r in rows[1:] if r and r[0].isdigit()]


# A profile as /api/v1/profil gives it (issue 16 §2), by hand: the page draws exactly this
HAND = {"kommune": 461, "kommunenavn": "Odense", "temaer": [
    {"nr": i + 1, "navn": n, "styrker": [], "udfordringer": [], "forskelle": [], "anbefalinger": [], "gode_eksempler": [],
     "tom": "Ingen tal." if i in (0, 6) else None} for i, n in enumerate(theme_names())]}
HAND["temaer"][3]["styrker"] = [{"ydelse": "i_alt", "figur": "andel_befolkning", "tekst": "I har færre på offentlig forsørgelse.",
                                 "vaerdi": 14.24, "klynge": 15.9, "enhed": "pct"}]
HAND["temaer"][3]["udfordringer"] = [
    {"ydelse": "sygedagpenge", "figur": "langvarige", "tekst": "I har flere langvarige forløb.", "vaerdi": 59.3,
     "klynge": 1234.5, "enhed": "pct", "godt_eksempel": {"bedst": {"kommune": 621, "kommunenavn": "Kolding", "vaerdi": 41.04},
                                                         "forbedret": {"kommune": 630, "kommunenavn": "Vejle", "vaerdi": -6.2}}},
    {"ydelse": "kontanthjaelp", "figur": "varighed", "tekst": "Forløbene varer længere.", "vaerdi": None, "diskretion": True,
     "enhed": "uger"}]
HAND["temaer"][3]["anbefalinger"] = ["Lav en fælles plan for de langvarige forløb."]
HAND["temaer"][1]["forskelle"] = [{"ydelse": "i_alt", "figur": "aktiveringsgrad", "tekst": "I aktiverer flere.",
                                   "vaerdi": "31,0 pct.", "klynge": None}]


def profile_page(page, check, prof, what, missing=False):
    """The profile page drawn from prof (the JSON it was given): the seven themes in order with their names, the
    values beside the sentences numbers, '..' or '-', every challenge a good example or nothing, the
    recommendations the JSON has. missing: the JSON leaves some values out, shown as nothing ('')."""
    names = theme_names()
    shown = page.eval("[...document.querySelectorAll('#profil .tema')].map(t => [+t.dataset.nr, t.querySelector('h3 .navn').textContent])")
    check(shown == [[i + 1, n] for i, n in enumerate(names)], "%s: the seven themes in order with their names (%s)" % (what, shown))
    cells = page.eval("[...document.querySelectorAll('#profil table.profil tbody tr')].map(r => [...r.cells].slice(1).map(c => c.textContent))")
    bad = [r for r in cells if not all(c in ("..", "-") or VALUE.match(c) or (missing and c == "") for c in r)]
    check(not bad, "%s: the values beside the sentences are numbers, '..' or '-' (%d rows, %s)" % (what, len(cells), bad[:3]))
    themes = page.eval("[...document.querySelectorAll('#profil .tema')].map(t => ({ch: [...t.querySelectorAll('table.udfordringer tbody tr')]"
                       ".map(r => r.dataset.figur + '/' + r.dataset.ydelse), ex: [...t.querySelectorAll('ul.eksempler li')].map(l => "
                       "[l.dataset.figur + '/' + l.dataset.ydelse, [...l.querySelectorAll('.bedst, .forbedret')].map(x => x.textContent)]),"
                       " recs: [...t.querySelectorAll('ul.anbefalinger li')].map(l => l.textContent)}))")
    bad = []
    for t in themes:
        it = iter(t["ch"])
        bad += [e for e in t["ex"] if e[0] not in it or not e[1] or not all(GOOD.match(x) for x in e[1])]
    check(not bad, "%s: every challenge shows a good example or nothing (%s)" % (what, bad[:3]))
    want = [[r if isinstance(r, str) else r.get("tekst") for r in (tm.get("anbefalinger") or [])] for tm in prof.get("temaer") or []]
    check([t["recs"] for t in themes] == want, "%s: the recommendations the JSON has (%s)" % (what, [len(w) for w in want]))
    want = [sum(1 for c in (tm.get("udfordringer") or []) if (c.get("godt_eksempel") or {}).get("bedst") or
                (c.get("godt_eksempel") or {}).get("forbedret")) for tm in prof.get("temaer") or []]
    check([len(t["ex"]) for t in themes] == want, "%s: a good example for every challenge that has one (%s)" % (what, want))


def options(page):
    return page.eval("[...document.querySelectorAll('#kommune option')].map(o => o.value)")


def main():
    exe = sys.argv[1]
    art = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else "build/test-artifacts")
    shots = os.path.abspath(sys.argv[3] if len(sys.argv) > 3 else "build/screenshots")
    os.makedirs(art, exist_ok=True)
    os.makedirs(shots, exist_ok=True)
    if not find_chromium():
        print("chromium is not installed: dashboard test skipped")
        return 0
    with Server(exe) as srv, Browser() as b:
        base = srv.base
        # a budget for 2024, so that the overview's budget section can follow the chosen period
        srv.styr("budget", "export", "-w", "ws", "--aar", "2024", "--format", "csv", "-o", "budget.csv")
        srv.styr("budget", "import", "-w", "ws", "budget.csv")
        # the target groups' discretion patterns, computed once and stored (the overview reads them)
        srv.styr("report", "-w", "ws", "--periode", "2024", "--maalgrupper", "-o", "forberedt.html")
        # the overview of the own municipality with its token
        page = b.open("%s/kommune/461?periode=2024&token=%s" % (base, TOKENS["odense"]))
        title = page.eval("document.querySelector('h1').textContent")
        check(title == "Opfølgning på beskæftigelsesindsatsen i Odense Kommune", "overview title: %s" % title)
        charts = page.eval("document.querySelectorAll('svg.chart').length")
        check(charts == 18, "overview: 18 charts (%s)" % charts)
        # the flows (issue 14): the Sankey chart in Danish, and its numbers from /api/v1/flows
        labels = page.eval("[...document.querySelectorAll('svg[data-chart=stroemme] text')].map(t => t.textContent)")
        check(any(t.startswith("I job ") for t in labels) and any(t.startswith("Selvforsørget") for t in labels),
              "overview: the flows chart with Danish labels (%s)" % labels[:4])
        flows = api(base, "/api/v1/flows?kommune=461&periode=2024", TOKENS["odense"])
        total = [r for r in flows["afgang_13uger"] if r["fra"] == "i_alt" and r["til"] == "i_alt"][0]
        lead = page.eval("document.querySelector('#stroemme p').textContent")
        check(total["antal"] is not None and lead.startswith("%s forløb" % format(total["antal"], ",").replace(",", ".")),
              "overview: the flows total equals /api/v1/flows (%s / %s)" % (lead[:30], total["antal"]))
        committee_checks(page, check, "overview")
        banner = page.eval("(document.getElementById('syntetisk') || {}).textContent || ''")
        check("Syntetiske data" in banner, "overview: the banner says the data are synthetic")
        check(options(page) == ["461"], "overview: Odense's token lists only Odense (%s)" % options(page)[:5])
        budget = page.eval("(document.querySelector('#budget p') || {}).textContent || ''")
        check("til og med december 2024" in budget, "overview 2024: the budget follows the year to December (%s)" % budget)
        # the development month by month: the overview's year to date equals the API's (the same discretion)
        ytd = page.eval("[...document.querySelectorAll('#aatd tbody tr')].map(r => [r.cells[0].textContent,"
                        " r.cells[1].textContent])")
        dev = api(base, "/api/v1/udvikling?kommune=461&periode=2024", TOKENS["odense"])
        want = [(g["ydelsenavn"], g["aar_til_dato"]["vaerdi"]) for g in dev["ydelser"]]
        check(len(ytd) == 3 and [y[0] for y in ytd] == [w[0] for w in want]
              and all(same_value(y[1], w[1]) for y, w in zip(ytd, want)),
              "overview: the year to date equals /api/v1/udvikling (%s / %s)" % (ytd, want))
        check(all(len(g["maaneder"]) == 24 for g in dev["ydelser"]), "the API: 24 months for each group")
        # the partnership's three target groups (issue 14), the own municipality's figures exact with its token,
        # and the API gives the same full-time persons for the young under the target group's own discretion
        maal = page.eval("[...document.querySelectorAll('#maalgrupper table:first-of-type tbody tr')].map(r => [...r.cells].map(c => c.textContent))")
        check(len(maal) == 3 and all(number(r[1]) is not None and number(r[1]) > 0 for r in maal),
              "overview: the three target groups with their own full-time persons (%s)" % [r[:2] for r in maal])
        unge = api(base, "/api/v1/figurer?kommune=461&periode=2024&ydelse=i_alt&maalgruppe=unge", TOKENS["odense"])
        check(len(unge) == 1 and unge[0].get("maalgruppe") == "unge under 30" and len(maal) == 3
              and same_value(maal[0][1], unge[0]["fuldtidspersoner"]),
              "the API's figures for the young equal the overview's (%s / %s)" % (unge[:1], maal[:1]))
        for path in page.screenshot_sections("nav, header, section", os.path.join(shots, "dashboard-oversigt")):
            check(os.path.getsize(path) > 1000, "screenshot %s" % os.path.basename(path))
        eff = page.eval("document.querySelectorAll('#effekt tbody tr').length")
        check(eff > 0, "overview: effect of offers (%s rows)" % eff)
        shown = number(page.eval("document.querySelector('#noegletal tbody tr td:nth-child(3)').textContent"))
        row = api(base, "/api/v1/figurer?kommune=461&ydelse=i_alt&periode=2024", TOKENS["odense"])[0]
        check(shown == round(row["andel_befolkning"], 1),
              "overview share on public support equals the API (%s = %s)" % (shown, row["andel_befolkning"]))
        check(page.eval("document.getElementById('token').value") == TOKENS["odense"], "the form carries the token")
        page.screenshot(os.path.join(art, "dashboard-oversigt.png"))
        check(not page.errors, "overview: no console errors %s" % page.errors)
        check(all(u.startswith(base) for u in page.requests), "overview: no request leaves the server")

        # the profile page (issue 16 §6): drawn from /api/v1/profil theme by theme, as the report draws it
        page6 = b.open("%s/kommune/461/profil?periode=2024&token=%s" % (base, TOKENS["odense"]))
        for _ in range(100):
            if not page6.eval("document.querySelector('#profil p.henter') !== null"):
                break
            time.sleep(0.2)
        prof = api(base, "/api/v1/profil?kommune=461&periode=2024", TOKENS["odense"])
        check(isinstance(prof.get("temaer"), list) and len(prof["temaer"]) == 7,
              "the API: /api/v1/profil gives seven temaer (%s)" % sorted(prof)[:8])
        if isinstance(prof.get("temaer"), list):
            profile_page(page6, check, prof, "profile page")
        for path in page6.screenshot_sections("nav, header, section", os.path.join(shots, "dashboard-profil")):
            check(os.path.getsize(path) > 1000, "screenshot %s" % os.path.basename(path))
        committee_checks(page6, check, "profile page")
        check(not page6.errors, "profile page: no console errors %s" % page6.errors)
        check(all(u.startswith(base) for u in page6.requests), "profile page: no request leaves the server")
        # the same page drawing a profile given by hand: exact values, missing fields show nothing
        page6.eval("window.styrProfil.render(%s, document.getElementById('profil'))" % json.dumps(HAND))
        profile_page(page6, check, HAND, "profile page, by hand", missing=True)
        rows = page6.eval("[...document.querySelectorAll('#tema-4 table.profil tbody tr, #tema-2 table.profil tbody tr')]"
                          ".map(r => [...r.cells].map(c => c.textContent))")
        check(sorted(rows) == sorted([["I har færre på offentlig forsørgelse.", "14,2 pct.", "15,9 pct."],
                                      ["I har flere langvarige forløb.", "59,3 pct.", "1.234,5 pct."],
                                      ["Forløbene varer længere.", "..", ""],
                                      ["I aktiverer flere.", "31,0 pct.", "-"]]),
              "profile page by hand: the values as Danish text, null '..' (discretion) or '-', a missing one nothing (%s)" % rows)
        ex = page6.eval("[...document.querySelectorAll('#tema-4 ul.eksempler li')].map(l => l.textContent)")
        check(ex == ["langvarige: Bedst i klyngen: Kolding (41,0 pct.). Forbedret mest: Vejle (-6,2 pct.-point)."],
              "profile page by hand: the good examples of the one challenge that has them (%s)" % ex)
        tom = page6.eval("[...document.querySelectorAll('#profil p.tom')].map(p => p.parentElement.dataset.nr)")
        check(tom == ["1", "7"], "profile page by hand: the themes without figures say so (%s)" % tom)
        committee_checks(page6, check, "profile page by hand")
        page6.screenshot(os.path.join(shots, "dashboard-profil-haand.png"))

        # a cluster page: the table equals the API
        page2 = b.open("%s/kommune/461/klynge?figur=varighed&ydelse=sygedagpenge&periode=2024" % base)
        cells = page2.eval("[...document.querySelectorAll('td[data-kommune]')].map(t => [t.dataset.kommune, t.textContent])")
        cmp = api(base, "/api/v1/sammenlign?kommune=461&figur=varighed&ydelse=sygedagpenge&periode=2024")
        want = {str(m["kommune"]): m["vaerdi"] for m in cmp["kommuner"]}
        same = all(k in want and same_value(t, want[k]) for k, t in cells)
        check(len(cells) == len(want) and same, "cluster page values equal the API, hidden as '..' (%d municipalities)" % len(cells))
        check(page2.eval("document.querySelectorAll('svg.chart .bar.own').length") == 1, "own municipality highlighted")
        page2.screenshot(os.path.join(art, "dashboard-klynge.png"))
        page2.screenshot(os.path.join(shots, "dashboard-klynge.png"))
        committee_checks(page2, check, "cluster page")
        h1 = page2.eval("document.querySelector('h1').textContent")
        check("Sygedagpenge" in h1 and h1.endswith(", 2024"), "cluster page: the heading names the group (%s)" % h1)
        check("Syntetiske data" in page2.eval("(document.getElementById('syntetisk') || {}).textContent || ''"),
              "cluster page: the banner says the data are synthetic")
        check(options(page2) == ["461"], "cluster page without a token: only the workspace's own municipality")

        # choose the group on the cluster page: the page follows, its heading names the group, the period in words
        page4 = b.open("%s/kommune/461/klynge?figur=langvarige&ydelse=sygedagpenge&periode=2024K2&token=%s"
                       % (base, TOKENS["odense"]))
        h1 = page4.eval("document.querySelector('h1').textContent")
        check(h1.endswith("Sygedagpenge, 2. kvartal 2024"), "the period in words in the heading (%s)" % h1)
        b.loaded.discard(page4.s)
        page4.eval("var s = document.getElementById('ydelse'); s.value = 'dagpenge'; s.dispatchEvent(new Event('change'));")
        b.wait(lambda: page4.s in b.loaded, 30)
        url = page4.eval("location.pathname + location.search")
        h1 = page4.eval("document.querySelector('h1').textContent")
        check("ydelse=dagpenge" in url and "token=" in url and "A-dagpenge" in h1,
              "choosing a group shows it, with the token (%s: %s)" % (url, h1))
        b.loaded.discard(page4.s)
        page4.eval("var s = document.getElementById('figur'); s.value = 'varighed'; s.dispatchEvent(new Event('change'));")
        b.wait(lambda: page4.s in b.loaded, 30)
        h1 = page4.eval("document.querySelector('h1').textContent")
        check("Varighed" in h1 and "A-dagpenge" in h1, "choosing a figure keeps the group (%s)" % h1)
        committee_checks(page4, check, "cluster page, chosen")
        page4.screenshot(os.path.join(shots, "dashboard-klynge-valgt.png"))
        check(not page4.errors, "choosing figure and group: no console errors %s" % page4.errors)

        # the overview of a quarter: the budget follows the quarter, the potential is per quarter
        page5 = b.open("%s/kommune/461?periode=2024K2&token=%s" % (base, TOKENS["odense"]))
        meta = page5.eval("document.querySelector('.meta').textContent")
        check("Periode: 2. kvartal 2024." in meta, "overview: the period in words (%s)" % meta)
        budget = page5.eval("(document.querySelector('#budget p') || {}).textContent || ''")
        check("til og med juni 2024" in budget, "overview 2024K2: the budget follows the quarter to June (%s)" % budget)
        pot = page5.eval("document.querySelector('#oekonomi p').textContent")
        check("pr. kvartal" in pot or pot.count("..") == 2, "overview 2024K2: the potential is per quarter (%s)" % pot)
        committee_checks(page5, check, "overview 2024K2")
        for path in page5.screenshot_sections("nav, header, section", os.path.join(shots, "dashboard-kvartal")):
            check(os.path.getsize(path) > 1000, "screenshot %s" % os.path.basename(path))

        # a 400 names the parameter at fault, on pages and in the API
        for path, param in (("/kommune/461/klynge?figur=ingen", "figur"), ("/kommune/461/klynge?ydelse=ingen", "ydelse"),
                            ("/kommune/461/klynge?periode=2024K9", "periode"), ("/kommune/461?periode=2024K9", "periode"),
                            ("/vis?kommune=9999", "kommune")):
            st, body = status_of(base + path)
            check(st == 400 and param + ":" in body, "%s: 400 naming %s (%s)" % (path, param, st))
        for path, param in (("/api/v1/figurer?ydelse=ingen", "ydelse"), ("/api/v1/sammenlign?figur=ingen", "figur"),
                            ("/api/v1/udvikling?figur=netto", "figur")):
            st, body = status_of(base + path)
            check(st == 400 and json.loads(body).get("parameter") == param, "%s: 400 naming %s (%s)" % (path, param, st))
        check(not page2.errors, "cluster page: no console errors %s" % page2.errors)

        # choose another municipality with the KL-wide token
        page3 = b.open("%s/kommune/461/klynge?figur=andel_befolkning&periode=2024&token=%s" % (base, TOKENS["kl"]))
        b.loaded.discard(page3.s)
        page3.eval("var s = document.getElementById('kommune'); s.value = '147'; s.dispatchEvent(new Event('change'));")
        b.wait(lambda: page3.s in b.loaded, 30)
        url = page3.eval("location.pathname + location.search")
        title = page3.eval("document.querySelector('h1').textContent")
        check(url.startswith("/kommune/147") and "Frederiksberg" in title, "changing municipality shows %s (%s)" % (url, title))
        shown = page3.eval("document.querySelector('#noegletal tbody tr td:nth-child(3)').textContent")
        row = api(base, "/api/v1/figurer?kommune=147&ydelse=i_alt&periode=2024", TOKENS["kl"])[0]
        check(same_value(shown, row["andel_befolkning"]), "Frederiksberg's share equals the API (%s)" % shown)
        page3.screenshot(os.path.join(art, "dashboard-frederiksberg.png"))
        page3.screenshot(os.path.join(shots, "dashboard-frederiksberg.png"))
        check(len(options(page3)) == 98, "the KL token lists every municipality (%d)" % len(options(page3)))
        committee_checks(page3, check, "Frederiksberg's overview")
        check(not page3.errors, "after the change: no console errors %s" % page3.errors)
    print("%d dashboard checks failed" % len(fails) if fails else "dashboard test passed")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
