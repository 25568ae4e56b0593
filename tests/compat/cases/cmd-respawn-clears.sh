# respawn-pane -k and respawn-window -k: the new program starts on a cleared screen at the
# top left, the history stays, and the pane leaves copy mode.
. "$COMPAT_LIB"
$T new -d -s x -x 40 -y 5 'seq 1 12; exec cat'
wait_pane x 12
$T display -p -t x '#{history_size}'
$T copy-mode -t x
$T respawn-pane -k -t x 'echo third; exec cat'
wait_pane x third
$T display -p -t x '#{history_size} #{pane_in_mode} #{cursor_x},#{cursor_y}'
$T capture-pane -p -S - -t x
$T respawn-window -k -t x 'printf "\033[?1049h\033[31mfourth"; exec cat'
wait_pane x fourth
$T respawn-window -k -t x 'echo fifth; exec cat'
wait_pane x fifth
$T display -p -t x '#{history_size} #{alternate_on} #{cursor_x},#{cursor_y}'
$T capture-pane -p -e -t x
