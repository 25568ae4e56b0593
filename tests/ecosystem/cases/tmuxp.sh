# tmuxp (Debian's): load a workspace with several windows, split layouts, shell_command
# lists, start_directory, environment, options, before_script and focus; freeze it; then
# load one attached in a terminal and look at the screen.
. "$ECO_LIB"
cd "$ECO_TMP" || exit 1
mkdir proj
printf '#!/bin/sh\necho ran > "%s/before.out"\n' "$ECO_TMP" > before.sh
chmod +x before.sh
sed "s|TMPDIR|$ECO_TMP|" "$ECO_DATA/tmuxp-work.yaml" > work.yaml

step "load -d"
tmuxp load -d -y ./work.yaml 2>&1 | sed 's/\x1b\[[0-9;]*m//g'
wait_pane work:logs.1 "last /tmp" && wait_pane work:editor.2 four &&
    wait_pane work:editor.1 "three yes" && wait_pane work:editor.0 "one two" &&
    wait_pane work:logs.0 "env from-workspace"
cat before.out
step "windows"
tmux list-windows -t work -F '#{window_index} #{window_name} #{window_active} #{window_layout} #{window_panes}'
step "panes"
panes work
step "options"
tmux show -t work history-limit
tmux show -t work status-left
tmux show -g status-right
tmux show -w -t work:editor main-pane-width
tmux show-environment -t work ECO_VAR
step "active"
tmux display -p -t work '#{window_name} #{pane_index}'
tmux display -p -t work:editor '#{pane_index} #{pane_current_path}'
step "freeze"
tmuxp freeze -y -q --force -o frozen.yaml work >/dev/null 2>&1
sed -e "s|$ECO_TMP|\$TMP|g" frozen.yaml
step "load attached"
cat > small.yaml <<'YAML'
session_name: small
windows:
  - window_name: one
    layout: even-horizontal
    panes:
      - echo left
      - echo right
  - window_name: two
    panes:
      - echo second
YAML
term_start 81 24 tmuxp load -y ./small.yaml
# Each pane has run its command (its output's own line: the typed "echo right" holds
# "right" too, and shows as soon as it is typed), then the client shows them.
wait_line small:one.0 left && wait_line small:one.1 right && wait_line small:two.0 second &&
    term_wait "[small]"
term_screen | no_times | sed 's/ *$//'
