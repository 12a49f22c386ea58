"""Slow clients for bench/serve.sh: N connections that each send one byte of a
request header every INTERVAL seconds and never finish it, spread over the
loopback addresses 127.0.0.2, 127.0.0.3, ... (at most PER_ADDR on each, so the
server's per-address limit does not turn them away and the probes from
127.0.0.1 are not counted with them). A connection the server closes is
opened again, so N stay open. Prints, every 10 s, how many are open and how
many the server has closed so far; runs until killed.

    python3 bench/slowclients.py PORT [N=1000] [INTERVAL=4] [PER_ADDR=63]
"""
import selectors
import socket
import sys
import time

port = int(sys.argv[1])
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
interval = float(sys.argv[3]) if len(sys.argv) > 3 else 4.0
per_addr = int(sys.argv[4]) if len(sys.argv) > 4 else 63
line = b"GET /api/v1/kommuner HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 10000
sel = selectors.DefaultSelector()
conns = {}  # slot -> [socket, bytes sent]
closed = 0


def source(slot):
    return "127.0.0.%d" % (2 + slot // per_addr)


def open_slot(slot):
    s = socket.socket()
    s.setblocking(False)
    s.bind((source(slot), 0))
    try:
        s.connect(("127.0.0.1", port))
    except BlockingIOError:
        pass
    conns[slot] = [s, 0]
    sel.register(s, selectors.EVENT_READ, slot)


def drop(slot):
    global closed
    s = conns.pop(slot)[0]
    sel.unregister(s)
    s.close()
    closed += 1


for i in range(n):
    open_slot(i)
last_tick, last_report = 0.0, time.time()
while True:
    now = time.time()
    if now - last_tick >= interval:
        last_tick = now
        for slot in list(conns):
            c = conns[slot]
            try:
                c[0].send(line[c[1]:c[1] + 1])
                c[1] += 1
            except (BlockingIOError, InterruptedError):
                pass
            except OSError:
                drop(slot)
                open_slot(slot)
    for key, _ in sel.select(timeout=0.5):
        slot = key.data
        try:
            data = key.fileobj.recv(4096)
        except OSError:
            data = b""
        if not data:
            drop(slot)
            open_slot(slot)
    if now - last_report >= 10:
        last_report = now
        print("slow clients: %d open, %d closed by the server so far" % (len(conns), closed), flush=True)
