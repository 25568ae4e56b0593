# Control characters in values: C escapes and octal.
$TMUX_BIN new -d -s a
$TMUX_BIN set -g @t "$(printf 'tab\tx')"
$TMUX_BIN set -g @n "$(printf 'nl\nx')"
$TMUX_BIN set -g @e "$(printf 'a\033b')"
$TMUX_BIN set -g @d "$(printf 'a\177b c')"
$TMUX_BIN show -g @t; $TMUX_BIN show -g @n; $TMUX_BIN show -g @e; $TMUX_BIN show -g @d
