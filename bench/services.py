#!/usr/bin/env python3
"""services.py - what hosting services costs (issue 21): restart latency (a program's exit
to its restarted copy running, with restart-delay 0) and the server's RSS hosting N small
services (one window each, `sleep`), for tmx and, for the RSS, tmux.

usage: bench/services.py --tmx build-rel/tmx [--tmux tmux] [--restarts 50] [--services 100]
"""
import argparse
import os
import statistics
import subprocess
import tempfile
import time

from benchlib import rss_kib, run


def restart_latency(tmx, n):
    d = tempfile.mkdtemp(prefix="svcbench.")
    sock = os.path.join(d, "s")
    starts, ends = os.path.join(d, "starts"), os.path.join(d, "ends")
    run(tmx, sock, "new", "-d", "-s", "b", "cat")
    for opt, val in (("restart", "always"), ("restart-delay", "0"), ("restart-limit", "0")):
        run(tmx, sock, "set", "-t", "b", opt, val)
    cmd = f"date +%s%N >> {starts}; date +%s%N >> {ends}; exit 1"
    run(tmx, sock, "respawn-pane", "-k", "-t", "b", cmd)
    deadline = time.time() + 60
    while time.time() < deadline:
        if os.path.exists(starts) and sum(1 for _ in open(starts)) > n:
            break
        time.sleep(0.05)
    run(tmx, sock, "kill-server", check=False)
    s = [int(x) for x in open(starts)]
    e = [int(x) for x in open(ends)]
    gaps = [(s[i + 1] - e[i]) / 1e6 for i in range(min(n, len(e) - 1))]
    return statistics.median(gaps), max(gaps), len(gaps)


def baseline_latency(n):
    """The same program restarted by a plain shell loop: what any supervisor pays (the
    program's own exit and start, two execs) without tmx's part."""
    d = tempfile.mkdtemp(prefix="svcbench.")
    starts, ends = os.path.join(d, "starts"), os.path.join(d, "ends")
    cmd = f"date +%s%N >> {starts}; date +%s%N >> {ends}; exit 1"
    subprocess.run(["sh", "-c", f"i=0; while [ $i -le {n} ]; do sh -c '{cmd}'; i=$((i+1)); done"])
    s = [int(x) for x in open(starts)]
    e = [int(x) for x in open(ends)]
    gaps = [(s[i + 1] - e[i]) / 1e6 for i in range(min(n, len(e) - 1))]
    return statistics.median(gaps)


def services_rss(binary, n):
    d = tempfile.mkdtemp(prefix="svcbench.")
    sock = os.path.join(d, "s")
    run(binary, sock, "new", "-d", "-s", "svc", "-x", "80", "-y", "24", "sleep 100000")
    for _ in range(n - 1):
        run(binary, sock, "new-window", "-d", "-t", "svc", "sleep 100000")
    time.sleep(1)
    pid = int(run(binary, sock, "display", "-p", "#{pid}").strip())
    kib = rss_kib(pid)
    run(binary, sock, "kill-server", check=False)
    return kib


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tmx", required=True)
    ap.add_argument("--tmux", default="tmux")
    ap.add_argument("--restarts", type=int, default=50)
    ap.add_argument("--services", type=int, default=100)
    a = ap.parse_args()
    med, worst, n = restart_latency(a.tmx, a.restarts)
    print(f"restart latency (exit -> restarted program runs, restart-delay 0), {n} restarts: "
          f"median {med:.1f} ms, max {worst:.1f} ms")
    print(f"the same restarts by a plain sh loop: median {baseline_latency(a.restarts):.1f} ms")
    for name, binary in (("tmx", a.tmx), ("tmux", a.tmux)):
        print(f"{name}: server RSS with {a.services} services: {services_rss(binary, a.services)} KiB")


if __name__ == "__main__":
    main()
