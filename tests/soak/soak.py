#!/usr/bin/env python3
"""soak.py - an hour (or --minutes N) of random use of one tmx server, checking its
invariants every second. Not part of CI (docs/robustness.md has the figures).

Actions, at random every ~50 ms: attach a client (some never read: stuck terminals),
detach one (C-b d), kill one (SIGKILL), resize one, new-window running a counter or a
flood, kill-window, send-keys into a `cat` window, rename a window.

Invariants, every second (a breach is printed and counted; the exit status is 1 if any):
  - the server is alive and answers;
  - no zombie children of the server twice in a row (a reap may be one tick late);
  - open fds of the server <= 16 + 3 per pane + 2 per client (no fd leak);
  - RSS <= 40 MB + 1.5 MB per pane (history-limit 2000 lines of short numbers);
  - a sample of 5 counter panes: `capture-pane -p -S -300` shows consecutive numbers
    (no output lost or reordered, including across resizes and floods);
  - the `cat` window shows the last line sent with send-keys.

Usage: tests/soak/soak.py --bin build/tmx --minutes 20
"""
import argparse
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tmxdrive  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/tmx")
    ap.add_argument("--minutes", type=float, default=60)
    ap.add_argument("--seed", type=int, default=int(time.time()))
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    tmx = tmxdrive.Tmx(os.path.abspath(args.bin), history_limit=2000)
    counter = tmxdrive.COUNTER.format(burst=50, pause=0.05)
    tmx.start("soak", counter)
    tmx.run("new-window", "-d", "-t", "soak", "-n", "typing", "cat")
    server = tmx.server_pid()
    stats = dict(checks=0, breaches=0, attach=0, detach=0, killclient=0, resize=0,
                 newwin=0, flood=0, killwin=0, keys=0, rename=0, captures=0,
                 max_rss_kb=0, max_fds=0, max_panes=0, zombie_ticks=0)
    typed = None
    zombies_before = set()
    deadline = time.time() + args.minutes * 60
    next_check = time.time() + 1
    print("soak: seed %d, server pid %d, %.0f minutes" % (args.seed, server, args.minutes), flush=True)

    def breach(msg):
        stats["breaches"] += 1
        print("BREACH %s: %s" % (time.strftime("%H:%M:%S"), msg), flush=True)

    while time.time() < deadline:
        for c in list(tmx.clients):
            c.pump()
            if not c.alive():
                c.close()
                tmx.clients.remove(c)
        wins = tmx.windows()
        counters = [w for w in wins if not w[0].endswith(":1")]
        action = rnd.random()
        try:
            if action < 0.08 and len(tmx.clients) < 6:
                c = tmx.attach("soak", rnd.randint(40, 200), rnd.randint(10, 60))
                c.reading = rnd.random() > 0.2
                stats["attach"] += 1
            elif action < 0.12 and tmx.clients:
                rnd.choice(tmx.clients).send(b"\x02d")
                stats["detach"] += 1
            elif action < 0.14 and tmx.clients:
                c = rnd.choice(tmx.clients)
                c.close()
                tmx.clients.remove(c)
                stats["killclient"] += 1
            elif action < 0.30 and tmx.clients:
                c = rnd.choice(tmx.clients)
                tmxdrive.set_size(c.fd, rnd.randint(20, 200), rnd.randint(5, 60))
                stats["resize"] += 1
            elif action < 0.38 and len(wins) < 30:
                if rnd.random() < 0.3:
                    tmx.run("new-window", "-d", "-t", "soak", tmxdrive.FLOOD.format(n=rnd.randint(10000, 300000)))
                    stats["flood"] += 1
                else:
                    tmx.run("new-window", "-d", "-t", "soak", counter)
                    stats["newwin"] += 1
            elif action < 0.44 and len(counters) > 3:
                target = rnd.choice(counters)[0]
                if not target.endswith(":0"):
                    tmx.run("kill-window", "-t", target, check=False)
                    stats["killwin"] += 1
            elif action < 0.60:
                typed = "typed-%d" % rnd.randint(0, 10**9)
                tmx.run("send-keys", "-t", "soak:1", typed, "Enter")
                stats["keys"] += 1
            elif action < 0.65 and counters:
                tmx.run("rename-window", "-t", rnd.choice(counters)[0], "w%d" % rnd.randint(0, 99))
                stats["rename"] += 1
        except RuntimeError as e:
            # A window may go between listing and acting on it; anything else is a breach.
            if "no window" not in str(e) and "can't find" not in str(e):
                breach(str(e))
        time.sleep(0.05)

        if time.time() < next_check:
            continue
        next_check = time.time() + 1
        stats["checks"] += 1
        try:
            os.kill(server, 0)
            wins = tmx.windows()
        except Exception as e:  # the server died or stopped answering: fatal
            breach("server gone: %s" % e)
            break
        panes = len(wins)
        clients = len(tmx.clients)
        fds = tmxdrive.fd_count(server)
        rss = tmxdrive.proc_status(server, "VmRSS")
        stats["max_fds"] = max(stats["max_fds"], fds)
        stats["max_rss_kb"] = max(stats["max_rss_kb"], rss)
        stats["max_panes"] = max(stats["max_panes"], panes)
        if fds > 16 + 3 * panes + 2 * (clients + 2):
            breach("%d fds for %d panes and %d clients" % (fds, panes, clients))
        if rss > 40 * 1024 + 1536 * panes:
            breach("RSS %d kB for %d panes" % (rss, panes))
        zombies = set(tmxdrive.zombies_of(server))
        if zombies & zombies_before:
            breach("zombie children %s" % sorted(zombies & zombies_before))
        if zombies:
            stats["zombie_ticks"] += 1
        zombies_before = zombies
        for name, _ in rnd.sample(wins, min(5, len(wins))):
            if name.endswith(":1"):
                continue
            text = tmx.run("capture-pane", "-p", "-S", "-300", "-t", name, check=False)
            stats["captures"] += 1
            bad = tmxdrive.gaps(text)
            if bad:
                breach("%s: numbers not consecutive at %s" % (name, bad[:3]))
        if typed is not None:
            text = tmx.run("capture-pane", "-p", "-S", "-100", "-t", "soak:1")
            if typed not in text:
                time.sleep(0.5)  # the keys may still be on their way
                if typed not in tmx.run("capture-pane", "-p", "-S", "-100", "-t", "soak:1"):
                    breach("send-keys text %s not in the cat window" % typed)
        if stats["checks"] % 60 == 0:
            print("soak: %s" % stats, flush=True)

    print("soak: done: %s" % stats, flush=True)
    tmx.kill()
    sys.exit(1 if stats["breaches"] else 0)


if __name__ == "__main__":
    main()
