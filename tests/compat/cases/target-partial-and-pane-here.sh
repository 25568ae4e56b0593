# Targets as tmux 3.3a finds them: the options and environment commands take what a target's
# parts did name (sess of sess:99, window 0 of sess:0.7); a window index to make or move to
# refuses a pane ("can't specify pane here"); set-buffer with no data
"$TMUX_BIN" -f /dev/null new -d -s s0 'sleep 1000'
"$TMUX_BIN" set -t s0 @x s0val
"$TMUX_BIN" setw -t s0:0 @w w0
"$TMUX_BIN" show-options -t s0:99; echo "show s0:99: $?"
"$TMUX_BIN" show-options -t s0:0.7; echo "show s0:0.7: $?"
"$TMUX_BIN" show-options -w -t s0:0.7; echo "show -w s0:0.7: $?"
"$TMUX_BIN" show-options -w -t s0:99; echo "show -w s0:99: $?"
"$TMUX_BIN" show-options -p -t s0:0.7; echo "show -p s0:0.7: $?"
"$TMUX_BIN" show-options -t nosuch:1; echo "show nosuch:1: $?"
"$TMUX_BIN" show-hooks -t s0:99; echo "show-hooks s0:99: $?"
"$TMUX_BIN" setenv -t s0 FOO bar
"$TMUX_BIN" show-environment -t s0:99 FOO; echo "showenv s0:99: $?"
"$TMUX_BIN" new-window -t %0; echo "neww %0: $?"
"$TMUX_BIN" new-window -t s0:1.0; echo "neww s0:1.0: $?"
"$TMUX_BIN" break-pane -t %0; echo "breakp %0: $?"
"$TMUX_BIN" link-window -t %0; echo "linkw %0: $?"
"$TMUX_BIN" move-window -t %0; echo "movew %0: $?"
"$TMUX_BIN" lsw -F '#{window_index}'
"$TMUX_BIN" set-buffer; echo "set-buffer: $?"
