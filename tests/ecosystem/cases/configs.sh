# Popular configs load clean and draw as in tmux: configs written in the style of
# tmux-sensible (a plugin script that asks tmux before it sets), oh-my-tmux (.tmux.conf with
# its shell script in comments, cut and run by sh, and .tmux.conf.local) and catppuccin
# (a palette in user options, set -gF, #{E:}, hex colours). For each: the options it sets,
# and the screen (error lines, status line, borders) of a client attached in a terminal
# that says it has RGB colours (COLORTERM=truecolor, as most terminals now do).
. "$ECO_LIB"
cd "$ECO_TMP" || exit 1
srv=0
cfg() {
    srv=$((srv + 1))
    tmux -L "c$srv" new -d -s cfg -x 100 -y 12 -n edit
    tmux -L "c$srv" splitw -h -t cfg:edit
    tmux -L "c$srv" neww -d -t cfg -n logs
    step "$1 options"
    for o in prefix prefix2 history-limit base-index status-interval status-left status-right status-style window-status-format window-status-current-format pane-active-border-style mouse status-position; do
        tmux -L "c$srv" show -gq "$o" 2>&1
        tmux -L "c$srv" show -sq "$o" 2>&1
    done
    step "$1 screen"
    if [ "$srv" = 1 ]; then
        term_start 100 12 env COLORTERM=truecolor tmux -L "c$srv" attach -t cfg
    else
        term_run env COLORTERM=truecolor tmux -L "c$srv" attach -t cfg
    fi
    term_wait logs
    term_redraw -L "c$srv"
    term_screen | no_times | sed 's/ *$//'
}

cp "$ECO_DATA/configs/sensible.tmux" "$HOME/sensible.tmux"
echo "run-shell ~/sensible.tmux" > "$HOME/.tmux.conf"
cfg sensible
tmux -L "c$srv" list-keys -T prefix C-p
tmux -L "c$srv" list-keys -T prefix R
tmux -L "c$srv" show -wg aggressive-resize
step "sensible escape-time"
tmux -L "c$srv" show -s escape-time

cp "$ECO_DATA/configs/oh-my-tmux.conf" "$HOME/.tmux.conf"
cp "$ECO_DATA/configs/oh-my-tmux.conf.local" "$HOME/.tmux.conf.local"
cfg oh-my-tmux
step "oh-my-tmux keys"
tmux -L "c$srv" list-keys -T prefix - 
tmux -L "c$srv" list-keys -T prefix m
term_keys C-a _
wait_format cfg:edit '#{window_panes}' 3 -L "c$srv"
term_settle
tmux -L "c$srv" list-panes -t cfg -F '#{pane_index} #{pane_width}x#{pane_height}'
rm -f "$HOME/.tmux.conf.local"

cp "$ECO_DATA/configs/catppuccin.conf" "$HOME/.tmux.conf"
cfg catppuccin
