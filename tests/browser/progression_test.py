"""Browser test of the progression section (issue 14 §3) on the dashboard:
with assessments in the workspace (the planted fixture of
tools/progression_fixture.py), the overview of `styr serve` shows the section,
its rows and numbers equal /api/v1/progression, the models' odds ratios equal
the API's, no console errors, no request leaves the server; a screenshot of
the section is kept.

    python3 tests/browser/progression_test.py build/styr ARTEFACT_DIR [SHOT_DIR]
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from cdp import Browser, committee_checks, find_chromium, number  # noqa: E402

fails = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        fails.append(what)


def near(text, v, decimals):
    """A value on the page against the API's: '..' for null, else equal at the shown precision (half away from zero)."""
    if v is None or text.strip() == "..":
        return v is None and text.strip() == ".."
    return abs(number(text) - v) <= 0.5 * 10 ** -decimals + 1e-9


def main():
    exe = os.path.abspath(sys.argv[1])
    art = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else "build/test-artifacts")
    shots = os.path.abspath(sys.argv[3] if len(sys.argv) > 3 else "build/screenshots")
    os.makedirs(art, exist_ok=True)
    os.makedirs(shots, exist_ok=True)
    if not find_chromium():
        print("chromium is not installed: progression test skipped")
        return 0
    with tempfile.TemporaryDirectory(prefix="styr-prog-") as d:
        run = lambda *a: subprocess.run([exe, *a], cwd=d, check=True, capture_output=True)  # noqa: E731
        subprocess.run([sys.executable, os.path.join(HERE, "..", "..", "tools", "progression_fixture.py"), "gen", d,
                        "400", "2"], check=True)
        run("init", "ws", "--kommune", "461")
        run("import", "-w", "ws", "panel.csv")
        run("progression", "import", "-w", "ws", "vurderinger.csv")
        proc = subprocess.Popen([exe, "serve", "-w", "ws", "--listen", "127.0.0.1:0"], cwd=d, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True)
        try:
            m = re.search(r"port (\d+)", proc.stdout.readline())
            if not m:
                raise SystemExit("styr serve did not start")
            base = "http://127.0.0.1:%s" % m.group(1)
            with urllib.request.urlopen(base + "/api/v1/progression") as r:
                want = json.loads(r.read())
            with Browser() as b:
                page = b.open(base + "/kommune/461")
                check(page.eval("!!document.getElementById('progression')"), "the overview has a progression section")
                rows = page.eval("[...document.querySelectorAll('#progression table')[0].querySelectorAll('tbody tr')]"
                                 ".map(r => [...r.cells].map(c => c.textContent))")
                api_rows = want["progression"]
                check(len(rows) == len(api_rows), "as many rows as the API (%d, %d)" % (len(rows), len(api_rows)))
                same = all(near(r[3], a["gennemsnitlig_aendring_0_100"], 1) for r, a in zip(rows, api_rows))
                check(same, "the changes on 0-100 equal the API's")
                same = all(near(r[5], a["andel_forbedret"], 1) for r, a in zip(rows, api_rows))
                check(same, "the shares improved equal the API's")
                models = page.eval("[...document.querySelectorAll('#progression table')[1].querySelectorAll('tbody tr')]"
                                   ".map(r => [...r.cells].map(c => c.textContent))")
                api_m = [x for x in want["forudsigelse"] if x["horisont_maaneder"] == 12 and x["indikator"]]
                check(len(models) == len(api_m) == 6, "six models at 12 months (%d, %d)" % (len(models), len(api_m)))
                same = all(near(r[3], a["regressorer"][0]["odds_ratio"], 2) for r, a in zip(models, api_m))
                check(same, "the odds ratios equal the API's")
                tro = [r for r in models if r[0].endswith("tro på job") and not r[0].startswith("BIP: sag")]
                check(len(tro) == 1 and number(tro[0][3]) > 1.5, "tro på job predicts a job (%s)" % tro)
                committee_checks(page, check, "overview with progression")
                check(not page.errors, "no console errors %s" % page.errors)
                check(all(u.startswith(base) for u in page.requests), "no request leaves the server")
                for path in page.screenshot_sections("section#progression", os.path.join(shots, "dashboard-progression")):
                    check(os.path.getsize(path) > 1000, "screenshot %s" % os.path.basename(path))
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    print("%d progression checks failed" % len(fails) if fails else "progression browser test passed")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
