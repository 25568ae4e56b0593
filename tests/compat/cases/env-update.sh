# update-environment: a new session takes these variables from the client.
$TMUX_BIN new -d -s a
$TMUX_BIN set -g update-environment 'MYVAR OTHER*'
MYVAR=one OTHER_X=two $TMUX_BIN new -d -s b
$TMUX_BIN showenv -t b
