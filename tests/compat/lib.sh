# lib.sh - helpers for compat cases (sourced: . "$COMPAT_LIB"). Only $TMUX_BIN is driven.
T=$TMUX_BIN

# wait_pane TARGET TEXT: wait (up to 10 s) until pane TARGET shows TEXT.
wait_pane() {
    i=0
    while [ $i -lt 200 ]; do
        if "$T" capture-pane -p -t "$1" 2>/dev/null | grep -qF -- "$2"; then
            return 0
        fi
        sleep 0.05
        i=$((i + 1))
    done
    echo "wait_pane: $1 never showed $2" >&2
    return 1
}

# wait_dead TARGET: wait (up to 10 s) until pane TARGET's program has exited.
wait_dead() {
    i=0
    while [ $i -lt 200 ]; do
        if [ "$("$T" display -p -t "$1" '#{pane_dead}' 2>/dev/null)" = 1 ]; then
            return 0
        fi
        sleep 0.05
        i=$((i + 1))
    done
    echo "wait_dead: $1 never died" >&2
    return 1
}

# wait_format TARGET FORMAT VALUE: wait (up to 10 s) until FORMAT expands to VALUE for
# TARGET (hooks run from notifications, such as session-created, run after the command
# that caused them has returned, in tmux as in tmx).
wait_format() {
    i=0
    while [ $i -lt 200 ]; do
        if [ "$("$T" display -p -t "$1" "$2" 2>/dev/null)" = "$3" ]; then
            return 0
        fi
        sleep 0.05
        i=$((i + 1))
    done
    echo "wait_format: $2 of $1 never became $3" >&2
    return 1
}
