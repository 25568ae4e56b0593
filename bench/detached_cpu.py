#!/usr/bin/python3
"""Detached throughput with where the CPU goes: muxbench's detached test (an 80x24 window
that cats FILE, no client) for the bare pty and one or more tmx binaries, interleaved (the
order rotated each round), with the CPU per input byte of the reader (the server, or this
script's own reads for raw) split into user and system time, and of `cat` itself.

    bench/detached_cpu.py FILE ROUNDS raw NAME=TMX [NAME=TMX ...] [pty:MODE ...]
    bench/detached_cpu.py /tmp/muxbench-data/mixed-64MiB-v1.txt 10 raw new=build-rel/tmx old=/tmp/tmx-main
    bench/detached_cpu.py /tmp/muxbench-data/mixed-64MiB-v1.txt 16 raw pty:raw pty:spin1 pty:parse tmx=build-rel/tmx

raw: this script drains the pty master as muxbench does (select, then reads until EAGAIN).
pty:MODE: bench/pty_reader.c in that mode (raw, parse, spinN, thread), its binary
$PTY_READER or build-rel/pty_reader beside this script; only its wall time is kept.
A tmx target: a private server (-L detcpu, HOME and TMX_TMPDIR in a temporary directory),
`new -d -x 80 -y 24`, then a window `cat FILE; times >F; wait-for -S done`, timed from
new-window until wait-for returns. Server CPU from /proc/PID/stat (utime, stime) and its
context switches from /proc/PID/status, before and after; cat's CPU from the shell's
`times` (raw: this script's children). MB/s = bytes / 1e6 / seconds; "x raw" is the
median of the per-round ratios. System python3, stdlib only; markdown on stdout, each run
on stderr.

Why the split: a pty holds some 12 KiB, so cat, the kernel's flip-buffer worker and the
reader take turns, mostly on one core; the reader's own CPU per byte, next to cat's, says
how far it can get (raw's reader spends about 3.5 ns a byte, nearly all in read(2)).
"""
import os
import re
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def proc_cpu(pid):
    """(user s, system s, voluntary, involuntary context switches) of pid."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    vol = invol = 0
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("voluntary_ctxt_switches"):
            vol = int(line.split()[1])
        elif line.startswith("nonvoluntary_ctxt_switches"):
            invol = int(line.split()[1])
    return int(fields[11]) / tick, int(fields[12]) / tick, vol, invol


def shell_times(path):
    """The children's user and system seconds from a POSIX shell's `times` output."""
    lines = open(path).read().split("\n")
    secs = [int(m) * 60 + float(s) for m, s in re.findall(r"(\d+)m([\d.]+)s", lines[1])]
    return secs[0], secs[1]


def run_raw(path):
    m, s = os.openpty()
    t0 = time.time()
    r0 = os.times()
    p = subprocess.Popen(["cat", path], stdin=s, stdout=s, stderr=s, start_new_session=True)
    os.close(s)
    os.set_blocking(m, False)
    while p.poll() is None:
        select.select([m], [], [], 0.05)
        while True:
            try:
                if not os.read(m, 65536):
                    break
            except OSError:
                break
    wall = time.time() - t0
    r1 = os.times()
    os.close(m)
    return {"wall": wall, "user": r1.user - r0.user, "sys": r1.system - r0.system,
            "cat": (r1.children_user - r0.children_user) + (r1.children_system - r0.children_system),
            "vcs": 0, "ivcs": 0}


def run_tmx(binary, path):
    d = tempfile.mkdtemp(prefix="detcpu.")
    env = dict(os.environ, HOME=d, TMX_TMPDIR=d)
    tmx = [binary, "-L", "detcpu", "-f", "/dev/null"]
    try:
        subprocess.run(tmx + ["new", "-d", "-s", "s", "-x", "80", "-y", "24", "sleep 1000"],
                       env=env, check=True)
        pid = int(subprocess.run(tmx + ["display", "-p", "#{pid}"], env=env, check=True,
                                 capture_output=True, text=True).stdout)
        u0, s0, v0, n0 = proc_cpu(pid)
        t0 = time.time()
        cmd = f"cat '{path}'; times >'{d}/times'; '{binary}' -L detcpu wait-for -S done"
        subprocess.run(tmx + ["new-window", "-t", "s:", cmd], env=env, check=True)
        subprocess.run(tmx + ["wait-for", "done"], env=env, check=True)
        wall = time.time() - t0
        u1, s1, v1, n1 = proc_cpu(pid)
        cu, cs = shell_times(f"{d}/times")
        return {"wall": wall, "user": u1 - u0, "sys": s1 - s0, "cat": cu + cs,
                "vcs": v1 - v0, "ivcs": n1 - n0}
    finally:
        subprocess.run(tmx + ["kill-server"], env=env, stderr=subprocess.DEVNULL)
        shutil.rmtree(d, ignore_errors=True)


def run_pty_reader(mode, path):
    here = os.path.dirname(os.path.abspath(__file__))
    binary = os.environ.get("PTY_READER", os.path.join(here, "..", "build-rel", "pty_reader"))
    t0 = time.time()
    subprocess.run([binary, mode, path], check=True, stdout=subprocess.DEVNULL)
    return {"wall": time.time() - t0, "user": 0, "sys": 0, "cat": 0, "vcs": 0, "ivcs": 0}


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    path, rounds = os.path.abspath(sys.argv[1]), int(sys.argv[2])
    size = os.path.getsize(path)
    targets = []
    for spec in sys.argv[3:]:
        if spec.startswith("pty:"):
            targets.append((spec, "pty"))
            continue
        name, _, binary = spec.partition("=")
        targets.append((name, os.path.abspath(binary) if binary else None))
    runs = {name: [] for name, _ in targets}
    ratios = {name: [] for name, _ in targets}
    print(f"start {time.strftime('%H:%M:%S')} load {os.getloadavg()}", file=sys.stderr)
    for r in range(rounds):
        k = r % len(targets)
        walls = {}
        for name, binary in targets[k:] + targets[:k]:
            if binary is None:
                x = run_raw(path)
            elif binary == "pty":
                x = run_pty_reader(name[4:], path)
            else:
                x = run_tmx(binary, path)
            runs[name].append(x)
            walls[name] = x["wall"]
            print(f"  round {r} {name:10s} {size / x['wall'] / 1e6:6.1f} MB/s  reader u {x['user']:.2f}"
                  f" s {x['sys']:.2f}  cat {x['cat']:.2f}  vcs {x['vcs']} ivcs {x['ivcs']}",
                  file=sys.stderr)
        if "raw" in walls:
            for name, w in walls.items():
                ratios[name].append(walls["raw"] / w)
    med = statistics.median
    ns = 1e9 / size
    print(f"{os.path.basename(path)}, {rounds} rounds, interleaved; load average {os.getloadavg()}")
    print()
    print("| target | MB/s | x raw | reader user ns/B | reader sys ns/B | cat ns/B | vcs | ivcs |")
    print("|---|---|---|---|---|---|---|---|")
    for name, _ in targets:
        xs = runs[name]
        ratio = f"{med(ratios[name]):.2f}" if ratios[name] else "-"
        print(f"| {name} | {size / med([x['wall'] for x in xs]) / 1e6:.1f} | {ratio} | "
              f"{med([x['user'] for x in xs]) * ns:.2f} | {med([x['sys'] for x in xs]) * ns:.2f} | "
              f"{med([x['cat'] for x in xs]) * ns:.2f} | {med([x['vcs'] for x in xs]):.0f} | "
              f"{med([x['ivcs'] for x in xs]):.0f} |")


if __name__ == "__main__":
    main()
