# Terminal mode flags of a pane.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{cursor_flag}#{insert_flag}#{keypad_cursor_flag}#{keypad_flag}#{origin_flag}#{wrap_flag}'
$T display -p -t main '#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}#{mouse_all_flag}#{mouse_utf8_flag}#{mouse_sgr_flag}'
$T display -p -t main '[#{cursor_character}]'
