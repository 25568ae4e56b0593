# byobu (Debian's) with its tmux backend: it starts, its status bar (with the status items
# that change by the second or by machine turned off in ~/.byobu/status), and its F-keys:
# F2 makes a window, F3/F4 move between windows, Shift-F2 splits.
. "$ECO_LIB"
cd "$ECO_TMP" || exit 1
mkdir -p "$HOME/.byobu"
echo BYOBU_BACKEND=tmux > "$HOME/.byobu/backend"
# (byobu-janitor keeps a status file that has screen_upper_left.)
cat > "$HOME/.byobu/status" <<'CONF'
screen_upper_left="color"
tmux_left="logo session"
tmux_right="whoami"
CONF
export BYOBU_BACKEND=tmux
step "start"
term_start 100 15 byobu
# The status line's two sides are byobu-status jobs (the logo " @ ", the user "NAME@"):
# they show when each job has run, which may come after the rest has drawn.
term_wait byobu-tips " @ " "$(whoami)@"
term_screen | no_times | sed 's/ *$//' | grep -v '^$'
step "sessions"
tmux list-sessions -F '#{session_name} #{session_windows}'
# The status line names each window "INDEX:NAME FLAGS" ("1:-*": window 1 is the current
# one); a key's effect is waited for as that text (the clock holds "1:" too).
step "F2 new window"
term_keys F2
term_wait "1:-*"
status_line
step "F3 previous, F4 next"
term_keys F3
term_wait "0:-*"
status_line
term_keys F4
term_wait "1:-*"
status_line
step "Shift-F2 split"
term_keys S-F2
wait_format "$(tmux list-sessions -F '#{session_name}' | head -n 1)" '#{window_panes}' 2
term_settle
tmux list-panes -F '#{pane_index} #{pane_width}x#{pane_height}'
step "options"
for o in status-left status-right status-interval status-style window-status-current-style prefix; do
    tmux show -g "$o" 2>&1 | sed "s|$HOME|\$HOME|g"
done
step "errors"
tmux show-messages 2>&1 | grep -i -e error -e unknown -e invalid | sed 's/^[^:]*: //'
