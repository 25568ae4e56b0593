#!/usr/bin/env python3
"""Control mode's %output: how fast a control client receives a pane's output, and how
many bytes it reads per byte the pane wrote, tmux vs tmx.

Each round starts a private server with a control client (`-C new-session -x 80 -y 24
cat`), then has the pane `cat` a file (--mb MiB of text like a build log or a
program's screen output: ASCII lines, tabs, SGR colour sequences, UTF-8) followed by a
marker, and reads the client's stdout as fast as it can until the marker is there. Time
is from the command line sent to the marker read; pane bytes are the %output values
unescaped (what the pane's pty gave, CR LF included); "per pane byte" is every byte of
the %output lines (prefix, escapes, newline) over those. Medians of --rounds runs.

usage: bench/control_output.py [--tmx build-rel/tmx] [--tmux /usr/bin/tmux] [--mb 16]
                               [--rounds 5]
"""
import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests",
                                "control"))
from ctl import Control, unescape  # noqa: E402

MARK = b"CTLBENCH-DONE-7c1e"


def make_data(path, mb):
    """Text as programs write it, seeded: the same file for both."""
    rnd = random.Random(42)
    words = ["build", "error:", "warning", "src/server/clients/control.c", "ok", "[100%]",
             "\u00e9t\u00e9", "\u2500\u2500\u2500", "0x7ffd", "passed", "Linking", "\u65e5\u672c"]
    out = bytearray()
    while len(out) < mb << 20:
        line = " ".join(rnd.choice(words) for _ in range(rnd.randint(3, 14)))
        r = rnd.random()
        if r < 0.2:
            line = "\x1b[1;3%dm%s\x1b[0m" % (rnd.randint(1, 7), line)
        elif r < 0.3:
            line = "\t" + line.replace(" ", "\t", 2)
        out += line.encode() + b"\n"
    with open(path, "wb") as f:
        f.write(out)


def one_round(binary, data):
    c = Control(binary, ["new-session", "-x", "80", "-y", "24", "cat"])
    try:
        c.wait(lambda ls: any(l.startswith("%session-changed") for l in ls))
        c.command("display -p ready")
        start_raw = len(c.raw)
        fd = c.proc.stdout.fileno()
        c.send("respawn-pane -k \"cat '%s'; printf '%%s' %s; exec cat\"" % (data, MARK.decode()))
        t0 = time.perf_counter()
        chunks = []
        tail = b""
        # Read raw bytes as fast as possible; look for the marker in what came last.
        while True:
            b = os.read(fd, 1 << 20)
            if not b:
                raise RuntimeError("%s: the client ended" % binary)
            chunks.append(b)
            tail = (tail + b)[-4096:]
            if MARK in tail.replace(b"\n%output %0 ", b""):
                break
        elapsed = time.perf_counter() - t0
        raw = c.raw[start_raw:] + b"".join(chunks)
        out_bytes = pane_bytes = lines = 0
        for line in raw.split(b"\n"):
            if line.startswith(b"%output %0 "):
                lines += 1
                out_bytes += len(line) + 1
                pane_bytes += len(unescape(line[len(b"%output %0 "):].decode(
                    "utf-8", "surrogateescape")))
        return elapsed, pane_bytes, out_bytes, lines
    finally:
        c.kill()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tmx", default="build-rel/tmx")
    ap.add_argument("--tmux", default=shutil.which("tmux") or "/usr/bin/tmux")
    ap.add_argument("--mb", type=int, default=16)
    ap.add_argument("--rounds", type=int, default=5)
    opts = ap.parse_args()
    top = tempfile.mkdtemp(prefix="ctlbench.")
    try:
        data = os.path.join(top, "data.txt")
        make_data(data, opts.mb)
        results = {}
        for name, binary in (("tmux", opts.tmux), ("tmx", os.path.abspath(opts.tmx))):
            runs = []
            for i in range(opts.rounds):
                runs.append(one_round(binary, data))
                print("%s round %d: %.3f s, %d pane bytes, %d output bytes, %d lines" %
                      ((name, i + 1) + runs[-1]), file=sys.stderr)
            results[name] = runs
        print("| | time (s) | MiB/s of pane output | %output bytes per pane byte | "
              "bytes per %output line |")
        print("|---|---|---|---|---|")
        for name, runs in results.items():
            t = statistics.median(r[0] for r in runs)
            pane = statistics.median(r[1] for r in runs)
            per = statistics.median(r[2] / r[1] for r in runs)
            per_line = statistics.median(r[1] / r[3] for r in runs)
            print("| %s | %.3f | %.1f | %.4f | %.0f |" % (name, t, pane / t / (1 << 20), per,
                                                          per_line))
    finally:
        shutil.rmtree(top, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
