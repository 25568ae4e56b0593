# A word motion that scrolls the view up off select-line's first line swaps the ends, as
# tmux 3.3a's cursor-up there does (its scrolling steps are cursor-ups): the cursor drags
# the start from then on, other-end goes to the end's line, and a rectangle runs from the
# cursor's column to the end's.
. "$COMPAT_LIB"
$T new -d -s s -x 30 -y 3 "for i in 0 1 2 3 4 5 6 7; do echo \"word\$i more\$i end\$i\"; done; echo END; exec cat"
wait_pane s END
$T set -g mode-keys vi
$T copy-mode -t s
for c in history-top scroll-down top-line select-line "-N 4 previous-word" \
    rectangle-toggle copy-selection-no-clear other-end; do
    $T send -t s -X $c
    echo "$c: $($T display -p -t s '#{copy_cursor_x},#{copy_cursor_y} #{scroll_position} #{selection_start_x},#{selection_start_y}-#{selection_end_x},#{selection_end_y}') [$($T show-buffer 2>/dev/null | tr '\n' '|')]"
done
