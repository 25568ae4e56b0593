#!/usr/bin/python3
"""startup_timeline.py BIN [N] - where the startup round trip's time goes: a median timeline (root; perf, uprobes).

Puts uprobes (perf probe, group "tmxst") on the functions of tmx's startup path in BIN, records them with the sched
exec/fork/exit events and the writes of N rounds (default 40) of bench/startup_cpu.py's round trip (new-session -d
-> the window's command writes its line -> kill-server -> all reaped), then prints each event's median time in ms
from the new-session client's execve. Roles: client, its forks (named after what they become: server, keeper,
pane; a process that forks and exits is "mid"), killc (the kill-server client). "ROLE:run" is a process of
the round put on a CPU (sched_switch, recorded system-wide: -a), so the wait between a fork and the child's first
run shows, and the keeper's own steps (keeper_child_prepare, keeper_run, keeper_hello, keeper_ring_create) are
probed too. Each uprobe costs a few microseconds, and perf's events make each fork and each switch slower:
compare two binaries run the same way, one after the other. The probes are removed at the end."""
import collections
import os
import re
import statistics
import subprocess
import sys

PROBES = ["main", "connect_or_start", "server_main", "server_listen_start", "key_bindings_init",
          "server_keeper_start", "config_load_startup", "snapshot_init", "event_base_dispatch",
          "server_msg_accept", "cmd_new_session_exec", "pane_spawn", "keeper_link_spawn",
          "keeper_child_prepare", "keeper_run", "keeper_hello", "keeper_ring_create"]
RETURNS = ["key_bindings_init", "server_keeper_start", "pane_spawn", "keeper_link_spawn"]
GROUP = "tmxst"
CHILD = {"client": "server", "mid": "server", "server": "keeper", "keeper": "pane", "killc": "killc+"}


def probes(binary):
    subprocess.run(["perf", "probe", "-q", "-d", f"{GROUP}:*"], stderr=subprocess.DEVNULL)
    for f in PROBES:
        subprocess.run(["perf", "probe", "-f", "-q", "-x", binary, "-a", f"{GROUP}:{f}={f}"],
                       stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    for f in RETURNS:
        subprocess.run(["perf", "probe", "-f", "-q", "-x", binary, "-a", f"{GROUP}:{f}_ret={f}%return"],
                       stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)


def timeline(lines, binary):
    rounds, cur, execs = [], None, 0
    for line in lines:
        m = re.match(r"\s*(.+?)\s+(\d+)\s+([\d.]+):\s+(\S+):\s*(.*)", line)
        if not m:
            continue
        pid, t, ev, tr = int(m.group(2)), float(m.group(3)), m.group(4), m.group(5)
        if ev == "sched:sched_process_exec" and f"filename={binary} " in tr + " ":
            execs += 1
            if execs % 2 == 1:
                cur = {"t0": t, "ev": [], "roles": {pid: "client"}}
                rounds.append(cur)
            else:
                cur["roles"][pid] = "killc"
        if cur is None:
            continue
        roles = cur["roles"]
        if ev == "sched:sched_process_fork":
            f = re.search(r"pid=(\d+) child_comm=.* child_pid=(\d+)", tr)
            if f and int(f.group(1)) in roles:
                roles[int(f.group(2))] = CHILD.get(roles[int(f.group(1))], "other")
        if ev == "sched:sched_process_exit" and roles.get(pid) == "server" and \
                not any(e[0].startswith("server:server_main") for e in cur["ev"]):
            roles[pid] = "mid"  # it forked and left: the daemonising intermediate
        if ev == "sched:sched_switch":
            # a process of the round put on a CPU: "ROLE:run" (its first runs are what a hand-off waits for)
            f = re.search(r"==> next_comm=.* next_pid=(\d+)", tr)
            if f and int(f.group(1)) in roles:
                cur["ev"].append((roles[int(f.group(1))] + ":run", (t - cur["t0"]) * 1e3))
            continue
        if pid not in roles:
            continue
        name = re.sub(r"_\d+$", "", ev.split(":", 1)[1]).replace("sched_process_", "").replace("sys_enter_", "")
        if ev == "syscalls:sys_enter_write":
            name += "(fd%d)" % int(re.search(r"fd: (0x[0-9a-f]+)", tr).group(1), 16)
        cur["ev"].append((roles[pid] + ":" + name, (t - cur["t0"]) * 1e3))
    agg = collections.defaultdict(list)
    for r in rounds[1:]:  # the first round warms the caches
        seen = collections.Counter()
        for label, off in r["ev"]:
            seen[label] += 1
            agg[(label, seen[label])].append(off)
    rows = sorted((statistics.median(v), k, len(v)) for k, v in agg.items() if len(v) >= len(rounds) // 2)
    print(f"{len(rounds)} rounds of {binary}; median ms from the new-session client's execve")
    for med, (label, i), cnt in rows:
        print(f"{med:8.3f}  {label}{'#%d' % i if i > 1 else ''}  (n={cnt})")


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    binary = os.path.realpath(sys.argv[1])
    n = sys.argv[2] if len(sys.argv) > 2 else "40"
    here = os.path.dirname(os.path.realpath(__file__))
    data = f"/tmp/startup_timeline.{os.getpid()}.data"
    probes(binary)
    try:
        subprocess.run(["perf", "record", "-a", "-q", "-o", data, "-e", f"{GROUP}:*",
                        "-e", "sched:sched_process_exec", "-e", "sched:sched_process_fork",
                        "-e", "sched:sched_process_exit", "-e", "syscalls:sys_enter_write",
                        "-e", "sched:sched_switch", "--",
                        sys.executable, os.path.join(here, "startup_cpu.py"), binary, n],
                       check=True, stdout=subprocess.DEVNULL)
        out = subprocess.run(["perf", "script", "-i", data, "-F", "comm,pid,time,event,trace"],
                             capture_output=True, text=True).stdout
        timeline(out.splitlines(), binary)
    finally:
        subprocess.run(["perf", "probe", "-q", "-d", f"{GROUP}:*"], stderr=subprocess.DEVNULL)
        if os.path.exists(data):
            os.unlink(data)


if __name__ == "__main__":
    main()
