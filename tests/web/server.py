"""Start and stop `styr serve` for the web tests: a demo workspace (Odense as
its own municipality), a tokens file, a free port on loopback."""
import os
import re
import signal
import subprocess
import tempfile
import time

TOKENS = {"odense": "odense-token-0123456789abcdef", "kl": "kl-token-0123456789abcdefabcd",
          "aarhus": "aarhus-token-0123456789abcdef"}


def styr(exe, *args, cwd):
    r = subprocess.run([exe, *args], cwd=cwd, capture_output=True, text=True, env={**os.environ, "STYR_PROGRESS": "0"})
    if r.returncode:
        raise SystemExit("styr %s failed:\n%s%s" % (" ".join(args), r.stdout, r.stderr))
    return r.stdout


class Server:
    def __init__(self, exe, persons=30000):
        self.exe = os.path.abspath(exe)
        self.persons = persons

    def __enter__(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="styr-web-")
        d = self.tmp.name
        styr(self.exe, "init", "ws", "--kommune", "461", cwd=d)
        styr(self.exe, "synth", "-w", "ws", "--persons", str(self.persons), "--seed", "5", cwd=d)
        with open(os.path.join(d, "tokens.txt"), "w") as f:
            f.write("# test tokens\n%s 461\n%s *\n%s 751\n" % (TOKENS["odense"], TOKENS["kl"], TOKENS["aarhus"]))
        self.proc = subprocess.Popen([self.exe, "serve", "-w", "ws", "--listen", "127.0.0.1:0", "--tokens", "tokens.txt"],
                                     cwd=d, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        line = self.proc.stdout.readline()
        m = re.search(r"port (\d+)", line)
        if not m:
            raise SystemExit("styr serve did not start: %s" % line)
        self.port = int(m.group(1))
        self.base = "http://127.0.0.1:%d" % self.port
        return self

    def styr(self, *args):
        return styr(self.exe, *args, cwd=self.tmp.name)

    def alive(self):
        return self.proc.poll() is None

    def __exit__(self, *exc):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.tmp.cleanup()
