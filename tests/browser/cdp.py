"""A small Chrome DevTools Protocol client over --remote-debugging-pipe.

Headless Chromium reads commands from fd 3 and writes replies and events to
fd 4, each a JSON message ended by a NUL byte. No websocket library, no
network port: the browser test needs only Python's standard library and
Debian's chromium.

    with Browser() as b:
        page = b.open("file:///tmp/report.html")
        page.eval("document.title")
        page.screenshot("report.png")
        page.requests, page.errors
"""
import base64
import json
import os
import re
import shutil
import subprocess
import tempfile
import time


def number(text):
    """'1.234' -> 1234.0; '15,2 pct.' -> 15.2; None when there is no number."""
    m = re.search(r"-?[\d.]+(,\d+)?", text or "")
    return float(m.group(0).replace(".", "").replace(",", ".")) if m else None


def committee_checks(page, check, what):
    """What a committee needs of every page (issue 12 §5): no text over other text (text boxes of
    distinct text nodes may overlap by at most 1.5 px), every chart's value axis from zero and naming
    its unit, chart text at least 12 px as shown."""
    over = page.overlapping_text()
    check(not over, "%s: no overlapping text (%d pairs%s)" % (what, len(over), ", e.g. %s" % (over[:3],) if over else ""))
    axes = page.chart_axes()
    check(all(number(a[1]) == 0 for a in axes), "%s: every value axis starts at 0 (%s)"
          % (what, [a for a in axes if number(a[1]) != 0]))
    check(all(a[2].strip() for a in axes), "%s: every value axis names its unit (%d charts)" % (what, len(axes)))
    small = page.eval("[...document.querySelectorAll('svg.chart text')].filter(t => t.getBoundingClientRect().height > 0"
                      " && parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a < 11.99).length")
    check(small == 0, "%s: chart text at least 12 px (%s smaller)" % (what, small))


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        p = shutil.which(name)
        if p:
            return p
    return None


TEXT_BOXES_JS = r"""(() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let n, id = 0;
  while ((n = walker.nextNode())) {
    id++;
    const t = n.textContent.trim();
    const el = n.parentElement;
    if (!t || !el || el.closest('title, script, style, select, option, noscript')) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || cs.display === 'none') continue;
    let rects;
    if (el instanceof SVGElement) { rects = [el.getBoundingClientRect()]; }
    else { const r = document.createRange(); r.selectNodeContents(n); rects = [...r.getClientRects()]; }
    for (const r of rects)
      if (r.width > 0.5 && r.height > 0.5) out.push([t.slice(0, 40), r.left + scrollX, r.top + scrollY, r.width, r.height, id]);
  }
  return out;
})()"""


class Page:
    def __init__(self, browser, session):
        self.b = browser
        self.s = session
        self.requests = []   # every URL the page asked for
        self.errors = []     # console errors, exceptions, log entries of level error

    def call(self, method, **params):
        return self.b.call(method, params, self.s)

    def eval(self, expr):
        r = self.call("Runtime.evaluate", expression=expr, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise RuntimeError("evaluate failed: %s" % r["exceptionDetails"])
        return r["result"].get("value")

    def navigate(self, url, timeout=30):
        self.b.loaded.discard(self.s)
        self.call("Page.navigate", url=url)
        self.b.wait(lambda: self.s in self.b.loaded, timeout)

    def screenshot(self, path, width=1100):
        h = self.eval("Math.ceil(document.documentElement.scrollHeight)")
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=int(h), deviceScaleFactor=1, mobile=False)
        r = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        with open(path, "wb") as f:
            f.write(base64.b64decode(r["data"]))

    def screenshot_sections(self, selector, prefix, width=1100):
        """One PNG per element matching selector (its id names the file): prefix-ID.png. Returns the paths."""
        h = self.eval("Math.ceil(document.documentElement.scrollHeight)")
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=int(h), deviceScaleFactor=1, mobile=False)
        boxes = self.eval("[...document.querySelectorAll(%s)].map((e, i) => { const r = e.getBoundingClientRect();"
                          " return [e.id || String(i), r.left + scrollX, r.top + scrollY, r.width, r.height]; })"
                          % json.dumps(selector))
        paths = []
        for name, x, y, w, hh in boxes:
            if w < 1 or hh < 1:
                continue
            r = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                          clip={"x": x, "y": y, "width": w, "height": hh, "scale": 1})
            path = "%s-%s.png" % (prefix, name)
            with open(path, "wb") as f:
                f.write(base64.b64decode(r["data"]))
            paths.append(path)
        return paths

    def text_boxes(self):
        """Every visible piece of text as [text, x, y, w, h, node]: HTML text through Range.getClientRects
        (one box per line), SVG <text> through getBoundingClientRect; tooltips (<title>) and list options left out."""
        return self.eval(TEXT_BOXES_JS)

    def overlapping_text(self, tolerance=1.5):
        """Pairs of boxes of distinct text nodes that overlap by more than tolerance px both ways."""
        boxes = sorted(self.text_boxes(), key=lambda b: b[2])
        bad = []
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                if b[2] >= a[2] + a[4] - tolerance:
                    break
                if a[5] == b[5]:
                    continue
                ox = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
                oy = min(a[2] + a[4], b[2] + b[4]) - max(a[2], b[2])
                if ox > tolerance and oy > tolerance:
                    bad.append((a[0], b[0], round(ox, 1), round(oy, 1), round(a[1]), round(a[2])))
        return bad

    def chart_axes(self):
        """Each chart as [name, the value axis' first tick (data-axis-min), its unit label]."""
        return self.eval("[...document.querySelectorAll('svg.chart')].map(s => [s.dataset.chart, s.dataset.axisMin,"
                         " (s.querySelector('text.unit') || {}).textContent || ''])")

    def as_a4_print(self):
        """Lay the page out as printed on A4 (print media, the width inside 14 mm margins: 688 px)."""
        self.call("Emulation.setEmulatedMedia", media="print")
        self.call("Emulation.setDeviceMetricsOverride", width=688, height=1000, deviceScaleFactor=1, mobile=False)

    def small_text(self, px=12):
        """Visible text drawn smaller than px (CSS px as shown), as [text, size]."""
        return self.eval("""(() => { const out = []; const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          let n; while ((n = w.nextNode())) { const el = n.parentElement, t = n.textContent.trim();
            if (!t || !el || el.closest('title, script, style, select, option')) continue;
            if (!el.getClientRects().length) continue;
            const m = el instanceof SVGElement ? el.getScreenCTM().a : 1, sz = parseFloat(getComputedStyle(el).fontSize) * m;
            if (sz < %s - 0.01) out.push([t.slice(0, 30), Math.round(sz * 10) / 10]); } return out; })()""" % px)

    def pdf(self, path):
        r = self.call("Page.printToPDF", paperWidth=8.27, paperHeight=11.69, printBackground=True)
        with open(path, "wb") as f:
            f.write(base64.b64decode(r["data"]))


class Browser:
    def __init__(self, chromium=None):
        self.exe = chromium or find_chromium()
        if not self.exe:
            raise FileNotFoundError("chromium")
        self.next_id = 0
        self.buf = b""
        self.replies = {}
        self.pages = {}
        self.loaded = set()

    def __enter__(self):
        to_r, to_w = os.pipe()      # we write commands, chromium reads fd 3
        from_r, from_w = os.pipe()  # chromium writes fd 4, we read
        self.profile = tempfile.mkdtemp(prefix="styr-cdp-")

        def child():
            os.dup2(to_r, 3)
            os.dup2(from_w, 4)

        self.proc = subprocess.Popen(
            [self.exe, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--user-data-dir=" + self.profile, "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=child, pass_fds=(3, 4))  # closing other fds happens after preexec_fn
        os.close(to_r)
        os.close(from_w)
        self.w = to_w
        self.r = from_r
        return self

    def __exit__(self, *exc):
        try:
            self.call("Browser.close", {})
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        os.close(self.w)
        os.close(self.r)
        shutil.rmtree(self.profile, ignore_errors=True)

    def _read(self, timeout):
        import select
        ready, _, _ = select.select([self.r], [], [], timeout)
        if not ready:
            return False
        chunk = os.read(self.r, 1 << 20)
        if not chunk:
            raise RuntimeError("chromium closed the pipe")
        self.buf += chunk
        while b"\0" in self.buf:
            msg, self.buf = self.buf.split(b"\0", 1)
            self._dispatch(json.loads(msg))
        return True

    def _dispatch(self, m):
        if "id" in m:
            self.replies[m["id"]] = m
            return
        page = self.pages.get(m.get("sessionId"))
        method, p = m.get("method"), m.get("params", {})
        if method == "Page.loadEventFired":
            self.loaded.add(m.get("sessionId"))
        if page is None:
            return
        if method == "Network.requestWillBeSent":
            page.requests.append(p["request"]["url"])
        elif method == "Runtime.exceptionThrown":
            page.errors.append("exception: %s" % p["exceptionDetails"].get("text"))
        elif method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            page.errors.append("console.%s: %s" % (p["type"], [a.get("value") for a in p.get("args", [])]))
        elif method == "Log.entryAdded" and p["entry"].get("level") == "error":
            page.errors.append("log: %s" % p["entry"].get("text"))

    def wait(self, cond, timeout):
        end = time.time() + timeout
        while not cond():
            if time.time() > end:
                raise TimeoutError("timed out waiting for chromium")
            self._read(0.2)

    def call(self, method, params, session=None):
        self.next_id += 1
        i = self.next_id
        msg = {"id": i, "method": method, "params": params}
        if session:
            msg["sessionId"] = session
        os.write(self.w, json.dumps(msg).encode() + b"\0")
        self.wait(lambda: i in self.replies, 60)
        r = self.replies.pop(i)
        if "error" in r:
            raise RuntimeError("%s: %s" % (method, r["error"]))
        return r.get("result", {})

    def open(self, url):
        t = self.call("Target.createTarget", {"url": "about:blank"})
        s = self.call("Target.attachToTarget", {"targetId": t["targetId"], "flatten": True})["sessionId"]
        page = Page(self, s)
        self.pages[s] = page
        for domain in ("Page", "Runtime", "Log", "Network"):
            page.call(domain + ".enable")
        page.navigate(url)
        return page
