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
import shutil
import subprocess
import tempfile
import time


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        p = shutil.which(name)
        if p:
            return p
    return None


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
