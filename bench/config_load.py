#!/usr/bin/env python3
"""How long a big config takes to load: a file of N lines (default 10,000) of what real
configs hold (set -g/-w/-s, setw, set -gq @user options, bind/unbind with notes and
command sequences, if-shell -F, %if/%else/%endif, source-file of a small file, comments
and blank lines), sourced with `source-file` into a running server, side by side for tmux
and tmx. The time is the source-file command's wall time (client start included, so a
one-line file is timed as well and reported: the difference is the parsing and
applying). Medians of --rounds runs.

usage: bench/config_load.py [--tmx build/tmx] [--tmux /usr/bin/tmux] [--lines 10000]
                            [--rounds 7]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

LINES = [
    "set -g status-left '[#S] '",
    "set -g history-limit 5000",
    "setw -g mode-keys vi",
    "set -gq @plugin-option-{n} 'value {n}'",
    "bind-key -N 'note {n}' M-{k} select-window -t :{d}",
    "bind -T copy-mode-vi v send -X begin-selection",
    "unbind C-{k}",
    "bind r source-file ~/.tmux.conf \\; display 'reloaded'",
    "if -F '#{==:{d},1}' 'set -g status-right \"a\"' 'set -g status-right \"b\"'",
    "%if #{==:{d},2}",
    "set -g status-interval 5",
    "%else",
    "set -g status-interval 15",
    "%endif",
    "# a comment line {n}",
    "",
    "set -s escape-time 0",
    "set -g mouse on",
    "set -w -g pane-border-style fg=colour{d}",
]


def make_config(path, n):
    out = []
    i = 0
    while len(out) < n:
        for line in LINES:
            if len(out) >= n:
                break
            out.append(line.replace("{n}", str(i)).replace("{k}", "abcdefghij"[i % 10])
                       .replace("{d}", str(i % 10)))
            i += 1
    # %if blocks must not be cut in the middle: end with balanced blocks.
    opened = sum(1 for l in out if l.startswith("%if")) - sum(1 for l in out if l == "%endif")
    out.extend(["%endif"] * opened)
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def timed(cmd, env):
    start = time.perf_counter()
    r = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if r.returncode != 0:
        sys.stderr.write(f"{' '.join(cmd)}: status {r.returncode}: {r.stderr.decode()[:300]}\n")
    return elapsed


def run(binary, big, small, rounds):
    top = tempfile.mkdtemp(prefix="cfgbench.")
    env = dict(os.environ, HOME=top, TMUX_TMPDIR=top, TMX_TMPDIR=top)
    env.pop("TMUX", None)
    env.pop("TMX", None)
    base = [binary, "-L", "cfgbench", "-f", "/dev/null"]
    subprocess.run(base + ["new", "-d", "-s", "b"], env=env, check=True)
    try:
        small_t = [timed(base + ["source-file", small], env) for _ in range(rounds)]
        big_t = [timed(base + ["source-file", big], env) for _ in range(rounds)]
    finally:
        subprocess.run(base + ["kill-server"], env=env, stderr=subprocess.DEVNULL)
        shutil.rmtree(top, ignore_errors=True)
    return statistics.median(small_t), statistics.median(big_t)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tmx", default="build/tmx")
    ap.add_argument("--tmux", default="/usr/bin/tmux")
    ap.add_argument("--lines", type=int, default=10000)
    ap.add_argument("--rounds", type=int, default=7)
    opts = ap.parse_args()
    d = tempfile.mkdtemp(prefix="cfgfile.")
    big, small = os.path.join(d, "big.conf"), os.path.join(d, "small.conf")
    make_config(big, opts.lines)
    make_config(small, 1)
    print(f"| target | {opts.lines} lines (median ms) | 1 line (median ms) | difference (ms) |")
    print("| --- | ---: | ---: | ---: |")
    for name, binary in (("tmux", opts.tmux), ("tmx", os.path.abspath(opts.tmx))):
        s, b = run(binary, big, small, opts.rounds)
        print(f"| {name} | {b * 1000:.1f} | {s * 1000:.1f} | {(b - s) * 1000:.1f} |")
    shutil.rmtree(d, ignore_errors=True)


if __name__ == "__main__":
    main()
