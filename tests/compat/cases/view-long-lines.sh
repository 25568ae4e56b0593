# A line longer than the pane is cut at its width in view-mode (no wrapping), wide
# characters included; tabs and colours of run-shell's output are applied.
. "$COMPAT_LIB"
$T new -d -s x -x 30 -y 6 cat
$T run-shell 'echo 0123456789abcdefghijABCDEFGHIJxyz; echo 0123456789abcdefghijABCDEFGHI界x; printf "a\tb\033[1mc\n"'
$T send-keys -X history-top
$T send-keys -X begin-selection
$T send-keys -X cursor-down
$T send-keys -X cursor-down
$T send-keys -X end-of-line
$T send-keys -X copy-selection
$T show-buffer; echo
$T display -p '#{scroll_position}'
