# Key options as tmux prints them.
$TMUX_BIN new -d -s a
for k in C-a ^A M-F1 'C-\' Space a None F12 C-Space; do
    $TMUX_BIN set -g prefix "$k"
    $TMUX_BIN show -g prefix
done
$TMUX_BIN set -s backspace C-h
$TMUX_BIN show -s backspace
