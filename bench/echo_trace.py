#!/usr/bin/python3
"""What held up a keystroke's echo: echo samples against one multiplexer with `perf record`
running (scheduler events system-wide, the server's system calls), every sample's start and
end taken on the clock perf uses (CLOCK_MONOTONIC), then per sample where the time went.

The window runs `stty raw -echo; exec cat` at 200x50 with a client attached in a 200x50 pty
this script drains (as muxbench's latency test); a private server (-L echotrace, HOME and
TMX_TMPDIR in a temporary directory). perf starts right after the session is made, before
the client attaches, so the server's first seconds are in the trace (muxbench starts a
server for every latency block).

Prints:
  phases     medians over all samples, the fastest half, the slowest 10 % and 2 %:
             k2wake   the byte written to the outer pty until the server is woken
             wake2run the server woken until it runs          run2wpane  until it writes the pane
             pane     that write until the server is woken again (the program's echo)
             wake2run2, run2wtty  the same for the second wakeup, until the frame's write
             tty2py   the frame written until this script has read the byte
  slowest    the slowest samples, phase by phase
  stalls     every system call of the server other than the echo's own (read, write,
             writev, epoll_wait, timerfd_settime), with its duration and whether a sample
             was in flight: what the loop did instead of the echo

usage: sudo bench/echo_trace.py [--bin build-rel/tmx] [--samples 400] [--keep DIR]
Needs perf and root (or perf_event_paranoid <= 1). System python3, stdlib only.
"""
import argparse
import bisect
import json
import os
import re
import select
import shutil
import signal
import statistics
import subprocess
import tempfile
import time

from benchlib import drain, end_pty_child, settle, spawn_on_pty, visible

EVENT = re.compile(r"^\s*(.+?)\s+(\d+)/(\d+)\s+\[(\d+)\]\s+([\d.]+):\s+(\S+):\s+(.*)$")
ECHO_CALLS = {0, 1, 20, 232, 281, 286, 228}  # read write writev epoll_wait/pwait timerfd_settime
NAMES = {3: "close", 16: "ioctl", 21: "access", 63: "uname", 74: "fsync", 75: "fdatasync",
         82: "rename", 83: "mkdir", 89: "readlink", 91: "fchmod", 257: "openat", 262: "newfstatat",
         277: "sync_file_range"}


def record(binary, samples, work):
    """Run the samples under perf; returns (server pid, [(t0, t1)], perf script lines)."""
    env = dict(os.environ, HOME=work, TMUX_TMPDIR=work, TMX_TMPDIR=work, TERM="xterm-256color",
               LANG="C.UTF-8", SHELL="/bin/sh")
    env.pop("TMUX", None)
    env.pop("TMX", None)
    base = [binary, "-L", "echotrace", "-f", "/dev/null"]
    subprocess.run(base + ["new", "-d", "-s", "s", "-x", "200", "-y", "50", "stty raw -echo; exec cat"],
                   env=env, check=True)
    spid = subprocess.run(base + ["display", "-p", "#{pid}"], env=env, capture_output=True,
                          text=True).stdout.strip()
    data = os.path.join(work, "perf.data")
    flt = f"common_pid == {spid}"
    perf = subprocess.Popen(["perf", "record", "-q", "-k", "CLOCK_MONOTONIC", "-a", "-o", data,
                             "-e", "sched:sched_switch", "-e", "sched:sched_waking",
                             "-e", "raw_syscalls:sys_enter", "--filter", flt,
                             "-e", "raw_syscalls:sys_exit", "--filter", flt],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.4)
    pid, fd = spawn_on_pty(base + ["attach", "-t", "s"], env)
    settle(fd, 0.3, 5)
    out = []
    chars = b"!%&+^~"
    for i in range(samples):
        if i and i % 100 == 0:
            os.write(fd, b"\r")
            settle(fd, 0.05, 1)
        ch = chars[i % len(chars):][:1]
        cap = bytearray()
        t0 = time.monotonic()
        os.write(fd, ch)
        end, t1 = t0 + 2.0, None
        while t1 is None and time.monotonic() < end:
            r, _, _ = select.select([fd], [], [], max(0, end - time.monotonic()))
            if r:
                cap += drain(fd)
                if ch in visible(cap):
                    t1 = time.monotonic()
        out.append((t0, t1))
        settle(fd, 0.004, 0.2)
    perf.send_signal(signal.SIGINT)
    perf.wait()
    subprocess.run(base + ["kill-server"], env=env, capture_output=True)
    end_pty_child(pid)
    lines = subprocess.run(["perf", "script", "-i", data, "-F", "comm,pid,tid,cpu,time,event,trace"],
                           capture_output=True, text=True).stdout.splitlines()
    return int(spid), out, lines


def parse(lines):
    ev = []
    for line in lines:
        m = EVENT.match(line)
        if m:
            ev.append((float(m.group(5)), m.group(6), int(m.group(3)), m.group(7)))
    ev.sort(key=lambda e: e[0])
    return ev


def phases(server, samples, ev):
    """Per sample: the echo's steps found in the trace (nan when one is missing)."""
    ts = [e[0] for e in ev]
    rows = []
    for t0, t1 in samples:
        if t1 is None:
            continue
        wake1 = run1 = wpane = wake2 = run2 = wtty = None
        for t, name, tid, rest in ev[bisect.bisect_left(ts, t0):bisect.bisect_right(ts, t1)]:
            if name == "sched:sched_waking" and f"pid={server} " in rest:
                if wake1 is None:
                    wake1 = t
                elif wpane is not None and wake2 is None:
                    wake2 = t
            elif name == "sched:sched_switch" and f"next_pid={server} " in rest:
                if wake1 is not None and run1 is None:
                    run1 = t
                elif wake2 is not None and run2 is None:
                    run2 = t
            elif name == "raw_syscalls:sys_enter" and tid == server and re.match(r"NR (1|20) ", rest):
                if run1 is not None and wpane is None:
                    wpane = t
                elif run2 is not None and wtty is None:
                    wtty = t

        def d(a, b):
            return (b - a) * 1e6 if a is not None and b is not None else float("nan")
        rows.append({"lat": (t1 - t0) * 1e6, "k2wake": d(t0, wake1), "wake2run": d(wake1, run1),
                     "run2wpane": d(run1, wpane), "pane": d(wpane, wake2), "wake2run2": d(wake2, run2),
                     "run2wtty": d(run2, wtty), "tty2py": d(wtty, t1)})
    return rows


def stalls(server, samples, ev):
    """The server's other system calls from the first sample on: (start, name,
    microseconds, where it fell)."""
    done = [(a, b) for a, b in samples if b is not None]
    starts = [a for a, _ in done]
    entered, out = {}, []
    for t, name, tid, rest in ev:
        if tid != server or not name.startswith("raw_syscalls"):
            continue
        nr = int(re.match(r"NR (\d+)", rest).group(1))
        if name.endswith("enter"):
            entered[nr] = t
            continue
        if nr not in entered or nr in ECHO_CALLS:
            continue
        t0 = entered.pop(nr)
        i = bisect.bisect_right(starts, t0) - 1
        if i < 0:
            continue  # the attach, before the first sample
        a, b = done[i]
        where = (f"IN FLIGHT (sample of {(b - a) * 1e6:.0f} us)" if t0 <= b
                 else f"{(t0 - b) * 1e6:.0f} us after a sample ended")
        out.append((t0, NAMES.get(nr, f"syscall {nr}"), (t - t0) * 1e6, where))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.environ.get("MUX_BIN", "build-rel/tmx"))
    ap.add_argument("--samples", type=int, default=400)
    ap.add_argument("--keep", help="keep perf.data and the samples in this directory")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="echotrace.")
    try:
        load0 = os.getloadavg()[0]
        server, samples, lines = record(os.path.abspath(args.bin), args.samples, work)
        if args.keep:
            os.makedirs(args.keep, exist_ok=True)
            shutil.copy(os.path.join(work, "perf.data"), args.keep)
            with open(os.path.join(args.keep, "samples.json"), "w") as f:
                json.dump({"server": server, "samples": samples}, f)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ev = parse(lines)
    rows = sorted(phases(server, samples, ev), key=lambda r: r["lat"])
    lat = [r["lat"] for r in rows]
    print(f"{args.bin}: {len(lat)} samples ({len(samples) - len(lat)} lost), load {load0:.1f} -> "
          f"{os.getloadavg()[0]:.1f}; p50 {lat[len(lat) // 2]:.0f} us, p99 {lat[int(len(lat) * .99)]:.0f} us\n")
    keys = list(rows[0])

    def line(name, rs):
        return f"{name:8s} n={len(rs):3d} " + " ".join(
            f"{k}={statistics.median([r[k] for r in rs if r[k] == r[k]] or [float('nan')]):.0f}" for k in keys)
    print("phases (medians, us)")
    for name, rs in (("all", rows), ("fast50%", rows[:len(rows) // 2]), ("slow10%", rows[-len(rows) // 10:]),
                     ("slow2%", rows[-max(1, len(rows) // 50):])):
        print("  " + line(name, rs))
    print("\nslowest samples (us)")
    for r in rows[-6:]:
        print("  " + " ".join(f"{k}={v:.0f}" for k, v in r.items()))
    print("\nstalls: the server's other system calls from the first sample on (start s, call, us, where)")
    for t0, name, us, where in stalls(server, samples, ev):
        print(f"  {t0:.6f} {name:16s} {us:7.0f} us  {where}")


if __name__ == "__main__":
    main()
