#!/usr/bin/python3
"""startup_cpu.py BIN1,BIN2,... [N] - muxbench's startup round trip, split in steps, with each process's CPU.

For each binary (interleaved, the order rotated each round, N rounds each, default 40): BIN -L rt -f /dev/null
new-session -d -s mb -x 80 -y 24 'exec sh up.sh' (up.sh writes a line to a FIFO, then exec sleep), wait for that
line, then BIN kill-server until every process is gone and reaped (this script is their subreaper), as muxbench's
startup test does. Prints per binary the median wall ms of each step (new: the new-session client's exit; up: the
window's line; kill: the kill-server client's exit; gone: everything reaped after it; total: up + kill + gone) and
the mean CPU ms per round of each process, exact, from wait4's rusage: client (new-session, with any child it
reaped), server, keeper (with the panes it reaped), pane (a tmux pane, or one its keeper left unreaped: "other"),
kill (the kill-server client). Works for tmux too (its server reaps its panes). Private HOME and TMX_TMPDIR/
TMUX_TMPDIR; no USER or LOGNAME in the environment (as muxbench's). System python3, stdlib only."""
import ctypes
import os
import select
import statistics
import subprocess
import sys
import tempfile
import time

PR_SET_CHILD_SUBREAPER = 36


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    bins = sys.argv[1].split(",")
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    work = tempfile.mkdtemp(prefix="startup_cpu.", dir="/tmp")
    for d in ("home", "sock"):
        os.makedirs(os.path.join(work, d), mode=0o700)
    ctl = os.path.join(work, "ctl")
    os.mkfifo(ctl, 0o600)
    fd = os.open(ctl, os.O_RDWR | os.O_NONBLOCK)
    script = os.path.join(work, "up.sh")
    with open(script, "w") as f:
        f.write(f"echo r $$ $PPID > {ctl}\nexec sleep 1000000\n")
    drop = ("TMUX", "TMUX_PANE", "TMX", "TMX_PANE", "USER", "LOGNAME")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(HOME=os.path.join(work, "home"), TERM="xterm-256color", LANG="C.UTF-8", SHELL="/bin/sh",
               TMUX_TMPDIR=os.path.join(work, "sock"), TMX_TMPDIR=os.path.join(work, "sock"))
    me = os.getpid()
    now = time.monotonic

    def cpu(ru):
        return (ru.ru_utime + ru.ru_stime) * 1e3

    def run(argv):
        p = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        out = p.stdout.read() + p.stderr.read()
        _, st, ru = os.wait4(p.pid, 0)
        p.returncode = 0
        if st != 0:
            raise SystemExit(f"{' '.join(argv)}: status {st}: {out.decode(errors='replace')}")
        return cpu(ru)

    def roles():
        """Our children now (the server) and theirs (its keeper, or tmux's pane), by name."""
        procs = {}
        for d in os.listdir("/proc"):
            if not d.isdigit():
                continue
            try:
                with open(f"/proc/{d}/stat") as f:
                    st = f.read()
            except OSError:
                continue
            comm = st[st.index("(") + 1:st.rindex(")")]
            procs[int(d)] = (int(st[st.rindex(")") + 2:].split()[1]), comm)
        out = {}
        for pid, (ppid, _) in procs.items():
            if ppid != me:
                continue
            out[pid] = "server"
            for cpid, (cppid, ccomm) in procs.items():
                if cppid == pid:
                    out[cpid] = "keeper" if "keeper" in ccomm else "pane"
        return out

    res = {b: [] for b in bins}
    try:
        for i in range(n * len(bins)):
            binary = bins[(i + i // len(bins)) % len(bins)]
            base = [binary, "-L", "rt", "-f", "/dev/null"]
            t0 = now()
            got = {"client": run(base + ["new-session", "-d", "-s", "mb", "-x", "80", "-y", "24",
                                         f"exec sh {script}"])}
            t1 = now()
            buf = b""
            while b"\n" not in buf:
                if not select.select([fd], [], [], 10)[0]:
                    raise SystemExit(f"{binary}: the window's command did not run in 10 s")
                try:
                    buf += os.read(fd, 4096)
                except BlockingIOError:
                    pass
            t2 = now()
            role = roles()
            t3 = now()
            got["kill"] = run(base + ["kill-server"])
            t4 = now()
            while True:
                try:
                    pid, _, ru = os.wait4(-1, os.WNOHANG)
                except ChildProcessError:
                    break
                if pid == 0:
                    time.sleep(0.0002)
                    continue
                r = role.get(pid, "other")
                got[r] = got.get(r, 0) + cpu(ru)
            t5 = now()
            got.update(w_new=(t1 - t0) * 1e3, w_up=(t2 - t0) * 1e3, w_kill=(t4 - t3) * 1e3,
                       w_gone=(t5 - t4) * 1e3, w_total=(t2 - t0 + t5 - t3) * 1e3)
            res[binary].append(got)
    finally:
        subprocess.run(["rm", "-rf", work])
    for b in bins:
        rows = res[b]
        keys = sorted({k for r in rows for k in r})
        walls = [k for k in keys if k.startswith("w_")]
        cpus = [k for k in keys if not k.startswith("w_")]
        print(f"{b} n={len(rows)}")
        print("  wall ms (median)  " + "  ".join(
            f"{k[2:]} {statistics.median([r.get(k, 0) for r in rows]):.2f}" for k in walls))
        print("  cpu ms (mean)     " + "  ".join(
            f"{k} {statistics.mean([r.get(k, 0) for r in rows]):.3f}" for k in cpus)
            + "  | sum %.3f" % statistics.mean([sum(r.get(k, 0) for k in cpus) for r in rows]))


if __name__ == "__main__":
    main()
