# lib.sh - helpers for compat cases (sourced: . "$COMPAT_LIB"). Only $TMUX_BIN is driven.
T=$TMUX_BIN

# waited_enough START: true once 10 s of wall time have passed since START ($(date +%s)):
# the waits below are bounded in time, not in tries, so that a slow binary (ASan, a loaded
# machine) waits as long as a fast one and a case that waits in vain stays under run.py's
# case limit.
waited_enough() {
    [ $(($(date +%s) - $1)) -ge 10 ]
}

# wait_pane TARGET TEXT: wait (up to 10 s) until pane TARGET shows TEXT.
wait_pane() {
    start=$(date +%s)
    until waited_enough "$start"; do
        if "$T" capture-pane -p -t "$1" 2>/dev/null | grep -qF -- "$2"; then
            return 0
        fi
        sleep 0.05
    done
    echo "wait_pane: $1 never showed $2" >&2
    return 1
}

# wait_dead TARGET: wait (up to 10 s) until pane TARGET's program has exited.
wait_dead() {
    start=$(date +%s)
    until waited_enough "$start"; do
        if [ "$("$T" display -p -t "$1" '#{pane_dead}' 2>/dev/null)" = 1 ]; then
            return 0
        fi
        sleep 0.05
    done
    echo "wait_dead: $1 never died" >&2
    return 1
}

# wait_clients_raw: wait (up to 10 s) until every attached client has put its terminal in
# raw mode (stty shows -icanon on its #{client_tty}): keys typed before that sit in the
# terminal's line buffer, and a client may flush them as it takes the terminal (tmux 3.3a
# on a loaded machine lost a prefix key so), so a case types only after this.
wait_clients_raw() {
    start=$(date +%s)
    until waited_enough "$start"; do
        ttys=$("$T" list-clients -F '#{client_tty}' 2>/dev/null)
        if [ -n "$ttys" ]; then
            raw=1
            for tty in $ttys; do
                stty -a -F "$tty" 2>/dev/null | grep -q -- '-icanon' || raw=0
            done
            [ "$raw" = 1 ] && return 0
        fi
        sleep 0.05
    done
    echo "wait_clients_raw: a client's terminal never became raw" >&2
    return 1
}

# wait_format TARGET FORMAT VALUE: wait (up to 10 s) until FORMAT expands to VALUE for
# TARGET (hooks run from notifications, such as session-created, run after the command
# that caused them has returned, in tmux as in tmx).
wait_format() {
    start=$(date +%s)
    until waited_enough "$start"; do
        if [ "$("$T" display -p -t "$1" "$2" 2>/dev/null)" = "$3" ]; then
            return 0
        fi
        sleep 0.05
    done
    echo "wait_format: $2 of $1 never became $3" >&2
    return 1
}
