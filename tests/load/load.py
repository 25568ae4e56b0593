#!/usr/bin/env python3
"""load.py - 200 windows in 20 sessions, each printing continuously, 5 clients attached;
then the checks of the robustness issue (figures go to docs/robustness.md). Not in CI.

  1. every window's history is intact: `capture-pane -p -S -` shows consecutive numbers
     and, once a window printed more than history-limit lines, exactly history-limit
     lines of history (#{history_size});
  2. server memory (RSS, PSS) stays proportional to history-limit;
  3. keystroke echo in an idle window (a sixth client, `stty raw -echo; cat`) while the
     200 windows print: p50 and p99 (the goal: p99 below 10 ms);
  4. idle: the programs stopped (SIGSTOP), no clock in the status line: the server's
     wakeups per second (voluntary context switches), the goal being zero.

Usage: tests/load/load.py --bin build/tmx [--seconds 60] [--history 2000]
"""
import argparse
import os
import signal
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "soak"))
import tmxdrive  # noqa: E402


def pss_kb(pid):
    with open("/proc/%d/smaps_rollup" % pid) as f:
        for line in f:
            if line.startswith("Pss:"):
                return int(line.split()[1])
    return 0


def cpu_seconds(pid):
    """User + system CPU time of a process so far."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def echo_latency(client, samples):
    """Write one byte to the client's terminal, time until the client draws it."""
    times = []
    for i in range(samples):
        ch = bytes([ord("a") + i % 26])
        client.pump()
        t0 = time.perf_counter()
        client.send(ch)
        seen = b""
        while time.perf_counter() - t0 < 2:
            r, _, _ = tmxdrive.select.select([client.fd], [], [], 0.5)
            if r:
                seen += os.read(client.fd, 65536)
                if ch in seen:
                    break
        times.append((time.perf_counter() - t0) * 1e6)
        time.sleep(0.004)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.99) - 1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/tmx")
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--history", type=int, default=2000)
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--windows", type=int, default=10)
    ap.add_argument("--no-nice", action="store_true")
    ap.add_argument("--writer", choices=["perl", "sh"], default="perl",
                    help="perl: one process per window that sleeps without forking (default); "
                         "sh: a shell loop forking sleep(1) ten times a second per window")
    args = ap.parse_args()
    tmx = tmxdrive.Tmx(os.path.abspath(args.bin), history_limit=args.history)
    # About 200 lines a second per window: 40,000 lines a second in all. The writers run
    # at nice 19 (--no-nice: not): on a small machine 200 busy shells would otherwise
    # take the CPU from the server and the test would measure the kernel's scheduler
    # rather than whether tmx serves a keystroke promptly among 200 busy panes.
    # With --writer sh the 200 shells fork 2,000 sleep(1)s a second, which on a small
    # machine measures fork and exec more than tmx; the perl writer prints the same
    # lines at the same rate and sleeps in select().
    if args.writer == "perl":
        script = os.path.join(tmx.dir, "writer.pl")
        with open(script, "w") as f:
            f.write("$| = 1; my $i = 0;\n"
                    "while (1) { for (1 .. 20) { $i++; print \"$i\\n\"; } select(undef, undef, undef, 0.1); }\n")
        counter = "perl %s" % script
        if not args.no_nice:
            counter = "exec nice -n 19 " + counter
    else:
        counter = tmxdrive.COUNTER.format(burst=20, pause=0.1)
        if not args.no_nice:
            counter = "exec nice -n 19 sh -c '%s'" % counter
    tmx.start("idle", "stty raw -echo; exec cat")
    tmx.run("set-option", "-g", "status-right", "")  # no clock: idle means idle
    tmx.run("set-option", "-g", "status-interval", "0")
    t0 = time.time()
    for s in range(args.sessions):
        name = "s%02d" % s
        tmx.run("new-session", "-d", "-s", name, "-x", "80", "-y", "24", counter)
        for _ in range(args.windows - 1):
            tmx.run("new-window", "-d", "-t", name, counter)
    server = tmx.server_pid()
    windows = [w[0] for w in tmx.windows() if not w[0].startswith("idle")]
    print("load: %d windows started in %.1f s, server pid %d" % (len(windows), time.time() - t0, server),
          flush=True)
    clients = [tmx.attach("s%02d" % (i * args.sessions // 5), 120, 40) for i in range(5)]
    typist = tmx.attach("idle", 80, 24)
    time.sleep(1)

    end = time.time() + args.seconds
    cpu0, wall0 = cpu_seconds(server), time.time()
    lat = None
    while time.time() < end:
        for c in clients:
            c.pump()
        if lat is None and time.time() > end - args.seconds / 2:
            lat = echo_latency(typist, 300)
        time.sleep(0.02)
    server_cpu = (cpu_seconds(server) - cpu0) / (time.time() - wall0)
    loadavg = os.getloadavg()[0]
    rss = tmxdrive.proc_status(server, "VmRSS")
    pss = pss_kb(server)

    # 4. idle: stop every program, let the last output settle, count wakeups.
    pids = [int(p) for p in tmx.run("list-windows", "-a", "-F", "#{pane_pid}").split()]
    for pid in pids:
        os.kill(pid, signal.SIGSTOP)
    settle = time.time() + 3
    while time.time() < settle:
        for c in clients + [typist]:
            c.pump()
        time.sleep(0.05)
    w0 = tmxdrive.proc_status(server, "voluntary_ctxt_switches")
    time.sleep(5)
    w1 = tmxdrive.proc_status(server, "voluntary_ctxt_switches")
    idle_wakeups = (w1 - w0) / 5.0

    # 1. histories.
    broken, full, short = 0, 0, 0
    for name in windows:
        text = tmx.run("capture-pane", "-p", "-S", "-", "-t", name, timeout=60)
        size = int(tmx.run("display-message", "-p", "-t", name, "#{history_size}").strip())
        bad = tmxdrive.gaps(text)
        nums = [int(x) for x in text.split() if x.isdigit()]
        if bad:
            broken += 1
            print("load: %s: numbers not consecutive at %s" % (name, bad[:3]), flush=True)
        if nums and nums[-1] > args.history + 24:
            if size == args.history:
                full += 1
            else:
                short += 1
                print("load: %s: history %d lines, not %d" % (name, size, args.history), flush=True)
    for pid in pids:
        os.kill(pid, signal.SIGCONT)

    print("load: %d windows, %d clients + 1 typing; %d with a gap in their output, %d with a full "
          "history of exactly %d lines, %d short" % (len(windows), len(clients), broken, full, args.history,
                                                    short))
    print("load: server RSS %.1f MB, PSS %.1f MB (history-limit %d)" % (rss / 1024, pss / 1024, args.history))
    print("load: echo in an idle window under load: p50 %.0f us, p99 %.0f us" % lat)
    print("load: server CPU %.0f%% of one core while they print; load average %.1f (writer: %s)"
          % (server_cpu * 100, loadavg, args.writer))
    print("load: idle (programs stopped, no clock): %.1f server wakeups/s" % idle_wakeups)
    tmx.kill()
    ok = broken == 0 and short == 0 and lat[1] < 10000 and idle_wakeups < 1
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
