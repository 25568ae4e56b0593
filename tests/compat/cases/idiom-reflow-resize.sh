# A pane made narrower keeps the last lines of its rewrapped text on the screen (the top
# ones go to history, the cursor keeps its row); wider brings them back; a pane made
# narrower and taller at once changes height first (tmuxinator's layouts do this).
. "$COMPAT_LIB"
$T -f /dev/null new -d -s x -x 80 -y 10 "printf 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\nbbb\ncccccccccccccccccccccccccccccc\n'; sleep 1000"
$T set -g status off
wait_pane x bbb
show() { $T display -p -t x "$1 #{pane_width}x#{pane_height} history=#{history_size} cursor=#{cursor_x},#{cursor_y}"; $T capture-pane -p -t x | head -3; }
show start
$T resize-window -t x -x 20
show narrow
$T resize-window -t x -x 80
show wide
$T resize-window -t x -x 10 -y 3
show tiny
$T resize-window -t x -x 39 -y 5
show small
$T resize-window -t x -x 12 -y 20
show narrow-tall
$T resize-window -t x -x 80 -y 10
show back
