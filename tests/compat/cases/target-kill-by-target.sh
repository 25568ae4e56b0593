# Killing by session:name, .pane and @id removes just what they name.
$TMUX_BIN new -d -s s -n keep -x 80 -y 24 cat
$TMUX_BIN neww -d -t s -n gone cat
$TMUX_BIN neww -d -t s -n alsogone cat
$TMUX_BIN splitw -d -t s:keep cat
$TMUX_BIN killw -t s:gone
$TMUX_BIN killw -t @2
$TMUX_BIN killp -t s:keep.1
$TMUX_BIN lsp -s -t s -F '#{window_name}.#{pane_index}'
$TMUX_BIN killw -t s:gone; echo "rc=$?"
