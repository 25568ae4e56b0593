#!/usr/bin/env python3
"""Keystroke echo latency of several multiplexers (or two tmx binaries) measured sample by
sample in turn, so that a shared machine's load, which moves from one second to the next,
falls on every target alike (muxbench measures one target's block after another's).

Every target runs a window `stty raw -echo; exec cat` at 200x50 with one client attached in
a 200x50 pty this script drains, as muxbench's latency test; raw is that command in the pty
directly. All targets are up at once; then, --samples times, one byte is written to each
target's terminal in turn (the order rotated each time) and the sample ends when the byte
shows in what the client wrote back (escape sequences left out); 4 ms of quiet follow each.

usage: bench/echo.py [--mux build-rel/tmx] [--base OLD-tmx] [--tmux /usr/bin/tmux]
                     [--targets raw,tmux,base,mux] [--samples 400] [--also NAME=BIN ...]
Prints p50/p90/p99 in microseconds and p50/p99 against tmux, and the load (uptime) before
and after. System python3, stdlib only.
"""
import argparse
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from benchlib import drain, settle, spawn_on_pty, visible

CHARS = b"abcdefghijklmnopqrstuvwxyz"


class Target:
    def __init__(self, name, binary, work):
        self.name, self.binary, self.samples, self.fails = name, binary, [], 0
        home = tempfile.mkdtemp(prefix=name + ".", dir=work)
        self.env = dict(os.environ, HOME=home, TMUX_TMPDIR=home, TMX_TMPDIR=home,
                        TERM="xterm-256color", LANG="C.UTF-8", SHELL="/bin/sh")
        self.env.pop("TMUX", None)
        self.env.pop("TMX", None)
        self.base = [binary, "-L", "echo", "-f", "/dev/null"] if binary else None
        cmd = "stty raw -echo; exec cat"
        if self.base is None:
            self.pid, self.fd = spawn_on_pty(["/bin/sh", "-c", cmd], self.env)
        else:
            subprocess.run(self.base + ["new", "-d", "-s", "s", "-x", "200", "-y", "50", cmd],
                           env=self.env, check=True)
            self.pid, self.fd = spawn_on_pty(self.base + ["attach", "-t", "s"], self.env)
        settle(self.fd, 0.3, 5)

    def sample(self, ch):
        cap = bytearray()
        t0 = time.perf_counter()
        os.write(self.fd, ch)
        end = t0 + 2.0
        while time.perf_counter() < end:
            r, _, _ = select.select([self.fd], [], [], max(0, end - time.perf_counter()))
            if r:
                cap += drain(self.fd)
                if ch in visible(cap):
                    self.samples.append((time.perf_counter() - t0) * 1e6)
                    return
        self.fails += 1

    def close(self):
        if self.base is not None:
            subprocess.run(self.base + ["kill-server"], env=self.env, capture_output=True)
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(len(v) * p / 100))] if v else float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mux", default=os.environ.get("MUX_BIN", "build-rel/tmx"))
    ap.add_argument("--base", help="a second tmx binary (target base)")
    ap.add_argument("--tmux", default="/usr/bin/tmux")
    ap.add_argument("--targets", default=None)
    ap.add_argument("--samples", type=int, default=400)
    ap.add_argument("--also", action="append", default=[], metavar="NAME=BIN",
                    help="one more target: a name and a binary (repeatable)")
    args = ap.parse_args()
    names = (args.targets or ("raw,tmux,base,mux" if args.base else "raw,tmux,mux")).split(",")
    bins = {"raw": None, "tmux": args.tmux, "mux": os.path.abspath(args.mux),
            "base": os.path.abspath(args.base) if args.base else None}
    for a in args.also:
        n, _, b = a.partition("=")
        bins[n] = os.path.abspath(b)
        names.append(n)
    if "base" in names and not args.base:
        ap.error("target base needs --base BIN")
    load0 = os.getloadavg()
    work = tempfile.mkdtemp(prefix="echo.")
    targets = []
    try:
        for n in names:
            targets.append(Target(n, bins[n], work))
        for i in range(args.samples):
            if i and i % 100 == 0:
                for t in targets:
                    os.write(t.fd, b"\r")
                for t in targets:
                    settle(t.fd, 0.05, 1)
            ch = CHARS[i % len(CHARS):][:1]
            k = i % len(targets)
            for t in targets[k:] + targets[:k]:
                t.sample(ch)
                settle(t.fd, 0.004, 0.2)
    finally:
        for t in targets:
            t.close()
        shutil.rmtree(work, ignore_errors=True)
    load1 = os.getloadavg()
    ref = next((t for t in targets if t.name == "tmux"), None)
    print("keystroke echo, %d samples a target taken in turn; load %.1f -> %.1f\n"
          % (args.samples, load0[0], load1[0]))
    print("| target | p50 us | p90 us | p99 us | p50 x tmux | p99 x tmux | fails |")
    print("|---|---|---|---|---|---|---|")
    for t in targets:
        r50 = pct(t.samples, 50) / pct(ref.samples, 50) if ref else float("nan")
        r99 = pct(t.samples, 99) / pct(ref.samples, 99) if ref else float("nan")
        print("| %s | %.0f | %.0f | %.0f | %.2f | %.2f | %d |" % (
            t.name, pct(t.samples, 50), pct(t.samples, 90), pct(t.samples, 99), r50, r99,
            t.fails))


if __name__ == "__main__":
    sys.exit(main())
