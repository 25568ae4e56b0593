# lib.sh - helpers for ecosystem cases (sourced: . "$ECO_LIB"). `tmux` is the binary under
# test (first on $PATH); $ECO_OUTER is the real tmux, used only as the outer terminal a
# client is attached in, on its own socket, so its screen can be captured as a user sees it.
# A wait that times out says so on stdout, in the step it belongs to, and returns 1.

OUTER_SOCK="$ECO_TMP/outer.sock"

# step NAME: start a step of the transcript.
step() {
    echo "## $*"
}

# wait_pane TARGET TEXT: wait (up to 20 s) until pane TARGET shows TEXT.
wait_pane() {
    _i=0
    while [ $_i -lt 400 ]; do
        if tmux capture-pane -p -t "$1" 2>/dev/null | grep -qF -- "$2"; then
            return 0
        fi
        sleep 0.05
        _i=$((_i + 1))
    done
    echo "wait_pane: $1 never showed $2"
    return 1
}

# wait_line TARGET TEXT: wait (up to 20 s) until a whole line of pane TARGET is TEXT (trailing
# blanks aside). For a program's output where the typed command line holds the same text
# ("echo right" holds "right"): wait_pane would return on the echo of the keys, before the
# shell has run them.
wait_line() {
    _i=0
    while [ $_i -lt 400 ]; do
        if tmux capture-pane -p -t "$1" 2>/dev/null | sed 's/ *$//' | grep -qxF -- "$2"; then
            return 0
        fi
        sleep 0.05
        _i=$((_i + 1))
    done
    echo "wait_line: $1 never had the line $2"
    return 1
}

# wait_format TARGET FORMAT VALUE [TMUX-FLAGS...]: wait (up to 20 s) until FORMAT expands
# to VALUE for TARGET (a key typed into the outer terminal reaches the server some time
# later).
wait_format() {
    _t=$1 _f=$2 _v=$3
    shift 3
    _i=0
    while [ $_i -lt 400 ]; do
        [ "$(tmux "$@" display -p -t "$_t" "$_f" 2>/dev/null)" = "$_v" ] && return 0
        sleep 0.05
        _i=$((_i + 1))
    done
    echo "wait_format: $_f of $_t never became $_v"
    return 1
}

# wait_file PATH: wait (up to 20 s) until PATH exists.
wait_file() {
    _i=0
    while [ $_i -lt 400 ]; do
        [ -e "$1" ] && return 0
        sleep 0.05
        _i=$((_i + 1))
    done
    echo "wait_file: $1 never appeared"
    return 1
}

# panes TARGET: each pane of session TARGET as "window.pane WxH" and its text without the
# empty lines (SHELL is /bin/sh and PS1 empty: no prompts).
panes() {
    for p in $(tmux list-panes -s -t "$1" -F '#{pane_id}'); do
        tmux display -p -t "$p" '#{window_index}.#{pane_index} #{pane_width}x#{pane_height}'
        tmux capture-pane -p -t "$p" | grep -v '^$' | sed 's/^/  /'
    done
}

# outer: the outer terminal's tmux.
outer() {
    "$ECO_OUTER" -S "$OUTER_SOCK" "$@"
}

# term_start W H COMMAND...: run COMMAND (a tmux client, byobu...) in an outer terminal of
# W x H cells. The outer tmux has no status line of its own and no TMUX in the pane.
term_start() {
    _w=$1 _h=$2
    shift 2
    outer -f /dev/null new-session -d -x "$_w" -y "$_h" -s outer \
        "unset TMUX; exec $*" \; set -g status off \; set -g remain-on-exit on
}

# term_run COMMAND...: run COMMAND in place of what the outer terminal runs (after
# term_start), as a user starting a new client in the same terminal.
term_run() {
    outer respawn-pane -k -t outer "unset TMUX; exec $*"
}

# term_screen: the outer terminal's screen, with colours and attributes as SGR sequences.
# Only what a user can see is kept (visible_sgr.py): a blank cell's foreground, bold and the
# like are dropped, as renderers may leave them from an earlier frame.
term_screen() {
    outer capture-pane -p -e -t outer | /usr/bin/python3 "${ECO_LIB%/*}/visible_sgr.py"
}

# term_settle: wait until the outer screen stays the same for 0.5 s (up to 15 s), as a
# user waits for a screen to finish drawing (a clock ticking does not count).
term_settle() {
    _prev=$(term_screen | no_times)
    _i=0
    _n=0
    while [ $_i -lt 150 ]; do
        sleep 0.1
        _cur=$(term_screen | no_times)
        if [ "$_cur" = "$_prev" ]; then
            _n=$((_n + 1))
            [ $_n -ge 5 ] && return 0
        else
            _n=0
            _prev=$_cur
        fi
        _i=$((_i + 1))
    done
    return 0
}

# term_wait TEXT...: wait (up to 20 s) until the outer terminal shows every TEXT at once,
# then settle.
term_wait() {
    _i=0
    while [ $_i -lt 400 ]; do
        _scr=$(outer capture-pane -p -t outer 2>/dev/null)
        _all=1
        for _t in "$@"; do
            printf '%s\n' "$_scr" | grep -qF -- "$_t" || { _all=0; break; }
        done
        if [ $_all = 1 ]; then
            term_settle
            return 0
        fi
        sleep 0.05
        _i=$((_i + 1))
    done
    echo "term_wait: the terminal never showed $*"
    outer capture-pane -p -t outer | no_times | sed "s/ *$//" | grep -v "^$"
    return 1
}

# term_keys KEY...: type KEYs (send-keys names) into the outer terminal.
term_keys() {
    outer send-keys -t outer "$@"
}

# term_redraw [TMUX-FLAGS...]: have the attached client redraw its whole screen
# (refresh-client), then settle: a terminal keeps the colour a cell had when a program
# rewrites only what changed, and the colour of a blank is not seen by a user, but
# term_screen shows it.
term_redraw() {
    tmux "$@" refresh-client -t "$(tmux "$@" list-clients -F '#{client_name}' | head -n 1)"
    term_settle
}

# status_line: the last line of the outer terminal (a client's status line at the bottom),
# with its colours; times and dates are replaced by their shapes.
status_line() {
    term_screen | tail -n 1 | no_times
}

# no_times: clock times, dates and load figures replaced by their shapes (the two runs
# happen a few seconds apart).
no_times() {
    sed -E -e 's/[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?/HH:MM/g' \
        -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}/YYYY-MM-DD/g' \
        -e 's/[0-9]{1,2}[ -](Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)([ -][0-9]{2,4})?/D-MON/g' \
        -e 's/(Mon|Tue|Wed|Thu|Fri|Sat|Sun)/DAY/g'
}
