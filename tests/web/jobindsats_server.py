#!/usr/bin/env python3
"""A local stand-in for api.jobindsats.dk (v2 and v3) and api.statbank.dk (v1),
answering in the shapes of sources.md §1-2 from the fixtures in
tests/fixtures/hent/. Never touches the internet.

  jobindsats_server.py --token KEY [--mode MODE] [--table T] PORTFILE LOGFILE

Listens on 127.0.0.1 on a free port, writes the port to PORTFILE, and one line
per request ("METHOD PATH?QUERY auth=<ok|bad|none> body=...") to LOGFILE.
Modes:
  normal     answers from the fixtures; v3 answers 404 for tables without a
             v3_<id>.json (so styr falls back to v2)
  v2only     v3 answers 404 for every table
  v3bad400   for --table T: v3 answers 400 (a selection it does not take)
  drop       for --table T: headers with a Content-Length larger than the body,
             then the connection is closed
  slow       for --table T: 10 bytes of the answer, then 30 s of nothing
  error500   for --table T: HTTP 500
  html       for --table T: 200 with an HTML page (not JSON)
  echokey    for --table T: a v3 answer whose area is the Authorization header
  busy       for --table T: HTTP 429 (too many requests)
  redirect   every request: 302 to the same path on localhost:T (another host
             by name, so libcurl must not send the key along)
A wrong key gets 401 {"message":"Unauthorized"} from v3 and
200 {"Forkert nøgle eller nøglen er udløbet.":""} from v2."""
import argparse
import json
import os
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FIX = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "hent")
ARGS = None
LOCK = threading.Lock()


def log(line):
    with LOCK, open(ARGS.log, "a", encoding="utf-8") as f:
        f.write(line + "\n")


class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def send(self, code, body, ctype="application/json; charset=utf-8", length=None):
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data) if length is None else length))
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    def auth(self, version):
        a = self.headers.get("Authorization")
        if a is None:
            return "none"
        key = a[7:] if a.startswith("Bearer ") else a
        if version == "v3" and not a.startswith("Bearer "):
            return "bad"
        return "ok" if key == ARGS.token else "bad"

    def special(self, table):
        """The switched misbehaviour for one table; True when it answered."""
        if ARGS.mode == "redirect":
            self.send_response(302)
            self.send_header("Location", "http://localhost:%s%s" % (ARGS.table, self.path))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return True
        if table != ARGS.table:
            return False
        if ARGS.mode == "drop":
            data = open(self.fixture(table), "rb").read() if self.fixture(table) else b"{}"
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data) + 5000))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(2)
            return True
        if ARGS.mode == "slow":
            data = open(self.fixture(table), "rb").read()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[:10])
            self.wfile.flush()
            time.sleep(30)
            self.close_connection = True
            return True
        if ARGS.mode == "error500":
            self.send(500, '{"message":"Internal Server Error"}')
            return True
        if ARGS.mode == "html":
            self.send(200, "<html><body>Vedligeholdelse</body></html>", "text/html")
            return True
        if ARGS.mode == "busy":
            self.send(429, '{"message":"Too Many Requests"}')
            return True
        if ARGS.mode == "echokey":
            a = self.headers.get("Authorization") or ""
            self.send(200, json.dumps({"columns": ["Periode", "Område", "Antal personer"], "rows": [["2024M01", a, 1]]}))
            return True
        return False

    def fixture(self, table, version=None):
        for v in ([version] if version else ["v3", "v2"]):
            p = os.path.join(FIX, "%s_%s.json" % (v, table))
            if os.path.exists(p):
                return p
        return None

    def handle_any(self, method):
        u = urllib.parse.urlsplit(self.path)
        body = ""
        if method == "POST":
            n = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(n).decode("utf-8")
        parts = [urllib.parse.unquote(p) for p in u.path.split("/") if p]
        version = parts[0] if parts else ""
        who = self.auth(version) if version in ("v2", "v3") else "none"
        log("%s %s?%s auth=%s body=%s" % (method, u.path, u.query, who, body))
        if version == "v3" and len(parts) == 3 and parts[1] == "data":
            table = parts[2]
            if ARGS.mode == "v2only":
                return self.send(404, '{"message":"Table not found"}')
            if who != "ok":
                return self.send(401, '{"message":"Unauthorized"}')
            q = urllib.parse.parse_qs(u.query)
            if q.get("format") != ["json"]:
                return self.send(400, '{"message":"format"}')
            if ARGS.mode == "v3bad400" and table == ARGS.table:
                return self.send(400, '{"message":"Ukendt hierarki: _nykom"}')
            p = self.fixture(table, "v3")
            if ARGS.mode == "v2only" or not p:
                return self.send(404, '{"message":"Table not found"}')
            if self.special(table):
                return None
            return self.send(200, open(p, encoding="utf-8").read())
        if version == "v2" and len(parts) == 4 and parts[1] == "data" and parts[3] == "json":
            table = parts[2]
            if who != "ok":
                return self.send(200, '{"Forkert nøgle eller nøglen er udløbet.":""}')
            if method == "POST":
                try:
                    sel = json.loads(body)
                    assert isinstance(sel.get("period"), list)
                except Exception:
                    return self.send(400, '{"message":"bad body"}')
            p = self.fixture(table, "v2")
            if not p:
                return self.send(404, '{"message":"Table not found"}')
            if self.special(table):
                return None
            return self.send(200, open(p, encoding="utf-8").read())
        if version == "v1" and len(parts) == 4 and parts[1] == "data" and parts[3] == "CSV":
            table = parts[2].upper()
            q = urllib.parse.parse_qs(u.query)
            if q.get("valuePresentation") != ["Code"] or "OMRÅDE" not in q:
                return self.send(400, '{"errorTypeCode":"EXTRACT-NOTFOUND","message":"Variablen OMRÅDE mangler"}')
            p = os.path.join(FIX, table + ".csv")
            if not os.path.exists(p):
                return self.send(400, '{"errorTypeCode":"TABLE-NOTFOUND","message":"Tabellen %s findes ikke"}' % table)
            if self.special(table):
                return None
            return self.send(200, open(p, "rb").read(), "text/csv; charset=utf-8")
        return self.send(404, '{"message":"no such path"}')

    def do_GET(self):
        self.handle_any("GET")

    def do_POST(self):
        self.handle_any("POST")


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("--token", required=True)
    ap.add_argument("--mode", default="normal", choices=["normal", "v2only", "v3bad400", "drop", "slow", "error500", "html", "echokey", "busy", "redirect"])
    ap.add_argument("--table", default="")
    ap.add_argument("portfile")
    ap.add_argument("log")
    ARGS = ap.parse_args()
    srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
    srv.daemon_threads = True
    with open(ARGS.portfile + ".tmp", "w") as f:
        f.write(str(srv.server_address[1]))
    os.rename(ARGS.portfile + ".tmp", ARGS.portfile)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
