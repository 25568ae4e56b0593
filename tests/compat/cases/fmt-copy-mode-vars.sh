# copy mode's format variables as tmux 3.3a gives them: before and with a selection,
# a rectangle, a search; copy_cursor_line and copy_cursor_word whole for a long line
. "$COMPAT_LIB"
"$TMUX_BIN" -f /dev/null new -d -s s -x 120 -y 10 "seq 1 30; printf 'alpha beta %s gamma\n' \$(printf 'x%.0s' \$(seq 1 90)); printf 'last line'; exec cat"
wait_pane s 'last line'
show() {
    "$TMUX_BIN" display -p "$1: pos=#{scroll_position} rect=#{rectangle_toggle} x=#{copy_cursor_x} y=#{copy_cursor_y} sel=#{selection_present} sx=#{selection_start_x} sy=#{selection_start_y} ex=#{selection_end_x} ey=#{selection_end_y} act=#{selection_active} search=#{search_present} match=#{search_match} top=#{?top_line_time,set,}"
    "$TMUX_BIN" display -p "word=[#{copy_cursor_word}]"
    "$TMUX_BIN" display -p "line=[#{copy_cursor_line}]"
}
"$TMUX_BIN" copy-mode
show start
"$TMUX_BIN" send -X cursor-up
"$TMUX_BIN" send -X start-of-line
"$TMUX_BIN" send -X next-word
show up
"$TMUX_BIN" send -X begin-selection
"$TMUX_BIN" send -X next-word
show selecting
"$TMUX_BIN" send -X rectangle-toggle
"$TMUX_BIN" send -X cursor-up
show rect
"$TMUX_BIN" send -X clear-selection
"$TMUX_BIN" send -X search-backward '2'
show search
"$TMUX_BIN" send -X scroll-up
"$TMUX_BIN" send -X scroll-up
show scrolled
"$TMUX_BIN" send -X cancel
show out
# vi keys: motions keep the search's matches; stop-selection ends the selection where it is
"$TMUX_BIN" set -g mode-keys vi
"$TMUX_BIN" copy-mode
"$TMUX_BIN" send -X search-backward '2'
show 'vi search'
"$TMUX_BIN" send -X cursor-up
"$TMUX_BIN" send -X scroll-down
show 'vi moved'
"$TMUX_BIN" send -X begin-selection
"$TMUX_BIN" send -X cursor-right
"$TMUX_BIN" send -X stop-selection
"$TMUX_BIN" send -X cursor-down
show 'vi stopped'
"$TMUX_BIN" send -X history-top
"$TMUX_BIN" send -X scroll-up
# (not copy_cursor_line on the top row: tmux's has the position indicator in it)
"$TMUX_BIN" display -p 'vi top: pos=#{scroll_position} x=#{copy_cursor_x} y=#{copy_cursor_y} word=[#{copy_cursor_word}]'
