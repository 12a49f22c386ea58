"""Malformed and hostile requests against `styr serve`: each gets the right
answer and the server keeps serving.

    python3 tests/web/hostile_test.py build/styr
"""
import json
import os
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server import TOKENS, Server  # noqa: E402

fails = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        fails.append(what)


def raw(port, data, timeout=5):
    """Send raw bytes, return (status, headers, body) of the answer or None."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        s.sendall(data)
        buf = b""
        while True:
            try:
                chunk = s.recv(65536)
            except socket.timeout:
                break
            if not chunk:
                break
            buf += chunk
            if b"\r\n\r\n" in buf:
                head, _, body = buf.partition(b"\r\n\r\n")
                m = [h for h in head.split(b"\r\n") if h.lower().startswith(b"content-length:")]
                if m and len(body) >= int(m[0].split(b":")[1]):
                    break
                if not m and b"chunked" not in head.lower():
                    break
    finally:
        s.close()
    if not buf:
        return None
    head, _, body = buf.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for h in lines[1:]:
        k, _, v = h.partition(b":")
        headers[k.strip().lower().decode()] = v.strip().decode()
    return status, headers, body


def get(port, path, headers=""):
    return raw(port, ("GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n%s\r\n" % (path, headers)).encode())


def main():
    exe = sys.argv[1]
    with Server(exe) as srv:
        p = srv.port
        st, h, body = get(p, "/api/v1/kommuner")
        check(st == 200 and len(json.loads(body)) == 98, "kommuner: 200 and 98 municipalities")
        check("default-src 'none'" in h.get("content-security-policy", ""), "CSP without external sources")
        check(h.get("x-content-type-options") == "nosniff" and h.get("x-frame-options") == "DENY", "security headers")
        st, h, body = get(p, "/api/v1/figurer?kommune=461&ydelse=kontanthjaelp")
        etag = h.get("etag")
        check(st == 200 and etag, "figures of the own municipality without a token, with an ETag")
        st, _, _ = get(p, "/api/v1/figurer?kommune=461&ydelse=kontanthjaelp", "If-None-Match: %s\r\n" % etag)
        check(st == 304, "If-None-Match gives 304")
        row = json.loads(get(p, "/api/v1/figurer?kommune=461&ydelse=kontanthjaelp")[2])[0]
        check("diskretion" in row, "rows carry the discretion flag")
        # access
        st, _, body = get(p, "/api/v1/figurer?kommune=101")
        check(st == 401 and json.loads(body)["status"] == 401 and "token" in json.loads(body)["fejl"],
              "another municipality without a token: 401 with a Danish JSON message")
        st, _, _ = get(p, "/api/v1/figurer?kommune=101", "Authorization: Bearer %s\r\n" % TOKENS["odense"])
        check(st == 403, "Odense's token for København: 403")
        st, _, _ = get(p, "/api/v1/figurer?kommune=101", "Authorization: Bearer %s\r\n" % TOKENS["kl"])
        check(st == 200, "the KL-wide token for København: 200")
        st, _, _ = get(p, "/api/v1/figurer?kommune=101", "Authorization: Bearer wrong-token-0123456789abcdef\r\n")
        check(st == 401, "an unknown token: 401")
        st, _, _ = get(p, "/api/v1/figurer?kommune=101", "Authorization: Basic Zm9vOmJhcg==\r\n")
        check(st == 401, "another authorization scheme: 401")
        st, _, _ = get(p, "/api/v1/figurer?kommune=101&token=%s" % TOKENS["kl"][:-1])
        check(st == 401, "a token one character short: 401")
        own = json.loads(get(p, "/api/v1/figurer?kommune=461&ydelse=revalidering",
                             "Authorization: Bearer %s\r\n" % TOKENS["odense"])[2])[0]
        pub = json.loads(get(p, "/api/v1/figurer?kommune=461&ydelse=revalidering")[2])[0]
        check(own["diskretion"] is False, "the own token shows its municipality without discretion")
        check(pub["diskretion"] is True and own != pub, "without a token the same figures keep discretion")
        # traversal and encoding
        for path in ["/../etc/passwd", "/static/../../etc/passwd", "/kommune/%2e%2e/%2e%2e/etc/passwd",
                     "/static/%2e%2e%2fetc%2fpasswd", "//etc/passwd", "/static/..%5c..%5cwin.ini", "/api/v1/%2e%2e"]:
            st = get(p, path)[0]
            check(st == 400, "traversal %s: 400 (%s)" % (path, st))
        for path in ["/api/v1/figurer?kommune=%zz", "/api/v1/figurer?kommune=%4", "/kommune/46%001", "/api/v1/figurer?kommune=461%00"]:
            st = get(p, path)[0]
            check(st == 400, "bad percent-encoding %s: 400 (%s)" % (path, st))
        st = raw(p, b"GET http://evil.example/etc/passwd HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")[0]
        check(st in (400, 404), "absolute-form target: %s" % st)
        st = get(p, "/etc/passwd")[0]
        check(st == 404, "a path outside the routes: 404")
        # methods and bodies
        st, h, _ = raw(p, b"POST /api/v1/kommuner HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc")
        check(st == 405 and "GET" in h.get("allow", ""), "POST: 405 with Allow")
        st = raw(p, b"DELETE /kommune/461 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")[0]
        check(st == 405, "DELETE: 405")
        st = raw(p, b"GET /api/v1/kommuner HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello")[0]
        check(st == 413, "GET with a body: 413")
        st = raw(p, b"HEAD /api/v1/kommuner HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")[0]
        check(st == 200, "HEAD: 200")
        # sizes
        big = "X-Filler: " + "a" * 20000 + "\r\n"
        r = get(p, "/api/v1/kommuner", big)
        check(r is not None and r[0] in (413, 431, 400), "a 20 KB header: refused (%s)" % (r and r[0]))
        r = get(p, "/api/v1/figurer?kommune=" + "4" * 3000)
        check(r is not None and r[0] in (400, 413, 414, 431), "a 3 KB query: refused (%s)" % (r and r[0]))
        st = get(p, "/api/v1/figurer?kommune=461&periode=2024M13")[0]
        check(st == 400, "a bad period: 400")
        st = get(p, "/api/v1/sammenlign?kommune=461&figur=ukendt")[0]
        check(st == 400, "an unknown figure: 400")
        st = get(p, "/api/v1/ukendt")[0]
        check(st == 404, "an unknown API path: 404")
        r = raw(p, b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 64, timeout=3)
        check(r is None or r[0] == 400, "TLS bytes on the plain port: closed or 400")
        r = raw(p, b"GARBAGE\r\n\r\n", timeout=3)
        check(r is None or r[0] == 400, "garbage request line: closed or 400")
        # slow clients and many idle connections
        slow = socket.create_connection(("127.0.0.1", p))
        slow.sendall(b"GET /api/v1/kommuner HTTP/1.1\r\nHost: x\r\n")
        idle = [socket.create_connection(("127.0.0.1", p)) for _ in range(100)]
        t0 = time.time()
        st = get(p, "/api/v1/klynger")[0]
        check(st == 200 and time.time() - t0 < 2, "serves while a slow client and 100 idle connections wait")
        slow.settimeout(20)
        t0 = time.time()
        try:
            got = slow.recv(100)
        except (socket.timeout, ConnectionResetError):
            got = b"?"
        check(got == b"" and time.time() - t0 < 15, "the slow client is dropped after the timeout (%.1f s)" % (time.time() - t0))
        slow.close()
        for s in idle:
            s.close()
        st = get(p, "/api/v1/kommuner")[0]
        check(st == 200 and srv.alive(), "still serving after it all")
        # an import while serving: the answers follow the new panel (the cache is emptied)
        st, h, before = get(p, "/api/v1/figurer?kommune=461&ydelse=i_alt")
        srv.styr("synth", "-w", "ws", "--persons", "3000", "--seed", "77")
        time.sleep(2.2)
        st, h2, after = get(p, "/api/v1/figurer?kommune=461&ydelse=i_alt")
        check(st == 200 and h2.get("etag") != h.get("etag") and after != before,
              "after an import the answers and the ETag follow the new panel")
    print("%d hostile checks failed" % len(fails) if fails else "hostile-request test passed")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
