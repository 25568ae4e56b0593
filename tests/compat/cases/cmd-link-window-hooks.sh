# window-linked and window-unlinked hooks: link-window, unlink-window, kill-window of a
# window shown by two sessions
"$TMUX_BIN" -f /dev/null new -d -s a -n one 'sleep 1000'
"$TMUX_BIN" new -d -s b -n bee 'sleep 1000'
"$TMUX_BIN" set-hook -g window-linked 'set -ga @l L'
"$TMUX_BIN" set-hook -g window-unlinked 'set -ga @u U'
"$TMUX_BIN" linkw -d -s a:0 -t b:3
"$TMUX_BIN" unlinkw -t b:3
"$TMUX_BIN" linkw -d -s a:0 -t b:4
"$TMUX_BIN" linkw -d -s b:0 -t a:5
"$TMUX_BIN" killw -t a:5
"$TMUX_BIN" show -gv @l
"$TMUX_BIN" show -gv @u
