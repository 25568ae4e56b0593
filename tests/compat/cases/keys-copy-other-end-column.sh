# other-end puts the cursor on the other end's column even past its line's end, as tmux
# 3.3a: next-word -N 5 leaves the cursor at column 1 of the empty last line, a selection
# begun there keeps that column, and other-end goes back to it.
. "$COMPAT_LIB"
$T new -d -s s -x 40 -y 10 "printf 'one abc two\\nfoo bar aXc\\nEND\\n'; exec cat"
wait_pane s END
$T set -g mode-keys vi
$T copy-mode -t s
for c in history-bottom cursor-up cursor-up end-of-line "-N 5 next-word" begin-selection \
    cursor-up other-end cursor-up other-end other-end; do
    $T send -t s -X $c
    $T display -p -t s "$c: #{copy_cursor_x},#{copy_cursor_y} #{selection_start_x},#{selection_start_y}-#{selection_end_x},#{selection_end_y}"
done
