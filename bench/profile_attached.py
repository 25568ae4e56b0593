#!/usr/bin/python3
"""Where a tmx server's time goes on attached throughput (muxbench's "attached": a 200x50
window that cats FILE, one client attached in a 200x50 pty this script drains).

A private server (-L profatt, HOME and TMX_TMPDIR in a temporary directory) makes the
window, which waits on a FIFO; the client attaches; then `perf record -g` and `perf stat`
run on the server from the FIFO's release until the window has signalled (wait-for) that
cat is done and the client's output has been quiet for 0.2 s. Prints the time, the
server's CPU time (user and system, from /proc) and context switches over the run, the
bytes the client's terminal got per input byte; writes OUT.data (perf report -i OUT.data
--no-children --sort dso,symbol) and OUT.stat.

usage: sudo bench/profile_attached.py TMX OUT [FILE] [--no-perf]
FILE defaults to muxbench's 64 MiB mixed input. --no-perf: the figures only (no perf
overhead: for before/after runs taken in turn). System python3, stdlib only.
"""
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from benchlib import drain, end_pty_child, settle, spawn_on_pty


def server_stats(pid):
    """CPU ms (user, total) and context switches (voluntary, involuntary) of pid."""
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    sw = {}
    for line in open(f"/proc/{pid}/status"):
        if "ctxt_switches" in line:
            k, v = line.split(":")
            sw[k.strip()] = int(v)
    return (int(f[11]) * 1000 / tick, (int(f[11]) + int(f[12])) * 1000 / tick,
            sw["voluntary_ctxt_switches"], sw["nonvoluntary_ctxt_switches"])


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) < 2:
        sys.exit(__doc__)
    tmx, out = os.path.abspath(args[0]), args[1]
    path = args[2] if len(args) > 2 else "/tmp/muxbench-data/mixed-64MiB-v1.txt"
    use_perf = "--no-perf" not in sys.argv
    home = tempfile.mkdtemp(prefix="profatt.")
    env = dict(os.environ, HOME=home, TMX_TMPDIR=home, TERM="xterm-256color", LANG="C.UTF-8",
               SHELL="/bin/sh")
    env.pop("TMUX", None)
    env.pop("TMX", None)
    fifo = os.path.join(home, "go")
    os.mkfifo(fifo)
    base = [tmx, "-L", "profatt", "-f", "/dev/null"]
    pid = None
    try:
        subprocess.run(base + ["new", "-d", "-s", "s", "-x", "200", "-y", "50",
                               f"read x < {fifo}; cat {path}; {tmx} -L profatt wait-for -S done; "
                               "exec sleep 100000"], env=env, check=True)
        spid = subprocess.run(base + ["display", "-p", "#{pid}"], env=env, capture_output=True,
                              text=True).stdout.strip()
        pid, fd = spawn_on_pty(base + ["attach", "-t", "s"], env)
        settle(fd, 0.3, 5)
        perfs = []
        if use_perf:
            perfs.append(subprocess.Popen(["perf", "record", "-g", "-o", out + ".data", "-p", spid],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            perfs.append(subprocess.Popen(["perf", "stat", "-e", "task-clock,context-switches", "-p",
                                           spid, "-o", out + ".stat"], stdout=subprocess.DEVNULL))
            time.sleep(0.5)
        s0 = server_stats(spid)
        waiter = subprocess.Popen(base + ["wait-for", "done"], env=env)
        t0 = time.monotonic()
        with open(fifo, "w") as f:
            f.write("\n")
        got, last = 0, t0
        while waiter.poll() is None:
            r, _, _ = select.select([fd], [], [], 0.05)
            if r:
                n = len(drain(fd))
                got += n
                if n:
                    last = time.monotonic()
        tdone = time.monotonic()
        n, l = settle(fd, 0.2, 20)
        if n:
            got, last = got + n, l
        s1 = server_stats(spid)
        for p in perfs:
            p.send_signal(signal.SIGINT)
        for p in perfs:
            p.wait()
        secs, size = max(tdone, last) - t0, os.path.getsize(path)
        print(f"{secs:.3f} s ({size / 1e6 / secs:.1f} MB/s; cat done at {tdone - t0:.3f} s), out/in "
              f"{got / size:.4f}; server CPU {s1[1] - s0[1]:.0f} ms (user {s1[0] - s0[0]:.0f}), "
              f"switches {s1[2] - s0[2]} voluntary {s1[3] - s0[3]} involuntary; "
              f"load {os.getloadavg()[0]:.1f}")
    finally:
        subprocess.run(base + ["kill-server"], env=env, capture_output=True)
        if pid:
            end_pty_child(pid)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
