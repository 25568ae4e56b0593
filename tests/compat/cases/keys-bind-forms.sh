# bind-key's forms as list-keys prints them: one command string, several words with ';'
# words between commands, { } blocks nested and as arguments, flags sorted, -- kept out,
# quoting of arguments, and errors that bind nothing.
cat > "$COMPAT_TMP/conf" <<'CONF'
bind a display -p -- -x
bind b "splitw -v -h ; neww -d -n 'a b'"
bind c splitw -h \; neww -d
bind d if -F 1 { display -- -y
display "two words" } { display 'it''s' }
bind e display-menu -x 0 one 1 { display one } '' two 2 "display two"
bind f choose-tree { display "%%" }
bind g confirm-before -p "sure? " { kill-window }
bind h run-shell -C { display ran }
bind i set -g @x { display hook }
bind j display -p "$HOME ~ \$ \\ \"q\""
bind k command-prompt -I "#W" { rename-window "%%" ; display done }
CONF
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN source-file "$COMPAT_TMP/conf"; echo "rc=$?"
for k in a b c d e f g h i j k; do $TMUX_BIN list-keys -T prefix $k | sed "s|$HOME|HOME|g"; done
$TMUX_BIN bind z nosuch; echo "rc=$?"
$TMUX_BIN bind z display -Q; echo "rc=$?"
$TMUX_BIN bind z 'display {'; echo "rc=$?"
$TMUX_BIN list-keys -T prefix z; echo "rc=$?"
$TMUX_BIN bind -T newtable x display 'x;y' \; list-keys -T newtable
$TMUX_BIN kill-server
