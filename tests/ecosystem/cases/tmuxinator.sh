# tmuxinator (Debian's): start a project with windows, pane layouts, root, pre_window,
# startup window and pane, and on_project_start hooks; detached, then attached in a
# terminal as a user starts it.
. "$ECO_LIB"
cd "$ECO_TMP" || exit 1
mkdir -p proj "$HOME/.config/tmuxinator"
sed "s|TMPDIR|$ECO_TMP|g" "$ECO_DATA/tmuxinator-proj.yml" > "$HOME/.config/tmuxinator/proj.yml"

# ran: wait until every pane has run its last command. Each waits for its output's own line:
# the typed command holds the same text ("echo e" holds "e"), and the terminal shows it as
# soon as it is typed, before the shell has run it.
ran() {
    wait_line proj:editor.0 left && wait_line proj:editor.1 "middle pre" &&
        wait_line proj:editor.2 right-two && wait_line proj:server server &&
        wait_line proj:logs.0 a && wait_line proj:logs.1 /tmp && wait_line proj:logs.2 c &&
        wait_line proj:logs.3 d && wait_line proj:logs.4 e
}

step "start --no-attach"
tmuxinator start proj --no-attach 2>&1
ran
cat hooks.out
step "windows"
tmux list-windows -t proj -F '#{window_index} #{window_name} #{window_active} #{window_layout} #{window_panes}'
step "panes"
# Without the lines the terminal echoes as tmuxinator types (echo, export, cd): where they
# fall among the output depends on whether the shell was reading yet, in tmux as in tmx.
panes proj | grep -v -E '^  (echo|export|cd) ' 
step "active"
tmux display -p -t proj '#{window_name} #{pane_index} #{pane_current_path}'
step "stop"
tmuxinator stop proj 2>&1
tmux has-session -t proj 2>/dev/null && echo "still there"
step "start attached"
term_start 80 25 tmuxinator start proj
# The panes have run their commands, then the client shows them (its status line).
ran && term_wait "[proj]"
term_screen | no_times | sed 's/ *$//'
step "list and debug"
tmuxinator list 2>&1
