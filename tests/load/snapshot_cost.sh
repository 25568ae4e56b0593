#!/bin/sh
# tests/load/snapshot_cost.sh [TMX] [SECONDS] - what snapshots cost the server (issue 20:
# at most 1 % of one core with 50 busy panes). 50 windows of 80x24, each a counter
# printing a line every 10 ms; the server's CPU time (utime + stime from /proc) over
# SECONDS with snapshot-interval 0 (none), then the default 5, then 1; then the same
# again under -v, where the server logs each snapshot write with the time it took.
# Private HOME and socket; everything it starts is killed at the end.
set -eu
BIN=$(realpath "${1:-build-rel/tmx}")
SECS=${2:-30}
dir=$(mktemp -d)
export HOME="$dir" TMX_TMPDIR="$dir"
unset XDG_STATE_HOME TMX TMUX
cd "$dir"
T="$BIN -L bench -f /dev/null"
# A counter that sleeps without forking (perl's select), so the machine runs 50 of them.
counter='perl -e '"'"'$|=1; while (1) { printf "counter %d abcdefghijklmnopqrstuvwxyz 0123456789\n", ++$i; select(undef, undef, undef, 0.01) }'"'"

cleanup() { $T kill-server 2>/dev/null || true; rm -rf "$dir"; }
trap cleanup EXIT

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

start() { # start the server and its 50 panes; $1: extra global flags
    $BIN $1 -L bench -f /dev/null new -d -s b -x 80 -y 24 "$counter"
    $T set -s snapshot-interval 0
    for i in $(seq 2 50); do $T new-window -d -t b: "$counter"; done
    PID=$($T display -p '#{pid}')
    sleep 2
}

phase() { # snapshot-interval $1 for SECS: prints the server's CPU %
    $T set -s snapshot-interval "$1"
    a=$(ticks "$PID")
    n0=$(count)
    sleep "$SECS"
    b=$(ticks "$PID")
    n1=$(count)
    hz=$(getconf CLK_TCK)
    awk -v a="$a" -v b="$b" -v s="$SECS" -v hz="$hz" -v i="$1" -v n="$((n1 - n0))" \
        'BEGIN { printf "snapshot-interval %s: server CPU %.2f %% of one core (%.0f lines/s a pane)\n", i, (b - a) * 100 / (hz * s), n / s }'
}

count() { # the counter of window 0 now
    $T capture-pane -p -t b:0 | grep counter | tail -1 | awk '{print $2}'
}

start ""
phase 0
phase 5
phase 1
ls -l "$HOME/.local/state/tmx/" | sed -n 2p
$T kill-server
sleep 1
start "-v"
$T set -s snapshot-interval 5
sleep "$SECS"
$T set -s snapshot-interval 0
grep -h "snapshot: " "$dir"/tmx-server-*.log | tail -3
grep -h "snapshot: " "$dir"/tmx-server-*.log | awk -v s="$SECS" '
    { for (i = 1; i <= NF; i++) {
          if ($(i) == "cpu" && $(i + 2) == "us,") { c += $(i + 1); n++ }
          if ($(i) == "wall") w += $(i + 1) } }
    END { printf "under -v, interval 5: %d writes over %d s: CPU %.1f ms (%.3f %% of one core), wall %.1f ms\n", n, s, c / 1000, c / 10000 / s, w / 1000 }'
