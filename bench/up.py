#!/usr/bin/env python3
"""up.py - what `tmx up` costs with N small services (issue 21): the server's and the
keeper's RSS once every service runs, and the time from `tmx up` to all N running, for a
Procfile (no order) and for a tmx.services chain (each service after the one before,
ready once it printed a line), against the same N windows made with new-window (with and
without -n names).

usage: bench/up.py --tmx build-rel/tmx [--services 100]
"""
import argparse
import os
import subprocess
import tempfile
import time

from benchlib import rss_kib, run


def wait_windows(binary, sock, n, what):
    """Until n windows have a running program (a pid, not dead); seconds taken."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < 120:
        out = run(binary, sock, "lsp", "-a", "-F", what, check=False)
        if sum(1 for l in out.split() if l == "1") >= n:
            return time.monotonic() - t0
        time.sleep(0.02)
    raise SystemExit(f"{n} services were not up within 120 s")


def measure(binary, n, kind):
    d = tempfile.mkdtemp(prefix="upbench.")
    sock = os.path.join(d, "s")
    path = os.path.join(d, "svc")
    with open(path, "w") as f:
        if kind == "procfile":
            for i in range(n):
                f.write(f"s{i}: exec sleep 100000\n")
        elif kind == "chain":
            for i in range(n):
                f.write(f"[s{i}]\ncommand = echo up; exec sleep 100000\nready-line = ^up$\n")
                if i > 0:
                    f.write(f"after = s{i - 1}\n")
    # A running program: a pid and not dead (the chain's are ready too: each
    # starts only once the one before printed its line).
    what = "#{?#{&&:#{pane_pid},#{!:#{pane_dead}}},1,0}"
    t0 = time.monotonic()
    if kind.startswith("new-window"):
        named = kind.endswith("-n")
        run(binary, sock, "new", "-d", "-s", "svc", "-x", "80", "-y", "24",
            *(["-n", "s0"] if named else []), "sleep 100000")
        for i in range(1, n):
            run(binary, sock, "new-window", "-d", "-t", "svc",
                *(["-n", f"s{i}"] if named else []), "sleep 100000")
    else:
        run(binary, sock, "up", "-f", path)
    wait_windows(binary, sock, n, what)
    took = time.monotonic() - t0
    time.sleep(1)
    pid = int(run(binary, sock, "display", "-p", "#{pid}").strip())
    kib = rss_kib(pid)
    keeper = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    kkib = sum(rss_kib(int(k)) for k in keeper if open(f"/proc/{k}/comm").read().startswith("tmx"))
    run(binary, sock, "kill-server", check=False)
    return kib, kkib, took


# new-window -n: named windows, as up's are (a name turns automatic-rename off, which
# gives the window an option set of its own).
KINDS = ("new-window", "new-window -n", "procfile", "chain")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tmx", required=True)
    ap.add_argument("--services", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    # Interleaved rounds: the server's RSS moves by a megabyte from run to run (when
    # the heap's top can be given back), so each kind is run several times.
    got = {}
    for r in range(a.rounds):
        for kind in KINDS:
            got.setdefault(kind, []).append(measure(a.tmx, a.services, kind))
    for kind, runs in got.items():
        srv = sorted(x[0] for x in runs)
        kp = sorted(x[1] for x in runs)
        took = sorted(x[2] for x in runs)
        print(f"{kind:13s}: {a.services} services, {a.rounds} runs: server RSS median "
              f"{srv[len(srv) // 2]} KiB ({srv[0]}-{srv[-1]}), keeper RSS median "
              f"{kp[len(kp) // 2]} KiB, all running in {took[len(took) // 2] * 1000:.0f} ms "
              f"(median)")


if __name__ == "__main__":
    main()
