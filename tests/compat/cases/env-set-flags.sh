# set-environment: values, -r (removed), -h (hidden), -u; show-environment -h and -s.
$TMUX_BIN new -d -s a
$TMUX_BIN setenv FOO 'bar baz'
$TMUX_BIN setenv -r GONE
$TMUX_BIN setenv -h HID secret
$TMUX_BIN setenv Q 'a"b$c`d\e'
$TMUX_BIN showenv
echo "-- h"; $TMUX_BIN showenv -h
echo "-- s"; $TMUX_BIN showenv -s
echo "-- sh"; $TMUX_BIN showenv -sh
$TMUX_BIN showenv FOO; $TMUX_BIN showenv -s FOO; $TMUX_BIN showenv GONE; $TMUX_BIN showenv -s GONE
$TMUX_BIN showenv HID; echo "rc=$?"; $TMUX_BIN showenv -h HID
$TMUX_BIN setenv -u FOO; $TMUX_BIN showenv FOO; echo "rc=$?"
$TMUX_BIN setenv -u NEVER; echo "rc=$?"
