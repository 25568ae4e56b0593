#!/usr/bin/env python3
"""Attached throughput on a scrolling flood and on mixed output, N MiB each, with a client
attached in a 200x50 pty this script drains, side by side for the bare pty, tmux and tmx,
interleaved (raw tmux mux, then the order rotated each round) because the machine is shared.

Inputs (--inputs, default both):
  yes    `yes` lines: the whole screen scrolls with every line; the case where a multiplexer
         that draws every intermediate screen falls behind (muxbench's mixed input hides it).
  mixed  a seeded file of terminal output as programs write it: plain lines, SGR colours
         (16, 256, RGB, attributes), CJK and emoji, long lines wrapping several times,
         progress bars redrawn with CR + EL, cursor motion (save, CUP, CUU, CUF, DCH, ICH,
         restore); the window `cat`s it.

The window runs `sh -c 'yes 0123456789abcdefghij... | head -c BYTES; printf "\\nFLOOD-END"'`
(or `cat FILE; printf ...`); the time runs from launching the attach (the window's program starts when the session is
made, detached, and is released by a FIFO once the client is up) until FLOOD-END shows on
the client's terminal and its output stops (0.2 s quiet). raw = the same command run in
the 200x50 pty directly. MB/s = input bytes / 1e6 / seconds; out/in = the bytes the
client wrote per input byte.

usage: bench/flood.py [--mux build-rel/tmx] [--tmux /usr/bin/tmux] [--targets raw,tmux,mux]
                      [--inputs yes,mixed] [--mib 64] [--rounds 3] [--base OLD-tmx]
(target base: a second tmx binary, to compare before and after a change in one run.)
System python3, stdlib only. Prints a markdown table (medians; ratios taken per round).
"""
import argparse
import os
import random
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from benchlib import end_pty_child, spawn_on_pty

LINE = "0123456789abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def gen_mixed(path, nbytes, seed=23):
    """Write about nbytes of mixed terminal output to path (seeded: the same file each run)."""
    rnd = random.Random(seed)
    words = ("make cc -O2 -Wall src/vt.c warning: unused variable note error ok passed failed "
             "test_render [1/42] Linking Compiling fetch origin main HEAD detached").split()
    wide = ["日本語", "中文", "한국어", "🙂", "✔", "→", "éàü", "│", "░▒▓"]

    def words_line(n):
        return " ".join(rnd.choice(words) for _ in range(n))

    parts, size = [], 0
    while size < nbytes:
        r = rnd.random()
        if r < 0.35:
            s = words_line(rnd.randint(2, 15)) + "\n"
        elif r < 0.50:
            s = "".join("\x1b[%d;3%dm%s\x1b[0m " % (rnd.choice((1, 2, 4, 7)), rnd.randint(0, 7),
                                                   rnd.choice(words)) for _ in range(7)) + "\n"
        elif r < 0.60:
            s = "".join("\x1b[38;5;%d;48;5;%dm%s" % (rnd.randint(0, 255), rnd.randint(0, 255),
                                                   rnd.choice(words)) for _ in range(5)) + "\x1b[m\n"
        elif r < 0.67:
            s = "".join("\x1b[38;2;%d;%d;%dm%s " % (rnd.randint(0, 255), rnd.randint(0, 255),
                                                    rnd.randint(0, 255), rnd.choice(words))
                        for _ in range(5)) + "\x1b[m\n"
        elif r < 0.77:
            s = " ".join(rnd.choice(wide) + rnd.choice(words) for _ in range(rnd.randint(2, 9))) + "\n"
        elif r < 0.87:
            s = words_line(rnd.randint(40, 120)) + "\n"  # wraps at 200 columns
        elif r < 0.94:
            s = "".join("\r\x1b[K%3d%% [%s%s]" % (i * 10, "=" * (i * 3), " " * (30 - i * 3))
                        for i in range(11)) + "\n"
        else:
            s = ("\x1b7\x1b[%d;%dH%s\x1b[K\x1b[%dA\x1b[%dC%s\x1b[2P\x1b[3@\x1b8%s\n"
                 % (rnd.randint(1, 48), rnd.randint(1, 150), rnd.choice(words), rnd.randint(1, 6),
                    rnd.randint(1, 30), rnd.choice(words), words_line(rnd.randint(2, 8))))
        b = s.encode()
        parts.append(b)
        size += len(b)
    with open(path, "wb") as f:
        f.write(b"".join(parts)[:nbytes])


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


def run(name, binary, nbytes, work, source):
    home = tempfile.mkdtemp(prefix=name + ".", dir=work)
    env = dict(os.environ, HOME=home, TMUX_TMPDIR=home, TMX_TMPDIR=home, TERM="xterm-256color",
               LANG="C.UTF-8", SHELL="/bin/sh")
    env.pop("TMUX", None)
    env.pop("TMX", None)
    fifo = os.path.join(home, "go")
    os.mkfifo(fifo)
    if source == "yes":
        flood = "yes %s | head -c %d; printf '\\nFLOOD-END'" % (LINE, nbytes)
    else:
        flood = "cat %s; printf '\\nFLOOD-END'" % source
    if name == "raw":
        t0 = time.time()
        pid, fd = spawn_on_pty(["/bin/sh", "-c", flood + "; sleep 1"], env)
    else:
        base = [binary, "-L", "flood", "-f", "/dev/null"]
        cmd = "read x < %s; %s; exec sleep 100" % (fifo, flood)
        subprocess.run(base + ["new-session", "-d", "-s", "f", "-x", "200", "-y", "49", cmd],
                       env=env, check=True)
        pid, fd = spawn_on_pty(base + ["attach", "-t", "f"], env)
        drain_until(fd, b"\x00never", 0.5)  # the first screen
        t0 = time.time()
        with open(fifo, "w") as f:
            f.write("go\n")
    total, t1, seen = drain_until(fd, b"FLOOD-END", 600)
    if name != "raw":
        subprocess.run(base + ["kill-server"], env=env, capture_output=True)
    end_pty_child(pid)
    os.close(fd)
    if not seen:
        raise RuntimeError(name + ": the end of the flood never showed")
    return nbytes / 1e6 / (t1 - t0 - 0.0), total / nbytes


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mux", default=os.environ.get("MUX_BIN", "build-rel/tmx"))
    ap.add_argument("--tmux", default="/usr/bin/tmux")
    ap.add_argument("--base", help="a second tmx binary (target base), e.g. the one before a change")
    ap.add_argument("--targets", default="raw,tmux,mux")
    ap.add_argument("--inputs", default="yes,mixed")
    ap.add_argument("--mib", type=float, default=64)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    names = args.targets.split(",")
    inputs = args.inputs.split(",")
    bins = {"raw": None, "tmux": args.tmux, "mux": os.path.abspath(args.mux),
            "base": os.path.abspath(args.base) if args.base else None}
    if "base" in names and not args.base:
        ap.error("target base needs --base BIN")
    nbytes = int(args.mib * 1024 * 1024)
    work = tempfile.mkdtemp(prefix="flood.")
    res = {(i, n): [] for i in inputs for n in names}
    try:
        sources = {}
        for i in inputs:
            if i == "mixed":
                sources[i] = os.path.join(work, "mixed.txt")
                gen_mixed(sources[i], nbytes)
            elif i == "yes":
                sources[i] = "yes"
            else:
                ap.error("unknown input %r (yes, mixed)" % i)
        for r in range(args.rounds):
            order = names[r % len(names):] + names[:r % len(names)]
            for i in inputs:
                for n in order:
                    mbs, outin = run(n, bins[n], nbytes, work, sources[i])
                    res[(i, n)].append((mbs, outin))
                    print("round %d %s %s: %.1f MB/s, out/in %.4f" % (r + 1, i, n, mbs, outin),
                          file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ref = "raw" if "raw" in names else names[0]
    for i in inputs:
        what = "scrolling flood of `yes` lines" if i == "yes" else "mixed output (`cat` of a file)"
        print("%s, %g MiB, client 200x50, %d rounds (medians)\n" % (what, args.mib, args.rounds))
        print("| target | MB/s | × %s | out/in |" % ref)
        print("|---|---|---|---|")
        for n in names:
            ratios = [res[(i, n)][k][0] / res[(i, ref)][k][0] for k in range(args.rounds)]
            print("| %s | %.1f | %.2f | %.4f |" % (n, statistics.median(x[0] for x in res[(i, n)]),
                                                   statistics.median(ratios),
                                                   statistics.median(x[1] for x in res[(i, n)])))
        print()


if __name__ == "__main__":
    main()
