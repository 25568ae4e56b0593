# A copy mode command's arguments, as tmux 3.3a: copy-selection*, copy-line* and
# copy-end-of-line* take a buffer name prefix (the buffer is prefixN, N counting on with
# the automatic buffers), copy-pipe* take it after the command; a command given more
# arguments than it takes does nothing, not even hide the matches shown.
. "$COMPAT_LIB"
$T new -d -s s -x 30 -y 5 "printf 'one abc two\\nEND\\n'; exec cat"
wait_pane s END
$T set -g mode-keys emacs
for c in copy-selection-no-clear "copy-selection-no-clear pfx" "copy-selection-no-clear pfx x" \
    "copy-pipe-no-clear cat" "copy-pipe-no-clear cat pp" "copy-pipe-no-clear cat pp x" \
    copy-line-and-cancel "copy-line ln" "copy-end-of-line eol" "copy-pipe-line cat pl" \
    "append-selection x" "copy-selection-and-cancel sel"; do
    $T copy-mode -t s
    $T send -X -t s history-top
    $T send -X -t s begin-selection
    $T send -X -t s cursor-right
    $T send -X -t s $c
    echo "$c: $($T list-buffers -F '#{buffer_name}=#{buffer_sample}' | tr '\n' ' ')"
done
$T copy-mode -t s
$T send -X -t s history-top
$T send -X -t s search-forward abc
for c in "cancel x" "cursor-right x" "goto-line" "search-again x" "toggle-position x" \
    "jump-forward" "copy-pipe-no-clear cat p x"; do
    $T send -X -t s $c
    echo "$c: $($T display -p -t s '#{pane_in_mode} #{copy_cursor_x},#{copy_cursor_y} #{search_present}')"
done
