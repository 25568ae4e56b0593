# On the shell command line, a word ending in ';' ends bind-key's command and '\;' is a
# ';' given to bind-key, which then ends one of the bound commands.
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN bind -T x d display -p 'a;' display -p b
$TMUX_BIN bind -T x e select-pane '\;' display hi
$TMUX_BIN list-keys -T x
