#!/usr/bin/env python3
"""footprint.py - server memory and idle wakeups of tmx (server + keeper) and tmux, side by side.

muxbench finds "the server" as the parent of a window's command. Since the keeper (issue 20) is
the parent of every pane's program, that finds tmx's keeper alone; this script finds the processes
by asking: `display -p '#{pid}'` is the server, and for tmx the parent of `#{pane_pid}` is the
keeper. tmx's figures are the sum of both processes (what tmx costs a machine).

Measures, per target, interleaved over --rounds rounds (median quoted):
  - PSS KiB with 1, 10 and 100 windows running `sh` (KiB per window from 10 -> 100);
  - PSS growth when 10 windows each print 10 000 lines of 40-79 columns (KiB per 1000 history lines);
  - voluntary context switches per second of the server processes over --idle seconds, 10 windows,
    one client attached in a 200x50 pty, nothing printing.

usage: bench/footprint.py --tmx build-rel/tmx [--tmux tmux] [--rounds 3] [--idle 10]
"""
import argparse
import os
import pty
import shutil
import statistics
import subprocess
import tempfile
import time

FILL = ("awk 'BEGIN{for(i=0;i<10000;i++){s=i \" \"; while(length(s)<40+i%%40) s=s \"x\"; print s}}'; "
        "%s -S %s wait-for -S fill%d; exec sleep 1000000")


def pss_kib(pids):
    total = 0
    for pid in pids:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
    return total


def voluntary_switches(pids):
    total = 0
    for pid in pids:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/status") as f:
                for line in f:
                    if line.startswith("voluntary_ctxt_switches"):
                        total += int(line.split()[1])
    return total


def ppid_of(pid):
    with open(f"/proc/{pid}/stat", "rb") as f:
        return int(f.read().rsplit(b")", 1)[1].split()[1])


class Target:
    """One multiplexer on a private socket in a private directory."""

    def __init__(self, name, binary):
        self.name, self.binary = name, binary
        self.dir = tempfile.mkdtemp(prefix=f"footprint-{name}.")
        self.phase = 0
        self.sock = os.path.join(self.dir, "sock0")
        self.env = dict(os.environ, TMUX_TMPDIR=self.dir, TMX_TMPDIR=self.dir, HOME=self.dir,
                        XDG_STATE_HOME=os.path.join(self.dir, "state"), TERM="xterm-256color")
        self.env.pop("TMUX", None)
        self.env.pop("TMX", None)

    def cmd(self, *args):
        out = subprocess.run([self.binary, "-S", self.sock, "-f", "/dev/null", *args],
                             env=self.env, capture_output=True, text=True, timeout=60)
        if out.returncode != 0:
            raise RuntimeError(f"{self.name} {' '.join(args)}: {out.stderr.strip()}")
        return out.stdout.strip()

    def fresh(self):
        """A new socket for the next phase (a server that is still exiting never answers it)."""
        self.cmd("kill-server")
        self.phase += 1
        self.sock = os.path.join(self.dir, f"sock{self.phase}")

    def server_pids(self):
        """The server, and for tmx the keeper (parent of the panes' programs) when it is not the server."""
        server = int(self.cmd("display", "-p", "-t", "b:0", "#{pid}"))
        pane = int(self.cmd("display", "-p", "-t", "b:0", "#{pane_pid}"))
        parent = ppid_of(pane)
        return [server] if parent == server else [server, parent]

    def windows(self, n):
        have = int(self.cmd("display", "-p", "-t", "b", "#{session_windows}"))
        for _ in range(have, n):
            self.cmd("new-window", "-d", "-t", "b:", "sh")

    def stop(self):
        subprocess.run([self.binary, "-S", self.sock, "kill-server"], env=self.env,
                       capture_output=True, timeout=30)
        shutil.rmtree(self.dir, ignore_errors=True)


def measure_memory(t):
    t.cmd("new-session", "-d", "-s", "b", "-x", "80", "-y", "24", "sh")
    pids = t.server_pids()
    res = {"1": pss_kib(pids)}
    t.windows(10)
    res["10"] = pss_kib(pids)
    t.windows(100)
    res["100"] = pss_kib(pids)
    t.fresh()
    t.cmd("new-session", "-d", "-s", "b", "-x", "80", "-y", "24", "sh")
    t.cmd("set", "-g", "history-limit", "20000")
    t.windows(10)
    pids = t.server_pids()
    before = pss_kib(pids)
    for i in range(10):
        t.cmd("new-window", "-d", "-t", "b:", FILL % (t.binary, t.sock, i))
    for i in range(10):
        t.cmd("wait-for", f"fill{i}")
    res["fill"] = pss_kib(pids) - before
    t.fresh()
    return res


def measure_idle(t, secs):
    t.cmd("new-session", "-d", "-s", "b", "-x", "200", "-y", "49", "sh")
    t.windows(10)
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(t.env)
        os.execvp(t.binary, [t.binary, "-S", t.sock, "attach", "-t", "b"])
    try:
        deadline = time.monotonic() + 10
        while int(t.cmd("display", "-p", "-t", "b", "#{session_attached}")) < 1:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{t.name}: client did not attach")
            time.sleep(0.05)
        pids = t.server_pids()
        settle_end = time.monotonic() + 1.0
        while time.monotonic() < settle_end:       # drain the first frame
            try:
                os.read(fd, 65536)
            except OSError:
                break
            time.sleep(0.05)
        a, t0 = voluntary_switches(pids), time.monotonic()
        time.sleep(secs)                              # the measurement interval itself
        b, t1 = voluntary_switches(pids), time.monotonic()
        return (b - a) / (t1 - t0)
    finally:
        t.fresh()
        os.close(fd)
        os.waitpid(pid, 0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tmx", required=True)
    ap.add_argument("--tmux", default="tmux")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--idle", type=float, default=10.0)
    a = ap.parse_args()
    names = {"tmux": shutil.which(a.tmux), "tmx": os.path.abspath(a.tmx)}
    mem = {n: [] for n in names}
    idle = {n: [] for n in names}
    for _ in range(a.rounds):
        for n, b in names.items():
            t = Target(n, b)
            try:
                mem[n].append(measure_memory(t))
                idle[n].append(measure_idle(t, a.idle))
            finally:
                t.stop()
    print("| target | PSS 1 window KiB | 10 windows | 100 windows | KiB/window | KiB/1k history lines "
          "| idle wakeups/s |")
    print("|---|---|---|---|---|---|---|")
    for n in names:
        med = {k: statistics.median(r[k] for r in mem[n]) for k in ("1", "10", "100", "fill")}
        print(f"| {n} | {med['1']:.0f} | {med['10']:.0f} | {med['100']:.0f} | "
              f"{(med['100'] - med['10']) / 90:.1f} | {med['fill'] / 100:.1f} | "
              f"{statistics.median(idle[n]):.2f} |")


if __name__ == "__main__":
    main()
