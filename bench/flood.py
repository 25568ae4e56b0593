#!/usr/bin/env python3
"""Attached throughput on a scrolling flood: `yes` lines (a whole screen scrolls with every
line), N MiB, with a client attached in a 200x50 pty this script drains, side by side for
the bare pty, tmux and tmx, interleaved (raw tmux mux, then the order rotated each round)
because the machine is shared. muxbench's mixed input scrolls little; this is the case
where a multiplexer that draws every intermediate screen falls behind.

The window runs `sh -c 'yes 0123456789abcdefghij... | head -c BYTES; printf "\\nFLOOD-END"'`;
the time runs from launching the attach (the window's program starts when the session is
made, detached, and is released by a FIFO once the client is up) until FLOOD-END shows on
the client's terminal and its output stops (0.2 s quiet). raw = the same command run in
the 200x50 pty directly. MB/s = input bytes / 1e6 / seconds; out/in = the bytes the
client wrote per input byte.

usage: bench/flood.py [--mux build-rel/tmx] [--tmux /usr/bin/tmux] [--targets raw,tmux,mux]
                      [--mib 64] [--rounds 3]
System python3, stdlib only. Prints a markdown table (medians; ratios taken per round).
"""
import argparse
import fcntl
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

LINE = "0123456789abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def spawn(argv, env, cols=200, rows=50):
    pid, fd = pty.fork()
    if pid == 0:
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            os.execvpe(argv[0], argv, env)
        finally:
            os._exit(127)
    os.set_blocking(fd, False)
    return pid, fd


def drain_until(fd, marker, limit):
    """Read fd until marker was seen and 0.2 s passed without output; returns (bytes, t)."""
    total, tail, seen, last = 0, b"", False, time.time()
    end = time.time() + limit
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                b = os.read(fd, 65536)
            except OSError:
                break
            if not b:
                break
            total += len(b)
            last = time.time()
            if not seen:
                tail = (tail + b)[-4096:]
                seen = marker in tail
        elif seen and time.time() - last >= 0.2:
            break
    return total, last, seen


def run(name, binary, nbytes, work):
    home = tempfile.mkdtemp(prefix=name + ".", dir=work)
    env = dict(os.environ, HOME=home, TMUX_TMPDIR=home, TMX_TMPDIR=home, TERM="xterm-256color",
               LANG="C.UTF-8", SHELL="/bin/sh")
    env.pop("TMUX", None)
    env.pop("TMX", None)
    fifo = os.path.join(home, "go")
    os.mkfifo(fifo)
    flood = "yes %s | head -c %d; printf '\\nFLOOD-END'" % (LINE, nbytes)
    if name == "raw":
        t0 = time.time()
        pid, fd = spawn(["/bin/sh", "-c", flood + "; sleep 1"], env)
    else:
        base = [binary, "-L", "flood", "-f", "/dev/null"]
        cmd = "read x < %s; %s; exec sleep 100" % (fifo, flood)
        subprocess.run(base + ["new-session", "-d", "-s", "f", "-x", "200", "-y", "49", cmd],
                       env=env, check=True)
        pid, fd = spawn(base + ["attach", "-t", "f"], env)
        drain_until(fd, b"\x00never", 0.5)  # the first screen
        t0 = time.time()
        with open(fifo, "w") as f:
            f.write("go\n")
    total, t1, seen = drain_until(fd, b"FLOOD-END", 600)
    if name != "raw":
        subprocess.run(base + ["kill-server"], env=env, capture_output=True)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)
    if not seen:
        raise RuntimeError(name + ": the end of the flood never showed")
    return nbytes / 1e6 / (t1 - t0 - 0.0), total / nbytes


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mux", default=os.environ.get("MUX_BIN", "build-rel/tmx"))
    ap.add_argument("--tmux", default="/usr/bin/tmux")
    ap.add_argument("--targets", default="raw,tmux,mux")
    ap.add_argument("--mib", type=float, default=64)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    names = args.targets.split(",")
    bins = {"raw": None, "tmux": args.tmux, "mux": os.path.abspath(args.mux)}
    nbytes = int(args.mib * 1024 * 1024)
    work = tempfile.mkdtemp(prefix="flood.")
    res = {n: [] for n in names}
    try:
        for r in range(args.rounds):
            order = names[r % len(names):] + names[:r % len(names)]
            for n in order:
                mbs, outin = run(n, bins[n], nbytes, work)
                res[n].append((mbs, outin))
                print("round %d %s: %.1f MB/s, out/in %.4f" % (r + 1, n, mbs, outin),
                      file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("scrolling flood, %g MiB of `yes` lines, client 200x50, %d rounds (medians)\n"
          % (args.mib, args.rounds))
    ref = "raw" if "raw" in names else names[0]
    print("| target | MB/s | × %s | out/in |" % ref)
    print("|---|---|---|---|")
    for n in names:
        ratios = [res[n][i][0] / res[ref][i][0] for i in range(args.rounds)]
        print("| %s | %.1f | %.2f | %.4f |" % (n, statistics.median(x[0] for x in res[n]),
                                               statistics.median(ratios),
                                               statistics.median(x[1] for x in res[n])))


if __name__ == "__main__":
    main()
