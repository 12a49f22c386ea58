"""Browser test of `styr serve`: the overview and a cluster page load in
headless Chromium without console errors or requests leaving the server, the
rendered numbers equal the API's, and choosing another municipality shows its
page with its numbers. Screenshots are kept as test artefacts.

    python3 tests/browser/dashboard_test.py build/styr ARTEFACT_DIR
"""
import json
import os
import re
import sys
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "web"))
from cdp import Browser, find_chromium  # noqa: E402
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


def main():
    exe = sys.argv[1]
    art = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else "build/test-artifacts")
    os.makedirs(art, exist_ok=True)
    if not find_chromium():
        print("chromium is not installed: dashboard test skipped")
        return 0
    with Server(exe) as srv, Browser() as b:
        base = srv.base
        # the overview of the own municipality with its token
        page = b.open("%s/kommune/461?periode=2024&token=%s" % (base, TOKENS["odense"]))
        title = page.eval("document.querySelector('h1').textContent")
        check(title == "Opfølgning på beskæftigelsesindsatsen i Odense Kommune", "overview title: %s" % title)
        charts = page.eval("document.querySelectorAll('svg.chart').length")
        check(charts == 13, "overview: 13 charts (%s)" % charts)
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

        # a cluster page: the table equals the API
        page2 = b.open("%s/kommune/461/klynge?figur=varighed&ydelse=sygedagpenge&periode=2024" % base)
        cells = page2.eval("[...document.querySelectorAll('td[data-kommune]')].map(t => [t.dataset.kommune, t.textContent])")
        cmp = api(base, "/api/v1/sammenlign?kommune=461&figur=varighed&ydelse=sygedagpenge&periode=2024")
        want = {str(m["kommune"]): m["vaerdi"] for m in cmp["kommuner"]}
        same = all(k in want and same_value(t, want[k]) for k, t in cells)
        check(len(cells) == len(want) and same, "cluster page values equal the API, hidden as '..' (%d municipalities)" % len(cells))
        check(page2.eval("document.querySelectorAll('svg.chart circle.own').length") == 1, "own municipality highlighted")
        page2.screenshot(os.path.join(art, "dashboard-klynge.png"))
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
        check(not page3.errors, "after the change: no console errors %s" % page3.errors)
    print("%d dashboard checks failed" % len(fails) if fails else "dashboard test passed")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
