# tmuxinator (Debian's): start a project with windows, pane layouts, root, pre_window,
# startup window and pane, and on_project_start hooks; detached, then attached in a
# terminal as a user starts it.
. "$ECO_LIB"
cd "$ECO_TMP" || exit 1
mkdir -p proj "$HOME/.config/tmuxinator"
sed "s|TMPDIR|$ECO_TMP|g" "$ECO_DATA/tmuxinator-proj.yml" > "$HOME/.config/tmuxinator/proj.yml"

step "start --no-attach"
tmuxinator start proj --no-attach 2>&1
wait_pane proj:logs.4 e && wait_pane proj:editor.2 right-two && wait_pane proj:server server
cat hooks.out
step "windows"
tmux list-windows -t proj -F '#{window_index} #{window_name} #{window_active} #{window_layout} #{window_panes}'
step "panes"
panes proj
step "active"
tmux display -p -t proj '#{window_name} #{pane_index} #{pane_current_path}'
step "stop"
tmuxinator stop proj 2>&1
tmux has-session -t proj 2>/dev/null && echo "still there"
step "start attached"
term_start 80 25 tmuxinator start proj
term_wait "e"
term_screen | no_times | sed 's/ *$//'
step "list and debug"
tmuxinator list 2>&1
