# run-shell's output goes to the pane's view-mode: lines added below, the view stays at
# the top; copy-mode's commands work in it, copy mode stacks over it, q leaves.
. "$COMPAT_LIB"
$T new -d -s x -x 30 -y 6 cat
$T run-shell 'seq 1 10'
$T display -p '#{pane_in_mode} #{pane_mode} #{scroll_position} #{copy_cursor_x},#{copy_cursor_y}'
$T run-shell 'seq 11 12'
$T display -p '#{scroll_position} #{copy_cursor_y}'
$T send-keys -X history-bottom
$T send-keys -X begin-selection
$T send-keys -X cursor-up
$T send-keys -X start-of-line
$T send-keys -X copy-selection
$T show-buffer; echo
$T display -p '#{pane_in_mode} #{pane_mode}'
$T copy-mode
$T display -p '#{pane_in_mode} #{pane_mode}'
$T send-keys -X cancel
$T display -p '#{pane_in_mode} #{pane_mode}'
$T send-keys q
$T display -p 'after q: #{pane_in_mode} #{pane_mode}'
$T run-shell -b 'echo bg'
i=0
while [ "$($T display -p '#{pane_mode}')" != view-mode ] && [ $i -lt 200 ]; do
    sleep 0.05; i=$((i + 1))
done
$T display -p '#{pane_in_mode} #{pane_mode}'
$T send-keys -X cancel
$T run-shell 'printf "\033[31mred\033[0m\n"; exit 2'
echo "rc=$?"
$T send-keys -X history-top
$T send-keys -X begin-selection
$T send-keys -X history-bottom
$T send-keys -X end-of-line
$T send-keys -X copy-selection-and-cancel
$T show-buffer; echo
$T display -p '#{pane_in_mode}'
